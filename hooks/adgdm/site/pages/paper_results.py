"""The paper page's "Benchmark results and datasets" section: the values the survey reports for the
paper (linked to their leaderboards), the datasets it is evaluated on, and the datasets it introduced."""

from __future__ import annotations

from ...data.models import Paper
from ...data.urls import benchmark_page, dataset_page, href, paper_page
from ..context import Context
from ..leaderboards import column_datasets, datasets_of
from ..markup import Cell, Column, block, esc, html_table, link
from .benchmarks import direction, leaderboards, source_text, value_cell


def results_section(ctx: Context, paper: Paper) -> str:
    """'' for a paper without results or datasets."""
    page = paper_page(paper.id)
    catalogue = ctx.catalogue
    dataset_ids = datasets_of(paper, column_datasets(catalogue)) if paper.results or paper.datasets else []
    introduced = [d for d in catalogue.datasets.values() if d.paper == paper.id]
    if not (paper.results or dataset_ids or introduced):
        return ""
    parts = ["## Benchmark results and datasets {#results}\n"]
    boards = leaderboards(ctx)
    for benchmark_id in dict.fromkeys(result.benchmark for result in paper.results):
        board = boards[benchmark_id]
        row = next(r for r in board.rows if r.paper.id == paper.id)
        columns = board.benchmark.columns
        table_rows: list[list[str | Cell]] = [
            [esc(f"{column.label} {direction(column)}".strip()) + _note(column.note),
             link(href(page, dataset_page(column.dataset)), catalogue.datasets[column.dataset].name),
             value_cell(board, index, result)]
            for index, (column, result) in enumerate(zip(columns, row.results, strict=True)) if result is not None
        ]
        table = html_table([Column("Column"), Column("Dataset"), Column("Value")], table_rows, css="adgdm-paper-results")
        parts.append(block(
            f"<h3>{link(href(page, benchmark_page(benchmark_id)), board.benchmark.title)}</h3>{table}"
            f'<p class="adgdm-source">Source: {source_text(ctx, page, board.benchmark)}. '
            "↑ higher is better, ↓ lower is better; ★ marks the best value of its column in that leaderboard.</p>"
        ))
    lines = []
    if dataset_ids:
        names = ", ".join(link(href(page, dataset_page(i)), catalogue.datasets[i].name) for i in dataset_ids)
        lines.append(f'<p class="adgdm-lead">Evaluated on: {names}.</p>')
    if introduced:
        names = ", ".join(link(href(page, dataset_page(d.id)), d.name) for d in introduced)
        lines.append(f'<p class="adgdm-lead">Introduced the dataset{"s" if len(introduced) > 1 else ""}: {names}.</p>')
    if lines:
        parts.append(block("".join(lines)))
    return "".join(parts)


def _note(note: str) -> str:
    return f'<span class="adgdm-column-note">{esc(note)}</span>' if note else ""
