"""Results as data, over the fixture corpus: leaderboard rows, best values by direction, identical
rows, value texts ('-' is missing, never 0), papers per dataset, and the published CSV and JSON."""

from __future__ import annotations

import json

from adgdm.data.catalogue import Catalogue
from adgdm.data.models import Result
from adgdm.site.compose import make_context, render_site
from adgdm.site.leaderboards import (
    build_leaderboards,
    evaluated_on,
    number_text,
    records_csv,
    result_records,
    value_text,
)


def test_a_leaderboard_has_a_row_per_paper_with_results_oldest_first(corpus_catalogue: Catalogue) -> None:
    board = build_leaderboards(corpus_catalogue)["fix-board"]
    assert [row.paper.id for row in board.rows] == ["ada2021leader", "cole2021gap", "bay2021twin"]
    assert [c.id for c in board.benchmark.columns] == ["images-auroc", "images-second", "video-error"]
    gap = board.rows[1]
    assert gap.results[1] == Result("fix-board", "images-second", None)


def test_best_follows_the_direction_and_is_absent_without_one(corpus_catalogue: Catalogue) -> None:
    board = build_leaderboards(corpus_catalogue)["fix-board"]
    # AUROC: higher is better; the second value has no direction; error: lower is better.
    assert board.best == (100.0, None, 0.1)
    assert [board.is_best(0, row.results[0]) for row in board.rows] == [False, True, False]
    assert not any(board.is_best(1, row.results[1]) for row in board.rows)


def test_rows_with_identical_values_are_paired(corpus_catalogue: Catalogue) -> None:
    board = build_leaderboards(corpus_catalogue)["fix-board"]
    assert {key: [p.id for p in value] for key, value in board.twins.items()} == {
        "ada2021leader": ["bay2021twin"], "bay2021twin": ["ada2021leader"],
    }


def test_value_texts_keep_the_printed_form_and_never_turn_a_dash_into_zero() -> None:
    assert value_text(Result("b", "c", None)) == "–"
    assert value_text(None) == "–"
    assert value_text(Result("b", "c", 0.0)) == "0"
    assert value_text(Result("b", "c", 73.0)) == "73"
    assert value_text(Result("b", "c", 97.92)) == "97.92"
    assert value_text(Result("b", "c", 26.0, text="26.00")) == "26.00"
    assert value_text(Result("b", "c", 71.45, 22.6)) == "71.45 ± 22.6"
    assert value_text(Result("b", "c", 0.25, 0.02, "0.25 ± 0.02")) == "0.25 ± 0.02"
    assert number_text(0.0002) == "0.0002"


def test_papers_per_dataset_come_from_their_lists_and_their_results(corpus_catalogue: Catalogue) -> None:
    found = {key: [p.id for p in papers] for key, papers in evaluated_on(corpus_catalogue).items()}
    # ada2021leader lists only fix-images but reports a value on fix-video too.
    assert found == {
        "fix-images": ["ada2021leader", "bay2021twin", "cole2021gap"],
        "fix-video": ["ada2021leader", "bay2021twin", "cole2021gap"],
    }


def test_the_csv_has_one_line_per_reported_cell_with_its_provenance(corpus_catalogue: Catalogue) -> None:
    board = build_leaderboards(corpus_catalogue)["fix-board"]
    assert records_csv(result_records(board)) == (
        "paper,method,benchmark,survey,table,column,label,dataset,metric,setting,unit,higher_is_better,value,spread,text\n"
        "ada2021leader,<LEAD>,fix-board,adgdm,3,images-auroc,Images (AUROC),fix-images,AUROC,one class per model,%,true,"
        "91.5,,91.5\n"
        'ada2021leader,<LEAD>,fix-board,adgdm,3,images-second,"Images (AUROC), second value",fix-images,second value,,,,'
        "80,,80\n"
        "ada2021leader,<LEAD>,fix-board,adgdm,3,video-error,Video (error),fix-video,error,,,false,0.25,0.02,0.25 ± 0.02\n"
        "cole2021gap,GAP,fix-board,adgdm,3,images-auroc,Images (AUROC),fix-images,AUROC,one class per model,%,true,"
        "100,,100\n"
        'cole2021gap,GAP,fix-board,adgdm,3,images-second,"Images (AUROC), second value",fix-images,second value,,,,'
        ",,-\n"
        "cole2021gap,GAP,fix-board,adgdm,3,video-error,Video (error),fix-video,error,,,false,0.1,,0.1\n"
        "bay2021twin,TWIN,fix-board,adgdm,3,images-auroc,Images (AUROC),fix-images,AUROC,one class per model,%,true,"
        "91.5,,91.5\n"
        'bay2021twin,TWIN,fix-board,adgdm,3,images-second,"Images (AUROC), second value",fix-images,second value,,,,'
        "80,,80\n"
        "bay2021twin,TWIN,fix-board,adgdm,3,video-error,Video (error),fix-video,error,,,false,0.25,0.02,0.25 ± 0.02\n"
    )


def test_the_json_download_holds_every_result_with_null_for_missing(corpus_catalogue: Catalogue) -> None:
    site = render_site(make_context(corpus_catalogue))
    records = json.loads(site.files["downloads/results.json"])
    assert len(records) == sum(len(p.results) for p in corpus_catalogue.papers) == 9
    gap_second = next(r for r in records if (r["paper"], r["column"]) == ("cole2021gap", "images-second"))
    assert gap_second == {
        "paper": "cole2021gap", "method": "GAP", "benchmark": "fix-board", "survey": "adgdm", "table": 3,
        "column": "images-second", "label": "Images (AUROC), second value", "dataset": "fix-images",
        "metric": "second value", "setting": "", "unit": "", "higher_is_better": None, "value": None, "spread": None,
        "text": "-",
    }
    assert site.files["downloads/benchmarks/fix-board.csv"].count("\n") == 10
