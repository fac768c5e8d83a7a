"""Crossref's REST API: the version of record of a DOI (container, volume, issue, pages, date, authors with given names),
and a bibliographic query for a preprint that names no DOI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from ...data.text import normalise_title
from .http_client import Client, ServiceError, decode_json

SERVICE = "Crossref"
PUBLISHED_TYPES = ("journal-article", "proceedings-article", "book-chapter")


@dataclass(frozen=True)
class WorkRecord:
    """A published work as Crossref records it."""

    doi: str
    type: str
    title: str
    containers: tuple[str, ...]
    short_containers: tuple[str, ...]
    event: str
    volume: str
    issue: str
    pages: str
    year: int | None
    authors: tuple[tuple[str, str], ...]
    """(family, given) in order."""

    @property
    def url(self) -> str:
        return f"https://doi.org/{self.doi}"


def fetch_work(client: Client, base: str, doi: str) -> WorkRecord | None:
    """The work of `doi`, or None when Crossref does not know it (404)."""
    answer = client.get(SERVICE, f"{base}/works/{quote(doi, safe='/:;()._-')}")
    if answer.status == 404:
        return None
    if answer.status != 200:
        raise ServiceError(f"HTTP {answer.status} ({answer.url})")
    return parse_work(_message(decode_json(answer, SERVICE)))


def find_work(client: Client, base: str, title: str, first_family: str) -> WorkRecord | None:
    """A published work with exactly this title (normalised) and this first author, or None."""
    query = urlencode({"query.bibliographic": title, "query.author": first_family, "rows": "5"})
    answer = client.get(SERVICE, f"{base}/works?{query}")
    if answer.status != 200:
        raise ServiceError(f"HTTP {answer.status} ({answer.url})")
    message = _message(decode_json(answer, SERVICE))
    items = message.get("items")
    if not isinstance(items, list):
        raise ServiceError(f"{SERVICE} answered a search without items ({answer.url})")
    wanted = normalise_title(title)
    for item in items:
        if not isinstance(item, dict):
            continue
        work = parse_work(item)
        first = work.authors[0][0] if work.authors else ""
        if (work.type in PUBLISHED_TYPES and normalise_title(work.title) == wanted
                and normalise_title(first) == normalise_title(first_family)):
            return work
    return None


def _message(data: object) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("status") != "ok" or not isinstance(data.get("message"), dict):
        raise ServiceError(f"{SERVICE} answered JSON without an 'ok' message")
    message: dict[str, Any] = data["message"]
    return message


def parse_work(message: dict[str, Any]) -> WorkRecord:
    """A WorkRecord from a Crossref `message` (fields missing or malformed are left empty)."""
    authors = tuple((str(a.get("family", "")), str(a.get("given", ""))) for a in _list(message.get("author"))
                    if isinstance(a, dict) and a.get("family"))
    event = message.get("event")
    return WorkRecord(
        doi=str(message.get("DOI", "")),
        type=str(message.get("type", "")),
        title=" ".join(str(_first(message.get("title"))).split()),
        containers=tuple(str(name) for name in _list(message.get("container-title"))),
        short_containers=tuple(str(name) for name in _list(message.get("short-container-title"))),
        event=str(event.get("name", "")) if isinstance(event, dict) else "",
        volume=str(message.get("volume", "")),
        issue=str(message.get("issue", "")),
        pages=str(message.get("page", "")),
        year=_year(message),
        authors=authors,
    )


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _first(value: object) -> object:
    items = _list(value)
    return items[0] if items else ""


def _year(message: dict[str, Any]) -> int | None:
    for key in ("published-print", "published", "issued", "published-online"):
        parts = message.get(key, {}).get("date-parts") if isinstance(message.get(key), dict) else None
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0] and isinstance(parts[0][0], int):
            return int(parts[0][0])
    return None
