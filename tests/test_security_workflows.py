"""GitHub workflows: least-privilege permissions, actions pinned to full commit SHAs, no script injection."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
# The only scopes a job may write with, each for one job's reason; the workflow itself only reads.
WRITABLE = {
    "pages": "pages.yml deploys the built site",
    "id-token": "pages.yml proves to GitHub Pages which workflow deploys",
    "issues": "links.yml keeps one issue listing dead links",
    "contents": "refresh.yml pushes the branch of its weekly pull request",
    "pull-requests": "refresh.yml opens or updates that one pull request",
}
# `owner/repo[/path]@<40 hex> # v1.2.3`: a commit cannot be moved the way a tag can; the comment says which release it is.
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d[\w.-]*")
# Values an outsider controls (a pull request's title, branch name, ...) must not be pasted into a shell script.
UNTRUSTED = re.compile(r"\$\{\{[^}]*(github\.event\.|github\.head_ref|inputs\.)")


def load(path: Path) -> dict[str, Any]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in workflow:  # YAML 1.1 reads the key `on` as the boolean true
        workflow["on"] = workflow.pop(True)
    return dict(workflow)


def test_the_ci_and_pages_workflows_are_among_those_checked() -> None:
    assert {"ci.yml", "pages.yml"} <= {path.name for path in WORKFLOWS}


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_permissions_are_read_only_but_for_named_job_scopes(path: Path) -> None:
    workflow = load(path)
    assert isinstance(workflow.get("permissions"), dict), "top-level permissions: must be set explicitly"
    assert set(workflow["permissions"].values()) <= {"read", "none"}, workflow["permissions"]
    for name, job in workflow["jobs"].items():
        writes = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        assert writes <= set(WRITABLE), f"{name} writes {writes - set(WRITABLE)}"
        # Code from a pull request never runs with a token that can write.
        assert not (writes and "pull_request" in workflow["on"]), f"{name} writes in a pull-request workflow"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    references = re.findall(r"^\s*(?:-\s*)?uses:\s*(.+?)\s*$", path.read_text(encoding="utf-8"), re.M)
    assert references
    assert [ref for ref in references if not (ref.startswith("./") or PINNED.fullmatch(ref))] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_no_untrusted_trigger_credential_or_injection(path: Path) -> None:
    workflow = load(path)
    triggers = workflow["on"] if isinstance(workflow["on"], (dict, list)) else [workflow["on"]]
    assert "pull_request_target" not in triggers and "workflow_run" not in triggers
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, "checkout must not keep the token"
            assert not UNTRUSTED.search(step.get("run", "")), step["run"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_no_export_hides_the_status_of_a_command_substitution(path: Path) -> None:
    """shellcheck's SC2155: `export NAME="$(command)"` returns export's status, so a failing command
    goes unnoticed even under `set -e`; assign first, then export."""
    scripts = [step.get("run", "") for job in load(path)["jobs"].values() for step in job.get("steps", [])]
    assert [line.strip() for script in scripts for line in script.splitlines()
            if re.match(r"\s*(?:export|local|declare|readonly)\s+\w+=\"?\$\(", line)] == []
