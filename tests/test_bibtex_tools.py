"""The generated BibTeX against the real tools: BibTeX (plain), biber and biblatex compile it
without a single warning, bibtexparser 2 round-trips it, and keys are unique and frozen."""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
from adgdm.citations.bibtex import bib_file, entry_fields, to_bibtex
from adgdm.data.catalogue import Catalogue
from adgdm.data.fields import KEY_PATTERN
from adgdm.data.keys import follows_rule

from .citation_tools import compile_with_biber, compile_with_bibtex, every_shape
from .conftest import ROOT

# Keys that no longer follow the rule because a title or author was corrected after the key was
# published. They stay as they are (keys never change); a new paper must follow the rule.
FROZEN_KEYS: frozenset[str] = frozenset({
    "marimont2024disyre",  # the first author's family name was corrected to "Naval Marimont" (data audit)
    # Checked against their primary records (first author's family name, year of record or published title):
    "alcaraz2023diffusion", "baugh2025image", "bellier2024detecting", "dai2024autouad", "ho2024contaminated",
    "jin2024dualanodiff", "karami2024graph", "kazerooni2024brain", "liang2024modality", "liang2025movideo", "livernoche2023diffusion",
    "salimans2021progressive", "shenkar2021anomaly", "sun2024cut", "tebbe2023d3ad", "xu2021anomaly", "yao2025glad",
})


def real_bib(built_site: Path) -> str:
    return (built_site / "downloads" / "papers.bib").read_text(encoding="utf-8")


def test_the_real_bib_compiles_with_bibtex_plain_without_warnings(built_site: Path, catalogue: Catalogue, tmp_path: Path) -> None:
    problems, bbl = compile_with_bibtex(real_bib(built_site), tmp_path)
    assert problems == []
    assert bbl.count(r"\bibitem{") == len(catalogue.papers)


def test_the_real_bib_compiles_with_biber_and_biblatex_without_warnings(built_site: Path, catalogue: Catalogue,
                                                                        tmp_path: Path) -> None:
    problems, bbl = compile_with_biber(real_bib(built_site), tmp_path)
    assert problems == []
    assert bbl.count(r"\entry{") == len(catalogue.papers)


def test_entries_of_every_shape_compile_without_warnings(tmp_path: Path) -> None:
    bib = bib_file(every_shape())
    problems, bbl = compile_with_bibtex(bib, tmp_path / "bibtex")
    assert problems == []
    assert bbl.count(r"\bibitem{") == 6
    problems, bbl = compile_with_biber(bib, tmp_path / "biber")
    assert problems == []
    # biber decoded the LaTeX accents back into the right letters.
    assert all(name in bbl for name in ("Schölkopf", "Božič", "{Đ}or{đ}ević", "{Ø}rsted", "Jürgen", "Çelik", "{Ł}ukasz", "Martí", "Ïnés"))


def test_the_generated_bib_is_ascii(built_site: Path) -> None:
    assert real_bib(built_site).isascii()
    assert bib_file(every_shape()).isascii()


def _fields(entry: bibtexparser.model.Entry) -> list[tuple[str, str]]:
    return [(field.key, field.value) for field in entry.fields]


def test_bibtexparser_round_trips_every_entry(built_site: Path, catalogue: Catalogue) -> None:
    library = bibtexparser.parse_string(real_bib(built_site))
    assert not library.failed_blocks
    again = bibtexparser.parse_string(bibtexparser.write_string(library))
    assert not again.failed_blocks
    assert [(e.entry_type, e.key, _fields(e)) for e in again.entries] == [(e.entry_type, e.key, _fields(e)) for e in library.entries]
    # Each parsed field is exactly the generator's value, in the generator's order.
    for entry in library.entries:
        paper = catalogue.paper(entry.key)
        expected = [(name, value) for name, value in entry_fields(paper, catalogue.venues[paper.venue])]
        assert _fields(entry) == expected, entry.key


def test_keys_are_unique_frozen_ids_that_follow_the_rule(built_site: Path, catalogue: Catalogue) -> None:
    keys = re.findall(r"^@\w+\{([^,]+),$", real_bib(built_site), re.M)
    assert keys == [paper.id for paper in catalogue.papers]
    assert len(set(keys)) == len(keys)
    for paper in catalogue.papers:
        assert (ROOT / "papers" / f"{paper.id}.yaml").exists()
        assert re.fullmatch(KEY_PATTERN, paper.id)
        first = paper.authors[0].family
        assert follows_rule(paper.id, first, paper.year, paper.title) or paper.id in FROZEN_KEYS, paper.id


def test_the_bulk_file_holds_each_paper_entry_once(built_site: Path, catalogue: Catalogue) -> None:
    entries = [to_bibtex(paper, catalogue.venues[paper.venue]) for paper in catalogue.papers]
    assert real_bib(built_site) == "\n".join(entries)
