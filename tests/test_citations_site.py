"""Citations on the built site: the cite box on paper pages, Highwire meta tags in the head, download
links that resolve, copying from the browser into LaTeX, and the repository's CITATION.cff."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from adgdm.citations.bibtex import to_bibtex
from adgdm.citations.csl import csl_json
from adgdm.citations.highwire import citation_meta
from adgdm.citations.ieee import to_ieee
from adgdm.data.catalogue import Catalogue
from adgdm.data.models import Paper
from adgdm.data.text import strip_braces
from adgdm.data.urls import url_of, venue_page

from .citation_tools import built_corpus, compile_with_biber, compile_with_bibtex
from .conftest import ROOT


def venue_url(short: str) -> str:
    return url_of(venue_page(short))


META = re.compile(r'<meta name="(citation_[a-z_]+|DC\.type)" content="([^"]*)">')


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_corpus(tmp_path_factory.mktemp("cite-project"))


def head(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[: text.index("</head>")]


def test_highwire_tags_are_in_the_head_and_escaped(corpus_site: Path) -> None:
    page_head = head(corpus_site / "papers/roe2023special/index.html")
    assert (
        '<meta name="citation_title" content="Special Characters: 100% of #hash_tags &amp; Braces in Titles">\n'
        '  <meta name="citation_author" content="Roe, Richard">\n'
        '  <meta name="citation_author" content="O&#39;Neil, Ann">\n'
        '  <meta name="citation_publication_date" content="2023">\n'
        '  <meta name="citation_conference_title" content="Fixture Conference on Anomalies &amp; Diffusion">\n'
        '  <meta name="citation_firstpage" content="1">\n'
        '  <meta name="citation_lastpage" content="9">\n'
        '  <meta name="citation_abstract_html_url" content="https://example.org/papers/special?id=1&amp;x=2">\n'
    ) in page_head
    assert "citation_" not in head(corpus_site / "index.html")
    assert "citation_" not in head(corpus_site / "venues/fconf/index.html")


def test_every_real_paper_page_carries_its_highwire_tags(built_site: Path, catalogue: Catalogue) -> None:
    for paper in catalogue.papers:
        found = [(name, html.unescape(content)) for name, content in META.findall(head(built_site / "papers" / paper.id / "index.html"))]
        assert found == citation_meta(paper, catalogue.venues[paper.venue]), paper.id


def test_the_cite_box_has_three_tabs_and_two_downloads(corpus_site: Path) -> None:
    text = (corpus_site / "papers/doe2025fixture/index.html").read_text(encoding="utf-8")
    section = text[text.index('<h2 id="cite">'):]
    labels = re.findall(r'<label for="__tabbed_1_\d">([^<]+)</label>', section)
    assert labels == ["BibTeX", "Plain text (IEEE)", "CSL-JSON"]
    assert ('<p class="adgdm-cite-downloads"><a href="../../downloads/papers/doe2025fixture.bib" download>Download .bib</a> · '
            '<a href="../../downloads/papers/doe2025fixture.ris" download>Download .ris</a></p>') in section
    blocks = re.findall(r"<code>(.*?)</code></pre>", section, re.S)
    assert len(blocks) >= 3
    assert html.unescape(re.sub(r"<[^>]+>", "", blocks[1])).startswith("J. Doe, B. Schölkopf, and A. Božič, “A Fixture Survey")
    assert json.loads(html.unescape(re.sub(r"<[^>]+>", "", blocks[2])))[0]["id"] == "doe2025fixture"


def test_every_download_link_on_the_site_resolves(built_site: Path) -> None:
    """Links to .bib, .ris, .json and .csv files in raw HTML are not checked by MkDocs: check them here."""
    targets = 0
    for page in built_site.rglob("*.html"):
        base = "http://site/" + page.relative_to(built_site).as_posix()
        for href in re.findall(r'href="([^"#?]+\.(?:bib|ris|csv|json))"', page.read_text(encoding="utf-8")):
            url = urljoin(base, html.unescape(href))
            if urlparse(url).netloc != "site":
                continue
            assert (built_site / urlparse(url).path.lstrip("/")).is_file(), f"{page}: {href}"
            targets += 1
    assert targets > 0


def test_the_home_and_cite_pages_show_the_survey_citation(built_site: Path, catalogue: Catalogue) -> None:
    survey = catalogue.paper(catalogue.surveys["adgdm"].paper)
    for page in ("index.html", "cite/index.html"):
        text = (built_site / page).read_text(encoding="utf-8")
        assert "<h3>Anomaly Detection and Generation with Diffusion Models: A Survey</h3>" in text
        assert f'<span class="nl">{survey.id}</span>' in text
    cite = (built_site / "cite/index.html").read_text(encoding="utf-8")
    assert "<h3>A Survey on Diffusion Models for Anomaly Detection</h3>" in cite
    for name in ("papers.bib", "papers.json", "papers.ris", "papers.csv"):
        assert f'href="../downloads/{name}"' in cite


def test_the_about_page_lists_the_entry_rules_from_the_code(built_site: Path) -> None:
    about = (built_site / "about/index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr><td>journal</td><td><code>@article</code></td><td><code>journal</code></td><td>(.*?)</td></tr>", about)
    assert row, "the BibTeX rules table is missing"
    assert re.findall(r"<code>(\w+)</code>", row.group(1)) == [
        "author", "title", "journal", "volume", "number", "pages", "year", "doi", "eprint", "archiveprefix", "url"]


def test_citation_cff_cites_the_survey_as_the_catalogue_does(catalogue: Catalogue) -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    survey = catalogue.paper("liu2025anomaly")
    assert cff["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(cff)
    cited = cff["preferred-citation"]
    names = [(a.family, a.given) for a in survey.authors]
    assert [(a["family-names"], a["given-names"]) for a in cited["authors"]] == names
    assert [(a["family-names"], a["given-names"]) for a in cff["authors"]] == names
    assert (cited["title"], cited["year"], cited["doi"]) == (survey.title, survey.year, survey.doi)
    assert cited["url"] == f"https://arxiv.org/abs/{survey.arxiv}"


# -- in the browser -------------------------------------------------------------------------------

def copy_tab(page: object, label: str) -> str:
    """Open a tab of the cite box, press its copy button, and return what landed on the clipboard."""
    box = page.locator("h2#cite + .tabbed-set")  # type: ignore[attr-defined]
    box.locator("label", has_text=label).click()
    index = ["BibTeX", "Plain text (IEEE)", "CSL-JSON"].index(label)
    box.locator(".tabbed-block").nth(index).locator("button.md-code__button[data-md-type=copy]").click()
    return str(page.evaluate("navigator.clipboard.readText()"))  # type: ignore[attr-defined]


def three_papers(catalogue: Catalogue) -> list[Paper]:
    """Papers of three different entry types (or as many as the catalogue has)."""
    chosen: dict[str, Paper] = {}
    for paper in catalogue.papers:
        chosen.setdefault(catalogue.venues[paper.venue].kind.replace("workshop", "conference"), paper)
    return list(chosen.values())[:3]


def test_bibtex_copied_from_three_paper_pages_compiles(page: object, site_url: str, catalogue: Catalogue, tmp_path: Path) -> None:
    copied = []
    for paper in three_papers(catalogue):
        page.goto(f"{site_url}papers/{paper.id}/")  # type: ignore[attr-defined]
        text = copy_tab(page, "BibTeX")
        assert text.rstrip("\n") == to_bibtex(paper, catalogue.venues[paper.venue]).rstrip("\n")
        copied.append(text)
    assert len(copied) == 3
    bib = "\n".join(copied)
    problems, bbl = compile_with_bibtex(bib, tmp_path / "bibtex")
    assert problems == [] and bbl.count(r"\bibitem{") == 3
    problems, bbl = compile_with_biber(bib, tmp_path / "biber")
    assert problems == [] and bbl.count(r"\entry{") == 3
    assert page.outside == []  # type: ignore[attr-defined]


def test_plain_text_and_csl_json_copy_from_the_page(page: object, site_url: str, catalogue: Catalogue) -> None:
    paper = catalogue.paper("liu2025anomaly")
    venue = catalogue.venues[paper.venue]
    page.goto(f"{site_url}papers/{paper.id}/")  # type: ignore[attr-defined]
    assert copy_tab(page, "Plain text (IEEE)").rstrip("\n") == to_ieee(paper, venue)
    assert json.loads(copy_tab(page, "CSL-JSON")) == json.loads(csl_json([(paper, venue)]))


def test_instant_navigation_swaps_the_highwire_tags(page: object, site_url: str, catalogue: Catalogue) -> None:
    """Zotero reads the live head: after an instant page change it must describe the new page."""
    venue = next(short for short in sorted(catalogue.venues) if sum(p.venue == short for p in catalogue.papers) >= 2)
    first, second = [p for p in catalogue.papers if p.venue == venue][:2]
    titles = "Array.from(document.head.querySelectorAll('meta[name=citation_title]')).map(m => m.content)"
    page.goto(f"{site_url}papers/{first.id}/")  # type: ignore[attr-defined]
    page.evaluate("window.adgdmMarker = 1")  # type: ignore[attr-defined]
    assert page.evaluate(titles) == [strip_braces(first.title)]  # type: ignore[attr-defined]
    page.locator(f"article a[href$='/{venue_url(venue)}']").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{site_url}{venue_url(venue)}")  # type: ignore[attr-defined]
    page.wait_for_function("!document.head.querySelector('meta[name^=citation_]')")  # type: ignore[attr-defined]
    page.locator(f"article a[href$='/papers/{second.id}/']").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{site_url}papers/{second.id}/")  # type: ignore[attr-defined]
    page.wait_for_function(f"{titles}[0] === {json.dumps(strip_braces(second.title))}")  # type: ignore[attr-defined]
    assert page.evaluate(titles) == [strip_braces(second.title)]  # type: ignore[attr-defined]
    authors = "Array.from(document.head.querySelectorAll('meta[name=citation_author]')).map(m => m.content)"
    assert page.evaluate(authors) == [a.sort_key for a in second.authors]  # type: ignore[attr-defined]
    # The marker survived: the page changed without a full load, as Material's instant navigation does it.
    assert page.evaluate("window.adgdmMarker") == 1  # type: ignore[attr-defined]
