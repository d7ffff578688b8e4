"""How a teacher report names a student and a word, and which day a stored time falls on.

Names and terms are cleaned here, on the way out, too: rows stored before names were cleaned
at the door must not carry a direction override or a formula into a teacher's spreadsheet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo

from bot.domain.names import clean, clean_name
from bot.store.reports import StudentRow, WordColumn

TERM_LIMIT = 200


def student_name(student: StudentRow, placeholder: str = "?") -> str:
    """The name a report shows: cleaned, or the placeholder and the student's roster number in
    the class when empty (never the Telegram id)."""
    return clean_name(student.first_name) or " ".join(
        part for part in (placeholder, str(student.number) if student.number else "") if part)


def term(text: str) -> str:
    """A word as a report shows it: one clean line."""
    return clean(text, TERM_LIMIT)


def word_terms(words: Iterable[WordColumn]) -> dict[int, str]:
    """Each word as a report shows it (`term`); a term that two packs share ("habitat" pushed
    from two packs) names its pack too, so a teacher never sees the same word twice unlabelled."""
    words = list(words)
    seen = Counter(term(w.term).casefold() for w in words)
    return {w.id: term(w.term) if seen[term(w.term).casefold()] == 1
            else f"{term(w.term)} ({w.pack_id.rsplit('.', 1)[-1]})" for w in words}


def local_day(stamp: str | None, tz: tzinfo | None = None) -> date | None:
    """The school's day of a stored UTC time (in `tz`; the UTC day when no zone is given)."""
    if not stamp:
        return None
    if tz is None:
        return date.fromisoformat(stamp[:10])
    return datetime.fromisoformat(stamp).replace(tzinfo=UTC).astimezone(tz).date()
