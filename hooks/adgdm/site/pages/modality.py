"""Modality pages: the papers of one modality (or of anomaly generation) with the extra columns the
ADGDM survey's table for that modality prints, so a reader of the survey finds its table here."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.models import Paper
from ...data.urls import benchmark_page, crosstab_page, href, modalities_index, modality_page, node_bib, node_page
from ...data.vocabulary.taxonomy import MODALITY_AXIS
from ..context import Context
from ..markup import Column, block, esc, front_matter, heading, link
from .crosstab import METHODOLOGY_AXIS, intersection
from .crumbs import bib_download, breadcrumbs, counted_links
from .tables import ExtraColumn, count_text, paper_table, source_column, source_sentence


@dataclass(frozen=True)
class ModalityView:
    """One modality page: its taxonomy node, the ADGDM tables about it, and their extra columns."""

    node: str
    table: int
    """The ADGDM table listing the methods."""
    results: tuple[int, ...]
    """ADGDM tables of benchmark results for the same modality."""
    columns: tuple[tuple[str, str], ...]
    """(paper attribute, column header) pairs, in the survey table's order."""


# The survey's tables, one per modality (and one for anomaly generation, a task node).
MODALITY_VIEWS: tuple[ModalityView, ...] = (
    ModalityView("image", 2, (3,), (("imaging_domain", "Imaging domain"),)),
    ModalityView("video", 4, (5,), (("video_paradigm", "Paradigm"), ("video_domain", "Domain"))),
    ModalityView("time-series", 6, (7,), (("ts_paradigm", "Learning paradigm"),)),
    ModalityView("tabular", 8, (9,), (("tabular_type", "Type"), ("tabular_metrics", "Performance metrics"))),
    ModalityView("multimodal", 10, (), (("mm_datasets", "Datasets"),)),
    ModalityView("generation", 11, (12,), (("generation_domain", "Domain"),)),
)


def view_of(node_id: str) -> ModalityView | None:
    return next((view for view in MODALITY_VIEWS if view.node == node_id), None)


def view_of_table(number: int) -> ModalityView | None:
    """The modality whose methods or results an ADGDM table shows."""
    return next((view for view in MODALITY_VIEWS if number == view.table or number in view.results), None)


def present_views(ctx: Context) -> list[ModalityView]:
    """The views whose node exists in this catalogue's taxonomy (a test corpus may lack some)."""
    return [view for view in MODALITY_VIEWS if view.node in ctx.catalogue.taxonomy]


def in_table(paper: Paper, number: int) -> bool:
    placement = paper.placement("adgdm")
    return placement is not None and number in placement.tables


def table_name(ctx: Context, number: int) -> str:
    """'TABLE 4 (Video anomaly detection methods and paradigms)', or 'TABLE 4' if untitled."""
    survey = ctx.catalogue.surveys.get("adgdm")
    title = survey.table_title(number) if survey is not None else ""
    return f"TABLE {number} ({title})" if title else f"TABLE {number}"


