"""The fields of a paper file, declared once as a spec, and the vocabularies that no file defines."""

from __future__ import annotations

from .fields import (
    ARXIV_PATTERN,
    DOI_PATTERN,
    FIRST_YEAR,
    KEY_PATTERN,
    LINK,
    NODE_PATTERN,
    OPENREVIEW_PATTERN,
    PAGES_PATTERN,
    text_field,
    text_list,
)
from .models import COVERAGE_LEVELS, SURVEYS, VENUE_KINDS
from .spec import Spec

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

_COVERAGE_LEVEL = text_field("full, partial, none or not-applicable", vocabulary="coverage level")

_PLACEMENT_FIELDS = {
    "adgdm": text_field("A section number of the ADGDM survey, e.g. 4.2.1.", vocabulary="ADGDM section"),
    "dmad": text_field("A section of the DMAD list, e.g. reconstruction.", vocabulary="DMAD section"),
}


def _placement(survey: str) -> Spec:
    return Spec(
        "mapping",
        help=f"Where the {survey.upper()} survey lists or cites the paper.",
        fields=(
            ("ref", Spec("integer", help="Citation number in the survey's bibliography.", minimum=1, maximum=9999)),
            ("tables", text_list("Numbers of the survey tables that list it.", Spec("integer", minimum=1, maximum=99))),
            ("sections", text_list("Sections whose text cites it.", _PLACEMENT_FIELDS[survey])),
        ),
    )


RESULT = Spec(
    "mapping",
    help="One reported number.",
    fields=(
        ("benchmark", text_field("A benchmark id from benchmarks.yaml.", required=True, vocabulary="benchmark")),
        ("column", text_field("A column id of that benchmark.", required=True, pattern=NODE_PATTERN, pattern_hint="a column id")),
        ("value", Spec("number", help="The value as printed; null where the table shows '-'.", required=True, nullable=True)),
        ("spread", Spec("number", help="The ± part, where the table prints one.")),
        ("text", text_field("The cell exactly as printed, when it is not a plain number.", max_length=60)),
    ),
)

DISAGREEMENT = Spec(
    "mapping",
    help="A value another source gives, kept for a maintainer to check.",
    fields=(
        ("field", text_field("The paper field the sources disagree on.", required=True, vocabulary="paper field")),
        ("value", Spec("text-or-integer", help="The other source's value.", required=True, max_length=300)),
        ("source", text_field("Which source says so, e.g. 'ADGDM README, TABLE 2'.", required=True, max_length=200)),
    ),
)

VERIFICATION_GROUPS: tuple[tuple[str, str], ...] = (
    ("record", "title, year, venue, volume, number and pages"),
    ("authors", "the author list and given names"),
    ("identifiers", "DOI, arXiv id and OpenReview id"),
    ("code", "the official code repository"),
    ("method", "what the summary and the site's placements say"),
)

VERIFICATION = Spec(
    "mapping",
    help="Where and when the record was checked: per group of facts, the pages they were checked against.",
    fields=(
        ("date", Spec("date", help="The day of the check.", required=True, example="2026-12-03")),
        *((group, text_list(f"Pages that confirm {facts}.", LINK)) for group, facts in VERIFICATION_GROUPS),
        ("unconfirmed", text_list("Fields no primary page confirmed; they stay as the sources give them.",
                                  text_field("a paper field, or 'method'", vocabulary="checked fact"))),
        ("note", text_field("What could not be checked and why, in the project's words.", max_length=1000, multiline=True)),
    ),
)

