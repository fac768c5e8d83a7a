"""Shared fixtures: the repository, the real catalogue, a fake corpus, one strict build of the
real site served on 127.0.0.1, and a headless Chromium driven by Playwright.

Every test that drives a browser is marked `browser`, and every test that runs `mkdocs build`
(itself or through a fixture) is marked `build`, here at collection: the fast tests, the ones
the mutation run uses, are `pytest -m "not browser and not build"`.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from adgdm.data.catalogue import Catalogue, load_catalogue
from adgdm.data.problems import InvalidData
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "corpus"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def mkdocs_build(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/",
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on `project` into `site_dir`, as a user would (with `env` added).

    Never with -q: it silences warnings before --strict can count them, and the build then passes.
    """
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project, check=False,
    )


def copy_project(target: Path, papers: Path | None = None) -> Path:
    """A copy of the site's sources (docs, hooks, overrides, mkdocs.yml) with `papers` as its catalogue."""
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(papers or ROOT / "papers", target / "papers")
    return target


BROWSER_FIXTURES = frozenset({"browser"})
"""A test that uses one of these (directly or through other fixtures) drives Chromium."""
BUILDERS = frozenset({"mkdocs_build", "build_corpus_site", "built_corpus"})
"""The helpers that run `mkdocs build`: a test or fixture whose code names one builds a site."""


def _names_a_builder(code: types.CodeType) -> bool:
    """True when the code (or a function or lambda nested in it) names one of BUILDERS."""
    return bool(BUILDERS & set(code.co_names)) or any(
        _names_a_builder(const) for const in code.co_consts if isinstance(const, types.CodeType))


def _builds(item: pytest.Item) -> bool:
    functions = [getattr(item, "function", None)]
    for definitions in item._fixtureinfo.name2fixturedefs.values():
        functions.extend(definition.func for definition in definitions)
    return any(_names_a_builder(code) for code in (getattr(f, "__code__", None) for f in functions) if code)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that drive a browser and those that build a site (see the module's docstring)."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if hasattr(item, "_fixtureinfo") and _builds(item):
            item.add_marker(pytest.mark.build)


def problems_of(root: Path) -> list[str]:
    """The checker's problems with the catalogue at `root`, as it prints them (none when it is valid)."""
    try:
        load_catalogue(root)
    except InvalidData as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(ROOT)


@pytest.fixture(scope="session")
def corpus_catalogue() -> Catalogue:
    return load_catalogue(CORPUS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The real site, built once with --strict for the whole session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir, f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, result.stderr
    return site_dir


@contextmanager
def serve_folder(folder: Path, port: int) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1:`port` (the address a site was built for) while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> Iterator[str]:
    """The built site served on 127.0.0.1 (the address its site_url names)."""
    with serve_folder(built_site, site_port) as url:
        yield url


def chromium_executable() -> str | None:
    """Debian's Chromium where installed; otherwise Playwright's own browser (None)."""
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return None


CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def recording_page(browser: object, base_url: str, **context_options: object) -> Iterator[object]:
    """A fresh page allowed to use the clipboard on `base_url`, recording requests leaving 127.0.0.1 in `page.outside`."""
    context = browser.new_context(**context_options)  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    new_page = context.new_page()
    outside: list[str] = []
    new_page.on("request", lambda request: outside.append(request.url)
                if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    new_page.outside = outside
    try:
        yield new_page
    finally:
        context.close()


@pytest.fixture()
def page(browser: object, site_url: str) -> Iterator[object]:
    """A fresh browser page on the real site that records every request leaving 127.0.0.1 in `page.outside`."""
    with recording_page(browser, site_url) as new_page:
        yield new_page


def copy_corpus_with(tmp_path: Path, name: str, text: str) -> Path:
    """A copy of the fixture corpus with one more paper file, `name`, holding `text`."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "papers" / name).write_text(text, encoding="utf-8")
    return root
