"""Home-page charts: the numbers drawn equal the catalogue's, each chart has a text alternative,
and the headline counts are right. Checked on the fixture catalogue and on the real one."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from adgdm.data.catalogue import Catalogue, load_catalogue
from adgdm.site.compose import make_context
from adgdm.site.context import Context
from adgdm.site.pages.charts import Chart, horizontal_bars, nice_step, percent
from adgdm.site.pages.home import (
    SEVERAL,
    chart_code,
    chart_venues,
    chart_years,
    code_share,
    headline_counts,
    papers_per_year,
    source_counts,
)

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def fixture_ctx() -> Context:
    return make_context(load_catalogue(FIXTURES / "browse"))


@pytest.fixture(scope="module")
def real_ctx(catalogue: Catalogue) -> Context:
    return make_context(catalogue)


def marks(svg_html: str) -> list[dict[str, str]]:
    """The attributes of every rect that carries a number."""
    return [dict(re.findall(r'([a-z-]+)="([^"]*)"', rect)) for rect in re.findall(r"<rect ([^>]*data-count[^>]*)>", svg_html)]


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (3, 1), (7, 2), (11, 5), (19, 5), (40, 10), (120, 50), (900, 200)])
def test_gridline_steps(largest: int, step: int) -> None:
    assert nice_step(largest) == step


def test_percentages_round_halves_up() -> None:
    assert [percent(1, 200), percent(1, 3), percent(2, 3), percent(0, 0), percent(5, 5)] == [1, 33, 67, 0, 100]


def test_a_chart_has_a_text_alternative_and_its_numbers() -> None:
    figure = horizontal_bars(Chart("chart-x", "Top <venues>", "A & B."), [("A&B", 3), ("C", 1)])
    assert figure.startswith('<figure class="adgdm-chart" id="chart-x"><svg class="adgdm-svg" viewBox="0 0 640 58" ')
    assert 'role="img" aria-labelledby="chart-x-title chart-x-desc"' in figure
    assert '<title id="chart-x-title">Top &lt;venues&gt;</title><desc id="chart-x-desc">A &amp; B.</desc>' in figure
    assert "<figcaption>Top &lt;venues&gt;. A &amp; B.</figcaption>" in figure
    assert [(m["data-label"], m["data-count"], m["width"]) for m in marks(figure)] == [("A&amp;B", "3", "470.0"), ("C", "1", "156.7")]
    assert "<tr><td>A&amp;B</td><td>3</td></tr>" in figure


def test_papers_per_year_on_the_fixture(fixture_ctx: Context) -> None:
    columns, counts = papers_per_year(fixture_ctx)
    assert columns == ["2020", "2021", "2022", "2023", "2024"]  # 2022 has no paper but keeps its place
    assert counts == {("2020", "Image"): 1, ("2021", "Image"): 2, ("2023", "Video"): 2,
                      ("2024", "Image"): 1, ("2024", SEVERAL): 1}
    figure = chart_years(fixture_ctx, "index.md")
    assert ("<desc id=\"chart-years-desc\">7 papers from 2020 to 2024, each counted once: under its modality, "
            "or under &#x27;Several modalities&#x27;. The busiest year is 2024 with 2 papers.</desc>") in figure
    assert "<tr><td>2022</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>" in figure


def test_the_year_chart_draws_every_paper_once(real_ctx: Context) -> None:
    drawn: Counter[str] = Counter()
    for mark in marks(chart_years(real_ctx, "index.md")):
        drawn[mark["data-column"]] += int(mark["data-count"])
    assert drawn == Counter({str(year): len(papers) for year, papers in real_ctx.index.by_year.items()})
    assert sum(drawn.values()) == len(real_ctx.catalogue.papers)


def test_the_venue_chart_shows_the_largest_venues(real_ctx: Context) -> None:
    figure = chart_venues(real_ctx, "index.md")
    drawn = [(m["data-label"], int(m["data-count"])) for m in marks(figure)]
    expected = sorted(((v, len(p)) for v, p in real_ctx.index.by_venue.items()), key=lambda item: (-item[1], item[0].lower()))
    assert drawn == [(venue.replace("&", "&amp;"), count) for venue, count in expected[:10]]
    assert '<td><a href="venues/miccai/">MICCAI</a></td>' in figure


def test_the_code_chart_counts_papers_with_code(real_ctx: Context, fixture_ctx: Context) -> None:
    drawn = [(m["data-label"], int(m["data-count"]), int(m["data-total"])) for m in marks(chart_code(real_ctx, "index.md"))]
    papers = real_ctx.catalogue.papers
    assert drawn[0] == ("All papers", sum(1 for p in papers if p.code), len(papers))
    for label, with_code, total in drawn[1:]:
        node = next(n for n in real_ctx.catalogue.taxonomy.values() if n.label == label)
        on_node = real_ctx.index.by_node.get(node.id, ())
        assert (with_code, total) == (sum(1 for p in on_node if p.code), len(on_node))
    assert code_share(fixture_ctx) == [("All papers", 3, 7), ("Image", 2, 5), ("Video", 1, 3), ("Anomaly generation", 1, 1)]


def test_headline_counts(fixture_ctx: Context) -> None:
    html = headline_counts(fixture_ctx, "index.md")
    assert re.findall(r'<span class="adgdm-figure">([^<]+)</span> (?:<a href="([^"]+)">)?([^<]+)', html) == [
        ("7", "", "papers"), ("4", "venues/", "venues"), ("2020–2024", "years/", "years"), ("7", "authors/", "authors"),
        ("5", "", "use a diffusion model"), ("3", "", "link their code"),
    ]
    assert ('<li><a href="modalities/video/">Video</a> <span class="adgdm-count">3</span></li>') in html
    # Where the papers come from, each figure a link to the explorer filtered on that source.
    assert ('<p class="adgdm-sources">Where the papers come from: <a href="explorer/?source=adgdm">5 from ADGDM</a>, '
            '<a href="explorer/?source=dmad">3 from DMAD</a>, <a href="explorer/?source=site">1 added by this site</a> '
            "(a paper both surveys list counts for each).</p>") in html
    assert source_counts(fixture_ctx) == [("adgdm", 5), ("dmad", 3), ("site", 1)]  # wu2024survey is ADGDM itself


def test_source_counts_of_the_real_catalogue_add_up(real_ctx: Context) -> None:
    counts = dict(source_counts(real_ctx))
    papers = real_ctx.catalogue.papers
    added = [p for p in papers if not p.listed_by and p.id != "liu2025survey"]
    assert counts["site"] == len(added)
    assert counts["adgdm"] == sum(1 for p in papers if "adgdm" in p.listed_by)
    assert counts["dmad"] == sum(1 for p in papers if "dmad" in p.listed_by) + 1  # DMAD's own record
    # Every paper this site added carries the date it was added after the surveys' papers (2026-11-28).
    assert all(p.added.isoformat() >= "2026-12-03" for p in added)
