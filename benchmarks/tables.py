"""Markdown tables for the benchmarks' printed results (pasted as they are into benchmarks/README.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[str]], left: int = 1) -> str:
    """A table whose first `left` columns are aligned left and the others (figures) right."""
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" if i < left else "---:" for i in range(len(headers))) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)
