"""The paper schema as a JSON Schema document, generated from the same specs the checker uses.

The document loads with every common validator at its default settings (check-jsonschema, Ajv's
draft 2020-12 class in strict mode, the YAML language server): no `format` keywords (Ajv rejects
formats it has not been given), no type unions (anyOf instead), and patterns that mean the same in
Python's re and in ECMA-262 with the `u` flag. Where a schema can say what the checker checks, it
says it: lengths, the year range, URL shape, blank or padded text, control characters, balanced
braces in titles, the summary's word count, the arXiv id an arXiv preprint needs and the publisher
a book needs when its venue has none. What it cannot say (the id matches the file name, a result's
column belongs to its benchmark, a check's date is not in the future, values unique across files)
stays with `python -m adgdm check`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from .fields import FIRST_YEAR
from .models import Paper, Venue
from .paper_schema import PAPER
from .papers import REASON_LENGTH, SUMMARY_WORDS
from .spec import CONTROL_CLASS, URL_PATTERN, Spec

SCHEMA_PATH = "schema/paper.schema.json"
"""Where the site publishes the schema; its `$id` is the site's address followed by this path."""

DATE_PATTERN = r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
# Braces nested up to three deep (a title never needs more): {MVTec}, {{A}B}.
BALANCED_BRACES = r"(?:[^{}]|\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})*"


ANY_TEXT = r"[\s\S]+"


def text_pattern(body: str = ANY_TEXT, multiline: bool = False) -> str:
    """A whole value matching `body`, not blank, without leading or trailing white space, without
    control characters (nor line breaks unless `multiline`), as the checker's text rules say."""
    controls = CONTROL_CLASS if multiline else CONTROL_CLASS.replace(r"\x0b", r"\x0a")
    return rf"^(?!\s)(?![\s\S]*\s$)(?![\s\S]*[{controls}])(?:{body})$"


def _text(spec: Spec, enums: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "string"}
    if spec.vocabulary in enums:
        out["enum"] = sorted(enums[spec.vocabulary])
        return out
    body = URL_PATTERN if spec.link else spec.pattern
    out["pattern"] = text_pattern(body or ANY_TEXT, multiline=spec.multiline)
    if spec.max_length:
        out["maxLength"] = spec.max_length
    return out


def _collection(spec: Spec, enums: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """A mapping of known fields, a table keyed by a vocabulary, or a list."""
    if spec.kind == "mapping":
        out: dict[str, Any] = {"type": "object",
                               "properties": {name: to_json_schema(child, enums) for name, child in spec.fields}}
        required = [name for name, child in spec.fields if child.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out
    if spec.kind == "table":
        assert spec.key is not None and spec.item is not None  # pragma: no mutate (for the type checker only)
        return {"type": "object", "propertyNames": to_json_schema(spec.key, enums),
                "additionalProperties": to_json_schema(spec.item, enums)}
    assert spec.item is not None
    out = {"type": "array", "items": to_json_schema(spec.item, enums)}
    if spec.min_items:
        out["minItems"] = spec.min_items
    if spec.unique:
        out["uniqueItems"] = True
    return out


def _scalar(spec: Spec, enums: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    kind = spec.kind
    if kind == "text":
        return _text(spec, enums)
    if kind == "text-or-integer":
        return {"anyOf": [_text(spec, enums), {"type": "integer"}]}
    if kind == "integer":
        limits = {"minimum": spec.minimum, "maximum": spec.maximum}
        return {"type": "integer", **{key: value for key, value in limits.items() if value is not None}}
    if kind == "number":
        # Bounded by the largest double: a YAML .inf (which JSON lacks) is then out of range, as for the checker.
        finite = {"type": "number", "minimum": -sys.float_info.max, "maximum": sys.float_info.max}
        return {"anyOf": [finite, {"type": "null"}]} if spec.nullable else finite
    if kind == "boolean":
        return {"type": "boolean"}
    assert kind == "date", kind
    # Written as quoted "YYYY-MM-DD" strings (a bare YAML date is not a JSON value).
    return {"type": "string", "pattern": f"^{DATE_PATTERN}$"}


def to_json_schema(spec: Spec, enums: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """One spec as a JSON Schema object, its help text as the description."""
    out: dict[str, Any] = {"description": spec.help} if spec.help else {}
    if spec.kind in ("mapping", "table", "list"):
        out.update(_collection(spec, enums))
    else:
        out.update(_scalar(spec, enums))
    return out


def latest_year(papers: Sequence[Paper]) -> int:
    """The last year a paper may carry, as the schema states it: the year after the newest date in the
    catalogue (the checker uses the year after today; a published file must not depend on the clock)."""
    years = [paper.added.year for paper in papers] + [paper.verified.date.year for paper in papers if paper.verified]
    return max(years, default=FIRST_YEAR) + 1


def _paper_rules(schema: dict[str, Any], last_year: int, venues: Mapping[str, Venue]) -> None:
    """The rules across fields of adgdm.data.papers that a schema can state, added in place."""
    fields = schema["properties"]
    fields["title"]["pattern"] = text_pattern(BALANCED_BRACES)
    low, high = SUMMARY_WORDS
    fields["summary"]["pattern"] = text_pattern(rf"\S+(?:\s+\S+){{{low - 1},{high - 1}}}")
    fields["year"]["maximum"] = last_year
    reason = fields["site_taxonomy"]["additionalProperties"]
    reason["minLength"], reason["maxLength"] = REASON_LENGTH
    needs = {
        "arxiv": sorted(short for short, venue in venues.items() if venue.kind == "preprint" and short == "arXiv"),
        "publisher": sorted(short for short, venue in venues.items() if venue.kind == "book" and not venue.publisher),
    }
    rules = [{"if": {"type": "object", "properties": {"venue": {"enum": shorts}}, "required": ["venue"]},
              "then": {"type": "object", "required": [field]}} for field, shorts in needs.items() if shorts]
    if rules:
        schema["allOf"] = rules


def paper_json_schema(enums: Mapping[str, Sequence[str]], site_url: str, papers: Sequence[Paper] = (),
                      venues: Mapping[str, Venue] | None = None) -> str:
    """The JSON Schema text; `enums` gives each vocabulary's allowed values, `site_url` the site it is published on."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{site_url.rstrip('/')}/{SCHEMA_PATH}",
        "title": "A paper of the ADGDM catalogue",
        **to_json_schema(PAPER, enums),
    }
    _paper_rules(schema, latest_year(papers), venues or {})
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
