"""Highwire Press `citation_*` meta tags, which Zotero's connector and Google Scholar read from a page's head.

Each kind of paper is told apart by the tags Google Scholar's inclusion guidelines name and Zotero's
"Embedded Metadata" translator reads for the item type: `citation_conference_title` for conference
and workshop papers, `citation_journal_title` for journal articles. Books and preprints have no
Highwire tag of their own (`citation_book_title` means a chapter, `citation_technical_report_institution`
a report): for them a Dublin Core `DC.type` names the Zotero item type ("book", "preprint"), which
the translator reads when no Highwire type tag is present. Every paper with a PDF gets
`citation_pdf_url` (OpenReview's, else arXiv's) and every paper with a landing page
`citation_abstract_html_url` (the publisher's page, the OpenReview forum, arXiv or the DOI).
"""

from __future__ import annotations

from ..data.models import Paper, Venue
from ..data.text import strip_braces
from .links import landing_url

DC_TYPES = {"book": "book", "preprint": "preprint"}
"""Venue kind -> the Zotero item type a `DC.type` tag states, for the kinds without a Highwire type tag."""


def pdf_url(paper: Paper) -> str:
    """The paper's PDF: the reviewed version on OpenReview, else arXiv's; '' when neither is known."""
    if paper.openreview:
        return f"https://openreview.net/pdf?id={paper.openreview}"
    return f"https://arxiv.org/pdf/{paper.arxiv}" if paper.arxiv else ""


def _venue_meta(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    meta: list[tuple[str, str]] = []
    if venue.kind in ("conference", "workshop"):
        meta.append(("citation_conference_title", venue.name))
    elif venue.kind == "journal":
        meta.append(("citation_journal_title", venue.name))
    publisher = paper.publisher or venue.publisher or (venue.name if venue.kind == "preprint" else "")
    if publisher:
        meta.append(("citation_publisher", publisher))
    return meta


def citation_meta(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    """(name, content) pairs in a fixed order; contents are plain text, escaped by the template."""
    meta = [("citation_title", strip_braces(paper.title))]
    meta += [("citation_author", a.sort_key) for a in paper.authors]
    meta.append(("citation_publication_date", str(paper.year)))
    meta += _venue_meta(paper, venue)
    first, _, last = paper.pages.partition("--")
    for name, value in (("citation_volume", paper.volume), ("citation_issue", paper.number),
                        ("citation_firstpage", first), ("citation_lastpage", last), ("citation_doi", paper.doi),
                        ("citation_arxiv_id", paper.arxiv), ("citation_pdf_url", pdf_url(paper))):
        if value:
            meta.append((name, value))
    landing = landing_url(paper) or (f"https://doi.org/{paper.doi}" if paper.doi else "")
    if landing:
        meta.append(("citation_abstract_html_url", landing))
    if venue.kind in DC_TYPES:
        meta.append(("DC.type", DC_TYPES[venue.kind]))
    return meta
