"""Leaderboards as data: each paper's row of values in a benchmark, the best value per column,
identical rows, the text of a value, and the flat records published for download."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ..citations.spreadsheet import spreadsheet_safe
from ..data.catalogue import Catalogue
from ..data.models import Benchmark, BenchmarkColumn, Paper, Result

MISSING = "–"
"""How a value the source does not report ('-' in the survey) is shown: never as 0."""

RECORD_FIELDS = (
    "paper", "method", "benchmark", "survey", "table", "column", "label", "dataset", "metric", "setting",
    "unit", "higher_is_better", "value", "spread", "text",
)
"""The fields of one published result record, in their fixed order."""


@dataclass(frozen=True)
class Row:
    """One paper's line in a leaderboard: a result (or None) per benchmark column, in column order."""

    paper: Paper
    results: tuple[Result | None, ...]

    def values(self) -> tuple[tuple[float | None, float | None], ...]:
        """(value, spread) per column; what two rows must share to be identical."""
        return tuple((r.value, r.spread) if r else (None, None) for r in self.results)


@dataclass(frozen=True)
class Leaderboard:
    """A benchmark with its rows (oldest paper first), the best value per column and identical rows."""

    benchmark: Benchmark
    rows: tuple[Row, ...]
    best: tuple[float | None, ...]
    """Per column: the best reported value; None without a direction or with fewer than two values."""
    twins: Mapping[str, tuple[Paper, ...]]
    """Paper id -> the other papers whose rows carry exactly the same values."""

    def is_best(self, index: int, result: Result | None) -> bool:
        return result is not None and result.value is not None and result.value == self.best[index]


def build_leaderboards(catalogue: Catalogue) -> dict[str, Leaderboard]:
    """Every benchmark's leaderboard, by benchmark id."""
    cells: dict[str, dict[str, dict[str, Result]]] = defaultdict(lambda: defaultdict(dict))
    for paper in catalogue.papers:
        for result in paper.results:
            cells[result.benchmark][paper.id][result.column] = result
    boards: dict[str, Leaderboard] = {}
    for benchmark_id, benchmark in sorted(catalogue.benchmarks.items()):
        by_paper = cells.get(benchmark_id, {})
        papers = sorted((catalogue.paper(pid) for pid in by_paper), key=lambda p: (p.year, p.label.lower(), p.id))
        rows = tuple(Row(p, tuple(by_paper[p.id].get(c.id) for c in benchmark.columns)) for p in papers)
        best = tuple(_best(column, [row.results[i] for row in rows]) for i, column in enumerate(benchmark.columns))
        boards[benchmark_id] = Leaderboard(benchmark, rows, best, _twins(rows))
    return boards


def _best(column: BenchmarkColumn, results: list[Result | None]) -> float | None:
    values = [r.value for r in results if r is not None and r.value is not None]
    if column.higher_is_better is None or len(values) < 2:
        return None
    return max(values) if column.higher_is_better else min(values)


def _twins(rows: tuple[Row, ...]) -> dict[str, tuple[Paper, ...]]:
    """Rows whose values are all equal, with at least two values reported: worth a flag, as in the source."""
    groups: dict[tuple[tuple[float | None, float | None], ...], list[Paper]] = defaultdict(list)
    for row in rows:
        if sum(value is not None for value, _ in row.values()) >= 2:
            groups[row.values()].append(row.paper)
    return {
        paper.id: tuple(other for other in group if other.id != paper.id)
        for group in groups.values() if len(group) > 1 for paper in group
    }


def number_text(value: float) -> str:
    """A number without added digits: 73.0 -> '73', 78.8 -> '78.8' (a `text` keeps '26.00' as printed)."""
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def value_text(result: Result | None) -> str:
    """A cell's text: as printed when the data keeps it, else the number (± spread), or MISSING."""
    if result is None or result.value is None:
        return MISSING
    if result.text:
        return result.text
    if result.spread is not None:
        return f"{number_text(result.value)} ± {number_text(result.spread)}"
    return number_text(result.value)


def evaluated_on(catalogue: Catalogue) -> dict[str, tuple[Paper, ...]]:
    """Dataset id -> the papers evaluated on it: listed in their `datasets` or reporting a result on it."""
    columns = column_datasets(catalogue)
    papers: dict[str, list[Paper]] = defaultdict(list)
    for paper in catalogue.papers:
        for dataset_id in datasets_of(paper, columns):
            papers[dataset_id].append(paper)
    return {dataset_id: tuple(found) for dataset_id, found in sorted(papers.items())}


def datasets_of(paper: Paper, columns: Mapping[tuple[str, str], str]) -> list[str]:
    """A paper's datasets: its own list first, then those of its results, each once."""
    found = list(paper.datasets)
    for result in paper.results:
        dataset_id = columns[result.benchmark, result.column]
        if dataset_id not in found:
            found.append(dataset_id)
    return found


def column_datasets(catalogue: Catalogue) -> dict[tuple[str, str], str]:
    """(benchmark id, column id) -> the dataset the column reports on."""
    return {(b.id, c.id): c.dataset for b in catalogue.benchmarks.values() for c in b.columns}


def result_records(board: Leaderboard) -> list[dict[str, object]]:
    """One flat record per reported cell of a leaderboard, rows in order, columns in order."""
    benchmark = board.benchmark
    records: list[dict[str, object]] = []
    for row in board.rows:
        for column, result in zip(benchmark.columns, row.results, strict=True):
            if result is None:
                continue
            records.append({
                "paper": row.paper.id, "method": row.paper.label, "benchmark": benchmark.id,
                "survey": benchmark.survey, "table": benchmark.table, "column": column.id, "label": column.label,
                "dataset": column.dataset, "metric": column.metric, "setting": column.setting, "unit": column.unit,
                "higher_is_better": column.higher_is_better, "value": result.value, "spread": result.spread,
                "text": value_text(result) if result.value is not None else "-",
            })
    return records


def records_csv(records: list[dict[str, object]]) -> str:
    """Records as CSV with a header; a missing value or spread is an empty field, never 0."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_field(value) for key, value in record.items()})
    return out.getvalue()


def _csv_field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number_text(value)
    # A method name or printed cell from the data could start a spreadsheet formula (= + - @);
    # a lone "-" (no value) cannot, and stays as the tables print it.
    text = str(value)
    return spreadsheet_safe(text) if len(text) > 1 else text


def records_json(records: list[dict[str, object]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
