"""A plain-text reference in IEEE style: initials and family names, the title in quotes, the venue, the year."""

from __future__ import annotations

import re

from ..data.models import Author, Paper, Venue
from ..data.text import strip_braces
from .links import is_arxiv_doi

MAX_AUTHORS = 6
"""IEEE lists up to six authors; beyond that, the first author and "et al."."""


def initials(given: str) -> str:
    """'Laurence T.' -> 'L. T.'; 'Jean-Pierre' -> 'J.-P.'; 'C. I.' stays 'C. I.'."""
    words = []
    for word in given.split():
        parts = [part for part in word.split("-") if part]
        words.append("-".join(f"{part[0]}." for part in parts))
    return " ".join(words)


def ieee_name(author: Author) -> str:
    return f"{initials(author.given)} {author.family}" if author.given else author.family


def ieee_authors(paper: Paper) -> str:
    names = [ieee_name(author) for author in paper.authors]
    if len(names) > MAX_AUTHORS or (paper.authors_incomplete and len(names) == 1):
        return f"{names[0]} et al."
    if paper.authors_incomplete:
        return ", ".join(names) + ", et al."
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _details(paper: Paper) -> list[str]:
    parts = []
    if paper.volume:
        parts.append(f"vol. {paper.volume}")
    if paper.number:
        parts.append(f"no. {paper.number}")
    if paper.pages:
        first, _, last = paper.pages.partition("--")
        parts.append(f"pp. {first}–{last}" if last else f"p. {first}")
    return parts


def _proceedings(name: str) -> str:
    return f"in {name}" if re.match(r"(?i)proc(?:eedings|\.)", name) else f"in Proc. {name}"


def to_ieee(paper: Paper, venue: Venue) -> str:
    """One reference as a single line of plain text (Unicode, no markup)."""
    title = strip_braces(paper.title)
    year = str(paper.year)
    is_arxiv = bool(paper.arxiv) and venue.short == "arXiv"
    if venue.kind == "book":
        publisher = paper.publisher or venue.publisher
        text = f"{ieee_authors(paper)}, {title}. {publisher}, {year}"
    else:
        if venue.kind in ("conference", "workshop"):
            where = [_proceedings(venue.name), year, *_details(paper)]
        elif venue.kind == "journal":
            where = [venue.name, *_details(paper), year]
        elif is_arxiv:
            where = [f"arXiv preprint arXiv:{paper.arxiv}", year]
        else:
            where = [venue.name, year]
        # The comma goes inside the quotes, unless the title ends with its own ? or !.
        comma = "" if title.endswith(("?", "!")) else ","
        text = f"{ieee_authors(paper)}, “{title}{comma}” " + ", ".join(where)
    if paper.doi and not (is_arxiv and is_arxiv_doi(paper.doi)):
        text += f", doi: {paper.doi}"
    return text + "."
