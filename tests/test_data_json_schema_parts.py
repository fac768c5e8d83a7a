"""The published JSON Schema piece by piece: each kind of spec, the text patterns, the rules across
fields and the document's text (the mutation run's second target)."""

from __future__ import annotations

import datetime
import json
import sys
from typing import Any

import pytest
from adgdm.data.json_schema import BALANCED_BRACES, latest_year, paper_json_schema, text_pattern, to_json_schema
from adgdm.data.models import Author, Paper, Venue, Verification
from adgdm.data.spec import URL_PATTERN, Spec

CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff"
ONE_LINE = CONTROLS.replace(r"\x0b", r"\x0a")
ENUMS = {"kinds": ["b", "a"]}
BIG = sys.float_info.max


def one_line(body: str = r"[\s\S]+") -> str:
    return rf"^(?!\s)(?![\s\S]*\s$)(?![\s\S]*[{ONE_LINE}])(?:{body})$"


def test_text_pattern() -> None:
    assert text_pattern(multiline=True) == rf"^(?!\s)(?![\s\S]*\s$)(?![\s\S]*[{CONTROLS}])(?:[\s\S]+)$"
    assert text_pattern("a+") == one_line("a+")


@pytest.mark.parametrize(("spec", "schema"), [
    (Spec("text", help="H", vocabulary="kinds", pattern="x"), {"description": "H", "type": "string", "enum": ["a", "b"]}),
    (Spec("text", link=True, max_length=9, pattern="x"), {"type": "string", "pattern": one_line(URL_PATTERN), "maxLength": 9}),
    (Spec("text", pattern="x+", multiline=True), {"type": "string", "pattern": text_pattern("x+", multiline=True)}),
    (Spec("text", vocabulary="other"), {"type": "string", "pattern": one_line()}),
    (Spec("mapping", fields=(("a", Spec("boolean", required=True)), ("b", Spec("date")))),
     {"type": "object", "properties": {"a": {"type": "boolean"},
                                       "b": {"type": "string", "pattern": r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$"}},
      "required": ["a"], "additionalProperties": False}),
    (Spec("mapping", fields=(("a", Spec("boolean")),)),
     {"type": "object", "properties": {"a": {"type": "boolean"}}, "additionalProperties": False}),
    (Spec("table", key=Spec("text", vocabulary="kinds"), item=Spec("integer", minimum=1)),
     {"type": "object", "propertyNames": {"type": "string", "enum": ["a", "b"]},
      "additionalProperties": {"type": "integer", "minimum": 1}}),
    (Spec("list", item=Spec("integer", maximum=5), min_items=1, unique=True),
     {"type": "array", "items": {"type": "integer", "maximum": 5}, "minItems": 1, "uniqueItems": True}),
    (Spec("list", item=Spec("boolean")), {"type": "array", "items": {"type": "boolean"}}),
    (Spec("text-or-integer", pattern="v"), {"anyOf": [{"type": "string", "pattern": one_line("v")}, {"type": "integer"}]}),
    (Spec("number"), {"type": "number", "minimum": -BIG, "maximum": BIG}),
    (Spec("number", nullable=True), {"anyOf": [{"type": "number", "minimum": -BIG, "maximum": BIG}, {"type": "null"}]}),
    (Spec("integer", minimum=0, maximum=0), {"type": "integer", "minimum": 0, "maximum": 0}),
    (Spec("integer"), {"type": "integer"}),
])
def test_each_kind_of_spec(spec: Spec, schema: dict[str, Any]) -> None:
    out = to_json_schema(spec, ENUMS)
    assert out == schema
    assert list(out) == list(schema)


def _paper(added: datetime.date, verified: datetime.date | None = None) -> Paper:
    return Paper(id="a", title="T", authors=(Author("A"),), year=2020, venue="V", modality=(), task="t",
                 uses_diffusion=True, added=added, verified=Verification(verified) if verified else None)


def test_latest_year_is_the_year_after_the_newest_date() -> None:
    assert latest_year([]) == 1901
    assert latest_year([_paper(datetime.date(2025, 12, 31)), _paper(datetime.date(2024, 1, 1))]) == 2026
    assert latest_year([_paper(datetime.date(2025, 1, 1), datetime.date(2027, 6, 1))]) == 2028


def test_the_document() -> None:
    venues = {"arXiv": Venue("arXiv", "arXiv", "preprint"), "medRxiv": Venue("medRxiv", "medRxiv", "preprint"),
              "Book2": Venue("Book2", "B2", "book"), "Book": Venue("Book", "B", "book"), "Pub": Venue("Pub", "P", "book", "Springer"),
              "J": Venue("J", "J", "journal")}
    text = paper_json_schema({}, "https://e.org/x/", [_paper(datetime.date(2025, 3, 1))], venues)
    assert text.startswith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n'
                           '  "$id": "https://e.org/x/schema/paper.schema.json",\n  "title": "A paper of the ADGDM catalogue",\n'
                           '  "type": "object",\n')
    assert text.endswith("\n}\n")
    assert "\\u200b" in text and "\u200b" not in text  # the pattern's escapes, as written
    schema = json.loads(text)
    fields = schema["properties"]
    assert fields["title"]["pattern"] == one_line(BALANCED_BRACES)
    assert fields["summary"]["pattern"] == one_line(r"\S+(?:\s+\S+){7,39}")
    assert fields["year"]["maximum"] == 2026
    reason = fields["site_taxonomy"]["additionalProperties"]
    assert reason == {"description": "Why the method sits there, in one line.", "type": "string", "pattern": one_line(),
                      "maxLength": 200, "minLength": 20}
    assert schema["allOf"] == [
        {"if": {"type": "object", "properties": {"venue": {"enum": ["arXiv"]}}, "required": ["venue"]},
         "then": {"type": "object", "required": ["arxiv"]}},
        {"if": {"type": "object", "properties": {"venue": {"enum": ["Book", "Book2"]}}, "required": ["venue"]},
         "then": {"type": "object", "required": ["publisher"]}},
    ]
    assert list(schema)[-1] == "allOf"
    only_books = json.loads(paper_json_schema({}, "https://e.org/X", (), {"Book": Venue("Book", "B", "book")}))
    assert only_books["$id"] == "https://e.org/X/schema/paper.schema.json"
    assert [rule["then"]["required"] for rule in only_books["allOf"]] == [["publisher"]]
    assert "allOf" not in json.loads(paper_json_schema({}, "https://e.org/"))


def test_non_ascii_help_is_written_as_it_is() -> None:
    text = paper_json_schema({}, "https://e.org/")
    assert not text.isascii()  # the help texts' own letters and dashes, not \\u escapes
    assert json.loads(text)["properties"]["year"]["minimum"] == 1900
