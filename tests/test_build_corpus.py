"""End to end: `mkdocs build --strict` of a project holding the fixture corpus."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from .conftest import CORPUS, FIXTURES, copy_project, mkdocs_build


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"), CORPUS / "papers")
    site = project / "built"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def article(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, page
    return match.group(1)


def test_a_page_per_paper_with_its_summary(corpus_site: Path) -> None:
    body = article(corpus_site, "papers/doe2025fixture/index.html")
    assert "<h1>A Fixture Survey of MVTec Anomalies: DDPM, 3D Scans &amp; Non-Markovian Noise</h1>" in body
    assert '<p class="adgdm-authors">Jane Doe, Bernhard Schölkopf, Aljaž Božič</p>' in body
    assert '<a href="../../venues/arxiv/">arXiv</a>' in body
    assert '<a href="https://arxiv.org/abs/2501.00001" rel="noopener">arXiv 2501.00001</a>' in body
    assert '<a href="../../taxonomy/video/" class="adgdm-badge adgdm-badge--modality">Video</a>' in body


def test_the_bibtex_block_holds_the_generated_entry(corpus_site: Path) -> None:
    body = article(corpus_site, "papers/roe2023special/index.html")
    code = re.search(r'<div class="highlight"><pre>.*?<code>(.*?)</code></pre></div>', body, re.S)
    assert code, body
    text = html.unescape(re.sub(r"<[^>]+>", "", code.group(1)))
    assert text == (
        "@inproceedings{roe2023special,\n"
        "  author = {Roe, Richard and O'Neil, Ann and others},\n"
        "  title = {Special Characters: 100\\% of \\#hash\\_tags \\& {Braces} in Titles},\n"
        "  booktitle = {Fixture Conference on Anomalies \\& Diffusion},\n"
        "  pages = {1--9},\n"
        "  year = {2023},\n"
        "  url = {https://example.org/papers/special?id=1&x=2}\n"
        "}\n"
    )


def test_paper_pages_stay_out_of_the_sidebar_and_edit_their_yaml(corpus_site: Path) -> None:
    page = (corpus_site / "papers/roe2023special/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/Siriussee/adgdm/edit/main/papers/roe2023special.yaml"' in page
    sidebar = re.search(r'<div class="md-sidebar md-sidebar--primary".*?<div class="md-sidebar md-sidebar--secondary"', page, re.S)
    assert sidebar and "How the site works" in sidebar.group(0)
    assert "papers/" not in sidebar.group(0)
    assert "<title>Special Characters: 100% of #hash_tags &amp; Braces in Titles - ADGDM</title>" in page


def test_notes_and_disagreements_are_shown(corpus_site: Path) -> None:
    body = article(corpus_site, "papers/roe2023special/index.html")
    assert "<p>A fixture with characters that BibTeX and HTML must escape.</p>" in body
    assert "<li><code>year</code>: the catalogue keeps <q>2023</q>; Fixture README gives <q>2022</q>.</li>" in body


def test_downloads_and_schema_are_published(corpus_site: Path) -> None:
    bib = (corpus_site / "downloads/papers.bib").read_text(encoding="utf-8")
    assert bib.count("\n@") + bib.startswith("@") == len(list((CORPUS / "papers").glob("*.yaml")))
    assert (corpus_site / "schema/paper.schema.json").exists()


def test_no_page_loads_anything_from_another_host(corpus_site: Path) -> None:
    for html_file in corpus_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for value in re.findall(rf"<{tag}\b(?![^>]*rel=\"canonical\")[^>]*\b{attribute}=\"([^\"]+)\"", text):
                assert not re.match(r"(https?:)?//", value), f"{html_file}: {value}"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_a_broken_paper_fails_the_build_with_the_checker_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", CORPUS / "papers")
    shutil.copy(FIXTURES / "invalid" / "year_range.yaml", project / "papers")
    site = tmp_path / "built"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "papers/year_range.yaml:6: year: 1850 is below the minimum 1900" in result.stderr
    assert "1 problem found" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "index.html").exists()
