"""The `refresh` command against a local stand-in for arXiv, Crossref, Semantic Scholar and GitHub (tests/refresh_services.py):
a preprint now published, nothing changed, an archived, a moved and a missing repository, a 429 then success, a 503,
malformed XML and JSON. The exact changes `--write` makes are a golden diff (tests/fixtures/refresh_write.diff)."""

from __future__ import annotations

import datetime
import difflib
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from adgdm import cli
from adgdm.contrib.refresh import command, writer
from adgdm.contrib.refresh.arxiv_api import parse_feed
from adgdm.contrib.refresh.github_api import RepoRecord
from adgdm.contrib.refresh.http_client import Client, ServiceError, _retry_after
from adgdm.contrib.refresh.proposals import FieldChange, PaperEdit, next_state
from adgdm.data.catalogue import Catalogue, load_catalogue
from adgdm.data.models import CodeState, Disagreement
from adgdm.data.problems import InvalidData

from .conftest import FIXTURES, ROOT
from .refresh_services import Services, running

FIXTURE = FIXTURES / "refresh"
GOLDEN = FIXTURES / "refresh_write.diff"
TODAY = datetime.date(2026, 12, 4)
SITE = "https://example.org/adgdm/"


@pytest.fixture
def services() -> Iterator[Services]:
    with running() as served:
        yield served


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "project")
    return tmp_path / "project"


def refresh(root: Path, services: Services, *ids: str, write: bool = False, **env: str) -> tuple[int, str]:
    report = root.parent / "report.md"
    status = command.run(root, list(ids), write, report, {**services.env(), **env}, SITE, None, TODAY)
    return status, report.read_text(encoding="utf-8")


def changes(root: Path) -> str:
    """A unified diff of every file under papers/ against the fixture, in path order."""
    lines: list[str] = []
    for path in sorted({p.relative_to(root) for p in (root / "papers").rglob("*.yaml")}
                       | {p.relative_to(FIXTURE) for p in (FIXTURE / "papers").rglob("*.yaml")}):
        before = (FIXTURE / path).read_text(encoding="utf-8").splitlines(keepends=True) if (FIXTURE / path).exists() else []
        after = (root / path).read_text(encoding="utf-8").splitlines(keepends=True) if (root / path).exists() else []
        lines += difflib.unified_diff(before, after, f"a/{path.as_posix()}", f"b/{path.as_posix()}")
    return "".join(lines)


def test_write_makes_exactly_the_golden_changes_and_the_catalogue_stays_valid(root: Path, services: Services) -> None:
    status, report = refresh(root, services, write=True)
    assert status == 0
    assert changes(root) == GOLDEN.read_text(encoding="utf-8")
    catalogue = load_catalogue(root)
    published = catalogue.paper("ada2024published")
    assert (published.venue, published.year, published.volume, published.number, published.pages, published.doi) == (
        "FJ", 2025, "13", "2", "45--67", "10.9999/fj.2025.7")
    assert catalogue.code_state("https://github.com/example/frozen.git") == CodeState("example/frozen", 9, TODAY, archived=True)
    assert catalogue.code_state("https://github.com/example/gone") == CodeState("example/gone", missing=True)
    assert "written to the files" in report


def test_the_report_lists_every_change_with_its_evidence_then_what_could_not_be_checked(root: Path, services: Services) -> None:
    status, report = refresh(root, services)
    assert status == 0
    assert changes(root) == ""  # without --write nothing is touched
    assert "2 paper files to change (proposed, not written)" in report
    assert "| `venue` | arXiv | FJ | <https://doi.org/10.9999/fj.2025.7> |" in report
    assert ("| `code` | https://github.com/old-owner/guidance | https://github.com/new-owner/guidance | "
            "<https://github.com/new-owner/guidance> |") in report
    assert "## Unknown venues (1)" in report and 'name: "Journal of Unknown Things"' in report
    assert "`eve2022gone`: arXiv v3 (2025-03-01) is titled 'Gone Fixture Repository, Revised'" in report
    assert "`dee2023stable`: https://github.com/example/frozen.git is archived" in report
    assert "`eve2022gone`: https://github.com/example/gone answers 404" in report
    assert "## Fuller author names (1)\n\n- `bea2024conference`: Crossref spells out Bea, Maria." in report
    assert "doe2025fixture" not in report  # a preprint with nothing new is not mentioned
    assert report.endswith("## Could not be checked\n\nEvery service answered; everything was checked.\n")
    assert report.index("## Proposed changes") < report.index("## Unknown venues") < report.index("## Could not be checked")


