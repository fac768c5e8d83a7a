"""`python -m adgdm new`: real BibTeX entries become paper files that pass the checker once the
contributor has chosen the vocabulary fields; papers already in the catalogue are refused."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from adgdm.contrib.bibtex_input import (
    arxiv_id,
    arxiv_year,
    bare_identifier,
    decode_latex,
    doi_of,
    match_venue,
    read_bibtex,
)
from adgdm.contrib.new_paper import read_choices
from adgdm.data.catalogue import load_catalogue

from .conftest import CORPUS, ROOT

ADDED = "2026-11-28"

BIB = Path(__file__).parent / "fixtures" / "contrib"
# Real entries as the publishers and arXiv export them: CVF (a conference, accents), Springer's
# IJCV (a journal, braces protecting a name), arXiv's own export.
CONFERENCE = (BIB / "cvpr2021-bozic.bib").read_text(encoding="utf-8")
JOURNAL = (BIB / "ijcv2015-imagenet.bib").read_text(encoding="utf-8")
PREPRINT = (BIB / "arxiv2020-ddim.bib").read_text(encoding="utf-8")

EXPECTED_CONFERENCE = """\
# Written by `python -m adgdm new` from refs.bib:1 (entry Bozic_2021_CVPR).
# Check every value against the paper, choose the fields marked CHOOSE (remove the '# ' in
# front of them), then run `python -m adgdm check`.
id: bozic2021neural
title: "Neural Deformation Graphs for Globally-Consistent Non-Rigid Reconstruction"
# short_name: ""
authors:
  - "Božič, Aljaž"
  - "Palafox, Pablo"
  - "Zollhöfer, Michael"
  - "Thies, Justus"
  - "Dai, Angela"
  - "Nießner, Matthias"
year: 2021
venue: "CVPR"
pages: "1450--1459"
# code: []
# CHOOSE modality: one or more of: {modality}
# modality: []
# CHOOSE task: one of: {task}
# task:
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the real papers/ without any file for the three entries above."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "papers", root / "papers")
    for path in (root / "papers").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        if any(mark in text for mark in ("2010.02502", "10.1007/s11263-015-0816-y", "neural deformation graphs")):
            path.unlink()
    return root


def run_new(root: Path, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "adgdm", "--root", str(root), "new", *arguments, "--added", ADDED],
                          input=stdin, capture_output=True, text=True, cwd=root, check=False)


