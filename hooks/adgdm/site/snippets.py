"""Generated pieces for hand-written pages in docs/: a page writes `<!-- adgdm:name -->` and
the build puts the named piece there, so prose stays in docs/ and facts come from the data."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..data.paper_schema import PAPER
from ..data.spec import Spec
from .context import Context
from .markup import Column, block, esc, html_table
from .pages.cite import bibtex_rules_table, survey_citation, survey_citations
from .pages.home import chart_code, chart_venues, chart_years, headline_counts, taxonomy_map

MARKER = re.compile(r"<!-- adgdm:([a-z-]+) -->")


def _describe_field(spec: Spec) -> str:
    if spec.kind == "list" and spec.item is not None:
        return f"list of {_describe_field(spec.item)}"
    if spec.kind == "mapping":
        return "mapping: " + ", ".join(name for name, _ in spec.fields)
    if spec.vocabulary:
        return f"a {spec.vocabulary}"
    return spec.kind


def _schema_fields(ctx: Context, page: str) -> str:
    rows = [
        [f"<code>{esc(name)}</code>", "yes" if spec.required else "", esc(_describe_field(spec)),
         esc(spec.help), f"<code>{esc(spec.example)}</code>" if spec.example else ""]
        for name, spec in PAPER.fields
    ]
    columns = [Column("Field"), Column("Required"), Column("Type"), Column("Meaning"), Column("Example")]
    return block(html_table(columns, rows, css="adgdm-fields"))


def _vocabulary_lists(ctx: Context, page: str) -> str:
    values = ctx.catalogue.vocabularies()
    items = [
        f"<li><strong>{esc(name)}</strong>: " + ", ".join(f"<code>{esc(v)}</code>" for v in values[name]) + "</li>"
        for name in ("modality", "task", "taxonomy node", "venue")
    ]
    return block("<ul>" + "".join(items) + "</ul>")


SNIPPETS: dict[str, Callable[[Context, str], str]] = {
    "survey-citation": survey_citation,
    "survey-citations": survey_citations,
    "bibtex-rules": bibtex_rules_table,
    "schema-fields": _schema_fields,
    "vocabularies": _vocabulary_lists,
    "headline-counts": headline_counts,
    "chart-years": chart_years,
    "chart-venues": chart_venues,
    "chart-code": chart_code,
    "taxonomy-map": taxonomy_map,
}


def fill_markers(ctx: Context, page: str, markdown: str) -> tuple[str, list[str]]:
    """Replace every marker; return the new text and the names of unknown markers."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in SNIPPETS:
            unknown.append(name)
            return match.group(0)
        return SNIPPETS[name](ctx, page)

    return MARKER.sub(replace, markdown), unknown
