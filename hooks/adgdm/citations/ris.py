"""RIS records, the tagged format that Zotero, EndNote, Mendeley and citation-js import, one per paper.

Each kind of paper carries its fields in the tags the readers look for (Zotero's `RIS.js` translator
and citation-js's `@citation-js/plugin-ris` mapping, which follows the RIS specification):

- conference and workshop papers (`CONF`): the proceedings title in `C3` and the conference in
  `T2`; the publication date in `DA` (`PY` is the year of the conference); the issue in `M1`.
- journal articles (`JOUR`): the journal in `T2`, the issue in `IS`, the date in `DA` and `PY`.
- books (`BOOK`): the publisher in `PB`, the date in `DA` and `PY`.
- preprints (`RPRT`): RIS has no preprint type and Zotero none that maps to its own; a report
  keeps the server (`PB`, Zotero's institution, its preprint's repository) and the identifier
  (`SN`, the report number, its preprint's archive ID), and `M2  - Type: preprint` reaches Zotero's
  Extra field, which turns the item into a Zotero preprint when it is saved.

An incomplete author list is written as RIS expects it: the known authors, no placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..data.models import Paper, Venue
from ..data.text import strip_braces
from .links import landing_url

RIS_TYPES = {
    "conference": "CONF",
    "workshop": "CONF",
    "journal": "JOUR",
    "preprint": "RPRT",
    "book": "BOOK",
}

ZOTERO_PREPRINT = "Type: preprint"
"""An Extra-field line Zotero reads as the item type (`Zotero.Utilities.Internal.extractExtraFields`)."""


def _line(tag: str, value: str) -> str:
    # A record is line-based: a value never spans lines.
    return f"{tag}  - {' '.join(value.split())}"


def _venue_tags(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    """Where the paper appeared and when, in the tags of its record type."""
    year = str(paper.year)
    date = f"{year}///"  # RIS dates are YYYY/MM/DD/other, with only the year known
    if venue.kind in ("conference", "workshop"):
        return [("T2", venue.name), ("C3", venue.name), ("PY", year), ("DA", date)]
    if venue.kind == "journal":
        return [("T2", venue.name), ("PY", year), ("DA", date)]
    return [("PY", year), ("DA", date)]


def _numbers(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    """Volume, issue (M1 for proceedings, IS for journals) and pages."""
    first, _, last = paper.pages.partition("--")
    issue_tag = "M1" if venue.kind in ("conference", "workshop") else "IS"
    numbers = [("VL", paper.volume)]
    if venue.kind != "preprint":
        numbers.append((issue_tag, paper.number))
    return [*numbers, ("SP", first), ("EP", last)]


def _publisher(paper: Paper, venue: Venue) -> str:
    if venue.kind == "preprint":
        return paper.publisher or venue.name
    return paper.publisher or (venue.publisher if venue.kind == "book" else "")


def ris_tags(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    """The record's (tag, value) pairs in order, from TY to ER."""
    tags = [("TY", RIS_TYPES[venue.kind]), ("ID", paper.id)]
    tags += [("AU", f"{a.family}, {a.given}" if a.given else a.family) for a in paper.authors]
    tags.append(("TI", strip_braces(paper.title)))
    tags += _venue_tags(paper, venue)
    preprint_number = f"arXiv:{paper.arxiv}" if venue.kind == "preprint" and paper.arxiv else ""
    for tag, value in (*_numbers(paper, venue), ("SN", preprint_number), ("PB", _publisher(paper, venue)),
                       ("DO", paper.doi), ("UR", landing_url(paper))):
        if value:
            tags.append((tag, value))
    if paper.arxiv and not preprint_number:
        tags.append(("N1", f"arXiv:{paper.arxiv}"))
    if venue.kind == "preprint":
        tags.append(("M2", ZOTERO_PREPRINT))
    tags.append(("ER", ""))
    return tags


def to_ris(paper: Paper, venue: Venue) -> str:
    """One RIS record, ending with its ER line and a newline."""
    return "\n".join(_line(tag, value) for tag, value in ris_tags(paper, venue)) + "\n"


def ris_file(items: Iterable[tuple[Paper, Venue]]) -> str:
    """Records separated by a blank line."""
    return "\n".join(to_ris(paper, venue) for paper, venue in items)
