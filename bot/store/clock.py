"""Time as Puente keeps it: `utc_now`, the one clock, and timestamps in the store as UTC
ISO-8601 text, so they sort and read well.

`utc_now` is the default of `Services.clock` (and of the CLI's `args.clock`); everything a
person could notice (a due review, a streak, a report's "today", a pack's install time) reads
the clock passed down from there, so a test freezes it in one place. The store never calls it:
its queries take `now` from their caller.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The wall clock, as an aware UTC datetime."""
    return datetime.now(UTC)


# The last few moments stamped, by identity, with their text: a graded answer stamps the same
# `now` (one object, from the one clock) five or six times between its other moments, and
# isoformat is most of what a stamp costs. A datetime is immutable, so the same object always
# has the same text; the entry holds the object, so its id is not reused while it is kept.
_KEPT = 8
_kept: dict[int, tuple[datetime, str]] = {}


def stamp(moment: datetime) -> str:
    """Turn an aware datetime into the store's UTC text form."""
    found = _kept.get(id(moment))
    if found is not None and found[0] is moment:
        return found[1]
    if moment.tzinfo is None:
        raise ValueError("the store keeps aware datetimes only")
    text = moment.astimezone(UTC).isoformat(timespec="seconds")
    if len(_kept) >= _KEPT:
        _kept.clear()
    _kept[id(moment)] = (moment, text)
    return text


def parse(text: str) -> datetime:
    """Read a store timestamp back as an aware UTC datetime."""
    return datetime.fromisoformat(text)
