"""README sync: the paper tables between the markers are generated from papers/, and the check
fails on a stale README until `python -m adgdm readme` is run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from adgdm.contrib.readme_tables import END, EXTRA_COLUMNS, START, MissingMarkers, papers_block, updated_readme
from adgdm.data.catalogue import load_catalogue
from adgdm.data.paper_schema import ATTRIBUTE_FIELDS
from adgdm.project import read_project

from .conftest import CORPUS, ROOT

GOLDEN = Path(__file__).parent / "fixtures" / "contrib" / "corpus-readme-block.md"
HAND_WRITTEN_TOP = "# A project\n\nWords written by hand, kept as they are.\n\n## Papers\n\n"
HAND_WRITTEN_END = "\n\n## Afterwards\n\nMore words by hand.\n"


def readme_command(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "adgdm", "--root", str(root), "readme", *arguments],
                          capture_output=True, text=True, check=False)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """The fixture corpus with an mkdocs.yml naming the published site, and a README with stale tables."""
    root = tmp_path / "project"
    shutil.copytree(CORPUS / "papers", root / "papers")
    (root / "mkdocs.yml").write_text(
        'site_name: T\nsite_url: !ENV [SITE_URL, "https://example.org/adgdm/"]\nextra:\n  adgdm:\n    repo: https://github.com/o/r\n',
        encoding="utf-8")
    (root / "README.md").write_text(HAND_WRITTEN_TOP + START + "\n| stale | table |\n" + END + HAND_WRITTEN_END, encoding="utf-8")
    return root


def test_the_committed_readme_is_in_step_with_papers() -> None:
    result = readme_command(ROOT, "--check")
    assert result.returncode == 0, result.stderr


def test_a_stale_readme_fails_the_check_and_passes_after_the_command(project: Path) -> None:
    stale = readme_command(project, "--check")
    assert stale.returncode == 1
    assert stale.stderr == "README.md: out of date with papers/; run `python -m adgdm readme` and commit the result\n"

    assert readme_command(project).stdout == "README.md: updated\n"
    text = (project / "README.md").read_text(encoding="utf-8")
    assert text == HAND_WRITTEN_TOP + START + GOLDEN.read_text(encoding="utf-8") + END + HAND_WRITTEN_END
    assert readme_command(project, "--check").returncode == 0

    # A new paper makes the README stale again.
    shutil.copy(project / "papers" / "bay2021twin.yaml", project / "papers" / "bay2021other.yaml")
    other = project / "papers" / "bay2021other.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("bay2021twin", "bay2021other")
                     .replace("A Twin on the Fixture Board", "Another Paper Entirely"), encoding="utf-8")
    assert readme_command(project, "--check").returncode == 1
    readme_command(project)
    assert "[Another Paper Entirely](https://example.org/adgdm/papers/bay2021other/) | 2021 | FCONF |" in (
        project / "README.md").read_text(encoding="utf-8")


def test_the_block_escapes_markdown_in_data(project: Path) -> None:
    block = papers_block(load_catalogue(project), "https://example.org/adgdm/")
    assert r"[Special Characters: 100% of \#hash\_tags \& Braces in Titles](https://example.org/adgdm/papers/roe2023special/)" in block
    assert r"| Fixture AD \& \<friends\> |" in block


def test_links_point_at_the_published_site_whatever_the_build_address(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9/")
    assert read_project(project).site_url == "https://example.org/adgdm/"
    assert read_project(ROOT).site_url == "https://siriussee.github.io/adgdm/"


def test_missing_markers_are_a_clear_error(project: Path) -> None:
    (project / "README.md").write_text("# No markers here\n", encoding="utf-8")
    result = readme_command(project)
    assert result.returncode == 1
    assert result.stderr == (f"README.md: README.md needs the markers {START} and {END}, in that order, around the paper tables\n")
    with pytest.raises(MissingMarkers):
        updated_readme(END + START, "x")


def test_extra_columns_name_survey_attributes() -> None:
    assert {key for key, _ in EXTRA_COLUMNS.values()} <= {key for key, _ in ATTRIBUTE_FIELDS}