PAPER = Spec(
    "mapping",
    fields=(
        ("id", text_field("The BibTeX key, equal to the file name without .yaml. Set once by the key rule, then never changed.",
                          required=True, pattern=KEY_PATTERN, pattern_hint="a key of lower-case letters and digits like smith2024diffusion",
                          example="bercea2024diffusion")),
        ("title", text_field("The title with its proper casing. Braces {…} protect words from BibTeX's case change.",
                             required=True, max_length=400,
                             example="Diffusion Models with Implicit Guidance for Medical Anomaly Detection")),
        ("short_name", text_field("The method's short name as the survey tables print it.", max_length=80, example="THOR")),
        ("authors", Spec("list", help="Authors in order, each as 'Family, Given'.", required=True, min_items=1,
                         item=text_field("'Family, Given'", max_length=120, pattern=r"[^,]+(?:, [^,]+)?",
                                         pattern_hint="a name written 'Family, Given'"),
                         example="- Bercea, Cosmin I.")),
        ("authors_incomplete", Spec("boolean", help="true when the sources name only some authors (e.g. 'Smith et al.').")),
        ("year", Spec("integer", help="Year of publication.", required=True, minimum=FIRST_YEAR, example="2024")),
        ("venue", text_field("Short venue name from venues.yaml.", required=True, vocabulary="venue", example="MICCAI")),
        ("volume", Spec("text-or-integer", help="Volume.", max_length=40)),
        ("number", Spec("text-or-integer", help="Issue number.", max_length=40)),
        ("pages", text_field("Pages as first--last.", pattern=PAGES_PATTERN, pattern_hint="pages like 211--220", example="211--220")),
        ("publisher", text_field("Publisher (needed for books).", max_length=200)),
        ("doi", text_field("DOI without https://doi.org/.", pattern=DOI_PATTERN, pattern_hint="a DOI like 10.1007/978-3-031-72120-5_20",
                           example="10.1007/978-3-031-72120-5_20")),
        ("arxiv", text_field("arXiv identifier without version.", pattern=ARXIV_PATTERN, pattern_hint="an arXiv id like 2506.09368",
                             example="2506.09368")),
        ("openreview", text_field("OpenReview forum id.", pattern=OPENREVIEW_PATTERN,
                                  pattern_hint="an OpenReview forum id like lR3rk7ysXz")),
        ("url", Spec("text", help="Publisher or landing page URL.", link=True, max_length=500)),
        ("code", text_list("Code repositories or project pages.", LINK)),
        ("modality", text_list("Data modalities.", text_field("a modality", vocabulary="modality"), required=True,
                               example="[image]")),
        ("task", text_field("What the paper does.", required=True, vocabulary="task", example="detection")),
        ("taxonomy", text_list("Taxonomy nodes under which a survey places the paper.",
                               text_field("a node id", vocabulary="taxonomy node"))),
        ("site_taxonomy", Spec("table", help="Taxonomy nodes this site places the paper on, each with the reason in the project's words.",
                               key=text_field("a node id", vocabulary="taxonomy node"),
                               item=text_field("Why the method sits there, in one line.", max_length=200),
                               example="reconstruction-scoring: \"scores each pixel by its error after denoising\"")),
        ("uses_diffusion", Spec("boolean", help="Whether the method uses a diffusion model (the tables' DM column).", required=True)),
        ("summary", text_field("One sentence of 8 to 40 words in the project's words: what the method does and how it "
                               "finds or makes the anomaly.", max_length=400)),
        ("surveys", Spec("mapping", help="Where the surveys list or cite it.",
                         fields=tuple((survey, _placement(survey)) for survey in SURVEYS))),
        ("attributes", Spec("mapping", help="Per-table attributes the survey gives.",
                            fields=tuple((key, text_field(label, max_length=200)) for key, label in ATTRIBUTE_FIELDS))),
        ("coverage", Spec("mapping", help="For related surveys: what they cover (ADGDM TABLE 1).",
                          fields=tuple((key, _COVERAGE_LEVEL) for key, _ in COVERAGE_FIELDS))),
        ("datasets", text_list("Datasets the paper evaluates on.", text_field("a dataset id", vocabulary="dataset"))),
        ("results", Spec("list", help="Benchmark numbers as the survey reports them.", item=RESULT)),
        ("disagreements", Spec("list", help="Values other sources give.", item=DISAGREEMENT)),
        ("verified", VERIFICATION),
        ("added", Spec("date", help="Date the paper joined the catalogue.", required=True, example="2026-11-28")),
        ("notes", text_field("Free notes written by the project (never copied text).", max_length=2000, multiline=True)),
    ),
)

PAPER_FIELDS: tuple[str, ...] = tuple(name for name, _ in PAPER.fields)

FIXED_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "venue kind": VENUE_KINDS,
    "coverage level": COVERAGE_LEVELS,
    "survey": SURVEYS,
    "dataset kind": ("real", "synthetic"),
    "paper field": PAPER_FIELDS,
    "checked fact": (*PAPER_FIELDS, "method"),
}
