"""The weekly family update for a grandfather who reads little (Hmong playtest): the two-line
"some words not checked by a speaker yet" notice came every week, and "practised 2 of 5 school
days" said nothing of the words the child kept missing. The notice is said once in four weeks;
up to three words missed twice in a row are named, so the family knows where to help."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.presentation.family_views import family_update_spoken, family_update_text
from bot.presentation.i18n import Catalog
from bot.services import family, family_updates
from bot.store import people
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student, read_words

TZ = ZoneInfo("America/New_York")
GRANDFATHER = 2001


def linked(db: Database, lang: str) -> None:
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    family.use_link(db, GRANDFATHER, link.payload, START)
    family.set_language(db, GRANDFATHER, lang)


def sent(db: Database, catalog: Catalog, days: int) -> str:
    """The update made and queued `days` after the start (as the weekly job does); its text."""
    now = START + timedelta(days=days)
    [update] = family_updates.weekly_updates(db, now, tz=TZ)
    text = family_update_text(update, catalog)
    family_updates.queue_updates(db, [(update, text, family_update_spoken(update, catalog))],
                                 lambda _update, _row: [], now)
    return text


def test_the_unchecked_notice_comes_in_the_first_update_then_once_in_four_weeks(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START)
    linked(db, "so")  # the shipped Somali glosses are not all checked by a speaker yet
    read_words(db, START)
    notice = "qof ku hadla Soomaali weli ma hubin"
    assert notice in sent(db, catalog, 1)
    assert notice not in sent(db, catalog, 8)
    assert notice not in sent(db, catalog, 15)
    assert notice not in sent(db, catalog, 22)
    assert notice in sent(db, catalog, 29)  # four weeks on: said again, once


def test_words_missed_twice_in_a_row_are_named_for_the_family(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START)
    linked(db, "en")
    words = read_words(db, START)
    missed = {words[0].id: 3, words[1].id: 2, words[2].id: 1}  # once is not yet "hard"
    for word_id, misses in missed.items():
        db.execute("UPDATE mastery SET attempts = ?, misses_in_row = ? WHERE student_id = 1001 "
                   "AND word_id = ?", [misses, misses, word_id])
    [update] = family_updates.weekly_updates(db, START + timedelta(days=1), tz=TZ)
    # the most missed first; an English-speaking family reads no gloss
    assert update.hard == ((words[0].word.term, None), (words[1].word.term, None))
    assert (f"🧩 Words Ana finds hard right now: <b>{words[0].word.term}</b>, "
            f"<b>{words[1].word.term}</b>. Practise these together first.") in \
        family_update_text(update, catalog)


def test_hard_words_carry_their_home_language_gloss_as_the_lists_above_do(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    # Hmong re-playtest: "condensation, addition" alone left a grandfather who reads no English
    # to match them to the 📖 line's "condensation (pa rov ua dej)" himself
    enrol_student(db, START, lang="hmn")
    linked(db, "hmn")
    words = read_words(db, START)
    glossed = [w for w in words if w.word.glosses.get("hmn")][:2]
    assert len(glossed) == 2, "the shipped pack has Hmong glosses"
    for ref in glossed:
        db.execute("UPDATE mastery SET attempts = 2, misses_in_row = 2 WHERE student_id = 1001 "
                   "AND word_id = ?", [ref.id])
    [update] = family_updates.weekly_updates(db, START + timedelta(days=1), tz=TZ)
    text = family_update_text(update, catalog)
    line = next(line for line in text.splitlines() if line.startswith("🧩"))
    for ref in glossed:
        gloss = ref.word.glosses["hmn"].short_term
        assert f"<b>{ref.word.term}</b> ({gloss})" in line


def test_no_word_missed_twice_names_none(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START)
    linked(db, "en")
    read_words(db, START)
    [update] = family_updates.weekly_updates(db, START + timedelta(days=1), tz=TZ)
    assert update.hard == ()
    assert "🧩" not in family_update_text(update, catalog)
