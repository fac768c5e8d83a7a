"""Loading `papers/`: every file read and checked, then the cross-file rules, then one Catalogue.

Nothing is returned until everything is valid: `load_catalogue` either gives a complete
Catalogue or raises InvalidData with every problem found.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .duplicates import near_duplicate_message, near_duplicate_papers
from .models import (
    Author,
    Benchmark,
    BenchmarkColumn,
    Dataset,
    Disagreement,
    Paper,
    Placement,
    Result,
    Survey,
    TaxonomyNode,
    Venue,
)
from .paper_schema import BENCHMARK, DATASET, FIXED_VOCABULARIES, PAPER, SURVEY, TAXONOMY_NODE, VENUE, latest_year
from .problems import InvalidData, Problem
from .safe_yaml import Document, read_yaml
from .spec import INVALID, Spec, Walker
from .text import ascii_fold, braces_balanced, normalise_title
from .urls import INDEX_SLUG, slugify, taxonomy_index, url_of, venue_page, venues_index

PAPERS_DIR = "papers"
VOCABULARY_DIR = "papers/vocabulary"
MODALITY_AXIS = "modality"
TASK_AXIS = "task"


@dataclass(frozen=True)
class Catalogue:
    """All papers (sorted by id) and the vocabularies they use."""

    papers: tuple[Paper, ...]
    venues: Mapping[str, Venue]
    taxonomy: Mapping[str, TaxonomyNode]
    datasets: Mapping[str, Dataset]
    benchmarks: Mapping[str, Benchmark]
    surveys: Mapping[str, Survey]

    def vocabularies(self) -> dict[str, list[str]]:
        """Every vocabulary's allowed values, as the checker uses them (for editors and forms)."""
        taxonomy = self.taxonomy.values()
        values: dict[str, list[str]] = {name: list(allowed) for name, allowed in FIXED_VOCABULARIES.items()}
        values["venue"] = sorted(self.venues)
        values["modality"] = [n.id for n in taxonomy if n.parent == MODALITY_AXIS]
        values["task"] = [n.id for n in taxonomy if n.parent == TASK_AXIS]
        fixed = set(values["modality"]) | set(values["task"])
        values["taxonomy node"] = [n.id for n in taxonomy if n.parent is not None and n.id not in fixed]
        values["dataset"] = sorted(self.datasets)
        values["benchmark"] = sorted(self.benchmarks)
        for survey in self.surveys.values():
            values[f"{survey.id.upper()} section"] = [key for key, _ in survey.sections]
        return values

    def paper(self, paper_id: str) -> Paper:
        return self._by_id()[paper_id]

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
    loader = _Loader(root)
    catalogue = loader.load()
    if loader.problems or catalogue is None:
        raise InvalidData(loader.problems)
    return catalogue


