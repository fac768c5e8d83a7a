"""The `new` command: one skeleton paper file per BibTeX entry or bare identifier, refusing known papers.

Existing files are read leniently (a half-finished paper file elsewhere must not stop a
contributor from adding the next one); the checker judges the result afterwards.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.duplicates import TitleIndex, told_apart
from ..data.keys import make_key
from ..data.load_state import PAPERS_DIR, VOCABULARY_DIR
from ..data.models import Venue
from ..data.paper_schema import PAPER
from ..data.safe_yaml import read_yaml
from ..data.text import normalise_title
from ..data.vocabulary.taxonomy import MODALITY_AXIS, TASK_AXIS
from .bibtex_input import Draft, bare_identifier, read_bibtex

CHOICE_HINTS = {
    "venue": ("CHOOSE", "one of the venues"),
    "modality": ("CHOOSE", "one or more of"),
    "task": ("CHOOSE", "one of"),
    "uses_diffusion": ("CHOOSE", "true if the method uses a diffusion model, else false"),
    "taxonomy": ("optional", "any of"),
    "datasets": ("optional", "any of"),
}
"""The controlled fields a contributor chooses, written as comments: (required or optional, what to pick)."""

_PLACEHOLDERS = {
    "venue": "venue:",
    "modality": "modality: []",
    "task": "task:",
    "uses_diffusion": "uses_diffusion:",
    "taxonomy": "taxonomy: []",
    "datasets": "datasets: []",
    "title": 'title: ""',
    "authors": 'authors: ["Family, Given"]',
    "year": "year:",
    "short_name": 'short_name: ""',
    "code": "code: []",
    "site_taxonomy": 'site_taxonomy: {}  # node: "why the method sits there, in your words (20 to 200 characters)"',
    "summary": 'summary: ""  # one sentence of 8 to 40 words, your own: what the method does, how it finds the anomaly',
    "verified": 'verified: {date: "", record: ["https://..."]}  # required for a paper no survey lists',
}


@dataclass(frozen=True)
class Choices:
    """The vocabularies a skeleton lists, read leniently from papers/vocabulary."""

    venues: dict[str, Venue]
    values: dict[str, list[str]]


@dataclass(frozen=True)
class Known:
    """A paper file as far as `new` needs it: its id, title and identifiers."""

    id: str
    title: str
    doi: str
    arxiv: str
    openreview: str
    source_path: str


@dataclass(frozen=True)
class Written:
    """The outcome for one input: the file written, or why nothing was."""

    origin: str
    path: Path | None = None
    refused: str = ""


def read_choices(root: Path) -> Choices:
    """Venues, modalities, tasks, taxonomy nodes and datasets, skipping entries that are malformed."""
    venues_doc = _read(root / VOCABULARY_DIR / "venues.yaml")
    venues = {
        str(short): Venue(str(short), str(entry.get("name", short)), str(entry.get("kind", "")))
        for short, entry in (venues_doc if isinstance(venues_doc, dict) else {}).items()
        if isinstance(entry, dict)
    }
    nodes = [n for n in _listed(root / VOCABULARY_DIR / "taxonomy.yaml") if isinstance(n.get("id"), str)]
    modality = [n["id"] for n in nodes if n.get("parent") == MODALITY_AXIS]
    task = [n["id"] for n in nodes if n.get("parent") == TASK_AXIS]
    other = [n["id"] for n in nodes if n.get("parent") and n["id"] not in {*modality, *task}]
    datasets = [d["id"] for d in _listed(root / VOCABULARY_DIR / "datasets.yaml") if isinstance(d.get("id"), str)]
    return Choices(venues, {
        "venue": sorted(venues, key=str.lower), "modality": modality, "task": task, "taxonomy": other,
        "datasets": sorted(datasets), "uses_diffusion": [],
    })


def known_papers(folders: list[Path], root: Path) -> list[Known]:
    """The paper files of `folders`, read leniently."""
    papers = []
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            data = _read(path)
            text = {key: str(value) for key, value in data.items() if isinstance(value, (str, int))} if isinstance(data, dict) else {}
            papers.append(Known(path.stem, text.get("title", ""), text.get("doi", ""), text.get("arxiv", ""),
                                text.get("openreview", ""), _shown(path, root)))
    return papers


_IDENTIFIERS: tuple[tuple[str, Callable[[Known], str]], ...] = (
    ("DOI", lambda paper: paper.doi.lower()),
    ("arXiv id", lambda paper: paper.arxiv),
    ("OpenReview id", lambda paper: paper.openreview),
)


def duplicate_of(candidate: Known, known: list[Known], titles: TitleIndex[Known]) -> str:
    """Why `candidate` is a paper the catalogue has already (naming its file), or ''."""
    for name, value_of in _IDENTIFIERS:
        value = value_of(candidate)
        owner = next((paper for paper in known if value and value_of(paper) == value), None)
        if owner is not None:
            return f"same {name} as {owner.source_path}"
    if candidate.title:
        wanted = normalise_title(candidate.title)
        for match in titles.similar(candidate.title):
            exact = normalise_title(match.owner.title) == wanted
            if exact or not told_apart(candidate, match.owner):
                closeness = "same title" if exact else "nearly the same title"
                return f"{closeness} as {match.owner.source_path} ('{match.title}')"
    return ""


def add_papers(drafts: list[Draft], root: Path, out: Path, added: datetime.date) -> list[Written]:
    """Write a skeleton for each draft that is not already in `root`'s papers or in `out`."""
    choices = read_choices(root)
    folders = sorted({(root / PAPERS_DIR).resolve(), out.resolve()})
    known = known_papers([folder for folder in folders if folder.is_dir()], root)
    titles: TitleIndex[Known] = TitleIndex()
    for paper in known:
        titles.add(paper, paper.title)
    taken = {paper.id for paper in known}
    results = []
    for draft in drafts:
        reason = duplicate_of(_known(draft, ""), known, titles)
        if reason:
            results.append(Written(draft.origin, refused=reason))
            continue
        key = _key(draft, taken)
        draft.fields["id"] = key
        path = out / f"{key}.yaml"
        out.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(skeleton(draft, added, choices))
        taken.add(key)
        paper = _known(draft, _shown(path, root))
        known.append(paper)
        titles.add(paper, paper.title)
        results.append(Written(draft.origin, path=path))
    return results


