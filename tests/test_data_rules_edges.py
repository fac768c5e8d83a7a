"""The checker's rules at their edges, each with the exact message: years and dates on either side
of their limits, summary and reason lengths at their bounds, books and preprints, identifiers and
titles that several papers share (every message naming the first file, on the line of the field),
and vocabulary entries naming papers that do not exist.

Each test writes a paper (or a vocabulary entry) into a copy of the fixture corpus and loads it in
this process, so the mutation run (scripts/mutation.py) sees what each test exercises.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from .conftest import CORPUS, problems_of

PAPER = """\
id: {id}
title: "{title}"
authors:
  - Zed, Zoe
year: {year}
venue: {venue}
modality: [image]
task: detection
uses_diffusion: true
{extra}added: "2025-01-01"
"""
"""A valid paper of the corpus's vocabularies: its title on line 2, year on line 5, venue on line 6, extra from line 10."""

EXTRA_LINE = 10


def paper_text(paper_id: str, title: str = "", year: int = 2024, venue: str = "FCONF", extra: str = "") -> str:
    return PAPER.format(id=paper_id, title=title or f"Fixture Edge Case Number {paper_id}", year=year, venue=venue, extra=extra)


def corpus(tmp_path: Path, papers: dict[str, str] | None = None, vocabulary: dict[str, str] | None = None) -> Path:
    """A copy of the fixture corpus with these paper files written and these text added to vocabulary files."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    for paper_id, text in (papers or {}).items():
        (root / "papers" / f"{paper_id}.yaml").write_text(text, encoding="utf-8")
    for name, text in (vocabulary or {}).items():
        path = root / "papers" / "vocabulary" / name
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return root


def problems_with(tmp_path: Path, **papers: str) -> list[str]:
    return problems_of(corpus(tmp_path, papers))


# Years: the latest allowed is next year (a paper accepted for next year's conference).

def test_next_year_is_accepted_and_the_year_after_is_refused(tmp_path: Path) -> None:
    next_year = datetime.date.today().year + 1
    assert problems_with(tmp_path / "a", zed2024next=paper_text("zed2024next", year=next_year)) == []
    assert problems_with(tmp_path / "b", zed2024after=paper_text("zed2024after", year=next_year + 1)) == [
        f"papers/zed2024after.yaml:5: year: {next_year + 1} is in the future (latest allowed: {next_year})",
    ]


def test_the_first_year_allowed_is_1900(tmp_path: Path) -> None:
    assert problems_with(tmp_path / "a", zed1900first=paper_text("zed1900first", year=1900)) == []
    assert problems_with(tmp_path / "b", zed1899early=paper_text("zed1899early", year=1899)) == [
        "papers/zed1899early.yaml:5: year: 1899 is below the minimum 1900",
    ]


def test_a_verification_dated_today_is_accepted_and_tomorrow_refused(tmp_path: Path) -> None:
    today = datetime.date.today()
    tomorrow = today + datetime.timedelta(days=1)
    checked = 'verified:\n  date: "{}"\n  record: ["https://example.org/record"]\n'
    assert problems_with(tmp_path / "a", zed2024today=paper_text("zed2024today", extra=checked.format(today))) == []
    assert problems_with(tmp_path / "b", zed2024tomorrow=paper_text("zed2024tomorrow", extra=checked.format(tomorrow))) == [
        f"papers/zed2024tomorrow.yaml:{EXTRA_LINE + 1}: verified.date: {tomorrow} is in the future",
    ]


# Lengths at their bounds: a summary of 8 to 40 words, a placement reason of 20 to 200 characters.

def summary(words: int) -> str:
    return f'summary: "{" ".join(["word"] * words)}"\n'


@pytest.mark.parametrize(("words", "accepted"), [(7, False), (8, True), (40, True), (41, False)])
def test_a_summary_has_8_to_40_words(tmp_path: Path, words: int, accepted: bool) -> None:
    problems = problems_with(tmp_path, zed2024summary=paper_text("zed2024summary", extra=summary(words)))
    assert problems == ([] if accepted else [
        f"papers/zed2024summary.yaml:{EXTRA_LINE}: summary: has {words} words; a summary is one sentence of 8 to 40 words",
    ])


@pytest.mark.parametrize(("length", "accepted"), [(19, False), (20, True), (200, True), (201, False)])
def test_a_placement_reason_has_20_to_200_characters(tmp_path: Path, length: int, accepted: bool) -> None:
    placed = f'site_taxonomy:\n  reconstruction-based: "{"r" * length}"\n'
    problems = problems_with(tmp_path, zed2024placed=paper_text("zed2024placed", extra=placed))
    problem = "the reason needs 20 to 200 characters" if length < 20 else f"is {length} characters long; the limit is 200"
    assert problems == ([] if accepted else [f"papers/zed2024placed.yaml:{EXTRA_LINE + 1}: site_taxonomy.reconstruction-based: {problem}"])


# Venues: a book needs a publisher (its own or its venue's); an arXiv preprint needs its arXiv id.

BOOK_WITHOUT_PUBLISHER = "FBARE:\n  name: Fixture Book Without Publisher\n  kind: book\n"


def test_a_book_needs_a_publisher_given_by_the_paper_or_its_venue(tmp_path: Path) -> None:
    bare = corpus(tmp_path / "bare", {"zed2024book": paper_text("zed2024book", venue="FBARE")},
                  {"venues.yaml": BOOK_WITHOUT_PUBLISHER})
    assert problems_of(bare) == [
        "papers/zed2024book.yaml:1: publisher: a book needs a publisher (none given here or for venue 'FBARE')",
    ]
    own = corpus(tmp_path / "own", {"zed2024book": paper_text("zed2024book", venue="FBARE", extra="publisher: Own Press\n")},
                 {"venues.yaml": BOOK_WITHOUT_PUBLISHER})
    assert problems_of(own) == []
    # FBOOK names its publisher (Fixture Press): its papers need none of their own.
    assert problems_with(tmp_path / "venue", zed2024book=paper_text("zed2024book", venue="FBOOK")) == []


def test_a_journal_needs_no_publisher(tmp_path: Path) -> None:
    assert problems_with(tmp_path, zed2024journal=paper_text("zed2024journal", venue="FJ")) == []


def test_an_arxiv_preprint_needs_its_arxiv_id_and_another_venue_does_not(tmp_path: Path) -> None:
    assert problems_with(tmp_path / "a", zed2024preprint=paper_text("zed2024preprint", venue="arXiv")) == [
        "papers/zed2024preprint.yaml:1: arxiv: an arXiv preprint needs its arXiv id",
    ]
    with_id = paper_text("zed2024preprint", venue="arXiv", extra='arxiv: "2401.99999"\n')
    assert problems_with(tmp_path / "b", zed2024preprint=with_id) == []


def test_an_id_must_match_its_file_name(tmp_path: Path) -> None:
    assert problems_with(tmp_path, zed2024file=paper_text("zed2024other")) == [
        "papers/zed2024file.yaml:1: id: 'zed2024other' does not match the file name 'zed2024file.yaml'",
    ]


# Identifiers, titles and summaries shared by several papers: each later paper names the first file.

@pytest.mark.parametrize(("field", "value", "first"), [
    ("doi", "10.9999/FIXTURE.2024.1", "doe2024predecessor"),  # the corpus's DOI, in other letter case
    ("arxiv", '"2501.00001"', "doe2025fixture"),
    ("openreview", "AbCdEf12345", "poe2022book"),
])
def test_three_papers_sharing_an_identifier_each_name_the_first(tmp_path: Path, field: str, value: str, first: str) -> None:
    papers = {f"zed2024copy{n}": paper_text(f"zed2024copy{n}", extra=f"{field}: {value}\n") for n in (1, 2)}
    assert problems_with(tmp_path, **papers) == [
        f"papers/zed2024copy{n}.yaml:{EXTRA_LINE}: {field}: same {field} as papers/{first}.yaml" for n in (1, 2)
    ]


def test_three_papers_with_one_title_name_the_first_file_on_the_title_line(tmp_path: Path) -> None:
    # The corpus's 'Leading the Fixture Board', in other letter case and punctuation.
    papers = {f"zed2024title{n}": paper_text(f"zed2024title{n}", title="LEADING the fixture-board!") for n in (1, 2)}
    assert problems_with(tmp_path, **papers) == [
        f"papers/zed2024title{n}.yaml:2: title: same title as papers/ada2021leader.yaml" for n in (1, 2)
    ]


def test_papers_sharing_a_summary_name_the_first(tmp_path: Path) -> None:
    text = "A Fixture Summary That Two Papers Give Word For Word."
    papers = {
        "zed2024sum1": paper_text("zed2024sum1", extra=f'summary: "{text}"\n'),
        "zed2024sum2": paper_text("zed2024sum2", extra=f'summary: "  {text.lower()}"\n'.replace('"  ', '"')),
        "zed2024sum3": paper_text("zed2024sum3", extra=f'summary: "{text.replace(" ", "  ")}"\n'),
    }
    assert problems_with(tmp_path, **papers) == [
        f"papers/zed2024sum{n}.yaml:{EXTRA_LINE}: summary: same summary as papers/zed2024sum1.yaml" for n in (2, 3)
    ]


def test_papers_without_an_identifier_are_not_alike_for_lacking_one(tmp_path: Path) -> None:
    papers = {f"zed2024bare{n}": paper_text(f"zed2024bare{n}") for n in (1, 2, 3)}
    assert problems_with(tmp_path, **papers) == []


# Vocabulary entries that name a paper must name one of the catalogue.

def test_a_dataset_naming_a_missing_paper_is_reported_on_its_line(tmp_path: Path) -> None:
    dataset = "- id: fix-orphan\n  name: Fixture Orphan\n  modality: image\n  task: IAD\n  kind: real\n  paper: nosuch2020paper\n"
    root = corpus(tmp_path, vocabulary={"datasets.yaml": dataset})
    lines = (root / "papers" / "vocabulary" / "datasets.yaml").read_text(encoding="utf-8").splitlines()
    assert problems_of(root) == [
        f"papers/vocabulary/datasets.yaml:{len(lines)}: [2].paper: 'nosuch2020paper' is not a paper of the catalogue",
    ]


def test_a_survey_naming_a_missing_paper_is_reported(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    surveys = root / "papers" / "vocabulary" / "surveys.yaml"
    surveys.write_text(surveys.read_text(encoding="utf-8").replace("paper: doe2024predecessor", "paper: nosuch2024survey"),
                       encoding="utf-8")
    assert problems_of(root) == [
        "papers/vocabulary/surveys.yaml:1: dmad.paper: 'nosuch2024survey' is not a paper of the catalogue",
    ]


def test_a_paper_with_problems_of_its_own_still_counts_as_existing(tmp_path: Path) -> None:
    """A dataset naming a broken paper gets no second, misleading problem: only the paper's own is reported."""
    root = corpus(tmp_path)
    broken = root / "papers" / "cole2021gap.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("year: 2021", "year: 1850"), encoding="utf-8")
    assert problems_of(root) == ["papers/cole2021gap.yaml:6: year: 1850 is below the minimum 1900"]


