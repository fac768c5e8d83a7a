"""What the services' answers mean for the catalogue: the edits to propose and the findings to report, as plain records.

Pure functions of the records fetched and the catalogue: no requests, no files.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ...data.fields import DOI_PATTERN, PAGES_PATTERN
from ...data.models import CodeState, Disagreement, Paper, Venue
from ...data.text import ascii_fold, normalise_title, strip_braces
from .arxiv_api import ArxivRecord
from .crossref_api import WorkRecord
from .github_api import RepoRecord, moved_link
from .semantic_scholar_api import ScholarRecord

PUBLICATION_FIELDS = ("venue", "year", "volume", "number", "pages", "doi")
STAR_STEP = 0.10
STAR_MIN_STEP = 5
"""Stars are rewritten only when they move by at least 10 % and at least 5, so the file changes rarely."""


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str | int | None
    new: str | int
    evidence: str


@dataclass
class PaperEdit:
    """Everything `--write` changes in one paper file."""

    paper_id: str
    source_path: str
    fields: list[FieldChange] = field(default_factory=list)
    code: list[tuple[str, str, str]] = field(default_factory=list)
    """(old link, new link, evidence)."""
    disagreements: list[Disagreement] = field(default_factory=list)
    record_urls: list[str] = field(default_factory=list)
    identifier_urls: list[str] = field(default_factory=list)
    code_urls: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    """Fields now confirmed, to drop from `verified.unconfirmed`."""


@dataclass(frozen=True)
class Finding:
    """Something to report that `--write` does not change in a paper file (or records only in code_stats.yaml)."""

    section: str
    paper_id: str
    text: str
    evidence: str
    suggestion: str = ""


def published_version(paper: Paper, venues: Mapping[str, Venue], work: WorkRecord, scholar: ScholarRecord | None,
                      doi_evidence: str, today: datetime.date) -> PaperEdit | Finding:
    """The edit that moves a preprint to its venue, or a finding when the venue is not in the vocabulary."""
    names = [*work.containers, *work.short_containers, work.event]
    if scholar:
        names += [scholar.venue, *scholar.venue_names]
    venue = match_venue(names, venues)
    if venue is None:
        return Finding("Unknown venues", paper.id, f"Crossref records it as published in '{_first(work.containers) or work.event}' "
                       f"({work.type}), which no venue of venues.yaml matches; the paper stays a preprint.",
                       work.url, suggested_venue(work))
    wanted: dict[str, str | int] = {"venue": venue, "doi": work.doi}
    if work.year:
        wanted["year"] = work.year
    wanted.update((name, value) for name, value in (("volume", work.volume), ("number", work.issue),
                                                    ("pages", _pages(work.pages))) if value)
    edit = PaperEdit(paper.id, paper.source_path)
    since = f"the arXiv preprint's record, as the catalogue had it until `refresh` on {today.isoformat()}"
    known = {(d.field, d.value) for d in paper.disagreements}
    for name in PUBLICATION_FIELDS:
        if name not in wanted or _same(getattr(paper, name), wanted[name]):
            continue
        old = getattr(paper, name) or None
        edit.fields.append(FieldChange(name, old, wanted[name], work.url))
        if old is not None and (name, str(old)) not in known:
            edit.disagreements.append(Disagreement(name, str(old), since))
    if not edit.fields:
        return Finding("Nothing to change", paper.id, "Crossref's record matches the catalogue.", work.url)
    edit.record_urls.append(work.url)
    edit.identifier_urls.append(doi_evidence or work.url)
    edit.confirmed = [change.field for change in edit.fields]
    return edit


def _same(old: object, new: str | int) -> bool:
    return str(old).lower() == str(new).lower()


def _pages(text: str) -> str:
    pages = re.sub(r"\s*[-–—]+\s*", "--", text.strip())
    return pages if re.fullmatch(PAGES_PATTERN, pages) else ""


def _first(items: Sequence[str]) -> str:
    return items[0] if items else ""


def _fold(text: str) -> str:
    text = ascii_fold(text).casefold().replace("&", " and ")
    text = re.sub(r"\b(19|20)\d\d\b|\bproceedings of( the)?\b|\b\d+(st|nd|rd|th)\b", " ", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def match_venue(names: Sequence[str], venues: Mapping[str, Venue]) -> str | None:
    """The short name of the venue one of `names` denotes: by full name, by short name, or by an acronym in parentheses."""
    by_name = {_fold(venue.name): short for short, venue in venues.items() if venue.kind != "preprint"}
    by_short = {_fold(short): short for short, venue in venues.items() if venue.kind != "preprint"}
    for name in (name for name in names if name):
        folded = _fold(name)
        if folded in by_name:
            return by_name[folded]
        if folded in by_short:
            return by_short[folded]
    for name in (name for name in names if name):
        for acronym in re.findall(r"\(([A-Za-z][A-Za-z0-9 -]{1,20})\)|[–—-]\s*([A-Z][A-Za-z]{2,})\s+(?:19|20)\d\d", name):
            found = by_short.get(_fold(acronym[0] or acronym[1]))
            if found:
                return found
    return None


def suggested_venue(work: WorkRecord) -> str:
    """A venues.yaml entry for a maintainer to review (never added by the command)."""
    name = _first(work.containers) or work.event
    short = _first(work.short_containers) or next(iter(re.findall(r"\(([A-Z][A-Za-z0-9-]+)\)", name)), "") or "SHORT"
    kind = {"journal-article": "journal", "proceedings-article": "conference", "book-chapter": "book"}.get(work.type, "journal")
    clean = re.sub(r"^(19|20)\d\d\s+", "", name).replace('"', "'")
    return f'"{short}":\n  name: "{clean}"\n  kind: {kind}\n'


def doi_of_published(arxiv: ArxivRecord | None, scholar: ScholarRecord | None) -> tuple[str, str]:
    """The DOI of the published version and the page that names it, from arXiv first, then Semantic Scholar."""
    candidates = [(arxiv.doi, f"https://arxiv.org/abs/{arxiv.id}")] if arxiv else []
    candidates += [(scholar.doi, scholar.url)] if scholar else []
    for doi, evidence in candidates:
        if doi and re.fullmatch(DOI_PATTERN, doi) and not doi.lower().startswith("10.48550/"):
            return doi, evidence
    return "", ""


def arxiv_changes(paper: Paper, record: ArxivRecord) -> list[Finding]:
    """A newer arXiv version whose title or author list differs from the catalogue's."""
    found = []
    if normalise_title(record.title) != normalise_title(strip_braces(paper.title)):
        found.append(Finding("Newer arXiv versions", paper.id, f"arXiv v{record.version} ({record.updated[:10]}) is titled "
                             f"'{record.title}'; the catalogue has '{strip_braces(paper.title)}'.", record.url))
    ours = [ascii_fold(author.family).casefold().replace(" ", "") for author in paper.authors]
    theirs = [ascii_fold(name).casefold().replace(" ", "") for name in record.authors]
    same = len(ours) == len(theirs) or paper.authors_incomplete
    if not same or not all(family in name for family, name in zip(ours, theirs, strict=False)):
        found.append(Finding("Newer arXiv versions", paper.id, f"arXiv v{record.version} lists {len(theirs)} authors "
                             f"({'; '.join(record.authors)}); the catalogue has {len(ours)} "
                             f"({'; '.join(author.display for author in paper.authors)}).", record.url))
    return found


