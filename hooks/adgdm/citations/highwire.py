"""Highwire Press `citation_*` meta tags, which Zotero's connector and Google Scholar read from a page's head.

Each kind of paper is told apart by the tags Google Scholar's inclusion guidelines name and Zotero's
"Embedded Metadata" translator reads for the item type: `citation_conference_title` for conference
and workshop papers, `citation_journal_title` for journal articles. Books and preprints have no
Highwire tag of their own (`citation_book_title` means a chapter, `citation_technical_report_institution`
a report): for them a Dublin Core `DC.type` names the Zotero item type ("book", "preprint"), which
the translator reads when no Highwire type tag is present. Every paper with a PDF gets
`citation_pdf_url` (arXiv's for a preprint, else OpenReview's, else arXiv's) and every paper with a
landing page `citation_abstract_html_url` (the publisher's page, the OpenReview forum, arXiv or the DOI).
No schema.org JSON-LD beside them: neither that translator nor Google Scholar reads it.
"""

from __future__ import annotations

from ..data.models import Paper, Venue
from ..data.text import strip_braces
from .links import landing_url

DC_TYPES = {"book": "book", "preprint": "preprint"}
"""Venue kind -> the Zotero item type a `DC.type` tag states, for the kinds without a Highwire type tag."""


def pdf_url(paper: Paper, venue: Venue) -> str:
    """The paper's PDF: arXiv's for a preprint, else the reviewed version on OpenReview, else arXiv's;
    '' when neither is known."""
    arxiv = f"https://arxiv.org/pdf/{paper.arxiv}" if paper.arxiv else ""
    if venue.kind == "preprint" and arxiv:
        return arxiv
    return f"https://openreview.net/pdf?id={paper.openreview}" if paper.openreview else arxiv


def landing_page(paper: Paper, venue: Venue) -> str:
    """The page that describes the version cited: arXiv's for a preprint, else the publisher's, the
    OpenReview forum or arXiv's, else the DOI's."""
    if venue.kind == "preprint" and paper.arxiv and not paper.url:
        return f"https://arxiv.org/abs/{paper.arxiv}"
    return landing_url(paper) or (f"https://doi.org/{paper.doi}" if paper.doi else "")


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
                        ("citation_arxiv_id", paper.arxiv), ("citation_pdf_url", pdf_url(paper, venue)),
                        ("citation_abstract_html_url", landing_page(paper, venue))):
        if value:
            meta.append((name, value))
    if venue.kind in DC_TYPES:
        meta.append(("DC.type", DC_TYPES[venue.kind]))
    return meta
