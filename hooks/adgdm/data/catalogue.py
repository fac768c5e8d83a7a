"""Loading `papers/`: every file read and checked, then the cross-file rules, then one Catalogue.

Nothing is returned until everything is valid: `load_catalogue` either gives a complete
Catalogue or raises InvalidData with every problem found. Each vocabulary loads beside its
spec (vocabulary/), the papers in papers.py, the rules across files in cross_checks.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .cross_checks import check_across_papers, check_references
from .load_state import PAPERS_DIR, LoadState
from .models import Benchmark, CodeState, Dataset, Paper, Survey, TaxonomyNode, Venue
from .paper_schema import FIXED_VOCABULARIES
from .papers import check_file_names, load_paper, paper_files
from .problems import InvalidData, Problem
from .vocabulary.benchmarks import load_benchmarks
from .vocabulary.code_stats import github_repository, load_code_stats
from .vocabulary.datasets import load_datasets
from .vocabulary.surveys import load_surveys, section_vocabulary
from .vocabulary.taxonomy import load_taxonomy, node_vocabularies
from .vocabulary.venues import load_venues

SITE_SOURCE = "site"
"""The source id of papers that neither survey lists: the ones this site added."""


def source_label(source: str) -> str:
    """How pages name a source: the survey's short name in capitals, or "Added by this site"."""
    return "Added by this site" if source == SITE_SOURCE else source.upper()


@dataclass(frozen=True)
class Catalogue:
    """All papers (sorted by id) and the vocabularies they use."""

    papers: tuple[Paper, ...]
    venues: Mapping[str, Venue]
    taxonomy: Mapping[str, TaxonomyNode]
    datasets: Mapping[str, Dataset]
    benchmarks: Mapping[str, Benchmark]
    surveys: Mapping[str, Survey]
    code_stats: Mapping[str, CodeState] = field(default_factory=dict)
    """GitHub repositories' state by lower-case 'owner/name' (code_stats.yaml; empty when absent)."""

    def code_state(self, url: str) -> CodeState | None:
        """What refresh last recorded about the GitHub repository a code link points to, if anything."""
        repo = github_repository(url)
        return self.code_stats.get(repo.lower()) if repo else None

    def code_stars(self, paper: Paper) -> int | None:
        """The stars of the paper's most starred GitHub repository (following a recorded move), if any is known."""
        stars = []
        for url in paper.code:
            state = self.code_state(url)
            if state is not None and state.moved_to:
                state = self.code_stats.get(state.moved_to.lower(), state)
            if state is not None and state.stars is not None and not state.missing:
                stars.append(state.stars)
        return max(stars, default=None)

    def vocabularies(self) -> dict[str, list[str]]:
        """Every vocabulary's allowed values, as the checker uses them (for editors and forms)."""
        values: dict[str, list[str]] = {name: list(allowed) for name, allowed in FIXED_VOCABULARIES.items()}
        values["venue"] = sorted(self.venues)
        values.update(node_vocabularies(self.taxonomy.values()))
        values["dataset"] = sorted(self.datasets)
        values["benchmark"] = sorted(self.benchmarks)
        for survey in self.surveys.values():
            values[section_vocabulary(survey.id)] = [key for key, _ in survey.sections]
        return values

    def paper(self, paper_id: str) -> Paper:
        return self._by_id()[paper_id]

    def sources(self, paper: Paper) -> tuple[str, ...]:
        """The surveys a paper comes from: those that list it, or the survey whose own record it is
        (DMAD's record is in the catalogue because ADGDM builds on it); else SITE_SOURCE alone."""
        found = tuple(sid for sid, survey in self.surveys.items() if sid in paper.listed_by or survey.paper == paper.id)
        return found or (SITE_SOURCE,)

    def has_paper(self, paper_id: str) -> bool:
        return paper_id in self._by_id()

    def _by_id(self) -> dict[str, Paper]:
        cached: dict[str, Paper] | None = self.__dict__.get("_by_id_cache")
        if cached is None:
            cached = {paper.id: paper for paper in self.papers}
            object.__setattr__(self, "_by_id_cache", cached)
        return cached


def load_catalogue(root: Path) -> Catalogue:
    """Read and check `root/papers`; raise InvalidData listing every problem."""
    state = LoadState(root)
    catalogue = _load(state)
    if state.problems or catalogue is None:
        raise InvalidData(state.problems)
    return catalogue


def _load(state: LoadState) -> Catalogue | None:
    """The vocabularies first (papers are checked against them), then the papers, then the rules across files."""
    surveys = load_surveys(state)
    taxonomy = load_taxonomy(state)
    venues = load_venues(state)
    datasets = load_datasets(state)
    benchmarks = load_benchmarks(state)
    code_stats = load_code_stats(state)
    paths = paper_files(state.root)
    papers = [paper for path in paths if (paper := load_paper(state, path, venues, benchmarks))]
    check_file_names(state)
    if not papers and not state.problems:
        state.problems.append(Problem(PAPERS_DIR, 1, "papers", "no paper files found"))
    papers.sort(key=lambda paper: paper.id)
    check_across_papers(state, papers)
    check_references(state, papers, paths, datasets, surveys)
    if state.problems:
        return None
    return Catalogue(tuple(papers), venues, taxonomy, datasets, benchmarks, surveys, code_stats)
