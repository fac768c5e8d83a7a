"""Reading a built site: each HTML page parsed into its links, ids, scripts and text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Attributes whose value is a URL the browser may load or follow.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href"})
# Script types a browser runs; anything else (JSON, templates) is data.
_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_SKIPPED_TEXT = frozenset({"script", "style", "template"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class ParsedPage:
    """What a page holds, as a browser would see it (entities decoded)."""

    elements: list[Element] = field(default_factory=list)
    scripts: list[tuple[dict[str, str], str]] = field(default_factory=list)
    """Scripts a browser runs: (attributes, inline code)."""
    data_scripts: list[str] = field(default_factory=list)
    text: str = ""
    """Text of the body and head (title) outside scripts and styles, whitespace collapsed."""
    title: str = ""

    @property
    def ids(self) -> set[str]:
        found = {e.attrs["id"] for e in self.elements if "id" in e.attrs}
        return found | {e.attrs["name"] for e in self.elements if e.tag == "a" and "name" in e.attrs}

    def urls(self) -> list[tuple[str, str, str]]:
        """(tag, attribute, value) of every URL-valued attribute."""
        return [(e.tag, name, value) for e in self.elements for name, value in e.attrs.items() if name in URL_ATTRIBUTES]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._stack: list[str] = []
        self._texts: list[str] = []
        self._script: dict[str, str] | None = None
        self._script_text: list[str] = []
        self._title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append(Element(tag, values))
        if tag == "script":
            self._script, self._script_text = values, []
        elif tag == "title":
            self._title = []
        if tag not in _VOID:
            self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            code = "".join(self._script_text)
            if self._script.get("type", "").lower() in _SCRIPT_TYPES:
                self.page.scripts.append((self._script, code))
            else:
                self.page.data_scripts.append(code)
            self._script = None
        elif tag == "title" and self._title is not None:
            self.page.title = " ".join("".join(self._title).split())
            self._title = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        elif self._title is not None:
            self._title.append(data)
        elif not any(tag in _SKIPPED_TEXT for tag in self._stack):
            self._texts.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join(" ".join(self._texts).split())


def parse_html(text: str) -> ParsedPage:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_url(site: Path, path: Path) -> str:
    """The site-relative URL a page is served at: 'papers/x/index.html' -> 'papers/x/'."""
    relative = path.relative_to(site).as_posix()
    return re.sub(r"(^|/)index\.html$", r"\1", relative)


def collapse(text: str) -> str:
    return " ".join(text.split())

