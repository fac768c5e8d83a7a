"""The taxonomy drawn as a map: one inline SVG per axis, drawn at build time (no script, nothing
fetched), each node a link to its page with its paper count.

The layout is a left-to-right tree like the survey's figure: the axis on the left, each level
in a column, leaves on consecutive rows and a parent centred on its children. Text widths are
estimated from the number of characters (nothing is measured), so the same taxonomy always gives
the same bytes. The map sits in a scrolling box, so on a phone it scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...data.models import TaxonomyNode
from ...data.urls import href, node_page
from ..context import Context
from ..markup import esc

ROW = 30
"""Vertical distance between two leaves, in SVG units (px)."""
BOX_HEIGHT = 22
CHAR_WIDTH = 6.6
"""Average advance of a character at the map's 12 px font: generous, so labels never overflow."""
BADGE_WIDTH = 34
PADDING = 8
COLUMN_GAP = 26
MARGIN = 4


@dataclass(frozen=True)
class Placed:
    """A node of the map: where it sits and how many papers it holds (itself and below)."""

    node: TaxonomyNode
    depth: int
    y: float
    count: int
    parent: str | None


def layout(ctx: Context, root: TaxonomyNode) -> list[Placed]:
    """The axis and every node below it, parents before children, with their vertical centres."""
    placed: list[Placed] = []
    next_row = [0]

    def visit(node: TaxonomyNode, depth: int, parent: str | None) -> float:
        at = len(placed)
        placed.append(Placed(node, depth, 0.0, len(ctx.index.by_node.get(node.id, ())), parent))
        children = ctx.index.children.get(node.id, ())
        if children:
            ys = [visit(child, depth + 1, node.id) for child in children]
            y = (ys[0] + ys[-1]) / 2
        else:
            y = MARGIN + BOX_HEIGHT / 2 + next_row[0] * ROW
            next_row[0] += 1
        placed[at] = Placed(node, depth, y, placed[at].count, parent)
        return y

    visit(root, 0, None)
    return placed


def _box_width(item: Placed) -> float:
    """Label, count and padding; the axis is set in bold, whose letters are wider."""
    char = CHAR_WIDTH * (1.15 if item.depth == 0 else 1)
    return round(PADDING * 2 + len(item.node.label) * char + BADGE_WIDTH, 1)


def _columns(placed: Sequence[Placed]) -> list[float]:
    """The x where each level's column starts: each column is as wide as its widest label."""
    widths: dict[int, float] = {}
    for item in placed:
        widths[item.depth] = max(widths.get(item.depth, 0.0), _box_width(item))
    starts = [float(MARGIN)]
    for depth in range(1, len(widths)):
        starts.append(round(starts[-1] + widths[depth - 1] + COLUMN_GAP, 1))
    return starts


def axis_map(ctx: Context, page: str, root: TaxonomyNode, map_id: str) -> str:
    """The <figure> with the SVG map of one axis; every label and address escaped."""
    placed = layout(ctx, root)
    starts = _columns(placed)
    by_id = {item.node.id: item for item in placed}
    width = round(max(starts[item.depth] + _box_width(item) for item in placed) + MARGIN)
    height = round(max(item.y for item in placed) + BOX_HEIGHT / 2 + MARGIN)
    title = f"Map of the {root.label} axis"
    desc = (f"{root.label} and the {len(placed) - 1} nodes below it, each a link to its page with the number of papers on it "
            "or on a node below it; empty nodes are drawn dashed.")
    edges = []
    for item in placed:
        if item.parent is None:
            continue
        parent = by_id[item.parent]
        x1 = round(starts[parent.depth] + _box_width(parent), 1)
        x2 = starts[item.depth]
        middle = round(x2 - COLUMN_GAP / 2, 1)
        edges.append(f'<path d="M{x1:g} {parent.y:g}H{middle:g}V{item.y:g}H{x2:g}"/>')
    nodes = "".join(_node(page, item, starts[item.depth]) for item in placed)
    svg = (f'<svg class="adgdm-map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'aria-labelledby="{map_id}-title {map_id}-desc" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="{map_id}-title">{esc(title)}</title><desc id="{map_id}-desc">{esc(desc)}</desc>'
           f'<g class="adgdm-map-edges" fill="none">{"".join(edges)}</g>{nodes}</svg>')
    return (f'<figure class="adgdm-map-figure" id="{map_id}"><div class="adgdm-map-scroll">{svg}</div>'
            f"<figcaption>{esc(title)}: {esc(desc)}</figcaption></figure>")


def _node(page: str, item: Placed, x: float) -> str:
    # The link's name is its visible text, label then count (the map's desc says what the number is).
    node, count = item.node, item.count
    width = _box_width(item)
    top = round(item.y - BOX_HEIGHT / 2, 1)
    baseline = round(item.y + 4, 1)
    empty = " adgdm-map-empty" if count == 0 else ""
    shape = (f'<rect x="{x:g}" y="{top:g}" width="{width:g}" height="{BOX_HEIGHT}" rx="4"/>'
             f'<text x="{round(x + PADDING, 1):g}" y="{baseline:g}">{esc(node.label)}</text>'
             f'<text class="adgdm-map-count" x="{round(x + width - PADDING, 1):g}" y="{baseline:g}" text-anchor="end">{count}</text>')
    kind = "adgdm-map-axis" if item.depth == 0 else "adgdm-map-node"
    return (f'<a class="{kind}{empty}" href="{esc(href(page, node_page(node.id)))}" data-node="{esc(node.id)}" '
            f'data-count="{count}">{shape}</a>')


def taxonomy_maps(ctx: Context, page: str, axes: Sequence[str], prefix: str) -> str:
    """Maps of the named axes (those the taxonomy has), one figure each."""
    taxonomy = ctx.catalogue.taxonomy
    return "".join(axis_map(ctx, page, taxonomy[axis], f"{prefix}-{axis}") for axis in axes if axis in taxonomy)