def author_findings(paper: Paper, work: WorkRecord) -> list[Finding]:
    """Given names the version of record spells out where the catalogue has initials or none (reported, never written)."""
    if len(work.authors) != len(paper.authors):
        return []
    fuller = [f"{family}, {given}" for author, (family, given) in zip(paper.authors, work.authors, strict=True)
              if normalise_title(author.family) == normalise_title(family) and _fuller(given, author.given)]
    if not fuller:
        return []
    return [Finding("Fuller author names", paper.id, f"Crossref spells out {'; '.join(fuller)}.", work.url)]


def _fuller(given: str, ours: str) -> bool:
    words = re.findall(r"[^\W\d_]+", given)
    return bool(words) and any(len(word) > 1 for word in words) and not re.search(r"[^\W\d_]{2,}", ours)


def code_findings(paper: Paper, link: str, repo: RepoRecord) -> tuple[list[Finding], tuple[str, str, str] | None]:
    """What one code link's repository state means: findings, and the new link when it moved."""
    if repo.missing:
        return [Finding("Missing repositories", paper.id, f"{link} answers 404 on GitHub: gone, renamed away or private.",
                        f"https://github.com/{repo.asked}")], None
    found = []
    if repo.archived:
        found.append(Finding("Archived repositories", paper.id, f"{link} is archived (read-only); marked in code_stats.yaml.", repo.url))
    if repo.moved:
        new = moved_link(link, repo.full_name)
        found.append(Finding("Moved repositories", paper.id, f"{link} moved to {new}.", repo.url))
        return found, (link, new, repo.url)
    return found, None


def next_state(old: CodeState | None, repo: RepoRecord, today: datetime.date) -> CodeState:
    """The state to record: the star count kept unless it moved noticeably."""
    stars: int | None = repo.stars
    since: datetime.date | None = today
    if (old is not None and old.stars is not None and stars is not None
            and abs(stars - old.stars) < max(STAR_MIN_STEP, STAR_STEP * old.stars)):
        stars, since = old.stars, old.since or today
    if repo.missing:
        stars, since = (old.stars, old.since) if old else (None, None)
    name = repo.asked if repo.missing or repo.moved else repo.full_name
    return CodeState(name, stars, since if stars is not None else None, repo.archived, repo.missing,
                     repo.full_name if repo.moved else "")
