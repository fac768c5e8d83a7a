"""The code repositories' state (code_stats.yaml): stars, archived, moved, missing, as `python -m adgdm refresh --write` last saw them.

The file is generated and optional: a catalogue without it simply knows no repository state.
Each entry names its repository as GitHub's 'owner/name'; look-ups ignore case, as GitHub does.
"""

from __future__ import annotations

import re

from ..fields import text_field
from ..load_state import VOCABULARY_DIR, LoadState, unique
from ..models import CodeState
from ..spec import Spec

CODE_STATS_FILE = "code_stats.yaml"
CODE_STATS_PATH = f"{VOCABULARY_DIR}/{CODE_STATS_FILE}"
REPO_PATTERN = r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"
REPO_LINK = re.compile(r"https?://(?:www\.)?github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?(/.*)?$")
"""A github.com link: owner, name (without .git), and the path after the repository if any."""

CODE_STAT = Spec(
    "mapping",
    fields=(
        ("repo", text_field("The repository as GitHub spells it: owner/name.", required=True, max_length=200,
                            pattern=REPO_PATTERN, pattern_hint="owner/name")),
        ("stars", Spec("integer", help="Stars when last recorded.", minimum=0)),
        ("since", Spec("date", help="The day the star count was recorded.")),
        ("archived", Spec("boolean", help="true when the owner archived the repository (read-only).")),
        ("missing", Spec("boolean", help="true when GitHub answered 404: the repository is gone or private.")),
        ("moved_to", text_field("owner/name the repository moved to.", max_length=200, pattern=REPO_PATTERN,
                                pattern_hint="owner/name")),
    ),
)


def load_code_stats(state: LoadState) -> dict[str, CodeState]:
    """Every recorded repository by its lower-case 'owner/name' (nothing when the file does not exist).

    A list, not a mapping keyed by name: repository names can be longer than YAML keys may be here."""
    if not (state.root / CODE_STATS_PATH).exists():
        return {}
    stats: dict[str, CodeState] = {}
    seen: dict[str, str] = {}
    for walker, key, entry in state.vocabulary_entries(CODE_STATS_FILE, CODE_STAT, keyed=False):
        if unique(walker, f"{key}.repo", entry["repo"].lower(), seen, "repository"):
            stats[entry["repo"].lower()] = CodeState(entry["repo"], entry.get("stars"), entry.get("since"), entry.get("archived", False),
                                                     entry.get("missing", False), entry.get("moved_to", ""))
    return stats


def github_repository(url: str) -> str:
    """'owner/name' of a github.com repository link (without .git), or ''."""
    match = REPO_LINK.match(url)
    if not match or match.group(1) in ("orgs", "topics", "sponsors"):
        return ""
    return f"{match.group(1)}/{match.group(2)}"
