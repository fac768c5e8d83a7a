"""Dependencies: tested ranges in pyproject.toml, exact tested versions in constraints.txt and
package-lock.json, and no known vulnerability in the pinned versions.

Regenerate constraints.txt after changing a dependency (with the new versions installed and tested):
    .venv/bin/python -m tests.test_security_dependencies > constraints.txt
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
# Installers themselves are not pinned (like `pip freeze`): scripts/test.sh upgrades pip first.
INSTALLERS = frozenset({"pip", "setuptools", "wheel"})
REGENERATE = ".venv/bin/python -m tests.test_security_dependencies > constraints.txt"
HEADER = f"""\
# The exact versions the test suite passes with: the project's dependencies and test extra, and
# everything they pull in. Used as `pip install -c constraints.txt -e '.[test]'`.
# Regenerate after a dependency change: {REGENERATE}
"""


def project_requirements() -> list[Requirement]:
    """The project's own requirements, with the test extra, as pyproject.toml declares them (an installed
    copy's metadata may be older than the checkout)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def installed_closure() -> dict[str, str]:
    """Every distribution the project needs (test extra included), with its installed version."""
    pins: dict[str, str] = {}
    todo = [(requirement.name, frozenset(requirement.extras)) for requirement in project_requirements()]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (canonicalize_name(name), extras) in seen:
            continue
        seen.add((canonicalize_name(name), extras))
        distribution = metadata.distribution(name)
        pins[canonicalize_name(name)] = distribution.version
        for text in distribution.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or any(requirement.marker.evaluate({"extra": extra}) for extra in extras | {""}):
                todo.append((requirement.name, frozenset(requirement.extras)))
    return {name: version for name, version in pins.items() if name not in INSTALLERS}


def render_constraints() -> str:
    return HEADER + "".join(f"{name}=={version}\n" for name, version in sorted(installed_closure().items()))


def pinned() -> dict[str, str]:
    lines = [line for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return dict(line.split("==", 1) for line in lines)


def test_constraints_pin_exactly_the_installed_and_tested_versions() -> None:
    assert CONSTRAINTS.read_text(encoding="utf-8") == render_constraints(), f"constraints.txt is out of date; run {REGENERATE}"


def test_every_direct_dependency_has_a_tested_range() -> None:
    versions = pinned()
    problems = []
    for requirement in project_requirements():
        operators = {spec.operator for spec in requirement.specifier}
        if not operators & {"<", "<=", "==", "~="}:
            problems.append(f"{requirement}: no upper bound")
        if Version(versions[canonicalize_name(requirement.name)]) not in requirement.specifier:
            problems.append(f"{requirement}: the pinned {versions[canonicalize_name(requirement.name)]} is outside the range")
    assert problems == []


def _reachable(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, TimeoutError):
        return False


def test_the_pinned_python_packages_have_no_known_vulnerability(tmp_path: Path) -> None:
    # pip-audit reads each release's vulnerabilities from PyPI's per-release JSON API.
    if not _reachable("https://pypi.org/pypi/pip/24.0/json"):
        pytest.skip("PyPI's vulnerability data (pypi.org/pypi/<name>/<version>/json) is out of reach from here")
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--requirement", str(CONSTRAINTS), "--no-deps", "--disable-pip", "--strict",
         "--progress-spinner", "off", "--cache-dir", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No known vulnerabilities found" in result.stderr + result.stdout


def test_node_packages_are_pinned_and_locked_with_integrity_hashes() -> None:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    wanted = package["devDependencies"]
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in wanted.values()), wanted
    assert lock["lockfileVersion"] >= 2
    assert lock["packages"][""]["devDependencies"] == wanted
    locked = {path.removeprefix("node_modules/"): entry for path, entry in lock["packages"].items() if path}
    assert {name: locked[name]["version"] for name in wanted} == wanted
    assert [name for name, entry in locked.items() if not entry.get("integrity", "").startswith("sha512-")] == []


def test_the_locked_node_packages_have_no_known_vulnerability() -> None:
    result = subprocess.run(["npm", "audit", "--package-lock-only", "--json"], capture_output=True, text=True, cwd=ROOT, check=False)
    report = json.loads(result.stdout or "{}")
    if "metadata" not in report:
        pytest.skip(f"the npm registry's audit service is out of reach from here ({report.get('message', result.stderr[:200])})")
    assert report["metadata"]["vulnerabilities"]["total"] == 0, result.stdout


if __name__ == "__main__":
    sys.stdout.write(render_constraints())