@pytest.mark.parametrize(("top", "kind"), [
    ("- a\n- b\n", "a list"), ("just text\n", "text"), ("12\n", "a number"), ("true\n", "a boolean"), ("1.5\n", "float"),
])
def test_a_file_that_is_not_a_mapping_names_what_it_is(tmp_path: Path, top: str, kind: str) -> None:
    assert problems_with(tmp_path, zed2024top=top) == [
        f"papers/zed2024top.yaml:1: file: expected a mapping of paper fields at the top, got {kind}",
    ]


# Results: each names a column of its benchmark, and each cell has one value.

def results(*rows: str) -> str:
    return "results:\n" + "".join(f"  - {{benchmark: fix-board, {row}}}\n" for row in rows)


def test_results_name_a_column_of_their_benchmark_once(tmp_path: Path) -> None:
    text = results("column: images-auroc, value: 1", "column: nosuch, value: 2", "column: images-auroc, value: 3",
                   "column: video-error, value: 4")
    assert problems_with(tmp_path / "a", zed2024results=paper_text("zed2024results", extra=text)) == [
        f"papers/zed2024results.yaml:{EXTRA_LINE + 2}: results[1].column: 'nosuch' is not a column of benchmark 'fix-board'",
        f"papers/zed2024results.yaml:{EXTRA_LINE + 3}: results[2]: a second value for fix-board / images-auroc",
    ]
    assert problems_with(tmp_path / "b", zed2024results=paper_text("zed2024results", extra=results(
        "column: images-auroc, value: 1", "column: video-error, value: 4"))) == []


