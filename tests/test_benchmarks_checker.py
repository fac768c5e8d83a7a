"""Bad leaderboard and dataset data: one line per problem naming file, line and field, then a count."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import CORPUS
from .test_checker import run_check


def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    return root


def append(path: Path, text: str) -> int:
    """Append `text` to a file; return the line number where it starts."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_dataset_and_benchmark_ids_cannot_take_an_index_page(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    vocabulary = root / "papers" / "vocabulary"
    dataset_line = append(vocabulary / "datasets.yaml", "- id: index\n  name: Index\n  modality: image\n")
    board_line = append(vocabulary / "benchmarks.yaml", (
        "- id: index\n  title: Index\n  survey: adgdm\n  table: 5\n  columns:\n"
        "    - {id: a, label: A, dataset: fix-images, metric: AUROC}\n"))
    result = run_check(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"papers/vocabulary/benchmarks.yaml:{board_line}: [1].id: 'index' is not a lower-case id like time-series-swat "
        "(not 'index')",
        f"papers/vocabulary/datasets.yaml:{dataset_line}: [2].id: 'index' is not a lower-case id like mvtec-ad (not 'index')",
        "2 problems found",
    ]


def test_a_column_names_a_known_dataset(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    line = append(root / "papers" / "vocabulary" / "benchmarks.yaml", (
        "- id: second-board\n  title: Second\n  survey: adgdm\n  table: 5\n  columns:\n"
        "    - {id: a, label: A, dataset: fix-image, metric: AUROC, higher_is_better: yes}\n"))
    assert run_check(root).stderr.splitlines() == [
        f"papers/vocabulary/benchmarks.yaml:{line + 5}: [1].columns[0].dataset: 'fix-image' is not a known dataset; "
        "did you mean 'fix-images'?",
        "1 problem found",
    ]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_result_names_a_column_of_its_benchmark(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    replace_in(root / "papers" / "bay2021twin.yaml", "column: video-error, value: 0.25", "column: video-eror, value: 0.25")
    assert run_check(root).stderr.splitlines() == [
        "papers/bay2021twin.yaml:14: results[2].column: 'video-eror' is not a column of benchmark 'fix-board'",
        "1 problem found",
    ]


def test_a_dash_is_written_null_not_as_text(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    replace_in(root / "papers" / "bay2021twin.yaml", "images-auroc, value: 91.5}", "images-auroc, value: '-'}")
    assert run_check(root).stderr.splitlines() == [
        "papers/bay2021twin.yaml:12: results[0].value: expected a number, got the text '-'",
        "1 problem found",
    ]
