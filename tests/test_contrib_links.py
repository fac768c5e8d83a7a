"""Link health: every external link of the papers and datasets, checked against a local HTTP
server on 127.0.0.1 that serves live, dead, redirecting, refusing and slow addresses."""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from adgdm import cli
from adgdm.contrib import link_health as links
from adgdm.contrib.link_health import Link, Verdict, check_links, collect_links, report
from adgdm.data.catalogue import Catalogue

from .conftest import CORPUS, free_port

SLOW_SECONDS = 3.5   # /slow answers after this long: far above the "slow" limit, far below the timeout
HANG_SECONDS = 12.0  # /hang answers only after the timeout has long passed


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    in_flight = 0
    most_in_flight = 0
    lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: the timeout test's client hangs up before /hang answers, so its late write fails."""


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    redirects: ClassVar[dict[str, tuple[int, str]]] = {
        "/moved": (301, "/ok"), "/found": (302, "/ok"), "/chain": (308, "/found"), "/moved-dead": (301, "/missing"),
        "/gh/special": (301, "/gh/special-renamed"),
    }
    codes: ClassVar[dict[str, int]] = {"/missing": 404, "/gone": 410, "/forbidden": 403, "/busy": 429, "/error": 500}

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path.startswith("/busy-"):
            self._overlap()
        self._answer(path)

    def _overlap(self) -> None:
        """Count requests being served at once; the count drops before the answer leaves, so no client can
        start its next request while this one still counts."""
        with self.server.lock:
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
        time.sleep(0.3)
        with self.server.lock:
            self.server.in_flight -= 1

    def _answer(self, path: str) -> None:
        if path in self.redirects:
            code, target = self.redirects[path]
            self.send_response(code)
            self.send_header("Location", target)
            self.end_headers()
            return
        if path == "/garbled":
            self.wfile.write(b"NOT HTTP AT ALL\r\n\r\n")
            self.close_connection = True
            return
        if path == "/%C3%BCber":  # a link written with 'ü' arrives percent-encoded
            path = "/ok"
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
        elif path == "/hang":
            time.sleep(HANG_SECONDS)
        code = self.codes.get(path, 404 if path.startswith("/datasets/") else 200)
        body = b"<!doctype html><title>t</title>"
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    served = _Server(("127.0.0.1", free_port()), _Handler)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield served
    served.shutdown()
    served.server_close()


