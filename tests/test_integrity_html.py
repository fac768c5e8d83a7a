"""Site integrity: the Nu HTML Checker finds no error in any page of the built site.

vnu-jar comes from package-lock.json (`npm ci`) and runs on the system's Java. Material for
MkDocs itself causes three errors, each matched here by its exact message and by the theme's
element it is about; any other error, or one of these on another element, fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (exact message, text of the theme's element it is about)
MATERIAL_ERRORS = (
    # Every page: the theme's hidden checkboxes (drawer, search, table of contents) carry autocomplete="off".
    ("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
     "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
     'class="md-toggle"'),
    # Every page: the mobile table-of-contents title is a label for the hidden __toc checkbox.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     'for="__toc"'),
    # Pages inside a navigation section: the theme's nav-item template prints tabindex="" on section labels.
    ("Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
     'class="md-nav__link"'),
)


def is_material_error(message: dict[str, str]) -> bool:
    return any(message["message"] == text and element in message.get("extract", "") for text, element in MATERIAL_ERRORS)


def vnu_errors(folder: Path) -> list[dict[str, str]]:
    assert shutil.which("java"), "the HTML checker needs Java (scripts/install-test-tools.sh installs it)"
    assert VNU.exists(), "vnu.jar is missing: run `npm ci --ignore-scripts` at the repository root"
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(folder)],
                            capture_output=True, text=True, check=False)
    messages: list[dict[str, str]] = json.loads(result.stderr)["messages"]
    return [message for message in messages if message["type"] != "info"]


def test_no_page_of_the_site_has_an_html_error(built_site: Path) -> None:
    errors = [f"{e['url'].removeprefix(built_site.as_uri())}: {e['message']} [{e.get('extract', '').strip()}]"
              for e in vnu_errors(built_site) if not is_material_error(e)]
    assert errors == []


def test_the_checker_reports_an_error_of_ours(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body><div markdown="0"><p>x</p></div></body></html>',
        encoding="utf-8")
    assert [e["message"] for e in vnu_errors(tmp_path) if not is_material_error(e)] == [
        "Attribute “markdown” not allowed on element “div” at this point."]
