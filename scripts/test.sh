#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the Python test dependencies and the
# programs the tests drive, then runs the linters, the checker, a strict build and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -c constraints.txt -e '.[test]'
VIRTUAL_ENV="$PWD/.venv" bash scripts/install-test-tools.sh
# The HTML checker and axe-core, at the versions package-lock.json pins (no install scripts run).
npm ci --ignore-scripts --no-audit --no-fund --silent

export NO_MKDOCS_2_WARNING=1
echo "== ruff";   .venv/bin/ruff check hooks tests scripts
echo "== mypy";   .venv/bin/mypy
echo "== check";  .venv/bin/python -m adgdm check
# No -q: it silences the warnings that --strict turns into a failure.
echo "== build";  site_dir="$(mktemp -d)"; .venv/bin/mkdocs build --strict -d "$site_dir"; rm -rf "$site_dir"
echo "== pytest"; .venv/bin/pytest -q "$@"
