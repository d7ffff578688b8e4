"""A school day with nothing to do does not count against a child in her family's update, as
it does not break her streak: Amira (level 5) checked every day; on Friday 25 Sep nothing was
due ("All done for now. More words come back on Monday"), she checked on Saturday, her mother
linked that Saturday and sent /now on Monday, and read "Amira practised 0 of the last 1 school
days" (ar playtest)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.presentation.family_views import family_update_text
from bot.presentation.i18n import Catalog
from bot.services import family, family_updates, progress, reminders
from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, all_answered_right, class_pack_in_review, enrol_student

TZ = ZoneInfo("America/New_York")
FRIDAY = 4  # the default weekly update day


def at(day: int, hour: int = 11) -> datetime:
    """`day` days after Monday 21 Sep, at `hour` at school."""
    return (datetime(2026, 9, 21, hour, tzinfo=TZ) + timedelta(days=day)).astimezone(UTC)


def studied(db: Database, day: int, back: int) -> None:
    """Every word answered right on `day`, and not ready again until `back` days after it."""
    all_answered_right(db, 1001, at(day), back, "en")


def amira(db: Database, family_language: str) -> None:
    """Amira's week: every day through Thursday, nothing due on Friday (the reminder job
    remembers the day), a check on Saturday; her mother links that Saturday."""
    enrol_student(db, START, name="Amira", lang="ar", level=5)
    class_pack_in_review(db, START)
    for day in range(3):  # Monday to Wednesday
        studied(db, day, back=1)
    studied(db, 3, back=4)  # Thursday: all done, back on Monday
    assert reminders.reminder(db, 1001, at(4, 16), TZ) is None
    assert reminders.note_rest_day(db, 1001, at(4, 16), TZ)
    studied(db, 5, back=2)  # Saturday: she checks all the same (words were added back)
    link = family.create_link(db, TEACHER_ID, "Amira", at(5, 12))
    family.use_link(db, 2001, link.payload, at(5, 12))
    family.set_language(db, 2001, family_language)


def now_update(db: Database) -> family_updates.FamilyUpdate:
    """The mother's /now on Monday 28 Sep, before Amira's check."""
    [found] = family_updates.weekly_updates(db, at(7, 8), only=2001, tz=TZ,
                                            update_day=FRIDAY)
    return found


def test_a_friday_with_nothing_due_is_no_day_missed_in_the_first_update_after_linking(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    amira(db, "en")
    assert progress.progress(db, 1001, at(7, 8), TZ).streak_days == 5  # Friday kept it (else 1)
    update = now_update(db)
    text = family_update_text(update, catalog)

    assert "🗓️ Days counted: Fri 25 Sep – Sun 27 Sep" in text
    assert "of the last" not in text and "0 of" not in text  # not "0 of the last 1"
    assert "nothing was due" in text
    assert "Days practised on a weekend or holiday: 1" in text
    assert not update.bad_week and "Next step" not in text  # she missed nothing


def test_a_rest_day_is_not_in_the_out_of_of_a_full_week(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    amira(db, "en")
    studied(db, 7, back=1)  # Monday to Thursday: every day
    for day in range(8, 11):
        studied(db, day, back=1)
    [update] = family_updates.weekly_updates(db, at(11, 17), tz=TZ, update_day=FRIDAY)
    text = family_update_text(update, catalog)

    # Fri 25 Sep (nothing due) to Thu 1 Oct: 4 school days with something to do, all done
    assert "Amira practised on 4 of the last 4 school days." in text
    assert "nothing was due" in text


def test_the_arabic_update_says_there_was_nothing_to_do(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    amira(db, "ar")
    text = family_update_text(now_update(db), catalog)

    assert "من آخر" not in text and " 0 " not in text
    assert catalog.render("family-week-rest-days", "ar", name="Amira", count=1) in text


def test_a_friday_with_nothing_due_counts_as_in_the_streak_when_no_job_kept_it(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """The bot was not running at Friday's reminder time: the streak still bridges the day
    (nothing was ready since Thursday's check), and so does the family's count."""
    enrol_student(db, START, name="Amira", lang="ar", level=5)
    class_pack_in_review(db, START)
    for day in range(3):
        studied(db, day, back=1)
    studied(db, 3, back=4)  # Thursday: all done, back on Monday at 11:00
    link = family.create_link(db, TEACHER_ID, "Amira", at(5, 12))
    family.use_link(db, 2001, link.payload, at(5, 12))
    family.set_language(db, 2001, "en")
    assert progress.progress(db, 1001, at(7, 8), TZ).streak_days == 4
    text = family_update_text(now_update(db), catalog)

    assert "0 of" not in text and "nothing was due" in text
