"""The paper table shared by node, venue, year and modality pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...data.models import Paper
from ...data.text import strip_braces
from ...data.urls import href, paper_page, venue_page
from ..context import Context
from ..markup import Column, esc, external_link, html_table, link

ExtraColumn = tuple[Column, Callable[[Paper], str]]


def sorted_papers(papers: Sequence[Paper]) -> list[Paper]:
    """Newest first, then by key: the default order of every paper list."""
    return sorted(papers, key=lambda p: (-p.year, p.id))


def paper_table(ctx: Context, page: str, papers: Sequence[Paper], extra: Sequence[ExtraColumn] = ()) -> str:
    """A sortable table of papers: method, title, year, venue, code, BibTeX, plus extra columns."""
    columns = [Column("Method"), Column("Title"), Column("Year", numeric=True), Column("Venue"),
               *(column for column, _ in extra), Column("Code"), Column("BibTeX")]
    rows = []
    for paper in sorted_papers(papers):
        to_paper = href(page, paper_page(paper.id))
        code = " ".join(external_link(url, "code") for url in paper.code[:1]) or "–"
        rows.append([
            esc(paper.label),
            link(to_paper, strip_braces(paper.title)),
            str(paper.year),
            link(href(page, venue_page(paper.venue)), paper.venue),
            *(cell(paper) for _, cell in extra),
            code,
            f'<a href="{esc(to_paper)}#cite" aria-label="BibTeX of {esc(paper.label)}">BibTeX</a>',
        ])
    return html_table(columns, rows, css="adgdm-sortable adgdm-papers")


def count_text(count: int, noun: str = "paper") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
