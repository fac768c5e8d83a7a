"""Lighthouse scores of the real site's home, explorer, a taxonomy page and a paper page, built with
`mkdocs build --strict` and served gzipped on 127.0.0.1; prints a Markdown table and every audit
that keeps a score below its target.

    npm install --prefix /tmp/adgdm-lighthouse lighthouse
    python -m benchmarks.lighthouse --lighthouse /tmp/adgdm-lighthouse/node_modules/.bin/lighthouse
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from adgdm import explorer_page, load_catalogue, node_page, paper_page, url_of

from .run import free_port, mkdocs_build
from .serve import served
from .tables import markdown_table
from .workspace import ROOT

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PRESETS = ("mobile", "desktop")
TAXONOMY_NODE = "reconstruction-based"
CHROMIUM = "/usr/bin/chromium"


def pages() -> dict[str, str]:
    """Page name -> site-relative URL: home, explorer, a taxonomy node, the survey's own paper page."""
    survey_paper = load_catalogue(ROOT).surveys["adgdm"].paper
    return {"home": "", "explorer": url_of(explorer_page()), "taxonomy page": url_of(node_page(TAXONOMY_NODE)),
            "paper page": url_of(paper_page(survey_paper))}


def audit(lighthouse: str, url: str, preset: str, report: Path) -> dict[str, Any]:
    """Run Lighthouse once; return its JSON report."""
    command = [lighthouse, url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not report.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def scores(data: dict[str, Any]) -> dict[str, int]:
    return {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}


def shortfalls(data: dict[str, Any]) -> list[str]:
    """The audits that cost points in a category below its target, each as 'category: title (score)'."""
    found = []
    for name in CATEGORIES:
        category = data["categories"][name]
        if round(100 * (category["score"] or 0)) >= TARGETS[name]:
            continue
        for ref in category["auditRefs"]:
            result = data["audits"][ref["id"]]
            if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
                value = f", {result['displayValue']}" if result.get("displayValue") else ""
                found.append(f"{name}: {result['title']} (score {result['score']:.2f}{value})")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lighthouse", description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", default=shutil.which("lighthouse") or "lighthouse", help="the Lighthouse command")
    parser.add_argument("--work", type=Path, default=Path("/tmp/adgdm-lighthouse-run"), help="scratch folder")
    parser.add_argument("--preset", choices=PRESETS, action="append", help="mobile and/or desktop (default both)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset; the median run is reported (default 3)")
    args = parser.parse_args(argv)
    port = free_port()
    site = args.work / "site"
    args.work.mkdir(parents=True, exist_ok=True)
    mkdocs_build(ROOT, site, f"http://127.0.0.1:{port}/")
    rows: list[list[str]] = []
    notes: list[str] = []
    with served(site, port) as base:
        for preset in args.preset or PRESETS:
            for name, path in pages().items():
                runs = [audit(args.lighthouse, base + path, preset, args.work / f"{preset}-{name.replace(' ', '-')}-{run}.json")
                        for run in range(args.runs)]
                # Performance varies from run to run on a busy machine (the others do not): keep the median run.
                data = sorted(runs, key=lambda report: scores(report)["performance"])[len(runs) // 2]
                got = scores(data)
                rows.append([f"{name} (`/{path}`)", preset, *(str(got[c]) for c in CATEGORIES)])
                notes.extend(f"- {name}, {preset}: {line}" for line in shortfalls(data))
                print(" ".join(rows[-1]), file=sys.stderr, flush=True)
    print(f"Lighthouse {data.get('lighthouseVersion', '?')}, {data.get('environment', {}).get('hostUserAgent', '?')}; "
          f"the median of {args.runs} runs\n")
    print(markdown_table(["page", "preset", "performance", "accessibility", "best practices", "SEO"], rows, left=2))
    print("\nBelow target:\n" + ("\n".join(notes) if notes else "- nothing"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
