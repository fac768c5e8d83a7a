"""What every page renderer receives: the catalogue, its index and the site's options."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.catalogue import Catalogue
from ..data.index import Index
from ..data.models import Paper, Venue


@dataclass(frozen=True)
class SiteOptions:
    """Settings that come from mkdocs.yml (or a test), never from data files."""

    repo_url: str = ""
    branch: str = "main"
    site_url: str = ""


@dataclass(frozen=True)
class Context:
    catalogue: Catalogue
    index: Index
    options: SiteOptions = field(default_factory=SiteOptions)

    def venue_of(self, paper: Paper) -> Venue:
        return self.catalogue.venues[paper.venue]

    def edit_url(self, source_path: str) -> str:
        """GitHub's editor for a source file, or '' when no repository is configured."""
        if not self.options.repo_url:
            return ""
        return f"{self.options.repo_url.rstrip('/')}/edit/{self.options.branch}/{source_path}"
