"""Every paper page of the built site typed as Zotero's connector types it.

Zotero saves a page without a site translator of its own with the "Embedded Metadata" translator.
Its item-type rules are encoded here from its source, zotero/translators `Embedded Metadata.js`
(lastUpdated 2026-04-27 15:11:51; last commit to the file f6350edad7f4 of 2026-04-27, read at
the repository's commit 2814370161d0 of 2026-06-26), `init()`:

1. Every `<meta>` with a name (or property) and a content is read in document order. A name split
   at `.`, `:` and `_` whose second (or else first) part is a known RDF prefix (dc, dcterms, og,
   prism, eprints, z, ...) becomes an RDF statement for the RDF translator.
2. Otherwise Highwire tags set `hwType`, the last one winning: citation_journal_title →
   journalArticle, citation_technical_report_institution → report, citation_conference_title and
   citation_conference → conferencePaper, citation_book_title and citation_inbook_title →
   bookSection, citation_dissertation_institution → thesis. citation_title and
   citation_series_title set the guess journalArticle (if nothing was guessed), citation_isbn the
   guess book. A generator naming Blogger, WordPress or WooFramework guesses blogPost.
3. The type is `hwType` if set (completeItem swaps it in over anything else); else, with RDF
   statements, what the RDF translator detects; else the guess.

For the RDF step only the statements these pages carry are encoded, from `RDF.js` (lastUpdated
2026-06-19 20:26:35; commit 6c9e20a05fdf of 2026-06-19), `detectType()`: a `dc:type` that names
a Zotero item type is that type; a few Eprints vocabulary words map to types; the detected type
outranks the guess, which is `defaultUnknownType`. The test fails if a page carries any other
RDF statement, rather than guess what the translator would make of it.

The translator also takes `<meta name="description">` as the abstract when no citation_abstract
is present; the catalogue keeps no abstracts, so the description is the paper's summary in the
project's words, and never its short name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from adgdm.data.catalogue import Catalogue
from adgdm.data.urls import paper_page, url_of

from .site_tools import parse_html

RDF_PREFIXES = frozenset({"bib", "bibo", "dc", "dcterms", "prism", "foaf", "vcard", "link", "z", "eprint", "eprints", "og",
                          "article", "book", "music", "video", "so", "codemeta", "rdf"})
HIGHWIRE_TYPES = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
# Zotero 7's item types (ZU.itemTypeExists).
ZOTERO_TYPES = frozenset(
    "annotation artwork attachment audioRecording bill blogPost book bookSection case computerProgram conferencePaper dataset "
    "dictionaryEntry document email encyclopediaArticle film forumPost hearing instantMessage interview journalArticle "
    "letter magazineArticle manuscript map newspaperArticle note patent podcast preprint presentation radioBroadcast "
    "report standard statute thesis tvBroadcast videoRecording webpage".split())
# RDF.js: dc:type words of the Eprints type vocabulary.
EPRINTS_DC_TYPES = {
    "book": "book", "patent": "patent", "report": "report", "thesis": "thesis", "bookitem": "bookSection",
    "conferenceitem": "conferencePaper", "conferencepaper": "conferencePaper", "conferenceposter": "conferencePaper",
    "dataset": "dataset", "article": "journalArticle", "journalitem": "journalArticle", "journalarticle": "journalArticle",
    "submittedjournalarticle": "journalArticle", "text.serial.journal": "journalArticle", "newsitem": "newspaperArticle",
    "scholarlytext": "journalArticle", "workingpaper": "report",
}
EXPECTED = {"conference": "conferencePaper", "workshop": "conferencePaper", "journal": "journalArticle",
            "book": "book", "preprint": "preprint"}


def rdf_statement(tag: str) -> tuple[str, str] | None:
    """(prefix, property) when the translator hands the tag to the RDF translator."""
    parts = re.split(r"[.:_]", tag)
    prefix, length = (parts[1].lower(), len(parts[0]) + len(parts[1]) + 1) if len(parts) > 2 else ("", 0)
    if prefix not in RDF_PREFIXES:
        prefix, length = parts[0].lower(), len(parts[0])
    if prefix not in RDF_PREFIXES:
        return None
    prop = tag[length + 1:]
    return prefix, prop[:1].lower() + prop[1:]


def rdf_type(statements: list[tuple[str, str, str]]) -> str:
    """RDF.js detectType, for the statements encoded here."""
    unknown = sorted({f"{prefix}:{prop}" for prefix, prop, _ in statements} - {"dc:type"})
    assert unknown == [], f"statements this test does not model: {unknown}"
    for _, _, value in statements:
        if not value.isdigit() and value in ZOTERO_TYPES:
            return value
        if value.lower().replace(" ", "") in EPRINTS_DC_TYPES:
            return EPRINTS_DC_TYPES[value.lower().replace(" ", "")]
    return ""


def embedded_metadata_type(metas: list[tuple[str, str]]) -> str:
    """The item type "Embedded Metadata.js" gives a page with these (name, content) meta tags."""
    hw_type = guess = generator = ""
    statements: list[tuple[str, str, str]] = []
    for name, content in metas:
        if not name or not content:
            continue
        for tag in name.split():
            statement = rdf_statement(tag)
            if statement:
                statements.append((*statement, content))
            elif tag.lower() == "generator":
                if any(word in content.lower() for word in ("blogger", "wordpress", "wooframework")):
                    generator = "blogPost"
            else:
                short = tag[tag.rfind("citation_"):]
                if short in HIGHWIRE_TYPES:
                    hw_type = HIGHWIRE_TYPES[short]
                elif short in ("citation_title", "citation_series_title"):
                    guess = guess or "journalArticle"
                elif short == "citation_isbn":
                    guess = "book"
    if hw_type:
        return hw_type
    if statements:
        return rdf_type(statements) or guess or generator or "webpage"
    return guess or generator


def metas(page: Path) -> tuple[list[tuple[str, str]], str]:
    """The page's meta tags in order, and its HTML (for the WordPress markers)."""
    text = page.read_text(encoding="utf-8")
    parsed = parse_html(text)
    found = [(e.attrs.get("name") or e.attrs.get("property") or "", e.attrs.get("content", ""))
             for e in parsed.elements if e.tag == "meta"]
    return found, text


