"""GitHub templates: issue forms generated from the schema and vocabularies (kept in sync by a
check), the pull-request checklist, and the paper page's "edit" and "report a problem" links."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from adgdm.contrib.issue_forms import FORMS_DIR, MAINTAINER_FIELDS, OTHER_VENUE, SUGGEST_FORM
from adgdm.data.catalogue import Catalogue
from adgdm.data.paper_schema import PAPER, PAPER_FIELDS
from adgdm.site.compose import make_context
from adgdm.site.context import SiteOptions
from adgdm.site.markup import block
from adgdm.site.pages.improve import FIX_FORM, improve_section, report_url

from .conftest import CORPUS, ROOT

FORMS = ROOT / FORMS_DIR

# What GitHub's form schema accepts (docs.github.com "Syntax for GitHub's form schema").
TOP_KEYS = {"name", "description", "title", "labels", "assignees", "body", "projects", "type"}
ATTRIBUTES = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}


def form(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))
    return loaded


def assert_valid_issue_form(document: dict[str, Any]) -> None:
    assert set(document) <= TOP_KEYS
    for key in ("name", "description"):
        assert isinstance(document[key], str) and document[key].strip()
    assert isinstance(document["body"], list) and document["body"]
    ids: list[str] = []
    labels: list[str] = []
    for element in document["body"]:
        kind = element["type"]
        assert set(element) <= {"type", "id", "attributes", "validations"}, element
        assert set(element["attributes"]) <= ATTRIBUTES[kind], element
        if kind == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        attributes = element["attributes"]
        assert isinstance(attributes["label"], str) and attributes["label"].strip()
        labels.append(attributes["label"])
        if "id" in element:
            assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"]), element["id"]
            ids.append(element["id"])
        if kind == "dropdown":
            options = attributes["options"]
            assert options and all(isinstance(o, str) and o.strip() for o in options)
            assert len(set(options)) == len(options)
            assert "None" not in options  # GitHub reserves it for "no choice"
        assert set(element.get("validations", {})) <= {"required"}
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)


def test_the_committed_forms_are_in_step_with_the_schema_and_vocabularies() -> None:
    result = subprocess.run([sys.executable, "-m", "adgdm", "--root", str(ROOT), "forms", "--check"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", [SUGGEST_FORM, FIX_FORM])
def test_the_forms_follow_githubs_form_schema(name: str) -> None:
    assert_valid_issue_form(form(name))


def test_suggest_a_paper_maps_one_to_one_to_the_paper_fields(catalogue: Catalogue) -> None:
    elements = {e["id"]: e for e in form(SUGGEST_FORM)["body"] if e["type"] != "markdown"}
    assert list(elements) == [name for name in PAPER_FIELDS if name not in MAINTAINER_FIELDS]
    vocabularies = catalogue.vocabularies()
    specs = PAPER.field_map()
    for name, element in elements.items():
        spec = specs[name]
        attributes = element["attributes"]
        assert attributes["label"] == name
        assert element.get("validations", {}).get("required", False) == spec.required, name
        item = spec.item if spec.kind == "list" else None
        vocabulary = (item or spec).vocabulary
        if vocabulary:
            extra = [OTHER_VENUE] if name == "venue" else []
            assert element["type"] == "dropdown" and attributes["options"] == vocabularies[vocabulary] + extra, name
            assert attributes.get("multiple", False) == (item is not None), name
        elif spec.kind == "boolean":
            assert (element["type"], attributes["options"]) == ("dropdown", ["true", "false"])
        else:
            assert element["type"] in ("input", "textarea"), name
    assert elements["modality"]["attributes"]["options"] == ["image", "video", "time-series", "tabular", "multimodal",
                                                                  "graph", "point-cloud", "audio"]
    assert elements["authors"]["type"] == "textarea" and elements["authors"]["attributes"]["description"].endswith("One per line.")


def test_the_chooser_points_contributors_at_the_guide() -> None:
    config = yaml.safe_load((FORMS / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"][0]["url"] == "https://siriussee.github.io/adgdm/add-a-paper/"
    assert config["blank_issues_enabled"] is True


def test_a_new_venue_makes_the_forms_stale_until_regenerated(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(CORPUS / "papers", root / "papers")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")

    def forms(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "adgdm", "--root", str(root), "forms", *arguments],
                              capture_output=True, text=True, check=False)

    assert forms().returncode == 0
    assert forms("--check").returncode == 0
    with (root / "papers" / "vocabulary" / "venues.yaml").open("a", encoding="utf-8") as venues:
        venues.write("NEWCONF:\n  name: A New Conference\n  kind: conference\n")
    stale = forms("--check")
    assert stale.returncode == 1
    assert stale.stderr == (f"{FORMS_DIR}/{SUGGEST_FORM}: out of date with papers/; run `python -m adgdm forms` and commit the result\n")
    assert forms().returncode == 0
    suggest = yaml.safe_load((root / FORMS_DIR / SUGGEST_FORM).read_text(encoding="utf-8"))
    venue = next(e for e in suggest["body"] if e.get("id") == "venue")
    assert "NEWCONF" in venue["attributes"]["options"]


def test_report_a_problem_opens_the_fix_form_with_the_paper_filled_in() -> None:
    url = report_url("https://github.com/o/r", "doe2025fixture")
    assert url == "https://github.com/o/r/issues/new?template=fix-paper.yml&title=Fix%3A+doe2025fixture&paper=doe2025fixture"
    query = parse_qs(urlsplit(url).query)
    fields = {e.get("id") for e in form(FIX_FORM)["body"]}
    assert query["template"] == [FIX_FORM] and "paper" in fields
    assert report_url("", "x") == ""


def test_the_paper_page_links_to_edit_and_report(corpus_catalogue: Catalogue) -> None:
    ctx = make_context(corpus_catalogue, SiteOptions(repo_url="https://github.com/o/r"))
    section = improve_section(ctx, corpus_catalogue.paper("roe2023special"))
    assert section == "## Improve this entry\n" + block(
        '<p class="adgdm-improve">Something wrong or missing? '
        '<a href="https://github.com/o/r/edit/main/papers/roe2023special.yaml" rel="noopener">Edit this paper&#x27;s file</a> · '
        '<a href="https://github.com/o/r/issues/new?template=fix-paper.yml&amp;title=Fix%3A+roe2023special&amp;paper=roe2023special" '
        'rel="noopener">Report a problem</a> (both on GitHub; the checker reviews every change).</p>'
    )
    assert improve_section(make_context(corpus_catalogue), corpus_catalogue.paper("roe2023special")) == ""


def test_built_paper_pages_carry_both_links(built_site: Path) -> None:
    html = (built_site / "papers" / "bercea2024diffusion" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/Siriussee/adgdm/edit/main/papers/bercea2024diffusion.yaml"' in html
    assert 'href="https://github.com/Siriussee/adgdm/issues/new?template=fix-paper.yml&amp;title=Fix%3A+bercea2024diffusion' \
           '&amp;paper=bercea2024diffusion"' in html


def test_the_pull_request_template_has_the_checklist() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert any("python -m adgdm check" in item for item in items)
    assert any(item.startswith("One file per paper") for item in items)
    assert any("vocabularies" in item and "reuse" in item for item in items)
    assert any("python -m adgdm readme" in item for item in items)
