"""The catalogue as CSV: one row per paper, lists joined with "; ", safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from ..data.models import Paper, Venue
from ..data.text import strip_braces
from ..data.urls import paper_page, url_of

Cell = Callable[[Paper, Venue], str]

COLUMNS: tuple[tuple[str, Cell], ...] = (
    ("key", lambda p, v: p.id),
    ("method", lambda p, v: p.short_name),
    ("title", lambda p, v: strip_braces(p.title)),
    ("authors", lambda p, v: "; ".join(a.sort_key for a in p.authors) + ("; et al." if p.authors_incomplete else "")),
    ("year", lambda p, v: str(p.year)),
    ("venue", lambda p, v: v.short),
    ("venue_name", lambda p, v: v.name),
    ("venue_kind", lambda p, v: v.kind),
    ("volume", lambda p, v: p.volume),
    ("number", lambda p, v: p.number),
    ("pages", lambda p, v: p.pages),
    ("doi", lambda p, v: p.doi),
    ("arxiv", lambda p, v: p.arxiv),
    ("openreview", lambda p, v: p.openreview),
    ("url", lambda p, v: p.url),
    ("code", lambda p, v: "; ".join(p.code)),
    ("modality", lambda p, v: "; ".join(p.modality)),
    ("task", lambda p, v: p.task),
    ("taxonomy", lambda p, v: "; ".join(p.taxonomy)),
    ("uses_diffusion", lambda p, v: "yes" if p.uses_diffusion else "no"),
)


def spreadsheet_safe(value: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula; a leading apostrophe keeps it text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_file(items: Iterable[tuple[Paper, Venue]], site_url: str = "") -> str:
    """The CSV text; the last column is the paper's page, absolute when the site's URL is known."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*(name for name, _ in COLUMNS), "page"])
    for paper, venue in items:
        page = site_url.rstrip("/") + "/" + url_of(paper_page(paper.id)) if site_url else url_of(paper_page(paper.id))
        writer.writerow([*(spreadsheet_safe(cell(paper, venue)) for _, cell in COLUMNS), page])
    return out.getvalue()
