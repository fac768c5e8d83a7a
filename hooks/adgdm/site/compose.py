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


WARNING_LIST_LIMIT = 20
"""A build warning names at most this many papers; the data-quality page lists them all."""


def build_warnings(ctx: Context) -> list[str]:
    """What the build reports without failing: papers with no verification record, once the
    catalogue keeps such records at all (a catalogue that records no check has nothing to miss)."""
    papers = ctx.catalogue.papers
    missing = [paper.id for paper in papers if paper.verified is None]
    if not missing or len(missing) == len(papers):
        return []
    named = ", ".join(missing[:WARNING_LIST_LIMIT]) + (f" and {len(missing) - WARNING_LIST_LIMIT} more"
                                                        if len(missing) > WARNING_LIST_LIMIT else "")
    noun = "paper has" if len(missing) == 1 else "papers have"
    return [f"{len(missing)} {noun} no verification record (verified:): {named}; "
            "the data-quality page lists them under 'Papers whose record has not been checked'"]
