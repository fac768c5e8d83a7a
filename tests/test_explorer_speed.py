"""The explorer at 5,000 synthetic papers: it still works, and the time from a keystroke in the search
box to the updated table is measured and printed (a figure for the record, never asserted)."""

from __future__ import annotations

import gzip
import shutil
import statistics
from pathlib import Path

import pytest
from adgdm.data.catalogue import load_catalogue
from adgdm.site.compose import make_context
from adgdm.site.pages.explorer import compact_json, explorer_data

from benchmarks.synthetic import write_synthetic_catalogue

from .conftest import free_port, recording_page, serve_folder

PAPERS = 5000
TYPED = "unsupervised anomaly"  # 20 keystrokes

# Each keystroke as the browser delivers it (value changed, then an input event), then a forced
# layout so the time includes styling and placing the new rows, not only the script.
MEASURE = """(text) => {
  const input = document.getElementById("adgdm-x-q");
  const body = document.querySelector(".adgdm-x-table tbody");
  const times = [];
  for (const ch of text) {
    const start = performance.now();
    input.value += ch;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    void body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}"""


def test_keystroke_to_updated_table_at_5000_papers(built_site: Path, browser: object, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    write_synthetic_catalogue(tmp_path / "synthetic", PAPERS, seed=1)
    data = compact_json(explorer_data(make_context(load_catalogue(tmp_path / "synthetic"))))
    site = tmp_path / "site"
    shutil.copytree(built_site, site)  # the real site's explorer page, fed the synthetic catalogue's data
    (site / "downloads" / "explorer.json").write_text(data, encoding="utf-8")
    with serve_folder(site, free_port()) as url, recording_page(browser, url) as page:
        page.goto(f"{url}explorer/")
        page.wait_for_selector("#adgdm-explorer[data-ready]", state="attached")
        ready_ms = page.evaluate("performance.now()")
        assert page.inner_text(".adgdm-x-count") == f"All {PAPERS} papers"
        assert page.eval_on_selector_all(".adgdm-x-table tbody tr", "rows => rows.length") == 50
        assert page.inner_text("button.adgdm-x-more") == "Show 50 more (4950 not shown)"
        page.click("button.adgdm-x-more")
        assert page.eval_on_selector_all(".adgdm-x-table tbody tr", "rows => rows.length") == 100

        times = page.evaluate(MEASURE, TYPED)
        matching = page.inner_text(".adgdm-x-count")
        assert matching.endswith("papers match") or matching.endswith("paper match")
        assert page.outside == []  # type: ignore[attr-defined]

    with capsys.disabled():
        print(f"\nexplorer at {PAPERS} synthetic papers: data {len(data.encode()) / PAPERS:.0f} B/paper raw, "
              f"{len(gzip.compress(data.encode(), 9)) / PAPERS:.1f} B/paper gzipped; ready {ready_ms:.0f} ms after navigation; "
              f"keystroke to updated table over {len(times)} keys: median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms")
