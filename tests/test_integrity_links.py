"""Site integrity: every local link and resource of the built site resolves, anchors included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from .site_tools import ParsedPage, html_pages, page_url, parse_html

# Schemes a link on the site may use to leave it; anything else (javascript:, data:, ...) is a defect.
OUTWARD_SCHEMES = frozenset({"http", "https", "mailto"})


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, ParsedPage]:
    """Every page of the real site by its URL path ('' for the home page)."""
    return {page_url(built_site, path): parse_html(path.read_text(encoding="utf-8")) for path in html_pages(built_site)}


def local_file(site: Path, path: str) -> Path | None:
    """The file a site-relative URL path is served from, or None."""
    candidate = site / unquote(path)
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, site_url: str, pages: dict[str, ParsedPage]) -> list[str]:
    broken = []
    for url, page in pages.items():
        base = site_url + url
        where = "/" + url
        for tag, attribute, value in page.urls():
            target = urljoin(base, value.strip())
            parts = urlsplit(target)
            if not target.startswith(site_url):
                if parts.scheme not in OUTWARD_SCHEMES:
                    broken.append(f"{where}: <{tag} {attribute}={value!r}> uses a scheme the site never links with")
                continue
            path = parts.path.removeprefix(urlsplit(site_url).path)
            file = local_file(site, path)
            if file is None:
                broken.append(f"{where}: <{tag} {attribute}={value!r}> points to a missing {path or 'home page'}")
            elif parts.fragment and file.suffix == ".html":
                target_page = pages[page_url(site, file)]
                if unquote(parts.fragment) not in target_page.ids:
                    broken.append(f"{where}: <{tag} {attribute}={value!r}> points to a missing anchor")
    return broken


def test_every_local_href_and_src_resolves_to_a_file_and_anchor(built_site: Path, pages: dict[str, ParsedPage]) -> None:
    site_url = next(e.attrs["href"] for e in pages[""].elements if e.tag == "link" and e.attrs.get("rel") == "canonical")
    assert broken_links(built_site, site_url, pages) == []


def test_the_link_check_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../b/">b</a><a href="#here">ok</a>'
                                               '<a href="#gone">x</a><img src="../pic.png">', encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="a/#here">a</a><a href="javascript:alert(1)">x</a>', encoding="utf-8")
    site_pages = {page_url(tmp_path, p): parse_html(p.read_text(encoding="utf-8")) for p in html_pages(tmp_path)}
    assert sorted(broken_links(tmp_path, "http://127.0.0.1:1/", site_pages)) == [
        "/: <a href='javascript:alert(1)'> uses a scheme the site never links with",
        "/a/: <a href='#gone'> points to a missing anchor",
        "/a/: <a href='../b/'> points to a missing b/",
        "/a/: <img src='../pic.png'> points to a missing pic.png",
    ]
