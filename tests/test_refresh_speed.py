"""`refresh --write` over 1,000 synthetic papers against the local stand-in services with every wait set to zero:
it batches arXiv, asks each repository once, writes a valid catalogue, and its time is printed (a figure for the
record in benchmarks/README.md, never asserted)."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest
from adgdm.contrib.refresh import command
from adgdm.data.catalogue import load_catalogue
from adgdm.data.vocabulary.code_stats import github_repository

from benchmarks.synthetic import write_synthetic_catalogue

from .refresh_services import _work, running

PAPERS = 1000


def test_a_thousand_papers_refresh_in_one_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_synthetic_catalogue(tmp_path, PAPERS, seed=1)
    catalogue = load_catalogue(tmp_path)
    journal = next(short for short, venue in sorted(catalogue.venues.items()) if venue.kind == "journal")
    preprints = [p for p in catalogue.papers if catalogue.venues[p.venue].kind == "preprint"]
    published = preprints[::10]
    with running() as services:
        services.arxiv = {p.arxiv: {"version": 1, "title": p.title.replace("&", "and"), "authors": [a.display for a in p.authors]}
                          for p in catalogue.papers}
        for number, paper in enumerate(published):
            doi = f"10.5555/published.{number}"
            services.arxiv[paper.arxiv]["doi"] = doi
            services.crossref[doi] = _work(doi, "journal-article", [catalogue.venues[journal].name], [], 2026,
                                           [(a.family, a.given) for a in paper.authors], title=paper.title, volume="7", page="1-9")
        repos = sorted({github_repository(url) for p in catalogue.papers for url in p.code})
        services.github = {repo: {"full_name": repo, "archived": n % 50 == 0, "stargazers_count": n} for n, repo in enumerate(repos)}
        start = time.perf_counter()
        status = command.run(tmp_path, [], True, tmp_path / "report.md", {**services.env(), "ADGDM_REFRESH_CACHE": "off"},
                             "https://example.org/", None, datetime.date(2026, 12, 4))
        seconds = time.perf_counter() - start
        asked = {prefix: len(services.paths(f"/{prefix}/")) for prefix in ("arxiv", "s2", "crossref", "github")}
    assert status == 0, (tmp_path / "report.md").read_text(encoding="utf-8")[-2000:]
    assert asked["arxiv"] == PAPERS // 50 and asked["github"] == len(repos)
    after = load_catalogue(tmp_path)
    assert sum(after.paper(p.id).venue == journal for p in published) == len(published)
    assert len(after.code_stats) == len(repos)
    with capsys.disabled():
        print(f"\nrefresh --write at {PAPERS} synthetic papers (waits 0, no cache): {seconds:.2f} s wall, "
              f"{1000 * seconds / PAPERS:.2f} ms/paper; requests: {asked}; {len(published)} preprints moved to their journal, "
              f"{len(repos)} repositories recorded")
