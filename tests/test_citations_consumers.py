"""The built site's citation files as citation-js reads them (the library behind many reference
tools and citation sites), entry by entry against the catalogue: title, authors, year, venue, DOI
and arXiv id survive papers.ris, papers.bib and papers.json, and no APA reference lacks its year.

citation-js 0.8 (@citation-js/core, plugin-ris, plugin-bibtex, plugin-csl), pinned in package.json,
runs with node from tests/node/citation_js.cjs.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from adgdm.data.catalogue import Catalogue
from adgdm.data.models import Paper, Venue
from adgdm.data.text import strip_braces
from adgdm.site.pages.downloads import ALL_BIB, ALL_CSL, ALL_RIS

from .consumer_tools import citation_js, csl_names

# The CSL type citation-js gives each venue kind, per file.
RIS_TYPES = {"conference": "paper-conference", "workshop": "paper-conference", "journal": "article-journal",
             "preprint": "report", "book": "book"}
CSL_TYPES = {"conference": "paper-conference", "workshop": "paper-conference", "journal": "article-journal",
             "preprint": "article", "book": "book"}
BIBTEX_TYPES = {"conference": "paper-conference", "workshop": "paper-conference", "journal": "article-journal",
                "preprint": "document", "book": "book"}


@pytest.fixture(scope="module")
def read(built_site: Path) -> dict[str, tuple[list[dict[str, Any]], list[str]]]:
    return {kind: citation_js(kind, built_site / path) for kind, path in (("ris", ALL_RIS), ("bibtex", ALL_BIB), ("csl", ALL_CSL))}


def venue_of(item: dict[str, Any], venue: Venue) -> str:
    """Where citation-js put the venue: the container for proceedings and journals, else the publisher."""
    return str(item.get("container-title" if venue.kind in ("conference", "workshop", "journal") else "publisher", ""))


def expected_venue(paper: Paper, venue: Venue) -> str:
    if venue.kind == "book":
        return paper.publisher or venue.publisher
    return venue.name


def year_of(item: dict[str, Any]) -> int:
    return int(item["issued"]["date-parts"][0][0])


def pairs(catalogue: Catalogue) -> list[tuple[Paper, Venue]]:
    return [(paper, catalogue.venues[paper.venue]) for paper in catalogue.papers]


def test_citation_js_reads_every_ris_record_with_its_year_venue_and_identifiers(read: dict, catalogue: Catalogue) -> None:  # type: ignore[type-arg]
    items, _ = read["ris"]
    assert [item["id"] for item in items] == [p.id for p in catalogue.papers]
    for item, (paper, venue) in zip(items, pairs(catalogue), strict=True):
        assert item["type"] == RIS_TYPES[venue.kind], paper.id
        assert item["title"] == strip_braces(paper.title), paper.id
        assert csl_names(item) == [a.sort_key for a in paper.authors], paper.id  # no "others": RIS has no et al.
        assert year_of(item) == paper.year, paper.id
        assert venue_of(item, venue) == expected_venue(paper, venue), paper.id
        assert item.get("DOI", "") == paper.doi, paper.id
        if venue.kind == "preprint":
            assert item.get("number", "") == (f"arXiv:{paper.arxiv}" if paper.arxiv else ""), paper.id
        elif paper.arxiv:
            assert f"arXiv:{paper.arxiv}" in item.get("note", ""), paper.id
        if venue.kind in ("conference", "workshop"):
            # The conference and its year, beside the proceedings and the publication date.
            assert (item["event-title"], year_of({"issued": item["event-date"]})) == (venue.name, paper.year), paper.id
            assert item.get("issue", "") == paper.number, paper.id


def test_citation_js_reads_every_csl_item(read: dict, catalogue: Catalogue) -> None:  # type: ignore[type-arg]
    items, _ = read["csl"]
    assert [item["id"] for item in items] == [p.id for p in catalogue.papers]
    for item, (paper, venue) in zip(items, pairs(catalogue), strict=True):
        assert item["type"] == CSL_TYPES[venue.kind], paper.id
        assert (item["title"], csl_names(item), year_of(item)) == (strip_braces(paper.title), [a.sort_key for a in paper.authors],
                                                                   paper.year), paper.id
        assert venue_of(item, venue) == expected_venue(paper, venue), paper.id
        assert item.get("DOI", "") == paper.doi, paper.id
        # CSL has a number for a preprint's identifier; other items link the publisher's page instead.
        if venue.kind == "preprint":
            assert item.get("number", "") == paper.arxiv, paper.id


def _plain(text: str) -> str:
    """citation-js reads TeX's apostrophes and dashes as typographic ones, as TeX prints them."""
    return strip_braces(text).replace("’", "'").replace("–", "--").replace("—", "---")


def test_citation_js_reads_every_bibtex_entry(read: dict, catalogue: Catalogue) -> None:  # type: ignore[type-arg]
    """The LaTeX escapes decode back to the catalogue's names and titles. Two readings are citation-js's
    own: BibTeX's "and others" (an incomplete author list, which styles print as "et al.") comes back
    as an author named "others", and `eprint` is read for PubMed ids only, so the arXiv id of an
    arXiv preprint is found in `howpublished`, which it reads as the publisher."""
    items, _ = read["bibtex"]
    assert [item["id"] for item in items] == [p.id for p in catalogue.papers]
    for item, (paper, venue) in zip(items, pairs(catalogue), strict=True):
        assert item["type"] == BIBTEX_TYPES[venue.kind], paper.id
        assert _plain(item["title"]) == _plain(paper.title), paper.id
        others = ["others"] if paper.authors_incomplete else []
        assert [_plain(name) for name in csl_names(item)] == [_plain(a.sort_key) for a in paper.authors] + others, paper.id
        assert year_of(item) == paper.year, paper.id
        assert item.get("DOI", "") == paper.doi, paper.id
        if venue.kind == "preprint" and venue.short == "arXiv":
            assert item["publisher"] == f"arXiv preprint arXiv:{paper.arxiv}", paper.id
        else:
            assert venue_of(item, venue) == expected_venue(paper, venue), paper.id
        if venue.kind in ("conference", "workshop", "journal"):
            assert item.get("issue", "") == paper.number, paper.id


@pytest.mark.parametrize("kind", ["ris", "bibtex", "csl"])
def test_every_apa_reference_has_its_year_and_venue(read: dict, catalogue: Catalogue, kind: str) -> None:  # type: ignore[type-arg]
    """APA prints "(n.d.)" for an item without an issued date: no entry of any file may need it."""
    _, references = read[kind]
    assert len(references) == len(catalogue.papers)
    for reference, (paper, venue) in zip(references, pairs(catalogue), strict=True):
        text = html.unescape(reference)
        assert "(n.d.)" not in text and f"({paper.year})" in text, (paper.id, text)
        if venue.kind != "preprint":
            assert re.sub(r"\s+", " ", expected_venue(paper, venue)) in text, (paper.id, text)
