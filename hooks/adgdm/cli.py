"""Command line: `python -m adgdm check` (and the maintainer commands added beside it)."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from .contrib.repo_files import write_or_check
from .data.catalogue import Catalogue, load_catalogue
from .data.json_schema import paper_json_schema
from .data.problems import InvalidData
from .project import read_project


def _check(args: argparse.Namespace) -> int:
    try:
        catalogue = load_catalogue(Path(args.root))
    except InvalidData as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"{len(catalogue.papers)} papers checked, no problems found")
    return 0


def _schema(args: argparse.Namespace) -> int:
    try:
        catalogue = load_catalogue(Path(args.root))
    except InvalidData as error:
        print(error.report(), file=sys.stderr)
        return 1
    try:
        site_url = read_project(Path(args.root)).site_url
    except OSError as error:
        print(f"cannot read the site's address (the schema's $id) from mkdocs.yml: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(paper_json_schema(catalogue.vocabularies(), site_url, catalogue.papers, catalogue.venues))
    return 0


# The maintainer commands import their modules when run: `check` (run on every commit) stays quick to start.


def _new(args: argparse.Namespace) -> int:
    from .contrib import new_paper as newpaper

    stdin_text = sys.stdin.read() if not args.inputs or "-" in args.inputs else None
    out = Path(args.out) if args.out else None
    return newpaper.run(args.inputs, Path(args.root), out, args.added or datetime.date.today(), stdin_text)


def _readme(args: argparse.Namespace) -> int:
    from .contrib import readme_tables as readme

    root = Path(args.root)
    catalogue = _catalogue(root)
    if catalogue is None:
        return 1
    try:
        text = readme.updated_readme((root / readme.README).read_text(encoding="utf-8"),
                                     readme.papers_block(catalogue, read_project(root).site_url))
    except (OSError, readme.MissingMarkers) as error:
        print(f"{readme.README}: {error}", file=sys.stderr)
        return 1
    return write_or_check(root, {readme.README: text}, args.check, "python -m adgdm readme")


def _forms(args: argparse.Namespace) -> int:
    from .contrib import issue_forms as forms

    root = Path(args.root)
    catalogue = _catalogue(root)
    if catalogue is None:
        return 1
    files = forms.form_files(catalogue.vocabularies(), read_project(root).site_url)
    return write_or_check(root, files, args.check, "python -m adgdm forms")


def _links(args: argparse.Namespace) -> int:
    from .contrib import link_health as links

    catalogue = _catalogue(Path(args.root))
    if catalogue is None:
        return 1
    verdicts = links.check_links(links.collect_links(catalogue), args.workers, args.per_host, args.timeout, args.slow)
    text = links.report(verdicts, args.slow)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    dead = sum(verdict.status == "dead" for verdict in verdicts)
    print(f"{len(verdicts)} links checked, {dead} dead", file=sys.stderr)
    return 1 if dead else 0


def _refresh(args: argparse.Namespace) -> int:
    import os

    from .contrib.refresh import command

    root = Path(args.root)
    try:
        site_url = read_project(root).site_url
    except OSError:  # a folder without mkdocs.yml: name the project by its repository
        site_url = command.PROJECT_URL
    return command.run(root, args.papers, args.write, Path(args.report) if args.report else None, os.environ, site_url, args.delay)


def _catalogue(root: Path) -> Catalogue | None:
    """The catalogue, or None after printing its problems."""
    try:
        return load_catalogue(root)
    except InvalidData as error:
        print(error.report(), file=sys.stderr)
        return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m adgdm", description="Check and maintain the ADGDM paper catalogue.")
    parser.add_argument("--root", default=".", help="the repository folder that holds papers/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every paper and vocabulary file").set_defaults(run=_check)
    commands.add_parser("schema", help="print the JSON Schema of paper files").set_defaults(run=_schema)
    new = commands.add_parser("new", help="write a skeleton paper file per BibTeX entry, arXiv id or DOI")
    new.add_argument("inputs", nargs="*", metavar="INPUT",
                     help="a .bib file, an arXiv id, a DOI, or - for BibTeX on standard input (the default)")
    new.add_argument("--out", help="the folder to write to (default: papers/ under --root)")
    new.add_argument("--added", type=datetime.date.fromisoformat, help="the date to record as `added` (default: today)")
    new.set_defaults(run=_new)
    check_links = commands.add_parser("links", help="check every external link of the papers and datasets")
    check_links.add_argument("--workers", type=int, default=8, help="requests at once (default: 8)")
    check_links.add_argument("--per-host", type=int, default=2, help="requests at once to one host (default: 2)")
    check_links.add_argument("--timeout", type=float, default=15.0, help="seconds before a link counts as dead (default: 15)")
    check_links.add_argument("--slow", type=float, default=5.0, help="seconds after which a working link is slow (default: 5)")
    check_links.add_argument("--output", help="write the Markdown report to this file instead of standard output")
    check_links.set_defaults(run=_links)
    refresh = commands.add_parser(
        "refresh", help="ask arXiv, Crossref, Semantic Scholar and GitHub what changed (exit 0: all answered, 1: one failed, 2: bad usage)")
    refresh.add_argument("papers", nargs="*", metavar="PAPER_ID", help="only these papers (default: all)")
    refresh.add_argument("--write", action="store_true", help="edit the paper files and code_stats.yaml (only if the result checks)")
    refresh.add_argument("--report", help="write the Markdown report to this file instead of standard output")
    refresh.add_argument("--delay", type=float, help="seconds between arXiv requests (default: ADGDM_REFRESH_DELAY or 3)")
    refresh.set_defaults(run=_refresh)
    for name, run, what in (("readme", _readme, "the paper tables of README.md"),
                            ("forms", _forms, "the GitHub issue forms in .github/ISSUE_TEMPLATE")):
        sync = commands.add_parser(name, help=f"regenerate {what} from papers/")
        sync.add_argument("--check", action="store_true", help="change nothing; exit with 1 if they are out of date")
        sync.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))
