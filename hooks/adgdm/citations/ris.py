"""RIS records, the tagged format that Zotero, EndNote and Mendeley import, one per paper."""

from __future__ import annotations

from collections.abc import Iterable

from ..data.models import Paper, Venue
from ..data.text import strip_braces
from .links import landing_url

RIS_TYPES = {
    "conference": "CONF",
    "workshop": "CONF",
    "journal": "JOUR",
    "preprint": "UNPB",
    "book": "BOOK",
}


def _line(tag: str, value: str) -> str:
    # A record is line-based: a value never spans lines.
    return f"{tag}  - {' '.join(value.split())}"


def ris_tags(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    """The record's (tag, value) pairs in order, from TY to ER."""
    tags = [("TY", RIS_TYPES[venue.kind]), ("ID", paper.id)]
    tags += [("AU", f"{a.family}, {a.given}" if a.given else a.family) for a in paper.authors]
    tags.append(("TI", strip_braces(paper.title)))
    if venue.kind != "book":
        tags.append(("T2", venue.name))
    tags.append(("PY", str(paper.year)))
    first, _, last = paper.pages.partition("--")
    publisher = paper.publisher or (venue.publisher if venue.kind == "book" else "")
    for tag, value in (("VL", paper.volume), ("IS", paper.number), ("SP", first), ("EP", last), ("PB", publisher),
                       ("DO", paper.doi), ("UR", landing_url(paper))):
        if value:
            tags.append((tag, value))
    if paper.arxiv:
        tags.append(("N1", f"arXiv:{paper.arxiv}"))
    tags.append(("ER", ""))
    return tags


def to_ris(paper: Paper, venue: Venue) -> str:
    """One RIS record, ending with its ER line and a newline."""
    return "\n".join(_line(tag, value) for tag, value in ris_tags(paper, venue)) + "\n"


def ris_file(items: Iterable[tuple[Paper, Venue]]) -> str:
    """Records separated by a blank line."""
    return "\n".join(to_ris(paper, venue) for paper, venue in items)
