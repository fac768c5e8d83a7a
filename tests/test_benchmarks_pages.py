"""Leaderboard, dataset, related-surveys and paper-section pages of the fixture corpus: exact HTML for
the parts that carry data, every value equal to the data, every row linking to an existing page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from adgdm.citations.bibtex import to_bibtex
from adgdm.data.catalogue import Catalogue
from adgdm.site.compose import make_context, render_site
from adgdm.site.generated_site import GeneratedSite
from adgdm.site.leaderboards import build_leaderboards

from .benchmarks_support import build_corpus_site, check_leaderboard, page_exists, tables


@pytest.fixture(scope="module")
def corpus_pages(corpus_catalogue: Catalogue) -> GeneratedSite:
    return render_site(make_context(corpus_catalogue))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus_site(tmp_path_factory.mktemp("benchmarks"))


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_the_leaderboard_header_names_each_column_with_its_direction(site: Path) -> None:
    [table] = tables(read(site, "benchmarks/fix-board/index.html"), "adgdm-leaderboard")
    assert table.labels() == ["Method", "Year", "Venue", "Images (AUROC) ↑", "Images (AUROC), second value †",
                              "Video (error) ↓"]
    assert [cell.attrs.get("data-type") for cell in table.header] == [None, "number", None, "number", "number", "number"]
    assert "adgdm-sortable" in table.attrs["class"].split()


def test_every_leaderboard_value_equals_the_data_and_every_row_links_to_its_paper(
        site: Path, corpus_catalogue: Catalogue) -> None:
    assert check_leaderboard(site, build_leaderboards(corpus_catalogue)["fix-board"]) == 3


def test_the_best_value_is_marked_with_words_not_colour_alone(corpus_pages: GeneratedSite) -> None:
    markdown = corpus_pages.pages["benchmarks/fix-board.md"]
    assert ('<td data-value="100" class="adgdm-best"><strong>100</strong><span class="adgdm-best-mark" '
            'aria-hidden="true"> ★</span><span class="adgdm-sr"> (best in this column)</span></td>') in markdown
    assert ('<td data-value="0.1" class="adgdm-best"><strong>0.1</strong>') in markdown
    # The second value has no direction in the source, so nothing in its column is marked best.
    assert '<td data-value="80">80</td>' in markdown
    assert markdown.count('class="adgdm-best"') == 2


def test_identical_rows_are_shown_and_flagged_and_the_source_is_named(corpus_pages: GeneratedSite) -> None:
    markdown = corpus_pages.pages["benchmarks/fix-board.md"]
    assert ('<a href="../../papers/ada2021leader/">&lt;LEAD&gt;</a> '
            '<span class="adgdm-flag">(same values as TWIN in the source)</span>') in markdown
    assert ('<a href="../../papers/bay2021twin/">TWIN</a> '
            '<span class="adgdm-flag">(same values as &lt;LEAD&gt; in the source)</span>') in markdown
    assert ("</tbody></table></div><p class=\"adgdm-source\">Source: as reported in the survey's TABLE 3 of "
            '<a href="../../papers/doe2025fixture/">Fixture Survey of Anomalies</a>. '
            "Values are copied as printed; the site computes none of them.</p>") in markdown
    assert ('<ul class="adgdm-notes"><li>The &lt;LEAD&gt; and TWIN rows carry identical values in the source.</li>'
            "</ul>") in markdown


def test_the_column_list_says_what_each_column_measures_and_what_is_unknown(corpus_pages: GeneratedSite) -> None:
    markdown = corpus_pages.pages["benchmarks/fix-board.md"]
    assert (
        '<dl class="adgdm-columns"><dt>Images (AUROC)</dt><dd><a href="../../datasets/fix-images/">Fixture Images '
        "&lt;&amp;&gt;</a>; metric: AUROC; unit: %; setting: one class per model; higher is better.</dd>"
        '<dt>Images (AUROC), second value</dt><dd><a href="../../datasets/fix-images/">Fixture Images &lt;&amp;&gt;</a>; '
        "metric: second value; no direction given, so no best value is marked.</dd>"
        '<dd class="adgdm-column-note">† The source prints a second number here without saying what it measures.</dd>'
        '<dt>Video (error)</dt><dd><a href="../../datasets/fix-video/">Fixture Video</a>; metric: error; '
        "lower is better.</dd></dl>"
    ) in markdown


def test_the_leaderboard_index_lists_each_board_with_its_source(site: Path) -> None:
    page = "benchmarks/index.html"
    [table] = tables(read(site, page), "adgdm-benchmarks")
    assert table.labels() == ["Leaderboard", "Source", "Datasets", "Metrics", "Methods"]
    assert [[c.text for c in row] for row in table.rows] == [[
        "Fixture results on Fixture Images & Fixture Video", "ADGDM TABLE 3", "Fixture Images <&>, Fixture Video",
        "AUROC, second value, error", "3",
    ]]
    assert all(page_exists(site, page, href) for row in table.rows for cell in row for href in cell.links)


def test_a_dataset_page_gives_its_facts_homepage_and_introducing_paper(
        corpus_pages: GeneratedSite, corpus_catalogue: Catalogue) -> None:
    markdown = corpus_pages.pages["datasets/fix-images.md"]
    assert (
        '<dl class="adgdm-facts"><dt>Task</dt><dd>IAD</dd><dt>Modality</dt><dd><a href="../../taxonomy/image/">Image</a>'
        "</dd><dt>Real or synthetic</dt><dd>Real</dd><dt>Size (samples)</dt><dd>1,234</dd><dt>Subjects or classes</dt>"
        "<dd>5</dd><dt>Domain</dt><dd>Fixture inspection &amp; &lt;testing&gt;</dd><dt>Year</dt><dd>2021</dd>"
        "<dt>Venue (as the survey lists it)</dt><dd>FCONF</dd><dt>Homepage</dt><dd>"
        '<a href="https://example.org/datasets/fixture-images?x=1&amp;y=2" rel="noopener">'
        "https://example.org/datasets/fixture-images?x=1&amp;y=2</a></dd><dt>Listed in</dt><dd>Fixture TABLE 13</dd></dl>"
    ) in markdown
    gap = corpus_catalogue.paper("cole2021gap")
    assert ('<p class="adgdm-lead"><a href="../../papers/cole2021gap/">Fixture Images: A Dataset with Gaps</a> '
            "(GAP, FCONF 2021)</p>") in markdown
    assert f"```bibtex\n{to_bibtex(gap, corpus_catalogue.venues['FCONF'])}```\n" in markdown
    assert '<li><a href="../../benchmarks/fix-board/">Fixture results on Fixture Images &amp; Fixture Video</a></li>' in markdown


def test_a_dataset_page_lists_the_papers_evaluated_on_it(site: Path) -> None:
    page = "datasets/fix-video/index.html"
    html = read(site, page)
    [table] = tables(html, "adgdm-papers")
    assert [row[0].text for row in table.rows] == ["<LEAD>", "TWIN", "GAP"]
    assert all(page_exists(site, page, href) for row in table.rows for cell in row for href in cell.links)
    assert "The catalogue does not hold the paper that introduced this dataset yet." in html
    assert '<h2 id="papers">Papers evaluated on it (3)' in html


def test_the_dataset_index_has_a_row_per_dataset(site: Path, corpus_catalogue: Catalogue) -> None:
    page = "datasets/index.html"
    [table] = tables(read(site, page), "adgdm-datasets")
    assert [[c.text for c in row] for row in table.rows] == [
        ["Fixture Images <&>", "IAD", "Image", "Real", "1,234", "5", "Fixture inspection & <testing>", "2021", "3"],
        ["Fixture Video", "VAD", "Video", "Synthetic", "28", "", "Fixture surveillance", "", "3"],
    ]
    assert len(table.rows) == len(corpus_catalogue.datasets)
    assert all(page_exists(site, page, href) for row in table.rows for cell in row for href in cell.links)


def test_related_surveys_show_coverage_symbols_with_text_alternatives(site: Path, corpus_catalogue: Catalogue) -> None:
    page = "related-surveys/index.html"
    html = read(site, page)
    [table] = tables(html, "adgdm-related")
    assert table.labels() == ["Survey", "Year", "Venue", "Main focus", "Domain", "IAD", "VAD", "TSAD", "TAD", "MAD",
                              "AG", "DM", "DATASET", "METRIC", "Resources"]
    [row] = table.rows
    assert [c.text for c in row[:5]] == ["A Related Fixture Survey", "2021", "FJ", "Fixture AD & <friends>", "General"]
    assert [c.text for c in row[5:14]] == ["●", "◐", "○", "N/A", "○", "◐", "○", "●", "◐"]
    assert [c.attrs["data-value"] for c in row[5:14]] == ["3", "2", "1", "0", "1", "2", "1", "3", "2"]
    labels = re.findall(r'<td data-value="\d"><span class="adgdm-cov adgdm-cov--([a-z-]+)" role="img" '
                        r'aria-label="([a-z ]+)" title="\2">', html)
    expected = dict(corpus_catalogue.paper("fox2021related").coverage)
    words = {"full": "fully covered", "partial": "partially covered", "none": "not covered",
             "not-applicable": "not applicable"}
    assert labels == [(level, words[level]) for level in expected.values()]
    assert row[14].links == ["https://github.com/example/related-survey"]
    assert page_exists(site, page, row[0].links[0])


def test_related_surveys_have_a_legend(corpus_pages: GeneratedSite) -> None:
    markdown = corpus_pages.pages["related-surveys.md"]
    assert (
        '<ul class="adgdm-legend adgdm-cov-legend"><li><span class="adgdm-cov adgdm-cov--full" role="img" '
        'aria-label="fully covered" title="fully covered">●</span> fully covered</li><li><span class="adgdm-cov '
        'adgdm-cov--partial" role="img" aria-label="partially covered" title="partially covered">◐</span> partially '
        'covered</li><li><span class="adgdm-cov adgdm-cov--none" role="img" aria-label="not covered" title="not covered">'
        '○</span> not covered</li><li><span class="adgdm-cov adgdm-cov--not-applicable" role="img" aria-label="not '
        'applicable" title="not applicable">N/A</span> not applicable</li></ul>'
    ) in markdown
    assert "<li><strong>TSAD</strong>: Time-series anomaly detection</li>" in markdown
    assert ("Source: as reported in the survey's TABLE 1 of "
            '<a href="../papers/doe2025fixture/">Fixture Survey of Anomalies</a>.') in markdown


def test_the_paper_page_shows_its_results_and_datasets(corpus_pages: GeneratedSite) -> None:
    markdown = corpus_pages.pages["papers/cole2021gap.md"]
    assert (
        "## Benchmark results and datasets {#results}\n\n"
        '<div class="adgdm-block">\n'
        '<h3><a href="../../benchmarks/fix-board/">Fixture results on Fixture Images &amp; Fixture Video</a></h3>'
        '<table class="adgdm-paper-results">\n'
        '<thead><tr><th scope="col">Column</th><th scope="col">Dataset</th><th scope="col">Value</th></tr></thead>\n'
        "<tbody>\n"
        '<tr><td>Images (AUROC) ↑</td><td><a href="../../datasets/fix-images/">Fixture Images &lt;&amp;&gt;</a></td>'
        '<td data-value="100" class="adgdm-best"><strong>100</strong><span class="adgdm-best-mark" aria-hidden="true">'
        ' ★</span><span class="adgdm-sr"> (best in this column)</span></td></tr>\n'
        '<tr><td>Images (AUROC), second value<span class="adgdm-column-note">The source prints a second number here '
        'without saying what it measures.</span></td><td><a href="../../datasets/fix-images/">Fixture Images '
        '&lt;&amp;&gt;</a></td><td><span class="adgdm-missing" title="not reported in the source">–</span></td></tr>\n'
        '<tr><td>Video (error) ↓</td><td><a href="../../datasets/fix-video/">Fixture Video</a></td><td data-value="0.1" '
        'class="adgdm-best"><strong>0.1</strong><span class="adgdm-best-mark" aria-hidden="true"> ★</span>'
        '<span class="adgdm-sr"> (best in this column)</span></td></tr>\n'
        "</tbody></table><p class=\"adgdm-source\">Source: as reported in the survey's TABLE 3 of "
        '<a href="../../papers/doe2025fixture/">Fixture Survey of Anomalies</a>. ↑ higher is better, ↓ lower is better; '
        "★ marks the best value of its column in that leaderboard.</p>\n</div>\n\n"
        '\n<div class="adgdm-block">\n'
        '<p class="adgdm-lead">Evaluated on: <a href="../../datasets/fix-images/">Fixture Images &lt;&amp;&gt;</a>, '
        '<a href="../../datasets/fix-video/">Fixture Video</a>.</p>'
        '<p class="adgdm-lead">Introduced the dataset: <a href="../../datasets/fix-images/">Fixture Images &lt;&amp;&gt;</a>.</p>\n</div>\n'
    ) in markdown


def test_papers_without_results_or_datasets_have_no_such_section(corpus_pages: GeneratedSite) -> None:
    for paper_id in ("doe2025fixture", "poe2022book", "roe2023special", "fox2021related"):
        assert "Benchmark results and datasets" not in corpus_pages.pages[f"papers/{paper_id}.md"]


def test_the_benchmarks_tab_leads_to_leaderboards_datasets_and_related_surveys(site: Path) -> None:
    html = read(site, "index.html")
    for href, label in (("benchmarks/", "Leaderboards"), ("datasets/", "Datasets"), ("related-surveys/", "Related surveys")):
        assert re.search(rf'<a href="{href}" class="md-nav__link">\s*<span class="md-ellipsis">\s*{label}', html), label
