"""The benchmark: for each catalogue size, the project's build beside its floor, the checker, memory,
site size and the explorer's data, then the explorer in Chromium; prints Markdown tables.

    python -m benchmarks.run                          # N = 200, 1000, 5000, 10000
    python -m benchmarks.run --sizes 200,1000 --repeat 1 --no-browser

The project is `mkdocs build --strict` of the site's sources with N synthetic papers; the floor is
the same generated pages written to disk as plain Markdown, built by the same mkdocs.yml without
`hooks:`. Project and floor builds alternate (which comes first alternates too), several times, and the
ratio of their least CPU times is the figure that counts: CPU time is what a single-threaded build's
wall time would be on an idle machine, and the least of several runs is the one least disturbed.
"""

from __future__ import annotations

import argparse
import gzip
import platform
import shutil
import socket
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from adgdm import explorer_json, render_site

from .measure import Best, Job, Run, cpu_seconds, folder_bytes, reference_loop_ms, run, run_together
from .tables import markdown_table
from .workspace import floor_folder, project_folder, site_context

SIZES = (200, 1000, 5000, 10_000)
BROWSER_SIZE = 5000
MIB = 1024 * 1024


@dataclass(frozen=True)
class SizeResult:
    """Every figure measured at one catalogue size."""

    n: int
    pages: int
    project: Best
    floor: Best
    ratios: tuple[float, ...]
    """Project / floor CPU time of each pair of builds run one after the other."""
    checker: Best
    load_cpu: float
    """In-process CPU seconds to load and check the catalogue (the hook's first step)."""
    render_cpu: float
    """In-process CPU seconds to render every page and file (the hook's second step)."""
    site_bytes: int
    site_files: int
    explorer_raw: int
    explorer_gzip: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def succeeded(result: Run, what: str) -> Run:
    """`result`, or the end of the benchmark with the command's output if it failed."""
    if result.returncode != 0:
        raise SystemExit(f"{what} failed:\n{result.output[-3000:]}")
    return result


def mkdocs_job(folder: Path, site: Path, site_url: str) -> Job:
    """`mkdocs build --strict` of `folder` into `site` (emptied first)."""
    if site.exists():
        shutil.rmtree(site)
    argv = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(folder / "mkdocs.yml"), "-d", str(site)]
    return Job(argv, folder, {"SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"})


def mkdocs_build(folder: Path, site: Path, site_url: str) -> Run:
    """`mkdocs build --strict` of `folder` into `site`; stops the benchmark if the build fails."""
    job = mkdocs_job(folder, site, site_url)
    return succeeded(run(job.command, job.cwd, job.env), f"the build of {folder}")


def checker(project: Path) -> Run:
    return succeeded(run([sys.executable, "-m", "adgdm", "--root", str(project), "check"], project), f"the checker on {project}")


def build_pair(project: Path, floor: Path, folder: Path, site_url: str, turn: int, together: bool) -> tuple[Run, Run]:
    """One build of the project and one of its floor: side by side, or one after the other
    (which comes first alternates with `turn`)."""
    if together:
        jobs = [mkdocs_job(project, folder / "site", site_url), mkdocs_job(floor, folder / "floor-site", site_url)]
        project_run, floor_run = run_together(jobs)
        succeeded(project_run, f"the build of {project}")
        return project_run, succeeded(floor_run, f"the build of {floor}")
    if turn % 2 == 0:
        project_run = mkdocs_build(project, folder / "site", site_url)
        return project_run, mkdocs_build(floor, folder / "floor-site", site_url)
    floor_run = mkdocs_build(floor, folder / "floor-site", site_url)
    return mkdocs_build(project, folder / "site", site_url), floor_run


def measure_size(n: int, work: Path, seed: int, repeat: int, site_url: str, together: bool = False) -> SizeResult:
    """Prepare the project and its floor for N papers, then build both `repeat` times."""
    folder = work / f"n{n}"
    if folder.exists():
        shutil.rmtree(folder)
    project = project_folder(folder / "project", n, seed)
    start = cpu_seconds()
    context = site_context(project, site_url)
    loaded = cpu_seconds()
    generated = render_site(context)
    rendered = cpu_seconds()
    floor = floor_folder(project, folder / "floor", context, generated)
    project_runs: list[Run] = []
    floor_runs: list[Run] = []
    checker_runs: list[Run] = []
    for turn in range(repeat):
        project_run, floor_run = build_pair(project, floor, folder, site_url, turn, together)
        project_runs.append(project_run)
        floor_runs.append(floor_run)
        checker_runs.append(checker(project))
        print(f"  N={n:,}: project {project_runs[-1].cpu:.1f} s CPU, floor {floor_runs[-1].cpu:.1f} s CPU, "
              f"checker {checker_runs[-1].cpu:.2f} s CPU", file=sys.stderr, flush=True)
    site_bytes, site_files = folder_bytes(folder / "site")
    floor_files = folder_bytes(folder / "floor-site")[1]
    if site_files != floor_files:  # the floor must build the same site, or the ratio means nothing
        print(f"warning: at N={n} the project's site has {site_files} files and the floor's {floor_files}", file=sys.stderr)
    data = (folder / "site" / explorer_json()).read_bytes()
    return SizeResult(
        n=n, pages=len(generated.pages), project=Best.of(project_runs), floor=Best.of(floor_runs),
        ratios=tuple(p.cpu / f.cpu for p, f in zip(project_runs, floor_runs, strict=True)),
        checker=Best.of(checker_runs), load_cpu=loaded - start, render_cpu=rendered - loaded,
        site_bytes=site_bytes, site_files=site_files, explorer_raw=len(data), explorer_gzip=len(gzip.compress(data, 9)),
    )


