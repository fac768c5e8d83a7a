"""The spec language's walker (data/spec.py) on plain values, kind by kind: what each accepts, the
exact message for what it refuses (field path and line included), and the value it returns."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from adgdm.data.safe_yaml import Document
from adgdm.data.spec import INVALID, Spec, Walker, is_safe_url

LINES = {"": 1, "f": 3, "m": 5, "m.a": 6, "t": 8, "t.k": 9, "l": 11, "l[1]": 12}


def walk(value: Any, spec: Spec, field_path: str = "f", vocabularies: dict[str, Any] | None = None,
         hints: dict[str, str] | None = None) -> tuple[Any, list[str]]:
    """The walker's clean value and its problems, as the checker prints them."""
    walker = Walker(Document("x.yaml", value, dict(LINES)), vocabularies or {}, vocabulary_hints=hints or {})
    result = walker.check(value, spec, field_path)
    return result, [str(problem) for problem in walker.problems]


def refused(value: Any, spec: Spec, field_path: str = "f", **options: Any) -> list[str]:
    result, problems = walk(value, spec, field_path, **options)
    assert result is INVALID
    return problems


def accepted(value: Any, spec: Spec, **options: Any) -> Any:
    result, problems = walk(value, spec, **options)
    assert problems == []
    return result


TEXT = Spec("text")


@pytest.mark.parametrize(("kind", "described"), [
    ("text", "text"), ("text-or-integer", "text or a number"), ("integer", "a whole number"), ("number", "a number"),
    ("boolean", "true or false"), ("date", "a date like 2025-01-31"), ("list", "a list"), ("mapping", "a mapping of fields"),
    ("table", "a mapping"),
])
def test_an_empty_value_says_what_was_expected(kind: str, described: str) -> None:
    assert refused(None, Spec(kind)) == [f"x.yaml:3: f: is empty; expected {described}"]
    assert walk(None, Spec(kind, nullable=True)) == (None, [])


@pytest.mark.parametrize(("value", "named"), [
    (True, "the boolean true"), (False, "the boolean false"), (7, "the number 7"), (1.5, "the number 1.5"),
    (1e20, "the number 1e+20"), ([1], "a list"), ({"a": 1}, "a mapping"), (datetime.date(2025, 1, 2), "the date 2025-01-02"),
    (b"x", "bytes"),
])
def test_a_value_of_the_wrong_kind_is_named(value: Any, named: str) -> None:
    assert refused(value, TEXT) == [f"x.yaml:3: f: expected text, got {named}"]


def test_long_text_in_a_message_is_cut_at_sixty_characters() -> None:
    assert refused("a" * 60, Spec("integer")) == [f"x.yaml:3: f: expected a whole number, got the text '{'a' * 60}'"]
    assert refused("a" * 61, Spec("integer")) == [f"x.yaml:3: f: expected a whole number, got the text '{'a' * 59}…'"]
    assert refused("a\nb\x1bc", Spec("integer")) == ["x.yaml:3: f: expected a whole number, got the text 'a b\\x1bc'"]


@pytest.mark.parametrize(("value", "spec", "message"), [
    ("", TEXT, "is empty"),
    ("   ", TEXT, "is empty"),
    (" a", TEXT, "has leading or trailing spaces"),
    ("a ", TEXT, "has leading or trailing spaces"),
    ("a\x07b", TEXT, "contains a control character (U+0007)"),
    ("a\u202eb", TEXT, "contains a control character (U+202E)"),
    ("a\x9fb", TEXT, "contains a control character (U+009F)"),
    ("a\nb", TEXT, "contains a line break; write it on one line"),
    ("abcd", Spec("text", max_length=3), "is 4 characters long; the limit is 3"),
    ("ftp://a.org", Spec("text", link=True), "'ftp://a.org' is not an http(s) URL"),
    ("ab", Spec("text", pattern="[a-z]", pattern_hint="one letter"), "'ab' is not one letter"),
    ("ab", Spec("text", pattern="[a-z]"), "'ab' is not in the expected form"),
])
def test_text_refused(value: str, spec: Spec, message: str) -> None:
    assert refused(value, spec) == [f"x.yaml:3: f: {message}"]


def test_text_accepted() -> None:
    assert accepted("abc", Spec("text", max_length=3)) == "abc"
    assert accepted("a\nb", Spec("text", multiline=True)) == "a\nb"
    assert accepted("a\tb", TEXT) == "a\tb"
    assert accepted("https://a.org/x", Spec("text", link=True)) == "https://a.org/x"
    assert accepted("a", Spec("text", pattern="[a-z]")) == "a"


