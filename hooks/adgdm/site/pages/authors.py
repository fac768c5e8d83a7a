"""The author index: one page per initial letter of the family name, so no page grows with the
whole catalogue, and an index page with the letters and the most frequent authors.

Authors are told apart by their name as the paper files write it ('Family, Given'); the same
person written two ways ('Liu, J.' and 'Liu, Jing') appears twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...data.models import Author, Paper
from ...data.text import ascii_fold, strip_braces
from ...data.urls import author_anchor, author_letter, author_page, authors_index, href, paper_page
from ..context import Context
from ..markup import block, esc, front_matter, heading, link
from ..memo import once_per
from .crumbs import breadcrumbs
from .tables import count_text, sorted_papers

TOP_AUTHORS = 20


@dataclass(frozen=True)
class AuthorEntry:
    """One author of the index, with the anchor of their entry on the letter page."""

    author: Author
    anchor: str
    papers: tuple[Paper, ...]


def author_letters(ctx: Context) -> dict[str, list[AuthorEntry]]:
    """Letter -> its authors in alphabetical order; letters a-z, then 'other'."""
    return once_per(ctx.index, "author-letters", lambda: _group(ctx))


def _group(ctx: Context) -> dict[str, list[AuthorEntry]]:
    by_letter: dict[str, list[AuthorEntry]] = {}
    taken: set[str] = set()
    for key in sorted(ctx.index.by_author, key=_order):
        papers = ctx.index.by_author[key]
        author = next(a for a in papers[0].authors if a.sort_key == key)
        anchor = author_anchor(key)
        suffix = 2
        while anchor in taken:  # names that fold to the same slug ('Liu, J.' and 'Liu, J')
            anchor, suffix = f"{author_anchor(key)}-{suffix}", suffix + 1
        taken.add(anchor)
        by_letter.setdefault(author_letter(author.family), []).append(AuthorEntry(author, anchor, papers))
    return {letter: by_letter[letter] for letter in sorted(by_letter, key=lambda x: (x == "other", x))}


def _order(sort_key: str) -> tuple[bool, str, str]:
    """Alphabetical by the ASCII-folded name; names without Latin letters last."""
    folded = ascii_fold(sort_key).lower()
    return (not folded.strip(" ,.-'"), folded, sort_key)


def _letter_label(letter: str) -> str:
    return "Other" if letter == "other" else letter.upper()


def _starts(letter: str) -> str:
    return "a character other than A to Z" if letter == "other" else letter.upper()


def _letter_bar(page: str, letters: dict[str, list[AuthorEntry]], current: str = "") -> str:
    items = [f'<li aria-current="page">{esc(_letter_label(letter))}</li>' if letter == current
             else f"<li>{link(href(page, author_page(letter)), _letter_label(letter))}</li>" for letter in letters]
    return f'<nav class="adgdm-letters" aria-label="Authors by letter"><ul>{"".join(items)}</ul></nav>'


def render_authors_index(ctx: Context) -> str:
    page = authors_index()
    letters = author_letters(ctx)
    total = sum(len(entries) for entries in letters.values())
    everyone = [(entry, letter) for letter, entries in letters.items() for entry in entries]
    top = sorted(everyone, key=lambda item: (-len(item[0].papers), _order(item[0].author.sort_key)))[:TOP_AUTHORS]
    top_items = "".join(
        f"<li>{link(href(page, author_page(letter)) + '#' + entry.anchor, entry.author.sort_key)} "
        f'<span class="adgdm-count">{len(entry.papers)}</span></li>'
        for entry, letter in top
    )
    counts = "".join(
        f'<li data-letter="{esc(letter)}" data-count="{len(entries)}">{link(href(page, author_page(letter)), _letter_label(letter))} '
        f'<span class="adgdm-count">{len(entries)}</span></li>'
        for letter, entries in letters.items()
    )
    return (
        front_matter("Authors", "Every author of the catalogue, by the first letter of the family name.")
        + heading("Authors")
        + block(f"<p>{count_text(total, 'author')} wrote the catalogue's {count_text(len(ctx.catalogue.papers))}. "
                "Pick the first letter of a family name; each page lists its authors and their papers.</p>"
                + f'<ul class="adgdm-counted adgdm-letter-counts">{counts}</ul>')
        + heading("Most frequent authors", 2, "most-frequent")
        + block(f'<ol class="adgdm-top-authors">{top_items}</ol>')
    )


def render_author_letter(ctx: Context, letter: str, entries: list[AuthorEntry]) -> str:
    page = author_page(letter)
    label = _letter_label(letter)
    items = []
    for entry in entries:
        papers = "".join(
            f"<li>{link(href(page, paper_page(p.id)), strip_braces(p.title))} ({esc(p.venue)} {p.year})</li>"
            for p in sorted_papers(entry.papers)
        )
        items.append(f'<li id="{esc(entry.anchor)}"><strong>{esc(entry.author.sort_key)}</strong> '
                     f'<span class="adgdm-count">{len(entry.papers)}</span><ul>{papers}</ul></li>')
    return (
        front_matter(f"Authors: {label}", f"Authors whose family name starts with {_starts(letter)}, and their papers.")
        + block(breadcrumbs(page, [("Authors", authors_index())], label))
        + heading(f"Authors: {label}")
        + block(_letter_bar(page, author_letters(ctx), letter)
                + f"<p>{count_text(len(entries), 'author')}.</p>"
                + f'<ul class="adgdm-authors">{"".join(items)}</ul>')
    )
