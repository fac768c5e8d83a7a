"""Safe building blocks for generated pages: escaping, links, front matter and HTML tables.

Generated pages are Markdown files whose dynamic parts are raw HTML blocks built here, so
every value from a data file passes through `esc` exactly once before reaching a page.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..data.spec import is_safe_url


def esc(text: object) -> str:
    """Escape text for HTML element content and attribute values (html.escape escapes both quotes)."""
    return html.escape(str(text))


def link(href: str, text: str, css: str = "") -> str:
    """An internal link: `href` comes from urls.href, `text` is escaped here."""
    cls = f' class="{css}"' if css else ""
    return f'<a href="{esc(href)}"{cls}>{esc(text)}</a>'


def external_link(url: str, text: str) -> str:
    """A link to another site; anything but an http(s) URL is shown as plain text."""
    if not is_safe_url(url):
        return esc(text)
    return f'<a href="{esc(url)}" rel="noopener">{esc(text)}</a>'


def front_matter(title: str, description: str = "", extra: Mapping[str, object] | None = None) -> str:
    """YAML front matter. Material prints `title` unescaped, so it is stored HTML-escaped."""
    lines = ["---", f"title: {_json(esc(title))}"]
    if description:
        lines.append(f"description: {_json(esc(description))}")
    for key, value in sorted((extra or {}).items()):
        lines.append(f"{key}: {_json(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _json(value: object) -> str:
    """A YAML value written as JSON (a subset of YAML), non-ASCII letters kept as they are."""
    return json.dumps(value, ensure_ascii=False)  # pragma: no mutate (None is as false as False here)


@dataclass(frozen=True)
class Column:
    """A table column; `numeric` columns sort by number in the browser."""

    label: str
    numeric: bool = False


@dataclass(frozen=True)
class Cell:
    """A table cell that needs attributes: the number the browser sorts it by, and a CSS class."""

    html: str
    """Already-safe HTML (build it with esc/link)."""
    sort_value: str = ""
    css: str = ""


def _td(cell: str | Cell) -> str:
    if isinstance(cell, str):
        return f"<td>{cell}</td>"
    value = f' data-value="{esc(cell.sort_value)}"' if cell.sort_value else ""
    cls = f' class="{esc(cell.css)}"' if cell.css else ""
    return f"<td{value}{cls}>{cell.html}</td>"


def html_table(columns: Sequence[Column], rows: Iterable[Sequence[str | Cell]], css: str = "", caption: str = "") -> str:
    """An HTML table; cells are already-safe HTML (build them with esc/link), or Cells for attributes."""
    cls = f' class="{css}"' if css else ""
    parts = [f"<table{cls}>"]
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    numeric = ' data-type="number"'
    head = "".join(f'<th scope="col"{numeric if c.numeric else ""}>{esc(c.label)}</th>' for c in columns)
    parts.append(f"<thead><tr>{head}</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(_td(cell) for cell in row) + "</tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts)


def heading(text: str, level: int = 1, anchor: str = "") -> str:
    """A heading holding data text, as raw HTML so Markdown syntax in the text stays literal."""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{esc(text)}</h{level}>\n\n"


def block(html_text: str) -> str:
    """Wrap raw HTML so Python-Markdown passes it through untouched: a div with blank lines around.

    A block-level HTML element is raw to Markdown (md_in_html only parses inside one marked
    markdown="1"), blank lines and Markdown syntax in the text included. No markdown="0": Python-
    Markdown would leave that attribute in the page, where it is invalid HTML.
    """
    return f'\n<div class="adgdm-block">\n{html_text}\n</div>\n\n'
