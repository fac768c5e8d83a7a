"""Edits to a paper file that touch only the lines concerned: comments, field order and quoting of the rest stay as they are.

The file is handled as lines. A top-level field is a line starting with its key at column 0;
its block runs to the last indented (or `- `) line before the next key. A value that changes
keeps its line's quoting where it can; a new field goes after the nearest field before it in
the schema's order. `edited` re-reads the result and refuses any change beyond those asked.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ...data.paper_schema import PAPER_FIELDS, VERIFICATION_GROUPS
from ...data.safe_yaml import parse_yaml
from .proposals import PaperEdit

VERIFIED_FIELDS = ("date", *(group for group, _ in VERIFICATION_GROUPS), "unconfirmed", "note")
NEW_RECORD_NOTE = ("Venue, year and identifiers taken from the services named in the report of `python -m adgdm refresh`; "
                   "the summary and placements were not checked.")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)")


class EditRefused(Exception):
    """The edit could not be made safely (the file is shaped in a way this writer does not handle)."""


def edited(text: str, edit: PaperEdit, today: str) -> str:
    """`text` with the edit applied; raises EditRefused when the result would differ in any other way."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for change in edit.fields:
        _set_top(lines, change.field, change.new)
    for old, new, _ in edit.code:
        _replace_link(lines, old, new)
    if edit.disagreements:
        _append_items(lines, "disagreements", [
            [("field", d.field), ("value", d.value), ("source", d.source)] for d in edit.disagreements])
    if edit.fields or edit.code:
        _update_verified(lines, edit, today)
    result = "".join(lines)
    _check(text, result, edit, today)
    return result


def render(value: str | int, like: str = "") -> str:
    """A YAML scalar: a plain number, a plain word when the old value was plain and it reads back the same, else double quotes."""
    if isinstance(value, int):
        return str(value)
    plain = not like.lstrip().startswith(("'", '"')) and like.strip() != ""
    if plain and re.fullmatch(r"[A-Za-z][A-Za-z0-9 .&()-]*", value) and yaml.safe_load(f"k: {value}") == {"k": value}:
        return value
    return json.dumps(value, ensure_ascii=False)


