"""Site integrity in Chromium: pages ask nothing of any host but the site's own, and every request they make succeeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .site_tools import html_pages, page_url


def one_page_per_section(site: Path) -> list[str]:
    """The home page, then the first page of every top-level folder: one of each kind of page."""
    first: dict[str, str] = {}
    for path in html_pages(site):
        url = page_url(site, path)
        first.setdefault(url.split("/", 1)[0] if "/" in url else url, url)
    return sorted(first.values())


def test_pages_load_nothing_from_other_hosts_and_nothing_missing(built_site: Path, site_url: str, page: Any) -> None:
    failed: list[str] = []
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    # A request cut short by leaving the page (net::ERR_ABORTED) is not a broken resource.
    page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}")
            if "ERR_ABORTED" not in (request.failure or "") else None)
    visited = one_page_per_section(built_site)
    assert {"", "explorer/"} <= set(visited) and any(url.startswith("papers/") for url in visited)
    for url in visited:
        page.goto(site_url + url, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("diffusion")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.outside == []
    assert failed == []
