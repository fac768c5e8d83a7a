"""The Atom feed of papers newly added to the catalogue (RFC 4287), built from the data alone.

Dates come from each paper's `added` field, never from the clock, so a rebuild gives the same
bytes. Ids are UUID URNs derived from paper keys: they stay the same when the site moves.
"""

from __future__ import annotations

import datetime
import uuid
import xml.etree.ElementTree as ET

from ..data.catalogue import SITE_SOURCE, Catalogue, source_label
from ..data.models import Paper
from ..data.text import strip_braces
from ..data.urls import atom_feed, paper_page, url_of, whats_new_page
from .context import Context

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
FEED_TITLE = "ADGDM: papers new in the catalogue"
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/Siriussee/adgdm")
"""Fixed forever: changing it would make every feed reader show every entry again."""


def recent_papers(catalogue: Catalogue, limit: int | None = None) -> list[Paper]:
    """Papers by date added, newest first (then newest year, then key), at most `limit`."""
    ordered = sorted(catalogue.papers, key=lambda p: (-p.added.toordinal(), -p.year, p.id))
    return ordered[:limit] if limit is not None else ordered


def atom_id(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, name)}"


def atom_xml(ctx: Context) -> str:
    """The feed document, UTF-8 XML text."""
    papers = recent_papers(ctx.catalogue, FEED_SIZE)
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    _text(feed, "id", atom_id("feed"))
    _text(feed, "title", FEED_TITLE)
    _text(feed, "subtitle", "Papers on anomaly detection and generation with diffusion models, as they join the catalogue.")
    _text(feed, "updated", _stamp(max(p.added for p in papers)))  # a catalogue always has papers
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": _address(ctx, atom_feed())})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": _address(ctx, whats_new_page())})
    _text(ET.SubElement(feed, "author"), "name", "ADGDM contributors")
    for paper in papers:
        _entry(ctx, feed, paper)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(ctx: Context, feed: ET.Element, paper: Paper) -> None:
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", atom_id(f"papers/{paper.id}"))
    _text(entry, "title", strip_braces(paper.title))
    _text(entry, "updated", _stamp(paper.added))
    _text(entry, "published", _stamp(paper.added))
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": _address(ctx, paper_page(paper.id))})
    for author in paper.authors:
        _text(ET.SubElement(entry, "author"), "name", author.display)
    taxonomy = ctx.catalogue.taxonomy
    for node_id in (*paper.modality, paper.task):
        ET.SubElement(entry, "category", {"term": node_id, "label": taxonomy[node_id].label})
    _text(entry, "summary", summary(ctx, paper))


def summary(ctx: Context, paper: Paper) -> str:
    """Plain text in the project's words: method, venue and year, modality and task, the paper's
    summary when it has one, and where it comes from (a survey, or this site)."""
    taxonomy = ctx.catalogue.taxonomy
    topics = ", ".join(taxonomy[m].label for m in paper.modality)
    diffusion = " It uses a diffusion model." if paper.uses_diffusion else ""
    sources = ctx.catalogue.sources(paper)
    origin = ("Added by this site, not listed by the surveys." if sources == (SITE_SOURCE,)
              else f"Listed by {' and '.join(source_label(s) for s in sources)}.")
    about = f" {paper.summary}" if paper.summary else ""
    return f"{paper.label} ({paper.venue} {paper.year}): {topics}; {taxonomy[paper.task].label.lower()}.{diffusion}{about} {origin}"


def _address(ctx: Context, path: str) -> str:
    """Absolute under the site URL when there is one; else relative to the feed, which sits at the site root."""
    relative = url_of(path) if path.endswith(".md") else path
    return ctx.options.site_url.rstrip("/") + "/" + relative if ctx.options.site_url else relative


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"

