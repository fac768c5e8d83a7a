"""BibTeX entries: exact strings for the fixture corpus, escaping rules, and parsing with bibtexparser 2."""

from __future__ import annotations

from dataclasses import replace

import bibtexparser
import pytest
from adgdm.citations.bibtex import latex_escape, protect_title, to_bibtex
from adgdm.data.catalogue import Catalogue
from adgdm.data.keys import follows_rule, make_key


def entry(catalogue: Catalogue, paper_id: str) -> str:
    paper = catalogue.paper(paper_id)
    return to_bibtex(paper, catalogue.venues[paper.venue])


def test_arxiv_preprint_with_accents_and_protected_words(corpus_catalogue: Catalogue) -> None:
    assert entry(corpus_catalogue, "doe2025fixture") == (
        "@misc{doe2025fixture,\n"
        '  author = {Doe, Jane and Sch{\\"o}lkopf, Bernhard and Bo{\\v{z}}i{\\v{c}}, Alja{\\v{z}}},\n'
        "  title = {A Fixture Survey of {MVTec} Anomalies: {DDPM}, {3D} Scans \\& {Non-Markovian} Noise},\n"
        "  howpublished = {arXiv preprint arXiv:2501.00001},\n"
        "  year = {2025},\n"
        "  doi = {10.48550/arXiv.2501.00001}\n"
        "}\n"
    )


def test_journal_article_in_field_order(corpus_catalogue: Catalogue) -> None:
    assert entry(corpus_catalogue, "doe2024predecessor") == (
        "@article{doe2024predecessor,\n"
        "  author = {Doe, Jane},\n"
        "  title = {Predecessor of the Fixture Survey},\n"
        "  journal = {Fixture Journal of Detection},\n"
        "  volume = {12},\n"
        "  number = {3},\n"
        "  pages = {100--120},\n"
        "  year = {2024},\n"
        "  doi = {10.9999/fixture.2024.1}\n"
        "}\n"
    )


def test_conference_paper_with_specials_and_incomplete_authors(corpus_catalogue: Catalogue) -> None:
    assert entry(corpus_catalogue, "roe2023special") == (
        "@inproceedings{roe2023special,\n"
        "  author = {Roe, Richard and O'Neil, Ann and others},\n"
        "  title = {Special Characters: 100\\% of \\#hash\\_tags \\& {Braces} in Titles},\n"
        "  booktitle = {Fixture Conference on Anomalies \\& Diffusion},\n"
        "  pages = {1--9},\n"
        "  year = {2023},\n"
        "  url = {https://example.org/papers/special?id=1&x=2}\n"
        "}\n"
    )


def test_proceedings_keep_their_issue_number(corpus_catalogue: Catalogue) -> None:
    """AAAI publishes its proceedings by volume and issue: the issue stays in `number`."""
    paper = corpus_catalogue.paper("roe2023special")
    issued = replace(paper, volume="38", number="4", authors_incomplete=False, url="")
    assert to_bibtex(issued, corpus_catalogue.venues[paper.venue]) == (
        "@inproceedings{roe2023special,\n"
        "  author = {Roe, Richard and O'Neil, Ann},\n"
        "  title = {Special Characters: 100\\% of \\#hash\\_tags \\& {Braces} in Titles},\n"
        "  booktitle = {Fixture Conference on Anomalies \\& Diffusion},\n"
        "  volume = {38},\n"
        "  number = {4},\n"
        "  pages = {1--9},\n"
        "  year = {2023}\n"
        "}\n"
    )


def test_book_takes_the_publisher_of_its_venue(corpus_catalogue: Catalogue) -> None:
    assert entry(corpus_catalogue, "poe2022book") == (
        "@book{poe2022book,\n"
        "  author = {Poe, Edgar A.},\n"
        "  title = {The Book of {Gaussian} Anomalies},\n"
        "  publisher = {Fixture Press},\n"
        "  year = {2022},\n"
        "  url = {https://openreview.net/forum?id=AbCdEf12345}\n"
        "}\n"
    )


