"""Browsing pages rendered from a small fixture catalogue (tests/fixtures/browse): exact HTML for the
taxonomy tree, node, modality, cross-tab, venue, year and author pages, and their stable paths."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from adgdm.data.catalogue import load_catalogue
from adgdm.data.problems import InvalidData
from adgdm.data.urls import author_anchor, author_letter, author_page, crosstab_page, modality_page
from adgdm.site.compose import make_context
from adgdm.site.context import Context
from adgdm.site.pages.browse import browse_pages
from adgdm.site.pages.placement import placement_section, section_node

from .conftest import FIXTURES

BROWSE = FIXTURES / "browse"


@pytest.fixture(scope="module")
def ctx() -> Context:
    return make_context(load_catalogue(BROWSE))


@pytest.fixture(scope="module")
def pages(ctx: Context) -> dict[str, str]:
    return {path: markdown for path, markdown, _ in browse_pages(ctx)}


def test_addresses_come_from_identifiers_only() -> None:
    assert modality_page("time-series") == "modalities/time-series.md"
    assert crosstab_page("image", "reconstruction-based") == "crosstab/image/reconstruction-based.md"
    assert author_page("o") == "authors/o.md"
    assert [author_letter(name) for name in ("Ødegaard", "zed", "王", "'t Hooft")] == ["o", "z", "other", "other"]
    assert author_anchor("Božič, Aljaž") == "bozic-aljaz"
    assert author_anchor("王, 芳") == "u738b-82b3"


def test_every_node_venue_year_and_letter_has_a_page(ctx: Context, pages: dict[str, str]) -> None:
    expected = {
        "taxonomy/index.md", "modalities/index.md", "crosstab/index.md", "venues/index.md", "years/index.md", "authors/index.md",
        *(f"taxonomy/{node}.md" for node in ctx.catalogue.taxonomy),
        "modalities/image.md", "modalities/video.md", "modalities/generation.md",
        "crosstab/image/reconstruction-based.md", "crosstab/image/detection.md", "crosstab/image/generation.md",
        "crosstab/image/survey.md", "crosstab/video/detection.md", "crosstab/video/survey.md",
        "venues/fconf.md", "venues/fws.md", "venues/fj.md", "venues/arxiv.md",
        "years/2020.md", "years/2021.md", "years/2023.md", "years/2024.md",
        *(f"authors/{letter}.md" for letter in ("a", "c", "o", "r", "w", "z", "other")),
    }
    assert set(pages) == expected


def test_a_node_without_papers_has_a_page_that_says_so(pages: dict[str, str]) -> None:
    page = pages["taxonomy/motion-modeling.md"]
    assert "## Papers (0)\n" in page
    assert "<p>No paper of the catalogue sits on this node yet.</p>" in page
    assert "Download BibTeX" not in page


def test_the_overview_draws_the_tree_with_counts(pages: dict[str, str]) -> None:
    assert (
        '<ul class="adgdm-tree"><li data-node="modality" data-count="7"><a href="../taxonomy/modality/">Data modality</a> '
        '<span class="adgdm-count" title="7 papers">7</span><ul>'
        '<li data-node="image" data-count="5"><a href="../taxonomy/image/">Image</a> '
        '<span class="adgdm-count" title="5 papers">5</span></li>'
        '<li data-node="video" data-count="3"><a href="../taxonomy/video/">Video</a> '
        '<span class="adgdm-count" title="3 papers">3</span><ul>'
        '<li data-node="frame-level" data-count="1"><a href="../taxonomy/frame-level/">Frame-level methods</a> '
        '<span class="adgdm-count" title="1 paper">1</span></li>'
        '<li data-node="motion-modeling" data-count="0"><a href="../taxonomy/motion-modeling/">Motion modeling</a> '
        '<span class="adgdm-count" title="0 papers">0</span></li></ul></li></ul></li></ul>'
    ) in pages["taxonomy/index.md"]
    assert re.findall(r'<h2 id="([a-z-]+)">', pages["taxonomy/index.md"]) == ["methodology", "modality", "task"]


def test_a_node_page_shows_its_trail_children_survey_and_papers(pages: dict[str, str]) -> None:
    page = pages["taxonomy/video.md"]
    assert page.startswith('---\ntitle: "Video"\ndescription: "Papers on Video: 3 papers"\n---\n')
    assert ('<nav class="adgdm-crumbs" aria-label="Breadcrumb"><ol><li><a href="../../taxonomy/">Taxonomy</a></li>'
            '<li><a href="../../taxonomy/modality/">Data modality</a></li><li aria-current="page">Video</li></ol></nav>') in page
    assert (
        "<p>Fixture video &amp; &lt;motion&gt;.</p>\n"
        '<p>Broader: <a href="../../taxonomy/modality/">Data modality</a></p>\n'
        '<p>Narrower nodes:</p><ul class="adgdm-children"><li><a href="../../taxonomy/frame-level/">Frame-level methods</a> '
        '<span class="adgdm-count">1</span></li><li><a href="../../taxonomy/motion-modeling/">Motion modeling</a> '
        '<span class="adgdm-count">0</span></li></ul>\n'
        "<p>Node of the taxonomy of the ADGDM survey, <cite>Fixture Survey of Anomalies</cite>.</p>\n"
        "<p>Discussed in ADGDM §4 Video.</p>\n"
        '<p>The <a href="../../modalities/video/">Video page</a> shows these papers with the columns of ADGDM TABLE 4.</p>\n'
        '<p class="adgdm-download"><a href="../../downloads/taxonomy/video.bib" download>Download BibTeX</a> '
        "of these 3 papers (one .bib file).</p>\n"
    ) in page
    assert "## Papers (3)\n" in page
    # Which papers the surveys list and which this site added.
    assert ("<p>Of these, 2 papers are listed by the surveys (ADGDM, DMAD) and 1 was added by this site "
            "(column Listed by).</p>") in page
    assert '<td><a href="../../venues/fws/">FWS</a></td><td>–</td><td>this site</td>' in page
    # A node with narrower nodes names, for each paper, the narrower node it sits on.
    assert ('<tr><td>FRAMES</td><td><a href="../../papers/odegaard2023frames/">Frames of Fixture Video</a></td><td>2023</td>'
            '<td><a href="../../venues/fconf/">FCONF</a></td><td>Frame-level methods</td><td>ADGDM, DMAD</td><td>–</td>'
            '<td><a href="../../papers/odegaard2023frames/#cite" aria-label="BibTeX of FRAMES">BibTeX</a></td></tr>') in page


def test_a_modality_page_mirrors_its_survey_table(pages: dict[str, str]) -> None:
    page = pages["modalities/video.md"]
    assert page.startswith('---\ntitle: "Video: papers and ADGDM TABLE 4"\n')
    assert ("<p>This page mirrors ADGDM TABLE 4 (Fixture video methods): the papers it lists come first, with the same "
            'columns. Taxonomy node: <a href="../../taxonomy/video/">Video</a>.</p>') in page
    assert "## Listed in ADGDM TABLE 4 (1)\n" in page and "## Other papers on Video (2)\n" in page
    assert ('<th scope="col" data-type="number">Ref.</th><th scope="col">Paradigm</th><th scope="col">Domain</th>'
            '<th scope="col">DM</th>') in page
    assert ('<td><a href="../../venues/fconf/">FCONF</a></td><td>20</td><td>F</td><td>Fake surveillance</td><td>✓</td>'
            '<td>ADGDM, DMAD</td><td>–</td>') in page
    assert '<td><a href="../../venues/fws/">FWS</a></td><td>M</td><td>–</td><td>✗</td><td>this site</td>' in page
    assert ("<p>Of these, 2 papers are listed by the surveys (ADGDM, DMAD) and 1 was added by this site "
            "(column Listed by).</p>") in page
    assert "<td>Fake &lt;MRI&gt;</td>" in pages["modalities/image.md"]


def test_the_generation_page_counts_by_modality_and_links_the_cross_tab(pages: dict[str, str]) -> None:
    page = pages["modalities/generation.md"]
    assert "## Listed in ADGDM TABLE 11 (1)\n" in page
    assert ('<p>By modality:</p><ul class="adgdm-counted"><li><a href="../../crosstab/image/generation/">Image</a> '
            '<span class="adgdm-count">1</span></li></ul>') in page
    assert '<ul class="adgdm-counted"><li><a href="../../crosstab/image/reconstruction-based/">Reconstruction-based</a>' \
        in pages["modalities/image.md"]


def test_the_cross_tab_counts_papers_on_both_nodes(pages: dict[str, str]) -> None:
    page = pages["crosstab/index.md"]
    assert re.findall(r'<h2 id="([a-z-]+)">', page) == ["modality-methodology", "modality-task"]
    cells = {(row, column): int(count) for row, column, count in
             re.findall(r'data-row="([a-z-]+)" data-column="([a-z-]+)" data-count="(\d+)"', page)}
    assert cells == {
        ("image", "reconstruction-based"): 2, ("image", "density-based"): 0, ("video", "reconstruction-based"): 0,
        ("video", "density-based"): 0, ("image", "detection"): 2, ("image", "generation"): 1, ("image", "survey"): 2,
        ("video", "detection"): 2, ("video", "generation"): 0, ("video", "survey"): 1,
    }
    assert ('<td data-row="image" data-column="reconstruction-based" data-count="2">'
            '<a href="../crosstab/image/reconstruction-based/">2</a></td>') in page
    assert '<td data-row="video" data-column="generation" data-count="0"><span class="adgdm-zero">0</span></td>' in page
    cell = pages["crosstab/image/reconstruction-based.md"]
    assert cell.startswith('---\ntitle: "Image × Reconstruction-based"\n')
    assert ('<p>2 papers on both <a href="../../../taxonomy/image/">Image</a> and '
            '<a href="../../../taxonomy/reconstruction-based/">Reconstruction-based</a>.</p>') in cell
    assert re.findall(r'href="../../../papers/([a-z0-9]+)/"', cell) == ["abel2021first", "abel2021second"]


def test_venues_are_grouped_by_kind_and_escaped(pages: dict[str, str]) -> None:
    index = pages["venues/index.md"]
    assert re.findall(r'<h2 id="([a-z]+)">([A-Za-z ]+)</h2>', index) == [
        ("conference", "Conferences"), ("workshop", "Workshops"), ("journal", "Journals"), ("preprint", "Preprint servers")]
    assert ('<tr><td><a href="../venues/fws/">FWS</a></td><td>Fixture Workshop on Video &lt;Events&gt;</td>'
            "<td>1</td><td>2023</td></tr>") in index
    assert '<tr><td><a href="../venues/fj/">FJ</a></td><td>Fixture Journal of Detection</td><td>2</td><td>2020–2021</td></tr>' in index
    venue = pages["venues/fj.md"]
    assert ('<li><a href="../../venues/">Venues</a></li><li><a href="../../venues/#journal">Journals</a></li>'
            '<li aria-current="page">FJ</li>') in venue
    assert ('<p><strong>Fixture Journal of Detection</strong>. Kind: journal. '
            '<a href="https://example.org/fj" rel="noopener">Website</a>.</p>\n<p>2 papers in the catalogue, 2020–2021.</p>\n'
            '<p class="adgdm-download"><a href="../../downloads/venues/fj.bib" download>Download BibTeX</a>') in venue


def test_year_pages_link_the_years_before_and_after(pages: dict[str, str]) -> None:
    assert ('<p class="adgdm-steps">Earlier: <a href="../../years/2021/">2021</a> · '
            'Later: <a href="../../years/2024/">2024</a></p>') in pages["years/2023.md"]
    assert "Earlier:" not in pages["years/2020.md"]
    index = pages["years/index.md"]
    assert '<tr><td><a href="../years/2024/">2024</a></td><td>2</td><td>2</td><td>1</td></tr>' in index


def test_authors_are_indexed_by_letter_with_their_papers(pages: dict[str, str]) -> None:
    page = pages["authors/o.md"]
    assert ('<li id="odegaard-oyvind"><strong>Ødegaard, Øyvind</strong> <span class="adgdm-count">1</span><ul>'
            '<li><a href="../../papers/odegaard2023frames/">Frames of Fixture Video</a> (FCONF 2023)</li></ul></li>') in page
    assert '<li aria-current="page">O</li>' in page
    assert '<li id="u738b-82b3"><strong>王, 芳</strong>' in pages["authors/other.md"]
    assert 'description: "Authors whose family name starts with a character other than A to Z, and their papers."' \
        in pages["authors/other.md"]
    abel = re.search(r'<li id="abel-ann">.*?</ul></li>', pages["authors/a.md"])
    assert abel and re.findall(r"papers/([a-z0-9]+)/", abel.group(0)) == ["wu2024survey", "abel2021first", "abel2021second"]
    index = pages["authors/index.md"]
    assert re.findall(r'data-letter="([a-z]+)" data-count="(\d+)"', index) == [
        ("a", "1"), ("c", "1"), ("o", "1"), ("r", "1"), ("w", "1"), ("z", "1"), ("other", "1")]
    assert ('<ol class="adgdm-top-authors"><li><a href="../authors/a/#abel-ann">Abel, Ann</a> <span class="adgdm-count">3</span></li>'
            '<li><a href="../authors/z/#zed-zoe">Zed, Zoe</a> <span class="adgdm-count">3</span></li>'
            '<li><a href="../authors/c/#cole-cy">Cole, Cy</a>') in index


def test_where_the_surveys_discuss_a_paper(ctx: Context) -> None:
    assert placement_section(ctx, ctx.catalogue.paper("odegaard2023frames")) == (
        "## Where the surveys discuss it {#surveys}\n"
        '\n<div class="adgdm-block">\n'
        '<ul class="adgdm-placements"><li><strong><a href="../../papers/wu2024survey/">ADGDM</a></strong> (reference [20]): '
        '<a href="../../modalities/video/">TABLE 4 (Fixture video methods)</a>; '
        '<a href="../../taxonomy/frame-level/">§4.2.1 Frame-level</a>; <a href="../../taxonomy/video/">§4.3 Video results</a></li>'
        '<li><strong><a href="../../papers/roe2020older/">DMAD</a></strong>: <a href="../../taxonomy/video/">Video</a></li></ul>'
        "\n</div>\n\n"
    )
    assert placement_section(ctx, ctx.catalogue.paper("zed2023motion")) == ""


def test_survey_sections_map_to_the_closest_node(ctx: Context) -> None:
    assert section_node(ctx, "adgdm", "4.2.1") == "frame-level"  # motion-modeling names it too, but comes later
    assert section_node(ctx, "adgdm", "4.2") == "video"  # no node of its own: its parent section's
    assert section_node(ctx, "adgdm", "8") == "generation"
    assert section_node(ctx, "adgdm", "1") is None
    assert section_node(ctx, "dmad", "reconstruction") == "reconstruction-based"
    assert section_node(ctx, "dmad", "video") == "video"
    assert section_node(ctx, "dmad", "datasets") is None  # the fixture taxonomy has no dataset node


def test_browsing_pages_are_deterministic(ctx: Context) -> None:
    again = make_context(load_catalogue(BROWSE))
    assert list(browse_pages(ctx)) == list(browse_pages(again))


def test_index_is_reserved_for_the_overview_pages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BROWSE, project)
    vocabulary = project / "papers" / "vocabulary"
    with (vocabulary / "taxonomy.yaml").open("a", encoding="utf-8") as taxonomy:
        taxonomy.write("- id: index\n  parent: methodology\n  label: Index\n  description: Would hide the overview.\n")
    with (vocabulary / "venues.yaml").open("a", encoding="utf-8") as venues:
        venues.write("Index:\n  name: A Venue Called Index\n  kind: journal\n")
    with pytest.raises(InvalidData) as error:
        load_catalogue(project)
    assert error.value.report().splitlines()[:2] == [
        "papers/vocabulary/taxonomy.yaml:63: [13].id: 'index' is reserved: taxonomy/ is the taxonomy overview",
        "papers/vocabulary/venues.yaml:15: Index: 'Index' would take the address venues/ of the list of venues",
    ]


def test_an_axis_page_points_to_its_nodes_instead_of_listing_every_paper(pages: dict[str, str]) -> None:
    page = pages["taxonomy/task.md"]
    assert "## Papers (7)\n" in page and "<table" not in page
    assert ('<p>The 7 papers of this axis are listed on the pages of its nodes above '
            '(the <a href="../../taxonomy/#task">taxonomy overview</a> shows how they spread).</p>') in page


def test_the_verification_and_placement_sections_are_exact(ctx: Context) -> None:
    import dataclasses
    import datetime

    from adgdm.data.models import Verification
    from adgdm.site.pages.paper import taxonomy_section, verification_section
    paper = ctx.catalogue.paper("odegaard2023frames")
    checked = dataclasses.replace(
        paper,
        site_taxonomy=(("reconstruction-based", "frames are scored by the error between each frame and its <restored> copy."),),
        verified=Verification(datetime.date(2026, 12, 3),
                              (("record", ("https://openaccess.thecvf.com/x.html",)),
                               ("authors", ("https://arxiv.org/abs/2301.00001", "https://github.com/example/frames"))),
                              unconfirmed=("pages",), note="The CVF page gives no pages & no DOI."))
    assert verification_section(ctx, checked) == (
        "## Record checked\n\n"
        '<div class="adgdm-block">\n'
        "<p>Checked on 2026-12-03 (partly checked).</p>\n"
        '<ul class="adgdm-verified"><li>Title, year, venue, volume, number and pages: '
        '<a href="https://openaccess.thecvf.com/x.html" rel="noopener">openaccess.thecvf.com</a></li>'
        '<li>The author list and given names: <a href="https://arxiv.org/abs/2301.00001" rel="noopener">arxiv.org</a>, '
        '<a href="https://github.com/example/frames" rel="noopener">github.com</a></li></ul>\n'
        "<p>Not confirmed on a primary page: <code>pages</code>.</p>\n"
        '<p class="adgdm-note">The CVF page gives no pages &amp; no DOI.</p>\n'
        "</div>\n\n"
    )
    placed = taxonomy_section(ctx, checked)
    assert ('<li><a href="../../taxonomy/reconstruction-based/">Reconstruction-based</a>: placed by this site: '
            "frames are scored by the error between each frame and its &lt;restored&gt; copy.</li>") in placed
    assert "placed by ADGDM and DMAD.</li>" in placed
    nothing = verification_section(ctx, dataclasses.replace(paper, verified=None))
    assert "This record has not been checked against a primary source yet" in nothing
    no_page = verification_section(ctx, dataclasses.replace(paper, verified=Verification(datetime.date(2026, 12, 3))))
    assert "<p>No primary page could be found for this record; it stays as the sources give it.</p>" in no_page
    assert "<p>Checked on 2026-12-03 (no primary page found).</p>" in no_page
