"""The fields of a paper file and of the vocabulary files, declared once as specs."""

from __future__ import annotations

import datetime

from .models import COVERAGE_LEVELS, SURVEYS, VENUE_KINDS
from .spec import Spec

KEY_PATTERN = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)?"
DOI_PATTERN = r"10\.\d{4,9}/[^\s\"<>{}|\\^`]+"
ARXIV_PATTERN = r"\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7}"
OPENREVIEW_PATTERN = r"[A-Za-z0-9_-]{5,40}"
# Pages, optionally with an article number as ACM prints them (38:1--38:38).
PAGES_PATTERN = r"[A-Za-z]?\d+(?::\d+)?(?:--[A-Za-z]?\d+(?::\d+)?)?"
NODE_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
FIRST_YEAR = 1900
# Ids that name a page of their own (datasets/<id>/, benchmarks/<id>/): never the folder's index page.
PAGE_ID_PATTERN = r"(?!index$)" + NODE_PATTERN


def latest_year() -> int:
    """Papers may carry next year's date (journals assign volumes ahead), never later."""
    return datetime.date.today().year + 1


def _text(help_text: str, **options: object) -> Spec:
    return Spec("text", help=help_text, **options)  # type: ignore[arg-type]


def _texts(help_text: str, item: Spec, **options: object) -> Spec:
    return Spec("list", help=help_text, item=item, unique=True, **options)  # type: ignore[arg-type]


_LINK = _text("An http(s) URL.", link=True, max_length=500)

ATTRIBUTE_FIELDS: tuple[tuple[str, str], ...] = (
    ("imaging_domain", "Imaging domain (ADGDM TABLE 2)"),
    ("video_paradigm", "Video learning paradigm: F, S, M or C (ADGDM TABLE 4)"),
    ("video_domain", "Video domain (ADGDM TABLE 4)"),
    ("ts_paradigm", "Time-series learning paradigm (ADGDM TABLE 6)"),
    ("tabular_type", "Tabular method type (ADGDM TABLE 8)"),
    ("tabular_metrics", "Tabular performance metrics (ADGDM TABLE 8)"),
    ("mm_datasets", "Multimodal datasets (ADGDM TABLE 10)"),
    ("generation_domain", "Generation domain (ADGDM TABLE 11)"),
    ("main_focus", "Main focus of a related survey (ADGDM TABLE 1)"),
    ("domain_scope", "Related survey's scope: specific or general (ADGDM TABLE 1)"),
)

COVERAGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("iad", "Image anomaly detection"),
    ("vad", "Video anomaly detection"),
    ("tsad", "Time-series anomaly detection"),
    ("tad", "Tabular anomaly detection"),
    ("mad", "Multimodal anomaly detection"),
    ("ag", "Anomaly generation"),
    ("dm", "Diffusion models"),
    ("dataset", "Datasets"),
    ("metric", "Metrics"),
)

_COVERAGE_LEVEL = _text("full, partial, none or not-applicable", vocabulary="coverage level")

_PLACEMENT_FIELDS = {
    "adgdm": _text("A section number of the ADGDM survey, e.g. 4.2.1.", vocabulary="ADGDM section"),
    "dmad": _text("A section of the DMAD list, e.g. reconstruction.", vocabulary="DMAD section"),
}


def _placement(survey: str) -> Spec:
    return Spec(
        "mapping",
        help=f"Where the {survey.upper()} survey lists or cites the paper.",
        fields=(
            ("ref", Spec("integer", help="Citation number in the survey's bibliography.", minimum=1, maximum=9999)),
            ("tables", _texts("Numbers of the survey tables that list it.", Spec("integer", minimum=1, maximum=99))),
            ("sections", _texts("Sections whose text cites it.", _PLACEMENT_FIELDS[survey])),
        ),
    )


RESULT = Spec(
    "mapping",
    help="One reported number.",
    fields=(
        ("benchmark", _text("A benchmark id from benchmarks.yaml.", required=True, vocabulary="benchmark")),
        ("column", _text("A column id of that benchmark.", required=True, pattern=NODE_PATTERN, pattern_hint="a column id")),
        ("value", Spec("number", help="The value as printed; null where the table shows '-'.", required=True, nullable=True)),
        ("spread", Spec("number", help="The ± part, where the table prints one.")),
        ("text", _text("The cell exactly as printed, when it is not a plain number.", max_length=60)),
    ),
)

DISAGREEMENT = Spec(
    "mapping",
    help="A value another source gives, kept for a maintainer to check.",
    fields=(
        ("field", _text("The paper field the sources disagree on.", required=True, vocabulary="paper field")),
        ("value", Spec("text-or-integer", help="The other source's value.", required=True, max_length=300)),
        ("source", _text("Which source says so, e.g. 'ADGDM README, TABLE 2'.", required=True, max_length=200)),
    ),
)

