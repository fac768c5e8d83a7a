"""The rules across files: no two papers alike, and every vocabulary entry that names a paper names one that exists."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .duplicates import near_duplicate_message, near_duplicate_papers
from .load_state import VOCABULARY_DIR, LoadState
from .models import Dataset, Paper, Survey
from .problems import Problem
from .text import normalise_title


def check_across_papers(state: LoadState, papers: list[Paper]) -> None:
    """No two papers share a DOI, an arXiv id, an OpenReview id, a normalised title or a summary, or have near-identical titles."""
    keys = (
        ("doi", lambda p: p.doi.lower()),
        ("arxiv", lambda p: p.arxiv),
        ("openreview", lambda p: p.openreview),
        ("title", lambda p: normalise_title(p.title)),
        ("summary", lambda p: " ".join(p.summary.lower().split())),
    )
    for field_name, key_of in keys:
        first_by_key: dict[str, Paper] = {}
        for paper in papers:
            key = key_of(paper)
            if not key:
                continue
            if key in first_by_key:
                first = first_by_key[key]
                _report_paper(state, paper, field_name, f"same {field_name} as {first.source_path}")
            else:
                first_by_key[key] = paper
    for first, second, edits in near_duplicate_papers(papers):
        _report_paper(state, second, "title", near_duplicate_message(first.source_path, edits))


def check_references(state: LoadState, papers: list[Paper], paper_paths: list[Path],
                     datasets: Mapping[str, Dataset], surveys: Mapping[str, Survey]) -> None:
    """Vocabulary entries that name a paper must name one that exists.

    A paper whose file exists but has problems of its own counts as existing, so its
    problems are not echoed as a second, misleading one here.
    """
    ids = {paper.id for paper in papers} | {path.stem for path in paper_paths}
    if not papers:
        return
    for dataset in datasets.values():
        walker, key = state.places["dataset", dataset.id]
        if dataset.paper and dataset.paper not in ids:
            walker.report(f"{key}.paper", f"'{dataset.paper}' is not a paper of the catalogue")
    for survey in surveys.values():
        if survey.paper not in ids:
            path = f"{VOCABULARY_DIR}/surveys.yaml"
            state.problems.append(Problem(path, 1, f"{survey.id}.paper", f"'{survey.paper}' is not a paper of the catalogue"))


def _report_paper(state: LoadState, paper: Paper, field_name: str, message: str) -> None:
    line = state.documents[paper.source_path].line(field_name)
    state.problems.append(Problem(paper.source_path, line, field_name, message))
