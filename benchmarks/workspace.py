"""The folders a benchmark builds: the project (the site's sources with a synthetic catalogue, hook
included) and its floor (the same generated pages written to disk, built without the hook)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from adgdm import Context, GeneratedSite, SiteOptions, fill_markers, load_catalogue, make_context, write_site

from .synthetic import write_synthetic_catalogue

ROOT = Path(__file__).resolve().parent.parent
ADAPTER = "hooks/mkdocs_adapter.py"
# The repository named in mkdocs.yml's extra.adgdm.repo: the hook gives it to the renderer, and so does the floor.
REPO_URL = re.compile(r"^    repo: (\S+)$", re.MULTILINE)
HOOKS_BLOCK = re.compile(r"^hooks:\n(?:  - .*\n)+", re.MULTILINE)


def project_folder(folder: Path, n: int, seed: int) -> Path:
    """`folder` holding mkdocs.yml, docs/, overrides/, the hook and N synthetic papers."""
    write_synthetic_catalogue(folder, n, seed)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    (folder / ADAPTER).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / ADAPTER, folder / ADAPTER)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def site_context(project: Path, site_url: str) -> Context:
    """The renderer's context for `project` built for `site_url`, with the options the hook would give it."""
    repo = REPO_URL.search((project / "mkdocs.yml").read_text(encoding="utf-8"))
    options = SiteOptions(repo_url=repo.group(1) if repo else "", site_url=site_url)
    return make_context(load_catalogue(project), options)


def floor_folder(project: Path, folder: Path, context: Context, generated: GeneratedSite) -> Path:
    """The floor of `project`: its generated pages and files (`generated`, rendered from `context`)
    as plain files in docs/, the hand-written pages with their markers filled, and mkdocs.yml
    without `hooks:`."""
    shutil.copytree(project / "docs", folder / "docs")
    shutil.copytree(project / "overrides", folder / "overrides")
    for page in sorted((folder / "docs").rglob("*.md")):
        source = page.relative_to(folder / "docs").as_posix()
        filled, _ = fill_markers(context, source, page.read_text(encoding="utf-8"))
        page.write_text(filled, encoding="utf-8")
    write_site(generated, folder / "docs")
    (folder / "mkdocs.yml").write_text(without_hooks((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def without_hooks(config: str) -> str:
    """mkdocs.yml's text with its `hooks:` list removed (and nothing else changed)."""
    stripped, count = HOOKS_BLOCK.subn("", config)
    if count != 1:
        raise ValueError("mkdocs.yml should hold exactly one top-level `hooks:` list")
    return stripped
