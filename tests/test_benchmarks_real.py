"""The real leaderboards, datasets and related surveys: row counts per survey table match the sources,
every value on the built pages equals the data, every row links to an existing paper page, and a few
rows are compared with the survey's own numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from adgdm.data.catalogue import Catalogue
from adgdm.site.leaderboards import build_leaderboards, evaluated_on, value_text
from adgdm.site.markup import esc

from .benchmarks_support import COLUMN_VALUES, check_leaderboard, page_exists, sort_by, tables

# Rows per result table in the survey (ADGDM TABLES 3, 5, 7, 9 and 12).
ROWS_PER_TABLE = {3: 8, 5: 8, 7: 8, 9: 7, 12: 7}


def board_of(catalogue: Catalogue, table: int) -> Any:
    [board] = [b for b in build_leaderboards(catalogue).values() if b.benchmark.table == table]
    return board


def shown(site: Path, catalogue: Catalogue, table: int) -> list[list[str]]:
    """The leaderboard's rows as the built page shows them (method, year, venue, values)."""
    board = board_of(catalogue, table)
    [html_table] = tables((site / f"benchmarks/{board.benchmark.id}/index.html").read_text(encoding="utf-8"),
                          "adgdm-leaderboard")
    return [[cell.text.replace(" ★ (best in this column)", "") for cell in row] for row in html_table.rows]


@pytest.mark.parametrize("table", sorted(ROWS_PER_TABLE))
def test_each_result_table_has_its_rows_and_the_page_shows_exactly_the_data(
        built_site: Path, catalogue: Catalogue, table: int) -> None:
    board = board_of(catalogue, table)
    assert board.benchmark.survey == "adgdm"
    assert check_leaderboard(built_site, board) == ROWS_PER_TABLE[table]


def test_table_3_keeps_both_numbers_and_says_the_second_is_unexplained(built_site: Path, catalogue: Catalogue) -> None:
    assert {row[0]: row[3:] for row in shown(built_site, catalogue, 3)} == {
        "DRAEM": ["88.7", "73.1", "–", "–"],
        "SPADE": ["82.1", "65.9", "–", "–"],
        "PaDiM": ["89.1", "85.9", "–", "–"],
        "RD4AD": ["96.0", "70.9", "94.3", "77.1"],
        "PatchCore": ["95.1", "91.2", "92.7", "77.3"],
        "RAN": ["–", "–", "93.4", "78.7"],
        "Tebbe et al. 2024": ["96.0", "94.1", "95.2", "83.2"],
        "GLAD": ["99.5", "98.6", "–", "–"],
    }
    board = board_of(catalogue, 3)
    unnamed = [c for c in board.benchmark.columns if c.higher_is_better is None]
    assert len(unnamed) == 2 and all(c.note for c in unnamed)
    assert [board.best[board.benchmark.columns.index(c)] for c in unnamed] == [None, None]
    html = (built_site / f"benchmarks/{board.benchmark.id}/index.html").read_text(encoding="utf-8")
    assert html.count("no direction given, so no best value is marked") == 2
    # Each unnamed column carries the note that the survey leaves its meaning unstated, shown on the page.
    assert all("survey does not" in c.note for c in unnamed)
    assert all(f'<dd class="adgdm-column-note">† {esc(c.note)}</dd>' in html for c in unnamed)


def test_table_5_as_printed(built_site: Path, catalogue: Catalogue) -> None:
    assert sorted(shown(built_site, catalogue, 5)) == sorted([
        ["RTFM", "2021", "ICCV", "96.3", "85.1", "73"],
        ["DMAD", "2023", "CVPR", "99.7", "92.8", "78.8"],
        ["LSH", "2023", "IEEE TCSVT", "91.3", "87.4", "77.6"],
        ["VADNet", "2023", "IEEE TCSVT", "–", "87.3", "75.2"],
        ["UMIL", "2023", "CVPR", "–", "88.3", "–"],
        ["UR-DMU", "2023", "AAAI", "–", "88.9", "97.92"],
        ["VADiffusion", "2024", "IEEE TCSVT", "98.2", "87.2", "71.7"],
        ["PLOVAD", "2025", "IEEE TCSVT", "–", "–", "97.98"],
    ])


