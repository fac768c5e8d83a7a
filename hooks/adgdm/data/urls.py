"""The one owner of generated page paths, their URLs and the slugs inside them.

URL rule (documented on the site): every generated page lives at a path built only from
stable identifiers: a paper's frozen key, a taxonomy node id, a venue's short name, a year.
Titles never enter URLs, so correcting a title never breaks a link.
"""

from __future__ import annotations

import functools
import re

from .text import ascii_fold


@functools.cache  # every table row slugifies its venue: few distinct names, asked for again and again
def slugify(text: str) -> str:
    """'IEEE TMI' -> 'ieee-tmi'; 'ESEC/FSE' -> 'esec-fse'; 'Božič' -> 'bozic'."""
    return "-".join(re.findall(r"[a-z0-9]+", ascii_fold(text).lower())) or "x"


def paper_page(paper_id: str) -> str:
    return f"papers/{paper_id}.md"


def paper_yaml(paper_id: str) -> str:
    return f"papers/{paper_id}.yaml"


def node_page(node_id: str) -> str:
    return f"taxonomy/{node_id}.md"


def venue_page(short: str) -> str:
    return f"venues/{slugify(short)}.md"


def year_page(year: int) -> str:
    return f"years/{year}.md"


def url_of(page_path: str) -> str:
    """Site-relative directory URL of a generated page: 'papers/x.md' -> 'papers/x/'."""
    stem = page_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def href(from_page: str, to: str) -> str:
    """A relative href from the built HTML of `from_page` to a page (.md) or a file.

    Raw HTML is not rewritten by MkDocs, so generated HTML links point at final URLs:
    with directory URLs, 'papers/x.md' is served from 'papers/x/'.
    """
    depth = url_of(from_page).count("/")
    target = url_of(to) if to.endswith(".md") else to
    return "../" * depth + target if depth or target else "./"


# Download files (not pages). Bulk BibTeX per taxonomy node (modalities and tasks are nodes too)
# and per venue sit beside the pages that link to them.
def node_bib(node_id: str) -> str:
    return f"downloads/taxonomy/{node_id}.bib"


def venue_bib(short: str) -> str:
    return f"downloads/venues/{slugify(short)}.bib"


def paper_bib(paper_id: str) -> str:
    return f"downloads/papers/{paper_id}.bib"


def paper_ris(paper_id: str) -> str:
    return f"downloads/papers/{paper_id}.ris"


# Browsing pages: indices, modality pages, the cross-tab and the author index.
# Every address below is built from a stable identifier (node id, a letter), never from a title.
INDEX_SLUG = "index"
"""Reserved: no node id or venue slug may be 'index', the name of the overview pages of their folders."""


def taxonomy_index() -> str:
    return "taxonomy/index.md"


def modalities_index() -> str:
    return "modalities/index.md"


def modality_page(node_id: str) -> str:
    """A modality page (image, video, ..., and the `generation` task) is addressed by its node id."""
    return f"modalities/{node_id}.md"


def venues_index() -> str:
    return "venues/index.md"


def years_index() -> str:
    return "years/index.md"


def crosstab_index() -> str:
    return "crosstab/index.md"


def crosstab_page(row_node: str, column_node: str) -> str:
    """The papers on two nodes at once, e.g. 'crosstab/image/reconstruction-based.md'."""
    return f"crosstab/{row_node}/{column_node}.md"


def authors_index() -> str:
    return "authors/index.md"


def author_letter(family: str) -> str:
    """The index letter of a family name: its first ASCII letter, or 'other' ('Özkan' -> 'o')."""
    initial = ascii_fold(family).strip().lower()[:1]
    return initial if initial.isalpha() else "other"  # folded: an ASCII letter or nothing


def author_page(letter: str) -> str:
    return f"authors/{letter}.md"


def author_anchor(sort_key: str) -> str:
    """The anchor of one author on their letter page: 'Božič, Aljaž' -> 'bozic-aljaz'; a name
    without Latin letters is spelled by its code points: '王, 芳' -> 'u738b-82b3'."""
    if ascii_fold(sort_key).strip(" ,.-'"):
        return slugify(sort_key)
    return "u" + "-".join(format(ord(ch), "x") for ch in sort_key if ch.isalnum())


# The paper explorer and the data it loads (public downloads as well).
def explorer_page() -> str:
    return "explorer.md"


def explorer_json() -> str:
    return "downloads/explorer.json"


def bibtex_json() -> str:
    """Every paper's BibTeX entry by key; the explorer fetches it only to copy or download BibTeX."""
    return "downloads/bibtex.json"


# Leaderboards, datasets and the related-surveys table, addressed by benchmark and dataset ids.
def benchmarks_index() -> str:
    return "benchmarks/index.md"


def benchmark_page(benchmark_id: str) -> str:
    return f"benchmarks/{benchmark_id}.md"


def benchmark_csv(benchmark_id: str) -> str:
    """One leaderboard's results, one row per reported value."""
    return f"downloads/benchmarks/{benchmark_id}.csv"


def results_json() -> str:
    """Every reported value of every leaderboard, with its metric, direction and source table."""
    return "downloads/results.json"


def datasets_index() -> str:
    return "datasets/index.md"


def dataset_page(dataset_id: str) -> str:
    return f"datasets/{dataset_id}.md"


def related_surveys_page() -> str:
    return "related-surveys.md"


def quality_page() -> str:
    """The data-quality page: counts and the lists of papers with something to fix."""
    return "quality.md"


# What's new: the page of recent additions and its Atom feed (at the site root, where feed readers look).
def whats_new_page() -> str:
    return "whats-new.md"


def atom_feed() -> str:
    return "feed.xml"
