"""The links a citation carries besides its DOI: the paper's landing page and its arXiv id."""

from __future__ import annotations

from ..data.models import Paper

ARXIV_DOI_PREFIX = "10.48550/arxiv."


def publisher_page(paper: Paper) -> str:
    """The publisher's page, else the OpenReview forum, else ''."""
    if paper.url:
        return paper.url
    return f"https://openreview.net/forum?id={paper.openreview}" if paper.openreview else ""


def landing_url(paper: Paper) -> str:
    """The publisher's page, else OpenReview, else arXiv; '' when only a DOI is known (the DOI is its own link)."""
    return publisher_page(paper) or (f"https://arxiv.org/abs/{paper.arxiv}" if paper.arxiv else "")


def is_arxiv_doi(doi: str) -> bool:
    """arXiv's own DOIs (10.48550/arXiv.<id>) repeat the arXiv id."""
    return doi.lower().startswith(ARXIV_DOI_PREFIX)