def test_arxiv_ids_go_in_one_batch_and_requests_name_the_project(root: Path, services: Services) -> None:
    refresh(root, services, GITHUB_TOKEN="fixture-token")
    assert len(services.paths("/arxiv/")) == 1
    assert all(SITE in headers["User-Agent"] for _, headers in services.requests)
    tokens = {path.split("/")[1]: headers.get("Authorization") for path, headers in services.requests}
    assert tokens["github"] == "Bearer fixture-token" and tokens["arxiv"] is None and tokens["s2"] is None


def test_a_rerun_within_a_day_asks_nothing(root: Path, services: Services) -> None:
    cache = root.parent / "cache"
    refresh(root, services, ADGDM_REFRESH_CACHE=str(cache))
    asked = len(services.requests)
    assert asked > 0
    status, _ = refresh(root, services, ADGDM_REFRESH_CACHE=str(cache))
    assert status == 0 and len(services.requests) == asked


def test_only_the_papers_named_are_asked_about(root: Path, services: Services) -> None:
    status, report = refresh(root, services, "dee2023stable", write=True)
    assert status == 0
    assert "1 papers checked" in report and "example/frozen" in report and "ada2024published" not in report
    assert not services.paths("/s2/") and not services.paths("/crossref/")
    assert changes(root).startswith("--- a/papers/vocabulary/code_stats.yaml")


def test_a_429_is_retried_after_the_time_retry_after_asks(root: Path, services: Services) -> None:
    services.script["/arxiv/"] = [(429, {"Retry-After": "1"}, "Rate exceeded.")]
    start = time.monotonic()
    status, report = refresh(root, services)
    assert status == 0 and time.monotonic() - start >= 1.0
    assert len(services.paths("/arxiv/")) == 2
    assert "Every service answered" in report


BOTH = ["ada2024published", "bea2024conference"]


@pytest.mark.parametrize(("prefix", "answer", "named", "untouched"), [
    ("/crossref/", (503, {}, "Service Unavailable"), "**Crossref** failed: HTTP 503 after 4 attempts", BOTH),
    ("/arxiv/", (200, {}, "<feed><entry><title>cut short"), "**arXiv** failed: arXiv answered malformed XML", BOTH),
    ("/s2/", (200, {}, '{"paperId": "aaa111", "venue": '), "**Semantic Scholar** failed: Semantic Scholar answered malformed JSON", BOTH),
    ("/github/", (503, {"Retry-After": "0"}, ""), "**GitHub** failed: HTTP 503", ["bea2024conference"]),
])
def test_a_failing_service_is_named_and_the_papers_it_concerned_stay_untouched(
        root: Path, services: Services, prefix: str, answer: tuple[int, dict[str, str], str], named: str, untouched: list[str]) -> None:
    services.down[prefix] = answer
    status, report = refresh(root, services, write=True)
    assert status == 1
    assert named in report
    section = report.split("## Could not be checked", 1)[1]
    for paper_id in untouched:
        assert (root / f"papers/{paper_id}.yaml").read_bytes() == (FIXTURE / f"papers/{paper_id}.yaml").read_bytes()
        assert f"- `{paper_id}`" in section
    load_catalogue(root)  # whatever was written still checks


def test_a_service_that_fails_is_not_asked_again_in_the_run(root: Path, services: Services) -> None:
    services.down["/s2/"] = (503, {}, "")
    refresh(root, services)
    assert len(services.paths("/s2/")) == 4  # the first paper's request and its three retries, then no more


