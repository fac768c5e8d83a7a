"""Charts as inline SVG, drawn at build time from numbers (no chart library, nothing fetched).

Each chart is a <figure>: the SVG (role="img", with a <title> and a <desc> that say what it
shows), a caption, and the numbers themselves as a table a screen reader or a curious reader
can open. Every mark carries its number in a data-count attribute, which the tests read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..markup import Column, esc, html_table

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f7f", "#f0e442", "#332288", "#882255")
WIDTH = 640
FONT = 'font-family="inherit" font-size="11" fill="currentColor"'


@dataclass(frozen=True)
class Chart:
    """What every chart needs besides its numbers: a unique id, a title and a one-sentence summary."""

    id: str
    title: str
    summary: str


def nice_step(largest: int, ticks: int = 5) -> int:
    """A gridline step of 1, 2 or 5 times a power of ten giving at most `ticks` steps up to `largest`."""
    rough = max(largest, 1) / ticks
    power = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    return next(step * power for step in (1, 2, 5, 10) if step * power >= rough)


def _open_svg(chart: Chart, height: int) -> str:
    return (f'<svg class="adgdm-svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
            f'aria-labelledby="{chart.id}-title {chart.id}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart.id}-title">{esc(chart.title)}</title><desc id="{chart.id}-desc">{esc(chart.summary)}</desc>')


def figure(chart: Chart, svg: str, table: str) -> str:
    # The caption comes last: HTML allows a figcaption only as a figure's first or last child.
    return (f'<figure class="adgdm-chart" id="{chart.id}">{svg}'
            f"<details><summary>The numbers behind the chart</summary>{table}</details>"
            f"<figcaption>{esc(chart.title)}. {esc(chart.summary)}</figcaption></figure>")


def stacked_columns(chart: Chart, columns: Sequence[str], series: Sequence[str], counts: Mapping[tuple[str, str], int]) -> str:
    """Vertical columns (e.g. years), each stacked by series (e.g. modality); counts[(column, series)]."""
    left, right, top, plot_height = 40, 10, 16, 220
    legend_rows = math.ceil(len(series) / 4)
    height = top + plot_height + 24 + 20 * legend_rows
    totals = [sum(counts.get((c, s), 0) for s in series) for c in columns]
    step = nice_step(max(totals, default=0))
    ceiling = step * max(1, math.ceil(max(totals, default=0) / step))
    scale = plot_height / ceiling
    slot = (WIDTH - left - right) / max(len(columns), 1)
    label_every = max(1, math.ceil(len(columns) / 16))
    base = top + plot_height
    parts = [_open_svg(chart, height)]
    for value in range(0, ceiling + 1, step):
        y = base - value * scale
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" class="adgdm-grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" {FONT}>{value}</text>')
    for index, (column, total) in enumerate(zip(columns, totals, strict=True)):
        x = left + index * slot + slot * 0.15
        width = slot * 0.7
        y = float(base)
        for colour, name in zip(PALETTE, series, strict=False):
            count = counts.get((column, name), 0)
            if not count:
                continue
            y -= count * scale
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{count * scale:.1f}" fill="{colour}" '
                         f'data-column="{esc(column)}" data-series="{esc(name)}" data-count="{count}">'
                         f"<title>{esc(column)}, {esc(name)}: {count}</title></rect>")
        centre = x + width / 2
        if total:
            parts.append(f'<text x="{centre:.1f}" y="{y - 3:.1f}" text-anchor="middle" data-total="{total}" {FONT}>{total}</text>')
        if index % label_every == 0:
            parts.append(f'<text x="{centre:.1f}" y="{base + 15}" text-anchor="middle" {FONT}>{esc(column)}</text>')
    parts.append(_legend(series, base + 30))
    parts.append("</svg>")
    header = [Column(""), *(Column(name, numeric=True) for name in series), Column("Total", numeric=True)]
    rows = [[esc(column), *(str(counts.get((column, name), 0)) for name in series), str(total)]
            for column, total in zip(columns, totals, strict=True)]
    return figure(chart, "".join(parts), html_table(header, rows, css="adgdm-chart-data"))


def _legend(series: Sequence[str], y: float) -> str:
    items = []
    for index, (colour, name) in enumerate(zip(PALETTE, series, strict=False)):
        x, row = 40 + (index % 4) * 150, y + (index // 4) * 20
        items.append(f'<rect x="{x}" y="{row - 9}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 15}" y="{row}" {FONT}>{esc(name)}</text>')
    return "".join(items)


def horizontal_bars(chart: Chart, bars: Sequence[tuple[str, int]], table_cells: Sequence[str] = ()) -> str:
    """One bar per (label, count), largest first as given; `table_cells` may replace the labels in
    the data table with links."""
    left, right, row_height = 120, 50, 24
    height = 10 + row_height * len(bars)
    largest = max((count for _, count in bars), default=0) or 1
    parts = [_open_svg(chart, height)]
    for index, (label, count) in enumerate(bars):
        y = 10 + index * row_height
        width = (WIDTH - left - right) * count / largest
        parts.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" {FONT}>{esc(label)}</text>'
                     f'<rect x="{left}" y="{y}" width="{width:.1f}" height="{row_height - 8}" fill="{PALETTE[0]}" '
                     f'data-label="{esc(label)}" data-count="{count}"><title>{esc(label)}: {count}</title></rect>'
                     f'<text x="{left + width + 6:.1f}" y="{y + 13}" {FONT}>{count}</text>')
    parts.append("</svg>")
    cells = table_cells or [esc(label) for label, _ in bars]
    rows = [[cell, str(count)] for cell, (_, count) in zip(cells, bars, strict=True)]
    return figure(chart, "".join(parts), html_table([Column(""), Column("Papers", numeric=True)], rows, css="adgdm-chart-data"))


def percent(part: int, whole: int) -> int:
    """A whole-number percentage, rounding halves up (so 0.5 % never shows as 0 % by banker's rounding)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


def share_bars(chart: Chart, rows: Sequence[tuple[str, int, int]]) -> str:
    """One 100 % bar per (label, part, whole), the part filled: e.g. papers with code among all."""
    left, right, row_height = 120, 130, 24
    height = 10 + row_height * len(rows)
    span = WIDTH - left - right
    parts = [_open_svg(chart, height)]
    for index, (label, part, whole) in enumerate(rows):
        y = 10 + index * row_height
        filled = span * part / whole if whole else 0
        parts.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" {FONT}>{esc(label)}</text>'
                     f'<rect x="{left}" y="{y}" width="{span}" height="{row_height - 8}" class="adgdm-track"/>'
                     f'<rect x="{left}" y="{y}" width="{filled:.1f}" height="{row_height - 8}" fill="{PALETTE[2]}" '
                     f'data-label="{esc(label)}" data-count="{part}" data-total="{whole}">'
                     f"<title>{esc(label)}: {part} of {whole}</title></rect>"
                     f'<text x="{left + span + 6}" y="{y + 13}" {FONT}>{part} of {whole} ({percent(part, whole)} %)</text>')
    parts.append("</svg>")
    table = html_table([Column(""), Column("With code", numeric=True), Column("Papers", numeric=True), Column("Share", numeric=True)],
                       [[esc(label), str(part), str(whole), f"{percent(part, whole)} %"] for label, part, whole in rows],
                       css="adgdm-chart-data")
    return figure(chart, "".join(parts), table)
