"""BibTeX, RIS, CSL-JSON and Highwire tags for each kind of venue, with every optional field and with none: exact text.

Papers built here, not read from the corpus, so that each field's presence or absence, an incomplete
author list, LaTeX escaping, numbers and pages are seen on their own (the mutation run's second target).
"""

from __future__ import annotations

import datetime

import pytest
from adgdm.citations.bibtex import bib_file, latex_escape, protect_title, to_bibtex
from adgdm.citations.csl import csl_json, to_csl
from adgdm.citations.highwire import citation_meta
from adgdm.citations.ris import ris_file, to_ris
from adgdm.data.models import Author, Paper, Venue

VENUES = {
    "conference": Venue("CVPR", "Computer Vision and Pattern Recognition", "conference"),
    "workshop": Venue("W", "Some Workshop", "workshop"),
    "journal": Venue("TPAMI", "Trans & Pattern", "journal"),
    "preprint": Venue("arXiv", "arXiv", "preprint"),
    "book": Venue("Book", "Book Series", "book", "Springer"),
}
FULL = {"volume": "12", "number": "3", "pages": "100--120", "publisher": "Pub & Co", "doi": "10.1/x_y",
        "arxiv": "2401.00001", "openreview": "abc"}


def paper(**fields: object) -> Paper:
    base: dict[str, object] = {"id": "roe2024x", "title": "Plain title", "authors": (Author("Roe", "Ann"),), "year": 2024,
                               "venue": "V", "modality": ("image",), "task": "t", "uses_diffusion": True,
                               "added": datetime.date(2026, 1, 2)}
    return Paper(**{**base, **fields})  # type: ignore[arg-type]


def full_paper() -> Paper:
    return paper(authors=(Author("Roe", "Ann"), Author("Plato")), authors_incomplete=True, **FULL)


# -- BibTeX -----------------------------------------------------------------------------------------

def _bib(kind: str, entry: str, venue_fields: str, publisher: bool = True, numbers: str = "volume12number3pages",
         arxiv: bool = True) -> str:
    lines = [f"@{entry}{{roe2024x,", "  author = {Roe, Ann and Plato and others},", "  title = {Plain title},"]
    lines += venue_fields.splitlines()
    if "volume" in numbers:
        lines.append("  volume = {12},")
    if "number" in numbers:
        lines.append("  number = {3},")
    if "pages" in numbers:
        lines.append("  pages = {100--120},")
    if publisher:
        lines.append("  publisher = {Pub \\& Co},")
    lines += ["  year = {2024},", "  doi = {10.1/x_y},"]
    if arxiv:
        lines += ["  eprint = {2401.00001},", "  archiveprefix = {arXiv},"]
    lines += ["  url = {https://openreview.net/forum?id=abc}", "}", ""]
    return "\n".join(lines)


@pytest.mark.parametrize(("kind", "expected"), [
    ("conference", _bib("conference", "inproceedings", "  booktitle = {Computer Vision and Pattern Recognition},")),
    ("workshop", _bib("workshop", "inproceedings", "  booktitle = {Some Workshop},")),
    ("journal", _bib("journal", "article", "  journal = {Trans \\& Pattern},", publisher=False)),
    ("preprint", _bib("preprint", "misc", "  howpublished = {arXiv preprint arXiv:2401.00001},", publisher=False,
                      numbers="", arxiv=False)),
    ("book", _bib("book", "book", "", numbers="volume")),
])
def test_bibtex_entry_with_every_field(kind: str, expected: str) -> None:
    assert to_bibtex(full_paper(), VENUES[kind]) == expected


