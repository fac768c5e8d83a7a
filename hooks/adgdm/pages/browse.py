"""Browsing pages: one per taxonomy node, venue and year, each listing its papers."""

from __future__ import annotations

from ..markup import block, esc, front_matter, heading, link
from ..urls import href, node_page, venue_page, year_page
from .context import Context
from .tables import count_text, paper_table


def render_node(ctx: Context, node_id: str) -> str:
    node = ctx.catalogue.taxonomy[node_id]
    page = node_page(node_id)
    papers = ctx.index.by_node.get(node_id, ())
    trail = [link(href(page, node_page(a.id)), a.label) for a in ctx.index.ancestors(node_id)]
    children = [
        f"<li>{link(href(page, node_page(c.id)), c.label)} ({len(ctx.index.by_node.get(c.id, ()))})</li>"
        for c in ctx.index.children.get(node_id, ())
    ]
    info = [f"<p>{esc(node.description)}</p>"]
    if trail:
        info.append(f'<p class="adgdm-trail">Part of: {" › ".join(trail)}</p>')
    if children:
        info.append(f'<p>Narrower nodes:</p><ul class="adgdm-children">{"".join(children)}</ul>')
    listing = paper_table(ctx, page, papers) if papers else "<p>No paper of the catalogue sits on this node yet.</p>"
    return (
        front_matter(node.label, f"Papers on {node.label}: {count_text(len(papers))}")
        + heading(node.label)
        + block("\n".join(info))
        + f"## Papers ({len(papers)})\n"
        + block(listing)
    )


def render_venue(ctx: Context, short: str) -> str:
    venue = ctx.catalogue.venues[short]
    page = venue_page(short)
    papers = ctx.index.by_venue.get(short, ())
    return (
        front_matter(f"{venue.short}: {venue.name}", f"{count_text(len(papers))} published at {venue.short}")
        + heading(venue.short)
        + block(f"<p>{esc(venue.name)} ({esc(venue.kind)}). {count_text(len(papers))} in the catalogue.</p>")
        + block(paper_table(ctx, page, papers))
    )


def render_year(ctx: Context, year: int) -> str:
    page = year_page(year)
    papers = ctx.index.by_year.get(year, ())
    return (
        front_matter(f"Papers of {year}", f"{count_text(len(papers))} from {year}")
        + heading(f"Papers of {year}")
        + block(f"<p>{count_text(len(papers))} of the catalogue appeared in {year}.</p>")
        + block(paper_table(ctx, page, papers))
    )