def drafts_from_inputs(inputs: list[str], stdin_text: str | None, venues: dict[str, Venue]) -> tuple[list[Draft], list[str]]:
    """Drafts from .bib files, '-' (standard input) or bare identifiers; problems as `source:line: message`."""
    drafts: list[Draft] = []
    problems: list[str] = []
    for item in inputs or ["-"]:
        if item == "-":
            found, trouble = read_bibtex(stdin_text or "", "<stdin>", venues)
        elif Path(item).is_file():
            try:
                text = Path(item).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                problems.append(f"{item}:1: cannot be read ({error})")
                continue
            found, trouble = read_bibtex(text, item, venues)
        elif (single := bare_identifier(item)) is not None:
            found, trouble = [single], []
        else:
            found, trouble = [], [f"{item}: not a BibTeX file, an arXiv id or a DOI"]
        drafts.extend(found)
        problems.extend(trouble)
    return drafts, problems


def skeleton(draft: Draft, added: datetime.date, choices: Choices) -> str:
    """The paper file for a draft: known values filled, controlled fields listed as comments to choose from."""
    values = dict(draft.fields)
    values["added"] = added
    lines = [
        f"# Written by `python -m adgdm new` from {draft.origin}.",
        "# Check every value against the paper, choose the fields marked CHOOSE (remove the '# ' in",
        "# front of them), then run `python -m adgdm check`.",
    ]
    if not _has_key_fields(draft):
        lines += [
            "# The id and the file name are temporary: once title, authors and year are filled, name both",
            "# after the key rule, first author's family name + year + first significant title word",
            "# (e.g. bercea2024diffusion).",
        ]
    lines += [f"# Note: {note}" for note in draft.notes]
    for name, _spec in PAPER.fields:
        if name in values:
            lines.extend(_field_lines(name, values[name]))
        elif name in CHOICE_HINTS:
            lines.extend(_choice_lines(name, draft, choices))
        elif name in _PLACEHOLDERS:
            lines.append(f"# {_PLACEHOLDERS[name]}")
    return "\n".join(lines) + "\n"


