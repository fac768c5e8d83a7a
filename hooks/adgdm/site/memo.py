"""A one-slot cache for tables derived from the catalogue, so each is built once per site build
rather than once per page (the catalogue's frozen records hold dicts, so they cannot be hash keys)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

T = TypeVar("T")

_slots: dict[str, tuple[object, object]] = {}


def once_per(owner: object, name: str, compute: Callable[[], T]) -> T:
    """`compute()` for this `owner` (a Catalogue or an Index), reused until another owner asks."""
    cached = _slots.get(name)
    if cached is None or cached[0] is not owner:
        cached = (owner, compute())
        _slots[name] = cached
    return cast(T, cached[1])
