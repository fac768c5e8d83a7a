"""Strict by default: every MkDocs validation warns, and `mkdocs build --strict` fails on any warning.

A broken link, anchor or nav entry in a hand-written page is caught by the build itself.
(`mkdocs build -q` silences warnings before --strict counts them: builds here never use -q.)
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import load_config

from .conftest import CORPUS, ROOT, copy_project, mkdocs_build

# Each defect added to a copy of the project, and the warning MkDocs gives for it.
DEFECTS = {
    "[a](missing.md)": "WARNING -  Doc file 'about.md' contains a link 'missing.md', but the target is not found among "
                       "documentation files.",
    "[b](cite.md#nowhere)": "WARNING -  Doc file 'about.md' contains a link 'cite.md#nowhere', but the doc 'cite.md' does "
                            "not contain an anchor '#nowhere'.",
    "[c](#not-here)": "WARNING -  Doc file 'about.md' contains a link '#not-here', but there is no such anchor on this page.",
    "[d](/about/)": "WARNING -  Doc file 'about.md' contains an absolute link '/about/', it was left as is. Did you mean "
                    "'about.md'?",
    "[e](assets/)": "WARNING -  Doc file 'about.md' contains an unrecognized relative link 'assets/', it was left as is.",
}
ORPHAN = "WARNING -  The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
MISSING_NAV = ("WARNING -  A reference to 'gone.md' is included in the 'nav' configuration, which is not found in the "
               "documentation files.")


def test_every_validation_of_mkdocs_warns() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    levels = {f"{group}.{name}": level for group in ("nav", "links") for name, level in config.validation[group].items()}
    assert levels and {name for name, level in levels.items() if level != logging.WARNING} == set()


def test_a_broken_reference_in_a_hand_written_page_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", CORPUS / "papers")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\nBroken on purpose: " + ", ".join(DEFECTS) + ".\n", encoding="utf-8")
    (project / "docs" / "orphan.md").write_text("# A page the nav forgot\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    nav_entry = "      - Cite the survey: cite.md\n"
    assert nav_entry in config.read_text(encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace(nav_entry, nav_entry + "      - Gone: gone.md\n"), encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [warning for warning in [*DEFECTS.values(), ORPHAN, MISSING_NAV] if warning not in lines] == []
    assert "  - orphan.md" in lines
    assert f"Aborted with {len(DEFECTS) + 2} warnings in strict mode!" in result.stdout.splitlines()
