"""Home-page pieces filled into docs/index.md: headline counts, the modality cards and the charts.

The numbers come from the catalogue at build time; the functions computing them are public so
the tests can compare each chart with the data.
"""

from __future__ import annotations

from ...data.catalogue import SITE_SOURCE, source_label
from ...data.models import Paper
from ...data.urls import (
    authors_index,
    explorer_page,
    href,
    modalities_index,
    modality_page,
    taxonomy_index,
    venue_page,
    venues_index,
    years_index,
)
from ...data.vocabulary.taxonomy import MODALITY_AXIS
from ..context import Context
from ..markup import block, esc, link
from .charts import Chart, horizontal_bars, share_bars, stacked_columns
from .modality import present_views
from .tables import count_text
from .taxonomy_map import taxonomy_maps

SEVERAL = "Several modalities"
TOP_VENUES = 10


def modality_series(ctx: Context) -> list[tuple[str, str]]:
    """(node id, label) of each modality, then the bucket for papers on more than one."""
    return [(m.id, m.label) for m in ctx.index.children.get(MODALITY_AXIS, ())] + [("", SEVERAL)]


def series_of(ctx: Context, paper: Paper) -> str:
    """The stack a paper counts in: its modality's label, or SEVERAL, so every paper counts once."""
    if len(paper.modality) == 1:
        return ctx.catalogue.taxonomy[paper.modality[0]].label
    return SEVERAL


def papers_per_year(ctx: Context) -> tuple[list[str], dict[tuple[str, str], int]]:
    """Every year from the first to the last (empty years too), and the count per (year, modality)."""
    years = sorted(ctx.index.by_year)
    columns = [str(year) for year in range(years[0], years[-1] + 1)] if years else []
    counts: dict[tuple[str, str], int] = {}
    for paper in ctx.catalogue.papers:
        key = (str(paper.year), series_of(ctx, paper))
        counts[key] = counts.get(key, 0) + 1
    return columns, counts


def top_venues(ctx: Context, limit: int = TOP_VENUES) -> list[tuple[str, int]]:
    """The venues with most papers, ties broken by name."""
    ranked = sorted(ctx.index.by_venue.items(), key=lambda item: (-len(item[1]), item[0].lower()))
    return [(short, len(papers)) for short, papers in ranked[:limit]]


def source_counts(ctx: Context) -> list[tuple[str, int]]:
    """(source id, papers) for each survey and for the papers this site added; a paper both
    surveys list counts under each."""
    counts = dict.fromkeys([*ctx.catalogue.surveys, SITE_SOURCE], 0)
    for paper in ctx.catalogue.papers:
        for source in ctx.catalogue.sources(paper):
            counts[source] += 1
    return list(counts.items())


def code_share(ctx: Context) -> list[tuple[str, int, int]]:
    """(label, papers with a code link, papers) for the whole catalogue and each modality page."""
    rows = [("All papers", sum(1 for p in ctx.catalogue.papers if p.code), len(ctx.catalogue.papers))]
    for view in present_views(ctx):
        papers = ctx.index.by_node.get(view.node, ())
        rows.append((ctx.catalogue.taxonomy[view.node].label, sum(1 for p in papers if p.code), len(papers)))
    return rows


# -- the snippets --------------------------------------------------------------------------


def headline_counts(ctx: Context, page: str) -> str:
    papers = ctx.catalogue.papers
    years = sorted(ctx.index.by_year)
    facts = [
        (f"{len(papers)}", "papers", ""),
        (f"{len(ctx.index.by_venue)}", "venues", venues_index()),
        (f"{years[0]}–{years[-1]}" if years else "–", "years", years_index()),
        (f"{len(ctx.index.by_author)}", "authors", authors_index()),
        (f"{sum(1 for p in papers if p.uses_diffusion)}", "use a diffusion model", ""),
        (f"{sum(1 for p in papers if p.code)}", "link their code", ""),
    ]
    items = "".join(
        f'<li><span class="adgdm-figure">{esc(number)}</span> '
        + (link(href(page, target), words) if target else esc(words)) + "</li>"
        for number, words, target in facts
    )
    sources = ", ".join(
        link(href(page, explorer_page()) + f"?source={source}",
             f"{count} added by this site" if source == SITE_SOURCE else f"{count} from {source_label(source)}")
        for source, count in source_counts(ctx)
    )
    cards = "".join(
        f"<li>{link(href(page, modality_page(view.node)), ctx.catalogue.taxonomy[view.node].label)} "
        f'<span class="adgdm-count">{len(ctx.index.by_node.get(view.node, ()))}</span></li>'
        for view in present_views(ctx)
    )
    return block(f'<ul class="adgdm-headline">{items}</ul>'
                 f'<p class="adgdm-sources">Where the papers come from: {sources} '
                 "(a paper both surveys list counts for each).</p>"
                 f'<p>By modality (<a href="{esc(href(page, modalities_index()))}">all modalities</a>):</p>'
                 f'<ul class="adgdm-counted adgdm-modality-cards">{cards}</ul>')


CORE_AXES = ("scoring", "conditioning", "methodology")
"""The compact map on the home page: ADGDM's two core axes (2.2, 2.3) and DMAD's methodology tree."""


def taxonomy_map(ctx: Context, page: str) -> str:
    overview = link(href(page, taxonomy_index()), "taxonomy overview")
    return block(taxonomy_maps(ctx, page, CORE_AXES, "home-map")
                 + f"<p>Every axis, the modalities' own among them, is drawn on the {overview}.</p>")


def chart_years(ctx: Context, page: str) -> str:
    columns, counts = papers_per_year(ctx)
    series = [label for _, label in modality_series(ctx)]
    busiest = max(columns, key=lambda year: (sum(counts.get((year, s), 0) for s in series), year), default="")
    total = sum(counts.get((busiest, s), 0) for s in series)
    summary = (f"{count_text(len(ctx.catalogue.papers))} from {columns[0]} to {columns[-1]}, each counted once: under its "
               f"modality, or under '{SEVERAL}'. The busiest year is {busiest} with {count_text(total)}."
               if columns else "No paper yet.")
    return block(stacked_columns(Chart("chart-years", "Papers per year by modality", summary), columns, series, counts))


def chart_venues(ctx: Context, page: str) -> str:
    bars = top_venues(ctx)
    summary = (f"The {len(bars)} venues with most papers; {bars[0][0]} leads with {count_text(bars[0][1])}."
               if bars else "No venue yet.")
    cells = [link(href(page, venue_page(short)), short) for short, _ in bars]
    return block(horizontal_bars(Chart("chart-venues", "Top venues", summary), bars, cells))


def chart_code(ctx: Context, page: str) -> str:
    rows = code_share(ctx)
    _, with_code, total = rows[0]
    summary = f"{with_code} of {count_text(total)} link to their code, overall and per modality."
    return block(share_bars(Chart("chart-code", "Share of papers with code", summary), rows))
