"""Near-duplicate detection in the checker: near-identical titles are reported with both files
named, in near-linear time; identifiers that prove two papers distinct silence the report."""

from __future__ import annotations

import dataclasses
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from adgdm.data import duplicates
from adgdm.data.duplicates import TitleIndex, allowed_edits, compact_title, edit_distance, near_identical_pairs

from .conftest import CORPUS, problems_of

PAPER = """\
id: {key}
title: "{title}"
authors:
  - Zed, Zoe
year: 2025
venue: FCONF
{extra}modality: [image]
task: detection
uses_diffusion: true
added: 2025-02-01
"""


def corpus_with(tmp_path: Path, title: str, extra: str = "") -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "papers" / "zed2025near.yaml").write_text(PAPER.format(key="zed2025near", title=title, extra=extra), encoding="utf-8")
    return root


def test_a_near_identical_title_is_reported_naming_both_files(tmp_path: Path) -> None:
    # The fixture survey's title with one letter changed (Anomalies -> Anomalie).
    root = corpus_with(tmp_path, "A Fixture Survey of MVTec Anomalie: DDPM, 3D Scans & Non-Markovian Noise")
    result = subprocess.run([sys.executable, "-m", "adgdm", "--root", str(root), "check"], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == (
        "papers/zed2025near.yaml:2: title: nearly the same title (1 letter apart) as papers/doe2025fixture.yaml; "
        "if they are two different papers, give each its DOI or arXiv id\n1 problem found\n"
    )


def test_titles_equal_but_for_spacing_are_reported(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "Leading the FixtureBoard")  # 'Leading the Fixture Board' once spaces go
    assert problems_of(root) == [
        "papers/zed2025near.yaml:2: title: the same title once spaces and punctuation are ignored as "
        "papers/ada2021leader.yaml; if they are two different papers, give each its DOI or arXiv id",
    ]


def test_two_edits_apart_in_a_long_title_is_still_near(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "A Fixture Survey of MVTec Anomalies: DDPM, 3D Scans & Non-Markovian Noi")
    assert problems_of(root) == [
        "papers/zed2025near.yaml:2: title: nearly the same title (2 letters apart) as papers/doe2025fixture.yaml; "
        "if they are two different papers, give each its DOI or arXiv id",
    ]


@pytest.mark.parametrize(("title", "extra"), [
    # Different DOIs prove two publications (a conference paper and its journal extension, say).
    ("Predecessor of the Fixture Surveys", "doi: 10.9999/fixture.2025.7\n"),
    # Numbers tell papers apart: 2D is not 3D.
    ("A Fixture Survey of MVTec Anomalies: DDPM, 2D Scans & Non-Markovian Noise", ""),
    # Three letters apart is a different title.
    ("A Fixture Survey of MVTec Anomalies: DDPM, 3D Scans & Non-Markovian No", ""),
    # Under 40 letters, two are too many.
    ("Leading the Fixture Boats", ""),
])
def test_titles_that_are_not_reported(tmp_path: Path, title: str, extra: str) -> None:
    assert problems_of(corpus_with(tmp_path, title, extra)) == []


def test_short_titles_must_match_letter_for_letter() -> None:
    assert near_identical_pairs([("a", "DiffusionAD"), ("b", "DiffusionAE")]) == []
    assert near_identical_pairs([("a", "DiffusionAD"), ("b", "Diffusion-AD")]) == [("a", "b", 0)]
    assert near_identical_pairs([("a", "Leading the Fixture Board"), ("b", "Leading the Fixture Boards")]) == [("a", "b", 1)]


def test_exact_duplicates_are_left_to_the_exact_check(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "Leading the Fixture Board")
    assert problems_of(root) == ["papers/zed2025near.yaml:2: title: same title as papers/ada2021leader.yaml"]


SUMMARY = "Restores each image with a diffusion model and scores pixels by their restoration error."


def test_two_papers_with_one_summary_are_refused(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "A Title Nobody Else Has", f'summary: "{SUMMARY}"\n')
    other = PAPER.format(key="zed2025other", title="Another Title Entirely", extra=f'summary: "{SUMMARY.upper()}"\n')
    (root / "papers" / "zed2025other.yaml").write_text(other, encoding="utf-8")
    assert problems_of(root) == ["papers/zed2025other.yaml:7: summary: same summary as papers/zed2025near.yaml"]


@pytest.mark.parametrize(("extra", "problem"), [
    ('summary: "Too short to say anything."\n', "summary: has 5 words; a summary is one sentence of 8 to 40 words"),
    ("site_taxonomy:\n  no-such-node: \"a reason long enough to be read\"\n", "site_taxonomy.no-such-node: 'no-such-node' is not"),
    ('site_taxonomy:\n  density-based: "too short"\n', "site_taxonomy.density-based: the reason needs 20 to 200 characters"),
    ('verified:\n  date: "2999-01-01"\n  record: ["https://example.org/p"]\n', "verified.date: 2999-01-01 is in the future"),
    ('verified:\n  date: "2025-01-01"\n  record: ["ftp://example.org/p"]\n', "verified.record[0]:"),
])
def test_curation_fields_are_checked(tmp_path: Path, extra: str, problem: str) -> None:
    root = corpus_with(tmp_path, "A Title Nobody Else Has", extra)
    found = problems_of(root)
    assert len(found) == 1 and found[0].startswith("papers/zed2025near.yaml:") and problem in found[0], found


def test_the_real_catalogue_has_no_near_duplicates(catalogue: object) -> None:
    papers = catalogue.papers  # type: ignore[attr-defined]
    assert duplicates.near_duplicate_papers(papers) == []


def test_edit_distance_is_exact_up_to_its_limit() -> None:
    def full(first: str, second: str) -> int:
        previous = list(range(len(second) + 1))
        for i, a in enumerate(first, 1):
            current = [i]
            for j, b in enumerate(second, 1):
                current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
            previous = current
        return previous[-1]

    generator = random.Random(7)
    for _ in range(3000):
        first = "".join(generator.choice("abc") for _ in range(generator.randint(0, 10)))
        second = "".join(generator.choice("abc") for _ in range(generator.randint(0, 10)))
        limit = generator.randint(0, 3)
        assert edit_distance(first, second, limit) == min(full(first, second), limit + 1), (first, second, limit)


def _typo(text: str, generator: random.Random, edits: int) -> str:
    letters = list(text)
    for _ in range(edits):
        at = generator.randrange(len(letters))
        kind = generator.choice(("insert", "replace", "delete"))
        if kind == "insert":
            letters.insert(at, "q")
        elif kind == "replace":
            letters[at] = "q"
        else:
            del letters[at]
    return "".join(letters)


def test_the_index_finds_exactly_what_comparing_every_pair_finds() -> None:
    generator = random.Random(11)
    words = "anomaly detection diffusion model models image video 3d 2d time series guided latent masked brain mri".split()
    titles: list[str] = []
    for _ in range(300):
        title = " ".join(generator.choice(words) for _ in range(generator.randint(2, 9)))
        titles.append(title)
        if generator.random() < 0.4:
            titles.append(_typo(compact_title(title), generator, generator.randint(1, 3)))
    found = {(first, second) for first, second, _ in near_identical_pairs(list(enumerate(titles)))}
    compact = [compact_title(title) for title in titles]
    expected = {
        (j, i) for i in range(len(titles)) for j in range(i)
        if compact[i] == compact[j] or (
            min(len(compact[i]), len(compact[j])) >= 20
            and re.findall(r"\d+", compact[i]) == re.findall(r"\d+", compact[j])
            and edit_distance(compact[i], compact[j], 2) <= allowed_edits(min(len(compact[i]), len(compact[j]))))
    }
    assert len(expected) > 20
    assert found == expected
    index: TitleIndex[int] = TitleIndex()
    for position, title in enumerate(titles):
        index.add(position, title)
    looked_up = {(min(p, m.owner), max(p, m.owner)) for p, title in enumerate(titles) for m in index.similar(title) if m.owner != p}
    assert looked_up == expected


def test_ten_thousand_titles_need_few_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    """Near-linear: at 10,000 titles only candidates sharing a piece are compared, never all pairs."""
    generator = random.Random(3)
    vocabulary = ["".join(generator.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(generator.randint(3, 10)))
                  for _ in range(3000)]
    titles = [" ".join(generator.choice(vocabulary) for _ in range(generator.randint(5, 12))) for _ in range(9950)]
    planted = [_typo(title, generator, 1) for title in titles[:50]]
    calls = 0
    measured = duplicates.edit_distance

    def counting(first: str, second: str, limit: int) -> int:
        nonlocal calls
        calls += 1
        return measured(first, second, limit)

    monkeypatch.setattr(duplicates, "edit_distance", counting)
    pairs = near_identical_pairs(list(enumerate(titles + planted)))
    assert {(first, second - 9950) for first, second, _ in pairs} >= {(n, n) for n in range(50)}
    assert calls < 500  # all pairs would be 50 million comparisons


def test_grouping_by_identifiers_reports_exactly_the_pairs_no_identifier_tells_apart(corpus_catalogue: object) -> None:
    """The fast grouped search equals the plain definition: every near-identical pair, minus exact twins
    and pairs told apart by a DOI, arXiv id or OpenReview id."""
    template = corpus_catalogue.papers[0]  # type: ignore[attr-defined]
    generator = random.Random(5)
    stems = ["Diffusion Models for Industrial Anomaly Detection", "Masked Diffusion for Video Anomaly Localization",
             "Score-Based Priors for Tabular Outlier Detection", "Latent Diffusion for Brain MRI Anomaly Segmentation"]
    papers = []
    for number in range(160):
        title = _typo(generator.choice(stems), generator, generator.randint(0, 2))
        identifiers = {
            "doi": f"10.5555/x.{generator.randint(1, 40)}" if generator.random() < 0.4 else "",
            "arxiv": f"2401.{generator.randint(10000, 10040)}" if generator.random() < 0.4 else "",
            "openreview": f"forum{generator.randint(1, 40)}" if generator.random() < 0.2 else "",
        }
        papers.append(dataclasses.replace(template, id=f"p{number}", title=title, **identifiers))
    plain = [
        (first, second, edits) for first, second, edits in near_identical_pairs([(paper, paper.title) for paper in papers])
        if duplicates.normalise_title(first.title) != duplicates.normalise_title(second.title)
        and not duplicates.told_apart(first, second)
        and not (first.doi and first.doi == second.doi) and not (first.arxiv and first.arxiv == second.arxiv)
        and not (first.openreview and first.openreview == second.openreview)
    ]
    assert len(plain) > 50
    assert duplicates.near_duplicate_papers(papers) == plain
