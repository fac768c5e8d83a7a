"""The taxonomy overview (the whole tree with a paper count on every node) and one page per node.

Every node has a page, even one no paper sits on yet: node pages are linked from the overview
and the surveys' structure, so their addresses must exist before the first paper arrives.
Such a page says that it has no paper.
"""

from __future__ import annotations

from ...data.index import direct_nodes
from ...data.models import Paper, TaxonomyNode
from ...data.urls import href, modality_page, node_bib, node_page, taxonomy_index
from ..context import Context
from ..markup import Column, block, esc, front_matter, heading, link
from .crumbs import bib_download, breadcrumbs, counted_links, page_href
from .modality import view_of
from .placement import section_label
from .tables import ExtraColumn, count_text, paper_table, source_column, source_sentence
from .taxonomy_map import axis_map


def node_count(ctx: Context, node_id: str) -> int:
    """Papers on the node or on any node below it."""
    return len(ctx.index.by_node.get(node_id, ()))


def descendants(ctx: Context, node_id: str) -> list[str]:
    """Every node below `node_id`, depth first in taxonomy order."""
    found: list[str] = []
    for child in ctx.index.children.get(node_id, ()):
        found.append(child.id)
        found.extend(descendants(ctx, child.id))
    return found


# -- the overview --------------------------------------------------------------------------


def render_taxonomy_overview(ctx: Context) -> str:
    page = taxonomy_index()
    roots = ctx.index.roots()
    intro = (
        f"<p>The catalogue sorts its {count_text(len(ctx.catalogue.papers))} along {len(roots)} axes. "
        "Each node shows how many papers sit on it or on a node below it; a paper can sit on several "
        "nodes of one axis, so the counts of sibling nodes need not add up to their parent's. Each axis is "
        "drawn as a map (every node a link to its page) and listed below the map.</p>"
    )
    parts = [
        front_matter("Taxonomy overview", "The whole taxonomy of the catalogue, with a paper count on every node."),
        heading("Taxonomy overview"),
        block(intro + counted_links(page, [(r.label, f"#{r.id}", node_count(ctx, r.id)) for r in roots], "adgdm-axes")),
    ]
    for root in roots:
        tree = _tree(ctx, page, root)
        parts.append(heading(root.label, 2, root.id))
        the_map = axis_map(ctx, page, root, f"map-{root.id}")
        parts.append(block(f"<p>{esc(root.description)}</p>\n{the_map}\n<p>The same nodes as a list:</p>\n{tree}"))
    return "".join(parts)


def _tree(ctx: Context, page: str, node: TaxonomyNode) -> str:
    """The node and everything below it as nested lists; each item links to the node's page."""
    count = node_count(ctx, node.id)
    children = ctx.index.children.get(node.id, ())
    below = "<ul>" + "".join(_tree(ctx, page, child) for child in children) + "</ul>" if children else ""
    item = (f'<li data-node="{esc(node.id)}" data-count="{count}">{link(href(page, node_page(node.id)), node.label)} '
            f'<span class="adgdm-count" title="{esc(count_text(count))}">{count}</span>{below}</li>')
    return item if node.parent is not None else f'<ul class="adgdm-tree">{item}</ul>'


# -- one node ------------------------------------------------------------------------------


def render_node(ctx: Context, node_id: str) -> str:
    node = ctx.catalogue.taxonomy[node_id]
    page = node_page(node_id)
    papers = ctx.index.by_node.get(node_id, ())
    ancestors = ctx.index.ancestors(node_id)
    trail = [("Taxonomy", taxonomy_index()), *((a.label, node_page(a.id)) for a in ancestors)]
    facts = [f"<p>{esc(node.description)}</p>"]
    if ancestors:
        facts.append(f"<p>Broader: {link(href(page, node_page(ancestors[-1].id)), ancestors[-1].label)}</p>")
    children = ctx.index.children.get(node_id, ())
    if children:
        items = [(c.label, node_page(c.id), node_count(ctx, c.id)) for c in children]
        facts.append(f"<p>Narrower nodes:</p>{counted_links(page, items, 'adgdm-children')}")
    facts.extend(_survey_facts(ctx, page, node))
    facts.append(bib_download(page, node_bib(node_id), len(papers)))
    if node.parent is None and papers:
        # An axis holds (nearly) the whole catalogue: its nodes' pages list the papers, so the
        # page stays small however large the catalogue grows.
        tree = link(page_href(page, f"{taxonomy_index()}#{node_id}"), "taxonomy overview")
        listing = (f"<p>The {count_text(len(papers))} of this axis are listed on the pages of its nodes above "
                   f"(the {tree} shows how they spread).</p>")
    elif papers:
        extra = [*(_narrower_column(ctx, node_id) if children else ()), source_column(ctx)]
        listing = source_sentence(ctx, papers) + paper_table(ctx, page, papers, extra)
    else:
        listing = "<p>No paper of the catalogue sits on this node yet.</p>"
    return (
        front_matter(node.label, f"Papers on {node.label}: {count_text(len(papers))}")
        + block(breadcrumbs(page, trail, node.label))
        + heading(node.label)
        + block("\n".join(fact for fact in facts if fact))
        + f"## Papers ({len(papers)})\n"
        + block(listing)
    )


def _survey_facts(ctx: Context, page: str, node: TaxonomyNode) -> list[str]:
    facts = []
    survey = ctx.catalogue.surveys.get(node.survey)
    if survey is not None:
        facts.append(f"<p>Node of the taxonomy of the {esc(survey.id.upper())} survey, <cite>{esc(survey.title)}</cite>.</p>")
    if node.sections:
        sections = ", ".join(esc(section_label(ctx, "adgdm", key)) for key in node.sections)
        facts.append(f"<p>Discussed in ADGDM {sections}.</p>")
    view = view_of(node.id)
    if view is not None:
        target = link(href(page, modality_page(node.id)), f"{node.label} page")
        facts.append(f"<p>The {target} shows these papers with the columns of ADGDM TABLE {view.table}.</p>")
    return facts


def _narrower_column(ctx: Context, node_id: str) -> list[ExtraColumn]:
    """An extra table column naming the narrower nodes each paper sits on."""
    below = set(descendants(ctx, node_id))
    taxonomy = ctx.catalogue.taxonomy

    def cell(paper: Paper) -> str:
        return ", ".join(esc(taxonomy[n].label) for n in direct_nodes(paper) if n in below) or "–"

    return [(Column("Narrower node"), cell)]
