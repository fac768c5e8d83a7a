"""The cross-tab: modality × each other axis (methodology, scoring, conditioning, task) as matrices
of counts, and one page per non-empty cell listing its papers."""

from __future__ import annotations

from collections.abc import Iterator

from ...data.models import Paper, TaxonomyNode
from ...data.urls import crosstab_index, crosstab_page, href, node_page
from ...data.vocabulary.taxonomy import MODALITY_AXIS
from ..context import Context
from ..markup import block, esc, front_matter, heading, link
from .crumbs import breadcrumbs
from .tables import count_text, paper_table

METHODOLOGY_AXIS = "methodology"


def intersection(ctx: Context, row: str, column: str) -> list[Paper]:
    """Papers on both nodes (or below them), in catalogue order."""
    in_column = {p.id for p in ctx.index.by_node.get(column, ())}
    return [p for p in ctx.index.by_node.get(row, ()) if p.id in in_column]


def column_axes(ctx: Context) -> list[TaxonomyNode]:
    """The axes crossed with the modalities: every other axis that has nodes, in taxonomy order."""
    return [root for root in ctx.index.roots() if root.id != MODALITY_AXIS and ctx.index.children.get(root.id)]


def cells(ctx: Context) -> Iterator[tuple[TaxonomyNode, TaxonomyNode, list[Paper]]]:
    """Every non-empty (modality, node) cell of every matrix."""
    for axis in column_axes(ctx):
        for row in ctx.index.children.get(MODALITY_AXIS, ()):
            for column in ctx.index.children.get(axis.id, ()):
                papers = intersection(ctx, row.id, column.id)
                if papers:
                    yield row, column, papers


def render_crosstab(ctx: Context) -> str:
    page = crosstab_index()
    intro = ("<p>Each matrix crosses the data modalities with one axis of the taxonomy. A cell counts the papers "
             "on both nodes (or on nodes below them) and links to their list. A paper can sit on several nodes, "
             "so the cells of a row need not add up to the row's total.</p>")
    parts = [
        front_matter("Cross-tab", "Papers by modality and methodology, scoring, conditioning and task."),
        heading("Cross-tab"),
        block(intro),
    ]
    for axis in column_axes(ctx):
        parts.append(heading(f"Modality × {axis.label}", 2, f"modality-{axis.id}"))
        parts.append(block(_matrix(ctx, page, axis)))
    return "".join(parts)


def _matrix(ctx: Context, page: str, axis: TaxonomyNode) -> str:
    rows = ctx.index.children.get(MODALITY_AXIS, ())
    columns = ctx.index.children.get(axis.id, ())
    head = "".join(f'<th scope="col">{link(href(page, node_page(c.id)), c.label)}</th>' for c in columns)
    lines = [f'<table class="adgdm-crosstab" data-axis="{esc(axis.id)}">',
             f"<caption>{esc(f'Papers by modality and {axis.label.lower()}')}</caption>",
             f'<thead><tr><th scope="col">Modality</th>{head}<th scope="col">All</th></tr></thead><tbody>']
    for row in rows:
        counts = "".join(_cell(page, row.id, c.id, len(intersection(ctx, row.id, c.id))) for c in columns)
        total = _count_link(page, node_page(row.id), len(ctx.index.by_node.get(row.id, ())))
        lines.append(f'<tr><th scope="row">{link(href(page, node_page(row.id)), row.label)}</th>{counts}<td>{total}</td></tr>')
    totals = "".join(f"<td>{_count_link(page, node_page(c.id), len(ctx.index.by_node.get(c.id, ())))}</td>" for c in columns)
    lines.append(f'<tr class="adgdm-total"><th scope="row">All papers</th>{totals}'
                 f"<td>{_count_link(page, node_page(axis.id), len(ctx.index.by_node.get(axis.id, ())))}</td></tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def _cell(page: str, row: str, column: str, count: int) -> str:
    shown = _count_link(page, crosstab_page(row, column), count)
    return f'<td data-row="{esc(row)}" data-column="{esc(column)}" data-count="{count}">{shown}</td>'


def _count_link(page: str, target: str, count: int) -> str:
    return link(href(page, target), str(count)) if count else '<span class="adgdm-zero">0</span>'


def render_cell(ctx: Context, row: TaxonomyNode, column: TaxonomyNode, papers: list[Paper]) -> str:
    page = crosstab_page(row.id, column.id)
    title = f"{row.label} × {column.label}"
    both = f"{link(href(page, node_page(row.id)), row.label)} and {link(href(page, node_page(column.id)), column.label)}"
    return (
        front_matter(title, f"{count_text(len(papers))} on both {row.label} and {column.label}")
        + block(breadcrumbs(page, [("Cross-tab", crosstab_index())], title))
        + heading(title)
        + block(f"<p>{count_text(len(papers))} on both {both}.</p>")
        + block(paper_table(ctx, page, papers))
    )
