"""The checker: every invalid fixture gives exactly its expected lines, a count and exit 1."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from adgdm.catalogue import load_catalogue
from adgdm.problems import InvalidData

from .conftest import CORPUS, FIXTURES

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "adgdm", "--root", str(root), "check"],
                          capture_output=True, text=True, check=False)


def corpus_with(tmp_path: Path, name: str, content: bytes) -> Path:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    (root / "papers" / name).write_bytes(content)
    return root


def expected_lines(fixture: Path) -> list[str]:
    next_year = str(datetime.date.today().year + 1)
    return [line.removeprefix("# expect: ").replace("{next_year}", next_year)
            for line in fixture.read_text(encoding="utf-8").splitlines() if line.startswith("# expect: ")]


def test_the_fixture_corpus_is_valid() -> None:
    result = run_check(CORPUS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{len(list((CORPUS / 'papers').glob('*.yaml')))} papers checked, no problems found\n"


@pytest.mark.parametrize("fixture", INVALID, ids=[f.stem for f in INVALID])
def test_invalid_file_gives_its_exact_messages(tmp_path: Path, fixture: Path) -> None:
    expected = expected_lines(fixture)
    assert expected, f"{fixture.name} has no '# expect:' line"
    root = corpus_with(tmp_path, fixture.name, fixture.read_bytes())
    result = run_check(root)
    count = len(expected)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [*expected, f"{count} problem{'s' if count > 1 else ''} found"]
    assert result.stdout == ""


def test_problems_from_several_files_are_all_reported_in_order(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "year_range.yaml", (FIXTURES / "invalid" / "year_range.yaml").read_bytes())
    shutil.copy(FIXTURES / "invalid" / "id_mismatch.yaml", root / "papers")
    with pytest.raises(InvalidData) as caught:
        load_catalogue(root)
    assert [str(p) for p in caught.value.problems] == [
        "papers/id_mismatch.yaml:2: id: 'another_name' does not match the file name 'id_mismatch.yaml'",
        "papers/year_range.yaml:5: year: 1850 is below the minimum 1900",
    ]
    assert caught.value.report().endswith("\n2 problems found")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bom.yaml", b"\xef\xbb\xbfid: bom\n", "papers/bom.yaml:1: file: file starts with a byte-order mark; save it as UTF-8 without BOM"),
    ("latin1.yaml", b"id: latin1\ntitle: Sch\xf6lkopf\n", "papers/latin1.yaml:2: file: not valid UTF-8 (byte 0xf6)"),
    ("empty.yaml", b"  \n", "papers/empty.yaml:1: file: file is empty"),
    ("tabs.yaml", b"id: tabs\nauthors:\n\t- Doe, Jane\n", "papers/tabs.yaml:3: file: indented with a tab; YAML needs spaces"),
    ("huge.yaml", b"id: huge\nnotes: " + b"x" * 300_000 + b"\n", "papers/huge.yaml:1: file: file is 300,017 bytes; the limit is 262,144"),
])
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    result = run_check(corpus_with(tmp_path, name, content))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message, "1 problem found"]


def test_vocabulary_problems_name_the_vocabulary_file(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "x.yaml", b"")
    (root / "papers" / "x.yaml").unlink()
    venues = root / "papers" / "vocabulary" / "venues.yaml"
    venues.write_text(venues.read_text() + "BAD:\n  name: A venue\n  kind: symposium\n", encoding="utf-8")
    result = run_check(root)
    assert result.stderr.splitlines() == [
        "papers/vocabulary/venues.yaml:16: BAD.kind: 'symposium' is not a known venue kind",
        "1 problem found",
    ]
