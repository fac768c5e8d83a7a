"""Ask each service about the chosen papers and collect the edits, findings, repository states and failures.

A service that fails once is not asked again in the run (it is down or refusing us); every
paper that needed it is listed as not checked and keeps its file as it is.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ...data.catalogue import Catalogue
from ...data.models import CodeState, Paper
from ...data.vocabulary.code_stats import github_repository
from . import arxiv_api, crossref_api, github_api, semantic_scholar_api
from .arxiv_api import ArxivRecord
from .http_client import Client, ServiceError
from .proposals import (
    Finding,
    PaperEdit,
    arxiv_changes,
    author_findings,
    code_findings,
    doi_of_published,
    next_state,
    published_version,
)


@dataclass(frozen=True)
class Services:
    """The base address of each service, and the GitHub token if any."""

    arxiv: str = "https://export.arxiv.org/api/query"
    crossref: str = "https://api.crossref.org"
    scholar: str = "https://api.semanticscholar.org/graph/v1"
    github: str = "https://api.github.com"
    github_token: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Services:
        default = cls()
        return cls(
            arxiv=(env.get("ADGDM_ARXIV_API") or default.arxiv).rstrip("/"),
            crossref=(env.get("ADGDM_CROSSREF_API") or default.crossref).rstrip("/"),
            scholar=(env.get("ADGDM_S2_API") or default.scholar).rstrip("/"),
            github=(env.get("ADGDM_GITHUB_API") or default.github).rstrip("/"),
            github_token=env.get("GITHUB_TOKEN", ""),
        )


@dataclass
class Outcome:
    """What a refresh found."""

    papers: int = 0
    edits: dict[str, PaperEdit] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    """Service -> why it failed."""
    unchecked: dict[str, list[str]] = field(default_factory=dict)
    """Paper id -> what could not be checked about it."""
    states: dict[str, CodeState] = field(default_factory=dict)
    """Lower-case owner/name -> the state to record."""

    def edit(self, paper: Paper) -> PaperEdit:
        return self.edits.setdefault(paper.id, PaperEdit(paper.id, paper.source_path))

    def not_checked(self, paper: Paper, what: str) -> None:
        self.unchecked.setdefault(paper.id, []).append(what)


def gather(catalogue: Catalogue, papers: Sequence[Paper], client: Client, services: Services, today: datetime.date) -> Outcome:
    """Ask arXiv (batched), then per preprint Semantic Scholar and Crossref, then GitHub per repository."""
    outcome = Outcome(papers=len(papers))
    records = _arxiv_records(papers, client, services, outcome)
    for paper in papers:
        if catalogue.venues[paper.venue].kind == "preprint":
            _preprint(catalogue, paper, records.get(paper.arxiv), client, services, outcome, today)
        record = records.get(paper.arxiv)
        if record is not None:
            outcome.findings += arxiv_changes(paper, record)
    _repositories(catalogue, papers, client, services, outcome, today)
    # A paper that a failed service concerned keeps its file as it is, even for what other services found.
    outcome.edits = {key: edit for key, edit in outcome.edits.items() if (edit.fields or edit.code) and key not in outcome.unchecked}
    return outcome


def _arxiv_records(papers: Sequence[Paper], client: Client, services: Services, outcome: Outcome) -> dict[str, ArxivRecord]:
    ids = sorted({paper.arxiv for paper in papers if paper.arxiv})
    try:
        records = arxiv_api.fetch_records(client, services.arxiv, ids)
    except ServiceError as error:
        outcome.failures[arxiv_api.SERVICE] = str(error)
        for paper in papers:
            if paper.arxiv:
                outcome.not_checked(paper, "arXiv record (title, authors, DOI, journal reference)")
        return {}
    for paper in papers:
        if paper.arxiv and paper.arxiv not in records:
            outcome.findings.append(Finding("Not found", paper.id, f"arXiv has no record of {paper.arxiv}.",
                                            f"https://arxiv.org/abs/{paper.arxiv}"))
    return records


def _preprint(catalogue: Catalogue, paper: Paper, record: ArxivRecord | None, client: Client, services: Services,
              outcome: Outcome, today: datetime.date) -> None:
    """Whether a preprint now has a version of record, and if so the edit that moves it there."""
    if paper.arxiv and arxiv_api.SERVICE in outcome.failures:
        return
    try:
        scholar = _ask(outcome, semantic_scholar_api.SERVICE,
                       lambda: semantic_scholar_api.fetch_paper(client, services.scholar, paper.arxiv, paper.doi)
                       if paper.arxiv or paper.doi else None)
        doi, evidence = doi_of_published(record, scholar)
        work = _ask(outcome, crossref_api.SERVICE,
                    lambda: crossref_api.fetch_work(client, services.crossref, doi) if doi else
                    crossref_api.find_work(client, services.crossref, paper.title.replace("{", "").replace("}", ""),
                                           paper.authors[0].family))
    except ServiceError as error:
        outcome.not_checked(paper, f"published version ({error})")
        return
    if work is None:
        if record and record.journal_ref:
            outcome.findings.append(Finding("Journal references without a record", paper.id,
                                            f"arXiv's journal reference reads '{record.journal_ref}', but no version of record "
                                            "was found; nothing changed.", record.url))
        return
    outcome.findings += author_findings(paper, work)
    result = published_version(paper, catalogue.venues, work, scholar, evidence, today)
    if isinstance(result, Finding):
        if result.section != "Nothing to change":
            outcome.findings.append(result)
        return
    outcome.edits[paper.id] = result


class _Skipped(ServiceError):
    pass


_Record = TypeVar("_Record")


def _ask(outcome: Outcome, service: str, call: Callable[[], _Record]) -> _Record:
    """The call's answer; a failure is recorded against the service, which is not asked again."""
    if service in outcome.failures:
        raise _Skipped(f"{service} failed earlier in this run")
    try:
        return call()
    except ServiceError as error:
        outcome.failures[service] = str(error)
        raise


def _repositories(catalogue: Catalogue, papers: Sequence[Paper], client: Client, services: Services, outcome: Outcome,
                  today: datetime.date) -> None:
    """Every GitHub repository the papers link to, asked once each."""
    seen: dict[str, github_api.RepoRecord | None] = {}
    for paper in papers:
        for link in paper.code:
            repo = github_repository(link)
            if not repo:
                continue
            if repo.lower() not in seen:
                seen[repo.lower()] = _repository(repo, client, services, outcome)
            record = seen[repo.lower()]
            if record is None:
                outcome.not_checked(paper, f"code repository {link}")
                continue
            findings, move = code_findings(paper, link, record)
            outcome.findings += findings
            if move:
                outcome.edit(paper).code.append(move)
            old = catalogue.code_stats.get(repo.lower())
            outcome.states[repo.lower()] = next_state(old, record, today)
            if record.moved:
                moved = github_api.RepoRecord(record.full_name, record.full_name, record.stars, record.archived)
                outcome.states[record.full_name.lower()] = next_state(catalogue.code_stats.get(record.full_name.lower()), moved, today)


def _repository(repo: str, client: Client, services: Services, outcome: Outcome) -> github_api.RepoRecord | None:
    if github_api.SERVICE in outcome.failures:
        return None
    try:
        return github_api.fetch_repository(client, services.github, repo, services.github_token)
    except ServiceError as error:
        outcome.failures[github_api.SERVICE] = str(error)
        return None