def test_the_command_line_reports_bad_usage_with_status_2(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--root", str(root), "refresh", "nosuch2020paper"]) == 2
    assert "no paper with the id nosuch2020paper" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--root", str(root), "refresh", "--delay", "soon"])
    assert exit_info.value.code == 2


def test_an_invalid_result_is_not_written(root: Path, services: Services) -> None:
    # A version of record dated 2099 is beyond what the checker accepts as a year: the whole write is refused.
    services.crossref["10.9999/fj.2025.7"] = {**services.crossref["10.9999/fj.2025.7"], "published-print": {"date-parts": [[2099]]}}
    status, report = refresh(root, services, write=True)
    assert status == 1 and changes(root) == ""
    assert "## Not written" in report and "papers/ada2024published.yaml:" in report.split("## Not written", 1)[1]
    assert "to change (not written: see below)" in report


def test_a_service_that_does_not_answer_in_time_is_a_failure(root: Path, services: Services) -> None:
    services.script["/github/"] = [(0, {}, "3")]
    client = Client("test", timeout=0.5, retries=0)
    with pytest.raises(ServiceError, match="no answer"):
        client.get("GitHub", f"{services.base}/github/repos/example/stable")


def test_the_writer_refuses_a_file_it_cannot_edit_line_by_line() -> None:
    text = 'id: x\nyear:\n  2024\nvenue: arXiv\n'
    with pytest.raises(writer.EditRefused):
        writer.edited(text, PaperEdit("x", "papers/x.yaml", [FieldChange("year", 2024, 2025, "https://doi.org/10.1/x")]), "2026-12-04")


def test_the_writer_keeps_quoting_and_comments_of_a_changed_line() -> None:
    text = 'id: x\n# the year\nyear: 2024  # as printed\nvenue: "arXiv"\nadded: "2025-01-01"\n'
    edit = PaperEdit("x", "papers/x.yaml", [FieldChange("year", 2024, 2025, "u"), FieldChange("venue", "arXiv", "FJ", "u")])
    assert writer.edited(text, edit, "2026-12-04") == (
        'id: x\n# the year\nyear: 2025  # as printed\nvenue: "FJ"\nverified:\n  date: "2026-12-04"\n'
        f'  unconfirmed: [method]\n  note: "{writer.NEW_RECORD_NOTE}"\nadded: "2025-01-01"\n')


def test_xml_with_a_document_type_is_refused_before_parsing() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaa">]><feed xmlns="http://www.w3.org/2005/Atom">&a;</feed>'
    with pytest.raises(ServiceError, match="document type declaration"):
        list(parse_feed(bomb))


def test_requests_to_a_service_are_spaced_and_retry_after_is_read_in_both_forms() -> None:
    clock = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    client = Client("test", intervals={"arXiv": 3.0}, sleep=sleep, clock=lambda: clock[0])
    client._wait_turn("arXiv")
    clock[0] += 1.0
    client._wait_turn("arXiv")
    client._wait_turn("GitHub")
    assert waits == [2.0]
    assert _retry_after("7", 0.0) == 7.0 and _retry_after("100000", 0.0) == 120.0
    assert _retry_after("Fri, 04 Dec 2026 00:00:30 GMT", datetime.datetime(2026, 12, 4, tzinfo=datetime.UTC).timestamp()) == 30.0


def test_the_delay_comes_from_the_environment_unless_given(tmp_path: Path) -> None:
    assert command.make_client(tmp_path, {}, SITE, None).intervals["arXiv"] == 3.0
    assert command.make_client(tmp_path, {"ADGDM_REFRESH_DELAY": "0"}, SITE, None).intervals["arXiv"] == 0.0
    assert command.make_client(tmp_path, {"ADGDM_REFRESH_DELAY": "9"}, SITE, 1.5).intervals["arXiv"] == 1.5


def test_an_unreachable_service_is_a_failure_not_a_traceback(root: Path, services: Services) -> None:
    status, report = refresh(root, services, ADGDM_GITHUB_API="http://127.0.0.1:9/github")
    assert status == 1 and "**GitHub** failed: no answer" in report


def full_edit(paper_id: str, source_path: str, venue: str, code: tuple[str, ...]) -> PaperEdit:
    evidence = "https://doi.org/10.5555/refresh.1"
    return PaperEdit(
        paper_id, source_path,
        [FieldChange(name, None, value, evidence) for name, value in (
            ("venue", "FJ"), ("year", 2030), ("volume", "1"), ("number", "2"), ("pages", "1--2"), ("doi", "10.5555/refresh.1"))],
        [(code[0], "https://github.com/moved/away", "https://github.com/moved/away")] if code else [],
        [Disagreement("venue", venue, "the catalogue before the test")], [evidence], ["https://arxiv.org/abs/2501.00001"], [],
        ["venue", "doi", "volume", "pages", "authors"])


def test_block_lists_in_the_verification_record_grow_and_shrink_line_by_line() -> None:
    text = ('id: x\nvenue: arXiv\ncode:\n  - "https://github.com/o/r"\nverified:\n  date: "2026-12-03"\n  record:\n'
            '    - "https://example.org/a"\n  unconfirmed:\n    - venue\n    - url\n  note: "n"\nadded: "2025-01-01"\n')
    result = writer.edited(text, full_edit("x", "papers/x.yaml", "arXiv", ("https://github.com/o/r",)), "2026-12-04")
    assert result.split("verified:\n", 1)[1] == (
        '  date: "2026-12-04"\n  record:\n    - "https://example.org/a"\n    - "https://doi.org/10.5555/refresh.1"\n'
        '  identifiers: ["https://arxiv.org/abs/2501.00001"]\n  code: ["https://github.com/moved/away"]\n'
        '  unconfirmed:\n    - url\n  note: "n"\nadded: "2025-01-01"\n')


def test_every_real_paper_file_can_take_every_kind_of_edit(catalogue: Catalogue) -> None:
    """Each file of papers/ edited line by line, the result re-read and compared with exactly the edit asked."""
    refused = []
    for paper in catalogue.papers:
        try:
            writer.edited((ROOT / paper.source_path).read_text(encoding="utf-8"),
                          full_edit(paper.id, paper.source_path, paper.venue, paper.code), "2026-12-04")
        except writer.EditRefused as error:
            refused.append(f"{paper.source_path}: {error}")
    assert refused == []


def test_stars_are_rewritten_only_when_they_move_noticeably() -> None:
    old = CodeState("o/r", 100, datetime.date(2026, 1, 1))
    def stars(now: int) -> tuple[int | None, datetime.date | None]:
        state = next_state(old, RepoRecord("o/r", "o/r", now), TODAY)
        return state.stars, state.since
    assert stars(109) == (100, datetime.date(2026, 1, 1))
    assert stars(111) == (111, TODAY) and stars(85) == (85, TODAY)
    assert next_state(CodeState("o/r", 3), RepoRecord("o/r", "o/r", 7), TODAY).stars == 3  # at least 5 stars


def test_the_checker_reads_code_stats_and_names_its_problems(root: Path) -> None:
    (root / "papers/vocabulary/code_stats.yaml").write_text(
        '- repo: "example/stable"\n  stars: 3\n- repo: "Example/Stable"\n  stars: 4\n- repo: "not a repo"\n', encoding="utf-8")
    with pytest.raises(InvalidData) as error:
        load_catalogue(root)
    assert error.value.report().splitlines() == [
        "papers/vocabulary/code_stats.yaml:3: [1].repo: repository 'example/stable' is defined twice (first at line 1)",
        "papers/vocabulary/code_stats.yaml:5: [2].repo: 'not a repo' is not owner/name",
        "2 problems found",
    ]


def test_text_from_a_service_cannot_mention_anyone_or_open_markup(root: Path, services: Services) -> None:
    services.arxiv["2205.00005"] = {**services.arxiv["2205.00005"], "title": "Revised by @maintainer <b>now</b> `x`"}
    _, report = refresh(root, services)
    assert "titled 'Revised by &#64;maintainer &lt;b&gt;now&lt;/b&gt; 'x''" in report