def test_a_site_placement_where_a_survey_already_places_the_paper_is_refused(tmp_path: Path) -> None:
    extra = ('taxonomy: [reconstruction-based]\nsite_taxonomy:\n  reconstruction-based: "restores the image and compares"\n'
             '  density-based: "also scores the likelihood of each pixel"\n')
    assert problems_with(tmp_path, zed2024twice=paper_text("zed2024twice", extra=extra)) == [
        f"papers/zed2024twice.yaml:{EXTRA_LINE + 2}: site_taxonomy.reconstruction-based: "
        "a survey already places the paper there (see taxonomy)",
    ]


@pytest.mark.parametrize("name", ["zed.yml", "zed.YAML", "zed.Yml"])
def test_paper_files_with_another_yaml_ending_are_named(tmp_path: Path, name: str) -> None:
    root = corpus(tmp_path)
    (root / "papers" / name).write_text(paper_text("zed"), encoding="utf-8")
    (root / "papers" / "notes.txt").write_text("not a paper\n", encoding="utf-8")
    assert problems_of(root) == [f"papers/{name}:1: file: paper files must end in .yaml"]


def test_the_site_addition_rule_starts_on_its_first_day(tmp_path: Path) -> None:
    """From 2026-12-03 a paper no survey lists needs an identifier and a record; the day before it did not."""
    def added_on(day: str) -> str:
        return PAPER.format(id="zed2026new", title="A New Fixture Paper", year=2026, venue="FCONF", extra="").replace(
            'added: "2025-01-01"', f"added: {day}")

    expected = [
        "papers/zed2026new.yaml:1: doi: a paper no survey lists needs a confirmed identifier: doi, arxiv, openreview or url",
        "papers/zed2026new.yaml:1: verified.record: a paper no survey lists needs the pages its record was checked against",
    ]
    assert problems_with(tmp_path / "a", zed2026new=added_on('"2026-12-03"')) == expected
    assert problems_with(tmp_path / "b", zed2026new=added_on("2026-12-03")) == expected  # a bare YAML date
    assert problems_with(tmp_path / "c", zed2026new=added_on('"2026-12-02"')) == []
    listed = added_on('"2026-12-03"').replace("modality:", "surveys:\n  dmad: {sections: [reconstruction]}\nmodality:")
    assert problems_with(tmp_path / "listed", zed2026new=listed) == []  # a survey lists it: the rule is not for it
    url = 'url: https://example.org/p\nverified:\n  date: "2026-12-03"\n  record: [https://example.org/p]\n'
    with_both = added_on('"2026-12-03"').replace("modality:", url + "modality:")
    assert problems_with(tmp_path / "d", zed2026new=with_both) == []
    with_note_only = added_on('"2026-12-03"').replace("modality:", 'url: https://example.org/p\nverified:\n  date: "2026-12-03"\n'
                                                                     '  note: "Only a note."\nmodality:')
    assert problems_with(tmp_path / "e", zed2026new=with_note_only) == [expected[1].replace(":1:", ":8:")]  # the line of verified


def test_an_empty_papers_folder_is_one_problem_not_one_per_reference(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    for path in (root / "papers").glob("*.yaml"):
        path.unlink()
    assert problems_of(root) == ["papers:1: papers: no paper files found"]


def test_a_folder_without_papers_reports_the_missing_vocabularies_and_nothing_else(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [
        f"papers/vocabulary/{name}.yaml:1: file: vocabulary file is missing" for name in ("benchmarks", "datasets", "surveys", "taxonomy")
    ] + [
        "papers/vocabulary/taxonomy.yaml:1: id: the 'modality' axis is missing",
        "papers/vocabulary/taxonomy.yaml:1: id: the 'task' axis is missing",
        "papers/vocabulary/venues.yaml:1: file: vocabulary file is missing",
    ]
