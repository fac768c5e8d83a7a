"""The data-quality page: which papers each list holds, that "old" is judged against the newest
`added` date rather than the clock, the rendered page with its links, and the page in the built site."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest
from adgdm.data.catalogue import Catalogue
from adgdm.data.models import Author, Disagreement, Paper
from adgdm.data.urls import href, paper_page, quality_page
from adgdm.site.compose import make_context
from adgdm.site.pages import quality
from adgdm.site.pages.quality import quality_report, render_quality


def fake(paper_id: str, **fields: object) -> Paper:
    base: dict[str, object] = dict(id=paper_id, title=f"Title of {paper_id}", authors=(Author("Doe", "J."),), year=2024,
                                   venue="MICCAI", modality=("image",), task="detection", uses_diffusion=True,
                                   added=datetime.date(2025, 6, 1))
    base.update(fields)
    return Paper(**base)  # type: ignore[arg-type]


@pytest.fixture
def small(catalogue: Catalogue) -> Catalogue:
    """The real vocabularies with five made-up papers, one for each kind of problem."""
    papers = (
        fake("aclean2024", doi="10.1/clean", code=("https://example.org/code",)),
        fake("boldpre2023", venue="arXiv", arxiv="2301.00001", year=2023, modality=("video",)),
        fake("cnewpre2024", venue="arXiv", arxiv="2401.00001", task="generation", code=("https://example.org/c",)),
        fake("dpartial2022", year=2022, url="https://example.org/d", authors_incomplete=True, modality=("image", "tabular"),
             disagreements=(Disagreement("year", "2021", "Somewhere"), Disagreement("venue", "X", "Elsewhere"))),
        fake("esurvey2025", year=2025, task="survey", openreview="abcdEFGH12", code=("https://example.org/e",)),
    )
    return dataclasses.replace(catalogue, papers=papers)


def listed(report: object, anchor: str) -> list[str]:
    check = next(c for c in report.checks if c.anchor == anchor)  # type: ignore[attr-defined]
    return [p.id for p in check.papers]


def test_each_list_holds_exactly_the_papers_with_that_problem(small: Catalogue) -> None:
    report = quality_report(make_context(small))
    assert listed(report, "no-identifier") == ["dpartial2022", "esurvey2025"]
    assert listed(report, "no-code") == ["boldpre2023", "dpartial2022"]
    assert listed(report, "incomplete-authors") == ["dpartial2022"]
    assert listed(report, "disagreements") == ["dpartial2022"]
    # The newest addition is from 2025, so preprints dated 2023 or earlier are certainly over a year old.
    assert report.reference_year == 2025
    assert listed(report, "old-preprints") == ["boldpre2023"]


def test_counts_per_modality_task_and_year(small: Catalogue) -> None:
    report = quality_report(make_context(small))
    assert dict(report.by_modality) == {"image": 4, "video": 1, "time-series": 0, "tabular": 1, "multimodal": 0,
                                        "graph": 0, "point-cloud": 0, "audio": 0}
    assert dict(report.by_task) == {"detection": 3, "generation": 1, "dataset": 0, "survey": 1, "other": 0}
    assert report.by_year == ((2022, 1), (2023, 1), (2024, 2), (2025, 1))


def test_old_preprints_follow_the_newest_added_date_not_the_clock(small: Catalogue) -> None:
    later = [dataclasses.replace(p, added=datetime.date(2027, 1, 2)) if p.id == "aclean2024" else p for p in small.papers]
    report = quality_report(make_context(dataclasses.replace(small, papers=tuple(later))))
    assert report.reference_year == 2027
    assert listed(report, "old-preprints") == ["boldpre2023", "cnewpre2024"]


def test_the_page_links_every_listed_paper_and_is_the_same_on_every_render(small: Catalogue) -> None:
    ctx = make_context(small)
    page = render_quality(ctx)
    assert page == render_quality(ctx)
    assert page.startswith('---\ntitle: "Data quality"\n')
    for anchor in ("counts", "no-identifier", "no-code", "incomplete-authors", "disagreements", "old-preprints", "empty-nodes"):
        assert f"{{#{anchor}}}" in page
    assert href(quality_page(), paper_page("dpartial2022")) == "../papers/dpartial2022/"
    assert '<a href="../papers/dpartial2022/">Title of dpartial2022</a>' in page
    assert '<a href="https://example.org/d" rel="noopener">publisher page</a>' in page      # the other link it has
    assert "<td>venue, year</td>" in page                                                  # the fields in dispute
    assert '<a href="../taxonomy/image/">Image</a></td><td>4</td>' in page
    assert '<a href="../years/2024/">2024</a></td><td>2</td>' in page


def test_the_real_catalogue_report(catalogue: Catalogue) -> None:
    report = quality_report(make_context(catalogue))
    assert listed(report, "incomplete-authors") == ["kazerooni2024brain", "liu2023flow"]
    assert sum(n for _, n in report.by_modality) >= len(catalogue.papers)
    assert sum(n for _, n in report.by_year) == len(catalogue.papers)
    # Once this site placed every method, no node of the taxonomy is left without a paper.
    assert report.empty_nodes == ()


def test_the_built_site_has_the_page_in_the_about_menu(built_site: Path) -> None:
    html = (built_site / "quality" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Data quality</h1>" in html
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    entry = re.search(r'<a href="\.\./quality/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Data quality\s*</span>', about)
    assert entry, "no 'Data quality' entry in the About menu"
    linked = re.findall(r'href="\.\./papers/([a-z0-9_]+)/"', html)
    assert "hu2022varmae" in linked and "liu2023flow" in linked
    for target in linked:
        assert (built_site / "papers" / target / "index.html").exists(), target


def test_the_report_lists_the_records_still_to_check(catalogue: Catalogue) -> None:
    report = quality_report(make_context(catalogue))
    found = {check.anchor: {p.id for p in check.papers} for check in report.checks}
    assert found["not-checked"] == set()
    assert found["no-primary-page"] == {p.id for p in catalogue.papers
                                        if p.verified is not None and not dict(p.verified.sources).get("record")}
    assert "cong2013video" in found["initials-only"] and "wyatt2022anoddpm" not in found["initials-only"]
    assert all(not catalogue.paper(pid).doi for pid in found["doi-gaps"])


@pytest.mark.parametrize(("given", "initials"), [("", True), ("J.", True), ("J.-P. M.", True), ("Julian", False),
                                                 ("Sebastian M.", False)])
def test_initials_are_told_from_given_names(given: str, initials: bool) -> None:
    assert quality._initials_only(given) is initials


def test_counts_by_verification_state_and_source(small: Catalogue) -> None:
    from adgdm.data.models import Verification
    day = datetime.date(2026, 12, 3)
    record = (("record", ("https://example.org/record",)),)
    papers = list(small.papers)
    papers[0] = dataclasses.replace(papers[0], verified=Verification(day, record))
    papers[1] = dataclasses.replace(papers[1], verified=Verification(day, record, unconfirmed=("pages",)))
    papers[2] = dataclasses.replace(papers[2], verified=Verification(day, (), note="nothing found"))
    ctx = make_context(dataclasses.replace(small, papers=tuple(papers)))
    report = quality_report(ctx)
    assert report.by_state == (("checked", 1), ("partly-checked", 1), ("no-primary-page", 1), ("not-checked", 2))
    assert report.by_source == (("adgdm", 0), ("dmad", 0), ("site", 5))
    page = render_quality(ctx)
    assert ('<table class="adgdm-sortable adgdm-counts">\n<caption>Papers per verification</caption>\n'
            '<thead><tr><th scope="col">Verification</th><th scope="col" data-type="number">Papers</th></tr></thead>\n<tbody>\n'
            "<tr><td>Checked: every recorded fact confirmed on a primary page</td><td>1</td></tr>\n"
            "<tr><td>Partly checked: some fields still unconfirmed</td><td>1</td></tr>\n"
            '<tr><td><a href="#no-primary-page">Looked up, but no primary page found</a></td><td>1</td></tr>\n'
            '<tr><td><a href="#not-checked">Not checked</a></td><td>2</td></tr>\n'
            "</tbody></table>") in page
    assert '<tr><td><a href="../explorer/?source=site">Added by this site</a></td><td>5</td></tr>' in page


def test_the_real_catalogue_is_checked_paper_by_paper(catalogue: Catalogue) -> None:
    report = quality_report(make_context(catalogue))
    states = dict(report.by_state)
    assert sum(states.values()) == len(catalogue.papers)
    assert states["not-checked"] == 0  # every paper carries a verification record
    assert states["checked"] + states["partly-checked"] >= 0.85 * len(catalogue.papers)
