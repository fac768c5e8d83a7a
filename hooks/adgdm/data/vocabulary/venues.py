"""The venues (venues.yaml): conferences, workshops, journals, preprint servers and book publishers, by short name."""

from __future__ import annotations

from ..fields import LINK, text_field
from ..load_state import LoadState
from ..models import Venue
from ..spec import Spec
from ..text import ascii_fold
from ..urls import INDEX_SLUG, slugify, url_of, venue_page, venues_index

VENUE = Spec(
    "mapping",
    fields=(
        ("name", text_field("Full name, used as BibTeX booktitle or journal.", required=True, max_length=300)),
        ("kind", text_field("conference, workshop, journal, preprint or book.", required=True, vocabulary="venue kind")),
        ("publisher", text_field("Publisher.", max_length=200)),
        ("url", LINK),
    ),
)


def load_venues(state: LoadState) -> dict[str, Venue]:
    """Every venue whose short name gives it a page of its own."""
    venues: dict[str, Venue] = {}
    by_slug: dict[str, str] = {}
    for walker, key, entry in state.vocabulary_entries("venues.yaml", VENUE, keyed=True):
        # A venue's page is addressed by the slug of its short name, so each needs its own slug.
        slug = slugify(key)
        if not any(char.isalnum() for char in ascii_fold(key)):
            walker.report(key, "a venue's short name needs a letter or a digit")
            continue
        if slug in by_slug:
            walker.report(key, f"'{key}' and '{by_slug[slug]}' would share the page {url_of(venue_page(key))}")
            continue
        if slug == INDEX_SLUG:
            walker.report(key, f"'{key}' would take the address {url_of(venues_index())} of the list of venues")
            continue
        by_slug[slug] = key
        venues[key] = Venue(key, entry["name"], entry["kind"], entry.get("publisher", ""), entry.get("url", ""))
    state.vocabularies["venue"] = set(venues)
    return venues
