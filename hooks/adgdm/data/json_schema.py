"""The paper schema as a JSON Schema document, generated from the same specs the checker uses."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .paper_schema import PAPER
from .spec import Spec

SCHEMA_ID = "paper.schema.json"


def _to_json_schema(spec: Spec, enums: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if spec.help:
        out["description"] = spec.help
    kind = spec.kind
    if kind == "mapping":
        out["type"] = "object"
        out["properties"] = {name: _to_json_schema(child, enums) for name, child in spec.fields}
        required = [name for name, child in spec.fields if child.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
    elif kind == "table":
        assert spec.key is not None and spec.item is not None
        out["type"] = "object"
        out["propertyNames"] = _to_json_schema(spec.key, enums)
        out["additionalProperties"] = _to_json_schema(spec.item, enums)
    elif kind == "list":
        assert spec.item is not None
        out["type"] = "array"
        out["items"] = _to_json_schema(spec.item, enums)
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.unique:
            out["uniqueItems"] = True
    elif kind in ("text", "text-or-integer"):
        out["type"] = "string" if kind == "text" else ["string", "integer"]
        if spec.pattern:
            out["pattern"] = f"^(?:{spec.pattern})$"
        if spec.link:
            out["pattern"] = "^https?://"
            out["format"] = "uri"
        if spec.max_length:
            out["maxLength"] = spec.max_length
        if spec.vocabulary in enums:
            out["enum"] = sorted(enums[spec.vocabulary])
    elif kind == "integer":
        out["type"] = "integer"
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
    elif kind == "number":
        out["type"] = ["number", "null"] if spec.nullable else "number"
    elif kind == "boolean":
        out["type"] = "boolean"
    elif kind == "date":
        out["type"] = "string"
        out["format"] = "date"
    return out


def paper_json_schema(enums: Mapping[str, Sequence[str]]) -> str:
    """The JSON Schema text; `enums` gives each vocabulary's allowed values."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "A paper of the ADGDM catalogue",
        **_to_json_schema(PAPER, enums),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
