"""The "What's new" page (recent additions grouped by the date they were added) and its Atom feed."""

from __future__ import annotations

from itertools import groupby

from ...data.catalogue import SITE_SOURCE
from ...data.urls import atom_feed, href, whats_new_page
from ..context import Context
from ..feed import atom_xml, recent_papers
from ..generated_site import GeneratedSite
from ..markup import block, front_matter, heading
from .tables import count_text, paper_table, source_column

PAGE_SIZE = 250
"""The page lists this many of the latest additions; the feed and the explorer cover the rest."""


def render_whats_new(ctx: Context) -> str:
    page = whats_new_page()
    papers = recent_papers(ctx.catalogue, PAGE_SIZE)
    total = len(ctx.catalogue.papers)
    shown = "every paper" if len(papers) == total else f"the {len(papers)} latest of {total} papers"
    feed = f'<a href="{href(page, atom_feed())}" type="application/atom+xml">Atom feed</a>'
    parts = [
        front_matter("What's new", "Papers recently added to the ADGDM catalogue, newest first, and their Atom feed."),
        heading("What's new"),
        block(f"<p>Papers by the date they joined the catalogue, newest first: {shown}. "
              f"To hear of new ones, follow the {feed} in a feed reader.</p>"),
    ]
    for day, group in groupby(papers, key=lambda paper: paper.added):
        listed = list(group)
        parts.append(f"## Added {day.isoformat()} {{#added-{day.isoformat()}}}\n")
        added = sum(1 for paper in listed if ctx.catalogue.sources(paper) == (SITE_SOURCE,))
        origin = f": {added} added by this site, {len(listed) - added} from the surveys" if added else ""
        parts.append(block(f"<p>{count_text(len(listed))}{origin}.</p>\n" + paper_table(ctx, page, listed, [source_column(ctx)])))
    return "".join(parts)


def produce(ctx: Context, site: GeneratedSite) -> None:
    site.add_page(whats_new_page(), render_whats_new(ctx))
    site.add_file(atom_feed(), atom_xml(ctx))
