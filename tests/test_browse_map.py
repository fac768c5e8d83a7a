"""The taxonomy map: exact SVG for the fixture taxonomy, escaped labels, a link with its count on
every node, on the taxonomy overview and (compact) on the home page; in the browser a click on a
node opens its page."""

from __future__ import annotations

import itertools
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from adgdm.data.catalogue import Catalogue, load_catalogue
from adgdm.site.compose import make_context, render_site
from adgdm.site.context import Context
from adgdm.site.pages.home import CORE_AXES
from adgdm.site.pages.taxonomy_map import axis_map, layout

from .conftest import FIXTURES, recording_page

GOLDEN = FIXTURES / "golden" / "taxonomy_map_methodology.html"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return make_context(load_catalogue(FIXTURES / "browse"))


def readable(html: str) -> str:
    return html.replace("><", ">\n<") + "\n"


def test_the_map_of_the_fixture_methodology_axis_is_exactly_the_golden_one(ctx: Context) -> None:
    html = axis_map(ctx, "taxonomy/index.md", ctx.catalogue.taxonomy["methodology"], "map-methodology")
    assert readable(html) == GOLDEN.read_text(encoding="utf-8")


def test_every_node_is_a_link_to_its_page_with_its_count(ctx: Context) -> None:
    html = axis_map(ctx, "taxonomy/index.md", ctx.catalogue.taxonomy["modality"], "map-modality")
    svg = ET.fromstring(re.search(r"<svg.*</svg>", html, re.S).group())  # type: ignore[union-attr]
    links = svg.findall(f"{SVG}a")
    below = [item.node.id for item in layout(ctx, ctx.catalogue.taxonomy["modality"])]
    assert [a.get("data-node") for a in links] == below
    for a in links:
        node = a.get("data-node") or ""
        count = len(ctx.index.by_node.get(node, ()))
        assert a.get("href") == f"../taxonomy/{node}/"
        assert a.get("data-count") == str(count)
        texts = [t.text for t in a.findall(f"{SVG}text")]
        assert texts == [ctx.catalogue.taxonomy[node].label, str(count)]
    assert svg.find(f"{SVG}title").text == "Map of the Data modality axis"  # type: ignore[union-attr]
    assert svg.get("aria-labelledby") == "map-modality-title map-modality-desc"
    # An empty node is drawn, and marked, rather than left out.
    empty = [a for a in links if a.get("data-count") == "0"]
    assert all("adgdm-map-empty" in (a.get("class") or "") for a in empty)


def test_a_parent_sits_between_its_first_and_last_child(ctx: Context) -> None:
    placed = layout(ctx, ctx.catalogue.taxonomy["modality"])
    by_id = {item.node.id: item for item in placed}
    for item in placed:
        children = [c for c in placed if c.parent == item.node.id]
        if children:
            assert item.y == (children[0].y + children[-1].y) / 2
        assert item.parent is None or by_id[item.parent].depth == item.depth - 1
    leaves = sorted(item.y for item in placed if not any(c.parent == item.node.id for c in placed))
    assert [b - a for a, b in itertools.pairwise(leaves)] == [30.0] * (len(leaves) - 1)


def test_a_hostile_label_stays_text(tmp_path: Path) -> None:
    root = tmp_path / "browse"
    shutil.copytree(FIXTURES / "browse", root)
    vocabulary = root / "papers" / "vocabulary" / "taxonomy.yaml"
    hostile = '</text><script>alert(1)</script><a href="javascript:x">&amp;</a>'
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace('label: "Density-based"', f"label: {hostile!r}".replace("'", '"'), 1)
                          if 'label: "Density-based"' in text else text.replace("label: Density-based", f"label: '{hostile}'", 1),
                          encoding="utf-8")
    ctx = make_context(load_catalogue(root))
    html = axis_map(ctx, "taxonomy/index.md", ctx.catalogue.taxonomy["methodology"], "map-methodology")
    assert "<script>" not in html and "javascript:" not in html.replace("javascript:x&quot;", "")
    svg = ET.fromstring(re.search(r"<svg.*</svg>", html, re.S).group())  # type: ignore[union-attr]
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert hostile in labels
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == [
        "../taxonomy/methodology/", "../taxonomy/reconstruction-based/", "../taxonomy/basic-reconstruction/",
        "../taxonomy/density-based/"]


def test_the_overview_maps_every_axis_and_the_home_page_the_core_ones(ctx: Context) -> None:
    site = render_site(ctx)
    overview = site.pages["taxonomy/index.md"]
    roots = [node.id for node in ctx.index.roots()]
    assert re.findall(r'<figure class="adgdm-map-figure" id="map-([a-z-]+)">', overview) == roots
    assert overview.count('<a class="adgdm-map-') == len(ctx.catalogue.taxonomy)


def test_the_real_home_page_and_overview_carry_at_least_fifteen_linked_nodes(catalogue: Catalogue) -> None:
    from adgdm.site.snippets import fill_markers
    ctx = make_context(catalogue)
    home, unknown = fill_markers(ctx, "index.md", "<!-- adgdm:taxonomy-map -->")
    assert unknown == []
    assert re.findall(r'<figure class="adgdm-map-figure" id="home-map-([a-z-]+)">', home) == list(CORE_AXES)
    assert len(re.findall(r'<a class="adgdm-map-(?:node|axis)', home)) >= 15
    assert 'href="taxonomy/reconstruction-scoring/"' in home
    overview = render_site(ctx).pages["taxonomy/index.md"]
    assert len(re.findall(r'<a class="adgdm-map-node', overview)) >= 15


def test_clicking_a_node_of_the_map_opens_its_page(browser: Any, site_url: str, catalogue: Catalogue) -> None:
    with recording_page(browser, site_url) as page:
        page.goto(site_url + "taxonomy/", wait_until="networkidle")
        node = page.locator('#map-scoring a[data-node="reconstruction-scoring"]')
        count = node.get_attribute("data-count")
        node.click()
        page.wait_for_url(site_url + "taxonomy/reconstruction-scoring/")
        assert page.inner_text("h1") == "Reconstruction-based scoring"
        assert page.locator("h2", has_text=f"Papers ({count})").count() == 1
        # The map's links are reachable from the keyboard.
        page.goto(site_url, wait_until="networkidle")
        page.focus('#home-map-conditioning a[data-node="conditional"]')
        page.keyboard.press("Enter")
        page.wait_for_url(site_url + "taxonomy/conditional/")
