"""The surveys (surveys.yaml): their titles, their own paper, their tables and sections."""

from __future__ import annotations

from ..fields import KEY_PATTERN, text_field
from ..load_state import LoadState
from ..models import Survey
from ..paper_schema import FIXED_VOCABULARIES
from ..spec import Spec

SURVEY = Spec(
    "mapping",
    fields=(
        ("title", text_field("Title.", required=True, max_length=300)),
        ("paper", text_field("Paper id of the survey itself.", required=True, pattern=KEY_PATTERN, pattern_hint="a paper id")),
        ("tables", Spec("list", item=Spec("mapping", fields=(
            ("number", Spec("integer", required=True, minimum=1)),
            ("title", text_field("Heading in the project's words.", required=True, max_length=300)),
        )))),
        ("sections", Spec("list", required=True, item=Spec("mapping", fields=(
            ("key", text_field("Section number or key.", required=True, max_length=40, pattern=r"[A-Za-z0-9.-]+",
                               pattern_hint="a section key like 4.2.1")),
            ("title", text_field("Section heading.", required=True, max_length=200)),
        )))),
    ),
)


def load_surveys(state: LoadState) -> dict[str, Survey]:
    """Each known survey; its sections become the vocabulary `<SURVEY> section`."""
    surveys: dict[str, Survey] = {}
    for walker, key, entry in state.vocabulary_entries("surveys.yaml", SURVEY, keyed=True):
        if key not in FIXED_VOCABULARIES["survey"]:
            walker.report(key, f"'{key}' is not a known survey")
            continue
        sections = tuple((s["key"], s["title"]) for s in entry["sections"])
        tables = tuple((t["number"], t["title"]) for t in entry.get("tables", []))
        surveys[key] = Survey(key, entry["title"], entry["paper"], tables, sections)
        state.vocabularies[section_vocabulary(key)] = {k for k, _ in sections}
    return surveys


def section_vocabulary(survey: str) -> str:
    """The name of the vocabulary of a survey's sections, e.g. 'ADGDM section'."""
    return f"{survey.upper()} section"
