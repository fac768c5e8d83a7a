"""CSL-JSON items: the citation format pandoc, Zotero and citeproc read, built from a paper's fields."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..data.models import Author, Paper, Venue
from ..data.text import strip_braces
from .links import landing_url

CSL_TYPES = {
    "conference": "paper-conference",
    "workshop": "paper-conference",
    "journal": "article-journal",
    "preprint": "article",
    "book": "book",
}


def _author(author: Author) -> dict[str, str]:
    if author.is_organisation:
        return {"literal": author.family}
    return {"family": author.family, "given": author.given} if author.given else {"family": author.family}


def to_csl(paper: Paper, venue: Venue) -> dict[str, Any]:
    """One CSL item; keys in a fixed order so the JSON text is stable."""
    item: dict[str, Any] = {
        "id": paper.id,
        "type": CSL_TYPES[venue.kind],
        "title": strip_braces(paper.title),
        "author": [_author(a) for a in paper.authors],
        "issued": {"date-parts": [[paper.year]]},
    }
    if venue.kind in ("conference", "workshop", "journal"):
        item["container-title"] = venue.name
    if venue.kind == "preprint":
        item["publisher"] = venue.name
        if paper.arxiv and venue.short == "arXiv":
            # The bare identifier: styles print it after the publisher ("arXiv: 2501.00001" in IEEE).
            item["number"] = paper.arxiv
    elif paper.publisher or (venue.kind == "book" and venue.publisher):
        item["publisher"] = paper.publisher or venue.publisher
    for key, value in (("volume", paper.volume), ("issue", paper.number), ("page", paper.pages.replace("--", "-")),
                       ("DOI", paper.doi), ("URL", landing_url(paper))):
        if value:
            item[key] = value
    return item


# One encoder for every value: json.dumps with options builds a new encoder per call, and a cite box
# encodes a dozen values per paper.
_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def csl_json(items: Iterable[tuple[Paper, Venue]]) -> str:
    """A CSL-JSON document: an array of items, as pandoc's --bibliography and Zotero's import expect.

    One line per field keeps it readable (the author list stays on one line) and still valid JSON.
    """
    blocks = [
        "  {\n" + ",\n".join(f"    {_compact(key)}: {_compact(value)}" for key, value in to_csl(paper, venue).items()) + "\n  }"
        for paper, venue in items
    ]
    return "[\n" + ",\n".join(blocks) + "\n]\n" if blocks else "[]\n"
