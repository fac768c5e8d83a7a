"""The package's shape: stages that import only downwards, no import cycles, no MkDocs in the core,
short functions, a thin adapter that uses only the public API, and that API kept in step.

Read from the source with `ast` (nothing is imported but the package itself, for the API).
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import adgdm

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
PACKAGE = HOOKS / "adgdm"
ADAPTER = HOOKS / "mkdocs_adapter.py"

STAGES = ("data", "citations", "site", "contrib")
"""In pipeline order: a module imports only from its own stage and the stages before it."""
TOP = len(STAGES)
"""The rank of the top-level modules (the CLI, the project reader, the public API)."""

MAX_FUNCTION_LINES = 60
MAX_TOP_LEVEL_MODULES = 10
MAX_ADAPTER_LINES = 100


def module_name(path: Path) -> str:
    parts = list(path.relative_to(HOOKS).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def imported(path: Path) -> Iterator[str]:
    """Every module an import anywhere in the file names (in functions and TYPE_CHECKING blocks too)."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], base]).strip(".")
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base


def graph() -> dict[str, set[str]]:
    """adgdm module -> the adgdm modules it imports (a package's __init__ counts when named)."""
    return {name: {target for target in imported(path) if target in modules() and target != name}
            for name, path in modules().items()}


def rank(name: str) -> int:
    parts = name.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else TOP


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), and modules importing themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles_among_the_modules() -> None:
    assert cycles(graph()) == []


def test_each_stage_imports_only_from_itself_and_the_stages_before_it() -> None:
    upward = sorted(f"{name} ({rank(name)}) imports {target} ({rank(target)})"
                    for name, targets in graph().items() for target in targets
                    if rank(target) > rank(name))
    assert upward == []


def test_the_core_never_imports_mkdocs() -> None:
    found = sorted(f"{name}: {target}" for name, path in modules().items() for target in imported(path)
                   if target.split(".")[0] in ("mkdocs", "material"))
    assert found == []


def test_no_function_is_longer_than_sixty_lines() -> None:
    long = sorted(f"{path.relative_to(HOOKS)}:{node.lineno}: {node.name} ({node.end_lineno - node.lineno + 1} lines)"
                  for path in [*modules().values(), ADAPTER] for node in ast.walk(tree(path))
                  if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno
                  and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES)
    assert long == []


def test_the_stages_hold_the_modules_and_the_top_level_stays_small() -> None:
    top_level = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top_level) <= MAX_TOP_LEVEL_MODULES, top_level
    assert all((PACKAGE / stage / "__init__.py").exists() for stage in STAGES)


def test_every_module_says_in_its_first_line_what_it_holds() -> None:
    silent = sorted(name for name, path in modules().items() if not (ast.get_docstring(tree(path)) or "").strip())
    assert silent == []


def test_the_adapter_is_thin_and_uses_only_the_public_api() -> None:
    assert len(ADAPTER.read_text(encoding="utf-8").splitlines()) < MAX_ADAPTER_LINES
    from_core = sorted({target for target in imported(ADAPTER) if target.split(".")[0] == "adgdm"})
    assert from_core == ["adgdm"]
    used = {alias.name for node in ast.walk(tree(ADAPTER)) if isinstance(node, ast.ImportFrom) and node.module == "adgdm"
            for alias in node.names}
    assert used <= set(adgdm.__all__)


def test_the_public_api_lists_each_name_once_with_the_module_that_defines_it() -> None:
    declared = {alias.name: node.module for node in ast.walk(tree(PACKAGE / "__init__.py"))
                if isinstance(node, ast.ImportFrom) and node.level == 1 for alias in node.names}
    assert sorted(adgdm.__all__) == sorted(set(adgdm.__all__)) == sorted(declared) == sorted(adgdm._HOMES)
    assert declared == adgdm._HOMES
    for name, home in adgdm._HOMES.items():
        assert getattr(adgdm, name) is getattr(importlib.import_module(f"adgdm.{home}"), name)


def test_importing_the_package_loads_none_of_its_modules() -> None:
    """`python -m adgdm check` stays quick to start: the API imports each name on first use."""
    code = "import sys, adgdm; print(sorted(m for m in sys.modules if m.startswith('adgdm.')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
