"""Timestamps as the store keeps them: UTC ISO-8601 text, so they sort and read well."""

from __future__ import annotations

from datetime import UTC, datetime


def stamp(moment: datetime) -> str:
    """Turn an aware datetime into the store's UTC text form."""
    if moment.tzinfo is None:
        raise ValueError("the store keeps aware datetimes only")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse(text: str) -> datetime:
    """Read a store timestamp back as an aware UTC datetime."""
    return datetime.fromisoformat(text)