def render_modality(ctx: Context, view: ModalityView) -> str:
    node = ctx.catalogue.taxonomy[view.node]
    page = modality_page(view.node)
    papers = ctx.index.by_node.get(view.node, ())
    here = {p.id for p in papers}
    # The survey's table first: its papers of this modality, then any it lists under another modality.
    listed = [p for p in papers if in_table(p, view.table)]
    listed += [p for p in ctx.catalogue.papers if in_table(p, view.table) and p.id not in here]
    others = [p for p in papers if not in_table(p, view.table)]
    children = [(c.label, node_page(c.id), len(ctx.index.by_node.get(c.id, ()))) for c in ctx.index.children.get(view.node, ())]
    facts = [
        f"<p>{esc(node.description)}</p>",
        f"<p>This page mirrors ADGDM {esc(table_name(ctx, view.table))}: the papers it lists come first, with "
        f"the same columns. Taxonomy node: {link(href(page, node_page(view.node)), node.label)}.</p>",
        _leaderboards(ctx, page, view),
        bib_download(page, node_bib(view.node), len(papers)),
        f"<p>Sub-taxonomy:</p>{counted_links(page, children, 'adgdm-children')}" if children else "",
        _breakdown(ctx, page, view.node),
        source_sentence(ctx, papers) if papers else "",
    ]
    extra = [*_columns(view), source_column(ctx)]
    parts = [
        front_matter(f"{node.label}: papers and ADGDM TABLE {view.table}",
                     f"{count_text(len(papers))} on {node.label}, with the columns of ADGDM TABLE {view.table}"),
        block(breadcrumbs(page, [("Modalities", modalities_index())], node.label)),
        heading(node.label),
        block("\n".join(fact for fact in facts if fact)),
        f"## Listed in ADGDM TABLE {view.table} ({len(listed)})\n",
        block(paper_table(ctx, page, listed, [_ref_column(), *extra])
              if listed else "<p>No paper of the catalogue is recorded in this table yet.</p>"),
    ]
    if others:
        parts.append(f"## Other papers on {node.label} ({len(others)})\n")
        parts.append(block(paper_table(ctx, page, others, extra)))
    return "".join(parts)


def _leaderboards(ctx: Context, page: str, view: ModalityView) -> str:
    """Links to the leaderboards built from this modality's ADGDM result tables."""
    boards = [b for b in ctx.catalogue.benchmarks.values() if b.survey == "adgdm" and b.table in view.results]
    if not boards:
        return ""
    links = ", ".join(link(href(page, benchmark_page(b.id)), f"{b.title} (TABLE {b.table})") for b in boards)
    return f"<p>Reported results: {links}.</p>"


def render_modalities_index(ctx: Context) -> str:
    page = modalities_index()
    rows = []
    for view in present_views(ctx):
        node = ctx.catalogue.taxonomy[view.node]
        count = len(ctx.index.by_node.get(view.node, ()))
        rows.append(f'<li data-node="{esc(view.node)}" data-count="{count}">{link(href(page, modality_page(view.node)), node.label)} '
                    f'<span class="adgdm-count">{count}</span>: {esc(table_name(ctx, view.table))}</li>')
    intro = ("<p>The ADGDM survey gives each data modality, and anomaly generation, a table of methods with "
             "columns of its own. Each page below lists the catalogue's papers of that modality with those columns.</p>")
    return (
        front_matter("Modalities", "Papers by data modality and anomaly generation, as in the ADGDM survey's tables.")
        + heading("Modalities")
        + block(intro + f'<ul class="adgdm-counted">{"".join(rows)}</ul>')
    )


def _columns(view: ModalityView) -> list[ExtraColumn]:
    extra = [_attribute_column(key, label) for key, label in view.columns]
    extra.append((Column("DM"), lambda p: "✓" if p.uses_diffusion else "✗"))
    return extra


def _attribute_column(key: str, label: str) -> ExtraColumn:
    return (Column(label), lambda paper: esc(paper.attribute(key)) or "–")


def _ref_column() -> ExtraColumn:
    """The paper's citation number in the survey, to find it in the printed table."""
    def ref(paper: Paper) -> str:
        placement = paper.placement("adgdm")
        return str(placement.ref) if placement is not None and placement.ref is not None else "–"

    return (Column("Ref.", numeric=True), ref)


def _breakdown(ctx: Context, page: str, node_id: str) -> str:
    """How the view's papers spread over another axis, each count linked to its cross-tab list:
    a modality over the methodology axis, anomaly generation over the modalities."""
    if ctx.catalogue.taxonomy[node_id].parent == MODALITY_AXIS:
        label, cells = "By methodology", [(c, node_id, c.id) for c in ctx.index.children.get(METHODOLOGY_AXIS, ())]
    else:
        label, cells = "By modality", [(m, m.id, node_id) for m in ctx.index.children.get(MODALITY_AXIS, ())]
    items = [(node.label, crosstab_page(row, column), count) for node, row, column in cells
             if (count := len(intersection(ctx, row, column)))]
    return f"<p>{label}:</p>{counted_links(page, items)}" if items else ""
