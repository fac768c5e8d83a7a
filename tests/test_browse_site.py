"""Browsing pages in the real built site: one page per node, venue, year, author letter and modality,
counts equal to the catalogue's, links that resolve, the sidebar, search and charts in a browser."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from adgdm.data.catalogue import Catalogue
from adgdm.data.urls import author_letter, node_bib, slugify, url_of, venue_bib
from adgdm.site.compose import make_context, render_site
from adgdm.site.pages.modality import MODALITY_VIEWS

BROWSING = ("taxonomy", "modalities", "crosstab", "venues", "years", "authors")


def served(site: Path, url_path: str) -> Path:
    """The file a static server answers for a site-relative URL path."""
    target = site / url_path.lstrip("/")
    return target / "index.html" if url_path.endswith("/") or not url_path else target


def article(site: Path, url_path: str) -> str:
    text = served(site, url_path).read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', text, re.S)
    assert match, url_path
    return match.group(1)


def test_a_page_for_every_node_venue_year_author_letter_and_modality(built_site: Path, catalogue: Catalogue) -> None:
    ctx = make_context(catalogue)
    urls = [f"taxonomy/{node}/" for node in catalogue.taxonomy]
    urls += [f"venues/{slugify(venue)}/" for venue in ctx.index.by_venue]
    urls += [f"years/{year}/" for year in ctx.index.by_year]
    urls += sorted({f"authors/{author_letter(a.family)}/" for p in catalogue.papers for a in p.authors})
    urls += [f"modalities/{view.node}/" for view in MODALITY_VIEWS if view.node in catalogue.taxonomy]
    urls += [f"{family}/" for family in BROWSING]
    missing = [url for url in urls if not served(built_site, url).exists()]
    assert missing == []


def test_every_paper_is_listed_on_its_year_venue_and_author_pages(built_site: Path, catalogue: Catalogue) -> None:
    pages: dict[str, str] = {}
    for paper in catalogue.papers:
        link = f"papers/{paper.id}/"
        places = [f"years/{paper.year}/", f"venues/{slugify(paper.venue)}/",
                  *(f"authors/{author_letter(a.family)}/" for a in paper.authors)]
        for place in places:
            body = pages.setdefault(place, article(built_site, place))
            assert link in body, (paper.id, place)


def test_the_overview_counts_equal_the_catalogues(built_site: Path, catalogue: Catalogue) -> None:
    ctx = make_context(catalogue)
    body = article(built_site, "taxonomy/")
    shown = {node: int(count) for node, count in re.findall(r'data-node="([a-z0-9-]+)" data-count="(\d+)"', body)}
    assert shown == {node: len(ctx.index.by_node.get(node, ())) for node in catalogue.taxonomy}
    assert shown["modality"] == shown["task"] == len(catalogue.papers)  # every paper has a modality and a task


def test_links_on_browsing_pages_resolve(built_site: Path) -> None:
    broken = []
    for family in BROWSING:
        for page in sorted((built_site / family).rglob("index.html")):
            url = "/" + page.relative_to(built_site).parent.as_posix() + "/"
            for href in re.findall(r'<a href="([^"]+)"', article(built_site, url)):
                target = urlparse(urljoin(url, html.unescape(href)))
                if target.scheme or target.netloc or target.path.endswith(".bib"):
                    continue
                if not served(built_site, target.path).exists():
                    broken.append((url, href))
    assert broken == []


def test_bulk_bibtex_links_point_at_generated_files(catalogue: Catalogue) -> None:
    site = render_site(make_context(catalogue))
    if not any(path.startswith("downloads/taxonomy/") for path in site.files):
        pytest.skip("the per-node .bib files are not generated yet")
    for path, markdown in site.pages.items():
        for href in re.findall(r'<a href="([^"]+\.bib)" download>', markdown):
            resolved = urlparse(urljoin("/" + url_of(path), href)).path.lstrip("/")
            assert resolved in site.files, (path, href)
    ctx = make_context(catalogue)
    assert all(node_bib(node) in site.files for node in ctx.index.by_node)
    assert all(venue_bib(venue) in site.files for venue in ctx.index.by_venue)


def test_the_sidebar_lists_the_browsing_indices_not_the_papers(built_site: Path) -> None:
    page = served(built_site, "taxonomy/").read_text(encoding="utf-8")
    sidebar = re.search(r'<div class="md-sidebar md-sidebar--primary".*?<div class="md-sidebar md-sidebar--secondary"', page, re.S)
    assert sidebar
    labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', sidebar.group(0))
    browse = ["Taxonomy overview", "Modalities", "Venues", "Years", "Authors", "Cross-tab"]
    assert [label for label in labels if label in browse] == browse
    assert "papers/" not in sidebar.group(0) and "/years/20" not in sidebar.group(0)


def test_node_pages_show_their_breadcrumb_trail(built_site: Path, catalogue: Catalogue) -> None:
    ctx = make_context(catalogue)
    for node in catalogue.taxonomy.values():
        body = article(built_site, f"taxonomy/{node.id}/")
        trail = re.search(r'<nav class="adgdm-crumbs" aria-label="Breadcrumb"><ol>(.*?)</ol></nav>', body)
        assert trail, node.id
        steps = [html.unescape(step) for step in re.findall(r"<li[^>]*>(?:<a [^>]*>)?([^<]+)", trail.group(1))]
        assert steps == ["Taxonomy", *(a.label for a in ctx.index.ancestors(node.id)), node.label]


def search(page: object, site_url: str, text: str) -> list[str]:
    """Type into Material's search box and return the result links."""
    page.goto(site_url)  # type: ignore[attr-defined]
    page.keyboard.press("/")  # type: ignore[attr-defined]
    # Type only once the search worker has built its index: a query typed earlier may never run.
    page.wait_for_function(  # type: ignore[attr-defined]
        "(meta => meta && !/initializing/i.test(meta.textContent))(document.querySelector('.md-search-result__meta'))")
    page.locator("input.md-search__input").press_sequentially(text)  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelectorAll('li.md-search-result__item > a').length > 0")  # type: ignore[attr-defined]
    # Material shows ten results and the next ten each time the list is scrolled to its end.
    for _ in range(3):
        shown = page.eval_on_selector_all("li.md-search-result__item > a", "links => links.length")  # type: ignore[attr-defined]
        page.eval_on_selector(".md-search__scrollwrap", "wrap => wrap.scrollTo(0, wrap.scrollHeight)")  # type: ignore[attr-defined]
        page.wait_for_timeout(300)  # type: ignore[attr-defined]
        if page.eval_on_selector_all("li.md-search-result__item > a", "links => links.length") == shown:  # type: ignore[attr-defined]
            break
    hrefs = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "li.md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")
    return [urlparse(href).path for href in hrefs]