def base(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def closed_port() -> int:
    """A port nobody listens on: connections to it are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_links_are_classified(server: _Server) -> None:
    root = base(server)
    paths = ["/ok", "/missing", "/gone", "/moved", "/found", "/chain", "/moved-dead", "/forbidden", "/busy", "/error", "/slow", "/hang",
             "/garbled", "/über"]
    to_check = [Link(root + path, (f"papers/x.yaml ({path})",)) for path in paths]
    to_check.append(Link(f"http://127.0.0.1:{closed_port()}/nothing", ("papers/y.yaml (code)",)))
    verdicts = {v.link.url.removeprefix(root): (v.status, v.code, v.detail) for v in check_links(to_check, 16, 16, 6.0, 2.0)}
    assert verdicts["/ok"] == ("ok", 200, "")
    assert verdicts["/missing"] == ("dead", 404, "HTTP 404")
    assert verdicts["/gone"] == ("dead", 410, "HTTP 410")
    assert verdicts["/moved"] == ("moved", 301, f"moved permanently to {root}/ok")
    assert verdicts["/found"] == ("ok", 200, "")  # temporary redirects are how doi.org works
    assert verdicts["/chain"] == ("moved", 308, f"moved permanently to {root}/ok")
    assert verdicts["/moved-dead"] == ("dead", 404, "HTTP 404")
    assert verdicts["/forbidden"] == ("blocked", 403, "HTTP 403: the site refuses automated requests")
    assert verdicts["/busy"] == ("blocked", 429, "HTTP 429: the site refuses automated requests")
    assert verdicts["/error"] == ("dead", 500, "HTTP 500")
    status, code, detail = verdicts["/slow"]
    assert (status, code) == ("slow", 200) and detail.startswith("answered in ")
    assert verdicts["/hang"] == ("dead", None, "no answer before the timeout")
    assert verdicts["/über"] == ("ok", 200, "")
    assert verdicts["/garbled"][:2] == ("dead", None) and verdicts["/garbled"][2].startswith("unreachable (")
    refused = next(v for url, v in verdicts.items() if url.endswith("/nothing"))
    assert refused[0] == "dead" and refused[2].startswith("unreachable (")


@pytest.mark.parametrize(("workers", "per_host", "bound"), [(8, 2, 2), (3, 10, 3)])
def test_concurrency_is_bounded(server: _Server, workers: int, per_host: int, bound: int) -> None:
    server.most_in_flight = 0
    to_check = [Link(f"{base(server)}/busy-{n}", ()) for n in range(10)]
    verdicts = check_links(to_check, workers=workers, per_host=per_host, timeout=20.0, slow=20.0)
    assert [v.status for v in verdicts] == ["ok"] * 10
    assert [v.link for v in verdicts] == to_check  # results come back in link order
    assert 1 < server.most_in_flight <= bound


def test_every_link_of_papers_and_datasets_is_collected(corpus_catalogue: Catalogue) -> None:
    assert collect_links(corpus_catalogue) == [
        Link("https://arxiv.org/abs/2501.00001", ("papers/doe2025fixture.yaml (arxiv)",)),
        Link("https://doi.org/10.48550/arXiv.2501.00001", ("papers/doe2025fixture.yaml (doi)",)),
        Link("https://doi.org/10.9999/fixture.2024.1", ("papers/doe2024predecessor.yaml (doi)",)),
        Link("https://example.org/datasets/fixture-images?x=1&y=2", ("papers/vocabulary/datasets.yaml (fix-images homepage)",)),
        Link("https://example.org/papers/special?id=1&x=2", ("papers/roe2023special.yaml (url)",)),
        Link("https://github.com/example/related-survey", ("papers/fox2021related.yaml (code)",)),
        Link("https://github.com/example/special", ("papers/roe2023special.yaml (code)",)),
        Link("https://openreview.net/forum?id=AbCdEf12345", ("papers/poe2022book.yaml (openreview)",)),
    ]


def test_the_report_lists_each_kind_of_problem() -> None:
    def verdict(url: str, status: str, code: int | None, detail: str) -> Verdict:
        return Verdict(Link(url, ("papers/a.yaml (code)", "papers/b.yaml (url)")), status, code, detail, 0.1)

    text = report([
        verdict("https://b.example/x", "dead", 404, "HTTP 404"),
        verdict("https://a.example/y", "dead", None, "no answer before the timeout"),
        verdict("https://c.example/", "moved", 301, "moved permanently to https://c.example/new"),
        verdict("https://d.example/", "ok", 200, ""),
        verdict("https://e.example/", "slow", 200, "answered in 7.2 s"),
    ], slow=5.0)
    assert text == (
        "# Link check\n\n5 links of `papers/` checked: 2 dead, 1 moved, 0 blocked, 1 slow, 1 ok.\n\n"
        "## Dead links (2)\n\nFix or remove these addresses.\n\n| Link | Problem | Used in |\n| --- | --- | --- |\n"
        "| <https://a.example/y> | no answer before the timeout | papers/a.yaml (code); papers/b.yaml (url) |\n"
        "| <https://b.example/x> | HTTP 404 | papers/a.yaml (code); papers/b.yaml (url) |\n\n"
        "## Moved permanently (1)\n\nReplace these with their new address.\n\n| Link | Now | Used in |\n| --- | --- | --- |\n"
        "| <https://c.example/> | moved permanently to https://c.example/new | papers/a.yaml (code); papers/b.yaml (url) |\n\n"
        "## Slow (over 5 s) (1)\n\nThese work but answered slowly.\n\n| Link | Time | Used in |\n| --- | --- | --- |\n"
        "| <https://e.example/> | answered in 7.2 s | papers/a.yaml (code); papers/b.yaml (url) |\n"
    )
    assert report([verdict("https://d.example/", "ok", 200, "")], slow=5.0).endswith("Every link answered normally.\n")


def test_the_command_checks_a_catalogue_end_to_end(server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    local = base(server)
    for path in root.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("https://example.org", local).replace("https://github.com/example", f"{local}/gh"), encoding="utf-8")
    monkeypatch.setattr(links, "RESOLVERS", {name: f"{local}/resolve/{name}/" for name in links.RESOLVERS})
    status = cli.main(["--root", str(root), "links", "--timeout", "10", "--slow", "8", "--output", str(tmp_path / "report.md")])
    assert status == 1
    assert capsys.readouterr().err == "8 links checked, 1 dead\n"
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "8 links of `papers/` checked: 1 dead, 1 moved, 0 blocked, 0 slow, 6 ok." in text
    assert f"| <{local}/datasets/fixture-images?x=1&y=2> | HTTP 404 | papers/vocabulary/datasets.yaml (fix-images homepage) |" in text
    assert f"| <{local}/gh/special> | moved permanently to {local}/gh/special-renamed | papers/roe2023special.yaml (code) |" in text
