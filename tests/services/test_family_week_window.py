"""A family's "this week" names its days, and a word learned is counted in one week only (a
Somali newcomer's family playtest): Friday's update listed contrast, coefficient and integer,
Monday's /now listed contrast and integer again; and "4 of the last 5 school days" on a Friday
read as a day missed to a parent whose child had practised at 16:08 that Friday."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain.mastery import changed, new_mastery
from bot.domain.scaffold import ItemType
from bot.presentation.family_views import family_update_text
from bot.presentation.i18n import Catalog
from bot.services import family, family_updates
from bot.store import people, study
from bot.store.packs import pack_words
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student

TZ = ZoneInfo("America/New_York")
FRIDAY = 4  # the default weekly update day


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def _master(db: Database, term: str, at: datetime) -> None:
    word_id = next(w.id for w in pack_words(db, "science.ecosystems") if w.word.term == term)
    study.save_mastery(db, 1001, word_id, changed(new_mastery(word_id, at), mastered_at=at),
                       at, answered=True)


def _practise(db: Database, term: str, at: datetime) -> None:
    word_id = next(w.id for w in pack_words(db, "science.ecosystems") if w.word.term == term)
    state = study.get_mastery(db, 1001, word_id) or new_mastery(word_id, at)
    study.save_mastery(db, 1001, word_id, state, at, answered=True)
    study.record_attempt(db, 1001, word_id, ItemType.CHOICE, "es", True, at)


def _ana_with_family(db: Database) -> None:
    enrol_student(db, START)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, 2001, link.payload, START)
    family.set_language(db, 2001, "en")


def _update(db: Database, now: datetime, update_day: int | None = None
            ) -> family_updates.FamilyUpdate:
    [found] = family_updates.weekly_updates(db, now, tz=TZ, update_day=update_day)
    return found


def test_a_word_learned_is_listed_in_one_week_only_and_the_week_names_its_days(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    _ana_with_family(db)
    _master(db, "habitat", _local(date(2026, 9, 22), 15))   # Tue: Friday's week
    _master(db, "predator", _local(date(2026, 9, 24), 15))  # Thu: Friday's week
    _master(db, "prey", _local(date(2026, 9, 25), 16, 8))   # Fri 16:08: next week's
    friday = _update(db, _local(date(2026, 9, 25), 17))
    monday = _update(db, _local(date(2026, 9, 28), 18), update_day=FRIDAY)
    next_friday = _update(db, _local(date(2026, 10, 2), 17))

    assert [w for w, _ in friday.learned] == ["habitat", "predator"]
    assert [w for w, _ in monday.learned] == ["prey"]  # not habitat or predator again
    assert [w for w, _ in next_friday.learned] == ["prey"]
    text = str(family_update_text(friday, catalog))
    assert "🗓️ Days counted: Fri 18 Sep – Thu 24 Sep" in text
    assert "🗓️ Days counted: Fri 25 Sep – Sun 27 Sep" in str(family_update_text(monday, catalog))


def test_friday_practice_before_the_update_is_said_to_count_next_week(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Practised every school day, Friday at 16:08 too: the update at 17:00 counts Friday to
    Thursday and says so, and that today's practice counts in the next one."""
    _ana_with_family(db)
    for day in range(14, 26):
        if date(2026, 9, day).weekday() < 5:
            _practise(db, "habitat", _local(date(2026, 9, day), 16, 8))
    text = str(family_update_text(_update(db, _local(date(2026, 9, 25), 17)), catalog))

    assert ("🗓️ Days counted: Fri 18 Sep – Thu 24 Sep (today's practice counts in the next "
            "update)") in text
    assert "Ana practised on 5 of the last 5 school days." in text


def test_now_on_the_update_day_counts_what_the_update_does(
        db: Database, school_class: people.ClassInfo) -> None:
    _ana_with_family(db)
    _master(db, "habitat", _local(date(2026, 9, 22), 15))
    sent = _update(db, _local(date(2026, 9, 25), 17))
    asked = _update(db, _local(date(2026, 9, 25), 19), update_day=FRIDAY)
    assert (asked.first_day, asked.last_day, asked.learned) == (
        sent.first_day, sent.last_day, sent.learned)
    assert sent.first_day == date(2026, 9, 18) and sent.last_day == date(2026, 9, 24)
    assert sent.first_day + timedelta(days=6) == sent.last_day
