"""The citation-key rule: first author's family name + year + first significant title word.

Keys are computed once, when a paper is added, and then frozen in the paper file (its `id`
and file name), so a published key never changes even if the title or authors are corrected.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .text import STOPWORDS, ascii_fold, strip_braces


def _token(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


def first_significant_word(title: str) -> str:
    """The first title word that is not a stop word, folded to lower-case ASCII letters and digits."""
    for word in re.split(r"[\s\-:/]+", strip_braces(title)):
        token = _token(word)
        if token and token not in STOPWORDS:
            return token
    return "untitled"


def base_key(family_name: str, year: int, title: str) -> str:
    surname = re.sub(r"[^a-z]", "", ascii_fold(family_name).lower()) or "anon"
    return f"{surname}{year}{first_significant_word(title)}"


def make_key(family_name: str, year: int, title: str, taken: Collection[str] = ()) -> str:
    """The rule's key, with _2, _3 ... appended when it is already taken."""
    key = base_key(family_name, year, title)
    if key not in taken:
        return key
    suffix = 2
    while f"{key}_{suffix}" in taken:
        suffix += 1
    return f"{key}_{suffix}"


def follows_rule(key: str, family_name: str, year: int, title: str) -> bool:
    """True when `key` is the rule's key for these fields, with or without a collision suffix."""
    return re.fullmatch(re.escape(base_key(family_name, year, title)) + r"(?:_\d+)?", key) is not None
