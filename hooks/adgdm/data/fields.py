"""Field patterns and spec shorthands that the paper schema and the vocabulary schemas share."""

from __future__ import annotations

import datetime

from .spec import Spec

KEY_PATTERN = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)?"
DOI_PATTERN = r'10\.\d{4,9}/[^\s"<>{}|\\^`]+'
ARXIV_PATTERN = r"\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7}"
OPENREVIEW_PATTERN = r"[A-Za-z0-9_-]{5,40}"
# Pages, optionally with an article number as ACM prints them (38:1--38:38).
PAGES_PATTERN = r"[A-Za-z]?\d+(?::\d+)?(?:--[A-Za-z]?\d+(?::\d+)?)?"
NODE_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
FIRST_YEAR = 1900
# Ids that name a page of their own (datasets/<id>/, benchmarks/<id>/): never the folder's index page.
PAGE_ID_PATTERN = r"(?!index$)" + NODE_PATTERN


def latest_year() -> int:
    """Papers may carry next year's date (journals assign volumes ahead), never later."""
    return datetime.date.today().year + 1


def text_field(help_text: str, **options: object) -> Spec:
    """A text field."""
    return Spec("text", help=help_text, **options)  # type: ignore[arg-type]


def text_list(help_text: str, item: Spec, **options: object) -> Spec:
    """A list of distinct items."""
    return Spec("list", help=help_text, item=item, unique=True, **options)  # type: ignore[arg-type]


LINK = text_field("An http(s) URL.", link=True, max_length=500)
