"""The explorer's generated page and data files, checked without a browser on the explorer fixture."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from adgdm.citations.bibtex import to_bibtex
from adgdm.data.catalogue import load_catalogue
from adgdm.data.urls import paper_page
from adgdm.site.compose import make_context, render_site
from adgdm.site.context import Context
from adgdm.site.pages import explorer

from .conftest import ROOT

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "explorer"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return make_context(load_catalogue(FIXTURE))


def test_shared_lists_hold_what_the_papers_use(ctx: Context) -> None:
    data = explorer.explorer_data(ctx)
    assert data["format"] == "adgdm-explorer/1"
    assert data["paper_url"] == "papers/{id}/"
    assert data["bibtex"] == "downloads/bibtex.json"
    assert [venue["short"] for venue in data["venues"]] == ["arXiv", "CVPR", "ICCV", "TPAMI", "VADW"]
    assert data["venues"][1] == {"short": "CVPR", "name": "Fixture Conference on Computer Vision", "kind": "conference",
                                 "url": "venues/cvpr/"}
    assert data["nodes"][:4] == [
        {"id": "methodology", "label": "Methodology"},
        {"id": "reconstruction-based", "label": "Reconstruction-based", "parent": 0},
        {"id": "basic-reconstruction", "label": "Basic reconstruction", "parent": 1},
        {"id": "density-based", "label": "Density-based", "parent": 0},
    ]
    assert [node["id"] for node in data["nodes"][4:]] == [
        "modality", "image", "video", "time-series", "task", "detection", "generation", "survey"]
    # Authors sort by their ASCII-folded form, so Božič sits with the b's.
    assert data["authors"] == ["Božič, Aljaž", "Doe, Jane", "Kim, Ara", "Lee, Min", "Moe, Maria", "Nguyen, Van",
                               "Poe, Edgar A.", "Roe, Richard", "Schölkopf, Bernhard"]


def test_paper_rows_are_compact_and_exact(ctx: Context) -> None:
    rows = {row["i"]: row for row in explorer.explorer_data(ctx)["papers"]}
    assert list(rows) == sorted(rows)
    assert rows["bozic2023video"] == {
        "i": "bozic2023video", "s": "VADiff", "t": "Video Anomaly Detection with Fixture Diffusion", "a": [0, 7],
        "y": 2023, "v": 1, "m": [6], "k": 9, "n": [2], "d": 1, "c": ["https://github.com/example/vadiff"], "l": [0, 1],
    }
    assert rows["nguyen2023crowd"] == {
        "i": "nguyen2023crowd", "t": "Crowd Event Generation for Video Benchmarks", "a": [5], "e": 1,
        "y": 2023, "v": 4, "m": [6], "k": 10, "l": [2],
    }
    assert rows["doe2025fixture"]["m"] == [5, 6, 7]


def test_stars_come_from_code_stats_following_a_move_and_never_from_a_missing_repository(ctx: Context) -> None:
    stars = {row["i"]: row.get("g") for row in explorer.explorer_data(ctx)["papers"]}
    assert stars["kim2025sensor"] == 1200 and stars["doe2023masked"] == 40
    assert stars["moe2024synthesis"] == 75  # example/defgen moved to example/defgen2
    assert stars["poe2022frame"] is None and stars["lee2023joint"] is None and stars["bozic2023video"] is None  # missing; not recorded


def test_paper_pages_show_the_recorded_state_of_their_repositories(ctx: Context) -> None:
    pages = render_site(ctx).pages
    assert ('<a href="https://github.com/example/mfd" rel="noopener">Code</a> <span class="adgdm-code-state" '
            'title="as GitHub reported it on 2026-11-01">(archived: read-only)</span>') in pages[paper_page("doe2023masked")]
    assert '(moved to <a href="https://github.com/example/defgen2" rel="noopener">example/defgen2</a>)' in pages[
        paper_page("moe2024synthesis")]
    assert '<span class="adgdm-code-state">(not found on GitHub)</span>' in pages[paper_page("poe2022frame")]
    assert "adgdm-code-state" not in pages[paper_page("bozic2023video")]


def test_the_data_file_is_minified_json_in_a_fixed_key_order(ctx: Context) -> None:
    text = render_site(ctx).files["downloads/explorer.json"]
    assert text.endswith("}\n") and "\n" not in text[:-1]
    assert ('{"i":"doe2023earlier","t":"An Earlier Fixture Survey of Anomalies & <Outliers>","a":[1],'
            '"y":2023,"v":3,"m":[5],"k":11,"l":[1]}') in text
    assert json.loads(text) == explorer.explorer_data(ctx)


def test_bibtex_file_maps_every_key_to_the_one_bibtex_implementation(ctx: Context) -> None:
    bibtex = json.loads(render_site(ctx).files["downloads/bibtex.json"])
    papers = ctx.catalogue.papers
    assert list(bibtex) == [paper.id for paper in papers]
    assert all(bibtex[p.id] == to_bibtex(p, ctx.venue_of(p)) for p in papers)


def test_page_shell_names_its_data_and_keeps_a_plain_table_for_readers_without_javascript(ctx: Context) -> None:
    page = explorer.render_explorer(ctx)
    assert page.startswith(
        '---\ntitle: "Paper explorer"\n'
        'description: "Filter, search and sort all 10 papers of the catalogue, then copy their BibTeX."\n'
        'explorer_query: true\nhide: ["navigation", "toc"]\n---\n\n<h1>Paper explorer</h1>\n'
    )
    assert ('<div id="adgdm-explorer" class="adgdm-explorer" data-json="../downloads/explorer.json" data-root="../">\n'
            '<noscript><div class="adgdm-explorer-nojs" data-search-exclude>\n') in page
    assert ("<p>Filtering and BibTeX export need JavaScript. Here are all 10 papers, newest first; each paper's page has "
            'its BibTeX. By year: <a href="../years/2025/">2025</a>, <a href="../years/2024/">2024</a>, '
            '<a href="../years/2023/">2023</a>, <a href="../years/2022/">2022</a>.</p>') in page
    assert page.count("<tr><td>") == 10
    assert ('<tr><td></td><td><a href="../papers/doe2023earlier/">An Earlier Fixture Survey of Anomalies &amp; '
            '&lt;Outliers&gt;</a></td><td>Doe</td><td>2023</td><td>TPAMI</td><td>Image</td><td>Survey</td><td></td></tr>') in page
    assert ('<tr><td>VADiff</td><td><a href="../papers/bozic2023video/">Video Anomaly Detection with Fixture Diffusion</a>'
            '</td><td>Božič et al.</td><td>2023</td><td>CVPR</td><td>Video</td><td>Anomaly detection</td>'
            '<td><a href="https://github.com/example/vadiff" rel="noopener">code</a></td></tr>') in page


def test_plain_table_stops_at_the_limit_and_points_to_the_year_pages(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(explorer, "NOSCRIPT_LIMIT", 3)
    page = explorer.render_explorer(ctx)
    assert page.count("<tr><td>") == 3
    assert ("Here are the newest 3 of the 10 papers; every paper is listed on its year's page: "
            '<a href="../years/2025/">2025</a>') in page
    assert "doe2025fixture" in page and "moe2024synthesis" in page and "roe2024temporal" not in page.split("<tbody>")[1]


def test_output_is_byte_identical_across_builds(ctx: Context) -> None:
    again = make_context(load_catalogue(FIXTURE))
    first, second = render_site(ctx), render_site(again)
    for path in ("explorer.md",):
        assert first.pages[path] == second.pages[path]
    for path in ("downloads/explorer.json", "downloads/bibtex.json"):
        assert first.files[path] == second.files[path]


def test_the_explorer_is_the_second_entry_of_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1].splitlines()
    assert nav[:2] == ["  - Home: index.md", "  - Explorer: explorer.md"]


def test_own_javascript_and_css_stay_under_30_kb_gzipped() -> None:
    assets = ROOT / "docs" / "assets"
    size = sum(len(gzip.compress((assets / name).read_bytes(), 9)) for name in ("explorer.js", "explorer.css"))
    print(f"explorer.js + explorer.css: {size} bytes gzipped")
    assert size < 30 * 1024


def test_data_file_stays_under_150_bytes_gzipped_per_paper_at_scale(tmp_path: Path) -> None:
    from benchmarks.synthetic import write_synthetic_catalogue

    write_synthetic_catalogue(tmp_path, 1000, seed=3)
    text = explorer.compact_json(explorer.explorer_data(make_context(load_catalogue(tmp_path))))
    per_paper = len(gzip.compress(text.encode("utf-8"), 9)) / 1000
    print(f"explorer.json at 1,000 synthetic papers: {per_paper:.1f} bytes gzipped per paper")
    assert per_paper < 150
