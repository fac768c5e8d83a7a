"""The whole generated site as data: Markdown pages, downloadable files, and each page's source.

`render_site` is a pure function of the catalogue and the options. Each producer below
adds one family of pages or files; the MkDocs adapter registers the result as virtual
files, and `write_site` writes the same result to a folder, so another static-site
generator can take over by changing only the adapter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..data.catalogue import Catalogue
from ..data.index import build_index
from ..data.json_schema import paper_json_schema
from ..data.urls import paper_page, paper_yaml
from .context import Context, SiteOptions
from .pages import benchmarks, datasets, quality, surveys_table, whatsnew
from .pages.browse import browse_pages as browsing_pages
from .pages.downloads import citation_files
from .pages.explorer import produce_explorer
from .pages.paper import render_paper


@dataclass
class GeneratedSite:
    pages: dict[str, str] = field(default_factory=dict)
    """Page path (e.g. 'papers/x.md') -> Markdown."""
    files: dict[str, str] = field(default_factory=dict)
    """File path (e.g. 'downloads/papers.bib') -> text."""
    sources: dict[str, str] = field(default_factory=dict)
    """Page path -> the data file it is generated from, for "edit this page" links."""

    def add_page(self, path: str, markdown: str, source: str = "") -> None:
        if path in self.pages:
            raise ValueError(f"two producers generate {path}")
        self.pages[path] = markdown
        if source:
            self.sources[path] = source

    def add_file(self, path: str, text: str) -> None:
        if path in self.files:
            raise ValueError(f"two producers generate {path}")
        self.files[path] = text


Producer = Callable[[Context, GeneratedSite], None]


def paper_pages(ctx: Context, site: GeneratedSite) -> None:
    for paper in ctx.catalogue.papers:
        site.add_page(paper_page(paper.id), render_paper(ctx, paper), paper_yaml(paper.id))


def browse_pages(ctx: Context, site: GeneratedSite) -> None:
    """Taxonomy, modality, cross-tab, venue, year and author pages (see pages/browse.py)."""
    for path, markdown, source in browsing_pages(ctx):
        site.add_page(path, markdown, source)


def download_files(ctx: Context, site: GeneratedSite) -> None:
    catalogue = ctx.catalogue
    site.add_file("schema/paper.schema.json", paper_json_schema(catalogue.vocabularies()))


# Each feature registers its producer here, in the order pages should be generated.
PRODUCERS: list[Producer] = [
    paper_pages,
    browse_pages,
    download_files,
    citation_files,
    produce_explorer,
    benchmarks.produce,
    datasets.produce,
    surveys_table.produce,
    quality.produce,
    whatsnew.produce,
]


def make_context(catalogue: Catalogue, options: SiteOptions | None = None) -> Context:
    return Context(catalogue, build_index(catalogue), options or SiteOptions())


def render_site(ctx: Context) -> GeneratedSite:
    site = GeneratedSite()
    for produce in PRODUCERS:
        produce(ctx, site)
    return site


def write_site(site: GeneratedSite, folder: Path) -> None:
    """Write every generated page and file under `folder` (for other generators, or to inspect)."""
    for path, text in sorted({**site.pages, **site.files}.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
