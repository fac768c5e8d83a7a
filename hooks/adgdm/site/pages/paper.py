"""The page of one paper: a summary, then one section per feature (cite, notes, ...)."""

from __future__ import annotations

from collections.abc import Callable

from ...citations.highwire import citation_meta
from ...data.models import Paper, Venue
from ...data.paper_schema import VERIFICATION_GROUPS
from ...data.text import strip_braces
from ...data.urls import href, node_page, paper_page, paper_yaml, venue_page, year_page
from ..context import Context
from ..generated_site import GeneratedSite
from ..markup import block, esc, external_link, front_matter, heading, link
from .cite import cite_section
from .improve import improve_section
from .paper_results import results_section
from .placement import placement_section
from .related import related_section

Section = Callable[[Context, Paper], str]
"""A part of the paper page: Markdown text, or '' when the paper has nothing to show there."""


def produce(ctx: Context, site: GeneratedSite) -> None:
    """A page per paper, its "edit this page" link on the paper's YAML."""
    for paper in ctx.catalogue.papers:
        site.add_page(paper_page(paper.id), render_paper(ctx, paper), paper_yaml(paper.id))


def render_paper(ctx: Context, paper: Paper) -> str:
    title = strip_braces(paper.title)
    venue = ctx.venue_of(paper)
    description = page_description(paper, venue)
    # Highwire citation_* tags for reference managers; overrides/main.html writes them into <head>.
    meta = {"citation": [list(pair) for pair in citation_meta(paper, venue)]}
    parts = [front_matter(title, description, meta), heading(title)]
    parts.extend(section(ctx, paper) for section in SECTIONS)
    return "".join(parts)


def page_description(paper: Paper, venue: Venue) -> str:
    """The page's `description` meta: the summary in the project's words, else who published it where.

    Never the short name (the title already leads the page), and never text from the paper itself:
    Zotero's "Embedded Metadata" translator takes the description as the abstract when a page has
    no `citation_abstract`, and the catalogue keeps no abstracts.
    """
    if paper.summary:
        return paper.summary
    first = paper.authors[0].display if paper.authors else ""
    by = f" by {first}{' et al.' if len(paper.authors) > 1 or paper.authors_incomplete else ''}" if first else ""
    return f"A {venue.kind} paper{by} ({venue.short}, {paper.year}), in the ADGDM catalogue of diffusion models for anomaly detection."


def summary_section(ctx: Context, paper: Paper) -> str:
    page = paper_page(paper.id)
    venue = ctx.venue_of(paper)
    authors = ", ".join(esc(author.display) for author in paper.authors)
    if paper.authors_incomplete:
        authors += ', et al. <span class="adgdm-note">(author list incomplete in the sources)</span>'
    where = [f'{link(href(page, venue_page(venue.short)), venue.short)} <span class="adgdm-venue-name">({esc(venue.name)})</span>',
             link(href(page, year_page(paper.year)), str(paper.year))]
    if paper.volume:
        where.append(f"vol. {esc(paper.volume)}")
    if paper.number:
        where.append(f"no. {esc(paper.number)}")
    if paper.pages:
        where.append(f"pp. {esc(paper.pages.replace('--', '–'))}")
    lines = [
        '<div class="adgdm-paper">',
        f'<p class="adgdm-method">Method: <strong>{esc(paper.short_name)}</strong></p>' if paper.short_name else "",
        f'<p class="adgdm-summary">{esc(paper.summary)}</p>' if paper.summary else "",
        f'<p class="adgdm-authors">{authors}</p>',
        f'<p class="adgdm-where">{", ".join(where)}</p>',
        f'<p class="adgdm-links">{_links(ctx, paper)}</p>',
        f'<p class="adgdm-badges">{_badges(ctx, page, paper)}</p>',
        "</div>",
    ]
    return block("\n".join(line for line in lines if line))


def notes_section(ctx: Context, paper: Paper) -> str:
    return "## Notes\n" + block(f"<p>{esc(paper.notes)}</p>") if paper.notes else ""


def disagreements_section(ctx: Context, paper: Paper) -> str:
    if not paper.disagreements:
        return ""
    items = "".join(
        f"<li><code>{esc(d.field)}</code>: the catalogue keeps <q>{esc(_shown(getattr(paper, d.field, '')))}</q>; "
        f"{esc(d.source)} gives <q>{esc(d.value)}</q>.</li>"
        for d in paper.disagreements
    )
    return "## Where the sources disagree\n" + block(f'<ul class="adgdm-disagreements">{items}</ul>')


