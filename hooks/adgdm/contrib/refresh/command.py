"""`python -m adgdm refresh`: gather, report, and with --write edit the files, but only into a catalogue that still checks.

Exit status: 0 when every service answered, 1 when one failed (or the catalogue is invalid, or
the edits were refused), 2 for bad usage (an unknown option or paper id).
"""

from __future__ import annotations

import datetime
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from ...data.catalogue import load_catalogue
from ...data.load_state import PAPERS_DIR
from ...data.problems import InvalidData
from ...data.vocabulary.code_stats import CODE_STATS_PATH, github_repository
from .gather import Outcome, Services, gather
from .http_client import Client
from .report import report
from .stats_file import merged, stats_text
from .writer import EditRefused, edited

CACHE_DIR = ".cache/refresh"
DEFAULT_DELAY = 3.0
USAGE_ERROR = 2
PROJECT_URL = "https://github.com/Siriussee/adgdm"


def run(root: Path, paper_ids: Sequence[str], write: bool, report_path: Path | None, env: Mapping[str, str],
        site_url: str, delay: float | None = None, today: datetime.date | None = None) -> int:
    """Refresh the papers named (or all), print or save the report; the exit status as documented above."""
    today = today or datetime.date.today()
    try:
        catalogue = load_catalogue(root)
    except InvalidData as error:
        print(error.report(), file=sys.stderr)
        return 1
    unknown = sorted(set(paper_ids) - {paper.id for paper in catalogue.papers})
    if unknown:
        print(f"refresh: no paper with the id {', '.join(unknown)}", file=sys.stderr)
        return USAGE_ERROR
    papers = [paper for paper in catalogue.papers if not paper_ids or paper.id in paper_ids]
    client = make_client(root, env, site_url, delay)
    outcome = gather(catalogue, papers, client, Services.from_env(env), today)
    referenced = None if paper_ids else {github_repository(url).lower() for p in catalogue.papers for url in p.code} - {""}
    states = merged(catalogue.code_stats, outcome.states, referenced)
    stats = stats_text(states) if states else ""
    old_stats = _read(root / CODE_STATS_PATH)
    stats_changed = sum(catalogue.code_stats.get(key) != state for key, state in states.items())
    stats_changed += len(set(catalogue.code_stats) - set(states))
    refused: list[str] = []
    texts = _edited_texts(root, outcome, today, refused)
    if stats and stats != old_stats:
        texts[CODE_STATS_PATH] = stats
    written = False
    if write and texts:
        problems = _problems_after(root, texts)
        if problems:
            refused += problems
        else:
            for path, text in texts.items():
                (root / path).write_text(text, encoding="utf-8")
            written = True
    text = report(outcome, today, written, refused if write else [], stats_changed)
    if report_path:
        try:
            report_path.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"refresh: cannot write the report to {report_path}: {error.strerror}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    print(f"{len(papers)} papers refreshed: {len(outcome.edits)} to change, {len(outcome.findings)} findings, "
          f"{len(outcome.failures)} services failed{'; written' if written else ''}", file=sys.stderr)
    return 1 if outcome.failures or (write and refused) else 0


def make_client(root: Path, env: Mapping[str, str], site_url: str, delay: float | None) -> Client:
    """The client: arXiv spaced by `delay` (ADGDM_REFRESH_DELAY, default 3 s), the others by a third of it."""
    if delay is None:
        delay = float(env.get("ADGDM_REFRESH_DELAY") or DEFAULT_DELAY)
    cache = env.get("ADGDM_REFRESH_CACHE")
    user_agent = f"adgdm-refresh/1.0 (+{site_url}; catalogue of the ADGDM survey)"
    intervals = {"arXiv": delay, "Crossref": delay / 3, "Semantic Scholar": delay / 3, "GitHub": delay / 3}
    return Client(user_agent, cache_dir=None if cache == "off" else Path(cache) if cache else root / CACHE_DIR,
                  backoff=max(delay, 0.0), intervals=intervals)


def _edited_texts(root: Path, outcome: Outcome, today: datetime.date, refused: list[str]) -> dict[str, str]:
    texts = {}
    for paper_id, edit in sorted(outcome.edits.items()):
        try:
            texts[edit.source_path] = edited((root / edit.source_path).read_text(encoding="utf-8"), edit, today.isoformat())
        except (EditRefused, OSError) as error:
            refused.append(f"{edit.source_path}: {error}; left as it is")
            outcome.edits.pop(paper_id)
    return texts


def _problems_after(root: Path, texts: Mapping[str, str]) -> list[str]:
    """The checker's problems with the catalogue as it would be after writing `texts` (a copy is checked)."""
    with tempfile.TemporaryDirectory(prefix="adgdm-refresh-") as folder:
        copy = Path(folder)
        shutil.copytree(root / PAPERS_DIR, copy / PAPERS_DIR)
        for path, text in texts.items():
            (copy / path).write_text(text, encoding="utf-8")
        try:
            load_catalogue(copy)
        except InvalidData as error:
            return [str(problem) for problem in error.problems]
    return []


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
