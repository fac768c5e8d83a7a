"""A small declarative schema language, and the walker that checks plain YAML values against it.

The same specs produce the checker's messages, the published JSON Schema and the
field table of the "Add a paper" page, so the three never drift apart.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .problems import Problem
from .safe_yaml import Document, printable

INVALID: Any = object()
"""Returned by the walker in place of a value that had problems."""

# C0 and C1 controls (tab and line feed are handled apart), Unicode line and paragraph separators,
# bidirectional overrides and isolates (they can make text display differently from what it is),
# a zero-width space and a stray byte-order mark.
CONTROL_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff"
"""The characters above, as the body of a regular-expression class (the JSON Schema states it too)."""
_CONTROL = re.compile(f"[{CONTROL_CLASS}]")
URL_PATTERN = r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s<>" + '"' + r"'`\\{}|^]*)?"
"""An absolute http(s) URL without spaces, quotes or markup characters. Written for both Python's
re and ECMA-262 with the `u` flag (JSON Schema's dialect): no escapes of characters that need none."""
_SAFE_URL = re.compile(f"^{URL_PATTERN}$")


@dataclass(frozen=True)
class Spec:
    """What one field may hold."""

    kind: str  # text | integer | number | boolean | date | list | mapping | table | text-or-integer
    help: str = ""
    required: bool = False
    pattern: str = ""
    pattern_hint: str = ""
    vocabulary: str = ""
    item: Spec | None = None
    key: Spec | None = None  # for a table: what each key may be (item: what each value may be)
    fields: tuple[tuple[str, Spec], ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = 0
    min_items: int = 0
    unique: bool = False
    link: bool = False
    multiline: bool = False
    nullable: bool = False
    example: str = ""

    def __post_init__(self) -> None:
        # Built once: the walker asks for it on every mapping of every file (callers only read it).
        object.__setattr__(self, "_field_map", dict(self.fields))

    def field_map(self) -> dict[str, Spec]:
        return self._field_map  # type: ignore[no-any-return, attr-defined]


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


Vocabularies = Mapping[str, Any]
"""Vocabulary name -> the collection of allowed values (anything supporting `in`)."""


@functools.lru_cache(maxsize=32)
def _method_name(kind: str) -> str:
    return "_" + kind.replace("-", "_")


@dataclass
class Walker:
    """Checks one document against specs, collecting problems rather than stopping."""

    document: Document
    vocabularies: Vocabularies
    problems: list[Problem] = field(default_factory=list)
    vocabulary_hints: Mapping[str, str] = field(default_factory=dict)

    def report(self, field_path: str, message: str) -> None:
        self.problems.append(Problem(self.document.path, self.document.line(field_path), field_path, message))

    def check(self, value: Any, spec: Spec, field_path: str) -> Any:
        if value is None:
            if spec.nullable:
                return None
            self.report(field_path, f"is empty; expected {_describe(spec)}")
            return INVALID
        checker: Callable[[Any, Spec, str], Any] = getattr(self, _method_name(spec.kind))
        return checker(value, spec, field_path)

    def check_mapping_fields(self, value: dict[str, Any], spec: Spec, field_path: str = "") -> dict[str, Any]:
        """Check a mapping's known fields; report unknown and missing ones. Returns clean values."""
        known = spec.field_map()
        clean: dict[str, Any] = {}
        for key, item in value.items():
            child = f"{field_path}.{key}" if field_path else key
            if key not in known:
                close = _closest(key, list(known))
                hint = f"; did you mean '{close}'?" if close else ""
                self.report(child, f"unknown field{hint}")
                continue
            clean[key] = self.check(item, known[key], child)
        for key, child_spec in spec.fields:
            if child_spec.required and key not in value:
                self.report(f"{field_path}.{key}" if field_path else key, "required field is missing")
                clean[key] = INVALID
        return clean

    def _mapping(self, value: Any, spec: Spec, field_path: str) -> Any:
        if not isinstance(value, dict):
            self.report(field_path, f"expected a mapping of fields, got {_name_of(value)}")
            return INVALID
        clean = self.check_mapping_fields(value, spec, field_path)
        return INVALID if any(v is INVALID for v in clean.values()) else clean

    def _table(self, value: Any, spec: Spec, field_path: str) -> Any:
        """A mapping whose keys come from a vocabulary (spec.key) and whose values all follow spec.item."""
        if not isinstance(value, dict):
            self.report(field_path, f"expected a mapping, got {_name_of(value)}")
            return INVALID
        assert spec.key is not None and spec.item is not None  # pragma: no mutate (for the type checker only)
        clean = {}
        for key, item in value.items():
            child = f"{field_path}.{key}"
            checked_key = self.check(key, spec.key, child)
            checked = self.check(item, spec.item, child)
            if checked_key is not INVALID:
                clean[checked_key] = checked
        return INVALID if len(clean) < len(value) or any(v is INVALID for v in clean.values()) else clean

    def _list(self, value: Any, spec: Spec, field_path: str) -> Any:
        if not isinstance(value, list):
            self.report(field_path, f"expected a list, got {_name_of(value)}")
            return INVALID
        if len(value) < spec.min_items:
            self.report(field_path, f"needs at least {spec.min_items} item{'s' if spec.min_items > 1 else ''}")
            return INVALID
        assert spec.item is not None
        items = [self.check(item, spec.item, f"{field_path}[{index}]") for index, item in enumerate(value)]
        if spec.unique:
            seen: set[Any] = set()
            for index, item in enumerate(items):
                if item is INVALID or isinstance(item, dict):
                    continue
                if item in seen:
                    self.report(f"{field_path}[{index}]", f"'{item}' is listed twice")
                    items[index] = INVALID
                seen.add(item)
        return INVALID if any(item is INVALID for item in items) else items

    def _text(self, value: Any, spec: Spec, field_path: str) -> Any:
        if not isinstance(value, str):
            self.report(field_path, f"expected {_describe(spec)}, got {_name_of(value)}")
            return INVALID
        return self._checked_text(value, spec, field_path)

    def _text_or_integer(self, value: Any, spec: Spec, field_path: str) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        return self._text(value, spec, field_path)

    def _checked_text(self, value: str, spec: Spec, field_path: str) -> Any:
        if not value.strip():
            self.report(field_path, "is empty")
            return INVALID
        if value != value.strip():
            self.report(field_path, "has leading or trailing spaces")
            return INVALID
        if control := _CONTROL.search(value):
            self.report(field_path, f"contains a control character (U+{ord(control.group()):04X})")
            return INVALID
        if "\n" in value and not spec.multiline:
            self.report(field_path, "contains a line break; write it on one line")
            return INVALID
        if spec.max_length and len(value) > spec.max_length:
            self.report(field_path, f"is {len(value)} characters long; the limit is {spec.max_length}")
            return INVALID
        if spec.link and not is_safe_url(value):
            self.report(field_path, f"'{_shorten(value)}' is not an http(s) URL")
            return INVALID
        if spec.pattern and not _compiled(spec.pattern).fullmatch(value):
            self.report(field_path, f"'{_shorten(value)}' is not {spec.pattern_hint or 'in the expected form'}")
            return INVALID
        if spec.vocabulary:
            allowed = self.vocabularies.get(spec.vocabulary, ())
            if value not in allowed:
                where = self.vocabulary_hints.get(spec.vocabulary)
                close = _closest(value, [str(a) for a in allowed])
                hint = f"; did you mean '{close}'?" if close else (f" (see {where})" if where else "")
                self.report(field_path, f"'{_shorten(value)}' is not a known {spec.vocabulary}{hint}")
                return INVALID
        return value

    def _integer(self, value: Any, spec: Spec, field_path: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(field_path, f"expected {_describe(spec)}, got {_name_of(value)}")
            return INVALID
        if spec.minimum is not None and value < spec.minimum:
            self.report(field_path, f"{value} is below the minimum {spec.minimum}")
            return INVALID
        if spec.maximum is not None and value > spec.maximum:
            self.report(field_path, f"{value} is above the maximum {spec.maximum}")
            return INVALID
        return value

    def _number(self, value: Any, spec: Spec, field_path: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report(field_path, f"expected a number, got {_name_of(value)}")
            return INVALID
        if not math.isfinite(value):
            self.report(field_path, "expected a finite number")
            return INVALID
        return float(value)

    def _boolean(self, value: Any, spec: Spec, field_path: str) -> Any:
        if not isinstance(value, bool):
            self.report(field_path, f"expected true or false, got {_name_of(value)}")
            return INVALID
        return value

    def _date(self, value: Any, spec: Spec, field_path: str) -> Any:
        # Quoted dates ("2026-12-03") are the written form; bare YAML dates are still read.
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                self.report(field_path, f"expected a date like 2025-01-31, got the text {value!r}")
                return INVALID
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            self.report(field_path, f"expected a date like 2025-01-31, got {_name_of(value)}")
            return INVALID
        return value


def _closest(word: str, candidates: list[str]) -> str:
    """The candidate closest to `word` (difflib's ratio of at least 0.6), or ''."""
    matches = difflib.get_close_matches(word, candidates, n=1)  # pragma: no mutate (a larger n keeps the same first match)
    return matches[0] if matches else ""


def is_safe_url(value: str) -> bool:
    """True for absolute http(s) URLs without spaces, quotes or markup characters."""
    return bool(_SAFE_URL.match(value))


def _name_of(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, str):
        return f"the text '{_shorten(value)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def _describe(spec: Spec) -> str:
    return {
        "text": "text",
        "text-or-integer": "text or a number",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "date": "a date like 2025-01-31",
        "list": "a list",
        "mapping": "a mapping of fields",
        "table": "a mapping",
    }[spec.kind]


def _shorten(value: str, limit: int = 60) -> str:
    flat = printable(value.replace("\n", " "))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
