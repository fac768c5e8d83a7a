"""Where the checker's time goes, stage by stage, at N synthetic papers (CPU time, best of three):

    python -m benchmarks.checker 10000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import yaml
from adgdm import load_catalogue, paper_files, parse_yaml

from .measure import reference_loop_ms, run
from .synthetic import write_synthetic_catalogue
from .tables import markdown_table

RUNS = 3
T = TypeVar("T")


def best_cpu(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def each(function: Callable[[T], object], items: Iterable[T]) -> None:
    for item in items:
        function(item)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.checker", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="papers (default 10000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_synthetic_catalogue(root, args.n, seed=1)
        paths = paper_files(root)
        raw = [path.read_bytes() for path in paths]
        texts = [data.decode("utf-8") for data in raw]
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        stages = {
            # Each result is dropped at once, as the checker drops the nodes (keeping them all costs far more).
            "read the files": best_cpu(lambda: each(Path.read_bytes, paths)),
            "libyaml: compose the nodes": best_cpu(lambda: each(lambda text: yaml.compose(text, Loader=loader), texts)),
            "parse_yaml: compose, refuse risky YAML, values, line table": best_cpu(lambda: each(lambda data: parse_yaml(data, "x"), raw)),
            "load_catalogue: everything (schema walk, models, cross-file rules)": best_cpu(lambda: load_catalogue(root)),
        }
        command = run([sys.executable, "-m", "adgdm", "--root", str(root), "check"], root)
        startup = run([sys.executable, "-m", "adgdm", "--help"], root)
    rows = [[name, f"{seconds:.2f}", f"{1000 * seconds / args.n:.3f}"] for name, seconds in stages.items()]
    rows.append(["`python -m adgdm --help` (interpreter start and imports)", f"{startup.cpu:.2f}", ""])
    rows.append(["`python -m adgdm check`, the command (CPU; wall in brackets)", f"{command.cpu:.2f} ({command.wall:.2f})",
                 f"{1000 * command.cpu / args.n:.3f}"])
    print(f"Checker at {args.n:,} synthetic papers; reference loop {reference_loop_ms():.0f} ms CPU\n")
    print(markdown_table(["stage", "CPU s", "ms/paper"], rows))
    print("\nNested, not added up: composing is part of parse_yaml, which load_catalogue runs on each file it reads.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
