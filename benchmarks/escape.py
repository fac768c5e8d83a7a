"""The escape routes, measured: the generated pages written to a folder (the benchmark's floor) built by
ProperDocs and by Zensical beside MkDocs, and ProperDocs running our hook as MkDocs does.

Both tools live in throwaway virtual environments outside the repository, never in its dependencies:

    python -m venv /tmp/venv-properdocs && /tmp/venv-properdocs/bin/pip install properdocs mkdocs-material
    python -m venv /tmp/venv-zensical && /tmp/venv-zensical/bin/pip install zensical
    python -m benchmarks.escape --properdocs /tmp/venv-properdocs/bin/properdocs --zensical /tmp/venv-zensical/bin/zensical
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from adgdm import render_site

from .measure import Best, Run, run
from .run import free_port, mkdocs_build, parse_sizes, succeeded
from .tables import markdown_table
from .workspace import ROOT, floor_folder, project_folder, site_context

Builder = Callable[[Path, Path, str], Run]
"""(folder to build, site folder to write, site URL) -> the measured run."""


def properdocs(command: str) -> Builder:
    def build(folder: Path, site: Path, site_url: str) -> Run:
        if site.exists():
            shutil.rmtree(site)
        # The hook imports adgdm from this checkout: the tool's environment holds only the tool and the theme.
        env = {"SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
        return succeeded(run([command, "build", "--strict", "-f", str(folder / "mkdocs.yml"), "-d", str(site)], folder, env),
                         f"ProperDocs's build of {folder}")
    return build


def zensical(command: str) -> Builder:
    def build(folder: Path, site: Path, site_url: str) -> Run:
        # Zensical writes to the config's site_dir (./site) and keeps a cache: both go first, for a clean build.
        for leftover in (folder / "site", folder / ".cache", site):
            if leftover.exists():
                shutil.rmtree(leftover)
        result = succeeded(run([command, "build", "--clean", "-f", str(folder / "mkdocs.yml")], folder, {"SITE_URL": site_url}),
                           f"Zensical's build of {folder}")
        shutil.move(folder / "site", site)
        return result
    return build


def version(command: str) -> str:
    output = subprocess.run([command, "--version"], capture_output=True, text=True, check=False).stdout
    found = re.search(r"\d+\.\d+\.\d+", output)
    return found.group(0) if found else "?"


def features(site: Path, paper_id: str) -> list[str]:
    """What a visitor would miss: checks on the built home and one paper page."""
    paper = (site / "papers" / paper_id / "index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    return [
        str(sum(1 for _ in site.rglob("*.html"))),
        "yes" if "assets/explorer.js" in paper and "assets/adgdm.js" in paper else "no",
        "yes" if '<meta name="citation_title"' in paper else "no",
        "YAML" if re.search(r'href="[^"]*/edit/main/papers/[^"]*\.yaml"[^>]*rel="edit"|rel="edit"[^>]*href="[^"]*\.yaml"', paper)
        else ("other" if 'rel="edit"' in paper else "none"),
        "yes" if "tabbed-set" in paper else "no",
        "yes" if "navigation.instant" in home else "no",
        next((name for name in ("search/search_index.json", "search.json") if (site / name).exists()), "none"),
        "yes" if "adgdm-chart" in home or "<svg" in home else "no",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.escape", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1000], help="comma-separated paper counts (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind per size, the best kept (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/adgdm-escape"), help="scratch folder (emptied per size)")
    parser.add_argument("--properdocs", required=True, help="the properdocs command of its throwaway environment")
    parser.add_argument("--zensical", required=True, help="the zensical command of its throwaway environment")
    args = parser.parse_args(argv)
    site_url = f"http://127.0.0.1:{free_port()}/"

    def mkdocs(folder: Path, site: Path, url: str) -> Run:
        return mkdocs_build(folder, site, url)

    builds: list[tuple[str, str, Builder]] = [
        ("MkDocs 1.6 + hook", "project", mkdocs), ("MkDocs 1.6, pages on disk", "floor", mkdocs),
        (f"ProperDocs {version(args.properdocs)} + hook", "project", properdocs(args.properdocs)),
        (f"ProperDocs {version(args.properdocs)}, pages on disk", "floor", properdocs(args.properdocs)),
        (f"Zensical {version(args.zensical)}, pages on disk", "floor", zensical(args.zensical)),
    ]
    timing_rows: list[list[str]] = []
    feature_rows: list[list[str]] = []
    for n in args.sizes:
        folder = args.work / f"n{n}"
        if folder.exists():
            shutil.rmtree(folder)
        project = project_folder(folder / "project", n, args.seed)
        context = site_context(project, site_url)
        floors = {"project": project, "floor": floor_folder(project, folder / "floor", context, render_site(context))}
        runs: dict[str, list[Run]] = {name: [] for name, _, _ in builds}
        for _ in range(args.repeat):
            for index, (name, kind, build) in enumerate(builds):
                runs[name].append(build(floors[kind], folder / f"site-{index}", site_url))
        reference = Best.of(runs[builds[0][0]])
        for index, (name, _, _) in enumerate(builds):
            best = Best.of(runs[name])
            timing_rows.append([f"{n:,}", name, f"{best.cpu:.1f}", f"{best.wall:.1f}", f"{best.cpu / reference.cpu:.2f}",
                                f"{best.peak_mib:.0f}"])
            if n == args.sizes[-1]:
                feature_rows.append([name, *features(folder / f"site-{index}", context.catalogue.papers[-1].id)])
    print(markdown_table(["N", "build", "CPU s", "wall s", "CPU / MkDocs + hook", "peak MiB"], timing_rows, left=2))
    print()
    print(markdown_table(["build", "HTML pages", "site scripts", "Highwire tags", "edit button", "content tabs",
                          "instant navigation", "search index", "home charts"], feature_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
