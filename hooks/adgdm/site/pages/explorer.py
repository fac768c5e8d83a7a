"""The paper explorer: one page over every paper, its compact JSON data, and BibTeX by key.

The page itself is a shell: docs/assets/explorer.js fetches `downloads/explorer.json` and
builds the facets, the search box and the table. Without JavaScript the page shows a plain
table of the newest papers (all of them up to NOSCRIPT_LIMIT) and links to the year pages,
which list every paper, so the page stays small however large the catalogue grows.
BibTeX is kept out of the table data and fetched only when someone copies or downloads it.
"""

from __future__ import annotations

import json
from typing import Any

from ...data.catalogue import SITE_SOURCE, source_label
from ...data.models import Paper
from ...data.spec import is_safe_url
from ...data.text import ascii_fold, strip_braces
from ...data.urls import bibtex_json, explorer_json, explorer_page, href, paper_page, url_of, venue_page, year_page
from ..bibtex_entries import paper_bibtex
from ..context import Context
from ..generated_site import GeneratedSite
from ..markup import Column, block, esc, external_link, front_matter, heading, html_table, link
from .tables import count_text, sorted_papers

NOSCRIPT_LIMIT = 500
"""How many papers the no-JavaScript table lists; beyond that the year pages take over."""

FORMAT = "adgdm-explorer/1"

FIELDS = {
    "i": "key: the BibTeX key, also the paper page's name",
    "s": "short name of the method (absent when none)",
    "t": "title, without BibTeX braces",
    "a": "authors, as positions in `authors`",
    "e": "1 when the sources name only some of the authors",
    "y": "year",
    "v": "venue, as a position in `venues`",
    "m": "modalities, as positions in `nodes`",
    "k": "task, as a position in `nodes`",
    "n": "taxonomy terms, as positions in `nodes` (their ancestors apply too)",
    "d": "1 when the method uses a diffusion model",
    "g": "GitHub stars of the most starred code repository, from code_stats.yaml (absent when unknown)",
    "c": "code repositories or project pages (absent when none)",
    "u": "one-sentence summary of the method, in the catalogue's words (absent when none)",
    "l": "where the paper comes from, as positions in `sources` (a survey that lists it, or this site)",
}


def produce_explorer(ctx: Context, site: GeneratedSite) -> None:
    """Add the explorer page, its table data and the BibTeX the page copies on demand."""
    site.add_page(explorer_page(), render_explorer(ctx))
    site.add_file(explorer_json(), compact_json(explorer_data(ctx)))
    site.add_file(bibtex_json(), compact_json(bibtex_by_key(ctx)))


def compact_json(data: object) -> str:
    """JSON on one line without spaces (the files are downloads and data, not for reading)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def explorer_data(ctx: Context) -> dict[str, Any]:
    """The explorer's data: shared lists of venues, taxonomy nodes and authors, then one row per paper."""
    catalogue = ctx.catalogue
    venue_names = sorted({paper.venue for paper in catalogue.papers}, key=lambda short: (short.casefold(), short))
    venue_at = {short: position for position, short in enumerate(venue_names)}
    node_ids = [node_id for node_id in catalogue.taxonomy if node_id in ctx.index.by_node]
    node_at = {node_id: position for position, node_id in enumerate(node_ids)}
    author_names = sorted({a.sort_key for p in catalogue.papers for a in p.authors}, key=lambda name: (ascii_fold(name).lower(), name))
    author_at = {name: position for position, name in enumerate(author_names)}
    source_ids = [*catalogue.surveys, SITE_SOURCE]
    source_at = {source: position for position, source in enumerate(source_ids)}

    def row(paper: Paper) -> dict[str, Any]:
        fields: dict[str, Any] = {"i": paper.id}
        if paper.short_name:
            fields["s"] = paper.short_name
        fields["t"] = strip_braces(paper.title)
        fields["a"] = [author_at[author.sort_key] for author in paper.authors]
        if paper.authors_incomplete:
            fields["e"] = 1
        fields.update(y=paper.year, v=venue_at[paper.venue], m=[node_at[m] for m in paper.modality], k=node_at[paper.task])
        if paper.nodes:
            fields["n"] = [node_at[node_id] for node_id in paper.nodes]
        if paper.uses_diffusion:
            fields["d"] = 1
        stars = catalogue.code_stars(paper)
        if stars is not None:
            fields["g"] = stars
        code = [url for url in paper.code if is_safe_url(url)]
        if code:
            fields["c"] = code
        if paper.summary:
            fields["u"] = paper.summary
        fields["l"] = [source_at[source] for source in catalogue.sources(paper)]
        return fields

    taxonomy = catalogue.taxonomy
    return {
        "format": FORMAT,
        "about": "The papers of the ADGDM catalogue in a compact form for the explorer page. "
                 "Lists are shared: a paper names its venue, nodes and authors by their position in them.",
        "paper_url": url_of(paper_page("{id}")),
        "bibtex": bibtex_json(),
        "fields": FIELDS,
        "venues": [
            {"short": short, "name": catalogue.venues[short].name, "kind": catalogue.venues[short].kind,
             "url": url_of(venue_page(short))}
            for short in venue_names
        ],
        "nodes": [
            {"id": node_id, "label": taxonomy[node_id].label, **({"parent": node_at[p]} if (p := taxonomy[node_id].parent) else {})}
            for node_id in node_ids
        ],
        "authors": author_names,
        "sources": [{"id": source, "label": source_label(source)} for source in source_ids],
        "papers": [row(paper) for paper in catalogue.papers],
    }


