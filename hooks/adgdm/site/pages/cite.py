"""The cite box: BibTeX, IEEE plain text and CSL-JSON in tabs with copy buttons, and .bib/.ris downloads."""

from __future__ import annotations

import re

from ...citations.bibtex import ALLOWED_FIELDS, ENTRY_TYPES, FIELD_ORDER
from ...citations.csl import csl_json
from ...citations.ieee import to_ieee
from ...data.models import Paper
from ...data.urls import href, paper_bib, paper_page, paper_ris
from ..bibtex_entries import paper_bibtex
from ..context import Context
from ..markup import Column, block, esc, heading, html_table

MAIN_SURVEY = "adgdm"


def fenced(text: str, language: str, css: str = "") -> str:
    """A fenced code block whose fence is longer than any run of backticks in `text`."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    info = f"{{ .{language} .{css} }}" if css else language
    return f"{fence}{info}\n{text.rstrip(chr(10))}\n{fence}\n"


def _tab(label: str, code: str) -> str:
    """A pymdownx.tabbed tab: its content indented by four spaces (blank lines stay empty)."""
    body = "\n".join(f"    {line}" if line else "" for line in code.splitlines())
    return f'=== "{label}"\n\n{body}\n\n'


def cite_tabs(ctx: Context, paper: Paper) -> str:
    """The three formats as content tabs; Material adds a copy button to each code block."""
    venue = ctx.venue_of(paper)
    return (
        _tab("BibTeX", fenced(paper_bibtex(ctx, paper), "bibtex"))
        + _tab("Plain text (IEEE)", fenced(to_ieee(paper, venue), "text", "adgdm-wrap"))
        + _tab("CSL-JSON", fenced(csl_json([(paper, venue)]), "json"))
    )


def downloads(page: str, paper: Paper) -> str:
    """Links to the paper's own .bib and .ris files (the RIS file imports into Zotero, EndNote, Mendeley)."""
    bib = f'<a href="{esc(href(page, paper_bib(paper.id)))}" download>Download .bib</a>'
    ris = f'<a href="{esc(href(page, paper_ris(paper.id)))}" download>Download .ris</a>'
    return block(f'<p class="adgdm-cite-downloads">{bib} · {ris}</p>')


def cite_box(ctx: Context, paper: Paper, page: str) -> str:
    return cite_tabs(ctx, paper) + downloads(page, paper)


def cite_section(ctx: Context, paper: Paper) -> str:
    """The paper page's "Cite" section (its anchor #cite is linked from every paper table)."""
    return "## Cite {#cite}\n\n" + cite_box(ctx, paper, paper_page(paper.id))


def _survey_box(ctx: Context, survey_id: str, page: str) -> str:
    survey = ctx.catalogue.surveys[survey_id]
    paper = ctx.catalogue.paper(survey.paper)
    return heading(survey.title, level=3) + cite_box(ctx, paper, page)


def survey_citation(ctx: Context, page: str) -> str:
    """Snippet for a hand-written page: the cite box of the ADGDM survey, which this site accompanies."""
    return _survey_box(ctx, MAIN_SURVEY, page)


def survey_citations(ctx: Context, page: str) -> str:
    """Snippet: the cite boxes of every survey the catalogue follows, the main one first."""
    order = sorted(ctx.catalogue.surveys, key=lambda survey_id: (survey_id != MAIN_SURVEY, survey_id))
    return "".join(_survey_box(ctx, survey_id, page) for survey_id in order)


_VENUE_FIELD = {"inproceedings": "booktitle", "article": "journal", "misc": "howpublished", "book": "publisher"}


def bibtex_rules_table(ctx: Context, page: str) -> str:
    """Snippet for the about page: entry type and fields per venue kind, read from adgdm.citations.bibtex itself."""
    rows = []
    for kind, entry_type in ENTRY_TYPES.items():
        fields = [name for name in FIELD_ORDER if name in ALLOWED_FIELDS[entry_type]]
        rows.append([esc(kind), f"<code>@{esc(entry_type)}</code>", f"<code>{esc(_VENUE_FIELD[entry_type])}</code>",
                     ", ".join(f"<code>{esc(name)}</code>" for name in fields)])
    columns = [Column("Venue kind"), Column("Entry type"), Column("Venue goes in"), Column("Fields, in this order")]
    return block(html_table(columns, rows, css="adgdm-bibtex-rules"))
