"""Frozen, typed records for papers and the controlled vocabularies they refer to."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

VENUE_KINDS = ("conference", "workshop", "journal", "preprint", "book")
# The survey's five modalities, then those the field added since (placed by this site only).
MODALITIES = ("image", "video", "time-series", "tabular", "multimodal", "graph", "point-cloud", "audio")
TASKS = ("detection", "generation", "dataset", "survey", "other")
SURVEYS = ("adgdm", "dmad")
COVERAGE_LEVELS = ("full", "partial", "none", "not-applicable")


@dataclass(frozen=True)
class Author:
    """One author as `Family, Given`; `given` is empty for a single-part name."""

    family: str
    given: str = ""

    @property
    def display(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def sort_key(self) -> str:
        return f"{self.family}, {self.given}".strip(", ")

    @property
    def is_organisation(self) -> bool:
        """A name of several words with no given name, such as a consortium, kept whole in citations."""
        return not self.given and " " in self.family


@dataclass(frozen=True)
class Venue:
    """A venue from the controlled list: the short name papers use, its full name, its kind."""

    short: str
    name: str
    kind: str
    publisher: str = ""
    url: str = ""


@dataclass(frozen=True)
class TaxonomyNode:
    """One node of the taxonomy; roots are axes (methodology, scoring, modality, ...)."""

    id: str
    label: str
    description: str
    parent: str | None = None
    survey: str = ""
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """A benchmark dataset, as listed in the survey's dataset table or the DMAD dataset list."""

    id: str
    name: str
    modality: str
    task: str = ""
    kind: str = ""
    samples: str = ""
    subjects: str = ""
    domain: str = ""
    homepage: str = ""
    paper: str = ""
    year: int | None = None
    venue: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class BenchmarkColumn:
    """One value column of a leaderboard: a dataset, a metric and whether higher is better.

    `higher_is_better` is None where the source gives no direction; no best value is marked then.
    """

    id: str
    label: str
    dataset: str
    metric: str
    higher_is_better: bool | None = None
    unit: str = ""
    setting: str = ""
    note: str = ""


@dataclass(frozen=True)
class Benchmark:
    """A leaderboard built from one of the survey's result tables."""

    id: str
    title: str
    survey: str
    table: int
    columns: tuple[BenchmarkColumn, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Survey:
    """One of the two surveys: its paper id, its tables and its sections by key."""

    id: str
    title: str
    paper: str
    tables: tuple[tuple[int, str], ...]
    sections: tuple[tuple[str, str], ...]

    def section_title(self, key: str) -> str:
        return dict(self.sections).get(key, "")

    def table_title(self, number: int) -> str:
        return dict(self.tables).get(number, "")


@dataclass(frozen=True)
class Placement:
    """Where one survey lists or cites a paper: its reference number, tables and sections."""

    survey: str
    ref: int | None = None
    tables: tuple[int, ...] = ()
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    """One reported number of one paper in one leaderboard column; None when the table shows '-'."""

    benchmark: str
    column: str
    value: float | None
    spread: float | None = None
    text: str = ""


@dataclass(frozen=True)
class CodeState:
    """What GitHub last said about a code repository (code_stats.yaml, written by `refresh`)."""

    repo: str
    """owner/name as GitHub spells it."""
    stars: int | None = None
    since: datetime.date | None = None
    """The day the star count was recorded (it is rewritten only when it moves noticeably)."""
    archived: bool = False
    missing: bool = False
    moved_to: str = ""
    """owner/name the repository moved to, when it moved."""


@dataclass(frozen=True)
class Disagreement:
    """A value another source gives for a field, kept beside the value the catalogue chose."""

    field: str
    value: str
    source: str


@dataclass(frozen=True)
class Verification:
    """Where and when a paper's record was checked: per group of facts, the pages that confirm them."""

    date: datetime.date
    sources: tuple[tuple[str, tuple[str, ...]], ...] = ()
    unconfirmed: tuple[str, ...] = ()
    note: str = ""

    @property
    def state(self) -> str:
        """'checked' when a primary page confirmed the record and nothing is left open, 'partly checked'
        when some fields are, 'no primary page found' when no page confirmed the record at all."""
        if not dict(self.sources).get("record"):
            return "no primary page found"
        return "partly checked" if self.unconfirmed else "checked"


@dataclass(frozen=True)
class Paper:
    """One paper of the catalogue, validated."""

    id: str
    title: str
    authors: tuple[Author, ...]
    year: int
    venue: str
    modality: tuple[str, ...]
    task: str
    uses_diffusion: bool
    added: datetime.date
    authors_incomplete: bool = False
    short_name: str = ""
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    arxiv: str = ""
    openreview: str = ""
    url: str = ""
    code: tuple[str, ...] = ()
    taxonomy: tuple[str, ...] = ()
    surveys: tuple[Placement, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    coverage: tuple[tuple[str, str], ...] = ()
    datasets: tuple[str, ...] = ()
    results: tuple[Result, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    notes: str = ""
    summary: str = ""
    site_taxonomy: tuple[tuple[str, str], ...] = ()
    verified: Verification | None = None
    source_path: str = field(default="", compare=False)

    @property
    def listed_by(self) -> tuple[str, ...]:
        """The surveys that list or cite the paper; empty for a paper added by this site."""
        return tuple(p.survey for p in self.surveys)

    @property
    def nodes(self) -> tuple[str, ...]:
        """Taxonomy nodes from the surveys, then those placed by this site."""
        return (*self.taxonomy, *(node for node, _ in self.site_taxonomy))

    @property
    def label(self) -> str:
        """The short method name when the paper has one, else the first author and year."""
        if self.short_name:
            return self.short_name
        first = self.authors[0].family if self.authors else self.id
        return f"{first} et al. {self.year}" if len(self.authors) > 1 else f"{first} {self.year}"

    def attribute(self, key: str) -> str:
        return dict(self.attributes).get(key, "")

    def placement(self, survey: str) -> Placement | None:
        return next((p for p in self.surveys if p.survey == survey), None)
