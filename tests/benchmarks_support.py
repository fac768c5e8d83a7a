"""Helpers for the benchmark tests: read a built page's tables back into cells (stdlib HTML parser),
build the fixture corpus's site, and drive leaderboards in the browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from adgdm.site.leaderboards import Leaderboard, number_text, value_text

from .conftest import CORPUS, copy_project, mkdocs_build


@dataclass
class HtmlCell:
    """One th/td: its text, its attributes and the hrefs of the links inside it."""

    text: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)


@dataclass
class HtmlTable:
    attrs: dict[str, str]
    header: list[HtmlCell] = field(default_factory=list)
    rows: list[list[HtmlCell]] = field(default_factory=list)

    def labels(self) -> list[str]:
        return [cell.text for cell in self.header]


class _TableReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[HtmlTable] = []
        self._table: HtmlTable | None = None
        self._row: list[HtmlCell] | None = None
        self._cell: HtmlCell | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "table":
            self._table = HtmlTable(values)
            self.tables.append(self._table)
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = HtmlCell(attrs=values)
            self._row.append(self._cell)
        elif tag == "a" and self._cell is not None:
            self._cell.links.append(values.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = None
        elif tag == "tr" and self._table is not None and self._row is not None:
            if self._in_head:
                self._table.header = self._row
            else:
                self._table.rows.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data


def tables(html_text: str, css: str) -> list[HtmlTable]:
    """The tables of a page whose class list holds `css`, cell texts stripped."""
    reader = _TableReader()
    reader.feed(html_text)
    found = [t for t in reader.tables if css in t.attrs.get("class", "").split()]
    for table in found:
        for cell in [*table.header, *(c for row in table.rows for c in row)]:
            cell.text = cell.text.strip()
    return found


def page_exists(site: Path, from_page: str, href: str) -> bool:
    """Whether a relative link from a built page (a folder's index.html) resolves to a built file."""
    path = href.split("#")[0]
    target = (site / from_page).parent.joinpath(path).resolve()
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def check_leaderboard(site: Path, board: Leaderboard) -> int:
    """Assert that a built leaderboard shows exactly the data: rows in order, each linking to its existing
    paper page, every value as printed (sorting by its number), '-' as missing, and the best marked.
    Returns the number of rows."""
    page = f"benchmarks/{board.benchmark.id}/index.html"
    [table] = tables((site / page).read_text(encoding="utf-8"), "adgdm-leaderboard")
    assert len(table.rows) == len(board.rows)
    for cells, row in zip(table.rows, board.rows, strict=True):
        assert cells[0].links[0] == f"../../papers/{row.paper.id}/"
        assert page_exists(site, page, cells[0].links[0])
        assert cells[1].text == str(row.paper.year)
        for index, (cell, result) in enumerate(zip(cells[3:], row.results, strict=True)):
            if result is None or result.value is None:
                assert (cell.text, cell.attrs.get("data-value")) == ("–", None)
                continue
            best = board.is_best(index, result)
            shown = value_text(result) + (" ★ (best in this column)" if best else "")
            assert (cell.text, cell.attrs["data-value"]) == (shown, number_text(result.value))
            assert float(cell.attrs["data-value"]) == result.value
            assert ("adgdm-best" in cell.attrs.get("class", "")) is best
    return len(table.rows)


def build_corpus_site(tmp: Path, site_url: str = "http://127.0.0.1:8000/") -> Path:
    project = copy_project(tmp / "project", CORPUS / "papers")
    site = tmp / "site"
    result = mkdocs_build(project, site, site_url)
    assert result.returncode == 0, result.stderr
    return site


# In the browser: the data-value of one column of a table, row by row (null for a missing value).
COLUMN_VALUES = """([table, index]) => Array.from(document.querySelector(table).tBodies[0].rows)
    .map(row => row.cells[index].getAttribute('data-value'))"""


def sort_by(tab: Any, label: str) -> None:
    """Select the sort button of the header that reads `label` (the sorted one gains a ▲ or ▼ after it)."""
    tab.locator("th button.adgdm-sort", has_text=label).click()

