"""The download files: all papers as .bib, CSL-JSON, RIS and CSV; one .bib per taxonomy node and
venue; one .bib and one .ris per paper; the JSON Schema of paper files. Every BibTeX text comes
from adgdm.citations.bibtex."""

from __future__ import annotations

from collections.abc import Sequence

from ...citations.csl import csl_json
from ...citations.ris import ris_file, to_ris
from ...citations.spreadsheet import csv_file
from ...data.json_schema import SCHEMA_PATH, paper_json_schema
from ...data.models import Paper, Venue
from ...data.urls import node_bib, paper_bib, paper_ris, venue_bib
from ..bibtex_entries import paper_bibtex
from ..context import Context
from ..generated_site import GeneratedSite

ALL_BIB = "downloads/papers.bib"
ALL_CSL = "downloads/papers.json"
ALL_RIS = "downloads/papers.ris"
ALL_CSV = "downloads/papers.csv"
PAPER_SCHEMA = SCHEMA_PATH


def _with_venues(ctx: Context, papers: Sequence[Paper]) -> list[tuple[Paper, Venue]]:
    return [(paper, ctx.venue_of(paper)) for paper in papers]


def _bib_of(ctx: Context, papers: Sequence[Paper]) -> str:
    """`bib_file` of these papers, from the entries built once per site build."""
    return "\n".join(paper_bibtex(ctx, paper) for paper in papers)


def citation_files(ctx: Context, site: GeneratedSite) -> None:
    """The producer: adds every download file to the site."""
    everything = _with_venues(ctx, ctx.catalogue.papers)
    site.add_file(ALL_BIB, _bib_of(ctx, ctx.catalogue.papers))
    site.add_file(ALL_CSL, csl_json(everything))
    site.add_file(ALL_RIS, ris_file(everything))
    site.add_file(ALL_CSV, csv_file(everything, ctx.options.site_url))
    for node_id in sorted(ctx.catalogue.taxonomy):
        papers = ctx.index.by_node.get(node_id, ())
        if papers:
            site.add_file(node_bib(node_id), _bib_of(ctx, papers))
    for short in sorted(ctx.index.by_venue):
        site.add_file(venue_bib(short), _bib_of(ctx, ctx.index.by_venue[short]))
    for paper, venue in everything:
        site.add_file(paper_bib(paper.id), paper_bibtex(ctx, paper))
        site.add_file(paper_ris(paper.id), to_ris(paper, venue))


def schema_file(ctx: Context, site: GeneratedSite) -> None:
    """The producer of the JSON Schema that editors check paper files against."""
    catalogue = ctx.catalogue
    site.add_file(PAPER_SCHEMA, paper_json_schema(catalogue.vocabularies(), ctx.options.site_url, catalogue.papers,
                                                  catalogue.venues))
