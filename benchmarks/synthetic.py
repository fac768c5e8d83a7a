"""A deterministic synthetic catalogue: N valid papers and the vocabularies they use.

For benchmarks and browser tests at sizes the real catalogue has not reached yet. The same
(n, seed) always gives byte-identical files, and the result passes the checker:

    python -m benchmarks.synthetic 5000 /tmp/synthetic --seed 1
    python -m adgdm --root /tmp/synthetic check

Every name, title and identifier is invented; DOIs use the 10.5555 test prefix.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from adgdm import ascii_fold, make_key, normalise_title

YEARS = (2019, 2020, 2021, 2022, 2023, 2024, 2025)
YEAR_WEIGHTS = (1, 2, 3, 5, 8, 12, 14)
ADDED = datetime.date(2025, 6, 1)
MAX_PAPERS = 89_999

MODALITIES = ("image", "video", "time-series", "tabular", "multimodal")
MODALITY_WEIGHTS = (10, 4, 4, 2, 2)
TASKS = ("detection", "generation", "dataset", "survey", "other")
TASK_WEIGHTS = (40, 8, 2, 1, 2)

# Axis -> its nodes as (id, label, parent); modality and task are the axes every catalogue needs.
TAXONOMY: tuple[tuple[str, str, str | None], ...] = (
    ("modality", "Data modality", None),
    *((m, m.replace("-", " ").capitalize(), "modality") for m in MODALITIES),
    ("task", "Task", None),
    *((t, t.capitalize(), "task") for t in TASKS),
    ("methodology", "Methodology", None),
    ("reconstruction-based", "Reconstruction-based", "methodology"),
    ("basic-reconstruction", "Basic reconstruction", "reconstruction-based"),
    ("latent-space-reconstruction", "Latent-space reconstruction", "reconstruction-based"),
    ("conditional-reconstruction", "Conditional reconstruction", "reconstruction-based"),
    ("density-based", "Density-based", "methodology"),
    ("score-function", "Score function", "density-based"),
    ("diffusion-time-estimation", "Diffusion time estimation", "density-based"),
    ("hybrid", "Hybrid", "methodology"),
    ("scoring", "Anomaly scoring", None),
    ("reconstruction-scoring", "Reconstruction scoring", "scoring"),
    ("density-scoring", "Density scoring", "scoring"),
    ("score-based-scoring", "Score-based scoring", "scoring"),
    ("conditioning", "Conditioning", None),
    ("unconditional", "Unconditional", "conditioning"),
    ("conditional", "Conditional", "conditioning"),
)
TERMS = tuple(node for node, _, parent in TAXONOMY if parent not in (None, "modality", "task"))

SECTIONS = {"adgdm": ("1", "2", "2.1", "2.2", "3", "3.1", "4", "5", "6", "7"), "dmad": ("reconstruction", "density", "hybrid")}

FAMILIES = (
    "Abe Adler Afonso Ahmed Akhtar Alvarez Amini Andersen Arslan Baker Bauer Becker Bianchi Božič Brandt Brown "
    "Castro Chen Choi Costa Çelik Dąbrowski Dang Das Dvořák Eriksen Esposito Fischer Fontaine García Ghosh Gómez "
    "Gupta Hahn Hansen Hartmann Hernández Hoang Huang Ivanova Jansen Jensen Jiménez Kang Khan Kim Kowalski Krüger "
    "Kumar Lambert Larsen Laurent Lee Li Lin Liu López Løvås Lund Maier Martin Meyer Molnár Moreau Müller Nagy "
    "Nakamura Nguyen Novák Nowak O'Brien Okafor Olsen Ortiz Öztürk Park Patel Pereira Petrov Popescu Quispe Ramos "
    "Rossi Sánchez Santos Sato Schmidt Schölkopf Silva Singh Smirnov Sørensen Suzuki Svensson Tanaka Tran Vargas "
    "Vogel Wagner Wang Weber Wiśniewski Wong Wu Xu Yamamoto Yang Yilmaz Zhang Zhao Zhou Żuk"
).split()
GIVEN = (
    "Aiko Aleksandra Aljaž Amara Ana Björn Carlos Chloé Dmitri Elif Emeka Fatima Giulia Hana Ingrid Jiho José "
    "Kai Lena Lucía Mateo Mei Nikos Noor Oskar Priya Quentin Rafael Sofía Tomasz Umar Valentina Wei Xiaoming Yusuf Zoë"
).split()

ADJECTIVES = (
    "Adaptive Robust Efficient Unsupervised Self-Supervised Few-Shot Zero-Shot Conditional Latent Guided Masked "
    "Hierarchical Contrastive Multi-Scale Lightweight Scalable Training-Free Cross-Domain Progressive Explainable"
).split()
METHODS = (
    "Diffusion Denoising Score-Based Flow-Guided Energy-Based Transformer-Based Patch-Level Frequency-Aware "
    "Prototype-Guided Memory-Augmented Reconstruction-Guided Noise-Conditioned Consistency"
).split()
MODELS = "Models Priors Restoration Sampling Autoencoders Networks Inpainting Translation Purification Refinement".split()
TOPICS = {
    "image": "Industrial Defect|Medical Image|Brain MRI|Retinal OCT|Surface Inspection|Chest X-Ray|Satellite Image",
    "video": "Video Event|Surveillance Video|Crowd Behaviour|Traffic Video|Egocentric Video",
    "time-series": "Multivariate Time-Series|Sensor Stream|Industrial Control|Telemetry|ECG Signal",
    "tabular": "Tabular|Transaction Record|Network Intrusion|Electronic Health Record",
    "multimodal": "Multimodal|Audio-Visual|Point Cloud and Image|Vision-Language",
}
GOALS = {
    "detection": ("Anomaly Detection", "Anomaly Localization", "Outlier Detection", "Novelty Detection"),
    "generation": ("Anomaly Synthesis", "Defect Generation", "Anomaly Generation"),
    "dataset": ("Anomaly Benchmark", "Anomaly Dataset"),
    "survey": ("Anomaly Detection: A Survey", "Anomaly Detection: A Review"),
    "other": ("Anomaly Explanation", "Anomaly Repair"),
}
LINKS = ("for", "with", "via", "in", "towards")

VENUES: dict[str, dict[str, str]] = {
    **{f"SynConf{i}": {"name": f"Synthetic Conference on Anomalies and Diffusion {i}", "kind": "conference"} for i in range(1, 25)},
    **{f"SynWS{i}": {"name": f"Synthetic Workshop on Rare Events {i}", "kind": "workshop"} for i in range(1, 7)},
    **{f"SynJ{i}": {"name": f"Synthetic Journal of Detection {i}", "kind": "journal"} for i in range(1, 11)},
    "arXiv": {"name": "arXiv", "kind": "preprint"},
    "SynBook": {"name": "Synthetic Lecture Notes", "kind": "book", "publisher": "Synthetic Press"},
}
VENUE_NAMES = tuple(VENUES)
VENUE_WEIGHTS = tuple(30 if short == "arXiv" else 1 if short == "SynBook" else 4 for short in VENUE_NAMES)

DATASETS = tuple((f"syn-set-{i:02d}", f"SynSet-{i:02d}", MODALITIES[i % len(MODALITIES)]) for i in range(1, 21))
BENCHMARKS: tuple[dict[str, Any], ...] = tuple(
    {
        "id": f"syn-bench-{b}",
        "title": f"Synthetic leaderboard {b}",
        "survey": "adgdm",
        "table": 2 + b,
        "columns": [
            {"id": f"{dataset}-{metric.lower()}", "label": f"{name} {metric}", "dataset": dataset, "metric": metric,
             "higher_is_better": True, "unit": "%"}
            for dataset, name, _ in DATASETS[b * 3:b * 3 + 3]
            for metric in ("AUROC", "AP")
        ],
    }
    for b in (1, 2)
)


def synthetic_vocabularies() -> dict[str, Any]:
    """The vocabulary files' contents by file name (they do not depend on n or the seed)."""
    return {
        "taxonomy.yaml": [
            {"id": node, **({"parent": parent} if parent else {}), "label": label,
             "description": f"Synthetic node {label.lower()}, for benchmarks."}
            for node, label, parent in TAXONOMY
        ],
        "venues.yaml": VENUES,
        "datasets.yaml": [{"id": i, "name": name, "modality": modality, "kind": "synthetic"} for i, name, modality in DATASETS],
        "benchmarks.yaml": list(BENCHMARKS),
    }


