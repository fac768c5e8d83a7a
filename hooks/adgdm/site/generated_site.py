"""The whole generated site as data: Markdown pages, downloadable files, and each page's source.

Producers (pages/) fill one GeneratedSite; compose.py runs them in order. The MkDocs adapter
registers the result as virtual files, and `write_site` writes the same result to a folder,
so another static-site generator can take over by changing only the adapter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .context import Context


@dataclass
class GeneratedSite:
    pages: dict[str, str] = field(default_factory=dict)
    """Page path (e.g. 'papers/x.md') -> Markdown."""
    files: dict[str, str] = field(default_factory=dict)
    """File path (e.g. 'downloads/papers.bib') -> text."""
    sources: dict[str, str] = field(default_factory=dict)
    """Page path -> the data file it is generated from, for "edit this page" links."""

    def add_page(self, path: str, markdown: str, source: str = "") -> None:
        if path in self.pages:
            raise ValueError(f"two producers generate {path}")
        self.pages[path] = markdown
        if source:
            self.sources[path] = source

    def add_file(self, path: str, text: str) -> None:
        if path in self.files:
            raise ValueError(f"two producers generate {path}")
        self.files[path] = text


Producer = Callable[[Context, GeneratedSite], None]
"""Adds one family of pages or files to the site."""


def write_site(site: GeneratedSite, folder: Path) -> None:
    """Write every generated page and file under `folder` (for other generators, or to inspect)."""
    for path, text in sorted({**site.pages, **site.files}.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
