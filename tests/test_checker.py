"""The checker: every invalid fixture gives exactly its expected lines, a count and exit 1.

tests/fixtures/invalid/ holds one broken paper file per way of breaking one (its first line says
which); the ways that need bytes or file-system objects a fixture file cannot hold are made here.
The fixtures run the command in this process (`cli.main`, the code `python -m adgdm` runs), which is
quicker and lets the mutation run see which code each one exercises; the valid corpus runs it as a
contributor does, in a new process.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from adgdm import cli
from adgdm.data.catalogue import load_catalogue
from adgdm.data.problems import InvalidData

from .conftest import CORPUS, FIXTURES

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    """`python -m adgdm --root ROOT check`, run in this process: its exit status and what it printed."""
    arguments = ["--root", str(root), "check"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(arguments)
    return subprocess.CompletedProcess(arguments, status, out.getvalue(), err.getvalue())


def run_check_process(root: Path) -> subprocess.CompletedProcess[str]:
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
    result = run_check_process(CORPUS)
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
        "papers/id_mismatch.yaml:3: id: 'another_name' does not match the file name 'id_mismatch.yaml'",
        "papers/year_range.yaml:6: year: 1850 is below the minimum 1900",
    ]
    assert caught.value.report().endswith("\n2 problems found")


def test_each_fixture_says_how_it_breaks_the_file() -> None:
    reasons = [fixture.read_text(encoding="utf-8").split("\n", 1)[0] for fixture in INVALID]
    assert all(reason.startswith("# ") and not reason.startswith("# expect:") for reason in reasons)
    assert len(set(reasons)) == len(reasons)


TEN_MB = 10 * 1024 * 1024
SECRET = "TOKEN-that-must-never-be-printed"


def _write(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda papers: (papers / name).write_bytes(content)


def _symlink_to_secret(papers: Path) -> None:
    secret = papers.parent.parent / "secret.yaml"
    secret.write_text(f"title: {SECRET}\n", encoding="utf-8")
    (papers / "linked.yaml").symlink_to(secret)


# Ways of breaking a file that a fixture file cannot hold: (what, how to make it, expected line).
MADE_HERE: list[tuple[str, Callable[[Path], None], str]] = [
    ("byte-order mark", _write("bom.yaml", b"\xef\xbb\xbfid: bom\n"),
     "papers/bom.yaml:1: file: file starts with a byte-order mark; save it as UTF-8 without BOM"),
    ("Latin-1 bytes", _write("latin1.yaml", b"id: latin1\ntitle: Sch\xf6lkopf\n"),
     "papers/latin1.yaml:2: file: not valid UTF-8 (byte 0xf6)"),
    ("empty file", _write("empty.yaml", b""), "papers/empty.yaml:1: file: file is empty"),
    ("only spaces", _write("spaces.yaml", b"  \n\n"), "papers/spaces.yaml:1: file: file is empty"),
    ("only a comment", _write("comment.yaml", b"# TODO: fill in\n"), "papers/comment.yaml:1: file: file is empty"),
    ("tab indentation", _write("tabs.yaml", b"id: tabs\nauthors:\n\t- Doe, Jane\n"),
     "papers/tabs.yaml:3: file: indented with a tab; YAML needs spaces"),
    ("10 MB file", _write("huge.yaml", b"id: huge\nnotes: " + b"x" * TEN_MB + b"\n"),
     f"papers/huge.yaml:1: file: file is {TEN_MB + 17:,} bytes; the limit is 262,144"),
    ("symbolic link", _symlink_to_secret, "papers/linked.yaml:1: file: file is a symbolic link; commit the file itself"),
    ("named pipe", lambda papers: os.mkfifo(papers / "pipe.yaml"), "papers/pipe.yaml:1: file: file is not a regular file"),
    ("folder", lambda papers: (papers / "folder.yaml").mkdir(), "papers/folder.yaml:1: file: file is not a regular file"),
    (".yml extension", _write("skipped.yml", b"id: skipped\n"), "papers/skipped.yml:1: file: paper files must end in .yaml"),
]


@pytest.mark.parametrize(("make", "message"), [case[1:] for case in MADE_HERE], ids=[case[0] for case in MADE_HERE])
def test_files_that_cannot_be_read(tmp_path: Path, make: Callable[[Path], None], message: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    make(root / "papers")
    result = run_check(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message, "1 problem found"]
    assert SECRET not in result.stderr + result.stdout


def test_at_least_forty_ways_of_breaking_a_file_are_covered() -> None:
    assert len(INVALID) + len(MADE_HERE) >= 40


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


def test_venue_short_names_need_a_page_address_of_their_own(tmp_path: Path) -> None:
    root = corpus_with(tmp_path, "x.yaml", b"")
    (root / "papers" / "x.yaml").unlink()
    venues = root / "papers" / "vocabulary" / "venues.yaml"
    text = venues.read_text(encoding="utf-8")
    first = text.count("\n") + 1
    venues.write_text(text + "fconf:\n  name: A second venue\n  kind: journal\n'***':\n  name: Stars\n  kind: journal\n",
                      encoding="utf-8")
    result = run_check(root)
    assert result.stderr.splitlines() == [
        f"papers/vocabulary/venues.yaml:{first}: fconf: 'fconf' and 'FCONF' would share the page venues/fconf/",
        f"papers/vocabulary/venues.yaml:{first + 3}: ***: a venue's short name needs a letter or a digit",
        "2 problems found",
    ]
