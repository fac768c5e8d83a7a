"""A polite HTTP client for the refresh services: one User-Agent, timeouts, spacing, retries, a day's cache.

Every service gets its own minimum interval between requests (arXiv asks for one every 3 s).
429 and 503 answers are retried with exponential backoff, waiting at least what Retry-After
asks (capped). Redirects are not followed (GitHub's 301 for a moved repository is an answer in
itself). Answers that mean something (2xx, 301, 404, 410) are cached on disk for a day, keyed
by URL, so a rerun the same day sends nothing.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

CACHE_SECONDS = 24 * 3600
RETRIED = (429, 503)
CACHED = (200, 301, 404, 410)
MAX_RETRY_AFTER = 120.0
MAX_BODY = 8 * 1024 * 1024


class ServiceError(Exception):
    """A service did not answer usefully: unreachable, timed out, kept refusing, or answered garbage."""


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: its URL, status, Location header (for redirects) and body text."""

    url: str
    status: int
    body: str
    location: str = ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Client:
    """Sends GET requests for the services; `intervals` maps a service name to its minimum spacing in seconds."""

    user_agent: str
    cache_dir: Path | None = None
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0
    intervals: Mapping[str, float] = field(default_factory=dict)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], float] = time.time
    requests_sent: int = 0
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, service: str, url: str, headers: Mapping[str, str] | None = None) -> Answer:
        """The answer for `url` (cached, or fetched politely); raises ServiceError when there is none."""
        cached = self._cached(url)
        if cached is not None:
            return cached
        for attempt in range(self.retries + 1):
            self._wait_turn(service)
            answer, retry_after = self._fetch(url, headers or {})
            if answer.status not in RETRIED:
                break
            if attempt == self.retries:
                raise ServiceError(f"HTTP {answer.status} after {self.retries + 1} attempts ({url})")
            self.sleep(max(retry_after, self.backoff * 2**attempt))
        if answer.status >= 400 and answer.status not in CACHED:
            raise ServiceError(f"HTTP {answer.status} ({url})")
        self._store(answer)
        return answer

    def _wait_turn(self, service: str) -> None:
        interval = self.intervals.get(service, 0.0)
        last = self._last.get(service)
        if last is not None and interval > 0:
            wait = last + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[service] = self.clock()

    def _fetch(self, url: str, headers: Mapping[str, str]) -> tuple[Answer, float]:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        opener = urllib.request.build_opener(_NoRedirects())
        self.requests_sent += 1
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return Answer(url, int(response.status), _text(response.read(MAX_BODY + 1))), 0.0
        except urllib.error.HTTPError as error:
            location = (error.headers.get("Location") if error.headers else None) or ""
            retry_after = (error.headers.get("Retry-After") if error.headers else None) or ""
            return Answer(url, error.code, _error_body(error), location), _retry_after(retry_after, self.now())
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise ServiceError(f"no answer ({reason}) ({url})") from None

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".json")

    def _cached(self, url: str) -> Answer | None:
        path = self._cache_path(url)
        if path is None or not path.is_file():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry["url"] != url or self.now() - float(entry["fetched"]) > CACHE_SECONDS:
                return None
            return Answer(url, int(entry["status"]), str(entry["body"]), str(entry.get("location", "")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _store(self, answer: Answer) -> None:
        path = self._cache_path(answer.url)
        if path is None or answer.status not in CACHED:
            return
        entry = {"url": answer.url, "status": answer.status, "location": answer.location, "body": answer.body,
                 "fetched": self.now()}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a cache that cannot be written only costs a repeated request


def _text(data: bytes) -> str:
    if len(data) > MAX_BODY:
        raise ServiceError(f"answer larger than {MAX_BODY} bytes")
    return data.decode("utf-8", errors="replace")


def _error_body(error: urllib.error.HTTPError) -> str:
    """The body of an error answer, or '' when the connection broke while reading it (the status says enough)."""
    try:
        return _text(error.read(MAX_BODY + 1)) if error.fp else ""
    except (OSError, http.client.HTTPException, ValueError):
        return ""


def _retry_after(value: str, now: float) -> float:
    """Seconds to wait from a Retry-After header (a number of seconds or an HTTP date), capped."""
    value = value.strip()
    if not value:
        return 0.0
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return 0.0
    return min(max(when - now, 0.0), MAX_RETRY_AFTER)


def decode_json(answer: Answer, service: str) -> object:
    """The JSON body of an answer, or ServiceError naming the service."""
    try:
        return json.loads(answer.body)
    except ValueError:
        raise ServiceError(f"{service} answered malformed JSON ({answer.url})") from None
