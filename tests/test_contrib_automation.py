"""The weekly link-health workflow (least privilege, pinned actions, one issue opened, updated or
closed) and the pre-commit hooks (the checker, ruff and the README/forms sync checks)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"
ISSUE_STEP = "Open, update or close the link-health issue"
TITLE = "Link health: dead or moved links"


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps() -> list[dict[str, Any]]:
    return list(workflow()["jobs"]["links"]["steps"])


def test_the_workflow_runs_weekly_with_least_privilege() -> None:
    document = workflow()
    triggers = document.get("on", document.get(True))  # YAML 1.1 reads a bare `on` as true
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and re.fullmatch(r"[0-6]", weekday) and minute.isdigit() and hour.isdigit()
    assert "workflow_dispatch" in triggers
    assert document["permissions"] == {}
    assert document["jobs"]["links"]["permissions"] == {"contents": "read", "issues": "write"}


def test_every_action_is_pinned_to_a_full_commit() -> None:
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
    checkout = next(step for step in steps() if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_the_workflow_runs_the_link_command() -> None:
    runs = [step.get("run", "") for step in steps()]
    assert any(run.startswith("python -m adgdm links --output link-report.md") for run in runs)


DEAD = "# Link check\n\n1 links of `papers/` checked: 1 dead.\n\n## Dead links (1)\n\n| Link | Problem | Used in |\n"
CLEAN = "# Link check\n\n1 links of `papers/` checked: 0 dead.\n\n## Refused the checker (1)\n"


@pytest.mark.parametrize(("report", "open_issue", "expected"), [
    (DEAD, "", [f"issue create --title {TITLE} --body-file link-report.md"]),
    (DEAD, "7", ["issue edit 7 --body-file link-report.md"]),
    (CLEAN, "7", ["issue comment 7 --body The weekly check found no dead or moved link any more; closing.", "issue close 7"]),
    (CLEAN, "", []),
])
def test_one_issue_is_opened_updated_or_closed(tmp_path: Path, report: str, open_issue: str, expected: list[str]) -> None:
    """Run the step's script with a stand-in `gh` that records its calls."""
    script = next(step["run"] for step in steps() if step.get("name") == ISSUE_STEP)
    fake = tmp_path / "bin" / "gh"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\necho "$*" >> "$GH_LOG"\nif [ "$1 $2" = "issue list" ]; then echo "$OPEN_ISSUE"; fi\n', encoding="utf-8")
    fake.chmod(0o755)
    (tmp_path / "link-report.md").write_text(report, encoding="utf-8")
    log = tmp_path / "gh.log"
    env = {**os.environ, "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}", "GH_LOG": str(log), "OPEN_ISSUE": open_issue}
    subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, check=True)
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith(f'issue list --state open --search "{TITLE}" in:title')
    assert calls[1:] == expected


def hooks() -> list[dict[str, Any]]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    return list(repo["hooks"])


def test_pre_commit_runs_the_checker_ruff_and_the_sync_checks() -> None:
    entries = {hook["id"]: hook["entry"] for hook in hooks()}
    assert entries == {
        "adgdm-check": "python -m adgdm check",
        "ruff": "ruff check hooks tests",
        "adgdm-readme": "python -m adgdm readme --check",
        "adgdm-forms": "python -m adgdm forms --check",
    }
    for hook in hooks():
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "system"
        assert hook["pass_filenames"] is False
        re.compile(hook.get("files", ""))


@pytest.mark.parametrize("hook_id", ["adgdm-check", "adgdm-readme", "adgdm-forms"])
def test_the_project_hooks_pass_on_the_repository(hook_id: str) -> None:
    entry = next(hook["entry"] for hook in hooks() if hook["id"] == hook_id)
    command = shlex.split(entry)
    assert command[0] == "python"
    result = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
