"""The one timing test: the hook's work grows linearly with the catalogue.

It loads, checks and renders synthetic catalogues of 100 and 500 papers in the same run and
fails when the time per paper at 500 is more than twice the time at 100: for the whole, and for
each step alone (the checker, the index, each producer, each section of the paper page, each
family of browsing pages). A quadratic step small at 500 papers (related papers, duplicate titles,
the author index, per-node downloads...) hides in the whole but not in its own step.
CPU time, best of three, sizes interleaved: other programs on the machine slow both alike.
MkDocs's own work is left out; `python -m benchmarks.run` measures the floor it adds.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from adgdm.data.catalogue import load_catalogue
from adgdm.data.models import Paper
from adgdm.site.compose import PRODUCERS, make_context
from adgdm.site.context import Context
from adgdm.site.generated_site import GeneratedSite
from adgdm.site.pages import browse
from adgdm.site.pages import paper as paper_page
from adgdm.site.pages.browse import BrowsePage

from benchmarks.synthetic import write_synthetic_catalogue

SMALL, LARGE = 100, 500
LIMIT = 2.0
RUNS = 3
SHORTEST = 0.02
"""Steps taking less CPU time than this at LARGE are too short to time alone (they still count in the whole)."""

Seconds = dict[str, float]


def timed_sections(seconds: Seconds) -> list[paper_page.Section]:
    """The paper page's sections, each adding its CPU time to `seconds`."""

    def timed(section: paper_page.Section) -> paper_page.Section:
        def run(ctx: Context, paper: Paper) -> str:
            start = time.process_time()
            try:
                return section(ctx, paper)
            finally:
                seconds[f"paper page: {section.__name__}"] += time.process_time() - start
        return run

    return [timed(section) for section in paper_page.SECTIONS]


def timed_browsing(seconds: Seconds, pages: Callable[[Context], Iterator[BrowsePage]]) -> Callable[[Context], Iterator[BrowsePage]]:
    """The browsing pages, the CPU time of each family (taxonomy, venues, authors...) added to `seconds`."""

    def run(ctx: Context) -> Iterator[BrowsePage]:
        generated = pages(ctx)
        while True:
            start = time.process_time()
            item = next(generated, None)
            if item is None:
                return
            seconds[f"browsing: {item[0].split('/')[0]}"] += time.process_time() - start
            yield item

    return run


def step_seconds(root: Path, monkeypatch: pytest.MonkeyPatch) -> Seconds:
    """CPU seconds of each step of the hook's work on the catalogue at `root`."""
    seconds: Seconds = defaultdict(float)
    with monkeypatch.context() as patch:
        patch.setattr(paper_page, "SECTIONS", timed_sections(seconds))
        patch.setattr(browse, "browse_pages", timed_browsing(seconds, browse.browse_pages))
        start = time.process_time()
        catalogue = load_catalogue(root)
        seconds["load and check"] = time.process_time() - start
        start = time.process_time()
        context = make_context(catalogue)
        seconds["index"] = time.process_time() - start
        site = GeneratedSite()
        for produce in PRODUCERS:
            start = time.process_time()
            produce(context, site)
            seconds[f"producer {produce.__module__}.{produce.__name__}"] = time.process_time() - start
    return seconds


def test_time_per_paper_at_500_papers_is_at_most_twice_that_at_100(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for n in (SMALL, LARGE):
        write_synthetic_catalogue(tmp_path / str(n), n, seed=1)
    best: dict[int, Seconds] = {SMALL: {}, LARGE: {}}
    for _ in range(RUNS):
        for n in (SMALL, LARGE):
            for step, seconds in step_seconds(tmp_path / str(n), monkeypatch).items():
                best[n][step] = min(best[n].get(step, seconds), seconds)
    whole = {n: sum(seconds for step, seconds in best[n].items() if not step.startswith(("paper page:", "browsing:")))
             for n in (SMALL, LARGE)}

    def per_paper(n: int, step: str) -> float:
        return (whole[n] if step == "whole" else best[n].get(step, 0.0)) / n

    steps = ["whole", *(step for step in best[LARGE] if best[LARGE][step] >= SHORTEST)]
    ratios = {step: per_paper(LARGE, step) / max(per_paper(SMALL, step), 1e-9) for step in steps}
    report = "\n".join(
        f"  {step:50} {1000 * per_paper(SMALL, step):7.3f} ms/paper at {SMALL}, {1000 * per_paper(LARGE, step):7.3f} at {LARGE}: "
        f"ratio {ratios[step]:.2f}"
        for step in steps
    )
    with capsys.disabled():
        print(f"\nCPU time per paper, best of {RUNS}:\n{report}")
    assert len(steps) > 5, "the catalogue is too small for the steps to be timed"
    assert all(value <= LIMIT for value in ratios.values()), f"time per paper grows faster than the catalogue:\n{report}"