def _blocks(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Top-level key -> (first line, last line of its block), as indexes."""
    starts = [(index, match.group(1)) for index, line in enumerate(lines) if (match := _KEY.match(line))]
    blocks = {}
    for position, (start, key) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        end = start
        for index in range(start + 1, stop):
            if lines[index][:1] in (" ", "-", "\t") and lines[index].strip() and not lines[index].lstrip().startswith("#"):
                end = index
        blocks[key] = (start, end)
    return blocks


def _insert_after_preceding(lines: list[str], key: str, new_lines: list[str]) -> None:
    blocks = _blocks(lines)
    order = list(PAPER_FIELDS)
    before = [name for name in order[: order.index(key)] if name in blocks]
    at = blocks[before[-1]][1] + 1 if before else len(lines)
    lines[at:at] = new_lines


def _set_top(lines: list[str], key: str, value: str | int) -> None:
    blocks = _blocks(lines)
    if key not in blocks:
        _insert_after_preceding(lines, key, [f"{key}: {render(value, 'plain' if key == 'venue' else '')}\n"])
        return
    start, end = blocks[key]
    old, comment = _split_comment(lines[start][len(key) + 1:].strip())
    if end != start or not old or old.startswith(("[", "{", "|", ">")):
        raise EditRefused(f"{key} is not a one-line value")
    lines[start] = f"{key}: {render(value, old)}{comment}\n"


def _split_comment(value: str) -> tuple[str, str]:
    """A one-line scalar and its trailing comment (with the spaces before it), so the comment survives the edit."""
    if value[:1] in ("'", '"'):
        closing = re.match(r'"(?:[^"\\]|\\.)*"|'"'(?:[^']|'')*'", value)
        cut = closing.end() if closing else len(value)
    else:
        found = re.search(r"\s+#", value)
        cut = found.start() if found else len(value)
    rest = value[cut:]
    return value[:cut].rstrip(), rest if rest.strip().startswith("#") else ""


def _replace_link(lines: list[str], old: str, new: str) -> None:
    start, end = _blocks(lines).get("code", (-1, -1))
    for index in range(start, end + 1 if start >= 0 else 0):
        for quoted in (json.dumps(old), f"'{old}'", old):
            if quoted in lines[index]:
                replacement = json.dumps(new) if quoted.startswith('"') else (f"'{new}'" if quoted.startswith("'") else new)
                lines[index] = lines[index].replace(quoted, replacement, 1)
                return
    raise EditRefused(f"code link {old} not found")


def _append_items(lines: list[str], key: str, items: list[list[tuple[str, str]]]) -> None:
    """Add mappings to a block list (created after its preceding field when absent)."""
    blocks = _blocks(lines)
    if key in blocks and lines[blocks[key][0]].strip() not in (f"{key}:", f"{key}: []"):
        start, end = blocks[key]
        dash = next((line for line in lines[start + 1:end + 1] if line.lstrip().startswith("- ")), "  - ")
        indent = dash[: len(dash) - len(dash.lstrip())]
    else:
        indent = "  "
    new = [f"{indent}{'- ' if n == 0 else '  '}{name}: {render(value, 'plain' if name == 'field' else '')}\n"
           for item in items for n, (name, value) in enumerate(item)]
    if key in blocks:
        start, end = blocks[key]
        if lines[start].strip() == f"{key}: []":
            lines[start] = f"{key}:\n"
        lines[end + 1:end + 1] = new
    else:
        _insert_after_preceding(lines, key, [f"{key}:\n", *new])


def _update_verified(lines: list[str], edit: PaperEdit, today: str) -> None:
    blocks = _blocks(lines)
    groups = (("record", edit.record_urls), ("identifiers", edit.identifier_urls), ("code", [url for _, _, url in edit.code]))
    if "verified" not in blocks:
        body = [f'  date: "{today}"\n'] + [f"  {name}: [{', '.join(json.dumps(u) for u in urls)}]\n" for name, urls in groups if urls]
        body += ["  unconfirmed: [method]\n", f"  note: {json.dumps(NEW_RECORD_NOTE)}\n"]
        _insert_after_preceding(lines, "verified", ["verified:\n", *body])
        return
    start, end = blocks["verified"]
    children = {m.group(1): index for index in range(start + 1, end + 1) if (m := re.match(r"  ([a-z_]+):", lines[index]))}
    if "date" not in children:
        raise EditRefused("verified has no date line")
    lines[children["date"]] = f'  date: "{today}"\n'
    for name, urls in reversed(groups):
        if urls:
            _add_to_flow_list(lines, children, name, urls, start)
    _drop_unconfirmed(lines, start, edit.confirmed)


def _add_to_flow_list(lines: list[str], children: dict[str, int], name: str, urls: list[str], start: int) -> None:
    """Add URLs to a list of `verified`, one-line (`[a, b]`) or block (`- a` lines), or create it in field order."""
    if name in children:
        at = children[name]
        line = lines[at]
        if line.rstrip() == f"  {name}:":
            _add_to_block_list(lines, children, at, urls)
            return
        if not line.rstrip().endswith("]") or "[" not in line:
            raise EditRefused(f"verified.{name} is neither a one-line nor a block list")
        known = yaml.safe_load(line.strip().split(":", 1)[1]) or []
        extra = [json.dumps(url) for url in urls if url not in known]
        if extra:
            head = line.rstrip()[:-1].rstrip()
            lines[at] = head + ("" if head.endswith("[") else ", ") + ", ".join(extra) + "]\n"
        return
    order = list(VERIFIED_FIELDS)
    before = [children[key] for key in order[: order.index(name)] if key in children]
    at = _end_of_child(lines, max(before)) + 1 if before else start + 1
    lines.insert(at, f"  {name}: [{', '.join(json.dumps(url) for url in urls)}]\n")
    _shift(children, at, 1)


def _add_to_block_list(lines: list[str], children: dict[str, int], at: int, urls: list[str]) -> None:
    last = _end_of_child(lines, at)
    items = lines[at + 1:last + 1]
    known = [yaml.safe_load(item.strip()[2:]) for item in items if item.lstrip().startswith("- ")]
    indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "    "
    extra = [f"{indent}- {json.dumps(url)}\n" for url in urls if url not in known]
    lines[last + 1:last + 1] = extra
    _shift(children, last + 1, len(extra))


def _end_of_child(lines: list[str], at: int) -> int:
    """The last line of the `verified` field starting at `at` (its more indented lines)."""
    end = at
    while end + 1 < len(lines) and lines[end + 1].startswith("   ") and lines[end + 1].strip():
        end += 1
    return end


def _shift(children: dict[str, int], at: int, by: int) -> None:
    for key, index in children.items():
        if index >= at:
            children[key] = index + by


def _drop_unconfirmed(lines: list[str], start: int, confirmed: list[str]) -> None:
    for index in range(start + 1, len(lines)):
        if not lines[index].startswith("  "):
            break
        if lines[index].rstrip() == "  unconfirmed:":
            last = _end_of_child(lines, index)
            kept = [item for item in lines[index + 1:last + 1] if yaml.safe_load(item.strip()[2:]) not in confirmed]
            lines[index:last + 1] = [lines[index], *kept] if kept else []
            return
        if lines[index].startswith("  unconfirmed:") and lines[index].rstrip().endswith("]"):
            left = [name for name in yaml.safe_load(lines[index].split(":", 1)[1]) or [] if name not in confirmed]
            lines[index] = f"  unconfirmed: [{', '.join(left)}]\n" if left else ""
            return


def expected_data(data: dict[str, Any], edit: PaperEdit, today: str) -> dict[str, Any]:
    """What the file must read as after the edit: the old data with exactly the asked changes."""
    new = json.loads(json.dumps(data, default=str))
    for change in edit.fields:
        new[change.field] = change.new
    for old, link, _ in edit.code:
        new["code"] = [link if url == old else url for url in new["code"]]
    if edit.disagreements:
        new["disagreements"] = [*new.get("disagreements", []),
                                *({"field": d.field, "value": d.value, "source": d.source} for d in edit.disagreements)]
    checked = new.setdefault("verified", {"unconfirmed": ["method"], "note": NEW_RECORD_NOTE})
    checked["date"] = today
    for name, urls in (("record", edit.record_urls), ("identifiers", edit.identifier_urls), ("code", [u for _, _, u in edit.code])):
        if urls:
            checked[name] = [*checked.get(name, []), *(url for url in urls if url not in checked.get(name, []))]
    if "unconfirmed" in checked:
        checked["unconfirmed"] = [name for name in checked["unconfirmed"] if name not in edit.confirmed]
        if not checked["unconfirmed"]:
            del checked["unconfirmed"]
    return dict(new)


def _check(old_text: str, new_text: str, edit: PaperEdit, today: str) -> None:
    old, _ = parse_yaml(old_text.encode("utf-8"), edit.source_path)
    new, problems = parse_yaml(new_text.encode("utf-8"), edit.source_path)
    if old is None or new is None:
        raise EditRefused("; ".join(problem.message for problem in problems) or "the file does not parse")
    if json.loads(json.dumps(new.value, default=str)) != expected_data(old.value, edit, today):
        raise EditRefused("the edited file would change more than the fields concerned")
