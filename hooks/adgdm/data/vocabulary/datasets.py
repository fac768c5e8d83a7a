"""The datasets (datasets.yaml): the benchmark datasets papers evaluate on, each with a page of its own."""

from __future__ import annotations

from ..fields import FIRST_YEAR, KEY_PATTERN, LINK, PAGE_ID_PATTERN, text_field, text_list
from ..load_state import LoadState, unique
from ..models import Dataset
from ..spec import Spec

DATASET = Spec(
    "mapping",
    fields=(
        ("id", text_field("Dataset id; it names the dataset's page.", required=True, pattern=PAGE_ID_PATTERN,
                          pattern_hint="a lower-case id like mvtec-ad (not 'index')")),
        ("name", text_field("Name.", required=True, max_length=100)),
        ("modality", text_field("Modality.", required=True, vocabulary="modality")),
        ("task", text_field("Task abbreviation as the survey prints it (IAD, VAD, ...).", max_length=40)),
        ("kind", text_field("real or synthetic.", vocabulary="dataset kind")),
        ("samples", Spec("text-or-integer", help="Number of samples as printed.", max_length=60)),
        ("subjects", Spec("text-or-integer", help="Subjects or classes as printed.", max_length=60)),
        ("domain", text_field("Domain.", max_length=200)),
        ("homepage", LINK),
        ("paper", text_field("Id of the paper that introduced it.", pattern=KEY_PATTERN, pattern_hint="a paper id")),
        ("year", Spec("integer", minimum=FIRST_YEAR)),
        ("venue", text_field("Venue as the dataset table prints it.", max_length=80)),
        ("sources", text_list("Where it is listed.", text_field("a source", max_length=120))),
    ),
)


def load_datasets(state: LoadState) -> dict[str, Dataset]:
    """Every dataset, by id (the paper that introduced one is checked once the papers are loaded)."""
    datasets: dict[str, Dataset] = {}
    seen: dict[str, str] = {}
    for walker, key, entry in state.vocabulary_entries("datasets.yaml", DATASET, keyed=False):
        if unique(walker, f"{key}.id", entry["id"], seen, "dataset"):
            fields = {k: v for k, v in entry.items() if k != "sources"}
            datasets[entry["id"]] = Dataset(**fields, sources=tuple(entry.get("sources", ())))
            state.places["dataset", entry["id"]] = (walker, key)
    state.vocabularies["dataset"] = set(datasets)
    return datasets
