"""The project's mutation run: mutmut over the core modules, with the fast tests, and its score per module.

    .venv/bin/python scripts/mutation.py                 # mutate the core (pyproject's [tool.mutmut] only_mutate)
    .venv/bin/python scripts/mutation.py 'adgdm.data.keys.*'   # only the mutants whose names match
    .venv/bin/python scripts/mutation.py --scores        # print the scores of the last run again
    .venv/bin/python scripts/mutation.py --survivors     # list the mutants that survived (then `--show NAME`)

mutmut imports the mutated package from `mutants/`, `mutants/src` or `mutants/source` only, and
names each mutant after the file's path there, so the package must sit at `src/adgdm`. This script
lays out that tree in `.mutation/` (git-ignored): the repository's files with `hooks/adgdm` copied
to `src/adgdm`; mutmut then copies it to `.mutation/mutants/` and mutates the copy. The working
tree is only read: no mutated file is ever written outside `.mutation/`, so `git status` stays clean.

The next run starts from the results of the last one and tests again only the mutants of
functions that changed (or whose tests changed); `--fresh` starts over.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = ROOT / ".mutation"
SOURCE = STAGE / "src" / "adgdm"
MUTANTS = STAGE / "mutants"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")

KILLED = {1, 3, 36, 24, -24, 152, 255, 37}
"""mutmut's exit codes of a killed mutant: a failing test, pytest's internal error, a timeout, a type error."""
SURVIVED = {0}
NO_TESTS = {5, 33}


def stage() -> None:
    """Lay out `.mutation/`: the repository's files, `hooks/adgdm` as `src/adgdm`."""
    STAGE.mkdir(exist_ok=True)
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    for name in [*config.get("also_copy", ()), "tests", "pyproject.toml"]:
        source, target = ROOT / name, STAGE / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target, ignore=IGNORED)
        elif source.exists():
            shutil.copy2(source, target)
    if SOURCE.exists():
        shutil.rmtree(SOURCE)
    shutil.copytree(ROOT / "hooks" / "adgdm", SOURCE, ignore=IGNORED)
    # The HTML checker's jar (tests/test_integrity_html.py): linked, not copied (35 MB).
    MUTANTS.mkdir(exist_ok=True)
    link = MUTANTS / "node_modules"
    if (ROOT / "node_modules").is_dir() and not link.exists():
        link.symlink_to(ROOT / "node_modules")


def mutmut(*arguments: str) -> int:
    """Run mutmut in `.mutation/`.

    mutmut puts the mutated copy first on the path of the tests it runs; a test that starts
    `python -m adgdm` gets the unmutated copy (an installed package may be another tree), so such
    tests pass but kill nothing: the tests that check the core call it in their own process.
    """
    env = {**os.environ, "PYTHONPATH": str(SOURCE.parent), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mutmut", *arguments], cwd=STAGE, env=env, check=False).returncode


def scores() -> list[tuple[str, Counter[str]]]:
    """Per mutated module: how many mutants were killed, survived, had no test, or were not run."""
    table = []
    for meta in sorted((MUTANTS / "src").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if not codes:
            continue
        counts: Counter[str] = Counter()
        for code in codes.values():
            counts["killed" if code in KILLED else "survived" if code in SURVIVED
                   else "no tests" if code in NO_TESTS else "not run" if code is None else "other"] += 1
        module = meta.relative_to(MUTANTS / "src").as_posix().removesuffix(".py.meta").replace("/", ".")
        table.append((module, counts))
    return table


def print_scores() -> None:
    print("| module | mutants | killed | survived | no tests | score |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    total: Counter[str] = Counter()
    for module, counts in scores():
        total += counts
        print(row(f"`{module}`", counts))
    print(row("**all**", total))


def row(name: str, counts: Counter[str]) -> str:
    tested = counts["killed"] + counts["survived"] + counts["no tests"] + counts["other"]
    score = f"{100 * counts['killed'] / tested:.1f} %" if tested else "-"
    return f"| {name} | {counts.total()} | {counts['killed']} | {counts['survived']} | {counts['no tests']} | {score} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="mutant name patterns, e.g. 'adgdm.data.keys.*' (default: all)")
    parser.add_argument("--fresh", action="store_true", help="forget the last run's results")
    parser.add_argument("--max-children", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--scores", action="store_true", help="only print the scores of the last run")
    parser.add_argument("--survivors", action="store_true", help="only list the mutants that were not killed")
    parser.add_argument("--show", metavar="NAME", help="only show the diff of one mutant")
    options = parser.parse_args()
    if options.scores:
        print_scores()
        return 0
    if options.survivors:
        return mutmut("results")
    if options.show:
        return mutmut("show", options.show)
    if options.fresh and STAGE.exists():
        shutil.rmtree(STAGE)
    stage()
    status = mutmut("run", "--max-children", str(options.max_children), *options.names)
    print_scores()
    return status


if __name__ == "__main__":
    sys.exit(main())