def test_a_vocabulary_value_must_be_known_with_a_hint_to_the_closest_or_to_the_file() -> None:
    spec = Spec("text", vocabulary="venue")
    known = {"venue": ("MICCAI", "CVPR")}
    assert accepted("CVPR", spec, vocabularies=known) == "CVPR"
    assert refused("MICAI", spec, vocabularies=known, hints={"venue": "venues.yaml"}) == [
        "x.yaml:3: f: 'MICAI' is not a known venue; did you mean 'MICCAI'?"]
    assert refused("Nature", spec, vocabularies=known, hints={"venue": "venues.yaml"}) == [
        "x.yaml:3: f: 'Nature' is not a known venue (see venues.yaml)"]
    assert refused("Nature", spec, vocabularies=known) == ["x.yaml:3: f: 'Nature' is not a known venue"]
    assert refused("CVPR", spec) == ["x.yaml:3: f: 'CVPR' is not a known venue"]


def test_text_or_integer_turns_a_number_into_text_but_not_a_boolean() -> None:
    spec = Spec("text-or-integer")
    assert accepted(12, spec) == "12"
    assert accepted("12a", spec) == "12a"
    assert refused(True, spec) == ["x.yaml:3: f: expected text or a number, got the boolean true"]
    assert refused(1.5, spec) == ["x.yaml:3: f: expected text or a number, got the number 1.5"]


def test_integers_and_their_bounds() -> None:
    spec = Spec("integer", minimum=1, maximum=99)
    assert accepted(1, spec) == 1
    assert accepted(99, spec) == 99
    assert refused(0, spec) == ["x.yaml:3: f: 0 is below the minimum 1"]
    assert refused(100, spec) == ["x.yaml:3: f: 100 is above the maximum 99"]
    assert refused(True, spec) == ["x.yaml:3: f: expected a whole number, got the boolean true"]
    assert refused(2.0, spec) == ["x.yaml:3: f: expected a whole number, got the number 2"]
    assert accepted(-5, Spec("integer")) == -5
    assert refused(-1, Spec("integer", minimum=0)) == ["x.yaml:3: f: -1 is below the minimum 0"]
    assert accepted(0, Spec("integer", minimum=0, maximum=0)) == 0


def test_numbers_are_finite_floats() -> None:
    spec = Spec("number")
    assert accepted(3, spec) == 3.0 and isinstance(accepted(3, spec), float)
    assert accepted(2.5, spec) == 2.5
    assert refused(False, spec) == ["x.yaml:3: f: expected a number, got the boolean false"]
    assert refused("1", spec) == ["x.yaml:3: f: expected a number, got the text '1'"]
    for bad in (float("nan"), float("inf"), float("-inf")):
        assert refused(bad, spec) == ["x.yaml:3: f: expected a finite number"]


def test_booleans() -> None:
    assert accepted(True, Spec("boolean")) is True
    assert accepted(False, Spec("boolean")) is False
    assert refused(0, Spec("boolean")) == ["x.yaml:3: f: expected true or false, got the number 0"]
    assert refused("yes", Spec("boolean")) == ["x.yaml:3: f: expected true or false, got the text 'yes'"]


def test_dates_written_quoted_or_bare() -> None:
    spec = Spec("date")
    assert accepted("2025-01-31", spec) == datetime.date(2025, 1, 31)
    assert accepted(datetime.date(2025, 1, 31), spec) == datetime.date(2025, 1, 31)
    assert refused("2025-02-30", spec) == ["x.yaml:3: f: expected a date like 2025-01-31, got the text '2025-02-30'"]
    assert refused("2025-1-31", spec) == ["x.yaml:3: f: expected a date like 2025-01-31, got the text '2025-1-31'"]
    assert refused("x2025-01-31", spec) == ["x.yaml:3: f: expected a date like 2025-01-31, got the text 'x2025-01-31'"]
    assert refused(datetime.datetime(2025, 1, 31, 12), spec) == [
        "x.yaml:3: f: expected a date like 2025-01-31, got the date 2025-01-31T12:00:00"]
    assert refused(20250131, spec) == ["x.yaml:3: f: expected a date like 2025-01-31, got the number 20250131"]


