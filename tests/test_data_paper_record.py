"""The frozen record a paper file becomes (data/papers.py `build_paper`): a file with every field
gives exactly this Paper, and a file with only the required ones gives every default."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from adgdm.data.catalogue import load_catalogue
from adgdm.data.models import Author, Disagreement, Paper, Placement, Result, Verification
from adgdm.data.papers import parse_author

from .conftest import CORPUS

EVERY_FIELD = """\
id: zed2024every
title: "Every {Field} of a Paper"
short_name: EVERY
authors:
  - Zed, Zoe Q.
  - Roe, Ann
  - Plato
authors_incomplete: true
year: 2024
venue: FJ
volume: 7
number: "2"
pages: "11--19"
publisher: Fixture Press
doi: 10.9999/every.2024
arxiv: "2401.00007"
openreview: EvErY12345
url: https://example.org/every
code: [https://github.com/example/every, https://example.org/every/code]
modality: [video, image]
task: detection
taxonomy: [reconstruction-based]
site_taxonomy:
  density-based: "scores each frame by its likelihood under the model"
uses_diffusion: true
summary: "Every field of a paper file filled in once, to see each one reach the record."
surveys:
  dmad: {sections: [reconstruction]}
  adgdm: {ref: 12, tables: [2], sections: ["3", "4.2.1"]}
attributes: {video_domain: Surveillance, imaging_domain: Industrial}
coverage: {vad: full, iad: partial}
datasets: [fix-video, fix-images]
results:
  - {benchmark: fix-board, column: images-auroc, value: 97.5, spread: 0.5, text: "97.5 ± 0.5"}
  - {benchmark: fix-board, column: video-error, value: null}
disagreements:
  - {field: year, value: 2023, source: "DMAD README"}
verified:
  date: "2025-02-03"
  record: [https://example.org/record]
  code: [https://github.com/example/every]
  unconfirmed: [pages, method]
  note: "The pages come from the survey."
added: "2025-01-31"
notes: "Two lines\\nof notes."
"""

REQUIRED_ONLY = """\
id: zed2024bare
title: Bare
authors: ["Zed, Zoe"]
year: 2024
venue: FCONF
modality: [image]
task: detection
uses_diffusion: false
added: "2025-01-31"
"""


def loaded(tmp_path: Path, paper_id: str, text: str) -> Paper:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "papers" / f"{paper_id}.yaml").write_text(text, encoding="utf-8")
    return load_catalogue(root).paper(paper_id)


def test_a_file_with_every_field_gives_exactly_this_record(tmp_path: Path) -> None:
    paper = loaded(tmp_path, "zed2024every", EVERY_FIELD)
    assert paper == Paper(
        id="zed2024every", title="Every {Field} of a Paper",
        authors=(Author("Zed", "Zoe Q."), Author("Roe", "Ann"), Author("Plato", "")),
        year=2024, venue="FJ", modality=("video", "image"), task="detection", uses_diffusion=True,
        added=datetime.date(2025, 1, 31), authors_incomplete=True, short_name="EVERY", volume="7", number="2",
        pages="11--19", publisher="Fixture Press", doi="10.9999/every.2024", arxiv="2401.00007", openreview="EvErY12345",
        url="https://example.org/every", code=("https://github.com/example/every", "https://example.org/every/code"),
        taxonomy=("reconstruction-based",),
        surveys=(Placement("adgdm", 12, (2,), ("3", "4.2.1")), Placement("dmad", None, (), ("reconstruction",))),
        attributes=(("video_domain", "Surveillance"), ("imaging_domain", "Industrial")),
        coverage=(("vad", "full"), ("iad", "partial")), datasets=("fix-video", "fix-images"),
        results=(Result("fix-board", "images-auroc", 97.5, 0.5, "97.5 ± 0.5"), Result("fix-board", "video-error", None, None, "")),
        disagreements=(Disagreement("year", "2023", "DMAD README"),),
        notes="Two lines\nof notes.",
        summary="Every field of a paper file filled in once, to see each one reach the record.",
        site_taxonomy=(("density-based", "scores each frame by its likelihood under the model"),),
        verified=Verification(datetime.date(2025, 2, 3), (("record", ("https://example.org/record",)),
                                                          ("code", ("https://github.com/example/every",))),
                              ("pages", "method"), "The pages come from the survey."),
    )
    assert paper.source_path == "papers/zed2024every.yaml"


def test_a_file_with_only_the_required_fields_gives_every_default(tmp_path: Path) -> None:
    paper = loaded(tmp_path, "zed2024bare", REQUIRED_ONLY)
    assert paper == Paper(id="zed2024bare", title="Bare", authors=(Author("Zed", "Zoe"),), year=2024, venue="FCONF",
                          modality=("image",), task="detection", uses_diffusion=False, added=datetime.date(2025, 1, 31))
    assert (paper.short_name, paper.doi, paper.summary, paper.verified, paper.authors_incomplete) == ("", "", "", None, False)
    assert paper.source_path == "papers/zed2024bare.yaml"


def test_a_verification_with_only_its_date_keeps_no_sources(tmp_path: Path) -> None:
    text = REQUIRED_ONLY.replace('added: "2025-01-31"', 'verified: {date: "2025-02-01"}\nadded: "2025-01-31"')
    assert loaded(tmp_path, "zed2024bare", text).verified == Verification(datetime.date(2025, 2, 1), (), (), "")


def test_parse_author_splits_at_the_first_comma_and_space() -> None:
    assert parse_author("Doe, Jane") == Author("Doe", "Jane")
    assert parse_author("Doe,Jane") == Author("Doe,Jane", "")
    assert parse_author(" van Doe ,  Jane, Jr. ") == Author("van Doe", "Jane, Jr.")
    assert parse_author("Plato") == Author("Plato", "")