PAPER = Spec(
    "mapping",
    fields=(
        ("id", _text("The BibTeX key, equal to the file name without .yaml. Set once by the key rule, then never changed.",
                     required=True, pattern=KEY_PATTERN, pattern_hint="a key of lower-case letters and digits like smith2024diffusion",
                     example="bercea2024diffusion")),
        ("title", _text("The title with its proper casing. Braces {…} protect words from BibTeX's case change.",
                        required=True, max_length=400, example="Diffusion Models with Implicit Guidance for Medical Anomaly Detection")),
        ("short_name", _text("The method's short name as the survey tables print it.", max_length=80, example="THOR")),
        ("authors", Spec("list", help="Authors in order, each as 'Family, Given'.", required=True, min_items=1,
                         item=_text("'Family, Given'", max_length=120, pattern=r"[^,]+(?:, [^,]+)?",
                                    pattern_hint="a name written 'Family, Given'"),
                         example="- Bercea, Cosmin I.")),
        ("authors_incomplete", Spec("boolean", help="true when the sources name only some authors (e.g. 'Smith et al.').")),
        ("year", Spec("integer", help="Year of publication.", required=True, minimum=FIRST_YEAR, example="2024")),
        ("venue", _text("Short venue name from venues.yaml.", required=True, vocabulary="venue", example="MICCAI")),
        ("volume", Spec("text-or-integer", help="Volume.", max_length=40)),
        ("number", Spec("text-or-integer", help="Issue number.", max_length=40)),
        ("pages", _text("Pages as first--last.", pattern=PAGES_PATTERN, pattern_hint="pages like 211--220", example="211--220")),
        ("publisher", _text("Publisher (needed for books).", max_length=200)),
        ("doi", _text("DOI without https://doi.org/.", pattern=DOI_PATTERN, pattern_hint="a DOI like 10.1007/978-3-031-72120-5_20",
                      example="10.1007/978-3-031-72120-5_20")),
        ("arxiv", _text("arXiv identifier without version.", pattern=ARXIV_PATTERN, pattern_hint="an arXiv id like 2506.09368",
                        example="2506.09368")),
        ("openreview", _text("OpenReview forum id.", pattern=OPENREVIEW_PATTERN, pattern_hint="an OpenReview forum id like lR3rk7ysXz")),
        ("url", Spec("text", help="Publisher or landing page URL.", link=True, max_length=500)),
        ("code", _texts("Code repositories or project pages.", _LINK)),
        ("modality", _texts("Data modalities.", _text("a modality", vocabulary="modality"), required=True,
                            example="[image]")),
        ("task", _text("What the paper does.", required=True, vocabulary="task", example="detection")),
        ("taxonomy", _texts("Taxonomy nodes under which a survey places the paper.", _text("a node id", vocabulary="taxonomy node"))),
        ("uses_diffusion", Spec("boolean", help="Whether the method uses a diffusion model (the tables' DM column).", required=True)),
        ("surveys", Spec("mapping", help="Where the surveys list or cite it.",
                         fields=tuple((survey, _placement(survey)) for survey in SURVEYS))),
        ("attributes", Spec("mapping", help="Per-table attributes the survey gives.",
                            fields=tuple((key, _text(label, max_length=200)) for key, label in ATTRIBUTE_FIELDS))),
        ("coverage", Spec("mapping", help="For related surveys: what they cover (ADGDM TABLE 1).",
                          fields=tuple((key, _COVERAGE_LEVEL) for key, _ in COVERAGE_FIELDS))),
        ("datasets", _texts("Datasets the paper evaluates on.", _text("a dataset id", vocabulary="dataset"))),
        ("results", Spec("list", help="Benchmark numbers as the survey reports them.", item=RESULT)),
        ("disagreements", Spec("list", help="Values other sources give.", item=DISAGREEMENT)),
        ("added", Spec("date", help="Date the paper joined the catalogue.", required=True, example="2026-11-28")),
        ("notes", _text("Free notes written by the project (never copied text).", max_length=2000, multiline=True)),
    ),
)

PAPER_FIELDS: tuple[str, ...] = tuple(name for name, _ in PAPER.fields)

VENUE = Spec(
    "mapping",
    fields=(
        ("name", _text("Full name, used as BibTeX booktitle or journal.", required=True, max_length=300)),
        ("kind", _text("conference, workshop, journal, preprint or book.", required=True, vocabulary="venue kind")),
        ("publisher", _text("Publisher.", max_length=200)),
        ("url", _LINK),
    ),
)

