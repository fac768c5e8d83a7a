"""The benchmarks (benchmarks.yaml): the survey's result tables, each column a dataset and a metric."""

from __future__ import annotations

from ..fields import NODE_PATTERN, PAGE_ID_PATTERN, text_field
from ..load_state import LoadState, unique
from ..models import Benchmark, BenchmarkColumn
from ..spec import Spec

BENCHMARK_COLUMN = Spec(
    "mapping",
    fields=(
        ("id", text_field("Column id.", required=True, pattern=NODE_PATTERN, pattern_hint="a column id")),
        ("label", text_field("Header as the survey labels it.", required=True, max_length=120)),
        ("dataset", text_field("Dataset id.", required=True, vocabulary="dataset")),
        ("metric", text_field("Metric name as printed.", required=True, max_length=60)),
        ("higher_is_better", Spec("boolean", help="true or false; leave it out where the source gives no direction "
                                  "(an unnamed value, a p-value): no best value is marked then.")),
        ("unit", text_field("Unit.", max_length=20)),
        ("setting", text_field("Evaluation setting.", max_length=120)),
        ("note", text_field("What the source says (or does not say) about the column.", max_length=500, multiline=True)),
    ),
)

BENCHMARK = Spec(
    "mapping",
    fields=(
        ("id", text_field("Benchmark id; it names the leaderboard's page.", required=True, pattern=PAGE_ID_PATTERN,
                          pattern_hint="a lower-case id like time-series-swat (not 'index')")),
        ("title", text_field("Title.", required=True, max_length=200)),
        ("survey", text_field("Source survey.", required=True, vocabulary="survey")),
        ("table", Spec("integer", required=True, minimum=1, maximum=99)),
        ("columns", Spec("list", required=True, min_items=1, item=BENCHMARK_COLUMN)),
        ("notes", Spec("list", item=text_field("A note.", max_length=1000, multiline=True))),
    ),
)


def load_benchmarks(state: LoadState) -> dict[str, Benchmark]:
    """Every benchmark, by id, its column ids distinct."""
    benchmarks: dict[str, Benchmark] = {}
    seen: dict[str, str] = {}
    for walker, key, entry in state.vocabulary_entries("benchmarks.yaml", BENCHMARK, keyed=False):
        if not unique(walker, f"{key}.id", entry["id"], seen, "benchmark"):
            continue
        column_ids: dict[str, str] = {}
        for index, column in enumerate(entry["columns"]):
            unique(walker, f"{key}.columns[{index}].id", column["id"], column_ids, "column")
        columns = tuple(BenchmarkColumn(**column) for column in entry["columns"])
        benchmarks[entry["id"]] = Benchmark(
            entry["id"], entry["title"], entry["survey"], entry["table"], columns, tuple(entry.get("notes", ()))
        )
    state.vocabularies["benchmark"] = set(benchmarks)
    return benchmarks
