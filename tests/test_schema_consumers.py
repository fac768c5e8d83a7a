"""The published JSON Schema with the validators editors and CI use, at their default settings:
check-jsonschema (PyPI, pinned in the test extra), Ajv's draft 2020-12 class and the YAML
language server behind VS Code's YAML extension (npm, pinned in package.json) load it, accept
every paper file, and reject a broken copy for each rule the schema can state; its `$id` is the
address it is published at."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from adgdm.data.catalogue import Catalogue
from adgdm.data.json_schema import SCHEMA_PATH, paper_json_schema

from .conftest import CORPUS, FIXTURES, ROOT
from .consumer_tools import ajv_2020, check_jsonschema, yaml_language_server

PAPERS = sorted((ROOT / "papers").glob("*.yaml"))

# Broken fixtures (tests/fixtures/invalid/) whose rule no JSON Schema can state, or that are not a
# question for a schema at all, with the reason. Every other one must be rejected.
OUTSIDE_THE_SCHEMA = {
    "alias": "YAML aliases: a question for the YAML reader, before any schema",
    "alias_bomb": "YAML aliases (check-jsonschema's YAML reader runs out of stack on it)",
    "deep_nesting": "nesting depth is a YAML-reader limit",
    "include_tag": "YAML tags", "python_tag": "YAML tags", "merge_key": "YAML merge keys",
    "invalid_yaml": "not YAML", "multiple_documents": "a second YAML document",
    "key_with_line_break": "a YAML key's characters", "number_key": "a YAML key's type",
    "duplicate_arxiv": "across files", "duplicate_doi": "across files", "duplicate_title": "across files",
    "id_mismatch": "the file's name",
    "unknown_column": "a column of the result's own benchmark",
    "title_boolean": "YAML 1.1 reads `no` as false; check-jsonschema reads YAML 1.2, where it is text",
    "site_repeat": "a node in both taxonomy lists: keys of one field compared with items of another",
    "verified_future": "a date compared with the day of the check",
    "zed2026added": "a rule that depends on the date the paper was added",
}

# A valid fixture file with one field broken, for the rules no fixture above breaks.
BASE = CORPUS / "papers" / "doe2025fixture.yaml"
BROKEN_COPIES = {
    "summary_too_short": ("summary", "Too few words here."),
    "summary_too_long": ("summary", " ".join(["word"] * 41)),
    "reason_too_short": ("site_taxonomy", {"density-based": "too short"}),
    "date_not_a_date": ("added", "2025-02-30x"),
    "doi_with_quote": ("doi", '10.1234/a"b'),
    "url_with_space": ("url", "https://example.org/a b"),
    "title_deeply_braced": ("title", "{{{{Four}}}} Levels"),
}


@pytest.fixture(scope="module")
def corpus_schema(tmp_path_factory: pytest.TempPathFactory, corpus_catalogue: Catalogue) -> Path:
    path = tmp_path_factory.mktemp("schema") / "paper.schema.json"
    path.write_text(paper_json_schema(corpus_catalogue.vocabularies(), "https://example.org/adgdm/", corpus_catalogue.papers,
                                      corpus_catalogue.venues), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def broken_copies(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("broken")
    # Dates as the quoted strings paper files hold (the fixture writes them bare, which YAML reads as dates).
    base = json.loads(json.dumps(yaml.safe_load(BASE.read_text(encoding="utf-8")), default=str))
    copies = []
    for name, (field, value) in BROKEN_COPIES.items():
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump({**base, "id": name, field: value}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        copies.append(path)
    return copies


def rejected(result: subprocess.CompletedProcess[str]) -> set[str]:
    """The files check-jsonschema reported, by stem."""
    return {Path(name).stem for name in re.findall(r"^\s+(?:Failed to parse )?(\S+\.yaml)", result.stdout + result.stderr, re.M)}


def test_the_published_schema_is_addressed_where_it_is_published(built_site: Path, site_port: int) -> None:
    schema = json.loads((built_site / SCHEMA_PATH).read_text(encoding="utf-8"))
    assert schema["$id"] == f"http://127.0.0.1:{site_port}/{SCHEMA_PATH}"
    assert schema["properties"]["added"] == {"description": "Date the paper joined the catalogue.", "type": "string",
                                             "pattern": r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$"}
    assert '"format"' not in (built_site / SCHEMA_PATH).read_text(encoding="utf-8")


def test_check_jsonschema_accepts_every_paper_file_with_the_published_schema(built_site: Path) -> None:
    result = check_jsonschema(built_site / SCHEMA_PATH, PAPERS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_check_jsonschema_rejects_a_broken_copy_for_every_rule_it_can_state(corpus_schema: Path,
                                                                             broken_copies: list[Path]) -> None:
    fixtures = [path for path in sorted((FIXTURES / "invalid").glob("*.yaml")) if path.stem not in OUTSIDE_THE_SCHEMA]
    assert len(fixtures) > 40
    result = check_jsonschema(corpus_schema, [*fixtures, *broken_copies])
    assert result.returncode == 1
    assert sorted({path.stem for path in [*fixtures, *broken_copies]} - rejected(result)) == []
    assert check_jsonschema(corpus_schema, sorted((CORPUS / "papers").glob("*.yaml"))).returncode == 0


def test_the_checker_rejects_the_broken_copies_too(tmp_path: Path, broken_copies: list[Path]) -> None:
    """The schema is never stricter than the checker: each copy it rejects is an error for `adgdm check`."""
    for copy in broken_copies:
        root = tmp_path / copy.stem
        shutil.copytree(CORPUS, root)
        (root / "papers" / copy.name).write_text(copy.read_text(encoding="utf-8"), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "adgdm", "--root", str(root), "check"], capture_output=True, text=True,
                                check=False)
        assert result.returncode == 1 and f"papers/{copy.name}:" in result.stderr, (copy.stem, result.stderr)


def as_json(paths: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        target = folder / f"{path.stem}.json"
        target.write_text(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), allow_nan=False), encoding="utf-8")
        written.append(target)
    return written


def test_ajv_2020_compiles_the_published_schema_and_accepts_every_paper_file(built_site: Path, tmp_path: Path) -> None:
    errors, warnings = ajv_2020(built_site / SCHEMA_PATH, as_json(PAPERS, tmp_path))
    assert (errors, warnings) == ({}, [])


def test_ajv_2020_reads_the_patterns_as_check_jsonschema_does(corpus_schema: Path, broken_copies: list[Path], tmp_path: Path) -> None:
    """The same broken copies fail under ECMA-262 regular expressions with the `u` flag."""
    errors, warnings = ajv_2020(corpus_schema, as_json(broken_copies, tmp_path))
    assert warnings == []
    assert sorted(Path(name).stem for name in errors) == sorted(path.stem for path in broken_copies)


def test_the_yaml_language_server_accepts_every_paper_file_and_rejects_the_broken_copies(
        built_site: Path, corpus_schema: Path, broken_copies: list[Path]) -> None:
    assert yaml_language_server(built_site / SCHEMA_PATH, PAPERS) == {}
    fixtures = [path for path in sorted((FIXTURES / "invalid").glob("*.yaml")) if path.stem not in OUTSIDE_THE_SCHEMA]
    flagged = yaml_language_server(corpus_schema, [*fixtures, *broken_copies])
    assert sorted({path.stem for path in [*fixtures, *broken_copies]} - {Path(name).stem for name in flagged}) == []
    assert yaml_language_server(corpus_schema, sorted((CORPUS / "papers").glob("*.yaml"))) == {}


def test_a_book_needs_a_publisher_when_its_venue_names_none(tmp_path: Path, corpus_catalogue: Catalogue) -> None:
    venues = {**corpus_catalogue.venues, "FBOOK": replace(corpus_catalogue.venues["FBOOK"], publisher="")}
    schema = tmp_path / "paper.schema.json"
    schema.write_text(paper_json_schema(corpus_catalogue.vocabularies(), "https://example.org/", corpus_catalogue.papers, venues),
                      encoding="utf-8")
    book = json.loads(json.dumps(yaml.safe_load((CORPUS / "papers" / "poe2022book.yaml").read_text(encoding="utf-8")), default=str))
    (tmp_path / "with.yaml").write_text(yaml.safe_dump({**book, "publisher": "Own Press"}), encoding="utf-8")
    (tmp_path / "without.yaml").write_text(yaml.safe_dump({k: v for k, v in book.items() if k != "publisher"}), encoding="utf-8")
    assert check_jsonschema(schema, [tmp_path / "with.yaml"]).returncode == 0
    result = check_jsonschema(schema, [tmp_path / "without.yaml"])
    assert result.returncode == 1 and "'publisher' is a required property" in result.stdout
