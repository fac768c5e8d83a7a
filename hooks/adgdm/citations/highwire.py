"""Highwire Press `citation_*` meta tags, which Zotero's connector and Google Scholar read from a page's head."""

from __future__ import annotations

from ..data.models import Paper, Venue
from ..data.text import strip_braces


def citation_meta(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    """(name, content) pairs in a fixed order; contents are plain text, escaped by the template."""
    meta = [("citation_title", strip_braces(paper.title))]
    meta += [("citation_author", a.sort_key) for a in paper.authors]
    meta.append(("citation_publication_date", str(paper.year)))
    if venue.kind in ("conference", "workshop"):
        meta.append(("citation_conference_title", venue.name))
    elif venue.kind == "journal":
        meta.append(("citation_journal_title", venue.name))
    publisher = paper.publisher or venue.publisher
    if publisher:
        meta.append(("citation_publisher", publisher))
    elif venue.kind == "preprint":
        meta.append(("citation_publisher", venue.name))
    first, _, last = paper.pages.partition("--")
    for name, value in (("citation_volume", paper.volume), ("citation_issue", paper.number),
                        ("citation_firstpage", first), ("citation_lastpage", last), ("citation_doi", paper.doi)):
        if value:
            meta.append((name, value))
    if paper.arxiv:
        meta.append(("citation_arxiv_id", paper.arxiv))
        meta.append(("citation_pdf_url", f"https://arxiv.org/pdf/{paper.arxiv}"))
    if paper.url:
        meta.append(("citation_abstract_html_url", paper.url))
    return meta