class _Generator:
    """Draws papers one by one, keeping keys, titles and identifiers unique."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.keys: set[str] = set()
        self.titles: set[str] = set()
        self.authors = [f"{family}, {given}" for family in FAMILIES for given in GIVEN]
        self.rng.shuffle(self.authors)

    def paper(self, number: int, task: str | None = None) -> dict[str, Any]:
        rng = self.rng
        year = rng.choices(YEARS, YEAR_WEIGHTS)[0]
        task = task or rng.choices(TASKS, TASK_WEIGHTS)[0]
        modality = sorted(set(rng.choices(MODALITIES, MODALITY_WEIGHTS, k=1 + (rng.random() < 0.15))), key=MODALITIES.index)
        title = self._title(modality[0], task)
        authors = self._authors()
        venue = rng.choices(VENUE_NAMES, VENUE_WEIGHTS)[0]
        key = make_key(authors[0].split(", ")[0], year, title, self.keys)
        self.keys.add(key)
        paper: dict[str, Any] = {"id": key, "title": title}
        if rng.random() < 0.6:
            paper["short_name"] = self._short_name()
        paper["authors"] = authors
        if rng.random() < 0.03:
            paper["authors_incomplete"] = True
        paper.update(year=year, venue=venue)
        kind = VENUES[venue]["kind"]
        if kind == "journal":
            paper["volume"] = str(rng.randint(1, 60))
            paper["number"] = str(rng.randint(1, 12))
        if kind in ("conference", "workshop", "journal") and rng.random() < 0.7:
            first = rng.randint(1, 9000)
            paper["pages"] = f"{first}--{first + rng.randint(6, 14)}"
        if kind != "preprint" and rng.random() < 0.7:
            paper["doi"] = f"10.5555/synthetic.{year}.{number}"
        # Every paper has an arXiv id, as most papers of the field do; unique ids also tell apart
        # the generated titles that happen to be a few letters apart.
        paper["arxiv"] = f"{year % 100:02d}{rng.randint(1, 12):02d}.{10000 + number:05d}"
        if rng.random() < 0.5:
            owner = "".join(ch for ch in ascii_fold(authors[0].split(", ")[0]).lower() if ch.isalnum()) or "lab"
            paper["code"] = [f"https://github.com/{owner}-lab/{key.replace('_', '-')}"]
        paper.update(modality=modality, task=task)
        terms = rng.sample(TERMS, rng.choice((0, 1, 1, 2, 2, 3)))
        if terms:
            paper["taxonomy"] = sorted(terms, key=TERMS.index)
        paper["uses_diffusion"] = rng.random() < 0.85
        if rng.random() < 0.4:
            paper["surveys"] = {"adgdm": {"ref": rng.randint(1, 400), "sections": [rng.choice(SECTIONS["adgdm"])]}}
        datasets = sorted(rng.sample([d for d, _, m in DATASETS if m in modality], rng.randint(0, 2))) if task == "detection" else []
        if datasets:
            paper["datasets"] = datasets
        if task == "detection" and rng.random() < 0.1:
            benchmark = rng.choice(BENCHMARKS)
            columns: list[dict[str, Any]] = rng.sample(benchmark["columns"], rng.randint(1, len(benchmark["columns"])))
            paper["results"] = [
                {"benchmark": benchmark["id"], "column": column["id"], "value": round(rng.uniform(50, 99.9), 1)}
                for column in sorted(columns, key=lambda c: str(c["id"]))
            ]
        paper["added"] = ADDED
        return paper

    def _title(self, modality: str, task: str) -> str:
        rng = self.rng
        for attempt in range(100):
            topic = rng.choice(TOPICS[modality].split("|"))
            title = (f"{rng.choice(ADJECTIVES)} {rng.choice(METHODS)} {rng.choice(MODELS)} "
                     f"{rng.choice(LINKS)} {topic} {rng.choice(GOALS[task])}")
            if attempt >= 50:
                title += f", Part {attempt - 49}"
            if normalise_title(title) not in self.titles:
                self.titles.add(normalise_title(title))
                return title
        raise RuntimeError("could not draw a unique title")

    def _authors(self) -> list[str]:
        # Squaring the draw favours the head of the pool: some authors write many papers, most a few.
        count = self.rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8))
        picked: list[str] = []
        while len(picked) < count:
            name = self.authors[int(len(self.authors) * self.rng.random() ** 2)]
            if name not in picked:
                picked.append(name)
        return picked

    def _short_name(self) -> str:
        rng = self.rng
        stem = rng.choice(("Ano", "Diff", "Def", "Rec", "Den", "Mask", "Score", "Lat", "Gen", "Flow"))
        tail = rng.choice(("DM", "Diff", "AD", "Gen", "Net", "Fusion", "Former", "DDPM"))
        return f"{stem}{tail}" + (f"-{rng.randint(2, 9)}" if rng.random() < 0.3 else "")


def synthetic_papers(n: int, seed: int = 0) -> list[dict[str, Any]]:
    """N paper records; the first two are the surveys that surveys.yaml names."""
    if not 2 <= n <= MAX_PAPERS:
        raise ValueError(f"a synthetic catalogue holds from 2 papers (the two surveys) to {MAX_PAPERS:,} (five-digit arXiv numbers)")
    generator = _Generator(seed)
    return [generator.paper(number, task="survey" if number < 2 else None) for number in range(n)]


def write_synthetic_catalogue(folder: Path, n: int, seed: int = 0) -> list[str]:
    """Write `folder/papers/` (N paper files and the vocabularies); return the paper ids."""
    papers_dir = folder / "papers"
    vocabulary_dir = papers_dir / "vocabulary"
    vocabulary_dir.mkdir(parents=True, exist_ok=True)
    papers = synthetic_papers(n, seed)
    surveys = {
        survey: {"title": f"Synthetic survey ({survey})", "paper": papers[position]["id"],
                 "tables": [{"number": b["table"], "title": b["title"]} for b in BENCHMARKS] if survey == "adgdm" else [],
                 "sections": [{"key": key, "title": f"Section {key}"} for key in SECTIONS[survey]]}
        for position, survey in enumerate(("adgdm", "dmad"))
    }
    for name, content in {**synthetic_vocabularies(), "surveys.yaml": surveys}.items():
        _write(vocabulary_dir / name, content)
    for paper in papers:
        _write(papers_dir / f"{paper['id']}.yaml", paper)
    return [paper["id"] for paper in papers]


_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _write(path: Path, content: object) -> None:
    text = yaml.dump(content, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=400)
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help=f"how many papers (2 to {MAX_PAPERS})")
    parser.add_argument("folder", type=Path, help="where to write papers/ (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if not 2 <= args.n <= MAX_PAPERS:
        parser.error(f"n must be from 2 to {MAX_PAPERS}")
    if (args.folder / "papers").exists() and any((args.folder / "papers").glob("*.yaml")):
        parser.error(f"{args.folder / 'papers'} already holds paper files; choose an empty folder")
    write_synthetic_catalogue(args.folder, args.n, args.seed)
    print(f"{args.n} synthetic papers written to {args.folder / 'papers'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
