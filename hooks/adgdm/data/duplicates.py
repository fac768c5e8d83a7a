"""Near-identical titles: an index that finds titles a few typing slips apart, in near-linear time.

Two titles are near-identical when their compact forms (folded, lower-case, letters and digits
only, no spaces) are within a small edit distance and carry the same numbers ('2D' and '3D'
stay apart). Candidates come from the pigeonhole principle used by PassJoin: split a title
into `MAX_EDITS + 1` pieces; a title within `MAX_EDITS` edits must contain one of those pieces
unchanged, shifted by at most `MAX_EDITS` places. Candidates then pass a substring test
(most of `2 * MAX_EDITS + 1` finer pieces must appear) before a banded edit distance.

In the checker, titles are compared only between papers that no identifier tells apart (two
arXiv ids, two DOIs), which leaves few comparisons even in a catalogue of stock-phrase titles.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from .models import Paper
from .text import ascii_fold, normalise_title, strip_braces

MAX_EDITS = 2
_PIECES = MAX_EDITS + 1
_FILTER_PIECES = 2 * MAX_EDITS + 1
_MIN_LENGTH = 20
"""Shorter compact titles ('DiffusionAD') must match exactly: one letter changes their meaning."""

Owner = TypeVar("Owner")


def compact_title(title: str) -> str:
    """'Out-of-Distribution Detection' -> 'outofdistributiondetection'."""
    return re.sub(r"[^a-z0-9]", "", strip_braces(ascii_fold(title)).lower())


def allowed_edits(length: int) -> int:
    """Edits tolerated between titles whose shorter compact form has `length` characters."""
    if length < _MIN_LENGTH:
        return 0
    return 1 if length < 40 else MAX_EDITS


def edit_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`.

    Common prefixes and suffixes are cut first (they cost nothing); the rest runs over the
    diagonal band |i - j| <= limit only, so a pair that differs early stops after a few rows.
    """
    too_far = limit + 1
    if abs(len(first) - len(second)) > limit:
        return too_far
    start, first_end, second_end = 0, len(first), len(second)
    while start < min(first_end, second_end) and first[start] == second[start]:
        start += 1
    while first_end > start and second_end > start and first[first_end - 1] == second[second_end - 1]:
        first_end, second_end = first_end - 1, second_end - 1
    first, second = first[start:first_end], second[start:second_end]
    width = 2 * limit + 1
    # previous[d] holds the distance of cell (i - 1, j) with j = i - 1 + d - limit (too_far outside the table).
    previous = [j if 0 <= j <= len(second) else too_far for j in range(-limit, limit + 1)]
    for i, char in enumerate(first, start=1):
        current = [too_far] * width
        for d in range(width):
            j = i + d - limit
            if j < 0 or j > len(second):
                continue
            if j == 0:
                current[d] = i
                continue
            best = previous[d] + (char != second[j - 1])
            if d + 1 < width and previous[d + 1] + 1 < best:
                best = previous[d + 1] + 1
            if d and current[d - 1] + 1 < best:
                best = current[d - 1] + 1
            current[d] = min(best, too_far)
        if min(current) > limit:
            return too_far
        previous = current
    return min(previous[len(second) - len(first) + limit], too_far)


@functools.cache
def _pieces(length: int, count: int) -> tuple[tuple[int, int], ...]:
    """(start, length) of the `count` pieces a compact title of `length` characters is split into."""
    short, extra = divmod(length, count)
    starts, start = [], 0
    for index in range(count):
        size = short + (1 if index >= count - extra else 0)
        starts.append((start, size))
        start += size
    return tuple(starts)


@dataclass(frozen=True)
class Match(Generic[Owner]):
    """A title of the index that is near-identical to the one looked up, and how many edits apart."""

    owner: Owner
    title: str
    edits: int


@dataclass
class TitleIndex(Generic[Owner]):
    """A growing set of titles; `similar` finds the near-identical ones among them."""

    _entries: list[tuple[Owner, str, str, tuple[str, ...]]] = field(default_factory=list)
    _by_piece: dict[tuple[int, int, str], list[int]] = field(default_factory=dict)
    _short: dict[str, list[int]] = field(default_factory=dict)
    """Titles under _MIN_LENGTH by their compact form: they match only letter for letter."""

    def add(self, owner: Owner, title: str) -> None:
        compact = compact_title(title)
        position = len(self._entries)
        self._entries.append((owner, title, compact, _numbers(compact)))
        if len(compact) < _MIN_LENGTH:
            self._short.setdefault(compact, []).append(position)
        else:  # a title within MAX_EDITS of this one shares a piece with it (see _candidates), equal ones all of them
            for index, (start, size) in enumerate(_pieces(len(compact), _PIECES)):
                self._by_piece.setdefault((len(compact), index, compact[start:start + size]), []).append(position)

    def similar(self, title: str) -> list[Match[Owner]]:
        """Near-identical titles of the index, in the order they were added."""
        compact = compact_title(title)
        candidates = set(self._short.get(compact, ())) if len(compact) < _MIN_LENGTH else self._candidates(compact)
        numbers = _numbers(compact)
        pieces = [compact[start:start + size] for start, size in _pieces(len(compact), _FILTER_PIECES)]
        matches: list[Match[Owner]] = []
        for position in sorted(candidates):
            owner, other_title, other, other_numbers = self._entries[position]
            limit = allowed_edits(min(len(compact), len(other)))
            if other_numbers == numbers and _keeps_pieces(pieces, other, limit):
                edits = edit_distance(compact, other, limit)
                if edits <= limit:
                    matches.append(Match(owner, other_title, edits))
        return matches

    def _candidates(self, compact: str) -> set[int]:
        """Positions of titles that share a piece with `compact` where an alignment within MAX_EDITS allows.

        For piece `index` of a title `delta` characters shorter than `compact`, PassJoin's
        position-aware selection bounds the piece's shift by the edits that can come before
        it (at most `index`) and after it (at most MAX_EDITS - index).
        """
        candidates: set[int] = set()
        by_piece, end = self._by_piece, len(compact)
        for length in range(max(_MIN_LENGTH, end - MAX_EDITS), end + MAX_EDITS + 1):
            delta = end - length
            for index, (start, size) in enumerate(_pieces(length, _PIECES)):
                low = max(0, start - index, start + delta - (MAX_EDITS - index))
                high = min(end - size, start + index, start + delta + (MAX_EDITS - index))
                for shifted in range(low, high + 1):
                    hits = by_piece.get((length, index, compact[shifted:shifted + size]))
                    if hits:
                        candidates.update(hits)
        return candidates