def choose(path: Path, modality: str, task: str, uses_diffusion: str) -> None:
    """What a contributor does: pick the controlled values and uncomment them."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("# modality: []", f"modality: [{modality}]").replace("# task:\n", f"task: {task}\n")
    text = text.replace("# uses_diffusion:\n", f"uses_diffusion: {uses_diffusion}\n")
    path.write_text(text, encoding="utf-8")


def test_real_entries_give_files_that_pass_the_checker_once_the_choices_are_made(project: Path) -> None:
    (project / "refs.bib").write_text(CONFERENCE + JOURNAL + PREPRINT, encoding="utf-8")
    result = run_new(project, "refs.bib")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "wrote papers/bozic2021neural.yaml (from refs.bib:1 (entry Bozic_2021_CVPR))",
        "wrote papers/russakovsky2015imagenet.yaml (from refs.bib:9 (entry russakovsky2015imagenet))",
        "wrote papers/song2020denoising.yaml (from refs.bib:19 (entry song2022denoisingdiffusionimplicitmodels))",
        "3 files written, 0 refused, 0 unreadable",
    ]
    papers = project / "papers"
    choices = read_choices(project).values
    expected_start = EXPECTED_CONFERENCE.format(modality=", ".join(choices["modality"]), task=", ".join(choices["task"]))
    # The hint wraps at 100 columns, as the command writes it.
    modality_hint = f"CHOOSE modality: one or more of: {', '.join(choices['modality'])}"
    wrapped = "\n# ".join(textwrap.wrap(modality_hint, width=100, break_on_hyphens=False, break_long_words=False))
    expected_start = expected_start.replace(modality_hint, wrapped)
    assert (papers / "bozic2021neural.yaml").read_text(encoding="utf-8").startswith(expected_start)

    # Without the choices the checker names exactly what is missing.
    check = subprocess.run([sys.executable, "-m", "adgdm", "--root", str(project), "check"],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 1
    assert check.stderr.splitlines()[:3] == [
        "papers/bozic2021neural.yaml:4: modality: required field is missing",
        "papers/bozic2021neural.yaml:4: task: required field is missing",
        "papers/bozic2021neural.yaml:4: uses_diffusion: required field is missing",
    ]
    assert check.stderr.endswith("9 problems found\n")

    choose(papers / "bozic2021neural.yaml", "image", "other", "false")
    choose(papers / "russakovsky2015imagenet.yaml", "image", "dataset", "false")
    choose(papers / "song2020denoising.yaml", "image", "other", "true")
    catalogue = load_catalogue(project)
    bozic, imagenet, ddim = (catalogue.paper(key) for key in ("bozic2021neural", "russakovsky2015imagenet", "song2020denoising"))
    assert [a.display for a in bozic.authors] == ["Aljaž Božič", "Pablo Palafox", "Michael Zollhöfer", "Justus Thies",
                                                  "Angela Dai", "Matthias Nießner"]
    assert (imagenet.title, imagenet.venue, imagenet.volume, imagenet.number, imagenet.pages, imagenet.doi, imagenet.year) == (
        "{ImageNet} Large Scale Visual Recognition Challenge", "IJCV", "115", "3", "211--252", "10.1007/s11263-015-0816-y", 2015)
    assert len(imagenet.authors) == 12 and imagenet.authors[-1].family == "Fei-Fei"
    assert (ddim.venue, ddim.arxiv, ddim.url, ddim.year, ddim.added) == ("arXiv", "2010.02502", "", 2020, datetime.date(2026, 11, 28))


def test_papers_already_in_the_catalogue_are_refused_naming_their_file(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    same_doi = "@article{a, title={Whatever Else}, author={Poe, Edgar}, journal={FJ}, year={2024}, doi={https://doi.org/10.9999/FIXTURE.2024.1}}\n"
    same_arxiv = "@misc{b, title={Other}, author={Doe, J.}, year={2025}, eprint={2501.00001v2}, archivePrefix={arXiv}}\n"
    near_title = ("@misc{c, title={A Fixture Survey of MVTec Anomalies: DDPM, 3D Scan & Non-Markovian Noise}, "
                  "author={Doe, J.}, year={2025}}\n")
    twice = "@misc{d, title={A Brand New Paper on Diffusion}, author={New, Ann}, year={2026}}\n"
    (root / "in.bib").write_text(same_doi + same_arxiv + near_title + twice + twice.replace("{d,", "{e,"), encoding="utf-8")
    result = run_new(root, "in.bib")
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["wrote papers/new2026brand.yaml (from in.bib:4 (entry d))"]
    assert result.stderr.splitlines() == [
        "refused in.bib:1 (entry a): same DOI as papers/doe2024predecessor.yaml",
        "refused in.bib:2 (entry b): same arXiv id as papers/doe2025fixture.yaml",
        "refused in.bib:3 (entry c): nearly the same title as papers/doe2025fixture.yaml "
        "('A Fixture Survey of {MVTec} Anomalies: DDPM, 3D Scans & Non-Markovian Noise')",
        "refused in.bib:5 (entry e): same title as papers/new2026brand.yaml ('A Brand New Paper on Diffusion')",
        "1 file written, 4 refused, 0 unreadable",
    ]
    # A bare identifier already in the catalogue is refused too.
    again = run_new(root, "arXiv:2501.00001")
    assert again.returncode == 1
    assert "refused identifier arXiv:2501.00001: same arXiv id as papers/doe2025fixture.yaml" in again.stderr


def test_bare_identifiers_and_pasted_bibtex(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    result = run_new(root, "https://arxiv.org/abs/2404.01234v3", "doi:10.1234/abc.5", "-", stdin=PREPRINT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "wrote papers/new240401234.yaml (from identifier https://arxiv.org/abs/2404.01234v3)",
        "wrote papers/new101234abc5.yaml (from identifier doi:10.1234/abc.5)",
        "wrote papers/song2020denoising.yaml (from <stdin>:1 (entry song2022denoisingdiffusionimplicitmodels))",
    ]
    arxiv_skeleton = (root / "papers" / "new240401234.yaml").read_text(encoding="utf-8")
    assert "id: new240401234\n" in arxiv_skeleton
    assert 'year: 2024\nvenue: "arXiv"\narxiv: "2404.01234"\n' in arxiv_skeleton
    assert "# The id and the file name are temporary" in arxiv_skeleton
    assert '# title: ""\n' in arxiv_skeleton and '# authors: ["Family, Given"]\n' in arxiv_skeleton
    # A paper no survey lists needs a summary, placements and the record of where it was checked.
    assert '\n# summary: ""  # one sentence of 8 to 40 words' in arxiv_skeleton
    assert '\n# verified: {date: "", record: ["https://..."]}  # required for a paper no survey lists\n' in arxiv_skeleton
    doi_skeleton = (root / "papers" / "new101234abc5.yaml").read_text(encoding="utf-8")
    assert 'doi: "10.1234/abc.5"\n' in doi_skeleton and "\n# venue:\n" in doi_skeleton
    assert f'added: "{ADDED}"\n' in doi_skeleton


def test_unreadable_input_is_reported_with_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "bad.bib").write_text(PREPRINT + "\n@article{broken, title={Unfinished\n", encoding="utf-8")
    result = run_new(root, "bad.bib", "not-an-identifier")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "bad.bib:11: entry could not be read (unexpectedly reached end of file)",
        "not-an-identifier: not a BibTeX file, an arXiv id or a DOI",
        "1 file written, 0 refused, 2 unreadable",
    ]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("latex", "keep", "expected"), [
    (r"Bo\v{z}i\v{c}", False, "Božič"),
    (r"Sch{\"o}lkopf", False, "Schölkopf"),
    (r"M\"{u}ller", False, "Müller"),
    (r"Nie{\ss}ner", False, "Nießner"),
    (r"{\c{S}}im{\c{s}}ek", False, "Şimşek"),
    (r"Caf\'{e} -- Gr\`ece~III", False, "Café – Grèce III"),
    (r"{{AnoDDPM}: Anomaly Detection with {D}enoising Models}", True, "{AnoDDPM}: Anomaly Detection with {D}enoising Models"),
    (r"{{Diffusion Models for Anomaly Detection}}", True, "Diffusion Models for Anomaly Detection"),
    (r"On {\"O}zt{\"u}rk's {diffusion} of {$\alpha$-DDPM} in {3D}", True, "On Öztürk's diffusion of {α-DDPM} in {3D}"),
    (r"\emph{Lost} \textit{in} 100% of {MRI} \& CT", True, "Lost in 100% of {MRI} & CT"),
])
def test_latex_is_decoded_and_only_case_protecting_braces_stay(latex: str, keep: bool, expected: str) -> None:
    assert decode_latex(latex, keep_case_braces=keep) == expected


def test_identifiers_are_recognised_in_their_usual_spellings() -> None:
    assert [arxiv_id(text) for text in ("2506.09368", "arXiv:2506.09368v2", "https://arxiv.org/pdf/2506.09368v1.pdf",
                                        "10.48550/arXiv.2506.09368", "abs/2506.09368", "hep-th/9901001", "10.1007/x")] == [
        "2506.09368", "2506.09368", "2506.09368", "2506.09368", "2506.09368", "hep-th/9901001", ""]
    assert [doi_of(text) for text in ("10.1007/978-3-031-72120-5_20", "https://doi.org/10.1109/TMI.2024.1",
                                      "doi: 10.1234/x", "2506.09368")] == [
        "10.1007/978-3-031-72120-5_20", "10.1109/TMI.2024.1", "10.1234/x", ""]
    assert (arxiv_year("2506.09368"), arxiv_year("hep-th/9901001"), arxiv_year("0704.0001")) == (2025, 1999, 2007)
    assert bare_identifier("Not an identifier") is None


@pytest.mark.parametrize(("entry_type", "fields", "expected"), [
    ("inproceedings", {"booktitle": "Medical Image Computing and Computer Assisted Intervention -- {MICCAI} 2024"}, "MICCAI"),
    ("inproceedings", {"booktitle": "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) Workshops"},
     "CVPRW"),
    ("inproceedings", {"booktitle": "Advances in Neural Information Processing Systems"}, "NeurIPS"),
    ("article", {"journal": "IEEE Transactions on Medical Imaging"}, "IEEE TMI"),
    ("article", {"journal": "CoRR", "volume": "abs/2506.09368"}, "arXiv"),
    ("article", {"journal": "arXiv preprint arXiv:2506.09368"}, "arXiv"),
    ("book", {"publisher": "Springer"}, "Book"),
    ("inproceedings", {"booktitle": "Proceedings of a Workshop Nobody Knows"}, ""),
])
def test_venues_are_matched_against_the_vocabulary(entry_type: str, fields: dict[str, str], expected: str) -> None:
    venues = read_choices(ROOT).venues
    assert match_venue(entry_type, fields, venues, has_arxiv=False)[0] == expected


def test_unmatched_venue_and_odd_pages_are_left_for_the_contributor() -> None:
    venues = read_choices(ROOT).venues
    entry = "@inproceedings{k, title={T}, author={A, B}, booktitle={Symposium on {Things}}, year={2024}, pages={iv + 12}}"
    drafts, problems = read_bibtex(entry, "x.bib", venues)
    assert problems == []
    assert drafts[0].venue_text == "Symposium on Things"
    assert "venue" not in drafts[0].fields and "pages" not in drafts[0].fields
    assert drafts[0].notes == ["pages 'iv + 12' are not in the form first--last and were left out"]


def test_every_written_value_reads_back_as_written(tmp_path: Path) -> None:
    """Quotes, colons and '#' in values survive the YAML round trip."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    entry = r'@misc{q, title={Quotes "inside": a colon, 100% # a hash}, author={O{\textquoteright}Neil, Ann}, year={2024}}'
    result = run_new(root, "-", stdin=entry)
    assert result.returncode == 0, result.stderr
    text = (root / "papers" / "oneil2024quotes.yaml").read_text(encoding="utf-8")
    assert 'title: "Quotes \\"inside\\": a colon, 100% # a hash"\n' in text
    data = yaml.safe_load(text)
    assert (data["title"], data["authors"], data["year"]) == ('Quotes "inside": a colon, 100% # a hash', ["O’Neil, Ann"], 2024)


def test_out_writes_elsewhere_and_still_refuses_what_is_there(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    first = run_new(root, "--out", "drafts", "-", stdin=PREPRINT)
    assert first.returncode == 0, first.stderr
    assert (root / "drafts" / "song2020denoising.yaml").is_file()
    assert not (root / "papers" / "song2020denoising.yaml").exists()
    again = run_new(root, "--out", "drafts", "2010.02502")
    assert again.returncode == 1
    assert "refused identifier 2010.02502: same arXiv id as drafts/song2020denoising.yaml" in again.stderr
