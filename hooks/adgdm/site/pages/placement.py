"""The paper-page section "Where the surveys discuss it": the survey tables and sections that list
or cite a paper, each linked to the catalogue page that covers the same ground."""

from __future__ import annotations

from ...data.models import Paper, Placement
from ...data.urls import (
    benchmark_page,
    datasets_index,
    href,
    modality_page,
    node_page,
    paper_page,
    related_surveys_page,
)
from ..context import Context
from ..markup import block, esc, link
from ..memo import once_per
from .modality import view_of_table

# DMAD's sections are named, not numbered; these point at the taxonomy node each one covers.
# Sections named like a node (image, video, hybrid, ...) need no entry.
DMAD_SECTION_NODES = {"reconstruction": "reconstruction-based", "density": "density-based", "datasets": "dataset"}


def section_label(ctx: Context, survey_id: str, key: str) -> str:
    """'§4.2.1 Frame-level Methods' for a numbered section, the title alone for a named one."""
    survey = ctx.catalogue.surveys.get(survey_id)
    title = survey.section_title(key) if survey is not None else ""
    if not key[:1].isdigit():
        return title or key
    return f"§{key} {title}".rstrip()


def section_node(ctx: Context, survey_id: str, key: str) -> str | None:
    """The taxonomy node that covers a survey section, or None.

    ADGDM nodes name their sections; a subsection without a node of its own falls back to
    its parent section's node (4.2 -> 4, the video node).
    """
    taxonomy = ctx.catalogue.taxonomy
    if survey_id == "dmad":
        node_id = DMAD_SECTION_NODES.get(key, key)
        return node_id if node_id in taxonomy else None
    by_section = once_per(ctx.catalogue, "section-nodes", lambda: _nodes_by_section(ctx))
    while key:
        if key in by_section:
            return by_section[key]
        key = key.rpartition(".")[0]
    return None


def _nodes_by_section(ctx: Context) -> dict[str, str]:
    """ADGDM section -> the first node (in taxonomy order) that names it: where two nodes share a
    section (frame- and sequence-level video methods share §4.2.1), the first is the one its title names."""
    by_section: dict[str, str] = {}
    for node in ctx.catalogue.taxonomy.values():
        for section in node.sections:
            by_section.setdefault(section, node.id)
    return by_section


def placement_section(ctx: Context, paper: Paper) -> str:
    items = [_placement_item(ctx, paper_page(paper.id), placement) for placement in paper.surveys]
    items = [item for item in items if item]
    if not items:
        return ""
    return "## Where the surveys discuss it {#surveys}\n" + block(f'<ul class="adgdm-placements">{"".join(items)}</ul>')


# ADGDM tables that have a page of their own beyond the modality pages.
RELATED_SURVEYS_TABLE = 1
DATASETS_TABLE = 13


def _table_page(ctx: Context, survey_id: str, number: int) -> str:
    """The page that shows a survey table: its leaderboard, the related surveys or datasets page, or its modality page."""
    for benchmark in ctx.catalogue.benchmarks.values():
        if (benchmark.survey, benchmark.table) == (survey_id, number):
            return benchmark_page(benchmark.id)
    if survey_id != "adgdm":
        return ""
    if number == RELATED_SURVEYS_TABLE:
        return related_surveys_page()
    if number == DATASETS_TABLE:
        return datasets_index()
    view = view_of_table(number)
    return modality_page(view.node) if view is not None and view.node in ctx.catalogue.taxonomy else ""


def _placement_item(ctx: Context, page: str, placement: Placement) -> str:
    survey = ctx.catalogue.surveys.get(placement.survey)
    name = placement.survey.upper()
    if survey is not None and ctx.catalogue.has_paper(survey.paper):
        name_html = link(href(page, paper_page(survey.paper)), name)
    else:
        name_html = esc(name)
    parts = []
    for number in placement.tables:
        title = survey.table_title(number) if survey is not None else ""
        shown = f"TABLE {number}" + (f" ({title})" if title else "")
        target = _table_page(ctx, placement.survey, number)
        parts.append(link(href(page, target), shown) if target else esc(shown))
    for key in placement.sections:
        label = section_label(ctx, placement.survey, key)
        node_id = section_node(ctx, placement.survey, key)
        parts.append(link(href(page, node_page(node_id)), label) if node_id else esc(label))
    if not parts and placement.ref is None:
        return ""
    ref = f" (reference [{placement.ref}])" if placement.ref is not None else ""
    where = ": " + "; ".join(parts) if parts else ": cited"
    return f"<li><strong>{name_html}</strong>{ref}{where}</li>"
