"""Command line: `python -m adgdm check` (and the maintainer commands added beside it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalogue import load_catalogue
from .jsonschema import paper_json_schema
from .problems import InvalidData


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
    sys.stdout.write(paper_json_schema(catalogue.vocabularies()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m adgdm", description="Check and maintain the ADGDM paper catalogue.")
    parser.add_argument("--root", default=".", help="the repository folder that holds papers/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every paper and vocabulary file").set_defaults(run=_check)
    commands.add_parser("schema", help="print the JSON Schema of paper files").set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))
