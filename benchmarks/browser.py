"""The explorer in headless Chromium on 127.0.0.1: how long its page takes to load and show the table,
and how long a keystroke in its search box takes to give the updated table."""

from __future__ import annotations

import statistics
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from .serve import served
from .tables import markdown_table

CHROMIUM = "/usr/bin/chromium"
LOADS = 5
TYPED = "unsupervised anomaly"
"""Twenty keystrokes, as a visitor types them."""

# Records when the explorer marks itself ready (its data fetched and the first rows shown).
WATCH_READY = """
new MutationObserver((changes, observer) => {
  const root = document.getElementById("adgdm-explorer");
  if (root && root.hasAttribute("data-ready")) { window.adgdmReadyAt = performance.now(); observer.disconnect(); }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
"""

# Added after the explorer's own listener, so it runs once the table has been updated: the time from
# the key going down to the new rows laid out, and to the next frame (when they can be painted).
WATCH_KEYS = """() => {
  window.adgdmKeys = [];
  const input = document.getElementById("adgdm-x-q");
  let down = 0;
  input.addEventListener("keydown", (event) => { down = event.timeStamp; });
  input.addEventListener("input", () => {
    void document.querySelector(".adgdm-x-table tbody").offsetHeight;
    const laidOut = performance.now() - down;
    requestAnimationFrame(() => window.adgdmKeys.push([laidOut, performance.now() - down]));
  });
}"""


def _load(page: Page, url: str) -> tuple[float, float, float]:
    """(DOMContentLoaded, load event, explorer ready) in ms after navigation start, from a cold cache."""
    page.add_init_script(WATCH_READY)
    page.goto(url, wait_until="load")
    page.wait_for_function("window.adgdmReadyAt !== undefined", timeout=120_000)
    navigation = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                               " return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()")
    return float(navigation[0]), float(navigation[1]), float(page.evaluate("window.adgdmReadyAt"))


def _keystrokes(page: Page) -> list[tuple[float, float]]:
    """(ms to the updated table laid out, ms to the next frame) for each keystroke of TYPED."""
    page.evaluate(WATCH_KEYS)
    page.focus("#adgdm-x-q")
    for count, char in enumerate(TYPED, start=1):
        page.keyboard.type(char)
        page.wait_for_function(f"window.adgdmKeys.length >= {count}")
    return [(float(a), float(b)) for a, b in page.evaluate("window.adgdmKeys")]


def explorer_timings(site: Path, port: int, papers: int) -> str:
    """Load the explorer LOADS times and type TYPED into it; return the figures as Markdown."""
    with served(site, port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else None,
                                             args=["--no-sandbox", "--disable-gpu"])
        loads = []
        for _ in range(LOADS):
            context = browser.new_context()  # a fresh context: nothing cached
            loads.append(_load(context.new_page(), f"{url}explorer/"))
            context.close()
        context = browser.new_context()
        page = context.new_page()
        _load(page, f"{url}explorer/")
        keys = _keystrokes(page)
        shown = page.inner_text(".adgdm-x-count")
        browser.close()
    loaded = (("page load: DOMContentLoaded", [x[0] for x in loads]), ("page load: load event", [x[1] for x in loads]),
              ("page load: explorer ready (data fetched, table shown)", [x[2] for x in loads]))
    typed = ((f"keystroke to updated table, laid out ({len(keys)} keys)", [k[0] for k in keys]),
             (f"keystroke to updated table, next frame ({len(keys)} keys)", [k[1] for k in keys]))
    table = markdown_table(["figure", "median", "min", "max"], (
        [name, *(f"{figure(values):.1f} ms" for figure in (statistics.median, min, max))] for name, values in loaded + typed))
    return (f"Explorer at {papers:,} papers, headless Chromium, served gzipped on 127.0.0.1 (benchmarks/serve.py):\n\n"
            f"{table}\n\nAfter typing '{TYPED}': {shown}.")
