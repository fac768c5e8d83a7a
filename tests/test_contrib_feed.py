"""What's new: the page of papers by date added, and an Atom feed that parses as XML and has
the structure RFC 4287 requires, with dates from the data only."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from adgdm.data.catalogue import Catalogue, load_catalogue
from adgdm.site.compose import make_context, render_site
from adgdm.site.context import SiteOptions
from adgdm.site.feed import ATOM_NS, atom_xml, recent_papers
from adgdm.site.pages.whatsnew import render_whats_new

from .conftest import CORPUS

A = f"{{{ATOM_NS}}}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
FEED_CHILDREN = {"author", "category", "contributor", "generator", "icon", "id", "link", "logo", "rights", "subtitle",
                 "title", "updated", "entry"}
ENTRY_CHILDREN = {"author", "category", "content", "contributor", "id", "link", "published", "rights", "source", "summary",
                  "title", "updated"}


def one(parent: ET.Element, name: str) -> ET.Element:
    found = parent.findall(A + name)
    assert len(found) == 1, f"{parent.tag} needs exactly one {name}, has {len(found)}"
    return found[0]


def assert_atom(feed: ET.Element) -> None:
    """The RFC 4287 rules a feed reader relies on (section 4.1)."""
    assert feed.tag == A + "feed"
    assert {child.tag for child in feed} <= {A + name for name in FEED_CHILDREN}
    for name in ("id", "title", "updated"):
        assert (one(feed, name).text or "").strip()
    assert RFC3339.fullmatch(one(feed, "updated").text or "")
    assert re.match(r"[a-z][a-z0-9+.-]*:", one(feed, "id").text or ""), "ids are absolute IRIs"
    links = feed.findall(A + "link")
    assert all(link.get("href") for link in links)
    assert [link.get("type") for link in links if link.get("rel") == "self"] == ["application/atom+xml"]
    feed_has_author = bool(feed.findall(A + "author"))
    ids = []
    for entry in feed.findall(A + "entry"):
        assert {child.tag for child in entry} <= {A + name for name in ENTRY_CHILDREN}
        for name in ("id", "title", "updated"):
            assert (one(entry, name).text or "").strip()
        assert RFC3339.fullmatch(one(entry, "updated").text or "")
        ids.append(one(entry, "id").text)
        if entry.find(A + "content") is None:
            assert [link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"]
        authors = entry.findall(A + "author")
        assert authors or feed_has_author
        assert all((one(author, "name").text or "").strip() for author in authors)
        for category in entry.findall(A + "category"):
            assert category.get("term")
    assert len(ids) == len(set(ids))


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_the_feed_is_atom_with_dates_from_the_data(corpus_catalogue: Catalogue) -> None:
    ctx = make_context(corpus_catalogue, SiteOptions(site_url="https://example.org/adgdm/"))
    feed = parse(atom_xml(ctx))
    assert_atom(feed)
    assert one(feed, "updated").text == "2025-01-05T00:00:00Z"  # the newest `added`, never the clock
    assert [link.attrib for link in feed.findall(A + "link")] == [
        {"rel": "self", "type": "application/atom+xml", "href": "https://example.org/adgdm/feed.xml"},
        {"rel": "alternate", "type": "text/html", "href": "https://example.org/adgdm/whats-new/"},
    ]
    entries = feed.findall(A + "entry")
    assert [one(e, "link").get("href") for e in entries] == [
        f"https://example.org/adgdm/papers/{key}/" for key in (
            "ada2021leader", "bay2021twin", "cole2021gap", "fox2021related", "poe2022book", "roe2023special",
            "doe2025fixture", "doe2024predecessor")]
    special = entries[5]
    assert one(special, "title").text == "Special Characters: 100% of #hash_tags & Braces in Titles"
    assert [a.findtext(A + "name") for a in special.findall(A + "author")] == ["Richard Roe", "Ann O'Neil"]
    assert one(special, "updated").text == one(special, "published").text == "2025-01-03T00:00:00Z"
    assert one(special, "summary").text == ("SPEC-1 (FCONF 2023): Image; anomaly detection. It uses a diffusion model. "
                                            "Listed by ADGDM and DMAD.")
    # A paper no survey lists says so, and carries its summary in the catalogue's words.
    assert one(entries[0], "summary").text == (
        "<LEAD> (FCONF 2021): Image; anomaly detection. It uses a diffusion model. Added by this site, not listed by the surveys.")
    assert [c.attrib for c in special.findall(A + "category")] == [
        {"term": "image", "label": "Image"}, {"term": "detection", "label": "Anomaly detection"}]


def test_the_feed_is_byte_identical_on_rebuild_and_its_ids_ignore_the_address(corpus_catalogue: Catalogue) -> None:
    here = atom_xml(make_context(corpus_catalogue, SiteOptions(site_url="http://127.0.0.1:8000/")))
    there = atom_xml(make_context(corpus_catalogue, SiteOptions(site_url="https://example.org/adgdm/")))
    assert here == atom_xml(make_context(corpus_catalogue, SiteOptions(site_url="http://127.0.0.1:8000/")))
    ids = [element.text for element in parse(here).iter(A + "id")]
    assert ids == [element.text for element in parse(there).iter(A + "id")]
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i or "") for i in ids)


def test_without_a_site_address_links_are_relative_to_the_feed(corpus_catalogue: Catalogue) -> None:
    feed = parse(atom_xml(make_context(corpus_catalogue)))
    assert_atom(feed)
    assert feed.findall(A + "link")[0].get("href") == "feed.xml"
    assert one(feed.findall(A + "entry")[0], "link").get("href") == "papers/ada2021leader/"


def test_markup_in_data_stays_text_in_the_feed(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    paper = root / "papers" / "bay2021twin.yaml"
    hostile = '<script>window.__pwned=1</script> & <img src=x onerror="alert(1)"> ]]>'
    paper.write_text(paper.read_text(encoding="utf-8").replace('"A Twin on the Fixture Board"', yaml_quoted(hostile)),
                     encoding="utf-8")
    text = atom_xml(make_context(load_catalogue(root), SiteOptions(site_url="https://example.org/")))
    assert "<script>" not in text and "<img" not in text
    titles = [one(entry, "title").text for entry in parse(text).findall(A + "entry")]
    assert hostile in titles


def yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_whats_new_lists_papers_by_date_added(corpus_catalogue: Catalogue) -> None:
    ctx = make_context(corpus_catalogue)
    page = render_whats_new(ctx)
    headings = re.findall(r"^## Added (\S+) \{#added-\1\}$", page, re.M)
    assert headings == ["2025-01-05", "2025-01-04", "2025-01-03", "2025-01-02"]
    assert "every paper" in page and '<a href="../feed.xml" type="application/atom+xml">Atom feed</a>' in page
    sections = re.split(r"^## Added ", page, flags=re.M)[1:]
    rows = [len(re.findall(r"<tr><td>", section)) for section in sections]
    assert rows == [4, 1, 1, 2]
    assert "<p>4 papers: 4 added by this site, 0 from the surveys.</p>" in sections[0]
    assert "<p>1 paper.</p>" in sections[2]  # roe2023special, which the surveys list
    assert "<td>ADGDM, DMAD</td>" in sections[2] and "<td>this site</td>" in sections[0]
    assert [p.id for p in recent_papers(corpus_catalogue, 3)] == ["ada2021leader", "bay2021twin", "cole2021gap"]


def test_the_site_registers_the_page_and_the_feed(corpus_catalogue: Catalogue) -> None:
    site = render_site(make_context(corpus_catalogue))
    assert "whats-new.md" in site.pages and "feed.xml" in site.files


def test_the_built_site_serves_the_feed_and_announces_it(built_site: Path, catalogue: Catalogue) -> None:
    feed = parse((built_site / "feed.xml").read_text(encoding="utf-8"))
    assert_atom(feed)
    newest = max(paper.added for paper in catalogue.papers)
    assert one(feed, "updated").text == f"{newest.isoformat()}T00:00:00Z"
    assert len(feed.findall(A + "entry")) == min(50, len(catalogue.papers))
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="ADGDM: papers new in the catalogue" href="feed.xml">' in home
    assert (built_site / "whats-new" / "index.html").is_file()


def test_a_browser_finds_the_feed_from_the_page(page: Any, site_url: str) -> None:
    page.goto(site_url + "whats-new/")
    href = page.eval_on_selector('link[rel=alternate][type="application/atom+xml"]', "link => link.href")
    assert href == site_url + "feed.xml"
    fetched = page.evaluate("async url => { const r = await fetch(url); return [r.status, await r.text()]; }", href)
    assert fetched[0] == 200 and "<feed xmlns=\"http://www.w3.org/2005/Atom\">" in fetched[1]
    assert page.locator("table.adgdm-papers tbody tr").count() >= 1
    assert page.locator("h1").inner_text() == "What's new"
    assert page.outside == []


def test_the_real_whats_new_and_feed_list_the_papers_this_site_added(catalogue: Catalogue) -> None:
    ctx = make_context(catalogue)
    page = render_whats_new(ctx)
    added = [p for p in recent_papers(catalogue) if ctx.catalogue.sources(p) == ("site",)]
    assert len(added) >= 150
    newest_first = recent_papers(catalogue, 250)
    for paper in added:
        if paper in newest_first:
            assert f'href="../papers/{paper.id}/"' in page, paper.id
    feed = parse(atom_xml(ctx))
    summaries = [one(entry, "summary").text or "" for entry in feed.findall(A + "entry")]
    newest = recent_papers(catalogue, 50)
    for paper, text in zip(newest, summaries, strict=True):
        assert text.endswith("Added by this site, not listed by the surveys.") == (paper in added), paper.id
        assert paper.summary in text
