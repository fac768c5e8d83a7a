"""Helpers for the citation tests: run BibTeX, biber/biblatex and pandoc on generated files and
collect every error and warning they report."""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

from adgdm.data.models import Author, Paper, Venue

from .conftest import CORPUS, copy_project, mkdocs_build

BIBTEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""

BIBLATEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[backend=biber,style=numeric]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""

# What LaTeX's log says when something went wrong: errors, warnings, glyphs the font lacks.
_LOG_PROBLEM = re.compile(r"^!|Warning|Missing character", re.M)


def _run(command: list[str], folder: Path) -> str:
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, errors="replace", check=False, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def _pdflatex(folder: Path) -> None:
    # -draftmode checks everything but writes no PDF, so no font files need generating.
    _run(["pdflatex", "-draftmode", "-interaction=nonstopmode", "-halt-on-error", "main.tex"], folder)


def latex_problems(folder: Path) -> list[str]:
    log = (folder / "main.log").read_text(encoding="utf-8", errors="replace")
    return [line for line in log.splitlines() if _LOG_PROBLEM.search(line)]


def kept_issue_warnings(bib: str) -> set[str]:
    """The warnings plain.bst gives, on purpose, for proceedings that keep their issue in `number`.

    plain.bst reads an @inproceedings `number` as a number in a series: it warns beside a volume, or
    without a series. The issue stays (AAAI's proceedings go by volume and issue; biblatex, pandoc and
    citation-js read it), so exactly these two messages, for exactly those entries, are expected.
    """
    expected = set()
    for entry in re.findall(r"^@inproceedings\{(\w+),\n(.*?)^\}", bib, re.M | re.S):
        key, body = entry
        if re.search(r"^  number = ", body, re.M):
            has_volume = re.search(r"^  volume = ", body, re.M)
            expected.add(f"Warning--can't use both volume and number fields in {key}" if has_volume
                         else f"Warning--there's a number but no series in {key}")
    return expected


def compile_with_bibtex(bib: str, folder: Path) -> tuple[list[str], str]:
    """pdflatex, bibtex (plain style), pdflatex twice; returns (problems, the .bbl text).

    The problems leave out the warnings of `kept_issue_warnings`, and only those.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "main.tex").write_text(BIBTEX_DOCUMENT, encoding="utf-8")
    _pdflatex(folder)
    _run(["bibtex", "main"], folder)
    blg = (folder / "main.blg").read_text(encoding="utf-8", errors="replace")
    problems = [line for line in blg.splitlines() if "Warning--" in line or "error message" in line or "I was expecting" in line]
    problems = [line for line in problems if line not in kept_issue_warnings(bib)]
    _pdflatex(folder)
    _pdflatex(folder)
    return problems + latex_problems(folder), (folder / "main.bbl").read_text(encoding="utf-8", errors="replace")


def compile_with_biber(bib: str, folder: Path) -> tuple[list[str], str]:
    """biber's data-model check, then pdflatex, biber, pdflatex twice with biblatex; returns (problems, .bbl)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "main.tex").write_text(BIBLATEX_DOCUMENT, encoding="utf-8")
    validation = _run(["biber", "--tool", "--validate-datamodel", "--output-file=checked.bib", "refs.bib"], folder)
    problems = [line for line in validation.splitlines() if line.startswith(("WARN", "ERROR"))]
    _pdflatex(folder)
    _run(["biber", "main"], folder)
    blg = (folder / "main.blg").read_text(encoding="utf-8", errors="replace")
    problems += [line for line in blg.splitlines() if "] WARN - " in line or "] ERROR - " in line]
    _pdflatex(folder)
    _pdflatex(folder)
    return problems + latex_problems(folder), (folder / "main.bbl").read_text(encoding="utf-8", errors="replace")


NOCITE_ALL = "---\nnocite: |\n  @*\n---\n"


def pandoc_bibliography(bibliography: Path) -> tuple[str, str]:
    """Render every entry of a .bib or CSL-JSON file with pandoc's citeproc; returns (plain text, stderr)."""
    result = subprocess.run(
        ["pandoc", "--citeproc", f"--bibliography={bibliography}", "--fail-if-warnings", "-f", "markdown", "-t", "plain",
         "--wrap=none"],
        input=NOCITE_ALL, capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def pandoc_to_csl(bib: Path) -> str:
    """pandoc's own reading of a .bib file, as CSL-JSON."""
    result = subprocess.run(["pandoc", str(bib), "-f", "bibtex", "-t", "csljson"], capture_output=True, text=True,
                            check=False, timeout=300)
    assert result.returncode == 0 and not result.stderr, result.stderr
    return result.stdout


def every_shape() -> list[tuple[Paper, Venue]]:
    """Synthetic papers of every venue kind, with every optional field and awkward characters:
    whatever the real data holds tomorrow, entries of these shapes must compile cleanly."""
    venues = [
        Venue("CONF", "Fixture Conference on Anomalies & Diffusion", "conference", "Fixture Society"),
        Venue("WS", "Workshop on 100% Synthetic Data", "workshop"),
        Venue("JOUR", "Journal of Ümlauts_and #Hashes", "journal", "Fixture Publisher"),
        Venue("arXiv", "arXiv", "preprint"),
        Venue("OTHER", "Fixture Preprint Server", "preprint"),
        Venue("BOOKS", "Fixture Book Series", "book", "Fixture Press"),
    ]
    authors = (
        Author("Schölkopf", "Bernhard"), Author("Božič", "Aljaž"), Author("Đorđević", "Łukasz"), Author("O'Neil", "Ann-Marie"),
        Author("da Costa", "P. F."), Author("Straße", "Jürgen"), Author("Ørsted", "Çelik"), Author("Martí", "Ïnés"), Author("Plato"),
    )
    titles = (
        "{MVTec} AD: DDPM, 3D & Non-Markovian Gaussian Noise — 100% Unsupervised",
        "X-ray Anomalies with α-Divergence ×2 in Stein's Sense: A {Careful} Study",
        "Über Straße: “Quoted” Words… and #Hashes_with {Braces}",
    )
    papers = []
    for index, venue in enumerate(venues):
        papers.append((Paper(
            id=f"shape{index}", title=titles[index % len(titles)], authors=authors[index:] + authors[:index],
            year=2020 + index, venue=venue.short, modality=("image",), task="detection", uses_diffusion=True,
            added=datetime.date(2025, 1, 1), authors_incomplete=index % 2 == 1, volume="12", number="3",
            pages="e101--e120" if index == 2 else "101--120", publisher="Own Publisher" if index == 1 else "",
            doi=f"10.9999/shape_{index}(2025)", arxiv=f"2501.0000{index}", openreview="AbCdEf12345" if index == 3 else "",
            url="https://example.org/paper?id=1&x=50%25#top" if index != 3 else "",
        ), venue))
    return papers


def built_corpus(folder: Path) -> Path:
    """The fixture corpus built with `mkdocs build --strict` into `folder/built`."""
    project = copy_project(folder, CORPUS / "papers")
    result = mkdocs_build(project, project / "built")
    assert result.returncode == 0, result.stderr
    return project / "built"