@pytest.mark.parametrize(("kind", "expected"), [
    ("conference", "@inproceedings{roe2024x,\n  author = {Roe, Ann},\n  title = {Plain title},\n"
                   "  booktitle = {Computer Vision and Pattern Recognition},\n  year = {2024}\n}\n"),
    ("workshop", "@inproceedings{roe2024x,\n  author = {Roe, Ann},\n  title = {Plain title},\n"
                 "  booktitle = {Some Workshop},\n  year = {2024}\n}\n"),
    ("journal", "@article{roe2024x,\n  author = {Roe, Ann},\n  title = {Plain title},\n"
                "  journal = {Trans \\& Pattern},\n  year = {2024}\n}\n"),
    ("preprint", "@misc{roe2024x,\n  author = {Roe, Ann},\n  title = {Plain title},\n"
                 "  howpublished = {arXiv},\n  year = {2024}\n}\n"),
    ("book", "@book{roe2024x,\n  author = {Roe, Ann},\n  title = {Plain title},\n"
             "  publisher = {Springer},\n  year = {2024}\n}\n"),
])
def test_bibtex_entry_with_no_optional_field(kind: str, expected: str) -> None:
    assert to_bibtex(paper(), VENUES[kind]) == expected


def test_bibtex_preprint_elsewhere_than_arxiv_keeps_its_eprint() -> None:
    medrxiv = Venue("medRxiv", "medRxiv", "preprint")
    assert to_bibtex(paper(arxiv="2401.00001", url="https://pub.example/x", pages="7"), medrxiv) == (
        "@misc{roe2024x,\n  author = {Roe, Ann},\n  title = {Plain title},\n  howpublished = {medRxiv},\n"
        "  year = {2024},\n  eprint = {2401.00001},\n  archiveprefix = {arXiv},\n  url = {https://pub.example/x}\n}\n"
    )
    # A venue whose short name is arXiv but whose paper has no id: the venue's name.
    assert "  howpublished = {arXiv},\n" in to_bibtex(paper(doi="10.1/z"), VENUES["preprint"])


def test_bibtex_escapes_numbers_and_publisher_and_keeps_pages() -> None:
    entry = to_bibtex(paper(volume="1_2", number="S&1", pages="e10--e12", publisher="A_B"), VENUES["conference"])
    assert "  volume = {1\\_2},\n  number = {S\\&1},\n  pages = {e10--e12},\n  publisher = {A\\_B},\n" in entry
    # A paper's own publisher wins over the book venue's.
    assert "  publisher = {Own},\n" in to_bibtex(paper(publisher="Own"), VENUES["book"])
    # A venue's publisher is for books only.
    assert "publisher" not in to_bibtex(paper(), Venue("J", "J", "journal", "Elsevier"))
    assert "publisher" not in to_bibtex(paper(), Venue("C", "C", "conference", "IEEE"))


def test_bibtex_authors_escaped_and_incomplete() -> None:
    authors = (Author("Schölkopf", "Bernhard"), Author("O'Neil & Co"), Author("Božič", "Aljaž"))
    assert "  author = {Sch{\\\"o}lkopf, Bernhard and {O'Neil \\& Co} and Bo{\\v{z}}i{\\v{c}}, Alja{\\v{z}}},\n" in (
        to_bibtex(paper(authors=authors), VENUES["journal"]))
    assert "  author = {Roe, Ann and others},\n" in to_bibtex(paper(authors_incomplete=True), VENUES["journal"])


def test_a_hyphenated_family_with_a_lower_case_part_is_braced() -> None:
    authors = (Author("Montoya-del-Angel", "Ricardo"), Author("Jiménez-Partinen", "Ariadna"), Author("da Costa", "P. F."))
    assert "  author = {{Montoya-del-Angel}, Ricardo and Jim{\\'e}nez-Partinen, Ariadna and da Costa, P. F.},\n" in (
        to_bibtex(paper(authors=authors), VENUES["journal"]))


def test_an_organisation_is_one_literal_name_in_bibtex_and_csl() -> None:
    authors = (Author("Roe", "Ann"), Author("BloodCounts! consortium"), Author("Plato"))
    assert "  author = {Roe, Ann and {BloodCounts! consortium} and Plato},\n" in to_bibtex(
        paper(authors=authors), VENUES["journal"])
    assert to_csl(paper(authors=authors), VENUES["journal"])["author"] == [
        {"family": "Roe", "given": "Ann"}, {"literal": "BloodCounts! consortium"}, {"family": "Plato"}]


