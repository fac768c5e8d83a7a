"""The data-quality page: counts per modality, task and year, and the papers a maintainer should look at.

Everything is computed from the catalogue alone. "Old" preprints are judged against the newest
`added` date in the catalogue, never against the clock, so the page is the same on every build.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...data.catalogue import SITE_SOURCE, Catalogue, source_label
from ...data.models import Paper
from ...data.urls import explorer_page, href, node_page, quality_page, year_page
from ...data.vocabulary.taxonomy import MODALITY_AXIS, TASK_AXIS
from ..context import Context
from ..generated_site import GeneratedSite
from ..markup import Column, block, esc, external_link, front_matter, heading, html_table, link
from .tables import ExtraColumn, count_text, paper_table

PREPRINT_AGE_YEARS = 2
"""An arXiv-only paper dated this many calendar years before the newest `added` date is certainly
more than a year old (only the year is known), so it may well have been published since."""


@dataclass(frozen=True)
class Check:
    """One list of papers to look at: an anchor, a heading, what it means, the papers."""

    anchor: str
    title: str
    explanation: str
    papers: tuple[Paper, ...]


@dataclass(frozen=True)
class QualityReport:
    """What the page shows, as data (the tests read this, the renderer formats it)."""

    by_modality: tuple[tuple[str, int], ...]
    by_task: tuple[tuple[str, int], ...]
    by_year: tuple[tuple[int, int], ...]
    checks: tuple[Check, ...]
    empty_nodes: tuple[str, ...]
    reference_year: int
    by_state: tuple[tuple[str, int], ...] = ()
    by_source: tuple[tuple[str, int], ...] = ()


VERIFICATION_STATES = (
    ("checked", "Checked: every recorded fact confirmed on a primary page", ""),
    ("partly-checked", "Partly checked: some fields still unconfirmed", ""),
    ("no-primary-page", "Looked up, but no primary page found", "#no-primary-page"),
    ("not-checked", "Not checked", "#not-checked"),
)
"""Verification states as the page counts them: id, label, the list on this page that names the papers."""


_STATE_IDS = {"checked": "checked", "partly checked": "partly-checked", "no primary page found": "no-primary-page"}


def verification_state(paper: Paper) -> str:
    """The id of the paper's state in VERIFICATION_STATES, from the record's own state."""
    return "not-checked" if paper.verified is None else _STATE_IDS[paper.verified.state]


def is_arxiv_only(catalogue: Catalogue, paper: Paper) -> bool:
    """A preprint: its venue is of kind 'preprint' (arXiv), so no published version is recorded."""
    return catalogue.venues[paper.venue].kind == "preprint"


def _initials_only(given: str) -> bool:
    """True for '', 'J.' or 'J.-P. M.': no part of the given name is written out."""
    return all(len(part) <= 1 for part in re.split(r"[\s.\-]+", given))


def quality_report(ctx: Context) -> QualityReport:
    catalogue = ctx.catalogue
    papers = catalogue.papers
    reference_year = max(paper.added for paper in papers).year
    nodes = catalogue.taxonomy.values()
    modalities = Counter(m for paper in papers for m in paper.modality)
    tasks = Counter(paper.task for paper in papers)
    years = Counter(paper.year for paper in papers)
    # by_node counts a paper on its nodes and every node above them, so an empty node has no paper below it either.
    empty = tuple(node.id for node in nodes if node.parent is not None and not ctx.index.by_node.get(node.id))

    doi_venues = {paper.venue for paper in papers if paper.doi}

    def select(rule: Callable[[Paper], bool]) -> tuple[Paper, ...]:
        return tuple(paper for paper in papers if rule(paper))

    checks = (
        Check("no-identifier", "Papers without a DOI or an arXiv id",
              "Neither identifier is recorded. Some have a publisher page or an OpenReview id instead.",
              select(lambda p: not p.doi and not p.arxiv)),
        Check("no-code", "Papers without code",
              "No repository or project page is recorded; many papers never released one.",
              select(lambda p: not p.code)),
        Check("incomplete-authors", "Papers with an incomplete author list",
              "The sources name only the first author(s); the full list still has to be looked up.",
              select(lambda p: p.authors_incomplete)),
        Check("disagreements", "Papers on which the sources disagree",
              "Another source gives a different value for a field; the paper page shows both.",
              select(lambda p: bool(p.disagreements))),
        Check("old-preprints", "arXiv-only papers more than a year old",
              f"Preprints dated {reference_year - PREPRINT_AGE_YEARS} or earlier, at least a year before the newest "
              f"addition to the catalogue ({reference_year}); a published version may exist by now.",
              select(lambda p: is_arxiv_only(catalogue, p) and p.year <= reference_year - PREPRINT_AGE_YEARS)),
        Check("not-checked", "Papers whose record has not been checked",
              "No verification record: the fields follow the surveys' listings and no primary page has been consulted.",
              select(lambda p: p.verified is None)),
        Check("no-primary-page", "Checked papers with no primary page found",
              "A check was made, but no publisher, proceedings, arXiv or author page could be found; the record "
              "stays as the sources give it.",
              select(lambda p: p.verified is not None and not dict(p.verified.sources).get("record"))),
        Check("initials-only", "Author lists with initials only",
              "No author's given name is written out; a primary page printing the full names is still to be found.",
              select(lambda p: all(_initials_only(a.given) for a in p.authors))),
        Check("doi-gaps", "Papers without a DOI at a venue that issues them",
              "Other papers of the same venue carry a DOI, so this one probably has one too.",
              select(lambda p: not p.doi and p.venue in doi_venues)),
    )
    return QualityReport(
        by_modality=tuple((n.id, modalities[n.id]) for n in nodes if n.parent == MODALITY_AXIS),
        by_task=tuple((n.id, tasks[n.id]) for n in nodes if n.parent == TASK_AXIS),
        by_year=tuple(sorted(years.items())),
        checks=checks,
        empty_nodes=empty,
        reference_year=reference_year,
        by_state=tuple((state, sum(1 for p in papers if verification_state(p) == state)) for state, _, _ in VERIFICATION_STATES),
        by_source=tuple((source, sum(1 for p in papers if source in catalogue.sources(p)))
                        for source in (*catalogue.surveys, SITE_SOURCE)),
    )


def produce(ctx: Context, site: GeneratedSite) -> None:
    site.add_page(quality_page(), render_quality(ctx))


def render_quality(ctx: Context) -> str:
    report = quality_report(ctx)
    page = quality_page()
    taxonomy = ctx.catalogue.taxonomy
    total = len(ctx.catalogue.papers)
    contents = "".join(f'<li><a href="#{c.anchor}">{esc(c.title)}</a> ({len(c.papers)})</li>' for c in report.checks)
    parts = [
        front_matter("Data quality", "What the catalogue holds and which papers still need a maintainer's attention."),
        heading("Data quality"),
        block(f"<p>The catalogue holds {esc(count_text(total))}. This page is generated from the data on every build: "
              "the counts below, then lists of papers whose records are incomplete or disputed, so maintainers "
              f"know what to check next.</p><ul>{contents}"
              '<li><a href="#empty-nodes">Taxonomy nodes without papers</a></li></ul>'),
        "## Counts {#counts}\n",
        block('<div class="adgdm-quality-counts">'
              + _count_table(page, "Modality", [(taxonomy[k].label, node_page(k), n) for k, n in report.by_modality])
              + _count_table(page, "Task", [(taxonomy[k].label, node_page(k), n) for k, n in report.by_task])
              + _count_table(page, "Year", [(str(y), year_page(y), n) for y, n in report.by_year])
              + _count_table(page, "Verification", [(label, target, dict(report.by_state)[state])
                                                    for state, label, target in VERIFICATION_STATES])
              + _count_table(page, "Source", [(source_label(s), f"{explorer_page()}?source={s}", n) for s, n in report.by_source])
              + "</div>"),
    ]
    for check in report.checks:
        parts.append(f"## {check.title} {{#{check.anchor}}}\n")
        body = f"<p>{esc(check.explanation)} {esc(count_text(len(check.papers)))}.</p>"
        if check.papers:
            body += paper_table(ctx, page, check.papers, _extra_columns(check.anchor))
        parts.append(block(body))
    parts.append("## Taxonomy nodes without papers {#empty-nodes}\n")
    parts.append(block(_empty_nodes(page, ctx, report.empty_nodes)))
    return "".join(parts)


def _count_table(page: str, label: str, rows: Sequence[tuple[str, str, int]]) -> str:
    """Name and count per row; the name links to `target` (a page, a page?query, #anchor) when there is one."""
    cells = [[_target_link(page, target, name), str(count)] for name, target, count in rows]
    return html_table([Column(label), Column("Papers", numeric=True)], cells, css="adgdm-sortable adgdm-counts",
                      caption=f"Papers per {label.lower()}")


def _target_link(page: str, target: str, name: str) -> str:
    if not target:
        return esc(name)
    if target.startswith("#"):
        return link(target, name)
    path, _, query = target.partition("?")
    return link(href(page, path) + (f"?{query}" if query else ""), name)


def _extra_columns(anchor: str) -> Sequence[ExtraColumn]:
    if anchor == "no-identifier":
        return [(Column("Other link"), _other_link)]
    if anchor == "disagreements":
        return [(Column("Fields"), lambda p: esc(", ".join(sorted({d.field for d in p.disagreements}))))]
    return []


def _other_link(paper: Paper) -> str:
    if paper.url:
        return external_link(paper.url, "publisher page")
    if paper.openreview:
        return external_link(f"https://openreview.net/forum?id={paper.openreview}", "OpenReview")
    return "none"


def _empty_nodes(page: str, ctx: Context, node_ids: Sequence[str]) -> str:
    if not node_ids:
        return "<p>Every taxonomy node has at least one paper.</p>"
    taxonomy = ctx.catalogue.taxonomy
    items = "".join(f"<li>{link(href(page, node_page(n)), taxonomy[n].label)}</li>" for n in node_ids)
    return (f"<p>No paper is placed on these nodes yet; the sources name the category but place no paper in it "
            f"that the catalogue could record.</p><ul>{items}</ul>")
