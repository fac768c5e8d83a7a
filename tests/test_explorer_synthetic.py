"""The synthetic catalogue generator: valid for the checker, deterministic, and varied enough to measure with."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from adgdm.cli import main as adgdm_main
from adgdm.data.catalogue import load_catalogue

from benchmarks.synthetic import main, synthetic_papers, write_synthetic_catalogue

from .conftest import ROOT


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.yaml"))}


def test_the_catalogue_passes_the_checker_and_has_what_benchmarks_need(tmp_path: Path) -> None:
    ids = write_synthetic_catalogue(tmp_path, 300, seed=7)
    catalogue = load_catalogue(tmp_path)
    papers = catalogue.papers
    assert len(papers) == 300 and sorted(ids) == [paper.id for paper in papers]
    assert catalogue.surveys["adgdm"].paper == ids[0] and catalogue.surveys["dmad"].paper == ids[1]
    with_code = sum(bool(p.code) for p in papers)
    with_results = sum(bool(p.results) for p in papers)
    with_terms = sum(bool(p.taxonomy) for p in papers)
    assert 100 < with_code < 200 and 0 < with_results < 60 and 150 < with_terms < 280
    assert len({p.venue for p in papers}) > 20
    assert set(Counter(m for p in papers for m in p.modality)) == {"image", "video", "time-series", "tabular", "multimodal"}
    authors = Counter(a.sort_key for p in papers for a in p.authors)
    assert max(authors.values()) >= 5, "some authors write many papers"
    assert any(not a.isascii() for a in authors), "accented names exercise folding"


def test_same_size_and_seed_give_identical_files_and_another_seed_does_not(tmp_path: Path) -> None:
    write_synthetic_catalogue(tmp_path / "a", 120, seed=1)
    write_synthetic_catalogue(tmp_path / "b", 120, seed=1)
    write_synthetic_catalogue(tmp_path / "c", 120, seed=2)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")
    assert files_of(tmp_path / "a") != files_of(tmp_path / "c")


def test_the_first_papers_of_a_larger_catalogue_are_the_same_papers() -> None:
    assert synthetic_papers(50, seed=4) == synthetic_papers(200, seed=4)[:50]


def test_command_line_writes_a_catalogue_the_checker_accepts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["40", str(tmp_path), "--seed", "5"]) == 0
    assert capsys.readouterr().out == f"40 synthetic papers written to {tmp_path / 'papers'}\n"
    assert adgdm_main(["--root", str(tmp_path), "check"]) == 0
    assert capsys.readouterr().out == "40 papers checked, no problems found\n"


def test_command_line_refuses_too_few_papers_and_a_folder_already_holding_papers(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "benchmarks.synthetic"]
    too_few = subprocess.run([*command, "1", str(tmp_path)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert too_few.returncode == 2 and too_few.stderr.endswith("error: n must be from 2 to 89999\n")
    write_synthetic_catalogue(tmp_path, 3)
    again = subprocess.run([*command, "3", str(tmp_path)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert again.returncode == 2
    assert again.stderr.endswith(f"error: {tmp_path / 'papers'} already holds paper files; choose an empty folder\n")
    with pytest.raises(ValueError, match="from 2 papers"):
        synthetic_papers(1)
    with pytest.raises(ValueError, match="to 89,999"):
        synthetic_papers(90_000)
