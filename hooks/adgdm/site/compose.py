"""The composition of the site: every producer, in the order its pages are generated, run over one context.

`render_site` is a pure function of the catalogue and the options; it only calls the producers.
"""

from __future__ import annotations

from ..data.catalogue import Catalogue
from ..data.index import build_index
from .context import Context, SiteOptions
from .generated_site import GeneratedSite, Producer
from .pages import benchmarks, browse, datasets, downloads, explorer, paper, quality, surveys_table, whatsnew

# Each feature registers its producer here, in the order pages should be generated.
PRODUCERS: list[Producer] = [
    paper.produce,
    browse.produce,
    downloads.schema_file,
    downloads.citation_files,
    explorer.produce_explorer,
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
