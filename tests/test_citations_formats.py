"""CSL-JSON, IEEE plain text, RIS, CSV and Highwire tags: exact output for the fixture corpus, and the
real download files read by pandoc, rispy and Python's csv module."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
import rispy
from adgdm.citations.bibtex import bib_file, to_bibtex
from adgdm.citations.csl import csl_json, to_csl
from adgdm.citations.highwire import citation_meta
from adgdm.citations.ieee import initials, to_ieee
from adgdm.citations.ris import to_ris
from adgdm.citations.spreadsheet import csv_file, spreadsheet_safe
from adgdm.data.catalogue import Catalogue
from adgdm.data.models import Author
from adgdm.data.text import strip_braces
from adgdm.data.urls import node_bib, paper_bib, paper_ris, venue_bib
from adgdm.site.compose import make_context, render_site
from adgdm.site.context import SiteOptions
from adgdm.site.pages.cite import fenced
from adgdm.site.pages.downloads import ALL_BIB, ALL_CSL, ALL_CSV, ALL_RIS

from .citation_tools import every_shape, pandoc_bibliography, pandoc_to_csl


def pair(catalogue: Catalogue, paper_id: str) -> tuple:  # type: ignore[type-arg]
    paper = catalogue.paper(paper_id)
    return paper, catalogue.venues[paper.venue]


# -- exact output for the fixture corpus ----------------------------------------------------------

def test_csl_item_of_an_arxiv_preprint(corpus_catalogue: Catalogue) -> None:
    assert to_csl(*pair(corpus_catalogue, "doe2025fixture")) == {
        "id": "doe2025fixture",
        "type": "article",
        "title": "A Fixture Survey of MVTec Anomalies: DDPM, 3D Scans & Non-Markovian Noise",
        "author": [{"family": "Doe", "given": "Jane"}, {"family": "Schölkopf", "given": "Bernhard"},
                   {"family": "Božič", "given": "Aljaž"}],
        "issued": {"date-parts": [[2025]]},
        "publisher": "arXiv",
        "number": "2501.00001",
        "DOI": "10.48550/arXiv.2501.00001",
        "URL": "https://arxiv.org/abs/2501.00001",
    }


def test_csl_json_text_is_one_field_per_line(corpus_catalogue: Catalogue) -> None:
    assert csl_json([pair(corpus_catalogue, "doe2024predecessor")]) == (
        "[\n"
        "  {\n"
        '    "id": "doe2024predecessor",\n'
        '    "type": "article-journal",\n'
        '    "title": "Predecessor of the Fixture Survey",\n'
        '    "author": [{"family": "Doe", "given": "Jane"}],\n'
        '    "issued": {"date-parts": [[2024]]},\n'
        '    "container-title": "Fixture Journal of Detection",\n'
        '    "volume": "12",\n'
        '    "issue": "3",\n'
        '    "page": "100-120",\n'
        '    "DOI": "10.9999/fixture.2024.1"\n'
        "  }\n"
        "]\n"
    )
    assert csl_json([]) == "[]\n"


@pytest.mark.parametrize(("paper_id", "reference"), [
    ("doe2024predecessor",
     "J. Doe, “Predecessor of the Fixture Survey,” Fixture Journal of Detection, vol. 12, no. 3, pp. 100–120, 2024, "
     "doi: 10.9999/fixture.2024.1."),
    ("doe2025fixture",
     "J. Doe, B. Schölkopf, and A. Božič, “A Fixture Survey of MVTec Anomalies: DDPM, 3D Scans & Non-Markovian Noise,” "
     "arXiv preprint arXiv:2501.00001, 2025."),
    ("poe2022book", "E. A. Poe, The Book of Gaussian Anomalies. Fixture Press, 2022."),
    ("roe2023special",
     "R. Roe, A. O'Neil, et al., “Special Characters: 100% of #hash_tags & Braces in Titles,” "
     "in Proc. Fixture Conference on Anomalies & Diffusion, 2023, pp. 1–9."),
])
def test_ieee_plain_text(corpus_catalogue: Catalogue, paper_id: str, reference: str) -> None:
    assert to_ieee(*pair(corpus_catalogue, paper_id)) == reference


def test_ieee_names_long_author_lists_and_question_titles(corpus_catalogue: Catalogue) -> None:
    assert [initials(g) for g in ("Laurence T.", "Jean-Pierre", "C. I.", "Hsiao-Ming")] == ["L. T.", "J.-P.", "C. I.", "H.-M."]
    paper, venue = pair(corpus_catalogue, "doe2024predecessor")
    seven = tuple(Author(f"Family{i}", "Given") for i in range(7))
    longer = replace(paper, authors=seven, title="Is It an Anomaly?", doi="", volume="", number="", pages="")
    assert to_ieee(longer, venue) == "G. Family0 et al., “Is It an Anomaly?” Fixture Journal of Detection, 2024."
    alone = replace(longer, authors=seven[:1], authors_incomplete=True)
    assert to_ieee(alone, venue).startswith("G. Family0 et al., “Is It")
    proceedings = replace(venue, kind="conference", name="Proceedings of the Fixture Conference")
    assert to_ieee(longer, proceedings) == "G. Family0 et al., “Is It an Anomaly?” in Proceedings of the Fixture Conference, 2024."


def test_ris_record_of_a_journal_article(corpus_catalogue: Catalogue) -> None:
    assert to_ris(*pair(corpus_catalogue, "doe2024predecessor")) == (
        "TY  - JOUR\n"
        "ID  - doe2024predecessor\n"
        "AU  - Doe, Jane\n"
        "TI  - Predecessor of the Fixture Survey\n"
        "T2  - Fixture Journal of Detection\n"
        "PY  - 2024\n"
        "DA  - 2024///\n"
        "VL  - 12\n"
        "IS  - 3\n"
        "SP  - 100\n"
        "EP  - 120\n"
        "DO  - 10.9999/fixture.2024.1\n"
        "ER  - \n"
    )


def test_ris_record_of_a_book_and_a_preprint(corpus_catalogue: Catalogue) -> None:
    assert to_ris(*pair(corpus_catalogue, "poe2022book")) == (
        "TY  - BOOK\nID  - poe2022book\nAU  - Poe, Edgar A.\nTI  - The Book of Gaussian Anomalies\nPY  - 2022\n"
        "DA  - 2022///\nPB  - Fixture Press\nUR  - https://openreview.net/forum?id=AbCdEf12345\nER  - \n"
    )
    # A report for RIS readers, the server as its publisher and the arXiv id as its number; the
    # Extra-field line turns it into a preprint in Zotero.
    assert to_ris(*pair(corpus_catalogue, "doe2025fixture")) == (
        "TY  - RPRT\n"
        "ID  - doe2025fixture\n"
        "AU  - Doe, Jane\n"
        "AU  - Schölkopf, Bernhard\n"
        "AU  - Božič, Aljaž\n"
        "TI  - A Fixture Survey of MVTec Anomalies: DDPM, 3D Scans & Non-Markovian Noise\n"
        "PY  - 2025\n"
        "DA  - 2025///\n"
        "SN  - arXiv:2501.00001\n"
        "PB  - arXiv\n"
        "DO  - 10.48550/arXiv.2501.00001\n"
        "UR  - https://arxiv.org/abs/2501.00001\n"
        "M2  - Type: preprint\n"
        "ER  - \n"
    )


def test_ris_record_of_a_conference_paper(corpus_catalogue: Catalogue) -> None:
    """The proceedings in C3 and the date in DA, where Zotero and citation-js read them; T2 and PY are
    the conference and its year. Only the known authors: RIS has no "et al."."""
    assert to_ris(*pair(corpus_catalogue, "roe2023special")) == (
        "TY  - CONF\n"
        "ID  - roe2023special\n"
        "AU  - Roe, Richard\n"
        "AU  - O'Neil, Ann\n"
        "TI  - Special Characters: 100% of #hash_tags & Braces in Titles\n"
        "T2  - Fixture Conference on Anomalies & Diffusion\n"
        "C3  - Fixture Conference on Anomalies & Diffusion\n"
        "PY  - 2023\n"
        "DA  - 2023///\n"
        "SP  - 1\n"
        "EP  - 9\n"
        "UR  - https://example.org/papers/special?id=1&x=2\n"
        "ER  - \n"
    )
    paper, venue = pair(corpus_catalogue, "roe2023special")
    issued = to_ris(replace(paper, volume="38", number="4", arxiv="2301.00002"), venue)
    assert "VL  - 38\nM1  - 4\nSP  - 1\n" in issued and "N1  - arXiv:2301.00002\n" in issued


def test_csv_rows_and_formula_guard(corpus_catalogue: Catalogue) -> None:
    text = csv_file([pair(corpus_catalogue, "roe2023special")], "https://example.org/adgdm/")
    assert text == (
        "key,method,title,authors,year,venue,venue_name,venue_kind,volume,number,pages,doi,arxiv,openreview,url,code,"
        "modality,task,taxonomy,uses_diffusion,page\n"
        "roe2023special,SPEC-1,Special Characters: 100% of #hash_tags & Braces in Titles,\"Roe, Richard; O'Neil, Ann; et al.\","
        "2023,FCONF,Fixture Conference on Anomalies & Diffusion,conference,,,1--9,,,,https://example.org/papers/special?id=1&x=2,"
        "https://github.com/example/special,image,detection,reconstruction-based,yes,https://example.org/adgdm/papers/roe2023special/\n"
    )
    assert [spreadsheet_safe(v) for v in ("=1+1", "+x", "-x", "@sum", "plain", "")] == ["'=1+1", "'+x", "'-x", "'@sum", "plain", ""]


def test_highwire_tags(corpus_catalogue: Catalogue) -> None:
    assert citation_meta(*pair(corpus_catalogue, "doe2024predecessor")) == [
        ("citation_title", "Predecessor of the Fixture Survey"),
        ("citation_author", "Doe, Jane"),
        ("citation_publication_date", "2024"),
        ("citation_journal_title", "Fixture Journal of Detection"),
        ("citation_volume", "12"),
        ("citation_issue", "3"),
        ("citation_firstpage", "100"),
        ("citation_lastpage", "120"),
        ("citation_doi", "10.9999/fixture.2024.1"),
        ("citation_abstract_html_url", "https://doi.org/10.9999/fixture.2024.1"),
    ]
    assert citation_meta(*pair(corpus_catalogue, "doe2025fixture"))[-7:] == [
        ("citation_publication_date", "2025"),
        ("citation_publisher", "arXiv"),
        ("citation_doi", "10.48550/arXiv.2501.00001"),
        ("citation_arxiv_id", "2501.00001"),
        ("citation_pdf_url", "https://arxiv.org/pdf/2501.00001"),
        ("citation_abstract_html_url", "https://arxiv.org/abs/2501.00001"),
        ("DC.type", "preprint"),
    ]
    # A book has no Highwire type tag of its own (citation_book_title would make it a chapter).
    assert citation_meta(*pair(corpus_catalogue, "poe2022book"))[3:] == [
        ("citation_publisher", "Fixture Press"),
        ("citation_pdf_url", "https://openreview.net/pdf?id=AbCdEf12345"),
        ("citation_abstract_html_url", "https://openreview.net/forum?id=AbCdEf12345"),
        ("DC.type", "book"),
    ]


# -- the download files -------------------------------------------------------------------------

def test_the_producer_writes_every_download_file(corpus_catalogue: Catalogue) -> None:
    ctx = make_context(corpus_catalogue, SiteOptions(site_url="https://example.org/"))
    files = render_site(ctx).files
    papers = corpus_catalogue.papers
    pairs = [(p, corpus_catalogue.venues[p.venue]) for p in papers]
    assert files[ALL_BIB] == bib_file(pairs)
    assert files[ALL_CSL] == csl_json(pairs)
    assert files[ALL_CSV] == csv_file(pairs, "https://example.org/")
    assert files[ALL_RIS].count("TY  - ") == len(papers)
    for paper, venue in pairs:
        assert files[paper_bib(paper.id)] == to_bibtex(paper, venue)
        assert files[paper_ris(paper.id)] == to_ris(paper, venue)
    assert files[venue_bib("FJ")] == bib_file([pair(corpus_catalogue, "doe2024predecessor"), pair(corpus_catalogue, "fox2021related")])
    # A node's file holds the papers of the node and of the nodes below it.
    reconstruction = files[node_bib("reconstruction-based")]
    assert re.findall(r"^@\w+\{(\w+),", reconstruction, re.M) == [p.id for p in ctx.index.by_node["reconstruction-based"]]
    assert set(re.findall(r"^@\w+\{(\w+),", files[node_bib("image")], re.M)) == {p.id for p in papers if "image" in p.modality}
    bib_files = {path for path in files if path.startswith("downloads/") and path.endswith(".bib")}
    expected = ({ALL_BIB} | {paper_bib(p.id) for p in papers} | {venue_bib(v) for v in ctx.index.by_venue}
                | {node_bib(n) for n, listed in ctx.index.by_node.items() if listed})
    assert expected <= bib_files


def test_rispy_reads_one_record_per_paper(built_site: Path, catalogue: Catalogue) -> None:
    records = rispy.loads((built_site / ALL_RIS).read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [p.id for p in catalogue.papers]
    for record, paper in zip(records, catalogue.papers, strict=True):
        # rispy lacks M2 (Miscellaneous 2), where a preprint tells Zotero its type: nothing else is unknown.
        assert record.get("unknown_tag", {}) in ({}, {"M2": ["Type: preprint"]}), record
        assert record["type_of_reference"] in rispy.TYPE_OF_REFERENCE_MAPPING
        assert record["title"] == strip_braces(paper.title)
        assert record["authors"] == [a.sort_key for a in paper.authors]
        assert record["year"] == str(paper.year)
        assert record.get("doi", "") == paper.doi


def test_the_csv_file_has_a_row_per_paper(built_site: Path, catalogue: Catalogue) -> None:
    rows = list(csv.DictReader(io.StringIO((built_site / ALL_CSV).read_text(encoding="utf-8"))))
    assert [row["key"] for row in rows] == [p.id for p in catalogue.papers]
    assert all(row["page"].startswith("http://127.0.0.1:") and row["page"].endswith(f"/papers/{row['key']}/") for row in rows)


# -- pandoc -------------------------------------------------------------------------------------

def _entries(plain: str) -> list[str]:
    return [entry for entry in plain.strip().split("\n\n") if entry]


def test_pandoc_renders_the_csl_json_bibliography(built_site: Path, catalogue: Catalogue) -> None:
    text, warnings = pandoc_bibliography(built_site / ALL_CSL)
    assert warnings == ""
    assert len(_entries(text)) == len(catalogue.papers)
    assert json.loads((built_site / ALL_CSL).read_text(encoding="utf-8"))[0]["id"] == catalogue.papers[0].id


def test_pandoc_renders_the_bibtex_bibliography(built_site: Path, catalogue: Catalogue) -> None:
    text, warnings = pandoc_bibliography(built_site / ALL_BIB)
    assert warnings == ""
    assert len(_entries(text)) == len(catalogue.papers)


def _plain(text: str) -> str:
    """pandoc reads a TeX apostrophe as a typographic one (O'Neil becomes O’Neil)."""
    return text.replace("’", "'")


def _name(author: dict[str, str]) -> tuple[str, str]:
    if "literal" in author:  # an organisation, braced in the .bib
        return _plain(author["literal"]), ""
    # BibTeX has one "von" part; pandoc reads it as a particle, our CSL keeps it in the family name.
    particle = author.get("dropping-particle") or author.get("non-dropping-particle") or ""
    return _plain(f"{particle} {author['family']}".strip()), author.get("given", "")


def _comparable(item: dict) -> tuple:  # type: ignore[type-arg]
    """What must survive a trip through LaTeX escaping: key, authors, year, title up to case and nocase spans."""
    title = _plain(re.sub(r"<[^>]+>", "", item["title"])).casefold()
    # BibTeX's "and others" (an incomplete author list) is not an author; pandoc sometimes keeps it as one.
    authors = [_name(author) for author in item["author"] if author != {"literal": "others"}]
    return item["id"], authors, item["issued"], title


def test_pandoc_reads_our_bibtex_as_our_csl(built_site: Path, tmp_path: Path) -> None:
    """pandoc decodes the LaTeX escapes of the .bib back to exactly the names and titles of the CSL-JSON."""
    shapes = [(p, v) for p, v in every_shape() if "Đ" not in "".join(a.family for a in p.authors)]  # pandoc lacks \dj
    (tmp_path / "shapes.bib").write_text(bib_file(shapes), encoding="utf-8")
    for bib, csl in ((built_site / ALL_BIB, (built_site / ALL_CSL).read_text(encoding="utf-8")),
                     (tmp_path / "shapes.bib", csl_json(shapes))):
        from_bib = sorted(_comparable(item) for item in json.loads(pandoc_to_csl(bib)))
        ours = sorted(_comparable(item) for item in json.loads(csl))
        assert from_bib == ours


def test_code_fences_outgrow_backticks_in_the_data() -> None:
    assert fenced("plain", "text") == "```text\nplain\n```\n"
    assert fenced("a ``` b\n", "text", "adgdm-wrap") == "````{ .text .adgdm-wrap }\na ``` b\n````\n"