def near_identical_pairs(titles: Sequence[tuple[Owner, str]]) -> list[tuple[Owner, Owner, int]]:
    """Every near-identical pair as (earlier, later, edits), `earlier` coming first in `titles`, in that order."""
    index: TitleIndex[int] = TitleIndex()
    pairs: list[tuple[int, int, int]] = []
    for position, (_, title) in enumerate(titles):
        pairs.extend((match.owner, position, match.edits) for match in index.similar(title))
        index.add(position, title)
    return [(titles[first][0], titles[second][0], edits) for first, second, edits in sorted(pairs)]


def _keeps_pieces(pieces: list[str], other: str, limit: int) -> bool:
    """Each edit spoils at most one piece, so a title within `limit` edits contains all but `limit`
    of them unchanged: substring tests, far cheaper than the edit distance."""
    missing = 0
    for piece in pieces:
        if piece not in other:
            missing += 1
            if missing > limit:
                return False
    return True


def _numbers(compact: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[0-9]+", compact))


class Identified(Protocol):
    """Anything with a paper's identifiers (a Paper, or a paper file `new` has only glanced at)."""

    @property
    def doi(self) -> str: ...
    @property
    def arxiv(self) -> str: ...
    @property
    def openreview(self) -> str: ...


def told_apart(first: Identified, second: Identified) -> bool:
    """True when an identifier proves two papers distinct: both have a DOI (or arXiv or OpenReview id) and they differ."""
    return any(
        a and b and a != b
        for a, b in ((first.doi.lower(), second.doi.lower()), (first.arxiv, second.arxiv), (first.openreview, second.openreview))
    )


def near_duplicate_papers(papers: Sequence[Paper]) -> list[tuple[Paper, Paper, int]]:
    """Papers whose titles are near-identical but not equal once normalised (the exact check reports those),
    and that no identifier tells apart, as (earlier, later, edits) in the order of `papers`.

    Two papers that both have an arXiv id (or both a DOI, or both an OpenReview id) are told apart by it
    (equal ids are the exact check's business), so titles are only compared across groups of papers
    whose kinds of identifier do not overlap: an arXiv-only preprint against a DOI-only article, say.
    """
    groups: dict[int, list[int]] = {}
    for position, paper in enumerate(papers):
        groups.setdefault(_identifier_kinds(paper), []).append(position)
    pairs: list[tuple[int, int, int]] = []
    for kinds, members in sorted(groups.items()):
        partners = [p for other, others in sorted(groups.items()) if other > kinds and not other & kinds for p in others]
        if kinds and not partners:
            continue
        index: TitleIndex[int] = TitleIndex()
        for position in members:
            if kinds == 0:  # no identifier at all: compare within the group too
                pairs.extend((match.owner, position, match.edits) for match in index.similar(papers[position].title))
            index.add(position, papers[position].title)
        for position in partners:
            for match in index.similar(papers[position].title):
                pairs.append((min(match.owner, position), max(match.owner, position), match.edits))
    return [
        (papers[first], papers[second], edits) for first, second, edits in sorted(pairs)
        if normalise_title(papers[first].title) != normalise_title(papers[second].title)
    ]


def _identifier_kinds(paper: Paper) -> int:
    """A bit per kind of identifier the paper has: DOI, arXiv, OpenReview."""
    return (1 if paper.doi else 0) | (2 if paper.arxiv else 0) | (4 if paper.openreview else 0)


def near_duplicate_message(other_file: str, edits: int) -> str:
    """The checker's words for a title `edits` letters away from the title in `other_file`."""
    if edits == 0:
        closeness = "the same title once spaces and punctuation are ignored"
    else:
        closeness = f"nearly the same title ({edits} letter{'s' if edits > 1 else ''} apart)"
    return f"{closeness} as {other_file}; if they are two different papers, give each its DOI or arXiv id"