def test_search_finds_a_venue_page_and_its_papers(page: object, site_url: str, catalogue: Catalogue) -> None:
    results = search(page, site_url, "MICCAI")
    assert "/venues/miccai/" in results
    miccai = {f"/papers/{p.id}/" for p in catalogue.papers if p.venue == "MICCAI"}
    assert miccai & set(results)
    assert page.outside == []  # type: ignore[attr-defined]


def test_search_finds_the_video_modality_page(page: object, site_url: str) -> None:
    results = search(page, site_url, "video")
    assert "/modalities/video/" in results
    assert any(path.startswith("/papers/") for path in results)


def test_the_home_page_draws_its_charts_in_the_browser(page: object, site_url: str, catalogue: Catalogue) -> None:
    page.goto(site_url)  # type: ignore[attr-defined]
    for chart in ("chart-years", "chart-venues", "chart-code"):
        svg = page.locator(f"#{chart} svg")  # type: ignore[attr-defined]
        assert svg.is_visible()
        assert svg.get_attribute("role") == "img"
        assert svg.bounding_box()["height"] > 40
    drawn = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#chart-years rect[data-count]", "rects => rects.reduce((sum, r) => sum + Number(r.dataset.count), 0)")
    assert drawn == len(catalogue.papers)
    assert page.outside == []  # type: ignore[attr-defined]


def test_node_tables_sort_in_the_browser(page: object, site_url: str) -> None:
    page.goto(site_url + "taxonomy/image/")  # type: ignore[attr-defined]
    table = page.locator("table.adgdm-papers").first  # type: ignore[attr-defined]
    table.locator("th button", has_text="Year").click()
    years = [int(text) for text in table.locator("tbody tr td:nth-child(3)").all_inner_texts()]
    assert years == sorted(years) and len(years) > 1


def test_the_site_search_finds_papers_by_their_summary(built_site: Path, catalogue: Catalogue) -> None:
    import json
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        by_page[doc["location"].split("#")[0]] = by_page.get(doc["location"].split("#")[0], "") + " " + doc["text"]
    summarised = [p for p in catalogue.papers if p.summary]
    assert len(summarised) >= 0.98 * len(catalogue.papers)
    for paper in summarised[::10]:  # every tenth paper: its page's indexed text holds its summary
        text = html.unescape(re.sub(r"\s+", " ", by_page[url_of(f"papers/{paper.id}.md")]))
        assert html.unescape(paper.summary) in text, paper.id
