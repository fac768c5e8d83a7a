"""Safe YAML reading that remembers the line of every field and refuses risky YAML features.

Files are composed into nodes by libyaml's safe composer (no Python object tags can be
constructed), then walked here, so each value keeps its line number for error messages.
Aliases are refused (they make alias bombs possible and serve no purpose in this data),
and so are explicit tags other than YAML's standard scalar, sequence and mapping tags.
Files arrive in pull requests from strangers, so a file is read only when it is a regular
file (not a link to something outside the repository, nor a device) of bounded size, and
nesting is bounded too (a deeply nested file would otherwise exhaust Python's stack).
"""

from __future__ import annotations

import datetime
import functools
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 12
MAX_KEY_LENGTH = 100
"""The deepest real field (surveys.adgdm.tables[0]) is 4 levels down; vocabularies go to 5."""

_BaseSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


@functools.lru_cache(maxsize=8192)
def _plain_scalar_tag(value: str) -> str:
    """The tag YAML's safe resolver gives an unquoted scalar. Keys and vocabulary terms repeat across
    thousands of files, so remembering the answer saves a third of the composing time at 10,000 papers."""
    resolvers = _BaseSafeLoader.yaml_implicit_resolvers
    for tag, pattern in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if pattern.match(value):
            return str(tag)
    return _STR


