"""A local stand-in for arXiv, Crossref, Semantic Scholar and GitHub: recorded answers in the services' real formats.

Served on 127.0.0.1 under /arxiv, /crossref, /s2 and /github. `script` queues answers for a
path prefix (a 429 before the real answer, a 503, malformed XML, status 0 for a hang), and every request is
recorded with its headers, so tests can count them.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from .conftest import free_port

ATOM_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
             'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
             '  <id>https://arxiv.org/api/fixture</id>\n  <title>arXiv Query: fixture</title>\n'
             '  <updated>2026-12-04T00:00:00Z</updated>\n  <opensearch:totalResults>{total}</opensearch:totalResults>\n')

ARXIV: dict[str, dict[str, Any]] = {
    "2401.00001": {"version": 2, "title": "Published Fixture Diffusion for MVTec\n  Anomalies",
                   "authors": ["Ada Lovelace", "George Gordon Byron"],
                   "doi": "10.9999/fj.2025.7", "journal_ref": "Fixture J. Detect. 13(2), 45-67 (2025)"},
    "2402.00002": {"version": 1, "title": "Conference Fixture Guidance for Anomaly Generation", "authors": ["Maria Bea"]},
    "2303.00003": {"version": 1, "title": "Unknown Venue Fixture", "authors": ["Min Cho"], "doi": "10.9999/unknown.1"},
    "2304.00004": {"version": 1, "title": "Stable Fixture Reconstruction", "authors": ["John Dee", "Richard Roe"]},
    "2205.00005": {"version": 3, "title": "Gone Fixture Repository, Revised", "authors": ["Alice Eve"]},
    "2501.00001": {"version": 1, "title": "A Fixture Survey of MVTec Anomalies: DDPM, 3D Scans & Non-Markovian Noise",
                   "authors": ["Jane Doe", "Bernhard Schölkopf", "Aljaž Božič"]},
}

SCHOLAR: dict[str, dict[str, Any]] = {
    "arXiv:2401.00001": {"paperId": "aaa111", "title": "Published Fixture Diffusion for MVTec Anomalies",
                         "venue": "Fixture Journal of Detection",
                         "year": 2025, "externalIds": {"ArXiv": "2401.00001", "DOI": "10.9999/fj.2025.7", "CorpusId": 1},
                         "publicationVenue": {"id": "v1", "name": "Fixture Journal of Detection", "type": "journal",
                                              "alternate_names": ["Fixture J. Detect."]},
                         "journal": {"name": "Fixture Journal of Detection", "volume": "13", "pages": "45-67"},
                         "publicationTypes": ["JournalArticle"]},
    "arXiv:2402.00002": {"paperId": "bbb222", "title": "Conference Fixture Guidance for Anomaly Generation", "venue": "FCONF",
                         "year": 2025, "externalIds": {"ArXiv": "2402.00002", "DOI": "10.9999/fconf.2025.3"},
                         "publicationVenue": None, "journal": {"name": ""}, "publicationTypes": ["Conference"]},
    "arXiv:2303.00003": {"paperId": "ccc333", "title": "Unknown Venue Fixture", "venue": "Journal of Unknown Things", "year": 2024,
                         "externalIds": {"DOI": "10.9999/unknown.1"}, "publicationVenue": None, "journal": None},
}


def _work(doi: str, kind: str, container: list[str], short: list[str], year: int, authors: list[tuple[str, str]],
          **fields: str) -> dict[str, Any]:
    return {"DOI": doi, "type": kind, "title": [fields.pop("title")], "container-title": container, "short-container-title": short,
            "published-print": {"date-parts": [[year, 3]]}, "issued": {"date-parts": [[year, 3, 1]]},
            "author": [{"given": given, "family": family, "sequence": "first" if n == 0 else "additional", "affiliation": []}
                       for n, (family, given) in enumerate(authors)], "publisher": "Fixture Press", **fields}


CROSSREF: dict[str, dict[str, Any]] = {
    "10.9999/fj.2025.7": _work("10.9999/fj.2025.7", "journal-article", ["Fixture Journal of Detection"], ["Fixture J. Detect."], 2025,
                               [("Lovelace", "Ada"), ("Byron", "George Gordon")], title="Published Fixture Diffusion for MVTec Anomalies",
                               volume="13", issue="2", page="45-67"),
    "10.9999/fconf.2025.3": _work("10.9999/fconf.2025.3", "proceedings-article",
                                  ["Proceedings of the 3rd Fixture Conference on Anomalies & Diffusion"], [], 2025, [("Bea", "Maria")],
                                  title="Conference Fixture Guidance for Anomaly Generation", page="101–110"),
    "10.9999/unknown.1": _work("10.9999/unknown.1", "journal-article", ["Journal of Unknown Things"], ["J. Unknown Things"], 2024,
                               [("Cho", "Min")], title="Unknown Venue Fixture", volume="2", page="1-10"),
}

GITHUB: dict[str, dict[str, Any]] = {
    "example/stable": {"id": 1, "full_name": "example/stable", "archived": False, "stargazers_count": 57},
    "example/frozen": {"id": 2, "full_name": "example/frozen", "archived": True, "stargazers_count": 9},
    "repositories/4242": {"id": 4242, "full_name": "new-owner/guidance", "archived": False, "stargazers_count": 120},
}
GITHUB_MOVED = {"old-owner/guidance": "repositories/4242"}

Answer = tuple[int, dict[str, str], str]


def atom(ids: list[str], records: dict[str, dict[str, Any]]) -> str:
    """An arXiv API feed for `ids` in the real format (namespaces, arxiv:doi, arxiv:journal_ref)."""
    found = [i for i in ids if i in records]
    parts = [ATOM_HEAD.format(total=len(found))]
    for identifier in found:
        record = records[identifier]
        version = f"{identifier}v{record['version']}"
        parts.append(f"  <entry>\n    <id>http://arxiv.org/abs/{version}</id>\n    <updated>2025-03-01T10:00:00Z</updated>\n"
                     f"    <published>2024-01-01T10:00:00Z</published>\n    <title>{_xml(record['title'])}</title>\n"
                     "    <summary>A fixture abstract.</summary>\n")
        parts += [f"    <author>\n      <name>{_xml(name)}</name>\n    </author>\n" for name in record["authors"]]
        if record.get("doi"):
            parts.append(f"    <arxiv:doi>{record['doi']}</arxiv:doi>\n"
                         f'    <link title="doi" href="https://doi.org/{record["doi"]}" rel="related"/>\n')
        if record.get("journal_ref"):
            parts.append(f"    <arxiv:journal_ref>{_xml(record['journal_ref'])}</arxiv:journal_ref>\n")
        parts.append(f'    <link href="http://arxiv.org/abs/{version}" rel="alternate" type="text/html"/>\n'
                     '    <arxiv:primary_category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>\n  </entry>\n')
    return "".join(parts) + "</feed>\n"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


class Services(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a client that timed out hangs up before a scripted hang answers."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", free_port()), _Handler)
        self.script: dict[str, list[Answer]] = {}
        self.down: dict[str, Answer] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.arxiv, self.scholar, self.crossref = dict(ARXIV), dict(SCHOLAR), dict(CROSSREF)
        self.github, self.github_moved = dict(GITHUB), dict(GITHUB_MOVED)
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def env(self) -> dict[str, str]:
        return {"ADGDM_ARXIV_API": f"{self.base}/arxiv/query", "ADGDM_CROSSREF_API": f"{self.base}/crossref",
                "ADGDM_S2_API": f"{self.base}/s2", "ADGDM_GITHUB_API": f"{self.base}/github", "ADGDM_REFRESH_DELAY": "0"}

    def paths(self, prefix: str = "") -> list[str]:
        return [path for path, _ in self.requests if path.startswith(prefix)]

    def answer(self, path: str, query: dict[str, list[str]]) -> Answer:
        with self.lock:
            for prefix, queued in self.script.items():
                if path.startswith(prefix) and queued:
                    return queued.pop(0)
            for prefix, answer in self.down.items():
                if path.startswith(prefix):
                    return answer
        if path == "/arxiv/query":
            ids = query.get("id_list", [""])[0].split(",")
            return 200, {"Content-Type": "application/atom+xml"}, atom(ids, self.arxiv)
        if path.startswith("/s2/paper/"):
            return _json(self.scholar.get(path.removeprefix("/s2/paper/")), {"error": "Paper not found"})
        if path == "/crossref/works":
            return 200, {"Content-Type": "application/json"}, json.dumps(
                {"status": "ok", "message-type": "work-list", "message": {"items": [], "total-results": 0}})
        if path.startswith("/crossref/works/"):
            work = self.crossref.get(path.removeprefix("/crossref/works/"))
            return _json({"status": "ok", "message-type": "work", "message": work} if work else None, "Resource not found.")
        name = path.removeprefix("/github/repos/").removeprefix("/github/")
        if name in self.github_moved:
            return 301, {"Location": f"{self.base}/github/{self.github_moved[name]}"}, json.dumps(
                {"message": "Moved Permanently", "url": f"{self.base}/github/{self.github_moved[name]}"})
        return _json(self.github.get(name), {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"})


def _json(found: object, missing: object) -> Answer:
    if found is None:
        return 404, {"Content-Type": "application/json"}, json.dumps(missing)
    return 200, {"Content-Type": "application/json"}, json.dumps(found, ensure_ascii=False)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Services

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        with self.server.lock:
            self.server.requests.append((self.path, dict(self.headers.items())))
        status, headers, body = self.server.answer(path, parse_qs(parts.query))
        if status == 0:  # a scripted hang: answer only after `body` seconds
            time.sleep(float(body))
            status, body = 200, "{}"
        data = body.encode("utf-8")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def running() -> Iterator[Services]:
    served = Services()
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        served.shutdown()
        served.server_close()
