"""The paper page's "Improve this entry" section: edit the paper's file, or report a problem with it."""

from __future__ import annotations

from urllib.parse import urlencode

from ...data.models import Paper
from ...data.urls import paper_yaml
from ..context import Context
from ..markup import block, external_link

FIX_FORM = "fix-paper.yml"
"""The issue form for a correction (`python -m adgdm forms` writes it to .github/ISSUE_TEMPLATE)."""


def report_url(repo_url: str, paper_id: str) -> str:
    """The "Fix a paper's metadata" form with the paper's key filled in, or '' without a repository."""
    if not repo_url:
        return ""
    query = urlencode({"template": FIX_FORM, "title": f"Fix: {paper_id}", "paper": paper_id})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def improve_section(ctx: Context, paper: Paper) -> str:
    """Links to GitHub's editor for the paper's YAML and to the fix form pre-filled with its key."""
    if not ctx.options.repo_url:
        return ""
    links = [external_link(ctx.edit_url(paper_yaml(paper.id)), "Edit this paper's file"),
             external_link(report_url(ctx.options.repo_url, paper.id), "Report a problem")]
    text = (f'<p class="adgdm-improve">Something wrong or missing? {" · ".join(links)} '
            "(both on GitHub; the checker reviews every change).</p>")
    return "## Improve this entry\n" + block(text)