def test_table_7_flags_the_identical_tranad_and_puad_rows(built_site: Path, catalogue: Catalogue) -> None:
    rows = {row[0]: row for row in shown(built_site, catalogue, 7)}
    assert rows["TranAD (same values as PUAD in the source)"][3:] == rows["PUAD (same values as TranAD in the source)"][3:]
    assert rows["SensitiveHUE"][3:7] == ["94.68", "87.74", "91.08", "96.75"]
    assert rows["AnomalyTran"][3:] == ["12.00", "100.00", "21.43", "94.07", "5.79", "43.43", "10.21", "89.10",
                                       "–", "–", "2.10", "93.59", "–", "–", "2.12", "92.33"]
    board = board_of(catalogue, 7)
    assert {board.twins[paper_id][0].label for paper_id in board.twins} == {"TranAD", "PUAD"}
    swat_f1 = [c.id for c in board.benchmark.columns].index("swat-f1")
    assert board.best[swat_f1] == 91.08


def test_table_9_keeps_spreads_and_marks_nothing_on_the_p_value(built_site: Path, catalogue: Catalogue) -> None:
    rows = {row[0]: row[3:] for row in shown(built_site, catalogue, 9)}
    assert rows["NeuTraLAD"] == ["71.45 ± 22.6", "9.16", "0"]
    assert rows["AutoUAD"] == ["92.68 ± 11.8", "2.04", "0.47"]
    assert rows["DNN"] == ["92.27 ± 11.1", "1.68", "0.47"]
    board = board_of(catalogue, 9)
    # AUC: higher is better; mean rank: lower is better; the p-value has no direction.
    assert board.best == (92.68, 1.68, None)


def test_table_12_as_printed(built_site: Path, catalogue: Catalogue) -> None:
    assert {row[0]: row[3:] for row in shown(built_site, catalogue, 12)} == {
        "DefectGAN": ["1.69", "0.15"], "SDGAN": ["1.71", "0.13"], "DiffAug": ["1.58", "0.09"],
        "Crop&Paste": ["1.51", "0.14"], "DFMGAN": ["1.72", "0.2"], "CDC": ["1.65", "0.07"],
        "AnomalyDiffusion": ["1.8", "0.32"],
    }


def test_table_13_datasets_each_have_a_page_with_their_introducing_paper(built_site: Path, catalogue: Catalogue) -> None:
    table_13 = [d for d in catalogue.datasets.values() if any(s.startswith("ADGDM TABLE 13") for s in d.sources)]
    assert len(table_13) == 23
    for dataset in catalogue.datasets.values():
        page = f"datasets/{dataset.id}/index.html"
        html = (built_site / page).read_text(encoding="utf-8")
        if dataset.paper:
            assert f'href="../../papers/{dataset.paper}/"' in html
            assert f'<span class="nl">{dataset.paper}</span>' in html  # the key of its highlighted BibTeX entry
            assert page_exists(built_site, page, f"../../papers/{dataset.paper}/")
    [index] = tables((built_site / "datasets/index.html").read_text(encoding="utf-8"), "adgdm-datasets")
    assert len(index.rows) == len(catalogue.datasets)


def test_table_1_has_twelve_surveys_with_their_coverage(built_site: Path, catalogue: Catalogue) -> None:
    page = "related-surveys/index.html"
    [table] = tables((built_site / page).read_text(encoding="utf-8"), "adgdm-related")
    assert len(table.rows) == 12 == sum(1 for p in catalogue.papers if p.coverage)
    assert all(page_exists(built_site, page, row[0].links[0]) for row in table.rows)
    last = [cell.text for cell in table.rows[-1]]
    assert last[0] == "Anomaly Detection and Generation with Diffusion Models: A Survey"
    assert last[5:14] == ["●"] * 9
    iot = next(row for row in table.rows if row[0].text.startswith("Anomaly Detection for IoT Time-Series Data"))
    assert [c.text for c in iot[1:14]] == ["2020", "IEEE IoTJ", "Time series AD in IoT", "Specific",
                                           "N/A", "N/A", "●", "○", "○", "N/A", "○", "○", "◐"]