def paper_files(root: Path) -> list[Path]:
    """The paper files, in a stable order (file-system order never leaks out)."""
    # One folder, so ordering by name is ordering by path, and comparing strings is much cheaper.
    return sorted((root / PAPERS_DIR).glob("*.yaml"), key=lambda path: path.name)


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.places: dict[tuple[str, str], tuple[Walker, str]] = {}
        self.documents: dict[str, Document] = {}
        self.vocabularies: dict[str, Any] = dict(FIXED_VOCABULARIES)
        self.paper_paths: list[Path] = []
        self.latest_year = latest_year()
        self.hints = {
            "venue": f"{VOCABULARY_DIR}/venues.yaml",
            "taxonomy node": f"{VOCABULARY_DIR}/taxonomy.yaml",
            "modality": f"{VOCABULARY_DIR}/taxonomy.yaml",
            "task": f"{VOCABULARY_DIR}/taxonomy.yaml",
            "dataset": f"{VOCABULARY_DIR}/datasets.yaml",
            "benchmark": f"{VOCABULARY_DIR}/benchmarks.yaml",
        }

    def load(self) -> Catalogue | None:
        surveys = self._load_surveys()
        taxonomy = self._load_taxonomy()
        venues = self._load_venues()
        datasets = self._load_datasets()
        benchmarks = self._load_benchmarks()
        self.paper_paths = paper_files(self.root)
        papers = [paper for path in self.paper_paths if (paper := self._load_paper(path, venues, benchmarks))]
        self._check_file_names()
        if not papers and not self.problems:
            self.problems.append(Problem(PAPERS_DIR, 1, "papers", "no paper files found"))
        papers.sort(key=lambda paper: paper.id)
        self._check_across_papers(papers)
        self._check_references(papers, datasets, surveys)
        if self.problems:
            return None
        return Catalogue(tuple(papers), venues, taxonomy, datasets, benchmarks, surveys)

    # -- reading ---------------------------------------------------------------------------

    def _check_file_names(self) -> None:
        """A paper saved as .yml or .YAML would be skipped without a word; say so instead."""
        folder = self.root / PAPERS_DIR
        if not folder.is_dir():
            return
        misnamed = (path for path in folder.iterdir() if path.suffix.lower() in (".yaml", ".yml") and path.suffix != ".yaml")
        for path in sorted(misnamed):
            self.problems.append(Problem(self._shown(path), 1, "file", "paper files must end in .yaml"))

    def _shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def _read(self, path: Path, shown: str = "") -> Document | None:
        document, problems = read_yaml(path, shown or self._shown(path))
        self.problems.extend(problems)
        return document

    def _walker(self, document: Document) -> Walker:
        return Walker(document, self.vocabularies, self.problems, self.hints)

    def _vocabulary_entries(self, name: str, spec: Spec, keyed: bool) -> list[tuple[Walker, str, dict[str, Any]]]:
        """Read a vocabulary file: a list of mappings, or (keyed) a mapping of key -> mapping."""
        path = self.root / VOCABULARY_DIR / name
        if not path.exists():
            self.problems.append(Problem(self._shown(path), 1, "file", "vocabulary file is missing"))
            return []
        document = self._read(path)
        if document is None:
            return []
        walker = self._walker(document)
        value = document.value
        entries: list[tuple[Walker, str, dict[str, Any]]] = []
        if keyed:
            if not isinstance(value, dict):
                walker.report("", "expected a mapping of names to entries")
                return []
            items: Iterable[tuple[str, Any]] = value.items()
        else:
            if not isinstance(value, list):
                walker.report("", "expected a list of entries")
                return []
            items = ((f"[{index}]", item) for index, item in enumerate(value))
        for key, item in items:
            clean = walker.check(item, spec, key)
            if clean is not INVALID:
                entries.append((walker, key, clean))
        return entries

    def _unique(self, walker: Walker, field_path: str, value: str, seen: dict[str, str], what: str) -> bool:
        if value in seen:
            walker.report(field_path, f"{what} '{value}' is defined twice (first at {seen[value]})")
            return False
        seen[value] = f"line {walker.document.line(field_path)}"
        return True

    # -- vocabularies ----------------------------------------------------------------------

    def _load_surveys(self) -> dict[str, Survey]:
        surveys: dict[str, Survey] = {}
        for walker, key, entry in self._vocabulary_entries("surveys.yaml", SURVEY, keyed=True):
            if key not in FIXED_VOCABULARIES["survey"]:
                walker.report(key, f"'{key}' is not a known survey")
                continue
            sections = tuple((s["key"], s["title"]) for s in entry["sections"])
            tables = tuple((t["number"], t["title"]) for t in entry.get("tables", []))
            surveys[key] = Survey(key, entry["title"], entry["paper"], tables, sections)
            self.vocabularies[f"{key.upper()} section"] = {k for k, _ in sections}
        return surveys

    def _load_taxonomy(self) -> dict[str, TaxonomyNode]:
        nodes: dict[str, TaxonomyNode] = {}
        seen: dict[str, str] = {}
        for walker, key, entry in self._vocabulary_entries("taxonomy.yaml", TAXONOMY_NODE, keyed=False):
            if not self._unique(walker, f"{key}.id", entry["id"], seen, "node"):
                continue
            if entry["id"] == INDEX_SLUG:
                walker.report(f"{key}.id", f"'{INDEX_SLUG}' is reserved: {url_of(taxonomy_index())} is the taxonomy overview")
                continue
            nodes[entry["id"]] = TaxonomyNode(
                id=entry["id"], label=entry["label"], description=entry["description"], parent=entry.get("parent"),
                survey=entry.get("survey", ""), sections=tuple(entry.get("sections", ())),
            )
            self.places["node", entry["id"]] = (walker, key)
        for node in nodes.values():
            walker, key = self.places["node", node.id]
            if node.parent is not None and node.parent not in nodes:
                walker.report(f"{key}.parent", f"'{node.parent}' is not a node of the taxonomy")
            elif _has_cycle(node, nodes):
                walker.report(f"{key}.parent", "the parents of this node form a cycle")
        for axis in (MODALITY_AXIS, TASK_AXIS):
            if axis not in nodes:
                self.problems.append(Problem(f"{VOCABULARY_DIR}/taxonomy.yaml", 1, "id", f"the '{axis}' axis is missing"))
        self.vocabularies["modality"] = {n.id for n in nodes.values() if n.parent == MODALITY_AXIS}
        self.vocabularies["task"] = {n.id for n in nodes.values() if n.parent == TASK_AXIS}
        fixed = self.vocabularies["modality"] | self.vocabularies["task"]
        self.vocabularies["taxonomy node"] = {n.id for n in nodes.values() if n.parent is not None and n.id not in fixed}
        return nodes

    def _load_venues(self) -> dict[str, Venue]:
        venues: dict[str, Venue] = {}
        by_slug: dict[str, str] = {}
        for walker, key, entry in self._vocabulary_entries("venues.yaml", VENUE, keyed=True):
            # A venue's page is addressed by the slug of its short name, so each needs its own slug.
            slug = slugify(key)
            if not any(char.isalnum() for char in ascii_fold(key)):
                walker.report(key, "a venue's short name needs a letter or a digit")
                continue
            if slug in by_slug:
                walker.report(key, f"'{key}' and '{by_slug[slug]}' would share the page {url_of(venue_page(key))}")
                continue
            if slug == INDEX_SLUG:
                walker.report(key, f"'{key}' would take the address {url_of(venues_index())} of the list of venues")
                continue
            by_slug[slug] = key
            venues[key] = Venue(key, entry["name"], entry["kind"], entry.get("publisher", ""), entry.get("url", ""))
        self.vocabularies["venue"] = set(venues)
        return venues

    def _load_datasets(self) -> dict[str, Dataset]:
        datasets: dict[str, Dataset] = {}
        seen: dict[str, str] = {}
        for walker, key, entry in self._vocabulary_entries("datasets.yaml", DATASET, keyed=False):
            if self._unique(walker, f"{key}.id", entry["id"], seen, "dataset"):
                fields = {k: v for k, v in entry.items() if k != "sources"}
                datasets[entry["id"]] = Dataset(**fields, sources=tuple(entry.get("sources", ())))
                self.places["dataset", entry["id"]] = (walker, key)
        self.vocabularies["dataset"] = set(datasets)
        return datasets

    def _load_benchmarks(self) -> dict[str, Benchmark]:
        benchmarks: dict[str, Benchmark] = {}
        seen: dict[str, str] = {}
        for walker, key, entry in self._vocabulary_entries("benchmarks.yaml", BENCHMARK, keyed=False):
            if not self._unique(walker, f"{key}.id", entry["id"], seen, "benchmark"):
                continue
            column_ids: dict[str, str] = {}
            for index, column in enumerate(entry["columns"]):
                self._unique(walker, f"{key}.columns[{index}].id", column["id"], column_ids, "column")
            columns = tuple(BenchmarkColumn(**column) for column in entry["columns"])
            benchmarks[entry["id"]] = Benchmark(
                entry["id"], entry["title"], entry["survey"], entry["table"], columns, tuple(entry.get("notes", ()))
            )
        self.vocabularies["benchmark"] = set(benchmarks)
        return benchmarks

    # -- papers ----------------------------------------------------------------------------

    def _load_paper(self, path: Path, venues: Mapping[str, Venue], benchmarks: Mapping[str, Benchmark]) -> Paper | None:
        document = self._read(path, f"{PAPERS_DIR}/{path.name}")  # as _shown(path) puts it, more cheaply
        if document is None:
            return None
        self.documents[document.path] = document
        walker = self._walker(document)
        if not isinstance(document.value, dict):
            walker.report("file", f"expected a mapping of paper fields at the top, got {_kind(document.value)}")
            return None
        before = len(self.problems)
        data = walker.check_mapping_fields(document.value, PAPER, "")
        self._check_paper_rules(walker, path, data, venues, benchmarks)
        if len(self.problems) > before:
            return None
        return _build_paper(data, document.path)

    def _check_paper_rules(self, walker: Walker, path: Path, data: dict[str, Any],
                           venues: Mapping[str, Venue], benchmarks: Mapping[str, Benchmark]) -> None:
        """Rules that involve more than one field, or the file name."""
        if isinstance(data.get("id"), str) and data["id"] != path.stem:
            walker.report("id", f"'{data['id']}' does not match the file name '{path.name}'")
        if isinstance(data.get("title"), str) and not braces_balanced(data["title"]):
            walker.report("title", "has unbalanced braces { }")
        year = data.get("year")
        if isinstance(year, int) and year > self.latest_year:
            walker.report("year", f"{year} is in the future (latest allowed: {self.latest_year})")
        venue = venues.get(str(data.get("venue")))
        if venue is not None and venue.kind == "book" and not (data.get("publisher") or venue.publisher):
            walker.report("publisher", f"a book needs a publisher (none given here or for venue '{venue.short}')")
        if venue is not None and venue.kind == "preprint" and venue.short == "arXiv" and not data.get("arxiv"):
            walker.report("arxiv", "an arXiv preprint needs its arXiv id")
        results = data.get("results")
        if isinstance(results, list):
            self._check_results(walker, results, benchmarks)

    def _check_results(self, walker: Walker, results: list[Any], benchmarks: Mapping[str, Benchmark]) -> None:
        """Each result names a column of its benchmark, and each cell appears once."""
        seen: set[tuple[str, str]] = set()
        for index, result in enumerate(results):
            benchmark = benchmarks.get(str(result.get("benchmark"))) if isinstance(result, dict) else None
            if benchmark is None:
                continue
            column = result.get("column")
            if column not in {c.id for c in benchmark.columns}:
                walker.report(f"results[{index}].column", f"'{column}' is not a column of benchmark '{benchmark.id}'")
            elif (benchmark.id, column) in seen:
                walker.report(f"results[{index}]", f"a second value for {benchmark.id} / {column}")
            seen.add((benchmark.id, str(column)))

    def _check_across_papers(self, papers: list[Paper]) -> None:
        """No two papers share a DOI, an arXiv id, an OpenReview id or a normalised title, or have near-identical titles."""
        keys = (
            ("doi", lambda p: p.doi.lower()),
            ("arxiv", lambda p: p.arxiv),
            ("openreview", lambda p: p.openreview),
            ("title", lambda p: normalise_title(p.title)),
        )
        for field_name, key_of in keys:
            first_by_key: dict[str, Paper] = {}
            for paper in papers:
                key = key_of(paper)
                if not key:
                    continue
                if key in first_by_key:
                    first = first_by_key[key]
                    self._report_paper(paper, field_name, f"same {field_name} as {first.source_path}")
                else:
                    first_by_key[key] = paper
        for first, second, edits in near_duplicate_papers(papers):
            self._report_paper(second, "title", near_duplicate_message(first.source_path, edits))

    def _check_references(self, papers: list[Paper], datasets: Mapping[str, Dataset], surveys: Mapping[str, Survey]) -> None:
        """Vocabulary entries that name a paper must name one that exists.

        A paper whose file exists but has problems of its own counts as existing, so its
        problems are not echoed as a second, misleading one here.
        """
        ids = {paper.id for paper in papers} | {path.stem for path in self.paper_paths}
        if not papers:
            return
        for dataset in datasets.values():
            walker, key = self.places["dataset", dataset.id]
            if dataset.paper and dataset.paper not in ids:
                walker.report(f"{key}.paper", f"'{dataset.paper}' is not a paper of the catalogue")
        for survey in surveys.values():
            if survey.paper not in ids:
                path = f"{VOCABULARY_DIR}/surveys.yaml"
                self.problems.append(Problem(path, 1, f"{survey.id}.paper", f"'{survey.paper}' is not a paper of the catalogue"))

    def _report_paper(self, paper: Paper, field_name: str, message: str) -> None:
        line = self.documents[paper.source_path].line(field_name)
        self.problems.append(Problem(paper.source_path, line, field_name, message))


