"""The explorer in a real browser (Chromium via Playwright), on a site built from the explorer fixture,
so every count below is exact; and one smoke test on the real site."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bibtexparser
import pytest
from adgdm.citations.bibtex import to_bibtex
from adgdm.data.catalogue import Catalogue, load_catalogue
from adgdm.data.text import strip_braces

from .conftest import copy_project, free_port, mkdocs_build, recording_page, serve_folder

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "explorer"
DEFAULT_ORDER = ["doe2025fixture", "kim2025sensor", "moe2024synthesis", "roe2024temporal", "bozic2023video",
                 "doe2023earlier", "doe2023masked", "lee2023joint", "nguyen2023crowd", "poe2022frame"]

Page = Any  # Playwright's sync Page


@pytest.fixture(scope="module")
def explorer_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built from the explorer fixture with --strict, served at the address its site_url names."""
    tmp = tmp_path_factory.mktemp("explorer")
    port = free_port()
    project = copy_project(tmp / "project", FIXTURE / "papers")
    result = mkdocs_build(project, tmp / "site", f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    with serve_folder(tmp / "site", port) as url:
        yield url


@pytest.fixture(scope="module")
def fixture_catalogue() -> Catalogue:
    return load_catalogue(FIXTURE)


@pytest.fixture()
def xpage(browser: object, explorer_site: str) -> Iterator[Page]:
    with recording_page(browser, explorer_site) as new_page:
        yield new_page
        assert new_page.outside == []  # type: ignore[attr-defined]


def open_explorer(page: Page, base: str, query: str = "") -> None:
    page.goto(f"{base}explorer/{query}")
    wait_ready(page)


def wait_ready(page: Page) -> None:
    page.wait_for_selector("#adgdm-explorer[data-ready]", state="attached")


def rows(page: Page) -> list[str]:
    return list(page.eval_on_selector_all(".adgdm-x-table tbody input[data-tick]", "boxes => boxes.map(b => b.dataset.tick)"))


def count(page: Page) -> str:
    return str(page.inner_text(".adgdm-x-count"))


def value_label(page: Page, facet: str, value: str) -> str:
    return str(page.inner_text(f'label:has(> input[name="{facet}"][value="{value}"])')).strip()


def query(page: Page) -> str:
    return str(page.evaluate("location.search"))


def tick_box(facet: str, value: str) -> str:
    return f'input[name="{facet}"][value="{value}"]'


def test_facets_combine_and_each_value_counts_what_it_would_leave(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site)
    assert count(xpage) == "All 10 papers"
    assert rows(xpage) == DEFAULT_ORDER
    xpage.check(tick_box("modality", "video"))
    assert count(xpage) == "6 of 10 papers match"
    xpage.check(tick_box("venue", "CVPR"))
    assert rows(xpage) == ["roe2024temporal", "bozic2023video", "poe2022frame"]
    xpage.select_option("#adgdm-x-from", "2023")
    xpage.check(tick_box("code", "1"))
    assert count(xpage) == "1 of 10 papers match"
    assert rows(xpage) == ["bozic2023video"]
    assert query(xpage) == "?modality=video&venue=CVPR&code=1&from=2023"
    # Each value shows what the view would hold with it added (OR within a facet, AND across).
    assert [value_label(xpage, "modality", v) for v in ("image", "video", "time-series")] == ["Image (1)", "Video (1)", "Time series (0)"]
    venues = [value_label(xpage, "venue", v) for v in ("arXiv", "CVPR", "ICCV", "TPAMI")]
    assert venues == ["arXiv (0)", "CVPR (1)", "ICCV (1)", "TPAMI (0)"]
    assert [value_label(xpage, "code", v) for v in ("1", "0")] == ["Code available (1)", "No code listed (1)"]
    assert [value_label(xpage, "task", v) for v in ("detection", "generation")] == ["Anomaly detection (1)", "Anomaly generation (0)"]
    assert [value_label(xpage, "node", v) for v in ("reconstruction-based", "basic-reconstruction", "density-based")] == [
        "Reconstruction-based (1)", "Basic reconstruction (1)", "Density-based (0)"]
    assert xpage.eval_on_selector_all("#adgdm-x-from option", "os => os.map(o => o.textContent)") == [
        "any year", "2025 (0)", "2024 (0)", "2023 (1)", "2022 (2)"]
    assert xpage.eval_on_selector_all("#adgdm-x-to option", "os => os.map(o => o.textContent)") == [
        "any year", "2025 (1)", "2024 (1)", "2023 (1)", "2022 (0)"]
    xpage.click("text=Clear all filters")
    assert count(xpage) == "All 10 papers"
    assert query(xpage) == ""
    assert not xpage.is_checked(tick_box("modality", "video"))


def test_values_of_one_facet_add_up(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site)
    xpage.check(tick_box("modality", "image"))
    assert count(xpage) == "5 of 10 papers match"
    xpage.check(tick_box("modality", "time-series"))
    assert count(xpage) == "6 of 10 papers match"
    assert "kim2025sensor" in rows(xpage)
    xpage.check(tick_box("kind", "journal"))
    assert rows(xpage) == ["kim2025sensor", "doe2023earlier"]
    assert value_label(xpage, "kind", "conference") == "Conference (2)"


def test_search_ignores_case_and_accents(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site)
    xpage.fill("#adgdm-x-q", "bozic")
    assert rows(xpage) == ["doe2025fixture", "bozic2023video"]  # Božič wrote both
    xpage.fill("#adgdm-x-q", "BOŽIČ")
    assert count(xpage) == "2 of 10 papers match"
    xpage.fill("#adgdm-x-q", "scholkopf")
    assert rows(xpage) == ["doe2023masked"]
    xpage.fill("#adgdm-x-q", "vadiff")  # short name
    assert rows(xpage) == ["bozic2023video"]
    xpage.fill("#adgdm-x-q", "cvpr 2023")  # venue, and every word must match
    assert rows(xpage) == ["bozic2023video", "doe2023masked"]
    xpage.wait_for_function("location.search === '?q=cvpr+2023'")
    xpage.fill("#adgdm-x-q", "thermocouple")  # a word of the summary only
    assert rows(xpage) == ["kim2025sensor"]
    summary = xpage.inner_text(".adgdm-x-table tbody td[data-label=Title] .adgdm-x-summary")
    assert summary == "Scores each thermocouple reading by the norm of a learned score field along the noising path of a fixture model."
    xpage.fill("#adgdm-x-q", "outliers")
    title = xpage.inner_text(".adgdm-x-table tbody td[data-label=Title]")
    assert title == "An Earlier Fixture Survey of Anomalies & <Outliers>"
    assert xpage.query_selector("outliers") is None


def test_any_column_sorts_both_ways_and_the_sort_is_in_the_address(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site)
    assert xpage.get_attribute("th[data-col=year]", "aria-sort") == "descending"
    xpage.click("button[data-sort=title]")
    assert rows(xpage) == ["doe2025fixture", "doe2023earlier", "nguyen2023crowd", "poe2022frame", "lee2023joint",
                           "doe2023masked", "kim2025sensor", "moe2024synthesis", "roe2024temporal", "bozic2023video"]
    assert xpage.get_attribute("th[data-col=title]", "aria-sort") == "ascending"
    assert xpage.get_attribute("th[data-col=year]", "aria-sort") is None
    assert query(xpage) == "?sort=title"
    xpage.click("button[data-sort=method]")
    assert rows(xpage) == ["moe2024synthesis", "doe2025fixture", "lee2023joint", "doe2023masked", "roe2024temporal",
                           "bozic2023video", "kim2025sensor", "doe2023earlier", "nguyen2023crowd", "poe2022frame"]
    xpage.click("button[data-sort=method]")  # descending; papers without a method name stay last
    assert rows(xpage) == ["bozic2023video", "roe2024temporal", "doe2023masked", "lee2023joint", "doe2025fixture",
                           "moe2024synthesis", "kim2025sensor", "doe2023earlier", "nguyen2023crowd", "poe2022frame"]
    assert query(xpage) == "?sort=-method"
    xpage.click("button[data-sort=year]")
    assert rows(xpage)[0] == "poe2022frame"


def test_code_popularity_sorts_the_most_starred_first_and_unknown_stars_last(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site)
    unknown = ["doe2025fixture", "roe2024temporal", "bozic2023video", "doe2023earlier", "lee2023joint", "nguyen2023crowd",
               "poe2022frame"]
    xpage.click("button[data-sort=stars]")
    assert rows(xpage) == ["kim2025sensor", "moe2024synthesis", "doe2023masked", *unknown]
    assert xpage.get_attribute("th[data-col=stars]", "aria-sort") == "descending"
    assert query(xpage) == "?sort=-stars"
    assert xpage.inner_text(".adgdm-x-table tbody tr:first-child td[data-label=Stars]") == "1200"
    xpage.click("button[data-sort=stars]")
    assert rows(xpage) == ["doe2023masked", "moe2024synthesis", "kim2025sensor", *unknown]
    assert query(xpage) == "?sort=stars"
    open_explorer(xpage, explorer_site, "?sort=-stars")
    assert rows(xpage)[0] == "kim2025sensor"
    assert xpage.get_attribute("button[data-sort=stars]", "title") == "Code popularity: GitHub stars of the paper's code"


def test_a_shared_address_restores_the_view(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site, "?modality=video&venue=CVPR&from=2023&code=1")
    assert count(xpage) == "1 of 10 papers match"
    assert xpage.is_checked(tick_box("modality", "video")) and xpage.is_checked(tick_box("venue", "CVPR"))
    assert xpage.is_checked(tick_box("code", "1")) and not xpage.is_checked(tick_box("code", "0"))
    assert xpage.input_value("#adgdm-x-from") == "2023" and xpage.input_value("#adgdm-x-to") == ""
    open_explorer(xpage, explorer_site, "?search=bo%C5%BEi%C4%8D&sort=-title&venue=NOWHERE")
    assert xpage.input_value("#adgdm-x-q") == "božič"
    assert rows(xpage) == ["bozic2023video", "doe2025fixture"]
    assert xpage.get_attribute("th[data-col=title]", "aria-sort") == "descending"
    assert xpage.evaluate("document.querySelector('[data-md-toggle=search]').checked") is False
    assert query(xpage) == "?q=bo%C5%BEi%C4%8D&sort=-title"  # the unknown venue is dropped from the address


def test_q_and_its_alias_search_both_restore_the_search(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site, "?q=thermocouple")
    assert xpage.input_value("#adgdm-x-q") == "thermocouple"
    assert rows(xpage) == ["kim2025sensor"]
    assert query(xpage) == "?q=thermocouple"
    # Material opens its own search dialog on ?q=; on the explorer page the query is the explorer's.
    assert xpage.evaluate("document.querySelector('[data-md-toggle=search]').checked") is False
    open_explorer(xpage, explorer_site, "?search=thermocouple&source=site")
    assert rows(xpage) == ["kim2025sensor"]
    assert query(xpage) == "?source=site&q=thermocouple"  # an old link's address is rewritten to q
    xpage.reload()
    wait_ready(xpage)
    assert rows(xpage) == ["kim2025sensor"] and xpage.input_value("#adgdm-x-q") == "thermocouple"


def test_listed_by_tells_the_surveys_papers_from_those_this_site_added(
        xpage: Page, explorer_site: str, fixture_catalogue: Catalogue, tmp_path: Path) -> None:
    open_explorer(xpage, explorer_site)
    labels = [value_label(xpage, "source", v) for v in ("adgdm", "dmad", "site")]
    assert labels == ["ADGDM (3)", "DMAD (3)", "Added by this site (5)"]  # bozic2023video is in both surveys
    xpage.check(tick_box("source", "site"))
    assert count(xpage) == "5 of 10 papers match"
    assert rows(xpage) == ["kim2025sensor", "moe2024synthesis", "doe2023masked", "lee2023joint", "nguyen2023crowd"]
    assert query(xpage) == "?source=site"
    with xpage.expect_download() as bib_download:
        xpage.click("button[data-scope=shown][data-action=bib]")
    bib_download.value.save_as(tmp_path / "site.bib")
    expected = bibtex_of(fixture_catalogue, "kim2025sensor", "moe2024synthesis", "doe2023masked", "lee2023joint", "nguyen2023crowd")
    assert (tmp_path / "site.bib").read_text(encoding="utf-8") == expected
    open_explorer(xpage, explorer_site, "?source=adgdm&source=dmad")
    assert rows(xpage) == ["doe2025fixture", "roe2024temporal", "bozic2023video", "doe2023earlier", "poe2022frame"]
    assert [value_label(xpage, "source", v) for v in ("adgdm", "dmad", "site")] == ["ADGDM (3)", "DMAD (3)", "Added by this site (5)"]


def test_back_and_forward_walk_through_the_views_without_reloading(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site)
    xpage.evaluate("window.stayedHere = true")
    xpage.check(tick_box("modality", "video"))
    xpage.check(tick_box("venue", "CVPR"))
    assert query(xpage) == "?modality=video&venue=CVPR"
    xpage.go_back()
    xpage.wait_for_function("location.search === '?modality=video'")
    assert count(xpage) == "6 of 10 papers match"
    assert not xpage.is_checked(tick_box("venue", "CVPR"))
    xpage.go_back()
    xpage.wait_for_function("location.search === ''")
    assert count(xpage) == "All 10 papers"
    xpage.go_forward()
    xpage.go_forward()
    xpage.wait_for_function("location.search === '?modality=video&venue=CVPR'")
    assert count(xpage) == "3 of 10 papers match"
    assert xpage.is_checked(tick_box("venue", "CVPR"))
    assert xpage.evaluate("window.stayedHere") is True


def clipboard(page: Page) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def keys_of(bibtex: str) -> list[str]:
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks
    return [entry.key for entry in library.entries]


def bibtex_of(catalogue: Catalogue, *ids: str) -> str:
    return "\n".join(to_bibtex(catalogue.paper(i), catalogue.venues[catalogue.paper(i).venue]) for i in ids)


def test_copy_bibtex_of_the_matching_and_of_the_ticked_papers(xpage: Page, explorer_site: str, fixture_catalogue: Catalogue) -> None:
    open_explorer(xpage, explorer_site, "?task=survey")
    xpage.click("button[data-scope=shown][data-action=copy]")
    xpage.wait_for_selector("text=Copied the BibTeX of 2 papers to the clipboard.")
    text = clipboard(xpage)
    assert keys_of(text) == ["doe2025fixture", "doe2023earlier"]
    assert text == bibtex_of(fixture_catalogue, "doe2025fixture", "doe2023earlier")

    xpage.click("text=Clear all filters")
    assert xpage.is_disabled("button[data-scope=ticked][data-action=copy]")
    xpage.check("input[data-tick=poe2022frame]")
    xpage.check("input[data-tick=kim2025sensor]")
    assert xpage.inner_text("#adgdm-x-ticked") == "The 2 ticked papers:"
    xpage.check(tick_box("modality", "image"))  # ticks outlive the filter that hides them
    xpage.click("button[data-scope=ticked][data-action=copy]")
    xpage.wait_for_selector("text=Copied the BibTeX of 2 papers to the clipboard.")
    assert keys_of(clipboard(xpage)) == ["kim2025sensor", "poe2022frame"]

    xpage.click('button[data-copy="doe2023earlier"]')
    xpage.wait_for_selector("text=Copied the BibTeX of 1 paper to the clipboard.")
    assert clipboard(xpage) == bibtex_of(fixture_catalogue, "doe2023earlier")


def test_tick_all_takes_every_matching_paper(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site, "?venue=TPAMI")
    xpage.check("th.adgdm-x-tick input")
    xpage.click("text=Clear all filters")
    assert xpage.inner_text("#adgdm-x-ticked") == "The 2 ticked papers:"
    assert xpage.evaluate("document.querySelector('th.adgdm-x-tick input').indeterminate") is True
    xpage.click("button[data-action=untick]")
    assert xpage.inner_text("#adgdm-x-ticked") == "The 0 ticked papers:"


def test_download_bib_and_csv_of_the_selection(xpage: Page, explorer_site: str, fixture_catalogue: Catalogue, tmp_path: Path) -> None:
    open_explorer(xpage, explorer_site, "?venue=CVPR&dm=1")
    with xpage.expect_download() as bib_download:
        xpage.click("button[data-scope=shown][data-action=bib]")
    bib = bib_download.value
    assert bib.suggested_filename == "adgdm-selection.bib"
    bib.save_as(tmp_path / "selection.bib")
    text = (tmp_path / "selection.bib").read_text(encoding="utf-8")
    assert keys_of(text) == ["roe2024temporal", "bozic2023video", "doe2023masked"]
    assert text == bibtex_of(fixture_catalogue, "roe2024temporal", "bozic2023video", "doe2023masked")

    xpage.check("input[data-tick=bozic2023video]")
    with xpage.expect_download() as csv_download:
        xpage.click("button[data-scope=ticked][data-action=csv]")
    assert csv_download.value.suggested_filename == "adgdm-ticked.csv"
    csv_download.value.save_as(tmp_path / "ticked.csv")
    table = list(csv.reader(io.StringIO((tmp_path / "ticked.csv").read_text(encoding="utf-8"), newline="")))
    assert table == [
        ["key", "method", "title", "authors", "year", "venue", "venue_kind", "modality", "task", "taxonomy",
         "uses_diffusion", "code", "listed_by", "summary", "page"],
        ["bozic2023video", "VADiff", "Video Anomaly Detection with Fixture Diffusion", "Aljaž Božič; Richard Roe", "2023",
         "CVPR", "conference", "Video", "Anomaly detection", "Basic reconstruction", "yes",
         "https://github.com/example/vadiff", "ADGDM; DMAD", "", f"{explorer_site}papers/bozic2023video/"],
    ]
    assert xpage.inner_text(".adgdm-x-message") == "Downloaded adgdm-ticked.csv with 1 paper."


def test_instant_navigation_to_the_explorer_and_back_keeps_the_page_alive(xpage: Page, explorer_site: str) -> None:
    # Material intercepts link clicks only once it has read the sitemap: wait until the network is quiet.
    xpage.goto(explorer_site, wait_until="networkidle")
    xpage.evaluate("window.stayedHere = true")
    xpage.click(".md-tabs__link:text-is('Explorer')")
    wait_ready(xpage)
    xpage.check(tick_box("modality", "video"))
    assert count(xpage) == "6 of 10 papers match"
    xpage.click("a[href$='papers/nguyen2023crowd/']")
    xpage.wait_for_url(f"{explorer_site}papers/nguyen2023crowd/")
    xpage.wait_for_selector("h1:text('Crowd Event Generation for Video Benchmarks')")
    xpage.go_back()
    xpage.wait_for_url(f"{explorer_site}explorer/?modality=video")
    wait_ready(xpage)
    assert count(xpage) == "6 of 10 papers match"
    assert xpage.is_checked(tick_box("modality", "video"))
    assert xpage.evaluate("window.stayedHere") is True, "every step was an instant navigation"


def test_keyboard_alone_filters_and_sorts(xpage: Page, explorer_site: str) -> None:
    open_explorer(xpage, explorer_site)
    xpage.focus("#adgdm-x-q")
    xpage.keyboard.type("cvpr")
    xpage.keyboard.press("Tab")
    assert xpage.evaluate("document.activeElement.textContent") == "Clear all filters"
    xpage.keyboard.press("Tab")
    assert xpage.evaluate("document.activeElement.value") == "image"
    xpage.keyboard.press("Space")
    assert count(xpage) == "1 of 10 papers match"
    assert xpage.get_attribute(".adgdm-x-count", "aria-live") == "polite"
    xpage.focus("button[data-sort=year]")
    xpage.keyboard.press("Enter")
    assert xpage.get_attribute("th[data-col=year]", "aria-sort") == "ascending"
    unnamed = xpage.eval_on_selector_all(
        "#adgdm-explorer input, #adgdm-explorer select, #adgdm-explorer button",
        "controls => controls.filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')"
        " && !c.textContent.trim()).map(c => c.outerHTML)")
    assert unnamed == []
    labels = xpage.eval_on_selector_all(".adgdm-x-table tbody [aria-label]", "els => els.map(e => e.getAttribute('aria-label'))")
    assert labels == ["Tick Masked Fixture Diffusion for Industrial Images", "Code of Masked Fixture Diffusion for Industrial Images",
                      "Copy the BibTeX of Masked Fixture Diffusion for Industrial Images"]


def test_on_a_phone_filters_fold_away_and_rows_become_cards(browser: object, explorer_site: str) -> None:
    with recording_page(browser, explorer_site, viewport={"width": 390, "height": 844}) as phone:
        open_explorer(phone, explorer_site)
        assert not phone.is_visible(tick_box("modality", "video"))
        phone.click("button.adgdm-x-toggle")
        assert phone.get_attribute("button.adgdm-x-toggle", "aria-expanded") == "true"
        phone.check(tick_box("modality", "video"))
        assert count(phone) == "6 of 10 papers match"
        assert phone.inner_text("button.adgdm-x-toggle") == "Hide filters (1 chosen)"
        assert phone.evaluate("getComputedStyle(document.querySelector('.adgdm-x-table tbody tr')).display") == "block"
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        assert phone.outside == []  # type: ignore[attr-defined]


def test_without_javascript_the_page_is_a_plain_table(browser: object, explorer_site: str) -> None:
    with recording_page(browser, explorer_site, java_script_enabled=False) as plain:
        plain.goto(f"{explorer_site}explorer/")
        assert plain.eval_on_selector_all("table.adgdm-explorer-plain tbody tr", "rows => rows.length") == 10
        assert plain.query_selector(".adgdm-x-table") is None
        first = plain.get_attribute("table.adgdm-explorer-plain tbody tr a", "href")
        assert first == "../papers/doe2025fixture/"


def test_the_real_site_lists_every_paper(page: Page, site_url: str, catalogue: Catalogue) -> None:
    open_explorer(page, site_url)
    total = len(catalogue.papers)
    assert count(page) == f"All {total} papers"
    assert len(rows(page)) == min(total, 50)
    paper = catalogue.papers[0]
    page.fill("#adgdm-x-q", strip_braces(paper.title))
    assert paper.id in rows(page)
    assert page.outside == []  # type: ignore[attr-defined]


def test_the_plain_table_stays_out_of_the_search_index(explorer_site: str) -> None:
    with urllib.request.urlopen(f"{explorer_site}search/search_index.json") as response:
        documents = json.load(response)["docs"]
    explorer_text = " ".join(doc["text"] for doc in documents if doc["location"].startswith("explorer/"))
    assert "Narrow the catalogue down" in explorer_text
    assert "Crowd Event Generation" not in explorer_text