def test_a_paper_page_shows_its_results(built_site: Path, catalogue: Catalogue) -> None:
    board = board_of(catalogue, 5)
    dmad = next(row.paper for row in board.rows if row.paper.label == "DMAD")
    html = (built_site / f"papers/{dmad.id}/index.html").read_text(encoding="utf-8")
    [table] = tables(html, "adgdm-paper-results")
    assert [[c.text for c in row] for row in table.rows] == [
        ["UCSD Ped2 ↑", "UCSD Ped2", "99.7 ★ (best in this column)"],
        ["CUHK Avenue ↑", "CUHK Avenue", "92.8 ★ (best in this column)"],
        ["ShanghaiTech ↑", "ShanghaiTech", "78.8"],
    ]
    assert f'href="../../benchmarks/{board.benchmark.id}/"' in html


def test_the_real_time_series_leaderboard_sorts_f1_by_number(page: Any, site_url: str, catalogue: Catalogue) -> None:
    board = board_of(catalogue, 7)
    index = [c.id for c in board.benchmark.columns].index("msl-f1")
    column = board.benchmark.columns[index]
    page.goto(f"{site_url}benchmarks/{board.benchmark.id}/")
    sort_by(page, column.label)
    shown = page.evaluate(COLUMN_VALUES, ["table.adgdm-leaderboard", 3 + index])
    reported = sorted(r.results[index].value for r in board.rows)
    # 2.10 comes first as a number; as text it would follow 19.74.
    assert [float(v) for v in shown] == reported and reported[:2] == [2.1, 19.74]
    sort_by(page, "MSL (P)")
    assert page.evaluate(COLUMN_VALUES, ["table.adgdm-leaderboard", 3 + index - 2])[-1] is None
    assert page.outside == []


def test_every_paper_page_shows_exactly_its_results(built_site: Path, catalogue: Catalogue) -> None:
    boards = build_leaderboards(catalogue)
    with_results = [paper for paper in catalogue.papers if paper.results]
    assert {p.id for p in with_results} == {row.paper.id for board in boards.values() for row in board.rows}
    for paper in with_results:
        html = (built_site / f"papers/{paper.id}/index.html").read_text(encoding="utf-8")
        shown_rows = [row for table in tables(html, "adgdm-paper-results") for row in table.rows]
        expected = []
        for benchmark_id in dict.fromkeys(r.benchmark for r in paper.results):
            board = boards[benchmark_id]
            [row] = [r for r in board.rows if r.paper.id == paper.id]
            expected += [(value_text(result), board.is_best(i, result)) for i, result in enumerate(row.results) if result]
        assert [(cells[2].text.removesuffix(" ★ (best in this column)"), cells[2].text.endswith("★ (best in this column)"))
                for cells in shown_rows] == expected, paper.id


def test_every_dataset_page_counts_the_papers_evaluated_on_it(built_site: Path, catalogue: Catalogue) -> None:
    evaluated = evaluated_on(catalogue)
    assert {"visa", "btad", "swat", "wadi", "msl", "smd", "ucsd-ped2", "cuhk-avenue", "shanghaitech", "mvtec-ad"} <= set(evaluated)
    for dataset in catalogue.datasets.values():
        html = (built_site / f"datasets/{dataset.id}/index.html").read_text(encoding="utf-8")
        papers = evaluated.get(dataset.id, ())
        assert f"Papers evaluated on it ({len(papers)})" in html
        listed = [row[1].links[0] for table in tables(html, "adgdm-papers") for row in table.rows]
        assert sorted(listed) == sorted(f"../../papers/{p.id}/" for p in papers)
