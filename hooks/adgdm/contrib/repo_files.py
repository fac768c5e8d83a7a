"""Repository files that commands generate from the data (README tables, issue forms): write or check them."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path


def write_or_check(root: Path, files: Mapping[str, str], check: bool, command: str) -> int:
    """Write each file whose text differs, or (check) report it; the exit status is 1 when a check finds one."""
    stale = [path for path, text in sorted(files.items()) if _current(root / path) != text]
    if check:
        for path in stale:
            print(f"{path}: out of date with papers/; run `{command}` and commit the result", file=sys.stderr)
        if not stale:
            print(f"{', '.join(sorted(files))}: up to date")
        return 1 if stale else 0
    for path in stale:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files[path], encoding="utf-8", newline="\n")
        print(f"{path}: updated")
    for path in sorted(set(files) - set(stale)):
        print(f"{path}: already up to date")
    return 0


def _current(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