def build_table(results: Sequence[SizeResult]) -> str:
    """The build figures: best CPU seconds (wall seconds in brackets) and the ratios project / floor."""
    return markdown_table(
        ["N", "generated pages", "project build, s", "floor build, s", "ratio (CPU)", "ratio (wall)",
         "ratio of each pair (CPU)", "median pair",
         "project ms/paper", "hook's own ms/paper (load + render)"],
        ([f"{r.n:,}", f"{r.pages:,}", f"{r.project.cpu:.1f} ({r.project.wall:.1f})", f"{r.floor.cpu:.1f} ({r.floor.wall:.1f})",
          f"**{r.project.cpu / r.floor.cpu:.3f}**", f"{r.project.wall / r.floor.wall:.3f}", ", ".join(f"{x:.2f}" for x in r.ratios),
          f"{statistics.median(r.ratios):.3f}",
          f"{1000 * r.project.cpu / r.n:.1f}", f"{1000 * r.load_cpu / r.n:.2f} + {1000 * r.render_cpu / r.n:.2f}"] for r in results),
        left=0,
    )


def resources_table(results: Sequence[SizeResult]) -> str:
    """Checker time, peak memory, site size and the explorer's data per N."""
    return markdown_table(
        ["N", "checker, s CPU (wall)", "peak MiB: project / floor / checker", "site MB (files)",
         "explorer data: raw KB, gzip KB", "explorer B/paper: raw, gzip"],
        ([f"{r.n:,}", f"{r.checker.cpu:.2f} ({r.checker.wall:.2f})",
          f"{r.project.peak_mib:.0f} / {r.floor.peak_mib:.0f} / {r.checker.peak_mib:.0f}",
          f"{r.site_bytes / MIB:.0f} ({r.site_files:,})", f"{r.explorer_raw / 1024:.0f}, {r.explorer_gzip / 1024:.0f}",
          f"{r.explorer_raw / r.n:.0f}, **{r.explorer_gzip / r.n:.0f}**"] for r in results),
        left=0,
    )


def machine() -> str:
    """One line describing this machine and its software."""
    import markdown
    import material
    import mkdocs

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    cores = len([line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("processor")])
    return (f"{cpu}, {cores} cores; Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
            f"Material {material.__version__}, Markdown {markdown.__version__}; "
            f"reference loop (sum of a million integers) {reference_loop_ms():.0f} ms CPU")


def parse_sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=list(SIZES), help="comma-separated paper counts (default 200,1000,5000,10000)")
    parser.add_argument("--repeat", type=int, help="builds of each kind per size, the least time kept (default 7 at "
                        "200 papers or fewer, 5 up to 1,000, then 3: short builds are cheap to repeat and noise weighs most on them)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic catalogue (default 1)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/adgdm-benchmark"), help="scratch folder (emptied per size)")
    parser.add_argument("--together", action="store_true", help="start each project build and its floor build at the same "
                        "moment (both cores busy) instead of one after the other: both then see the same machine speed")
    parser.add_argument("--no-browser", action="store_true", help=f"skip the explorer timings in Chromium at N={BROWSER_SIZE}")
    args = parser.parse_args(argv)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    print(machine(), flush=True)
    results = []
    for n in args.sizes:
        results.append(measure_size(n, args.work, args.seed, args.repeat or (7 if n <= 200 else 5 if n <= 1000 else 3), site_url,
                                    args.together))
        print(f"N={n:,} done: ratio {results[-1].project.cpu / results[-1].floor.cpu:.3f} (CPU)", file=sys.stderr, flush=True)
    print("\n" + build_table(results) + "\n\n" + resources_table(results), flush=True)
    if not args.no_browser and BROWSER_SIZE in args.sizes:
        from .browser import explorer_timings

        print("\n" + explorer_timings(args.work / f"n{BROWSER_SIZE}" / "site", port, BROWSER_SIZE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
