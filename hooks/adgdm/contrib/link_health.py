"""Link health: fetch every external link of the papers and datasets, and report the dead, moved and slow ones.

Requests run in a bounded thread pool, at most `per_host` at a time to one host, each with a
timeout. A link is
  dead     when it answers 404, 410, another 4xx or a 5xx, or not at all (DNS, refused, timeout);
  moved    when its first answer is a permanent redirect (301, 308): the file should get the new address;
  blocked  when the site refuses automated requests (401, 403, 429): check it by hand;
  slow     when it works but took longer than `slow` seconds;
  ok       otherwise. Temporary redirects (302, 303, 307: doi.org's way of working) are fine.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO
from urllib.parse import quote, urlsplit

from ..data.catalogue import Catalogue
from ..data.load_state import VOCABULARY_DIR
from ..data.spec import is_safe_url

RESOLVERS = {
    "doi": "https://doi.org/",
    "arxiv": "https://arxiv.org/abs/",
    "openreview": "https://openreview.net/forum?id=",
}
"""Where identifiers resolve, as the paper pages link them."""

USER_AGENT = "adgdm-link-check/1.0 (+https://github.com/Siriussee/adgdm)"
STATUSES = ("dead", "moved", "blocked", "slow", "ok")
_PERMANENT = (301, 308)
_BLOCKED = (401, 403, 429)


@dataclass(frozen=True)
class Link:
    """One external address and the places (file and field) that use it."""

    url: str
    places: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """What fetching a link found: a status from STATUSES, the HTTP code if any, and the details."""

    link: Link
    status: str
    code: int | None
    detail: str
    seconds: float


def collect_links(catalogue: Catalogue) -> list[Link]:
    """Every external link of the papers (landing page, DOI, arXiv, OpenReview, code) and of the datasets."""
    places: dict[str, list[str]] = defaultdict(list)
    for paper in catalogue.papers:
        for field_name, url in _paper_links(paper.url, paper.doi, paper.arxiv, paper.openreview, paper.code):
            places[url].append(f"{paper.source_path} ({field_name})")
    for dataset in catalogue.datasets.values():
        if dataset.homepage:
            places[dataset.homepage].append(f"{VOCABULARY_DIR}/datasets.yaml ({dataset.id} homepage)")
    return [Link(url, tuple(sorted(set(where)))) for url, where in sorted(places.items()) if is_safe_url(url)]


def _paper_links(url: str, doi: str, arxiv: str, openreview: str, code: Iterable[str]) -> list[tuple[str, str]]:
    found = [("url", url)] if url else []
    found += [(name, RESOLVERS[name] + value) for name, value in (("doi", doi), ("arxiv", arxiv), ("openreview", openreview)) if value]
    return found + [("code", address) for address in code]


class _RecordingRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects as urllib does, noting each hop's code and target (one handler per check)."""

    def __init__(self) -> None:
        self.hops: list[tuple[int, str]] = []

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: http.client.HTTPMessage, newurl: str) -> urllib.request.Request | None:
        self.hops.append((code, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_link(link: Link, timeout: float, slow: float) -> Verdict:
    """Fetch one link (GET; the body is not read) and judge it."""
    redirects = _RecordingRedirects()
    opener = urllib.request.build_opener(redirects)
    # Non-ASCII letters in a path are fine in a link but not on the wire: send them percent-encoded.
    address = quote(link.url, safe=":/?#[]@!$&'()*+,;=%~")
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    start = time.monotonic()
    try:
        with opener.open(request, timeout=timeout) as response:
            code = int(response.status)
    except urllib.error.HTTPError as error:
        return _judge_error(link, error.code, time.monotonic() - start)
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:  # DNS, refused, reset, timeout, garbled
        return Verdict(link, "dead", None, _reason(error), time.monotonic() - start)
    seconds = time.monotonic() - start
    hops = redirects.hops
    if hops and hops[0][0] in _PERMANENT:
        return Verdict(link, "moved", hops[0][0], f"moved permanently to {hops[-1][1]}", seconds)
    if seconds > slow:
        return Verdict(link, "slow", code, f"answered in {seconds:.1f} s", seconds)
    return Verdict(link, "ok", code, "", seconds)


def _judge_error(link: Link, code: int, seconds: float) -> Verdict:
    if code in _BLOCKED:
        return Verdict(link, "blocked", code, f"HTTP {code}: the site refuses automated requests", seconds)
    return Verdict(link, "dead", code, f"HTTP {code}", seconds)


def _reason(error: BaseException) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return "no answer before the timeout"
    return f"unreachable ({reason})"


def check_links(links: Sequence[Link], workers: int = 8, per_host: int = 2, timeout: float = 15.0,
                slow: float = 5.0) -> list[Verdict]:
    """Check every link, `workers` at a time and at most `per_host` at once per host; verdicts in link order."""
    gates = {host: threading.Semaphore(per_host) for host in {urlsplit(link.url).hostname or "" for link in links}}

    def polite(link: Link) -> Verdict:
        with gates[urlsplit(link.url).hostname or ""]:
            return check_link(link, timeout, slow)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(polite, links))


def report(verdicts: Sequence[Verdict], slow: float) -> str:
    """A Markdown report: counts, then one table per problem kind (the weekly issue's body)."""
    by_status: dict[str, list[Verdict]] = defaultdict(list)
    for verdict in verdicts:
        by_status[verdict.status].append(verdict)
    counts = ", ".join(f"{len(by_status[status])} {status}" for status in STATUSES)
    lines = ["# Link check", "", f"{len(verdicts)} links of `papers/` checked: {counts}."]
    sections = (
        ("dead", "Dead links", "Fix or remove these addresses.", "Problem"),
        ("moved", "Moved permanently", "Replace these with their new address.", "Now"),
        ("blocked", "Refused the checker", "These sites refuse automated requests; check them in a browser.", "Answer"),
        ("slow", f"Slow (over {slow:g} s)", "These work but answered slowly.", "Time"),
    )
    for status, title, advice, column in sections:
        found = sorted(by_status[status], key=lambda verdict: verdict.link.url)
        if not found:
            continue
        lines += ["", f"## {title} ({len(found)})", "", advice, "", f"| Link | {column} | Used in |", "| --- | --- | --- |"]
        lines += [f"| <{v.link.url}> | {_cell(v.detail)} | {_cell('; '.join(v.link.places))} |" for v in found]
    if not any(by_status[status] for status, *_ in sections):
        lines += ["", "Every link answered normally."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
