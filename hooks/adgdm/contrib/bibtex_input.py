"""Reading BibTeX into paper fields: LaTeX decoded to Unicode, identifiers recognised, venues matched.

Used by the `new` command. Titles keep only the braces that protect capitals
(`{DDPM}`); every other LaTeX construct (`{\\"o}`, `\\c{S}`, `--`, `$\\alpha$`) becomes
plain Unicode, as paper files store it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import Entry
from pylatexenc.latex2text import LatexNodes2Text  # type: ignore[import-untyped]

from ..data.fields import ARXIV_PATTERN, DOI_PATTERN, OPENREVIEW_PATTERN, PAGES_PATTERN
from ..data.models import Venue
from ..data.spec import is_safe_url
from ..data.text import normalise_title

_DECODER = LatexNodes2Text(math_mode="text")
# bibtexparser logs unreadable entries itself; `read_bibtex` reports them, once, in the checker's form.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False
_MACRO_BEFORE = re.compile(r"\\(?:[A-Za-z]+|[^A-Za-z\s])\s*$")
_BARE_SPECIAL = re.compile(r"(?<!\\)([%&#])")
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?/?$", re.IGNORECASE)
_OPENREVIEW_URL = re.compile(r"openreview\.net/(?:forum|pdf)\?id=([A-Za-z0-9_-]+)")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)


@dataclass
class Draft:
    """What one BibTeX entry (or bare identifier) says about a paper, as paper-file values."""

    origin: str
    """Where it came from, e.g. 'refs.bib:12 (entry bercea2024)'."""
    fields: dict[str, Any] = field(default_factory=dict)
    venue_text: str = ""
    """The entry's own venue words when no venue of the vocabulary matched them."""
    notes: list[str] = field(default_factory=list)
    """Things the contributor should know about this draft (values that could not be used)."""


def decode_latex(text: str, keep_case_braces: bool = False) -> str:
    """LaTeX to Unicode; with `keep_case_braces`, braces that protect capitals stay (`{DDPM}`)."""
    while text.startswith("{") and _closing_brace(text, 0) == len(text) - 1:
        text = text[1:-1]  # a brace pair around the whole value protects nothing in particular
    out: list[str] = []
    pending = ""
    position = 0
    while position < len(text):
        char = text[position]
        if char == "\\":
            escape = re.match(r"\\(?:[A-Za-z]+|.)", text[position:], re.DOTALL)
            assert escape is not None
            pending += escape.group(0)
            position += len(escape.group(0))
            continue
        if char == "{":
            end = _closing_brace(text, position)
            if end < 0:
                pending += text[position:]
                break
            inner = text[position + 1:end]
            protected = keep_case_braces and not _MACRO_BEFORE.search(pending) and not inner.startswith("\\")
            decoded = decode_latex(inner, keep_case_braces=True) if protected else ""
            if protected and any(letter.isupper() for letter in decoded):
                out.append(_decode_plain(pending) + "{" + decoded + "}")
                pending = ""
            else:
                pending += text[position:end + 1]
            position = end + 1
            continue
        pending += char
        position += 1
    out.append(_decode_plain(pending))
    return " ".join("".join(out).replace("\xa0", " ").split())


def _decode_plain(latex: str) -> str:
    # A bare % would start a LaTeX comment and a bare & an alignment: read both literally.
    return str(_DECODER.latex_to_text(_BARE_SPECIAL.sub(r"\\\1", latex))) if latex else ""


def _closing_brace(text: str, start: int) -> int:
    """Index of the brace closing the one at `start`, or -1."""
    depth = 0
    position = start
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        depth += (char == "{") - (char == "}")
        if depth == 0:
            return position
        position += 1
    return -1


def plain_value(text: str) -> str:
    """An identifier or URL from BibTeX: braces dropped, `\\_` and friends unescaped."""
    return re.sub(r"\\([_%#&~$])", r"\1", text.replace("{", "").replace("}", "")).strip()


# -- identifiers -----------------------------------------------------------------------------


