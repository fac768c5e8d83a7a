"""Small pieces every browsing page shares: the breadcrumb trail, download links, count lists."""

from __future__ import annotations

from collections.abc import Sequence

from ...data.urls import href
from ..markup import esc, link
from .tables import count_text

Crumb = tuple[str, str]
"""A step of a breadcrumb trail: its label and the page (.md) it leads to."""


def page_href(page: str, target: str) -> str:
    """`urls.href` that also accepts an anchor: 'venues/index.md#journal', or '#journal' on the same page."""
    path, _, anchor = target.partition("#")
    fragment = f"#{anchor}" if anchor else ""
    return href(page, path) + fragment if path else fragment


def breadcrumbs(page: str, trail: Sequence[Crumb], current: str) -> str:
    """An accessible breadcrumb trail ending at the current page (not linked)."""
    steps = [f"<li>{link(page_href(page, target), label)}</li>" for label, target in trail]
    steps.append(f'<li aria-current="page">{esc(current)}</li>')
    return f'<nav class="adgdm-crumbs" aria-label="Breadcrumb"><ol>{"".join(steps)}</ol></nav>'


def bib_download(page: str, bib_path: str, count: int) -> str:
    """A link to a bulk BibTeX file, or '' when there is nothing to download."""
    if not count:
        return ""
    return (f'<p class="adgdm-download"><a href="{esc(href(page, bib_path))}" download>'
            f"Download BibTeX</a> of these {count_text(count)} (one .bib file).</p>")


def counted_links(page: str, items: Sequence[tuple[str, str, int]], css: str = "adgdm-counted") -> str:
    """A list of links with a paper count each: (label, target page, count)."""
    entries = "".join(
        f'<li>{link(page_href(page, target), label)} <span class="adgdm-count">{count}</span></li>'
        for label, target, count in items
    )
    return f'<ul class="{css}">{entries}</ul>'
