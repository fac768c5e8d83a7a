"""Semantic Scholar's graph API: the venue and external ids (DOI above all) of a preprint's published version."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .http_client import Client, ServiceError, decode_json

SERVICE = "Semantic Scholar"
FIELDS = "title,venue,year,externalIds,publicationVenue,journal,publicationTypes"


@dataclass(frozen=True)
class ScholarRecord:
    """What Semantic Scholar says about one paper."""

    paper_id: str
    venue: str
    venue_names: tuple[str, ...]
    venue_type: str
    doi: str
    year: int | None
    volume: str
    pages: str

    @property
    def url(self) -> str:
        return f"https://www.semanticscholar.org/paper/{self.paper_id}"


def fetch_paper(client: Client, base: str, arxiv: str = "", doi: str = "") -> ScholarRecord | None:
    """The record of the paper with this arXiv id (or DOI), or None when Semantic Scholar does not know it."""
    key = f"arXiv:{arxiv}" if arxiv else f"DOI:{doi}"
    answer = client.get(SERVICE, f"{base}/paper/{quote(key, safe=':/')}?fields={FIELDS}")
    if answer.status == 404:
        return None
    if answer.status != 200:
        raise ServiceError(f"HTTP {answer.status} ({answer.url})")
    data = decode_json(answer, SERVICE)
    if not isinstance(data, dict) or not isinstance(data.get("paperId"), str):
        raise ServiceError(f"{SERVICE} answered JSON without a paperId ({answer.url})")
    ids, venue, journal = (_mapping(data.get(key)) for key in ("externalIds", "publicationVenue", "journal"))
    alternates = venue.get("alternate_names")
    names = [str(venue.get("name") or ""), *(n for n in (alternates if isinstance(alternates, list) else []) if isinstance(n, str))]
    year = data.get("year")
    return ScholarRecord(
        paper_id=data["paperId"],
        venue=str(data.get("venue") or ""),
        venue_names=tuple(name for name in names if name),
        venue_type=str(venue.get("type", "")),
        doi=str(ids.get("DOI") or ""),
        year=year if isinstance(year, int) else None,
        volume=str(journal.get("volume") or "").strip(),
        pages=str(journal.get("pages") or "").strip(),
    )


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