def arxiv_id(text: str) -> str:
    """'arXiv:2506.09368v2', 'https://arxiv.org/abs/2506.09368' or '10.48550/arXiv.2506.09368' -> '2506.09368'."""
    value = plain_value(text)
    url = _ARXIV_URL.search(value)
    doi = _ARXIV_DOI.fullmatch(_DOI_PREFIX.sub("", value))
    candidate = url.group(1) if url else doi.group(1) if doi else re.sub(r"^(?:arxiv:\s*|abs/)", "", value, flags=re.IGNORECASE)
    candidate = re.sub(r"v\d+$", "", candidate)
    return candidate if re.fullmatch(ARXIV_PATTERN, candidate) else ""


def doi_of(text: str) -> str:
    """'https://doi.org/10.1/x' or 'doi:10.1/x' -> '10.1/x'; '' when it is not a DOI."""
    value = _DOI_PREFIX.sub("", plain_value(text))
    return value if re.fullmatch(DOI_PATTERN, value) else ""


def openreview_id(text: str) -> str:
    match = _OPENREVIEW_URL.search(plain_value(text))
    return match.group(1) if match and re.fullmatch(OPENREVIEW_PATTERN, match.group(1)) else ""


def arxiv_year(identifier: str) -> int | None:
    """The year an arXiv id was issued: '2506.09368' -> 2025, 'cs/9901001' -> 1999."""
    digits = re.search(r"(\d{2})(\d{2})[.\d]", identifier.split("/")[-1])
    if not digits:
        return None
    year = int(digits.group(1))
    return 2000 + year if year < 91 else 1900 + year


def bare_identifier(text: str) -> Draft | None:
    """A draft holding just an arXiv id or a DOI given on its own, or None when `text` is neither."""
    arxiv = arxiv_id(text)
    doi = doi_of(text)
    if not arxiv and not doi:
        return None
    draft = Draft(origin=f"identifier {text}")
    if doi and not arxiv:
        draft.fields["doi"] = doi
    if arxiv:
        year = arxiv_year(arxiv)
        if year:
            draft.fields["year"] = year
        draft.fields["venue"] = "arXiv"
        draft.fields["arxiv"] = arxiv
    return draft


# -- BibTeX entries --------------------------------------------------------------------------


def read_bibtex(text: str, source: str, venues: Mapping[str, Venue]) -> tuple[list[Draft], list[str]]:
    """Drafts for the entries of a BibTeX text, and `source:line: message` lines for what could not be read."""
    library = parse_string(text)
    problems = [f"{source}:{(block.start_line or 0) + 1}: {_failure(block.error)}" for block in library.failed_blocks]
    drafts = [_draft(entry, source, venues) for entry in library.entries]
    if not drafts and not problems:
        problems.append(f"{source}:1: no BibTeX entry found")
    return drafts, problems


def _failure(error: Exception) -> str:
    reason = str(getattr(error, "abort_reason", "") or error).strip() or type(error).__name__
    return f"entry could not be read ({reason.splitlines()[0].rstrip('.').lower()})"


def _draft(entry: Entry, source: str, venues: Mapping[str, Venue]) -> Draft:
    raw = {key.lower(): str(value.value) for key, value in entry.fields_dict.items()}
    draft = Draft(origin=f"{source}:{(entry.start_line or 0) + 1} (entry {entry.key})")
    found = draft.fields
    if raw.get("title"):
        found["title"] = decode_latex(raw["title"], keep_case_braces=True)
    if raw.get("author"):
        authors, incomplete = _authors(raw["author"])
        found["authors"] = authors
        if incomplete:
            found["authors_incomplete"] = True
    year = re.match(r"\s*\{?(\d{4})", raw.get("year") or raw.get("date") or "")
    if year:
        found["year"] = int(year.group(1))
    identifiers = _identifiers(raw)
    venue, venue_text = match_venue(entry.entry_type.lower(), raw, venues, has_arxiv="arxiv" in identifiers)
    if venue:
        found["venue"] = venue
    draft.venue_text = venue_text
    for name in ("volume", "number"):
        value = decode_latex(raw.get(name, ""))
        if value and not value.lower().startswith("abs/"):  # dblp's CoRR volume repeats the arXiv id
            found[name] = value
    _pages(raw.get("pages", ""), draft)
    if entry.entry_type.lower() == "book" and raw.get("publisher"):
        found["publisher"] = decode_latex(raw["publisher"])
    found.update(identifiers)
    if "year" not in found and identifiers.get("arxiv") and (issued := arxiv_year(str(identifiers["arxiv"]))):
        found["year"] = issued
    return draft


