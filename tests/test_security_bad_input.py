"""Bad data never reaches the site: a build over every broken file names each problem and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import CORPUS, copy_project, mkdocs_build
from .test_checker import INVALID, MADE_HERE, expected_lines


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_build_over_every_broken_file_reports_each_one_and_leaves_the_site_alone(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", CORPUS / "papers")
    papers = project / "papers"
    expected: list[str] = []
    for fixture in INVALID:
        shutil.copy(fixture, papers)
        expected += expected_lines(fixture)
    for _, make, message in MADE_HERE:
        make(papers)
        expected.append(message)
    site = tmp_path / "site"
    (site / "papers" / "old").mkdir(parents=True)
    (site / "index.html").write_text("<p>the last good build</p>", encoding="utf-8")
    (site / "papers" / "old" / "index.html").write_text("<p>a page of the last good build</p>", encoding="utf-8")
    before = snapshot(site)

    result = mkdocs_build(project, site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    start = lines.index("ERROR   -  the paper catalogue has problems:") + 1
    end = lines.index(f"{len(expected)} problems found")
    assert sorted(lines[start:end]) == sorted(expected)
    assert snapshot(site) == before


def test_a_failed_build_creates_no_site_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", CORPUS / "papers")
    shutil.copy(INVALID[0], project / "papers")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert expected_lines(INVALID[0])[0] in result.stderr.splitlines()
    assert not (tmp_path / "site").exists()