def _choice_lines(name: str, draft: Draft, choices: Choices) -> list[str]:
    need, what = CHOICE_HINTS[name]
    allowed = choices.values.get(name, [])
    hint = f"{need} {name}: {what}" + (": " + ", ".join(allowed) if allowed else "")
    if name == "venue" and draft.venue_text:
        hint += f". The entry says '{draft.venue_text}'; add a venue to {VOCABULARY_DIR}/venues.yaml if none fits"
    wrapped = textwrap.wrap(hint, width=100, break_on_hyphens=False, break_long_words=False)
    return [f"# {line}" for line in wrapped] + [f"# {_PLACEHOLDERS[name]}"]


def _field_lines(name: str, value: Any) -> list[str]:
    if name == "id":
        return [f"id: {value}"]  # keys are plain lower-case letters, digits and _, safe unquoted
    if isinstance(value, list):
        return [f"{name}:", *(f"  - {_scalar(item)}" for item in value)]
    return [f"{name}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        # Quoted: the schema states dates as "YYYY-MM-DD" strings, and YAML would read a bare one as a date.
        return f'"{value.isoformat()}"'
    # A JSON string is a valid YAML double-quoted scalar: quotes, backslashes and colons stay literal.
    return json.dumps(str(value), ensure_ascii=False)


def _has_key_fields(draft: Draft) -> bool:
    return bool(draft.fields.get("title") and draft.fields.get("authors") and draft.fields.get("year"))


def _key(draft: Draft, taken: set[str]) -> str:
    """The key rule's key; a temporary key from the identifier when title, authors or year are unknown."""
    fields = draft.fields
    if _has_key_fields(draft):
        return make_key(fields["authors"][0].partition(",")[0], fields["year"], fields["title"], taken)
    base = "new" + re.sub(r"[^a-z0-9]", "", str(fields.get("arxiv") or fields.get("doi") or "paper").lower())[:40]
    key, suffix = base, 2
    while key in taken:
        key, suffix = f"{base}_{suffix}", suffix + 1
    return key


def _known(draft: Draft, source_path: str) -> Known:
    fields = draft.fields
    return Known(fields.get("id", ""), fields.get("title", ""), fields.get("doi", ""), fields.get("arxiv", ""),
                 fields.get("openreview", ""), source_path)


def _read(path: Path) -> Any:
    document, _problems = read_yaml(path, path.name)
    return document.value if document is not None else None


def _listed(path: Path) -> list[dict[str, Any]]:
    value = _read(path)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def run(inputs: list[str], root: Path, out: Path | None, added: datetime.date, stdin_text: str | None) -> int:
    """The command: write the skeletons, print what happened, return the exit status (1 if anything was refused)."""
    drafts, problems = drafts_from_inputs(inputs, stdin_text, read_choices(root).venues)
    results = add_papers(drafts, root, out or root / PAPERS_DIR, added)
    for result in results:
        if result.path is not None:
            print(f"wrote {_shown(result.path, root)} (from {result.origin})")
        else:
            print(f"refused {result.origin}: {result.refused}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    written = sum(result.path is not None for result in results)
    refused = len(results) - written
    print(f"{written} file{'s' if written != 1 else ''} written, {refused} refused, {len(problems)} unreadable",
          file=sys.stderr if refused or problems else sys.stdout)
    return 1 if refused or problems else 0
