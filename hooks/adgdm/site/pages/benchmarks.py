"""Leaderboard pages: one per benchmark (a survey result table) and an index, plus their downloads."""

from __future__ import annotations

from ...data.models import Benchmark, BenchmarkColumn, Result
from ...data.urls import (
    benchmark_csv,
    benchmark_page,
    benchmarks_index,
    dataset_page,
    href,
    paper_page,
    results_json,
    venue_page,
)
from ..context import Context
from ..generated_site import GeneratedSite
from ..leaderboards import (
    MISSING,
    Leaderboard,
    build_leaderboards,
    number_text,
    records_csv,
    records_json,
    result_records,
    value_text,
)
from ..markup import Cell, Column, block, esc, front_matter, heading, html_table, link
from ..memo import once_per
from .crumbs import breadcrumbs
from .tables import count_text

BENCHMARKS_SOURCE = "papers/vocabulary/benchmarks.yaml"
UP, DOWN = "↑", "↓"
NOTE_MARK = "†"
WIDE = {"hide": ["navigation", "toc"]}
"""Front matter for pages whose table needs the whole width (Material hides both sidebars)."""


def leaderboards(ctx: Context) -> dict[str, Leaderboard]:
    """Every leaderboard of the catalogue, built once per site build."""
    return once_per(ctx.catalogue, "leaderboards", lambda: build_leaderboards(ctx.catalogue))


def produce(ctx: Context, site: GeneratedSite) -> None:
    """The leaderboard index, a page per benchmark, and the results as CSV and JSON."""
    boards = leaderboards(ctx)
    site.add_page(benchmarks_index(), render_index(ctx, boards), BENCHMARKS_SOURCE)
    records: list[dict[str, object]] = []
    for benchmark_id, board in boards.items():
        site.add_page(benchmark_page(benchmark_id), render_leaderboard(ctx, board), BENCHMARKS_SOURCE)
        board_records = result_records(board)
        site.add_file(benchmark_csv(benchmark_id), records_csv(board_records))
        records.extend(board_records)
    site.add_file(results_json(), records_json(records))


def source_text(ctx: Context, page: str, benchmark: Benchmark) -> str:
    """'as reported in the survey's TABLE 7 (…) of <survey>': where every number of a leaderboard comes from."""
    survey = ctx.catalogue.surveys.get(benchmark.survey)
    if survey is None:
        return f"as reported in TABLE {benchmark.table} of the {esc(benchmark.survey.upper())} survey"
    title = survey.table_title(benchmark.table)
    named = f" (“{esc(title)}”)" if title else ""
    return (f"as reported in the survey's TABLE {benchmark.table}{named} of "
            f"{link(href(page, paper_page(survey.paper)), survey.title)}")


def direction(column: BenchmarkColumn) -> str:
    """↑ or ↓, or '' where the source gives no direction."""
    return {True: UP, False: DOWN, None: ""}[column.higher_is_better]


def header_label(column: BenchmarkColumn) -> str:
    """A column header: the survey's label, the direction arrow, and a mark when the column has a note."""
    return " ".join(part for part in (column.label, direction(column), NOTE_MARK if column.note else "") if part)


def value_cell(board: Leaderboard, index: int, result: Result | None) -> Cell:
    """A value as printed, sorted by its number; the best of its column marked (see best_mark)."""
    if result is None or result.value is None:
        return Cell(f'<span class="adgdm-missing" title="not reported in the source">{MISSING}</span>')
    text = esc(value_text(result))
    if board.is_best(index, result):
        return Cell(best_mark(text), number_text(result.value), "adgdm-best")
    return Cell(text, number_text(result.value))


def best_mark(value_html: str) -> str:
    """The best value: bold, a star for the eye, and words for a screen reader (never colour alone)."""
    return (f'<strong>{value_html}</strong><span class="adgdm-best-mark" aria-hidden="true"> ★</span>'
            '<span class="adgdm-sr"> (best in this column)</span>')


def legend(board: Leaderboard) -> str:
    parts = [f"{UP} higher is better", f"{DOWN} lower is better", "★ best value in its column",
             f"{MISSING} not reported in the source"]
    if any(column.note for column in board.benchmark.columns):
        parts.append(f"{NOTE_MARK} see the column notes below")
    items = "".join(f"<li>{esc(part)}</li>" for part in parts)
    return (f'<ul class="adgdm-legend" aria-label="How to read the table">{items}</ul>'
            "<p class=\"adgdm-hint\">Select a column header to sort by it; select it again to reverse the order.</p>")


