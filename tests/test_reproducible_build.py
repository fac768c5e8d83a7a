"""Reproducible builds: the same sources give the same site, whatever the clock, hash seed, folder or file order.

Two builds of one snapshot of the project run in different folders (the second copied in reverse
file order), with different hash seeds, and the second with its clock 400 days ahead. Both set
SOURCE_DATE_EPOCH, the reproducible-builds convention MkDocs follows for the one date it prints,
so every byte must match; any dictionary order, file-system order or clock reaching the output
would show here.
"""

from __future__ import annotations

import datetime
import gzip
import shutil
import struct
from pathlib import Path

import pytest

from .conftest import copy_project, mkdocs_build

EPOCH = 981_158_400  # 2001-02-03T00:00:00Z, a day that appears nowhere in the data
EPOCH_DAY = "2001-02-03"
DAYS_AHEAD = 400

# The only files the theme stamps with the build time: MkDocs's sitemap gives every page a
# <lastmod> of the build day, and its gzip copy carries the build time (in seconds) in its header.
# Both follow SOURCE_DATE_EPOCH; without it they are the only files two builds on different days
# (sitemap.xml) or in different seconds (sitemap.xml.gz) differ in. The Pages workflow can set it
# to the commit time to make a deployed site byte-for-byte reproducible.
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}

# Loaded by the second build's Python at start-up: moves its clock ahead and says where it went.
CLOCK_AHEAD = f'''import datetime, pathlib
import freezegun
freezegun.freeze_time(datetime.datetime.now() + datetime.timedelta(days={DAYS_AHEAD}), tick=True).start()
pathlib.Path(__file__).with_name("today.txt").write_text(datetime.date.today().isoformat())
'''


def copy_in_reverse_order(source: Path, target: Path) -> None:
    """Copy a tree creating its entries in reverse name order, so a folder listing comes out differently."""
    target.mkdir()
    for entry in sorted(source.iterdir(), reverse=True):
        if entry.is_dir():
            copy_in_reverse_order(entry, target / entry.name)
        else:
            shutil.copy2(entry, target / entry.name)


def files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("reproducible")
    first = copy_project(folder / "first")
    second = folder / "second" / "elsewhere"
    second.parent.mkdir()
    copy_in_reverse_order(first, second)
    clock = folder / "clock"
    clock.mkdir()
    (clock / "sitecustomize.py").write_text(CLOCK_AHEAD, encoding="utf-8")
    pinned = {"SOURCE_DATE_EPOCH": str(EPOCH)}
    one = mkdocs_build(first, folder / "site-1", env={**pinned, "PYTHONHASHSEED": "1"})
    assert one.returncode == 0, one.stderr
    two = mkdocs_build(second, folder / "site-2", env={**pinned, "PYTHONHASHSEED": "2", "PYTHONPATH": str(clock)})
    assert two.returncode == 0, two.stderr
    return folder / "site-1", folder / "site-2", clock


def test_the_second_build_ran_with_its_clock_ahead(builds: tuple[Path, Path, Path]) -> None:
    shifted = datetime.date.fromisoformat((builds[2] / "today.txt").read_text(encoding="utf-8"))
    assert shifted - datetime.date.today() >= datetime.timedelta(days=DAYS_AHEAD - 1)


def test_two_builds_of_the_same_sources_are_byte_identical(builds: tuple[Path, Path, Path]) -> None:
    first, second, _ = builds
    assert files(first) == files(second)
    assert [name for name in files(first) if (first / name).read_bytes() != (second / name).read_bytes()] == []


def test_only_the_sitemap_carries_the_build_time(builds: tuple[Path, Path, Path]) -> None:
    site = builds[0]
    stamped = set()
    for name in files(site):
        data = (site / name).read_bytes()
        if EPOCH_DAY.encode() in data:
            stamped.add(name)
        if data[:2] == b"\x1f\x8b" and struct.unpack("<I", data[4:8])[0] == EPOCH:
            stamped.add(name)
    assert stamped == STAMPED
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