def bibtex_by_key(ctx: Context) -> dict[str, str]:
    """Every paper's BibTeX entry by key, from the one BibTeX implementation."""
    return {paper.id: paper_bibtex(ctx, paper) for paper in ctx.catalogue.papers}


def render_explorer(ctx: Context) -> str:
    page = explorer_page()
    total = len(ctx.catalogue.papers)
    downloads = " · ".join([
        link(href(page, explorer_json()), "the explorer's data (JSON)"),
        link(href(page, bibtex_json()), "every BibTeX entry by key (JSON)"),
        link(href(page, "downloads/papers.bib"), "all BibTeX entries (.bib)"),
    ])
    shell = (
        f'<div id="adgdm-explorer" class="adgdm-explorer" data-json="{esc(href(page, explorer_json()))}" '
        f'data-root="{esc(href(page, "index.md"))}">\n'
        f"<noscript>{_plain_table(ctx, page)}</noscript>\n"
        "</div>"
    )
    return (
        front_matter("Paper explorer", f"Filter, search and sort all {count_text(total)} of the catalogue, then copy their BibTeX.",
                     extra={"hide": ["navigation", "toc"], "explorer_query": True})
        + heading("Paper explorer")
        + block(
            "<p>Narrow the catalogue down by modality, task, taxonomy, venue, year and source (the surveys' lists or "
            "the papers this site added), search titles, authors, method names and summaries, sort any column, "
            "then copy or download the BibTeX or a CSV file of the papers you kept "
            "or ticked. The address bar records every choice, so a filtered view can be bookmarked or shared.</p>\n"
            f'<p class="adgdm-explorer-downloads">Downloads: {downloads}.</p>\n' + shell
        )
    )


def _plain_table(ctx: Context, page: str) -> str:
    """The no-JavaScript view: a compact table of the newest papers, and the year pages for the rest."""
    papers = sorted_papers(ctx.catalogue.papers)
    shown = papers[:NOSCRIPT_LIMIT]
    years = sorted(ctx.index.by_year, reverse=True)
    year_links = ", ".join(link(href(page, year_page(year)), str(year)) for year in years)
    if len(shown) < len(papers):
        intro = (f"Filtering and BibTeX export need JavaScript. Here are the newest {len(shown)} of the "
                 f"{count_text(len(papers))}; every paper is listed on its year's page: {year_links}.")
    else:
        intro = (f"Filtering and BibTeX export need JavaScript. Here are all {count_text(len(papers))}, newest first; "
                 f"each paper's page has its BibTeX. By year: {year_links}.")
    taxonomy = ctx.catalogue.taxonomy
    columns = [Column("Method"), Column("Title"), Column("Authors"), Column("Year", numeric=True), Column("Venue"),
               Column("Modality"), Column("Task"), Column("Code")]
    rows = [
        [
            esc(paper.short_name),
            link(href(page, paper_page(paper.id)), strip_braces(paper.title)),
            esc(_first_author(paper)),
            str(paper.year),
            esc(paper.venue),
            esc(", ".join(taxonomy[m].label for m in paper.modality)),
            esc(taxonomy[paper.task].label),
            external_link(paper.code[0], "code") if paper.code else "",
        ]
        for paper in shown
    ]
    table = html_table(columns, rows, css="adgdm-explorer-plain")
    return f'<div class="adgdm-explorer-nojs" data-search-exclude>\n<p>{intro}</p>\n{table}\n</div>'


def _first_author(paper: Paper) -> str:
    if not paper.authors:
        return ""
    first = paper.authors[0].family
    return f"{first} et al." if len(paper.authors) > 1 or paper.authors_incomplete else first