def taxonomy_section(ctx: Context, paper: Paper) -> str:
    """Who placed the paper on which node: a survey (its list or section), or this site with its reason."""
    if not paper.nodes:
        return ""
    page = paper_page(paper.id)
    taxonomy = ctx.catalogue.taxonomy
    surveys = " and ".join(s.upper() for s in paper.listed_by) or "a survey"
    items = [f"<li>{link(href(page, node_page(n)), taxonomy[n].label)}: placed by {esc(surveys)}.</li>" for n in paper.taxonomy]
    items += [f"<li>{link(href(page, node_page(n)), taxonomy[n].label)}: placed by this site: {esc(reason.rstrip('.'))}.</li>"
              for n, reason in paper.site_taxonomy]
    return "## Place in the taxonomy\n" + block(f'<ul class="adgdm-placements">{"".join(items)}</ul>')


def verification_section(ctx: Context, paper: Paper) -> str:
    """Where and when the record was checked, with the pages, and what is still open."""
    checked = paper.verified
    if checked is None:
        return "## Record checked\n" + block("<p>This record has not been checked against a primary source yet; "
                                              "it follows the surveys' listings.</p>")
    groups = dict(VERIFICATION_GROUPS)
    rows = [f"<li>{esc(groups[group].capitalize())}: " + ", ".join(external_link(url, _host(url)) for url in urls) + "</li>"
            for group, urls in checked.sources]
    lines = [f"<p>Checked on {checked.date.isoformat()} ({esc(checked.state)}).</p>"]
    if rows:
        lines.append(f'<ul class="adgdm-verified">{"".join(rows)}</ul>')
    else:
        lines.append("<p>No primary page could be found for this record; it stays as the sources give it.</p>")
    if checked.unconfirmed:
        lines.append("<p>Not confirmed on a primary page: " + ", ".join(f"<code>{esc(f)}</code>" for f in checked.unconfirmed) + ".</p>")
    if checked.note:
        lines.append(f'<p class="adgdm-note">{esc(checked.note)}</p>')
    return "## Record checked\n" + block("\n".join(lines))


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")


# The page's sections in order; each feature adds its own section function here.
SECTIONS: list[Section] = [
    summary_section,
    cite_section,
    notes_section,
    taxonomy_section,
    placement_section,
    results_section,
    disagreements_section,
    verification_section,
    related_section,
    improve_section,
]


def _links(ctx: Context, paper: Paper) -> str:
    links: list[str] = []
    if paper.url:
        links.append(external_link(paper.url, "Paper"))
    if paper.doi:
        links.append(external_link(f"https://doi.org/{paper.doi}", f"DOI {paper.doi}"))
    if paper.arxiv:
        links.append(external_link(f"https://arxiv.org/abs/{paper.arxiv}", f"arXiv {paper.arxiv}"))
    if paper.openreview:
        links.append(external_link(f"https://openreview.net/forum?id={paper.openreview}", "OpenReview"))
    for url in paper.code:
        links.append(external_link(url, "Code") + _code_state(ctx, url))
    return " · ".join(links) if links else "No link known yet."


def _code_state(ctx: Context, url: str) -> str:
    """What refresh last recorded about a code repository: archived, moved, missing (nothing when all is well or unknown)."""
    state = ctx.catalogue.code_state(url)
    if state is None:
        return ""
    notes = []
    if state.missing:
        notes.append("not found on GitHub")
    if state.archived:
        notes.append("archived: read-only")
    if state.moved_to:
        notes.append("moved to " + external_link(f"https://github.com/{state.moved_to}", state.moved_to))
    checked = f' title="as GitHub reported it on {state.since.isoformat()}"' if state.since else ""
    return f' <span class="adgdm-code-state"{checked}>({"; ".join(notes)})</span>' if notes else ""


def _badges(ctx: Context, page: str, paper: Paper) -> str:
    taxonomy = ctx.catalogue.taxonomy
    badges = [
        link(href(page, node_page(node_id)), taxonomy[node_id].label, css=f"adgdm-badge adgdm-badge--{kind}")
        for kind, node_ids in (("modality", paper.modality), ("task", (paper.task,)), ("node", paper.taxonomy),
                               ("site", tuple(node for node, _ in paper.site_taxonomy)))
        for node_id in node_ids
    ]
    if paper.uses_diffusion:
        badges.append('<span class="adgdm-badge adgdm-badge--dm">uses a diffusion model</span>')
    return " ".join(badges)


def _shown(value: object) -> str:
    """A field value as plain text: lists joined, authors by display name."""
    if isinstance(value, tuple):
        return ", ".join(getattr(item, "display", str(item)) for item in value)
    return str(value)