def _has_cycle(node: TaxonomyNode, nodes: Mapping[str, TaxonomyNode]) -> bool:
    seen = {node.id}
    current = node
    while current.parent is not None and current.parent in nodes:
        if current.parent in seen:
            return True
        seen.add(current.parent)
        current = nodes[current.parent]
    return False


def _kind(value: Any) -> str:
    return {list: "a list", str: "text", int: "a number", bool: "a boolean"}.get(type(value), type(value).__name__)


def parse_author(text: str) -> Author:
    family, _, given = text.partition(", ")
    return Author(family.strip(), given.strip())


def _build_paper(data: dict[str, Any], source_path: str) -> Paper:
    surveys = tuple(
        Placement(survey, placement.get("ref"), tuple(placement.get("tables", ())), tuple(placement.get("sections", ())))
        for survey, placement in sorted((data.get("surveys") or {}).items())
    )
    results = tuple(
        Result(r["benchmark"], r["column"], r["value"], r.get("spread"), r.get("text", "")) for r in data.get("results", ())
    )
    disagreements = tuple(
        Disagreement(d["field"], str(d["value"]), d["source"]) for d in data.get("disagreements", ())
    )
    return Paper(
        id=data["id"],
        title=data["title"],
        authors=tuple(parse_author(name) for name in data["authors"]),
        year=data["year"],
        venue=data["venue"],
        modality=tuple(data["modality"]),
        task=data["task"],
        uses_diffusion=data["uses_diffusion"],
        added=data["added"],
        authors_incomplete=data.get("authors_incomplete", False),
        short_name=data.get("short_name", ""),
        volume=data.get("volume", ""),
        number=data.get("number", ""),
        pages=data.get("pages", ""),
        publisher=data.get("publisher", ""),
        doi=data.get("doi", ""),
        arxiv=data.get("arxiv", ""),
        openreview=data.get("openreview", ""),
        url=data.get("url", ""),
        code=tuple(data.get("code", ())),
        taxonomy=tuple(data.get("taxonomy", ())),
        surveys=surveys,
        attributes=tuple((data.get("attributes") or {}).items()),
        coverage=tuple((data.get("coverage") or {}).items()),
        datasets=tuple(data.get("datasets", ())),
        results=results,
        disagreements=disagreements,
        notes=data.get("notes", ""),
        source_path=source_path,
    )