def test_lists_their_length_their_items_and_repeats() -> None:
    items = Spec("list", item=Spec("integer"), min_items=2, unique=True)
    assert accepted([1, 2], items) == [1, 2]
    assert refused("1", items, "l") == ["x.yaml:11: l: expected a list, got the text '1'"]
    assert refused([1], items, "l") == ["x.yaml:11: l: needs at least 2 items"]
    assert refused([], Spec("list", item=TEXT, min_items=1), "l") == ["x.yaml:11: l: needs at least 1 item"]
    assert refused([1, 1, 2, 1], items, "l") == ["x.yaml:12: l[1]: '1' is listed twice", "x.yaml:11: l[3]: '1' is listed twice"]
    assert refused([1, "a"], items, "l") == ["x.yaml:12: l[1]: expected a whole number, got the text 'a'"]
    assert accepted([1, 1], Spec("list", item=Spec("integer"))) == [1, 1]
    mappings = Spec("list", item=Spec("mapping", fields=(("a", Spec("integer")),)), unique=True)
    assert accepted([{"a": 1}, {"a": 1}], mappings) == [{"a": 1}, {"a": 1}]
    # Repeats after a refused item are still found.
    assert refused(["a", 1, 1], items, "l") == [
        "x.yaml:11: l[0]: expected a whole number, got the text 'a'", "x.yaml:11: l[2]: '1' is listed twice"]
    # A refused item is not counted as a repeat of a later one.
    assert refused(["a", "a"], Spec("list", item=Spec("integer"), unique=True), "l") == [
        "x.yaml:11: l[0]: expected a whole number, got the text 'a'", "x.yaml:12: l[1]: expected a whole number, got the text 'a'"]


MAPPING = Spec("mapping", fields=(("a", Spec("integer", required=True)), ("bee", TEXT)))


def test_mappings_their_unknown_and_missing_fields() -> None:
    assert accepted({"a": 1, "bee": "x"}, MAPPING) == {"a": 1, "bee": "x"}
    assert accepted({"a": 1}, MAPPING) == {"a": 1}
    assert refused([1], MAPPING, "m") == ["x.yaml:5: m: expected a mapping of fields, got a list"]
    # An unknown field is reported and left out; the fields around it stay usable.
    assert walk({"a": 1, "be": "x"}, MAPPING, "m") == ({"a": 1}, ["x.yaml:5: m.be: unknown field; did you mean 'bee'?"])
    assert walk({"a": 1, "zzz": "x"}, MAPPING, "m") == ({"a": 1}, ["x.yaml:5: m.zzz: unknown field"])
    assert refused({"bee": "x"}, MAPPING, "m") == ["x.yaml:6: m.a: required field is missing"]
    # Every field is checked, after an unknown one too.
    assert walk({"zzz": 1, "a": "1"}, MAPPING, "m") == (INVALID, [
        "x.yaml:5: m.zzz: unknown field", "x.yaml:6: m.a: expected a whole number, got the text '1'"])
    assert refused({"a": "1"}, MAPPING, "m") == ["x.yaml:6: m.a: expected a whole number, got the text '1'"]


def test_the_top_level_fields_of_a_file_have_no_prefix() -> None:
    walker = Walker(Document("x.yaml", {}, {"": 1, "bee": 2}), {})
    assert walker.check_mapping_fields({"bee": "x", "c": 1}, MAPPING, "") == {"bee": "x", "a": INVALID}
    assert [str(p) for p in walker.problems] == ["x.yaml:1: c: unknown field", "x.yaml:1: a: required field is missing"]


TABLE = Spec("table", key=Spec("text", vocabulary="node"), item=Spec("text", max_length=5))
NODES = {"node": ("k", "j")}


def test_tables_check_each_key_against_its_vocabulary_and_each_value() -> None:
    assert accepted({"k": "why", "j": "how"}, TABLE, vocabularies=NODES) == {"k": "why", "j": "how"}
    assert refused(["k"], TABLE, "t", vocabularies=NODES) == ["x.yaml:8: t: expected a mapping, got a list"]
    assert refused({"k": "toolong"}, TABLE, "t", vocabularies=NODES) == ["x.yaml:9: t.k: is 7 characters long; the limit is 5"]
    assert refused({"q": "why"}, TABLE, "t", vocabularies=NODES) == ["x.yaml:8: t.q: 'q' is not a known node"]
    assert refused({"k": "why", "q": "how"}, TABLE, "t", vocabularies=NODES) == ["x.yaml:8: t.q: 'q' is not a known node"]


def test_a_spec_maps_its_fields_by_name() -> None:
    inner = Spec("integer")
    spec = Spec("mapping", fields=(("a", inner), ("b", TEXT)))
    assert spec.field_map() == {"a": inner, "b": TEXT}
    assert Spec("text").field_map() == {}


@pytest.mark.parametrize(("url", "safe"), [
    ("https://a.org", True), ("http://a.org:8080/x", True), ("https://a.org?q=1", True), ("https://a.org#top", True),
    ("https://a-b.c.org/p/q.html?x=%20&y=1", True),
    ("https://a.org:x/", False), ("https://a_b.org/", False), ("https://a.org/x{y}", False), ("https://a.org/x|y", False),
    ("https://a.org/x^y", False), ("https://a.org/x`y", False), ("https://a.org/x\\y", False), ("https://a.org/<x>", False),
    ("HTTPS://a.org", False), (" https://a.org", False), ("https://", False), ("https://a.orgx y", False),
])
def test_safe_urls(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe
