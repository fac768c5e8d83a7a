"""Each paper's BibTeX entry, built once per site build and shared by the cite boxes, the download
files and the explorer (a paper appears in about a dozen of them: its page, its own .bib, the
bulk file, the .bib of every node above it and of its venue)."""

from __future__ import annotations

from ..citations.bibtex import to_bibtex
from ..data.models import Paper
from .context import Context
from .memo import once_per


def paper_bibtex(ctx: Context, paper: Paper) -> str:
    """`to_bibtex(paper, its venue)`, computed at most once per paper of this catalogue."""
    entries: dict[str, tuple[Paper, str]] = once_per(ctx.catalogue, "bibtex-entries", dict)
    cached = entries.get(paper.id)
    if cached is None or cached[0] is not paper:  # a paper made elsewhere with the same id gets its own entry
        cached = entries[paper.id] = (paper, to_bibtex(paper, ctx.venue_of(paper)))
    return cached[1]