TAXONOMY_NODE = Spec(
    "mapping",
    fields=(
        ("id", _text("Node id.", required=True, pattern=NODE_PATTERN, pattern_hint="a lower-case id like latent-space-reconstruction")),
        ("label", _text("Display name.", required=True, max_length=100)),
        ("parent", _text("Parent node id; absent for an axis.", pattern=NODE_PATTERN, pattern_hint="a node id")),
        ("description", _text("What the node means, in the project's words.", required=True, max_length=1000, multiline=True)),
        ("survey", _text("Which survey defines the node.", vocabulary="survey")),
        ("sections", _texts("ADGDM sections that discuss it.", _text("a section", vocabulary="ADGDM section"))),
    ),
)

DATASET = Spec(
    "mapping",
    fields=(
        ("id", _text("Dataset id; it names the dataset's page.", required=True, pattern=PAGE_ID_PATTERN,
                     pattern_hint="a lower-case id like mvtec-ad (not 'index')")),
        ("name", _text("Name.", required=True, max_length=100)),
        ("modality", _text("Modality.", required=True, vocabulary="modality")),
        ("task", _text("Task abbreviation as the survey prints it (IAD, VAD, ...).", max_length=40)),
        ("kind", _text("real or synthetic.", vocabulary="dataset kind")),
        ("samples", Spec("text-or-integer", help="Number of samples as printed.", max_length=60)),
        ("subjects", Spec("text-or-integer", help="Subjects or classes as printed.", max_length=60)),
        ("domain", _text("Domain.", max_length=200)),
        ("homepage", _LINK),
        ("paper", _text("Id of the paper that introduced it.", pattern=KEY_PATTERN, pattern_hint="a paper id")),
        ("year", Spec("integer", minimum=FIRST_YEAR)),
        ("venue", _text("Venue as the dataset table prints it.", max_length=80)),
        ("sources", _texts("Where it is listed.", _text("a source", max_length=120))),
    ),
)

BENCHMARK_COLUMN = Spec(
    "mapping",
    fields=(
        ("id", _text("Column id.", required=True, pattern=NODE_PATTERN, pattern_hint="a column id")),
        ("label", _text("Header as the survey labels it.", required=True, max_length=120)),
        ("dataset", _text("Dataset id.", required=True, vocabulary="dataset")),
        ("metric", _text("Metric name as printed.", required=True, max_length=60)),
        ("higher_is_better", Spec("boolean", help="true or false; leave it out where the source gives no direction "
                                  "(an unnamed value, a p-value): no best value is marked then.")),
        ("unit", _text("Unit.", max_length=20)),
        ("setting", _text("Evaluation setting.", max_length=120)),
        ("note", _text("What the source says (or does not say) about the column.", max_length=500, multiline=True)),
    ),
)

BENCHMARK = Spec(
    "mapping",
    fields=(
        ("id", _text("Benchmark id; it names the leaderboard's page.", required=True, pattern=PAGE_ID_PATTERN,
                     pattern_hint="a lower-case id like time-series-swat (not 'index')")),
        ("title", _text("Title.", required=True, max_length=200)),
        ("survey", _text("Source survey.", required=True, vocabulary="survey")),
        ("table", Spec("integer", required=True, minimum=1, maximum=99)),
        ("columns", Spec("list", required=True, min_items=1, item=BENCHMARK_COLUMN)),
        ("notes", Spec("list", item=_text("A note.", max_length=1000, multiline=True))),
    ),
)

SURVEY = Spec(
    "mapping",
    fields=(
        ("title", _text("Title.", required=True, max_length=300)),
        ("paper", _text("Paper id of the survey itself.", required=True, pattern=KEY_PATTERN, pattern_hint="a paper id")),
        ("tables", Spec("list", item=Spec("mapping", fields=(
            ("number", Spec("integer", required=True, minimum=1)),
            ("title", _text("Heading in the project's words.", required=True, max_length=300)),
        )))),
        ("sections", Spec("list", required=True, item=Spec("mapping", fields=(
            ("key", _text("Section number or key.", required=True, max_length=40, pattern=r"[A-Za-z0-9.-]+",
                          pattern_hint="a section key like 4.2.1")),
            ("title", _text("Section heading.", required=True, max_length=200)),
        )))),
    ),
)

FIXED_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "venue kind": VENUE_KINDS,
    "coverage level": COVERAGE_LEVELS,
    "survey": SURVEYS,
    "dataset kind": ("real", "synthetic"),
    "paper field": PAPER_FIELDS,
}
