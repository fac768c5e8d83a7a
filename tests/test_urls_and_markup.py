"""Page paths, relative links between generated pages, slugs, and escaping helpers."""

from __future__ import annotations

import pytest
from adgdm.data.spec import is_safe_url
from adgdm.data.urls import href, node_page, paper_page, slugify, url_of, venue_page, year_page
from adgdm.site.markup import esc, external_link, front_matter, heading


@pytest.mark.parametrize(("text", "slug"), [
    ("IEEE TMI", "ieee-tmi"), ("ESEC/FSE", "esec-fse"), ("Božič", "bozic"), ("ACM MM", "acm-mm"), ("!!!", "x"),
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_page_paths_and_urls() -> None:
    assert paper_page("pinaya2022fast") == "papers/pinaya2022fast.md"
    assert node_page("latent-space-reconstruction") == "taxonomy/latent-space-reconstruction.md"
    assert venue_page("IEEE TMI") == "venues/ieee-tmi.md"
    assert year_page(2024) == "years/2024.md"
    assert url_of("papers/x.md") == "papers/x/"
    assert url_of("index.md") == ""
    assert url_of("taxonomy/index.md") == "taxonomy/"


def test_relative_links_between_pages() -> None:
    assert href("papers/a.md", "venues/miccai.md") == "../../venues/miccai/"
    assert href("index.md", "papers/a.md") == "papers/a/"
    assert href("index.md", "index.md") == "./"
    assert href("papers/a.md", "index.md") == "../../"
    assert href("taxonomy/index.md", "downloads/papers.bib") == "../downloads/papers.bib"


@pytest.mark.parametrize(("url", "safe"), [
    ("https://github.com/a/b", True),
    ("http://example.org/x?y=1&z=2#top", True),
    ("javascript:alert(1)", False),
    ("data:text/html,x", False),
    ("https://example.org/a b", False),
    ('https://example.org/"onmouseover=x', False),
    ("//example.org/x", False),
    ("ftp://example.org", False),
])
def test_only_plain_http_urls_are_links(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_escaping_helpers() -> None:
    assert esc('<img src=x onerror="a">&') == "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;"
    assert external_link("javascript:alert(1)", "<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert external_link("https://a.org/?q=1&r=2", "A") == '<a href="https://a.org/?q=1&amp;r=2" rel="noopener">A</a>'
    assert heading("*not* <em>") == "<h1>*not* &lt;em&gt;</h1>\n\n"
    assert front_matter('Say "hi" <b>', "d") == '---\ntitle: "Say &quot;hi&quot; &lt;b&gt;"\ndescription: "d"\n---\n\n'
