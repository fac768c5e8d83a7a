"""The related-surveys page: the ADGDM survey's TABLE 1, which compares anomaly-detection surveys by
focus, scope and what they cover, with its coverage symbols given a legend and text alternatives."""

from __future__ import annotations

from ...data.models import Paper
from ...data.paper_schema import COVERAGE_FIELDS
from ...data.text import strip_braces
from ...data.urls import href, paper_page, related_surveys_page, venue_page
from ..context import Context
from ..generated_site import GeneratedSite
from ..markup import Cell, Column, block, esc, external_link, front_matter, heading, html_table, link
from .benchmarks import WIDE

TABLE = 1
"""The ADGDM table this page reproduces."""

# level -> (symbol as the survey prints it, words for screen readers and the legend, sort rank)
SYMBOLS: dict[str, tuple[str, str, int]] = {
    "full": ("●", "fully covered", 3),
    "partial": ("◐", "partially covered", 2),
    "none": ("○", "not covered", 1),
    "not-applicable": ("N/A", "not applicable", 0),
}
SCOPES = {"specific": "Specific", "general": "General"}


def produce(ctx: Context, site: GeneratedSite) -> None:
    site.add_page(related_surveys_page(), render_related_surveys(ctx))


def surveys_compared(ctx: Context) -> list[Paper]:
    """The papers with a coverage record, oldest first; the ADGDM survey itself closes the table, as in the source."""
    adgdm = ctx.catalogue.surveys.get("adgdm")
    own = adgdm.paper if adgdm else ""
    papers = [paper for paper in ctx.catalogue.papers if paper.coverage]
    return sorted(papers, key=lambda p: (p.id == own, p.year, p.label.lower(), p.id))


def symbol(level: str) -> str:
    """A coverage symbol as an image with a text alternative (its meaning in words)."""
    shown, words, _ = SYMBOLS[level]
    return f'<span class="adgdm-cov adgdm-cov--{level}" role="img" aria-label="{words}" title="{words}">{shown}</span>'


def coverage_cell(paper: Paper, key: str) -> Cell:
    level = dict(paper.coverage).get(key)
    if level is None:
        return Cell('<span class="adgdm-missing" title="not given in the source">–</span>')
    return Cell(symbol(level), str(SYMBOLS[level][2]))


def legend() -> str:
    symbols = "".join(f"<li>{symbol(level)} {esc(words)}</li>" for level, (_, words, _) in SYMBOLS.items())
    columns = "".join(f"<li><strong>{esc(key.upper())}</strong>: {esc(label)}</li>" for key, label in COVERAGE_FIELDS)
    return (f'<p>Symbols:</p><ul class="adgdm-legend adgdm-cov-legend">{symbols}</ul>'
            f'<p>Columns:</p><ul class="adgdm-legend">{columns}</ul>')


def render_related_surveys(ctx: Context) -> str:
    page = related_surveys_page()
    columns = [Column("Survey"), Column("Year", numeric=True), Column("Venue"), Column("Main focus"), Column("Domain"),
               *(Column(key.upper(), numeric=True) for key, _ in COVERAGE_FIELDS), Column("Resources")]
    rows: list[list[str | Cell]] = []
    for paper in surveys_compared(ctx):
        scope = paper.attribute("domain_scope")
        rows.append([
            link(href(page, paper_page(paper.id)), strip_braces(paper.title)),
            str(paper.year),
            link(href(page, venue_page(paper.venue)), paper.venue),
            esc(paper.attribute("main_focus")),
            esc(SCOPES.get(scope, scope)),
            *(coverage_cell(paper, key) for key, _ in COVERAGE_FIELDS),
            " ".join(external_link(url, "page") for url in paper.code) or "–",
        ])
    table = (html_table(columns, rows, css="adgdm-sortable adgdm-related", caption="Related surveys compared")
             if rows else "<p>No survey of the catalogue has a coverage record yet.</p>")
    intro = ("<p>The survey's TABLE 1 sets earlier anomaly-detection surveys beside its own: the main focus of each, "
             "whether it treats one domain or the field in general, and how fully it covers each data modality, "
             "anomaly generation, diffusion models, datasets and metrics. Here it is reproduced as data; "
             "each survey links to its page in the catalogue.</p>")
    adgdm = ctx.catalogue.surveys.get("adgdm")
    source = (f"the survey's TABLE {TABLE} of {link(href(page, paper_page(adgdm.paper)), adgdm.title)}" if adgdm
              else f"the survey's TABLE {TABLE}")
    return (
        front_matter("Related surveys", "How earlier anomaly-detection surveys compare in focus and coverage", WIDE)
        + heading("Related surveys")
        + block(intro + legend())
        + block(f'<div class="adgdm-scroll">{table}</div>'
                f'<p class="adgdm-source">Source: as reported in {source}. Coverage levels are the survey\'s own '
                "judgement.</p>")
    )
