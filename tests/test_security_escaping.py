"""Nothing from a data file runs in a visitor's browser: a hostile paper shows as plain text everywhere.

The fixture project is the fake corpus plus tests/fixtures/xss/: a paper whose every free-text
field (and its venue, taxonomy node and dataset) holds HTML, Markdown, and Jinja or macro syntax,
each payload written to set `window.__pwned`. The tests read every file of the built site, so
pages added later are covered without changing them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
import yaml
from adgdm.data.text import strip_braces
from adgdm.data.urls import (
    explorer_page,
    modality_page,
    node_page,
    paper_bib,
    paper_page,
    url_of,
    venue_page,
    year_page,
)

from .conftest import CORPUS, FIXTURES, copy_project, free_port, mkdocs_build, serve_folder
from .site_tools import ParsedPage, collapse, html_pages, page_url, parse_html

XSS = FIXTURES / "xss"
PAPER = yaml.safe_load((XSS / "xss2024payload.yaml").read_text(encoding="utf-8"))
VENUES = yaml.safe_load((XSS / "vocabulary" / "venues.yaml").read_text(encoding="utf-8"))
NODE = yaml.safe_load((XSS / "vocabulary" / "taxonomy.yaml").read_text(encoding="utf-8"))[0]
DATASET = yaml.safe_load((XSS / "vocabulary" / "datasets.yaml").read_text(encoding="utf-8"))[0]
VENUE_SHORT, VENUE = next(iter(VENUES.items()))
TITLE = strip_braces(PAPER["title"])  # braces are BibTeX case protection, never displayed

# Where a payload's first word is seen, the whole payload must be seen, character for character.
PAYLOADS: dict[str, str] = {
    "Xsstitlemark": TITLE,
    "Xssshortmark": PAPER["short_name"],
    "Xssauthormark": PAPER["authors"][0].split(", ")[0],
    "[Mallory]": PAPER["authors"][1].split(", ")[0],
    "Xssattributemark": PAPER["attributes"]["imaging_domain"],
    "Xsssourcemark": PAPER["disagreements"][0]["source"],
    "Xssnotesmark": PAPER["notes"],
    "XSS<script>": VENUE_SHORT,
    "Xssvenuemark": VENUE["name"],
    "Xssnodemark": NODE["label"],
    "Xssdatasetmark": DATASET["name"],
}
URL_SCHEMES_THAT_RUN = ("javascript:", "data:", "vbscript:")


def xss_papers(target: Path) -> Path:
    """The fixture corpus's papers/ with the hostile paper and its vocabulary entries added."""
    shutil.copytree(CORPUS / "papers", target)
    shutil.copy(XSS / "xss2024payload.yaml", target)
    for extra in sorted((XSS / "vocabulary").glob("*.yaml")):
        vocabulary = target / "vocabulary" / extra.name
        vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + extra.read_text(encoding="utf-8"), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def xss_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The fixture project built with --strict and served at the address it was built for."""
    folder = tmp_path_factory.mktemp("xss")
    project = copy_project(folder / "project", xss_papers(folder / "papers"))
    port = free_port()
    result = mkdocs_build(project, folder / "site", f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    with serve_folder(folder / "site", port) as url:
        yield folder / "site", url


@pytest.fixture(scope="module")
def xss_site(xss_build: tuple[Path, str]) -> Path:
    return xss_build[0]


@pytest.fixture(scope="module")
def parsed(xss_site: Path) -> dict[str, ParsedPage]:
    return {page_url(xss_site, path): parse_html(path.read_text(encoding="utf-8")) for path in html_pages(xss_site)}


def injected(page: ParsedPage) -> list[str]:
    """Markup the payloads would have created: running scripts, event handlers, script URLs."""
    found = [f"script: {code[:80]}" for _, code in page.scripts if "__pwned" in code]
    for element in page.elements:
        for name, value in element.attrs.items():
            if name.startswith("on") and "__pwned" in value:
                found.append(f"<{element.tag} {name}>")
    for tag, name, value in page.urls():
        if "__pwned" in value or re.sub(r"\s", "", value).lower().startswith(URL_SCHEMES_THAT_RUN):
            found.append(f"<{tag} {name}={value[:60]}>")
    return found


def mangled(text: str) -> list[str]:
    """Payloads whose first word shows in `text` but not the whole payload, unaltered."""
    return [marker for marker, payload in PAYLOADS.items() if marker in text and collapse(payload) not in text]


def visible_texts(page: ParsedPage) -> list[tuple[str, str]]:
    """The page's text, its title and every meta tag's content: all that people and tools read."""
    metas = [(f"meta {e.attrs.get('name') or e.attrs.get('property', '')}", collapse(e.attrs.get("content", "")))
             for e in page.elements if e.tag == "meta"]
    return [("text", page.text), ("title", page.title), *metas]


def test_the_hostile_paper_is_valid_data(parsed: dict[str, ParsedPage]) -> None:
    assert url_of(paper_page(PAPER["id"])) in parsed


def test_no_page_holds_markup_from_the_data(parsed: dict[str, ParsedPage]) -> None:
    assert {url: found for url, page in parsed.items() if (found := injected(page))} == {}


def test_every_payload_reads_as_the_text_it_is_wherever_it_appears(parsed: dict[str, ParsedPage]) -> None:
    problems = {f"{url} ({where})": found for url, page in parsed.items()
                for where, text in visible_texts(page) if (found := mangled(text))}
    assert problems == {}


@pytest.mark.parametrize(("page", "payloads"), [
    (paper_page(PAPER["id"]), ["Xsstitlemark", "Xssshortmark", "Xssauthormark", "[Mallory]", "Xsssourcemark",
                               "Xssnotesmark", "XSS<script>", "Xssvenuemark", "Xssnodemark", "Xssdatasetmark"]),
    (modality_page("image"), ["Xsstitlemark", "Xssattributemark"]),
    (venue_page(VENUE_SHORT), ["Xsstitlemark", "XSS<script>", "Xssvenuemark"]),
    (node_page("xss-node"), ["Xsstitlemark", "Xssnodemark"]),
    (year_page(PAPER["year"]), ["Xsstitlemark", "XSS<script>"]),
])
def test_the_payloads_are_shown_on_the_pages_that_list_them(parsed: dict[str, ParsedPage], page: str, payloads: list[str]) -> None:
    text = parsed[url_of(page)].text
    assert [marker for marker in payloads if collapse(PAYLOADS[marker]) not in text] == []


def test_the_paper_page_title_and_description_keep_the_data_as_text(parsed: dict[str, ParsedPage]) -> None:
    page = parsed[url_of(paper_page(PAPER["id"]))]
    assert page.title == f"{collapse(TITLE)} - ADGDM"
    description = next(e.attrs["content"] for e in page.elements if e.tag == "meta" and e.attrs.get("name") == "description")
    # Without a summary the description names the first author and the venue (never the short name).
    assert collapse(PAYLOADS["Xssauthormark"]) in collapse(description)
    assert collapse(VENUE_SHORT) in collapse(description)
    assert "Xssshortmark" not in description


def _xml_texts(root: ET.Element) -> Iterator[tuple[ET.Element, str]]:
    for element in root.iter():
        yield element, element.text or ""
        for value in element.attrib.values():
            yield element, value


def test_feeds_and_data_files_are_well_formed_and_keep_payloads_as_text(xss_site: Path) -> None:
    problems: list[str] = []
    carrying: set[str] = set()
    for path in sorted(xss_site.rglob("*")):
        name = path.relative_to(xss_site).as_posix()
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix in (".xml", ".atom", ".rss"):
            for element, text in _xml_texts(ET.fromstring(path.read_bytes())):
                carrying.update(name for marker in PAYLOADS if marker in text)
                problems += [f"{name}: {marker}" for marker in mangled(collapse(text))]
                if element.get("type") == "html" and text:
                    # Feed readers render this as HTML: it must hold the payload escaped once more.
                    problems += [f"{name}: {found}" for found in injected(parse_html(text))]
    assert problems == []
    assert "feed.xml" in carrying  # the Atom feed lists the hostile paper


def test_no_csv_cell_would_run_as_a_spreadsheet_formula(xss_site: Path) -> None:
    cells = [(path.relative_to(xss_site).as_posix(), cell) for path in sorted(xss_site.rglob("*.csv"))
             for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for cell in row]
    assert any("Xssshortmark" in cell for _, cell in cells)
    assert [(name, cell) for name, cell in cells if starts_a_formula(cell)] == []


def starts_a_formula(cell: str) -> bool:
    """A cell a spreadsheet would evaluate: starting with = + - @ (or a tab or return), other than a number or a lone sign."""
    if cell[:1] not in ("=", "+", "-", "@", "\t", "\r") or len(cell) == 1:
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def test_bibtex_keeps_each_payload_inside_its_own_field(xss_site: Path) -> None:
    library = bibtexparser.parse_string((xss_site / paper_bib(PAPER["id"])).read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == [PAPER["id"]]
    fields = library.entries[0].fields_dict
    assert list(fields) == ["author", "title", "booktitle", "year", "url"]
    assert fields["author"].value.count(" and ") == 1
    assert fields["title"].value.startswith("Xsstitlemark") and fields["title"].value.endswith("Endtitlemark")


# -- in Chromium ------------------------------------------------------------------------------

@pytest.fixture()
def watched_page(browser: Any, xss_build: tuple[Path, str]) -> Iterator[Any]:
    """A page that records dialogs, requests leaving the site and requests for the payloads' image 'x'."""
    context = browser.new_context()
    page = context.new_page()
    page.alarms = []
    page.on("dialog", lambda dialog: (page.alarms.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda request: page.alarms.append(f"request: {request.url}")
            if not request.url.startswith(xss_build[1]) or request.url.split("?")[0].endswith("/x") else None)
    yield page
    context.close()


def shown(page: Any, selector: str = "body") -> str:
    return collapse(page.locator(selector).first.inner_text())


def test_nothing_runs_on_any_page_and_every_payload_shows_as_text(xss_build: tuple[Path, str], watched_page: Any) -> None:
    site, url = xss_build
    problems: dict[str, object] = {}
    for path in html_pages(site):
        address = url + page_url(site, path)
        watched_page.goto(address)  # waits for the load event: images have loaded or failed by then
        pwned, text = watched_page.evaluate("[window.__pwned, document.body.innerText]")
        if pwned is not None or mangled(collapse(text)):
            problems[address] = (pwned, mangled(collapse(text)))
    assert problems == {}
    assert watched_page.alarms == []


def test_search_results_show_the_payload_as_text(xss_build: tuple[Path, str], watched_page: Any) -> None:
    watched_page.goto(xss_build[1])
    watched_page.keyboard.press("/")
    watched_page.locator("input.md-search__input").press_sequentially("Xsstitlemark")
    watched_page.locator(".md-search-result__item").first.wait_for()
    results = shown(watched_page, ".md-search-result")
    assert collapse(TITLE) in results
    assert mangled(results) == []
    assert watched_page.evaluate("window.__pwned") is None
    assert watched_page.alarms == []


def test_the_explorer_lists_the_payload_as_text(xss_build: tuple[Path, str], watched_page: Any) -> None:
    watched_page.goto(xss_build[1] + url_of(explorer_page()))
    watched_page.locator("#adgdm-x-q").fill("Xsstitlemark")
    watched_page.locator("tbody tr", has_text="Xsstitlemark").first.wait_for()
    table = shown(watched_page, "tbody:has(tr)")
    assert collapse(TITLE) in table
    assert mangled(table) == []
    assert watched_page.evaluate("window.__pwned") is None
    assert watched_page.alarms == []


QUERY_PAYLOAD = "<img src=x onerror=window.__pwned='query'>"


@pytest.mark.parametrize("address", [
    f"{url_of(explorer_page())}?q={QUERY_PAYLOAD}",
    f"?q={QUERY_PAYLOAD}",
    f"{url_of(paper_page(PAPER['id']))}?h={QUERY_PAYLOAD}",
    f"{url_of(paper_page(PAPER['id']))}#{QUERY_PAYLOAD}",
], ids=["explorer query", "search query", "search highlight", "fragment"])
def test_a_crafted_link_runs_nothing(xss_build: tuple[Path, str], watched_page: Any, address: str) -> None:
    watched_page.goto(xss_build[1] + address)
    watched_page.wait_for_load_state("networkidle")
    assert watched_page.evaluate("window.__pwned") is None
    assert watched_page.alarms == []