def test_bib_file_separates_entries_by_a_blank_line() -> None:
    assert bib_file([(paper(), VENUES["journal"]), (paper(id="b"), VENUES["book"])]) == (
        "@article{roe2024x,\n  author = {Roe, Ann},\n  title = {Plain title},\n  journal = {Trans \\& Pattern},\n"
        "  year = {2024}\n}\n\n@book{b,\n  author = {Roe, Ann},\n  title = {Plain title},\n  publisher = {Springer},\n"
        "  year = {2024}\n}\n"
    )
    assert bib_file([]) == ""


@pytest.mark.parametrize(("text", "escaped"), [
    ("a\\b&c%d$e#f_g{h}i~j^k", r"a\textbackslash{}b\&c\%d\$e\#f\_g\{h\}i\textasciitilde{}j\textasciicircum{}k"),
    ("ßæÆøØœŒåÅłŁıđĐ", r"{\ss}{\ae}{\AE}{\o}{\O}{\oe}{\OE}{\aa}{\AA}{\l}{\L}{\i}{\dj}{\DJ}"),
    ("–—‘’“”…\u00a0‐‑−′×±→°", r"-----`'``''\ldots{}~---'{$\times$}{$\pm$}{$\rightarrow$}{$^\circ$}"),
    ("αβγδεθλμπστφψω", r"{$\alpha$}{$\beta$}{$\gamma$}{$\delta$}{$\epsilon$}{$\theta$}{$\lambda$}{$\mu$}{$\pi$}"
                       r"{$\sigma$}{$\tau$}{$\phi$}{$\psi$}{$\omega$}"),
    ("éèêñāăċëåőčçą", r"""{\'e}{\`e}{\^e}{\~n}{\=a}{\u{a}}{\.c}{\"e}{\aa}{\H{o}}{\v{c}}{\c{c}}{\k{a}}"""),
    ("ïíÿ", r"""{\"i}{\'i}{\"y}"""),
    ("ǘ", r"""{\'\"u}"""),
    ("ǚ", r"""{\v{\"u}}"""),
    ("ﬁ²", "fi2"),
    ("½", "½"),
    ("中ṃǅ", "中ṃǅ"),
    ("plain ASCII 123", "plain ASCII 123"),
])
def test_latex_escape(text: str, escaped: str) -> None:
    assert latex_escape(text) == escaped


@pytest.mark.parametrize(("title", "protected"), [
    ("DDPM and AnoDDPM for 3D X-ray scans", "{DDPM} and {AnoDDPM} for {3D} {X-ray} scans"),
    ("{MVTec} AD: a Gaussian Markov-chain view (DDPM).", "{MVTec} {AD}: a {Gaussian} {Markov-chain} view ({DDPM})."),
    ("Non-Markovian noise & 100% of x_1", r"{Non-Markovian} noise \& 100\% of x\_1"),
    ('"Quoted" (Fourier)', '"Quoted" ({Fourier})'),
    ("The {Ünï} test", r'The {{\"U}n{\"i}} test'),
    ("a-b-C ...", "{a-b-C} ..."),
    ("() Earth", "() {Earth}"),
    ("A B-c Anomaly", "A {B-c} Anomaly"),
    ("An ab-cd Anomaly", "An ab-cd Anomaly"),
    ("x-A, Gaussian-like", "{x-A}, {Gaussian-like}"),
    ("Two  spaces\tand tab", "Two  spaces\tand tab"),
    ("{x}{Y} mixed{Z}", "{x}{Y} mixed{Z}"),
    ("{a b", r"\{a b"),
    ("a} b", r"a\} b"),
])
def test_protect_title(title: str, protected: str) -> None:
    assert protect_title(title) == protected


# -- RIS --------------------------------------------------------------------------------------------

def _ris(kind: str, venue_lines: str, issue: str, tail: str) -> str:
    return (f"TY  - {kind}\nID  - roe2024x\nAU  - Roe, Ann\nAU  - Plato\nTI  - Plain title\n{venue_lines}"
            f"PY  - 2024\nDA  - 2024///\nVL  - 12\n{issue}SP  - 100\nEP  - 120\n{tail}")


FULL_TAIL = "PB  - Pub & Co\nDO  - 10.1/x_y\nUR  - https://openreview.net/forum?id=abc\nN1  - arXiv:2401.00001\nER  - \n"