def _authors(text: str) -> tuple[list[str], bool]:
    """Authors as 'Family, Given'; True when the list ends with BibTeX's 'others'."""
    names: list[str] = []
    incomplete = False
    for name in split_multiple_persons_names(text):
        if name.strip().lower() == "others":
            incomplete = True
            continue
        parts = parse_single_name_into_parts(name, strict=False)
        family = decode_latex(" ".join([*parts.von, *parts.last, *parts.jr]))
        given = decode_latex(" ".join(parts.first))
        if family:
            names.append(f"{family}, {given}" if given else family)
    return names, incomplete


def _identifiers(raw: Mapping[str, str]) -> dict[str, str]:
    """DOI, arXiv id, OpenReview id and landing URL, from whichever fields carry them."""
    found: dict[str, str] = {}
    eprint_type = (raw.get("archiveprefix") or raw.get("eprinttype") or "").lower()
    for candidate in (raw.get("eprint", "") if eprint_type in ("arxiv", "") else "", raw.get("url", ""),
                      raw.get("doi", ""), raw.get("journal", ""), raw.get("volume", "")):
        if candidate and (arxiv := arxiv_id(candidate.split()[-1])):
            found["arxiv"] = arxiv
            break
    doi = doi_of(raw.get("doi", "")) or doi_of(raw.get("url", ""))
    if doi and not _ARXIV_DOI.fullmatch(doi):  # arXiv's own DOIs are arXiv ids, kept as such
        found["doi"] = doi
    openreview = openreview_id(raw.get("url", ""))
    if openreview:
        found["openreview"] = openreview
    url = plain_value(raw.get("url", ""))
    if url and is_safe_url(url) and not (arxiv_id(url) or doi_of(url) or openreview):
        found["url"] = url
    return found


def _pages(text: str, draft: Draft) -> None:
    pages = "--".join(part for part in re.split(r"\s*(?:-+|–|—|\\textendash\s*)\s*", plain_value(text)) if part)
    if pages and re.fullmatch(PAGES_PATTERN, pages):
        draft.fields["pages"] = pages
    elif pages:
        draft.notes.append(f"pages '{pages}' are not in the form first--last and were left out")


def match_venue(entry_type: str, raw: Mapping[str, str], venues: Mapping[str, Venue], has_arxiv: bool) -> tuple[str, str]:
    """(venue short name, '') when a venue of the vocabulary matches the entry, else ('', the entry's venue words)."""
    text = decode_latex(raw.get("booktitle") or raw.get("journal") or raw.get("howpublished") or "")
    if entry_type == "book":
        books = sorted(short for short, venue in venues.items() if venue.kind == "book")
        if books:
            return books[0], ""
    if re.fullmatch(r"corr|arxiv(?: e-prints)?", text.strip().lower()) or (not text and has_arxiv):
        text = "arXiv"
    words = f" {normalise_title(text)} "
    if not words.strip():
        return "", ""
    best = ""
    best_length = 0
    for short, venue in sorted(venues.items()):
        for name in (venue.name, short):
            key = normalise_title(name)
            # Whole-word containment; the longest match wins (CVPR Workshops over CVPR).
            if key and f" {key} " in words and len(key) > best_length:
                best, best_length = short, len(key)
    if best and venues[best].kind == "conference" and re.search(r" workshops? ", words):
        best = _workshop_of(best, venues) or best
    return (best, "") if best else ("", text)


def _workshop_of(conference: str, venues: Mapping[str, Venue]) -> str:
    """The workshop venue named after a conference ('CVPR (CVPR) Workshops' -> CVPRW), or ''."""
    name = normalise_title(venues[conference].name)
    return next((short for short, venue in sorted(venues.items())
                 if venue.kind == "workshop" and normalise_title(venue.name).startswith(name)), "")