def test_the_rules_as_encoded() -> None:
    title = ("citation_title", "T")
    assert embedded_metadata_type([title]) == "journalArticle"
    assert embedded_metadata_type([title, ("citation_conference_title", "C")]) == "conferencePaper"
    assert embedded_metadata_type([title, ("DC.type", "preprint")]) == "preprint"
    assert embedded_metadata_type([title, ("citation_journal_title", "J"), ("DC.type", "preprint")]) == "journalArticle"
    assert embedded_metadata_type([title, ("citation_isbn", "1")]) == "book"
    assert embedded_metadata_type([title, ("citation_technical_report_institution", "arXiv")]) == "report"
    with pytest.raises(AssertionError, match="og:type"):
        embedded_metadata_type([title, ("og:type", "article")])


def test_every_paper_page_is_typed_by_its_kind_of_venue(built_site: Path, catalogue: Catalogue) -> None:
    """Above all, no arXiv-only paper comes out as a journal article."""
    wrong = []
    for paper in catalogue.papers:
        found, text = metas(built_site / url_of(paper_page(paper.id)) / "index.html")
        assert "wp-block-library-css" not in text and "yoast-schema-graph" not in text
        kind = catalogue.venues[paper.venue].kind
        if embedded_metadata_type(found) != EXPECTED[kind]:
            wrong.append(f"{paper.id} ({kind}): {embedded_metadata_type(found)}")
    assert wrong == []


def test_every_paper_page_links_its_pdf_and_landing_page_and_describes_it_in_our_words(built_site: Path,
                                                                                       catalogue: Catalogue) -> None:
    for paper in catalogue.papers:
        found = dict(reversed(metas(built_site / url_of(paper_page(paper.id)) / "index.html")[0]))
        preprint = catalogue.venues[paper.venue].kind == "preprint"
        if paper.arxiv and (preprint or not paper.openreview):
            assert found["citation_pdf_url"] == f"https://arxiv.org/pdf/{paper.arxiv}", paper.id
        elif paper.openreview:
            assert found["citation_pdf_url"] == f"https://openreview.net/pdf?id={paper.openreview}", paper.id
        if paper.url or paper.openreview or paper.arxiv or paper.doi:
            assert found["citation_abstract_html_url"].startswith(("https://", "http://")), paper.id
        if paper.openreview and not paper.url and not preprint:
            assert found["citation_abstract_html_url"] == f"https://openreview.net/forum?id={paper.openreview}", paper.id
        description = found["description"]
        assert description == paper.summary, paper.id
        assert not paper.short_name or paper.short_name not in description, paper.id
        assert "citation_abstract" not in found, paper.id