@pytest.mark.parametrize(("kind", "expected"), [
    ("conference", _ris("CONF", "T2  - Computer Vision and Pattern Recognition\nC3  - Computer Vision and Pattern Recognition\n",
                        "M1  - 3\n", FULL_TAIL)),
    ("workshop", _ris("CONF", "T2  - Some Workshop\nC3  - Some Workshop\n", "M1  - 3\n", FULL_TAIL)),
    ("journal", _ris("JOUR", "T2  - Trans & Pattern\n", "IS  - 3\n", FULL_TAIL)),
    ("preprint", _ris("RPRT", "", "", "SN  - arXiv:2401.00001\nPB  - Pub & Co\nDO  - 10.1/x_y\n"
                                      "UR  - https://openreview.net/forum?id=abc\nM2  - Type: preprint\nER  - \n")),
    ("book", _ris("BOOK", "", "IS  - 3\n", FULL_TAIL)),
])
def test_ris_record_with_every_field(kind: str, expected: str) -> None:
    assert to_ris(full_paper(), VENUES[kind]) == expected


@pytest.mark.parametrize(("kind", "expected"), [
    ("conference", "TY  - CONF\nID  - roe2024x\nAU  - Roe, Ann\nTI  - Plain title\n"
                   "T2  - Computer Vision and Pattern Recognition\nC3  - Computer Vision and Pattern Recognition\n"
                   "PY  - 2024\nDA  - 2024///\nER  - \n"),
    ("workshop", "TY  - CONF\nID  - roe2024x\nAU  - Roe, Ann\nTI  - Plain title\nT2  - Some Workshop\n"
                 "C3  - Some Workshop\nPY  - 2024\nDA  - 2024///\nER  - \n"),
    ("journal", "TY  - JOUR\nID  - roe2024x\nAU  - Roe, Ann\nTI  - Plain title\nT2  - Trans & Pattern\n"
                "PY  - 2024\nDA  - 2024///\nER  - \n"),
    ("preprint", "TY  - RPRT\nID  - roe2024x\nAU  - Roe, Ann\nTI  - Plain title\nPY  - 2024\nDA  - 2024///\n"
                 "PB  - arXiv\nM2  - Type: preprint\nER  - \n"),
    ("book", "TY  - BOOK\nID  - roe2024x\nAU  - Roe, Ann\nTI  - Plain title\nPY  - 2024\nDA  - 2024///\n"
             "PB  - Springer\nER  - \n"),
])
def test_ris_record_with_no_optional_field(kind: str, expected: str) -> None:
    assert to_ris(paper(), VENUES[kind]) == expected


def test_ris_preprint_elsewhere_single_page_and_one_line_values() -> None:
    medrxiv = Venue("medRxiv", "medRxiv", "preprint")
    assert to_ris(paper(arxiv="2401.00001", url="https://pub.example/x", pages="7"), medrxiv) == (
        "TY  - RPRT\nID  - roe2024x\nAU  - Roe, Ann\nTI  - Plain title\nPY  - 2024\nDA  - 2024///\nSP  - 7\n"
        "SN  - arXiv:2401.00001\nPB  - medRxiv\nUR  - https://pub.example/x\nM2  - Type: preprint\nER  - \n"
    )
    record = to_ris(paper(title="A {MVTec}\n  title", publisher="Own"), Venue("J", "J", "journal", "Elsevier"))
    assert "TI  - A MVTec title\n" in record
    assert "PB  - Own\n" in record
    assert "PB" not in to_ris(paper(), Venue("J", "J", "journal", "Elsevier"))
    assert "PB  - Own\n" in to_ris(paper(publisher="Own"), VENUES["book"])


def test_ris_file_separates_records_by_a_blank_line() -> None:
    assert ris_file([(paper(), VENUES["journal"]), (paper(id="b"), VENUES["book"])]) == (
        "TY  - JOUR\nID  - roe2024x\nAU  - Roe, Ann\nTI  - Plain title\nT2  - Trans & Pattern\nPY  - 2024\n"
        "DA  - 2024///\nER  - \n\nTY  - BOOK\nID  - b\nAU  - Roe, Ann\nTI  - Plain title\nPY  - 2024\n"
        "DA  - 2024///\nPB  - Springer\nER  - \n"
    )


