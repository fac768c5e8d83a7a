"""Venue and year pages with their indices, and the list of every browsing page the site generates.

Venue, year and author pages exist for every venue, year and author that has at least one
paper; taxonomy nodes always have a page (see pages/taxonomy.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...data.models import VENUE_KINDS, Paper
from ...data.urls import (
    author_page,
    authors_index,
    crosstab_index,
    crosstab_page,
    href,
    modalities_index,
    modality_page,
    node_page,
    taxonomy_index,
    venue_bib,
    venue_page,
    venues_index,
    year_page,
    years_index,
)
from ..context import Context
from ..generated_site import GeneratedSite
from ..markup import Column, block, esc, external_link, front_matter, heading, html_table, link
from .authors import author_letters, render_author_letter, render_authors_index
from .crosstab import cells, render_cell, render_crosstab
from .crumbs import bib_download, breadcrumbs
from .modality import present_views, render_modalities_index, render_modality
from .tables import count_text, paper_table
from .taxonomy import render_node, render_taxonomy_overview

TAXONOMY_SOURCE = "papers/vocabulary/taxonomy.yaml"
VENUES_SOURCE = "papers/vocabulary/venues.yaml"

KIND_HEADINGS = {"conference": "Conferences", "workshop": "Workshops", "journal": "Journals",
                 "preprint": "Preprint servers", "book": "Books"}

BrowsePage = tuple[str, str, str]
"""(page path, Markdown, the data file it comes from or '')."""


def produce(ctx: Context, site: GeneratedSite) -> None:
    """Taxonomy, modality, cross-tab, venue, year and author pages."""
    for path, markdown, source in browse_pages(ctx):
        site.add_page(path, markdown, source)


def browse_pages(ctx: Context) -> Iterator[BrowsePage]:
    """Every browsing page: taxonomy, modalities, cross-tab, venues, years and authors."""
    yield taxonomy_index(), render_taxonomy_overview(ctx), TAXONOMY_SOURCE
    for node_id in ctx.catalogue.taxonomy:
        yield node_page(node_id), render_node(ctx, node_id), TAXONOMY_SOURCE
    yield modalities_index(), render_modalities_index(ctx), TAXONOMY_SOURCE
    for view in present_views(ctx):
        yield modality_page(view.node), render_modality(ctx, view), TAXONOMY_SOURCE
    yield crosstab_index(), render_crosstab(ctx), TAXONOMY_SOURCE
    for row, column, papers in cells(ctx):
        yield crosstab_page(row.id, column.id), render_cell(ctx, row, column, papers), TAXONOMY_SOURCE
    yield venues_index(), render_venues_index(ctx), VENUES_SOURCE
    for short in sorted(ctx.index.by_venue):
        yield venue_page(short), render_venue(ctx, short), VENUES_SOURCE
    yield years_index(), render_years_index(ctx), ""
    for year in sorted(ctx.index.by_year):
        yield year_page(year), render_year(ctx, year), ""
    yield authors_index(), render_authors_index(ctx), ""
    for letter, authors in author_letters(ctx).items():
        yield author_page(letter), render_author_letter(ctx, letter, authors), ""


# -- venues --------------------------------------------------------------------------------


def _years_span(papers: tuple[Paper, ...]) -> str:
    first, last = min(p.year for p in papers), max(p.year for p in papers)
    return str(first) if first == last else f"{first}–{last}"


def render_venues_index(ctx: Context) -> str:
    page = venues_index()
    venues = [ctx.catalogue.venues[short] for short in sorted(ctx.index.by_venue, key=str.lower)]
    parts = [
        front_matter("Venues", "Every venue of the catalogue, grouped by kind, with its number of papers."),
        heading("Venues"),
        block(f"<p>The catalogue's {count_text(len(ctx.catalogue.papers))} appeared at "
              f"{count_text(len(venues), 'venue')}, grouped here by kind.</p>"),
    ]
    columns = [Column("Venue"), Column("Full name"), Column("Papers", numeric=True), Column("Years")]
    for kind in VENUE_KINDS:
        of_kind = [v for v in venues if v.kind == kind]
        if not of_kind:
            continue
        rows = [[link(href(page, venue_page(v.short)), v.short), esc(v.name), str(len(ctx.index.by_venue[v.short])),
                 _years_span(ctx.index.by_venue[v.short])] for v in of_kind]
        parts.append(heading(KIND_HEADINGS[kind], 2, kind))
        parts.append(block(html_table(columns, rows, css="adgdm-sortable adgdm-venues")))
    return "".join(parts)


def render_venue(ctx: Context, short: str) -> str:
    venue = ctx.catalogue.venues[short]
    page = venue_page(short)
    papers = ctx.index.by_venue.get(short, ())
    kind = KIND_HEADINGS[venue.kind]
    facts = [f"<p><strong>{esc(venue.name)}</strong>. Kind: {esc(venue.kind)}"
             + (f". Publisher: {esc(venue.publisher)}" if venue.publisher else "")
             + (f". {external_link(venue.url, 'Website')}" if venue.url else "") + ".</p>",
             f"<p>{count_text(len(papers))} in the catalogue, {_years_span(papers)}.</p>",
             bib_download(page, venue_bib(short), len(papers))]
    return (
        front_matter(f"{venue.short}: {venue.name}", f"{count_text(len(papers))} published at {venue.short} ({venue.name})")
        + block(breadcrumbs(page, [("Venues", venues_index()), (kind, f"{venues_index()}#{venue.kind}")], venue.short))
        + heading(venue.short)
        + block("\n".join(fact for fact in facts if fact))
        + block(paper_table(ctx, page, papers))
    )


# -- years ---------------------------------------------------------------------------------


def render_years_index(ctx: Context) -> str:
    page = years_index()
    modalities = ctx.index.children.get("modality", ())
    columns = [Column("Year", numeric=True), Column("Papers", numeric=True),
               *(Column(m.label, numeric=True) for m in modalities)]
    rows = []
    for year in sorted(ctx.index.by_year, reverse=True):
        papers = ctx.index.by_year[year]
        per_modality = [str(sum(1 for p in papers if m.id in p.modality)) for m in modalities]
        rows.append([link(href(page, year_page(year)), str(year)), str(len(papers)), *per_modality])
    return (
        front_matter("Years", "Papers of the catalogue by year of publication.")
        + heading("Years")
        + block("<p>Papers by year of publication, and how many of them work on each modality "
                "(a paper on several modalities counts in each).</p>"
                + html_table(columns, rows, css="adgdm-sortable adgdm-years"))
    )


def render_year(ctx: Context, year: int) -> str:
    page = year_page(year)
    papers = ctx.index.by_year.get(year, ())
    years = sorted(ctx.index.by_year)
    position = years.index(year)
    steps = []
    if position > 0:
        steps.append(f"Earlier: {link(href(page, year_page(years[position - 1])), str(years[position - 1]))}")
    if position + 1 < len(years):
        steps.append(f"Later: {link(href(page, year_page(years[position + 1])), str(years[position + 1]))}")
    return (
        front_matter(f"Papers of {year}", f"{count_text(len(papers))} from {year}")
        + block(breadcrumbs(page, [("Years", years_index())], str(year)))
        + heading(f"Papers of {year}")
        + block(f"<p>{count_text(len(papers))} of the catalogue appeared in {year}.</p>"
                + (f'<p class="adgdm-steps">{" · ".join(steps)}</p>' if steps else ""))
        + block(paper_table(ctx, page, papers))
    )
