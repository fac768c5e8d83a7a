"""Near-duplicate titles at their edges (data/duplicates.py): how many edits each length allows, the
checker's exact words for 0, 1 and 2 edits, identifiers that tell papers apart (DOIs in any letter
case), and the substring filter that runs before the edit distance."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from adgdm.data import duplicates
from adgdm.data.duplicates import allowed_edits, near_duplicate_message, near_identical_pairs, told_apart
from adgdm.data.models import Author, Paper

PAPER = Paper(id="p", title="T", authors=(Author("Doe", "Jane"),), year=2024, venue="FCONF", modality=("image",),
              task="detection", uses_diffusion=True, added=datetime.date(2025, 1, 1))


@pytest.mark.parametrize(("length", "edits"), [(0, 0), (19, 0), (20, 1), (39, 1), (40, 2), (200, 2)])
def test_allowed_edits_by_length(length: int, edits: int) -> None:
    assert allowed_edits(length) == edits


def test_the_limits_at_work_on_titles_of_19_20_39_and_40_letters() -> None:
    def pairs(first: str, second: str) -> list[tuple[int, int, int]]:
        return near_identical_pairs([(0, first), (1, second)])

    assert pairs("a" * 18 + "bc", "a" * 18 + "bd") == [(0, 1, 1)]  # 20 letters, one apart
    assert pairs("a" * 17 + "bc", "a" * 17 + "bd") == []  # 19 letters: must match exactly
    assert pairs("a" * 37 + "bcd", "a" * 37 + "bxy") == [(0, 1, 2)]  # 40 letters, two apart
    assert pairs("a" * 36 + "bcd", "a" * 36 + "bxy") == []  # 39 letters: one edit only
    assert pairs("a" * 36 + "bcd", "a" * 36 + "bcx") == [(0, 1, 1)]


def test_the_checkers_words_for_each_number_of_edits() -> None:
    tail = " as papers/a.yaml; if they are two different papers, give each its DOI or arXiv id"
    assert near_duplicate_message("papers/a.yaml", 0) == "the same title once spaces and punctuation are ignored" + tail
    assert near_duplicate_message("papers/a.yaml", 1) == "nearly the same title (1 letter apart)" + tail
    assert near_duplicate_message("papers/a.yaml", 2) == "nearly the same title (2 letters apart)" + tail


@pytest.mark.parametrize(("first", "second", "apart"), [
    ({"doi": "10.1/ABC"}, {"doi": "10.1/abc"}, False),  # one DOI in two letter cases
    ({"doi": "10.1/abc"}, {"doi": "10.1/ABC"}, False),
    ({"doi": "10.1/abc"}, {"doi": "10.1/abd"}, True),
    ({"doi": "10.1/abc"}, {}, False),
    ({"arxiv": "2401.00001"}, {"arxiv": "2401.00002"}, True),
    ({"arxiv": "2401.00001"}, {"arxiv": "2401.00001"}, False),
    ({"openreview": "abc"}, {"openreview": "abd"}, True),
    ({"openreview": "abc"}, {"openreview": "ABC"}, True),  # OpenReview ids are case-sensitive
    ({"doi": "10.1/abc", "arxiv": "2401.00001"}, {"arxiv": "2401.00001", "openreview": "x"}, False),
    ({}, {}, False),
])
def test_told_apart(first: dict[str, str], second: dict[str, str], apart: bool) -> None:
    assert told_apart(dataclasses.replace(PAPER, **first), dataclasses.replace(PAPER, **second)) is apart


def test_the_substring_filter_lets_through_only_titles_missing_at_most_limit_pieces() -> None:
    keeps = duplicates._keeps_pieces
    assert keeps(["ab", "cd", "ef"], "abcdef", 0)
    assert not keeps(["ab", "cd", "ef"], "abcdxx", 0)
    assert keeps(["ab", "cd", "ef"], "abcdxx", 1)
    assert not keeps(["ab", "cd", "ef"], "abxxxx", 1)
    assert keeps(["ab", "cd", "ef"], "abxxxx", 2)
    assert not keeps(["ab", "cd", "ef"], "xxxxxx", 2)


def test_near_duplicate_papers_compare_across_kinds_of_identifier_only() -> None:
    title = "Masked Diffusion for Video Anomaly Localization"
    typo = "Masked Difusion for Video Anomaly Localization"
    preprint = dataclasses.replace(PAPER, id="a", title=title, arxiv="2401.00001")
    article = dataclasses.replace(PAPER, id="b", title=typo, doi="10.1/b")
    other_preprint = dataclasses.replace(PAPER, id="c", title=typo, arxiv="2401.00002")
    bare = dataclasses.replace(PAPER, id="d", title=typo)
    bare_twin = dataclasses.replace(PAPER, id="e", title=typo + "s")
    assert duplicates.near_duplicate_papers([preprint, article]) == [(preprint, article, 1)]
    assert duplicates.near_duplicate_papers([preprint, other_preprint]) == []  # two arXiv ids tell them apart
    assert duplicates.near_duplicate_papers([bare, bare_twin]) == [(bare, bare_twin, 1)]  # no identifier at all
    assert duplicates.near_duplicate_papers([article, bare]) == []  # the same title once normalised: the exact check's
    assert duplicates.near_duplicate_papers([preprint, article, other_preprint]) == [(preprint, article, 1)]


def test_compact_titles_fold_accents_and_drop_everything_but_letters_and_digits() -> None:
    assert duplicates.compact_title("Schölkopf's {Straße}: 3D-Łódź") == "scholkopfsstrasse3dlodz"
    assert duplicates.compact_title("Out-of-Distribution Detection") == "outofdistributiondetection"


def test_a_match_carries_its_owner_title_and_edits() -> None:
    index: duplicates.TitleIndex[str] = duplicates.TitleIndex()
    index.add("a", "Masked Diffusion for Video Anomaly Localization")
    index.add("b", "Short Title")
    assert index.similar("Masked Difusion for Video Anomaly Localization") == [
        duplicates.Match("a", "Masked Diffusion for Video Anomaly Localization", 1)]
    assert index.similar("short-title") == [duplicates.Match("b", "Short Title", 0)]
    assert index.similar("Short Titles") == []


def test_the_index_hands_exactly_passjoins_candidates_to_the_edit_distance() -> None:
    """A golden count: the position-aware piece search selects this many candidates on a fixed random
    catalogue. More would still give the same pairs, only slower; fewer would lose some."""
    import random

    generator = random.Random(13)
    words = "anomaly detection diffusion model image video latent masked brain mri score prior noise".split()
    titles = [" ".join(generator.choice(words) for _ in range(generator.randint(3, 8))) for _ in range(300)]
    for title in titles[:200]:  # one or two slips each: insertions and deletions shift the pieces
        letters = list(title)
        for _ in range(generator.randint(1, 2)):
            at = generator.randrange(len(letters))
            if generator.random() < 0.5:
                letters.insert(at, "q")
            else:
                del letters[at]
        titles.append("".join(letters))
    index: duplicates.TitleIndex[int] = duplicates.TitleIndex()
    for position, title in enumerate(titles):
        index.add(position, title)
    counts = [len(index._candidates(duplicates.compact_title(title))) for title in titles
              if len(duplicates.compact_title(title)) >= 20]
    assert (len(counts), sum(counts)) == (429, 1094)
