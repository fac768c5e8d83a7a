"""One load of `papers/` in progress: the problems found so far, the vocabularies known so far,
where each entry was read, and the file readers every loader shares."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .fields import latest_year
from .paper_schema import FIXED_VOCABULARIES
from .problems import Problem
from .safe_yaml import Document, read_yaml
from .spec import INVALID, Spec, Walker

PAPERS_DIR = "papers"
VOCABULARY_DIR = "papers/vocabulary"

Entry = tuple[Walker, str, dict[str, Any]]
"""A checked vocabulary entry: the walker of its file (to report on it later), its key, its fields."""


class LoadState:
    """What the loaders of one `load_catalogue` share; each vocabulary adds its values as it loads."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.places: dict[tuple[str, str], tuple[Walker, str]] = {}
        """(kind, id) -> the walker and key of the entry, for problems found after loading."""
        self.documents: dict[str, Document] = {}
        """Paper file path -> its document, for the lines of problems found across papers."""
        self.vocabularies: dict[str, Any] = dict(FIXED_VOCABULARIES)
        self.latest_year = latest_year()
        self.today = datetime.date.today()
        self.hints = {
            "venue": f"{VOCABULARY_DIR}/venues.yaml",
            "taxonomy node": f"{VOCABULARY_DIR}/taxonomy.yaml",
            "modality": f"{VOCABULARY_DIR}/taxonomy.yaml",
            "task": f"{VOCABULARY_DIR}/taxonomy.yaml",
            "dataset": f"{VOCABULARY_DIR}/datasets.yaml",
            "benchmark": f"{VOCABULARY_DIR}/benchmarks.yaml",
        }

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path, shown: str) -> Document | None:
        """The document of `path`, shown in problems as `shown` (the path from the root), or None after reporting why not."""
        document, problems = read_yaml(path, shown)
        self.problems.extend(problems)
        return document

    def walker(self, document: Document) -> Walker:
        return Walker(document, self.vocabularies, self.problems, self.hints)

    def vocabulary_entries(self, name: str, spec: Spec, keyed: bool) -> list[Entry]:
        """Read a vocabulary file: a list of mappings, or (keyed) a mapping of key -> mapping."""
        path = self.root / VOCABULARY_DIR / name
        if not path.exists():
            self.problems.append(Problem(self.shown(path), 1, "file", "vocabulary file is missing"))
            return []
        document = self.read(path, self.shown(path))
        if document is None:
            return []
        walker = self.walker(document)
        value = document.value
        entries: list[Entry] = []
        if keyed:
            if not isinstance(value, dict):
                walker.report("", "expected a mapping of names to entries")
                return []
            items: Iterable[tuple[str, Any]] = value.items()
        else:
            if not isinstance(value, list):
                walker.report("", "expected a list of entries")
                return []
            items = ((f"[{index}]", item) for index, item in enumerate(value))
        for key, item in items:
            clean = walker.check(item, spec, key)
            if clean is not INVALID:
                entries.append((walker, key, clean))
        return entries


def unique(walker: Walker, field_path: str, value: str, seen: dict[str, str], what: str) -> bool:
    """Record `value` as seen, or report it as defined twice."""
    if value in seen:
        walker.report(field_path, f"{what} '{value}' is defined twice (first at {seen[value]})")
        return False
    seen[value] = f"line {walker.document.line(field_path)}"
    return True
