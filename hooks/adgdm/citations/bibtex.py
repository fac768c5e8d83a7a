"""BibTeX entries built field by field from a paper, in a fixed order, with LaTeX escaping."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..data.models import Author, Paper, Venue
from .links import publisher_page

FIELD_ORDER = (
    "author", "title", "booktitle", "journal", "howpublished", "volume", "number", "pages",
    "publisher", "year", "doi", "eprint", "archiveprefix", "url",
)

ENTRY_TYPES = {
    "conference": "inproceedings",
    "workshop": "inproceedings",
    "journal": "article",
    "preprint": "misc",
    "book": "book",
}

_COMMON = frozenset(("author", "title", "year", "doi", "eprint", "archiveprefix", "url"))

# The fields each entry type may carry: those biblatex's data model accepts, and that BibTeX's
# standard styles know. biblatex has no publisher for articles, and @misc has neither volume nor
# pages, so those values are left out there. Proceedings keep their issue in `number` (AAAI
# publishes its proceedings by volume and issue, and citation-js, pandoc and biblatex read it
# there), although plain.bst, whose `number` is a series number, warns beside a volume.
ALLOWED_FIELDS: dict[str, frozenset[str]] = {
    "inproceedings": _COMMON | {"booktitle", "volume", "number", "pages", "publisher"},
    "article": _COMMON | {"journal", "volume", "number", "pages"},
    "misc": _COMMON | {"howpublished"},
    "book": _COMMON | {"volume", "publisher"},
}

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}

_LETTERS = {
    "ß": r"{\ss}", "æ": r"{\ae}", "Æ": r"{\AE}", "ø": r"{\o}", "Ø": r"{\O}", "œ": r"{\oe}", "Œ": r"{\OE}",
    "å": r"{\aa}", "Å": r"{\AA}", "ł": r"{\l}", "Ł": r"{\L}", "ı": r"{\i}", "đ": r"{\dj}", "Đ": r"{\DJ}",
}

_PUNCTUATION = {
    "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "…": r"\ldots{}",
    "\u00a0": "~", "‐": "-", "‑": "-", "−": "-", "′": "'",
    "×": r"{$\times$}", "±": r"{$\pm$}", "→": r"{$\rightarrow$}", "°": r"{$^\circ$}",
}

_ACCENTS = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u",
    "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030b": "H", "\u030c": "v", "\u0327": "c", "\u0328": "k",
}

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "θ": "theta", "λ": "lambda",
    "μ": "mu", "π": "pi", "σ": "sigma", "τ": "tau", "φ": "phi", "ψ": "psi", "ω": "omega",
}

# Words kept capitalised by BibTeX styles that lower-case titles (proper nouns in this field).
PROPER_NOUNS = frozenset(
    "Gaussian Bayesian Markov Markovian Shapley Langevin Fourier Microsoft Wasserstein Poisson Laplace "
    "Kalman Hessian Lipschitz Earth Monte Carlo Transformer Transformers Mamba Stein".split()
)


def latex_escape(text: str) -> str:
    """Escape LaTeX specials and turn non-ASCII letters into LaTeX accent commands."""
    out: list[str] = []
    for char in text:
        if char in _SPECIALS:
            out.append(_SPECIALS[char])
        elif char.isascii():
            out.append(char)
        else:
            out.append(_latex_char(char))
    return "".join(out)


def _latex_char(char: str) -> str:
    if char in _LETTERS:
        return _LETTERS[char]
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if char in _GREEK:
        return f"{{$\\{_GREEK[char]}$}}"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if base.isascii() and marks and all(mark in _ACCENTS for mark in marks):
        # A plain "i" under the accent, not dotless "\i": LaTeX composes both into the same glyph,
        # but biber decodes "\'\i" to a dotless i with a combining accent, which pdflatex refuses.
        letter = base
        for mark in marks:
            command = _ACCENTS[mark]
            letter = f"\\{command}{{{letter}}}" if command.isalpha() else f"\\{command}{letter}"
        return "{" + letter + "}"
    # Compatibility forms such as ligatures or superscripts have a plain ASCII spelling.
    compatible = unicodedata.normalize("NFKD", char)
    if compatible.isascii() and compatible.isprintable():
        return latex_escape(compatible)
    return char


def protect_title(title: str) -> str:
    """Escape a title and brace the words whose capitals must survive a style's lower-casing.

    Braces already in the title are the contributor's own protection and are kept as they are.
    """
    pieces = re.split(r"(\{[^{}]*\})", title)
    out: list[str] = []
    for piece in pieces:
        if piece.startswith("{") and piece.endswith("}"):
            out.append("{" + latex_escape(piece[1:-1]) + "}")
        else:
            out.append(re.sub(r"[^\s]+", lambda m: _protect_word(m.group(0)), piece))
    return "".join(out)


def _protect_word(word: str) -> str:
    core = word.strip(".,:;!?()[]\"'")
    parts = core.split("-")
    needs = any(_part_needs_protection(part, hyphenated=len(parts) > 1) for part in parts)
    if not needs:  # a word of punctuation only (core '') needs nothing either
        return latex_escape(word)
    start = word.index(core)
    before, after = word[:start], word[start + len(core):]
    return latex_escape(before) + "{" + latex_escape(core) + "}" + latex_escape(after)


def _part_needs_protection(part: str, hyphenated: bool) -> bool:
    """Mixed case (DDPM, AnoDDPM, 3D), a proper noun, or a lone capital inside a compound (X-ray)."""
    if any(c.isupper() for c in part[1:]) or part in PROPER_NOUNS:
        return True
    return hyphenated and len(part) == 1 and part.isupper()


def _bibtex_name(author: Author) -> str:
    # Braced, an organisation ("BloodCounts! consortium") stays whole instead of BibTeX reading its
    # last word as a family name, and a hyphenated family with a lower-case part ("Montoya-del-Angel")
    # instead of readers taking that part for a particle.
    if author.is_organisation:
        return "{" + latex_escape(author.family) + "}"
    family = latex_escape(author.family)
    if any(part[:1].islower() for part in author.family.split("-")[1:]):
        family = "{" + family + "}"
    return f"{family}, {latex_escape(author.given)}" if author.given else family


def bibtex_authors(paper: Paper) -> str:
    names = [_bibtex_name(a) for a in paper.authors]
    if paper.authors_incomplete:
        names.append("others")
    return " and ".join(names)


def entry_fields(paper: Paper, venue: Venue) -> list[tuple[str, str]]:
    """The entry's fields as (name, value) pairs in FIELD_ORDER; values are already BibTeX text."""
    fields: dict[str, str] = {
        "author": bibtex_authors(paper),
        "title": protect_title(paper.title),
        "year": str(paper.year),
    }
    kind = venue.kind
    venue_name = latex_escape(venue.name)
    if kind in ("conference", "workshop"):
        fields["booktitle"] = venue_name
    elif kind == "journal":
        fields["journal"] = venue_name
    elif kind == "preprint":
        fields["howpublished"] = f"arXiv preprint arXiv:{paper.arxiv}" if paper.arxiv and venue.short == "arXiv" else venue_name
    if paper.volume:
        fields["volume"] = latex_escape(paper.volume)
    if paper.number:
        fields["number"] = latex_escape(paper.number)
    if paper.pages:
        fields["pages"] = paper.pages
    publisher = paper.publisher or (venue.publisher if kind == "book" else "")
    if publisher:
        fields["publisher"] = latex_escape(publisher)
    if paper.doi:
        fields["doi"] = paper.doi
    # An arXiv preprint names its identifier once, in howpublished (which every style prints): with
    # eprint beside it biblatex would print it twice.
    if paper.arxiv and not (kind == "preprint" and venue.short == "arXiv"):
        fields["eprint"] = paper.arxiv
        fields["archiveprefix"] = "arXiv"
    # arXiv is already in eprint, the DOI in doi: url is for the publisher's page or OpenReview.
    landing = publisher_page(paper)
    if landing:
        fields["url"] = landing
    allowed = ALLOWED_FIELDS[ENTRY_TYPES[kind]]
    return [(name, fields[name]) for name in FIELD_ORDER if name in fields and name in allowed]


def to_bibtex(paper: Paper, venue: Venue) -> str:
    """One complete BibTeX entry, ending with a newline."""
    lines = [f"@{ENTRY_TYPES[venue.kind]}{{{paper.id},"]
    fields = entry_fields(paper, venue)
    for index, (name, value) in enumerate(fields):
        comma = "," if index < len(fields) - 1 else ""
        lines.append(f"  {name} = {{{value}}}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def bib_file(items: Iterable[tuple[Paper, Venue]]) -> str:
    """Entries separated by a blank line, in the order given."""
    return "\n".join(to_bibtex(paper, venue) for paper, venue in items)
