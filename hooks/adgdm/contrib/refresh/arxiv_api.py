"""arXiv's query API: the latest version of each preprint, its title and authors, and the DOI and journal reference its authors added.

Ids go in batches (`id_list=a,b,c`). The answer is Atom XML, parsed with the standard library
after refusing any document type declaration, so no entity (internal or external) is expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from .http_client import Client, ServiceError

SERVICE = "arXiv"
BATCH = 50
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_ID = re.compile(r"arxiv\.org/abs/(.+?)(?:v(\d+))?$")


@dataclass(frozen=True)
class ArxivRecord:
    """One preprint as arXiv gives it now."""

    id: str
    version: int
    title: str
    authors: tuple[str, ...]
    doi: str = ""
    journal_ref: str = ""
    updated: str = ""

    @property
    def url(self) -> str:
        return f"https://arxiv.org/abs/{self.id}v{self.version}"


def fetch_records(client: Client, base: str, ids: Sequence[str]) -> dict[str, ArxivRecord]:
    """The records of `ids`, one request per batch; raises ServiceError if any batch fails."""
    records: dict[str, ArxivRecord] = {}
    for start in range(0, len(ids), BATCH):
        batch = list(ids[start:start + BATCH])
        query = urlencode({"id_list": ",".join(batch), "max_results": str(len(batch))})
        answer = client.get(SERVICE, f"{base}?{query}")
        if answer.status != 200:
            raise ServiceError(f"HTTP {answer.status} ({answer.url})")
        records.update((record.id, record) for record in parse_feed(answer.body))
    return records


def safe_xml(text: str, service: str) -> ElementTree.Element:
    """Parse XML that declares no document type (so it has no entities to expand)."""
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise ServiceError(f"{service} answered XML with a document type declaration, refused")
    try:
        return ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ServiceError(f"{service} answered malformed XML ({error})") from None


def parse_feed(text: str) -> Iterator[ArxivRecord]:
    """The entries of an arXiv Atom feed (entries without a usable id, such as arXiv's error entries, are skipped)."""
    feed = safe_xml(text, SERVICE)
    if feed.tag != f"{_ATOM}feed":
        raise ServiceError(f"{SERVICE} answered XML that is not an Atom feed")
    for entry in feed.iter(f"{_ATOM}entry"):
        match = _ID.search(_text(entry, f"{_ATOM}id"))
        title = _text(entry, f"{_ATOM}title")
        if not match or not title or title == "Error":
            continue
        authors = tuple(_clean(name.text or "") for name in entry.iter(f"{_ATOM}name"))
        yield ArxivRecord(match.group(1), int(match.group(2) or 1), _clean(title), authors,
                          _text(entry, f"{_ARXIV}doi"), _clean(_text(entry, f"{_ARXIV}journal_ref")),
                          _text(entry, f"{_ATOM}updated"))


def _text(element: ElementTree.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _clean(text: str) -> str:
    return " ".join(text.split())
