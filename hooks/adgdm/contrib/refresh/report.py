"""The refresh report in Markdown: every proposed change with the URL of its evidence, then what could not be checked.

It is the body of the weekly pull request, so text from the services is kept in table cells
and code spans, with pipes, backticks and line breaks neutralised.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence

from .gather import Outcome
from .proposals import Finding, PaperEdit

SECTION_ORDER = ("Unknown venues", "Newer arXiv versions", "Fuller author names", "Journal references without a record",
                 "Archived repositories", "Moved repositories", "Missing repositories", "Not found")


def report(outcome: Outcome, today: datetime.date, written: bool, refused: Sequence[str], stats_changed: int) -> str:
    """The whole report."""
    status = "written to the files" if written else ("not written: see below" if refused else "proposed, not written")
    lines = ["# Catalogue refresh", "",
             f"{outcome.papers} papers checked against arXiv, Crossref, Semantic Scholar and GitHub on {today.isoformat()}: "
             f"{len(outcome.edits)} paper files to change ({status}), {len(outcome.findings)} findings, "
             f"{len(outcome.failures)} services failed."]
    lines += _edits(outcome.edits)
    lines += _findings(outcome.findings)
    if stats_changed:
        lines += ["", "## Code statistics", "",
                  f"{stats_changed} repositories' entries in `papers/vocabulary/code_stats.yaml` "
                  f"{'updated' if written else 'to update'} (stars that moved noticeably, archived, moved, missing)."]
    if refused:
        lines += ["", "## Not written", "", "The edited catalogue would not be valid, so no file was changed:", ""]
        lines += [f"- {_plain(problem)}" for problem in refused]
    lines += _unchecked(outcome)
    return "\n".join(lines) + "\n"


def _edits(edits: dict[str, PaperEdit]) -> list[str]:
    if not edits:
        return ["", "No paper file needs a change."]
    lines = ["", f"## Proposed changes ({len(edits)})"]
    for paper_id in sorted(edits):
        edit = edits[paper_id]
        lines += ["", f"### `{paper_id}` ({edit.source_path})", "", "| Field | Now | Proposed | Evidence |", "| --- | --- | --- | --- |"]
        lines += [f"| `{change.field}` | {_cell(change.old)} | {_cell(change.new)} | <{change.evidence}> |" for change in edit.fields]
        lines += [f"| `code` | {_cell(old)} | {_cell(new)} | <{evidence}> |" for old, new, evidence in edit.code]
        if edit.disagreements:
            kept = ", ".join(f"`{d.field}` = {_plain(d.value)}" for d in edit.disagreements)
            lines += ["", f"Previous values kept as disagreements: {kept}."]
    return lines


def _findings(findings: Sequence[Finding]) -> list[str]:
    by_section: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_section[finding.section].append(finding)
    lines: list[str] = []
    for section in sorted(by_section, key=lambda name: (SECTION_ORDER.index(name) if name in SECTION_ORDER else 99, name)):
        found = sorted(by_section[section], key=lambda f: (f.paper_id, f.text))
        lines += ["", f"## {section} ({len(found)})", ""]
        for finding in found:
            lines.append(f"- `{finding.paper_id}`: {_plain(finding.text)} Evidence: <{finding.evidence}>")
            if finding.suggestion:
                lines += ["", "  Suggested entry for `papers/vocabulary/venues.yaml` (check it before adding):", "",
                          "  ```yaml", *(f"  {line}" for line in finding.suggestion.replace("`", "'").splitlines()), "  ```", ""]
    return lines


def _unchecked(outcome: Outcome) -> list[str]:
    lines = ["", "## Could not be checked", ""]
    if not outcome.failures and not outcome.unchecked:
        return [*lines, "Every service answered; everything was checked."]
    lines += [f"- **{service}** failed: {_plain(reason)}" for service, reason in sorted(outcome.failures.items())]
    if outcome.unchecked:
        lines += ["", "These papers keep their files as they are for what was not checked:", ""]
        lines += [f"- `{paper_id}`: {_plain('; '.join(what))}" for paper_id, what in sorted(outcome.unchecked.items())]
    return lines


def _plain(text: object) -> str:
    """Text from a service on one line, unable to open code, tags or (with '@') notify anyone on GitHub."""
    return " ".join(str(text).split()).replace("`", "'").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")


def _cell(value: object) -> str:
    return "-" if value in (None, "") else _plain(value).replace("|", "\\|")
