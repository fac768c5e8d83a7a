"""Text helpers shared by keys, search and duplicate detection: ASCII folding and normalising."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into an ASCII base letter.
_SPECIAL_FOLDS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i",
})

STOPWORDS = frozenset(
    "a an the on of for in to with and via towards toward from by at as is are be or its into".split()
)


def ascii_fold(text: str) -> str:
    """'Božič Schölkopf' -> 'Bozic Scholkopf'."""
    if text.isascii():  # most titles and names: nothing to fold
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_FOLDS))
    return "".join(ch for ch in decomposed if ch.isascii())  # accents went apart from their letters; what has no ASCII form goes


def strip_braces(text: str) -> str:
    """Remove BibTeX case-protection braces from a title for display."""
    return text.replace("{", "").replace("}", "")


def normalise_title(title: str) -> str:
    """A comparison form of a title: folded, lower-case, punctuation as single spaces."""
    folded = ascii_fold(strip_braces(title)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def braces_balanced(text: str) -> bool:
    if "{" not in text and "}" not in text:
        return True
    depth = 0
    for ch in text:
        depth += (ch == "{") - (ch == "}")
        if depth < 0:
            return False
    return depth == 0
