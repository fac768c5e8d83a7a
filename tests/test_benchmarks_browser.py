"""In Chromium: selecting a leaderboard's metric header sorts the rows by number (not by text), missing
values stay last, and the pages load nothing from another host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .benchmarks_support import COLUMN_VALUES, build_corpus_site, sort_by
from .conftest import free_port, serve_folder

METHODS = """(table) => Array.from(document.querySelector(table).tBodies[0].rows)
    .map(row => row.cells[0].querySelector('a').textContent)"""


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    site = build_corpus_site(tmp_path_factory.mktemp("browser"), f"http://127.0.0.1:{port}/")
    with serve_folder(Path(site), port) as url:
        yield url


@pytest.fixture()
def tab(browser: Any, corpus_url: str) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    page.outside = outside
    yield page
    context.close()


def test_a_metric_header_sorts_by_number_both_ways(tab: Any, corpus_url: str) -> None:
    tab.goto(f"{corpus_url}benchmarks/fix-board/")
    table = "table.adgdm-leaderboard"
    assert tab.evaluate(METHODS, table) == ["<LEAD>", "GAP", "TWIN"]
    sort_by(tab, "Images (AUROC) ↑")
    # As text, "100" would come before "91.5".
    assert tab.evaluate(COLUMN_VALUES, [table, 3]) == ["91.5", "91.5", "100"]
    assert tab.locator(f"{table} th").nth(3).get_attribute("aria-sort") == "ascending"
    sort_by(tab, "Images (AUROC) ↑")
    assert tab.evaluate(COLUMN_VALUES, [table, 3]) == ["100", "91.5", "91.5"]
    assert tab.evaluate(METHODS, table)[0] == "GAP"
    sort_by(tab, "Video (error) ↓")
    assert tab.evaluate(COLUMN_VALUES, [table, 5]) == ["0.1", "0.25", "0.25"]
    assert tab.outside == []


def test_missing_values_sort_last_in_either_direction(tab: Any, corpus_url: str) -> None:
    tab.goto(f"{corpus_url}benchmarks/fix-board/")
    table = "table.adgdm-leaderboard"
    sort_by(tab, "Images (AUROC), second value †")
    assert tab.evaluate(COLUMN_VALUES, [table, 4]) == ["80", "80", None]
    sort_by(tab, "Images (AUROC), second value †")
    assert tab.evaluate(COLUMN_VALUES, [table, 4]) == ["80", "80", None]
    assert tab.evaluate(METHODS, table)[2] == "GAP"


def test_coverage_columns_sort_by_level(tab: Any, corpus_url: str) -> None:
    tab.goto(f"{corpus_url}related-surveys/")
    sort_by(tab, "IAD")
    assert tab.locator("table.adgdm-related th").nth(5).get_attribute("aria-sort") == "ascending"
    symbol = tab.locator("table.adgdm-related tbody td").nth(5).locator("[role=img]")
    assert symbol.get_attribute("aria-label") == "fully covered"
    assert tab.outside == []

