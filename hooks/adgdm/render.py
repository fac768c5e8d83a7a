"""The whole generated site as data: Markdown pages, downloadable files, and each page's source.

`render_site` is a pure function of the catalogue and the options. The MkDocs adapter
registers its output as virtual files; `write_site` writes the same output to a folder,
so another static-site generator can take over by changing only the adapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bibtex import to_bibtex
from .catalogue import Catalogue
from .index import build_index
from .jsonschema import paper_json_schema
from .pages.browse import render_node, render_venue, render_year
from .pages.context import Context, SiteOptions
from .pages.paper import render_paper
from .urls import node_page, paper_page, paper_yaml, venue_page, year_page


@dataclass(frozen=True)
class GeneratedSite:
    pages: dict[str, str]
    """Page path (e.g. 'papers/x.md') -> Markdown."""
    files: dict[str, str]
    """File path (e.g. 'downloads/papers.bib') -> text."""
    sources: dict[str, str]
    """Page path -> the data file it is generated from, for "edit this page" links."""


def render_site(catalogue: Catalogue, options: SiteOptions | None = None) -> GeneratedSite:
    ctx = Context(catalogue, build_index(catalogue), options or SiteOptions())
    pages: dict[str, str] = {}
    sources: dict[str, str] = {}
    for paper in catalogue.papers:
        pages[paper_page(paper.id)] = render_paper(ctx, paper)
        sources[paper_page(paper.id)] = paper_yaml(paper.id)
    for node_id in catalogue.taxonomy:
        pages[node_page(node_id)] = render_node(ctx, node_id)
        sources[node_page(node_id)] = "papers/vocabulary/taxonomy.yaml"
    for short in sorted(ctx.index.by_venue):
        pages[venue_page(short)] = render_venue(ctx, short)
        sources[venue_page(short)] = "papers/vocabulary/venues.yaml"
    for year in sorted(ctx.index.by_year):
        pages[year_page(year)] = render_year(ctx, year)
    files = {
        "downloads/papers.bib": "\n".join(to_bibtex(p, catalogue.venues[p.venue]) for p in catalogue.papers),
        "schema/paper.schema.json": paper_json_schema(catalogue.vocabularies()),
    }
    return GeneratedSite(pages, files, sources)


def write_site(site: GeneratedSite, folder: Path) -> None:
    """Write every generated page and file under `folder` (for other generators, or to inspect)."""
    for path, text in sorted({**site.pages, **site.files}.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
