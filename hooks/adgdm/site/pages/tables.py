"""The paper table shared by node, venue, year and modality pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...data.catalogue import SITE_SOURCE, source_label
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


def source_column(ctx: Context) -> ExtraColumn:
    """A column naming where each paper comes from: the surveys that list it, or this site."""
    def cell(paper: Paper) -> str:
        return ", ".join("this site" if s == SITE_SOURCE else esc(source_label(s)) for s in ctx.catalogue.sources(paper))

    return (Column("Listed by"), cell)


def source_sentence(ctx: Context, papers: Sequence[Paper]) -> str:
    """'3 of these papers are listed by the surveys (ADGDM, DMAD); 2 were added by this site.'"""
    added = sum(1 for paper in papers if ctx.catalogue.sources(paper) == (SITE_SOURCE,))
    listed = len(papers) - added
    surveys = ", ".join(source_label(s) for s in ctx.catalogue.surveys)
    return (f"<p>Of these, {count_text(listed)} {'is' if listed == 1 else 'are'} listed by the surveys ({esc(surveys)}) "
            f"and {added} {'was' if added == 1 else 'were'} added by this site (column Listed by).</p>")


def count_text(count: int, noun: str = "paper") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
