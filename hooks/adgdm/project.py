"""The project's public addresses, read from mkdocs.yml, for commands that run outside MkDocs.

README tables and issue forms are read on GitHub, so they always link to the published site
(the `SITE_URL` default in mkdocs.yml), never to wherever a build happened to run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MKDOCS_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    site_url: str
    """The published site, ending with '/'."""
    repo_url: str
    """The GitHub repository, without a trailing '/'."""


class _ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads `!ENV [NAME, default]` as its default and ignores other tags."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode) and node.value:
        return loader.construct_object(node.value[-1])
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_project(root: Path) -> Project:
    """The site and repository URLs that mkdocs.yml gives (site_url's default, extra.adgdm.repo)."""
    config = yaml.load((root / MKDOCS_FILE).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    site_url = str(config.get("site_url") or "")
    repo_url = str(((config.get("extra") or {}).get("adgdm") or {}).get("repo") or "")
    return Project(site_url.rstrip("/") + "/", repo_url.rstrip("/"))
