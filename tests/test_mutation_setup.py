"""The mutation run's setup: the modules it mutates exist, its copy stays out of git, and the fast
tests it runs are told apart from the browser and build tests at collection."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from . import conftest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]


def test_every_mutated_module_exists_in_hooks_and_none_is_left_commented_out() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.findall(r'^\s*# "(src/adgdm/[\w/]+\.py)",$', text, re.M) == []
    # The core (8 modules) and the second target: the citation formats and the JSON Schema.
    assert len(CONFIG["only_mutate"]) == 13
    assert "src/adgdm/citations/bibtex.py" in CONFIG["only_mutate"]
    for path in CONFIG["only_mutate"]:
        assert (ROOT / "hooks" / path.removeprefix("src/")).is_file(), path
    assert CONFIG["source_paths"] == ["src/adgdm"]


def test_the_copy_the_run_works_in_is_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/.mutation/" in ignored and "mutants/" in ignored


def test_the_run_uses_the_fast_tests_only() -> None:
    arguments = CONFIG["pytest_add_cli_args"]
    assert arguments[arguments.index("-m") + 1] == "not browser and not build"


def test_a_test_is_a_build_test_when_its_code_or_a_nested_function_names_a_builder() -> None:
    def builds() -> None:
        conftest.mkdocs_build(ROOT, ROOT)

    def builds_inside() -> object:
        return lambda: conftest.built_corpus(ROOT)

    def reads() -> None:
        conftest.copy_project(ROOT)

    assert conftest._names_a_builder(builds.__code__)
    assert conftest._names_a_builder(builds_inside.__code__)
    assert not conftest._names_a_builder(reads.__code__)
