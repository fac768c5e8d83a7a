"""The real catalogue in papers/: it passes the checker, and its site builds strictly and works offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bibtexparser
from adgdm.citations.bibtex import to_bibtex
from adgdm.data.catalogue import Catalogue

from .conftest import ROOT


def test_the_checker_passes_on_papers() -> None:
    result = subprocess.run([sys.executable, "-m", "adgdm", "check"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("papers checked, no problems found\n")


def test_both_surveys_are_entries_with_correct_authors(catalogue: Catalogue) -> None:
    adgdm = catalogue.paper("liu2025anomaly")
    dmad = catalogue.paper("liu2025survey")
    assert (adgdm.arxiv, dmad.arxiv) == ("2506.09368", "2501.11430")
    assert [a.sort_key for a in dmad.authors] == [
        "Liu, Jing", "Ma, Zhenchao", "Wang, Zepu", "Zou, Chenxuanyin", "Ren, Jiayang",
        "Wang, Zehua", "Song, Liang", "Hu, Bo", "Liu, Yang", "Leung, Victor C. M.",
    ]
    assert to_bibtex(adgdm, catalogue.venues[adgdm.venue]).startswith(
        "@misc{liu2025anomaly,\n"
        "  author = {Liu, Yang and Liu, Jing and Li, Chengfang and Xi, Rui and Li, Wenchao and Cao, Liang and Wang, Jin"
        " and Yang, Laurence T. and Yuan, Junsong and Zhou, Wei},\n"
        "  title = {Anomaly Detection and Generation with Diffusion Models: A Survey},\n"
    )


def test_the_seed_table_papers_are_all_there(catalogue: Catalogue) -> None:
    seed = {"pinaya2022fast", "graham2023unsupervised", "li2023fast", "bansal2023cold", "mao2023guided", "bercea2024diffusion",
            "fontanella2024diffusion", "iqbal2024unsupervised", "liang2024modality", "navalmarimont2024ensembled",
            "ahamed2024igconda", "bellier2024detecting", "hu2024anomalydiffusion", "jin2024dualanodiff",
            "babaei2024pancreatic", "li2024unimo", "baugh2025image"}
    assert seed <= {paper.id for paper in catalogue.papers}
    thor = catalogue.paper("bercea2024diffusion")
    assert (thor.short_name, thor.venue, thor.volume, thor.pages) == ("THOR", "MICCAI", "15011", "211--220")
    assert [a.sort_key for a in thor.authors][:2] == ["Bercea, Cosmin I.", "Wiestler, Benedikt"]


def test_the_built_site_has_a_page_and_a_parsable_bibtex_per_paper(built_site: Path, catalogue: Catalogue) -> None:
    for paper in catalogue.papers:
        assert (built_site / "papers" / paper.id / "index.html").exists(), paper.id
    library = bibtexparser.parse_string((built_site / "downloads" / "papers.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert sorted(e.key for e in library.entries) == sorted(p.id for p in catalogue.papers)


def test_pages_make_no_request_outside_the_site_and_copy_bibtex(page: object, site_url: str) -> None:
    page.goto(site_url)  # type: ignore[attr-defined]
    page.goto(site_url + "papers/bercea2024diffusion/")  # type: ignore[attr-defined]
    page.locator("#cite + .tabbed-set .tabbed-block").first.locator(  # type: ignore[attr-defined]
        "button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")  # type: ignore[attr-defined]
    library = bibtexparser.parse_string(copied)
    assert [e.key for e in library.entries] == ["bercea2024diffusion"]
    assert library.entries[0].fields_dict["pages"].value == "211--220"
    assert page.outside == []  # type: ignore[attr-defined]