@pytest.mark.parametrize(("text", "escaped"), [
    ("A & B", r"A \& B"),
    ("50% of #1_x {y}", r"50\% of \#1\_x \{y\}"),
    ("$~^\\", r"\$\textasciitilde{}\textasciicircum{}\textbackslash{}"),
    ("Schölkopf", r'Sch{\"o}lkopf'),
    ("Božič", r"Bo{\v{z}}i{\v{c}}"),
    ("Jäger, Müller, Ñuñez, Łukasz, Øystein, Straße", r'J{\"a}ger, M{\"u}ller, {\~N}u{\~n}ez, {\L}ukasz, {\O}ystein, Stra{\ss}e'),
    ("Çelik, Grégoire, Dvořák, ï", r"{\c{C}}elik, Gr{\'e}goire, Dvo{\v{r}}{\'a}k, {\"i}"),
    ("pp. 1–2 — “quoted” α", r"pp. 1--2 --- ``quoted'' {$\alpha$}"),
    ("3×3 ±1 ﬁne x²", r"3{$\times$}3 {$\pm$}1 fine x2"),
    ("Đorđević, Ærø, İ", r"{\DJ}or{\dj}evi{\'c}, {\AE}r{\o}, {\.I}"),
])
def test_latex_escape(text: str, escaped: str) -> None:
    assert latex_escape(text) == escaped


@pytest.mark.parametrize(("title", "protected"), [
    ("Diffusion Models with Implicit Guidance", "Diffusion Models with Implicit Guidance"),
    ("AnoDDPM: Anomaly Detection with DDPM", "{AnoDDPM}: Anomaly Detection with {DDPM}"),
    ("Unsupervised 3D Out-of-Distribution Detection", "Unsupervised {3D} Out-of-Distribution Detection"),
    ("Wrist X-ray Anomalies", "Wrist {X-ray} Anomalies"),
    ("IgCONDA-PET: Implicitly-Guided Diffusion", "{IgCONDA-PET}: Implicitly-Guided Diffusion"),
    ("Keep {my Words} As Written", "Keep {my Words} As Written"),
    ("Non-Markovian Gaussian Noise", "{Non-Markovian} {Gaussian} Noise"),
])
def test_title_protection(title: str, protected: str) -> None:
    assert protect_title(title) == protected


def test_key_rule() -> None:
    assert make_key("Božič", 2024, "A Survey on Diffusion") == "bozic2024survey"
    assert make_key("da Costa", 2022, "The {DDPM} Way") == "dacosta2022ddpm"
    assert make_key("Liu", 2025, "Anomaly Detection", taken={"liu2025anomaly"}) == "liu2025anomaly_2"
    assert make_key("Liu", 2025, "Anomaly Detection", taken={"liu2025anomaly", "liu2025anomaly_2"}) == "liu2025anomaly_3"
    assert make_key("Bercea", 2024, "IgCONDA-PET: Guided") == "bercea2024igconda"
    assert follows_rule("liu2025anomaly_2", "Liu", 2025, "Anomaly Detection")
    assert not follows_rule("liu2025anomalies", "Liu", 2025, "Anomaly Detection")


def parse(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return library


def test_every_corpus_entry_parses_with_its_fields(corpus_catalogue: Catalogue) -> None:
    for paper in corpus_catalogue.papers:
        library = parse(entry(corpus_catalogue, paper.id))
        (parsed,) = library.entries
        assert parsed.key == paper.id
        assert parsed.fields_dict["year"].value == str(paper.year)


def test_every_real_entry_parses_and_keys_are_the_frozen_ids(catalogue: Catalogue) -> None:
    text = "\n".join(entry(catalogue, paper.id) for paper in catalogue.papers)
    library = parse(text)
    assert [e.key for e in library.entries] == [paper.id for paper in catalogue.papers]
    assert len({e.key for e in library.entries}) == len(catalogue.papers)
