"""Papers that neither survey lists: accepted with a confirmed identifier and a verification
record, refused without them (one line per problem, exact messages), and counted as added by
this site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from adgdm.data.catalogue import SITE_SOURCE, load_catalogue

from .conftest import CORPUS, problems_of

ADDED = """\
id: zed2026added
title: "A Paper Neither Survey Lists"
authors:
  - Zed, Zoe
year: 2026
venue: FCONF
{identifier}modality: [image]
task: detection
uses_diffusion: true
summary: "Restores fixture images with a diffusion model and scores each pixel by how far it moved."
{verified}added: "{added}"
"""
IDENTIFIER = 'arxiv: "2612.00001"\n'
VERIFIED = 'verified:\n  date: "2026-12-03"\n  record: ["https://arxiv.org/abs/2612.00001"]\n'


def corpus_with(tmp_path: Path, identifier: str = IDENTIFIER, verified: str = VERIFIED, added: str = "2026-12-03") -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    text = ADDED.format(identifier=identifier, verified=verified, added=added)
    (root / "papers" / "zed2026added.yaml").write_text(text, encoding="utf-8")
    return root


def test_a_paper_no_survey_lists_is_valid_with_an_identifier_and_a_record(tmp_path: Path) -> None:
    catalogue = load_catalogue(corpus_with(tmp_path))
    paper = catalogue.paper("zed2026added")
    assert paper.listed_by == ()
    assert catalogue.sources(paper) == (SITE_SOURCE,)
    assert paper.verified is not None
    assert dict(paper.verified.sources)["record"] == ("https://arxiv.org/abs/2612.00001",)


@pytest.mark.parametrize(("identifier", "verified", "expected"), [
    ("", VERIFIED, ["papers/zed2026added.yaml:1: doi: a paper no survey lists needs a confirmed identifier: "
                    "doi, arxiv, openreview or url"]),
    (IDENTIFIER, "", ["papers/zed2026added.yaml:1: verified.record: a paper no survey lists needs the pages "
                      "its record was checked against"]),
    (IDENTIFIER, 'verified:\n  date: "2026-12-03"\n  record: []\n  note: "nothing found"\n',
     ["papers/zed2026added.yaml:14: verified.record: a paper no survey lists needs the pages its record was checked against"]),
    ("", "", ["papers/zed2026added.yaml:1: doi: a paper no survey lists needs a confirmed identifier: doi, arxiv, openreview or url",
              "papers/zed2026added.yaml:1: verified.record: a paper no survey lists needs the pages its record was checked against"]),
])
def test_an_added_paper_without_identifier_or_record_is_refused(tmp_path: Path, identifier: str, verified: str,
                                                               expected: list[str]) -> None:
    assert problems_of(corpus_with(tmp_path, identifier, verified)) == expected


def test_papers_added_before_the_site_began_adding_are_not_held_to_the_rule(tmp_path: Path) -> None:
    assert problems_of(corpus_with(tmp_path, "", "", added="2026-12-02")) == []
    assert problems_of(corpus_with(tmp_path / "later", "", "", added="2026-12-04")) != []


def test_the_checker_names_each_problem_and_counts_them(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "", "")
    result = subprocess.run([sys.executable, "-m", "adgdm", "--root", str(root), "check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "2 problems found"
    assert "Traceback" not in result.stderr


def test_every_paper_the_real_catalogue_added_has_an_identifier_a_record_and_a_summary(catalogue: object) -> None:
    from adgdm.data.catalogue import Catalogue
    assert isinstance(catalogue, Catalogue)
    added = [p for p in catalogue.papers if catalogue.sources(p) == (SITE_SOURCE,)]
    assert added
    for paper in added:
        assert paper.doi or paper.arxiv or paper.openreview or paper.url, paper.id
        assert paper.verified is not None and dict(paper.verified.sources).get("record"), paper.id
        assert paper.summary, paper.id


def test_the_build_warns_of_papers_without_a_record_once_the_catalogue_keeps_records(tmp_path: Path) -> None:
    from adgdm.site.compose import build_warnings, make_context
    corpus = load_catalogue(CORPUS)
    assert build_warnings(make_context(corpus)) == []  # no paper records a check: nothing to miss
    with_one = load_catalogue(corpus_with(tmp_path))
    assert build_warnings(make_context(with_one)) == [
        "8 papers have no verification record (verified:): ada2021leader, bay2021twin, cole2021gap, doe2024predecessor, "
        "doe2025fixture, fox2021related, poe2022book, roe2023special; the data-quality page lists them under "
        "'Papers whose record has not been checked'"]


def test_a_strict_build_stops_on_that_warning(tmp_path: Path) -> None:
    from .conftest import copy_project, mkdocs_build
    project = copy_project(tmp_path / "project", corpus_with(tmp_path) / "papers")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert ("WARNING -  adgdm: 8 papers have no verification record (verified:): ada2021leader, bay2021twin, "
            in result.stderr)
    assert "Traceback" not in result.stderr


def test_the_real_catalogue_builds_without_that_warning(catalogue: object) -> None:
    from adgdm.data.catalogue import Catalogue
    from adgdm.site.compose import build_warnings, make_context
    assert isinstance(catalogue, Catalogue)
    assert build_warnings(make_context(catalogue)) == []
