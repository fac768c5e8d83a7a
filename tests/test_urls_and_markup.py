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


# Every address the site builds from an identifier, as a golden string.

def test_every_page_and_file_address() -> None:
    from adgdm.data import urls
    assert [
        urls.paper_yaml("doe2024x"), urls.node_bib("image"), urls.venue_bib("IEEE TMI"), urls.paper_bib("doe2024x"),
        urls.paper_ris("doe2024x"), urls.taxonomy_index(), urls.modalities_index(), urls.modality_page("video"),
        urls.venues_index(), urls.years_index(), urls.crosstab_index(), urls.crosstab_page("image", "scoring"),
        urls.authors_index(), urls.author_page("b"), urls.explorer_page(), urls.explorer_json(), urls.bibtex_json(),
        urls.benchmarks_index(), urls.benchmark_page("mvtec"), urls.benchmark_csv("mvtec"), urls.results_json(),
        urls.datasets_index(), urls.dataset_page("fix-images"), urls.related_surveys_page(), urls.quality_page(),
        urls.whats_new_page(), urls.atom_feed(), urls.INDEX_SLUG,
    ] == [
        "papers/doe2024x.yaml", "downloads/taxonomy/image.bib", "downloads/venues/ieee-tmi.bib", "downloads/papers/doe2024x.bib",
        "downloads/papers/doe2024x.ris", "taxonomy/index.md", "modalities/index.md", "modalities/video.md",
        "venues/index.md", "years/index.md", "crosstab/index.md", "crosstab/image/scoring.md",
        "authors/index.md", "authors/b.md", "explorer.md", "downloads/explorer.json", "downloads/bibtex.json",
        "benchmarks/index.md", "benchmarks/mvtec.md", "downloads/benchmarks/mvtec.csv", "downloads/results.json",
        "datasets/index.md", "datasets/fix-images.md", "related-surveys.md", "quality.md",
        "whats-new.md", "feed.xml", "index",
    ]


@pytest.mark.parametrize(("text", "slug"), [
    ("Straße", "strasse"), ("Łódź 2024", "lodz-2024"), ("Œuvre Æther", "oeuvre-aether"), ("  --A--  ", "a"),
    ("王", "x"), ("", "x"), ("NeurIPS'24", "neurips-24"), ("ﬁne", "fine"),
])
def test_slugs_fold_to_lower_case_ascii_words(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(("page", "url"), [
    ("papers/x.md", "papers/x/"), ("index.md", ""), ("taxonomy/index.md", "taxonomy/"), ("a/b/index.md", "a/b/"),
    ("indexes.md", "indexes/"), ("myindex.md", "myindex/"), ("crosstab/a/b.md", "crosstab/a/b/"),
])
def test_url_of(page: str, url: str) -> None:
    assert url_of(page) == url


@pytest.mark.parametrize(("from_page", "to", "link"), [
    ("papers/a.md", "papers/a.md", "../../papers/a/"),
    ("crosstab/a/b.md", "index.md", "../../../"),
    ("crosstab/a/b.md", "feed.xml", "../../../feed.xml"),
    ("index.md", "feed.xml", "feed.xml"),
    ("explorer.md", "index.md", "../"),
    ("taxonomy/index.md", "taxonomy/index.md", "../taxonomy/"),
])
def test_href_more(from_page: str, to: str, link: str) -> None:
    assert href(from_page, to) == link


@pytest.mark.parametrize(("family", "letter"), [
    ("Özkan", "o"), ("Aaron", "a"), ("Zed", "z"), ("  de Vries", "d"), ("Łukasz", "l"), ("王", "other"), ("1st", "other"),
    ("", "other"), ("ábel", "a"), ("Ýmir", "y"), ("_under", "other"), ("`tick", "other"), ("[x]", "other"),
])
def test_author_letter(family: str, letter: str) -> None:
    from adgdm.data.urls import author_letter
    assert author_letter(family) == letter


@pytest.mark.parametrize(("sort_key", "anchor"), [
    ("Božič, Aljaž", "bozic-aljaz"), ("O'Neil, J.-P.", "o-neil-j-p"), ("王, 芳", "u738b-82b3"), ("王", "u738b"),
    ("Li, 芳", "li"), ("X, X.", "x-x"), ("-, '", "u"),
])
def test_author_anchor(sort_key: str, anchor: str) -> None:
    from adgdm.data.urls import author_anchor
    assert author_anchor(sort_key) == anchor


# The markup helpers, as golden strings.

def test_links() -> None:
    from adgdm.site.markup import link
    assert link("../a/", "A & B") == '<a href="../a/">A &amp; B</a>'
    assert link('x"y', "<T>", css="adgdm-pill") == '<a href="x&quot;y" class="adgdm-pill">&lt;T&gt;</a>'
    assert external_link("http://a.org/'x", "A") == "A"
    assert external_link("https://a.org/x", "it's <A>") == '<a href="https://a.org/x" rel="noopener">it&#x27;s &lt;A&gt;</a>'


def test_esc_escapes_quotes_and_turns_anything_into_text() -> None:
    assert esc("'\"") == "&#x27;&quot;"
    assert esc(12) == "12"
    assert esc(None) == "None"


def test_front_matter_sorts_extra_keys_and_keeps_non_ascii() -> None:
    from adgdm.site.markup import front_matter
    assert front_matter("Božič & co", extra={"search": {"exclude": True}, "hide": ["toc"], "é": "ü"}) == (
        '---\ntitle: "Božič &amp; co"\nhide: ["toc"]\nsearch: {"exclude": true}\né: "ü"\n---\n\n'
    )
    assert front_matter("T", "Ä <d>") == '---\ntitle: "T"\ndescription: "Ä &lt;d&gt;"\n---\n\n'
    assert front_matter("T") == '---\ntitle: "T"\n---\n\n'


def test_headings_carry_their_level_and_escaped_anchor() -> None:
    assert heading("A", 2) == "<h2>A</h2>\n\n"
    assert heading("A & B", 3, anchor='a"b') == '<h3 id="a&quot;b">A &amp; B</h3>\n\n'


def test_block_wraps_html_in_a_div_with_blank_lines() -> None:
    from adgdm.site.markup import block
    assert block("<p>x</p>") == '\n<div class="adgdm-block">\n<p>x</p>\n</div>\n\n'


def test_html_table_golden() -> None:
    from adgdm.site.markup import Cell, Column, html_table
    columns = [Column("Name <n>"), Column("Year", numeric=True)]
    rows = [["<b>A</b>", Cell("2024", sort_value="2024", css="num")], [Cell("B"), Cell("—", sort_value='1"0')]]
    assert html_table(columns, rows, css="adgdm-table", caption="Papers & more") == "\n".join([
        '<table class="adgdm-table">',
        "<caption>Papers &amp; more</caption>",
        '<thead><tr><th scope="col">Name &lt;n&gt;</th><th scope="col" data-type="number">Year</th></tr></thead>',
        "<tbody>",
        '<tr><td><b>A</b></td><td data-value="2024" class="num">2024</td></tr>',
        '<tr><td>B</td><td data-value="1&quot;0">—</td></tr>',
        "</tbody></table>",
    ])
    assert html_table([Column("A")], []) == '<table>\n<thead><tr><th scope="col">A</th></tr></thead>\n<tbody>\n</tbody></table>'
