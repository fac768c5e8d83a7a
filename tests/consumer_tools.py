"""Helpers that run the real consumers of the site's files: citation-js, Ajv and the YAML language
server (with node, from tests/node/) and check-jsonschema (the Python package), each at its
default settings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from .conftest import ROOT

NODE_SCRIPTS = Path(__file__).resolve().parent / "node"


def _node(script: str, *arguments: str) -> dict[str, Any]:
    result = subprocess.run(["node", str(NODE_SCRIPTS / script), *arguments], capture_output=True, text=True, cwd=ROOT,
                            check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    return dict(json.loads(result.stdout))


def citation_js(kind: str, path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """What citation-js reads from a RIS ("ris"), BibTeX ("bibtex") or CSL-JSON ("csl") file: its CSL
    items and one APA reference per item."""
    read = _node("citation_js.cjs", kind, str(path))
    return list(read["items"]), list(read["apa"])


def ajv_2020(schema: Path, documents: list[Path]) -> tuple[dict[str, list[str]], list[str]]:
    """Ajv's draft 2020-12 class, default options: (errors by document, the warnings it logged)."""
    read = _node("ajv_compile.cjs", str(schema), *map(str, documents))
    return dict(read["errors"]), list(read["warnings"])


def yaml_language_server(schema: Path, files: list[Path]) -> dict[str, list[str]]:
    """The YAML language server's diagnostics (VS Code's YAML extension), by file with any."""
    return dict(_node("yaml_language_server.mjs", str(schema), *map(str, files))["diagnostics"])


def check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with nothing but the schema file: its default format and regex checks."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, check=False, timeout=600)


def csl_names(item: dict[str, Any], key: str = "author") -> list[str]:
    """A CSL item's names as 'Family, Given' (or the literal name), in order."""
    names = []
    for name in item.get(key, []):
        if "literal" in name:
            names.append(name["literal"])
        else:
            particle = name.get("non-dropping-particle") or name.get("dropping-particle") or ""
            family = f"{particle} {name['family']}".strip()
            names.append(f"{family}, {name['given']}" if name.get("given") else family)
    return names
