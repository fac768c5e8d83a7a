"""Loading the paper files: each checked against the paper schema and the rules across its fields, then a frozen Paper."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .load_state import PAPERS_DIR, LoadState
from .models import Author, Benchmark, Disagreement, Paper, Placement, Result, Venue, Verification
from .paper_schema import PAPER, VERIFICATION_GROUPS
from .problems import Problem
from .spec import Walker
from .text import braces_balanced


def paper_files(root: Path) -> list[Path]:
    """The paper files, in a stable order (file-system order never leaks out)."""
    # One folder, so ordering by name is ordering by path, and comparing strings is much cheaper.
    return sorted((root / PAPERS_DIR).glob("*.yaml"), key=lambda path: path.name)


def check_file_names(state: LoadState) -> None:
    """A paper saved as .yml or .YAML would be skipped without a word; say so instead."""
    folder = state.root / PAPERS_DIR
    if not folder.is_dir():
        return
    misnamed = (path for path in folder.iterdir() if path.suffix.lower() in (".yaml", ".yml") and path.suffix != ".yaml")
    for path in sorted(misnamed):
        state.problems.append(Problem(state.shown(path), 1, "file", "paper files must end in .yaml"))


def load_paper(state: LoadState, path: Path, venues: Mapping[str, Venue], benchmarks: Mapping[str, Benchmark]) -> Paper | None:
    """The paper of one file, or None after reporting its problems."""
    document = state.read(path, f"{PAPERS_DIR}/{path.name}")  # as state.shown(path) puts it, more cheaply
    if document is None:
        return None
    state.documents[document.path] = document
    walker = state.walker(document)
    if not isinstance(document.value, dict):
        walker.report("file", f"expected a mapping of paper fields at the top, got {_kind(document.value)}")
        return None
    before = len(state.problems)
    data = walker.check_mapping_fields(document.value, PAPER)
    _check_paper_rules(state, walker, path, data, venues, benchmarks)
    if len(state.problems) > before:
        return None
    return build_paper(data, document.path)


def _check_paper_rules(state: LoadState, walker: Walker, path: Path, data: dict[str, Any],
                       venues: Mapping[str, Venue], benchmarks: Mapping[str, Benchmark]) -> None:
    """Rules that involve more than one field, or the file name."""
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        walker.report("id", f"'{data['id']}' does not match the file name '{path.name}'")
    if isinstance(data.get("title"), str) and not braces_balanced(data["title"]):
        walker.report("title", "has unbalanced braces { }")
    year = data.get("year")
    if isinstance(year, int) and year > state.latest_year:
        walker.report("year", f"{year} is in the future (latest allowed: {state.latest_year})")
    venue = venues.get(str(data.get("venue")))
    if venue is not None and venue.kind == "book" and not (data.get("publisher") or venue.publisher):
        walker.report("publisher", f"a book needs a publisher (none given here or for venue '{venue.short}')")
    if venue is not None and venue.kind == "preprint" and venue.short == "arXiv" and not data.get("arxiv"):
        walker.report("arxiv", "an arXiv preprint needs its arXiv id")
    results = data.get("results")
    if isinstance(results, list):
        _check_results(walker, results, benchmarks)
    _check_curation(state, walker, data)


SUMMARY_WORDS = (8, 40)
REASON_LENGTH = (20, 200)
"""The upper bound is the spec's `max_length`, which also refuses surrounding spaces: the rule checks the lower one."""


def _check_curation(state: LoadState, walker: Walker, data: dict[str, Any]) -> None:
    """The summary's length, the site's placements and the date of the check."""
    summary = data.get("summary")
    if isinstance(summary, str):
        words = len(summary.split())
        if not SUMMARY_WORDS[0] <= words <= SUMMARY_WORDS[1]:
            walker.report("summary", f"has {words} words; a summary is one sentence of {SUMMARY_WORDS[0]} to {SUMMARY_WORDS[1]} words")
    placed = data.get("site_taxonomy")
    if isinstance(placed, dict):
        from_surveys = set(data.get("taxonomy") or ())
        for node, reason in placed.items():
            if node in from_surveys:
                walker.report(f"site_taxonomy.{node}", "a survey already places the paper there (see taxonomy)")
            elif isinstance(reason, str) and len(reason) < REASON_LENGTH[0]:
                walker.report(f"site_taxonomy.{node}", f"the reason needs {REASON_LENGTH[0]} to {REASON_LENGTH[1]} characters")
    checked = data.get("verified")
    if isinstance(checked, dict) and isinstance(checked.get("date"), datetime.date) and checked["date"] > state.today:
        walker.report("verified.date", f"{checked['date']} is in the future")
    if not data.get("surveys") and _added_on(data) >= SITE_ADDITIONS_FROM:
        _check_site_addition(walker, data)


SITE_ADDITIONS_FROM = datetime.date(2026, 12, 3)
"""From this day the site adds papers that neither survey lists; each must carry a confirmed
identifier and the record of where it was checked (the surveys' papers came with neither)."""


def _added_on(data: dict[str, Any]) -> datetime.date:
    """The spec has turned a valid `added` into a date; a missing or bad one (reported there) counts as long ago."""
    added = data.get("added")
    return added if isinstance(added, datetime.date) else datetime.date.min


def _check_site_addition(walker: Walker, data: dict[str, Any]) -> None:
    if not any(data.get(name) for name in ("doi", "arxiv", "openreview", "url")):
        walker.report("doi", "a paper no survey lists needs a confirmed identifier: doi, arxiv, openreview or url")
    checked = data.get("verified")
    if not isinstance(checked, dict) or not checked.get("record"):
        walker.report("verified.record", "a paper no survey lists needs the pages its record was checked against")


def _check_results(walker: Walker, results: list[dict[str, Any]], benchmarks: Mapping[str, Benchmark]) -> None:
    """Each result names a column of its benchmark, and each cell appears once.

    `results` is the spec's clean list: every item a mapping whose benchmark is one of `benchmarks`.
    """
    seen: set[tuple[str, str]] = set()
    for index, result in enumerate(results):
        benchmark = benchmarks[result["benchmark"]]
        column = result["column"]
        if column not in {c.id for c in benchmark.columns}:
            walker.report(f"results[{index}].column", f"'{column}' is not a column of benchmark '{benchmark.id}'")
        elif (benchmark.id, column) in seen:
            walker.report(f"results[{index}]", f"a second value for {benchmark.id} / {column}")
        seen.add((benchmark.id, column))


def _kind(value: Any) -> str:
    return {list: "a list", str: "text", int: "a number", bool: "a boolean"}.get(type(value), type(value).__name__)


def parse_author(text: str) -> Author:
    family, _, given = text.partition(", ")
    return Author(family.strip(), given.strip())


def build_paper(data: dict[str, Any], source_path: str) -> Paper:
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
        summary=data.get("summary", ""),
        site_taxonomy=tuple((data.get("site_taxonomy") or {}).items()),
        verified=_verification(data.get("verified")),
        source_path=source_path,
    )


def _verification(data: dict[str, Any] | None) -> Verification | None:
    if not data:
        return None
    sources = tuple((group, tuple(data[group])) for group, _ in VERIFICATION_GROUPS if data.get(group))
    return Verification(data["date"], sources, tuple(data.get("unconfirmed", ())), data.get("note", ""))
