"""The weekly refresh workflow: least privilege, the refresh command, and one pull request opened or updated
(its script run against a throw-away repository and a stand-in `gh`)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "refresh.yml"
PR_STEP = "Open or update the refresh pull request"


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps() -> list[dict[str, Any]]:
    return list(workflow()["jobs"]["refresh"]["steps"])


def test_the_workflow_runs_weekly_and_on_demand_with_only_the_scopes_a_pull_request_needs() -> None:
    document = workflow()
    triggers = document.get("on", document.get(True))
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert document["permissions"] == {}
    assert document["jobs"]["refresh"]["permissions"] == {"contents": "write", "pull-requests": "write"}


def test_the_workflow_writes_the_refresh_and_its_report() -> None:
    runs = "\n".join(step.get("run", "") for step in steps())
    assert "python -m adgdm refresh --write --report refresh-report.md" in runs


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    git(tmp_path, "init", "-q", "-b", "main", str(work))
    (work / "papers").mkdir()
    (work / "papers" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    git(work, "add", ".")
    git(work, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start")
    git(work, "remote", "add", "origin", str(origin))
    (work / "refresh-report.md").write_text("# Catalogue refresh\n", encoding="utf-8")
    return work


def run_step(work: Path, open_pr: str) -> list[str]:
    fake = work.parent / "bin" / "gh"
    fake.parent.mkdir(exist_ok=True)
    fake.write_text('#!/bin/sh\necho "$*" >> "$GH_LOG"\nif [ "$1 $2" = "pr list" ]; then echo "$OPEN_PR"; fi\n', encoding="utf-8")
    fake.chmod(0o755)
    log = work.parent / "gh.log"
    env = {**os.environ, "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}", "GH_LOG": str(log), "OPEN_PR": open_pr,
           "GIT_CONFIG_GLOBAL": os.devnull}
    script = next(step["run"] for step in steps() if step.get("name") == PR_STEP)
    subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env, check=True, capture_output=True)
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_nothing_changed_means_no_pull_request(checkout: Path) -> None:
    assert run_step(checkout, "") == []


@pytest.mark.parametrize(("open_pr", "last_call"), [
    ("", "pr create --head automation/catalogue-refresh --title Catalogue refresh --body-file pr-body.md"),
    ("12", "pr edit 12 --body-file pr-body.md"),
])
def test_changes_open_or_update_the_one_pull_request(checkout: Path, open_pr: str, last_call: str) -> None:
    (checkout / "papers" / "a.yaml").write_text("id: a\nyear: 2025\n", encoding="utf-8")
    (checkout / "papers" / "vocabulary").mkdir()
    (checkout / "papers" / "vocabulary" / "code_stats.yaml").write_text('"o/r":\n  stars: 3\n', encoding="utf-8")
    calls = run_step(checkout, open_pr)
    assert calls[0] == "auth setup-git" and calls[-1] == last_call
    pushed = git(checkout.parent / "origin.git", "show", "--stat", "--format=%s", "automation/catalogue-refresh")
    assert pushed.startswith("Catalogue refresh") and "papers/vocabulary/code_stats.yaml" in pushed
