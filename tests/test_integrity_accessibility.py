"""Accessibility: axe-core finds no serious or critical violation on the main kinds of page.

axe-core comes from package-lock.json (`npm ci`); it runs inside Chromium on the built site, on a
desktop and a phone-sized window. Fixes go into overrides/ and docs/assets/a11y.css, never into
a list of disabled rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import material
import pytest
from adgdm.data.catalogue import Catalogue
from adgdm.data.index import build_index
from adgdm.data.urls import explorer_page, node_page, paper_page, taxonomy_index, url_of

from .conftest import ROOT, recording_page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def main_pages(catalogue: Catalogue) -> dict[str, str]:
    """Home, explorer, the taxonomy node with the most papers, the paper page with the most parts, and
    the taxonomy overview with its maps."""
    index = build_index(catalogue)
    node = max((n for n in catalogue.taxonomy.values() if n.parent), key=lambda n: (len(index.by_node.get(n.id, ())), n.id))
    paper = max(catalogue.papers, key=lambda p: (len(p.results), len(p.code), len(p.taxonomy), p.id))
    return {"home": "", "explorer": url_of(explorer_page()), "taxonomy": url_of(node_page(node.id)), "paper": url_of(paper_page(paper.id)),
            "map": url_of(taxonomy_index())}


def serious_violations(page: Any) -> list[str]:
    assert AXE.exists(), "axe-core is missing: run `npm ci --ignore-scripts` at the repository root"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['impact']} {v['id']}: {node['html'][:120]}" for v in result["violations"]
            if v["impact"] in ("serious", "critical") for node in v["nodes"]]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", ["home", "explorer", "taxonomy", "paper", "map"])
def test_no_serious_or_critical_violation(browser: Any, site_url: str, catalogue: Catalogue, kind: str, viewport: str) -> None:
    with recording_page(browser, site_url, viewport=VIEWPORTS[viewport]) as page:
        page.goto(site_url + main_pages(catalogue)[kind], wait_until="networkidle")
        assert serious_violations(page) == []


def test_axe_reports_a_serious_violation(browser: Any, site_url: str) -> None:
    with recording_page(browser, site_url) as page:
        page.goto(site_url)
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:#aaa;background:#fff\">faint</p>')")
        assert serious_violations(page) == ['serious color-contrast: <p style="color:#aaa;background:#fff">faint</p>']


def test_the_search_dialog_override_differs_from_the_theme_only_by_its_name() -> None:
    theme = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    named = 'role="dialog" aria-label="{{ lang.t(\'search\') }}"'
    assert ours.count(named) == 1
    body = ours.replace(named, 'role="dialog"').split("-#}\n", 1)[1]
    assert body == theme.read_text(encoding="utf-8").split("-#}\n", 1)[1], "Material changed partials/search.html: redo the override"