def render_leaderboard(ctx: Context, board: Leaderboard) -> str:
    benchmark = board.benchmark
    page = benchmark_page(benchmark.id)
    columns = [Column("Method"), Column("Year", numeric=True), Column("Venue"),
               *(Column(header_label(c), numeric=True) for c in benchmark.columns)]
    rows: list[list[str | Cell]] = []
    for row in board.rows:
        paper = row.paper
        method = link(href(page, paper_page(paper.id)), paper.label)
        twins = board.twins.get(paper.id, ())
        if twins:
            names = ", ".join(esc(twin.label) for twin in twins)
            method += f' <span class="adgdm-flag">(same values as {names} in the source)</span>'
        rows.append([
            method,
            str(paper.year),
            link(href(page, venue_page(paper.venue)), paper.venue),
            *(value_cell(board, i, result) for i, result in enumerate(row.results)),
        ])
    table = (html_table(columns, rows, css="adgdm-sortable adgdm-leaderboard", caption=benchmark.title)
             if rows else "<p>No paper of the catalogue reports a value here yet.</p>")
    parts = [
        front_matter(benchmark.title, f"Leaderboard: {benchmark.title}, {source_plain(benchmark)}", WIDE),
        heading(benchmark.title),
        block(breadcrumbs(page, [("Leaderboards", benchmarks_index())], benchmark.title)),
        block(f'<p class="adgdm-lead">{count_text(len(board.rows), "method")} on '
              f"{_dataset_links(ctx, page, benchmark)}.</p>" + legend(board)),
        block(f'<div class="adgdm-scroll">{table}</div>'
              f'<p class="adgdm-source">Source: {source_text(ctx, page, benchmark)}. '
              "Values are copied as printed; the site computes none of them.</p>"),
        _notes(board),
        "## Columns\n",
        block(_column_list(ctx, page, benchmark)),
        "## Download\n",
        block(f'<p class="adgdm-download"><a href="{esc(href(page, benchmark_csv(benchmark.id)))}" download>'
              "These results as CSV</a> "
              f'(one line per reported value) · <a href="{esc(href(page, results_json()))}" download>'
              "every leaderboard as JSON</a>.</p>"),
    ]
    return "".join(parts)


def source_plain(benchmark: Benchmark) -> str:
    return f"as reported in TABLE {benchmark.table} of the {benchmark.survey.upper()} survey"


def _dataset_links(ctx: Context, page: str, benchmark: Benchmark) -> str:
    ids = list(dict.fromkeys(column.dataset for column in benchmark.columns))
    return ", ".join(link(href(page, dataset_page(i)), ctx.catalogue.datasets[i].name) for i in ids)


def _notes(board: Leaderboard) -> str:
    """The notes the data gives on the table (identical rows are flagged in the table itself)."""
    notes = "".join(f"<li>{esc(note)}</li>" for note in board.benchmark.notes)
    return "## Notes\n" + block(f'<ul class="adgdm-notes">{notes}</ul>') if notes else ""


def _column_list(ctx: Context, page: str, benchmark: Benchmark) -> str:
    """What each column reports: its dataset, metric, unit, setting and direction, and any note."""
    items = []
    for column in benchmark.columns:
        dataset = ctx.catalogue.datasets[column.dataset]
        facts = [f"{link(href(page, dataset_page(dataset.id)), dataset.name)}", f"metric: {esc(column.metric)}"]
        if column.unit:
            facts.append(f"unit: {esc(column.unit)}")
        if column.setting:
            facts.append(f"setting: {esc(column.setting)}")
        facts.append({True: "higher is better", False: "lower is better",
                      None: "no direction given, so no best value is marked"}[column.higher_is_better])
        note = f'<dd class="adgdm-column-note">{NOTE_MARK} {esc(column.note)}</dd>' if column.note else ""
        items.append(f"<dt>{esc(column.label)}</dt><dd>{'; '.join(facts)}.</dd>{note}")
    return f'<dl class="adgdm-columns">{"".join(items)}</dl>'


def render_index(ctx: Context, boards: dict[str, Leaderboard]) -> str:
    page = benchmarks_index()
    columns = [Column("Leaderboard"), Column("Source"), Column("Datasets"), Column("Metrics"),
               Column("Methods", numeric=True)]
    rows = []
    for board in sorted(boards.values(), key=lambda b: (b.benchmark.survey, b.benchmark.table, b.benchmark.id)):
        benchmark = board.benchmark
        metrics = ", ".join(dict.fromkeys(esc(c.metric) for c in benchmark.columns))
        rows.append([
            link(href(page, benchmark_page(benchmark.id)), benchmark.title),
            f"{esc(benchmark.survey.upper())} TABLE {benchmark.table}",
            _dataset_links(ctx, page, benchmark),
            metrics,
            str(len(board.rows)),
        ])
    table = html_table(columns, rows, css="adgdm-sortable adgdm-benchmarks") if rows else (
        "<p>No leaderboard in the catalogue yet.</p>")
    intro = (
        "<p>Each leaderboard reproduces one of the survey's result tables as data: every number is the one the "
        "survey prints, with the table it comes from, the metric it measures and whether higher or lower is better. "
        "A dash means the survey reports no value, not zero. Every row links to the paper's page.</p>"
    )
    downloads = (f'<p class="adgdm-download">All results in one file: <a href="{esc(href(page, results_json()))}" download>results.json</a>'
                 " (one record per reported value).</p>")
    return (front_matter("Leaderboards", "The survey's benchmark result tables as sortable, sourced leaderboards")
            + heading("Leaderboards") + block(intro) + block(table) + block(downloads))