class _SafeLoader(_BaseSafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader with the same tags resolved faster (it has no path resolvers to consult)."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _plain_scalar_tag(value) if implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Only path resolvers need the composer's position; there are none."""

    def ascend_resolver(self) -> None:
        """See descend_resolver."""


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its plain value and the line where each field path starts."""

    path: str
    value: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, field_path: str) -> int:
        """The line of `field_path`, or of its closest parent that has one."""
        probe = field_path
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = _parent_path(probe)
        return self.lines.get("", 1)


def _parent_path(field_path: str) -> str:
    cut = max(field_path.rfind("."), field_path.rfind("["))
    return field_path[:cut] if cut > 0 else ""


class _YamlRefused(Exception):
    def __init__(self, line: int, field_path: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.field_path = field_path
        self.message = message


def read_yaml(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; return its document, or None and the problems that stopped it."""

    def refuse(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, 1, "file", message)]

    try:
        status = path.lstat()
        if stat.S_ISLNK(status.st_mode):
            return refuse("file is a symbolic link; commit the file itself")
        if not stat.S_ISREG(status.st_mode):
            return refuse("file is not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            return refuse(_too_big(status.st_size))
        with path.open("rb") as stream:
            # As many bytes as the file holds (asking for the limit would allocate 256 KiB per file),
            # and on up to the limit if it grew since lstat.
            raw = stream.read(status.st_size + 1)
            if len(raw) > status.st_size:
                raw += stream.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as error:
        return refuse(f"cannot be read ({error.strerror})")
    return parse_yaml(raw, shown_as)


def _too_big(size: int) -> str:
    return f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"


def parse_yaml(raw: bytes, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML bytes as described in the module docstring."""

    def refuse(message: str, line: int = 1, field_path: str = "file") -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, field_path, message)]

    if len(raw) > MAX_FILE_BYTES:
        return refuse(_too_big(len(raw)))
    if raw.startswith(b"\xef\xbb\xbf"):
        return refuse("file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return refuse(f"not valid UTF-8 (byte 0x{raw[error.start]:02x})", line)
    if not text.strip():
        return refuse("file is empty")
    # Only a file holding a tab needs the line-by-line look (most hold none).
    for number, content in enumerate(text.splitlines() if "\t" in text else (), start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            return refuse("indented with a tab; YAML needs spaces", number)
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
    except yaml.composer.ComposerError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        if error.problem == "but found another document":
            return refuse("holds a second YAML document (after ---); one file holds one paper", line)
        return refuse(f"invalid YAML ({error.problem or error.context or 'unreadable'})", line)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = error.problem or error.context or "unreadable"
        if error.context and error.context_mark is not None and error.problem:
            reason += f" {error.context} started on line {error.context_mark.line + 1}"
        return refuse(f"invalid YAML ({printable(reason)})", line)
    except yaml.YAMLError as error:
        return refuse(f"invalid YAML ({printable(str(error))})")
    except RecursionError:  # only the pure-Python composer recurses; libyaml stops at depth 1000
        return refuse(f"nested more than {MAX_DEPTH} levels deep")
    if node is None:
        return refuse("file is empty")
    lines: dict[str, int] = {"": node.start_mark.line + 1}
    try:
        # Aliases need anchors, so a file without "&" cannot hold one and needs no tracking of seen nodes.
        value = _plain(node, "", lines, set() if "&" in text else None, 0)
    except _YamlRefused as refused:
        line = _first_alias_line(text) if refused.message.startswith("YAML aliases") else refused.line
        return refuse(refused.message, line, refused.field_path or "file")
    return Document(shown_as, value, lines), []


def _first_alias_line(text: str) -> int:
    """The line of the first alias (the composed node only knows where its anchor was)."""
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return int(event.start_mark.line) + 1
    return 1


def printable(text: str) -> str:
    """Text safe to print on one line of a terminal: other characters shown as escapes like \\x1b."""
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def _plain(node: yaml.Node, field_path: str, lines: dict[str, int], seen: set[int] | None, depth: int) -> Any:
    """Turn a composed node into plain Python values, recording lines by field path."""
    line = node.start_mark.line + 1
    if seen is not None:
        if id(node) in seen:
            raise _YamlRefused(line, field_path, "YAML aliases (*name) are not allowed")
        seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _YamlRefused(line, field_path, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise _YamlRefused(line, field_path, f"YAML tag {printable(node.tag)} is not allowed")
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                raise _YamlRefused(key_line, field_path, "YAML merge keys (<<) are not allowed")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raise _YamlRefused(key_line, field_path, "keys must be plain text")
            key = str(key_node.value)
            if not key.isprintable():
                # The key is not printed: it would break the one-line message or the terminal.
                raise _YamlRefused(key_line, field_path, "a key contains a line break or a control character")
            if len(key) > MAX_KEY_LENGTH:
                raise _YamlRefused(key_line, field_path, f"a key is longer than {MAX_KEY_LENGTH} characters")
            child = f"{field_path}.{key}" if field_path else key
            if key in mapping:
                raise _YamlRefused(key_line, child, "appears twice")
            lines[child] = key_line
            mapping[key] = _plain(value_node, child, lines, seen, depth + 1)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise _YamlRefused(line, field_path, f"YAML tag {printable(node.tag)} is not allowed")
        items = []
        for index, item_node in enumerate(node.value):
            child = f"{field_path}[{index}]"
            lines[child] = item_node.start_mark.line + 1
            items.append(_plain(item_node, child, lines, seen, depth + 1))
        return items
    return _scalar(node, field_path, line)


def _scalar(node: yaml.Node, field_path: str, line: int) -> Any:
    tag = node.tag
    try:
        if tag == _STR:
            return str(node.value)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _CONSTRUCTOR.construct_yaml_bool(node)  # type: ignore[arg-type]
        if tag == _INT:
            return _CONSTRUCTOR.construct_yaml_int(node)  # type: ignore[arg-type]
        if tag == _FLOAT:
            return _CONSTRUCTOR.construct_yaml_float(node)  # type: ignore[arg-type]
        if tag == _TIMESTAMP:
            stamp = _CONSTRUCTOR.construct_yaml_timestamp(node)  # type: ignore[arg-type]
            return stamp if isinstance(stamp, datetime.date) else str(node.value)
    except (ValueError, yaml.YAMLError):
        what = "a real date" if tag == _TIMESTAMP else f"a valid {tag.rsplit(':', 1)[-1]}"
        raise _YamlRefused(line, field_path, f"'{printable(str(node.value))}' is not {what}") from None
    raise _YamlRefused(line, field_path, f"YAML tag {printable(tag)} is not allowed")