# -- CSL-JSON ---------------------------------------------------------------------------------------

def _csl(kind: str, venue: dict[str, str]) -> dict[str, object]:
    return {"id": "roe2024x", "type": kind, "title": "Plain title",
            "author": [{"family": "Roe", "given": "Ann"}, {"family": "Plato"}], "issued": {"date-parts": [[2024]]},
            **venue, "volume": "12", "issue": "3", "page": "100-120", "DOI": "10.1/x_y",
            "URL": "https://openreview.net/forum?id=abc"}


@pytest.mark.parametrize(("kind", "expected"), [
    ("conference", _csl("paper-conference", {"container-title": "Computer Vision and Pattern Recognition",
                                             "publisher": "Pub & Co"})),
    ("workshop", _csl("paper-conference", {"container-title": "Some Workshop", "publisher": "Pub & Co"})),
    ("journal", _csl("article-journal", {"container-title": "Trans & Pattern", "publisher": "Pub & Co"})),
    ("preprint", _csl("article", {"publisher": "arXiv", "number": "2401.00001"})),
    ("book", _csl("book", {"publisher": "Pub & Co"})),
])
def test_csl_item_with_every_field(kind: str, expected: dict[str, object]) -> None:
    item = to_csl(full_paper(), VENUES[kind])
    assert item == expected
    assert list(item) == list(expected)


@pytest.mark.parametrize(("kind", "extra"), [
    ("conference", {"container-title": "Computer Vision and Pattern Recognition"}),
    ("workshop", {"container-title": "Some Workshop"}),
    ("journal", {"container-title": "Trans & Pattern"}),
    ("preprint", {"publisher": "arXiv"}),
    ("book", {"publisher": "Springer"}),
])
def test_csl_item_with_no_optional_field(kind: str, extra: dict[str, str]) -> None:
    assert to_csl(paper(), VENUES[kind]) == {
        "id": "roe2024x", "type": to_csl(full_paper(), VENUES[kind])["type"], "title": "Plain title",
        "author": [{"family": "Roe", "given": "Ann"}], "issued": {"date-parts": [[2024]]}, **extra}


def test_csl_preprint_elsewhere_and_publishers() -> None:
    medrxiv = Venue("medRxiv", "medRxiv", "preprint")
    assert to_csl(paper(arxiv="2401.00001", url="https://pub.example/x", pages="7", title="{MVTec} AD"), medrxiv) == {
        "id": "roe2024x", "type": "article", "title": "MVTec AD", "author": [{"family": "Roe", "given": "Ann"}],
        "issued": {"date-parts": [[2024]]}, "publisher": "medRxiv", "page": "7", "URL": "https://pub.example/x"}
    assert "publisher" not in to_csl(paper(), Venue("J", "J", "journal", "Elsevier"))
    assert to_csl(paper(publisher="Own"), VENUES["book"])["publisher"] == "Own"
    assert to_csl(paper(arxiv="2401.00001"), VENUES["journal"])["URL"] == "https://arxiv.org/abs/2401.00001"


def test_csl_json_text_of_two_items() -> None:
    assert csl_json([(paper(title="Ünï “q”"), VENUES["book"]), (paper(id="b", authors=(Author("Plato"),)), VENUES["journal"])]) == (
        '[\n  {\n    "id": "roe2024x",\n    "type": "book",\n    "title": "Ünï “q”",\n'
        '    "author": [{"family": "Roe", "given": "Ann"}],\n    "issued": {"date-parts": [[2024]]},\n'
        '    "publisher": "Springer"\n  },\n  {\n    "id": "b",\n    "type": "article-journal",\n'
        '    "title": "Plain title",\n    "author": [{"family": "Plato"}],\n    "issued": {"date-parts": [[2024]]},\n'
        '    "container-title": "Trans & Pattern"\n  }\n]\n'
    )


# -- Highwire tags ----------------------------------------------------------------------------------

