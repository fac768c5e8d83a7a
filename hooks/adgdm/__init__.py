"""ADGDM catalogue: load, check, index and render the papers of the survey's companion site.

The public API: what the MkDocs adapter (hooks/mkdocs_adapter.py), the command line and the
benchmarks/ scripts use. This package never imports MkDocs. The stages, each importing only
from itself and the stages before it: data/ (read and check the YAML into frozen records, the
index, URLs), citations/ (BibTeX and the other formats), site/ (the pages and files of the
site), contrib/ (the contributors' and maintainers' commands).

Each name is imported from its module on first use, so `python -m adgdm check` does not load
the site's renderers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the same names as _HOMES, for type checkers and readers
    from .cli import main
    from .data.catalogue import Catalogue, load_catalogue
    from .data.keys import make_key
    from .data.load_state import PAPERS_DIR
    from .data.papers import paper_files
    from .data.problems import InvalidData, Problem
    from .data.safe_yaml import parse_yaml
    from .data.text import ascii_fold, normalise_title
    from .data.urls import explorer_json, explorer_page, node_page, paper_page, url_of
    from .site.compose import build_warnings, make_context, render_site
    from .site.context import Context, SiteOptions
    from .site.generated_site import GeneratedSite, write_site
    from .site.snippets import fill_markers

__version__ = "0.1.0"

__all__ = [
    "PAPERS_DIR",
    "Catalogue",
    "Context",
    "GeneratedSite",
    "InvalidData",
    "Problem",
    "SiteOptions",
    "ascii_fold",
    "build_warnings",
    "explorer_json",
    "explorer_page",
    "fill_markers",
    "load_catalogue",
    "main",
    "make_context",
    "make_key",
    "node_page",
    "normalise_title",
    "paper_files",
    "paper_page",
    "parse_yaml",
    "render_site",
    "url_of",
    "write_site",
]

_HOMES = {
    "main": "cli",
    "Catalogue": "data.catalogue",
    "load_catalogue": "data.catalogue",
    "make_key": "data.keys",
    "PAPERS_DIR": "data.load_state",
    "paper_files": "data.papers",
    "InvalidData": "data.problems",
    "Problem": "data.problems",
    "parse_yaml": "data.safe_yaml",
    "ascii_fold": "data.text",
    "normalise_title": "data.text",
    "explorer_json": "data.urls",
    "explorer_page": "data.urls",
    "node_page": "data.urls",
    "paper_page": "data.urls",
    "url_of": "data.urls",
    "build_warnings": "site.compose",
    "make_context": "site.compose",
    "render_site": "site.compose",
    "Context": "site.context",
    "SiteOptions": "site.context",
    "GeneratedSite": "site.generated_site",
    "write_site": "site.generated_site",
    "fill_markers": "site.snippets",
}
"""Public name -> the module (under adgdm) that defines it."""


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