_HEAD = [("citation_title", "Plain title"), ("citation_author", "Roe, Ann")]
_NUMBERS = [("citation_volume", "12"), ("citation_issue", "3"), ("citation_firstpage", "100"),
            ("citation_lastpage", "120"), ("citation_doi", "10.1/x_y"), ("citation_arxiv_id", "2401.00001")]
_OPENREVIEW = [("citation_pdf_url", "https://openreview.net/pdf?id=abc"),
               ("citation_abstract_html_url", "https://openreview.net/forum?id=abc")]


@pytest.mark.parametrize(("kind", "venue_tags", "links", "dc_type"), [
    ("conference", [("citation_conference_title", "Computer Vision and Pattern Recognition")], _OPENREVIEW, []),
    ("workshop", [("citation_conference_title", "Some Workshop")], _OPENREVIEW, []),
    ("journal", [("citation_journal_title", "Trans & Pattern")], _OPENREVIEW, []),
    ("preprint", [], [("citation_pdf_url", "https://arxiv.org/pdf/2401.00001"),
                      ("citation_abstract_html_url", "https://arxiv.org/abs/2401.00001")], [("DC.type", "preprint")]),
    ("book", [], _OPENREVIEW, [("DC.type", "book")]),
])
def test_highwire_tags_with_every_field(kind: str, venue_tags: list[tuple[str, str]], links: list[tuple[str, str]],
                                        dc_type: list[tuple[str, str]]) -> None:
    assert citation_meta(full_paper(), VENUES[kind]) == [
        *_HEAD, ("citation_author", "Plato"), ("citation_publication_date", "2024"), *venue_tags,
        ("citation_publisher", "Pub & Co"), *_NUMBERS, *links, *dc_type]


@pytest.mark.parametrize(("kind", "tail"), [
    ("conference", [("citation_conference_title", "Computer Vision and Pattern Recognition")]),
    ("workshop", [("citation_conference_title", "Some Workshop")]),
    ("journal", [("citation_journal_title", "Trans & Pattern")]),
    ("preprint", [("citation_publisher", "arXiv"), ("DC.type", "preprint")]),
    ("book", [("citation_publisher", "Springer"), ("DC.type", "book")]),
])
def test_highwire_tags_with_no_optional_field(kind: str, tail: list[tuple[str, str]]) -> None:
    assert citation_meta(paper(), VENUES[kind]) == [*_HEAD, ("citation_publication_date", "2024"), *tail]


def test_highwire_links_and_publishers() -> None:
    # A preprint with a publisher's page cites that page, and arXiv's PDF.
    assert citation_meta(paper(arxiv="2401.1", url="https://p/x", doi="10.1/d"), VENUES["preprint"])[3:] == [
        ("citation_publisher", "arXiv"), ("citation_doi", "10.1/d"), ("citation_arxiv_id", "2401.1"),
        ("citation_pdf_url", "https://arxiv.org/pdf/2401.1"), ("citation_abstract_html_url", "https://p/x"),
        ("DC.type", "preprint")]
    # Only a DOI: the DOI's page; the paper's publisher before the venue's.
    assert citation_meta(paper(doi="10.1/d", publisher="Own"), Venue("J", "J", "journal", "Els"))[3:] == [
        ("citation_journal_title", "J"), ("citation_publisher", "Own"), ("citation_doi", "10.1/d"),
        ("citation_abstract_html_url", "https://doi.org/10.1/d")]
    assert ("citation_publisher", "Els") in citation_meta(paper(), Venue("J", "J", "journal", "Els"))
    # A single page is the first page.
    assert ("citation_firstpage", "7") in citation_meta(paper(pages="7"), VENUES["journal"])
    assert "citation_lastpage" not in dict(citation_meta(paper(pages="7"), VENUES["journal"]))
    # A reviewed paper known only on arXiv: arXiv's PDF and page.
    assert citation_meta(paper(arxiv="2401.1"), VENUES["conference"])[4:] == [
        ("citation_arxiv_id", "2401.1"), ("citation_pdf_url", "https://arxiv.org/pdf/2401.1"),
        ("citation_abstract_html_url", "https://arxiv.org/abs/2401.1")]
