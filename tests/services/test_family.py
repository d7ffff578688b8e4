"""Families through the use cases: a teacher's link, up to four caregivers each in their own
language, and the weekly update that names the child's words in the family's language."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.domain.scaffold import ItemType
from bot.presentation.family_views import family_update_text
from bot.presentation.i18n import Catalog
from bot.services import answers, checks, family, family_updates, learners, teaching
from bot.store import people, study
from bot.store.packs import StoredWord
from tests.clock import START
from tests.harness import TEACHER_ID, enrol_student, read_words

TZ = ZoneInfo("America/New_York")


def linked(db: Database, caregiver: int = 2001, lang: str = "es") -> str:
    """The teacher makes Ana's link and a caregiver opens it and picks a language."""
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    name = family.use_link(db, caregiver, link.payload, START).name
    family.set_language(db, caregiver, lang)
    return name


def test_a_link_connects_a_caregiver_to_the_right_child(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    assert link.student_name == "Ana" and link.payload.startswith("f_")
    assert len(link.payload) <= 64  # a deep-link payload
    assert family.use_link(db, 2001, link.payload, START).name == "Ana"
    assert family.is_family(db, 2001)


def test_a_teacher_cannot_make_a_link_for_someone_elses_student(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    people.upsert_teacher(db, 9002, "Other", START)
    with pytest.raises(teaching.StudentNotFoundError):
        family.create_link(db, 9002, "Ana", START)


def test_a_link_serves_four_caregivers_then_says_it_is_full(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    for caregiver in (2001, 2002, 2003, 2004):
        assert family.use_link(db, caregiver, link.payload, START).name == "Ana"
    assert family.use_link(db, 2001, link.payload, START).name == "Ana"  # linked: no place
    with pytest.raises(family.FamilyLinkError) as used:
        family.use_link(db, 2005, link.payload, START)
    # "already used" read as a mistake to a fifth caregiver: it says the link is full, and why
    assert used.value.prompt_key == "family-link-full" and used.value.params == {"count": 4}


def test_an_old_or_unknown_link_is_refused(db: Database,
                                          school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    with pytest.raises(family.FamilyLinkError) as expired:
        family.use_link(db, 2001, link.payload, START + timedelta(days=family.LINK_DAYS))
    assert expired.value.prompt_key == "family-link-expired"
    with pytest.raises(family.FamilyLinkError) as unknown:
        family.use_link(db, 2001, "f_NOTALINK", START)
    assert unknown.value.prompt_key == "family-link-unknown"
    assert not family.is_family(db, 2001)


def test_a_family_language_must_be_one_puente_knows(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    linked(db)
    with pytest.raises(family.PuenteError) as refused:
        family.set_language(db, 2001, "xx")
    assert refused.value.prompt_key == "error-unknown-language"


def test_the_weekly_update_names_the_words_in_the_familys_language(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    linked(db, 2001, "es")
    linked(db, 2002, "vi")
    words = read_words(db, START)
    question = checks.start_check(db, 1001, START, random.Random(1))
    assert question is not None
    item = question.item
    answers.answer_choice(db, 1001, question.item_id, item.options.index(item.answer), START, TZ)
    updates = {u.telegram_id: u for u in family_updates.weekly_updates(
        db, START + timedelta(days=1), tz=TZ)}
    assert set(updates) == {2001, 2002}
    spanish, vietnamese = updates[2001], updates[2002]
    assert (spanish.student_name, spanish.language, spanish.days) == ("Ana", "es", 1)
    assert spanish.learned == []  # nothing is mastered in one sitting
    answered = next(w.word for w in words if w.id == item.word_id)
    # practising: the word she answered; the cards she only read are new (playtest)
    assert spanish.practising == [(answered.term, answered.glosses["es"].term)]
    assert len(spanish.new) == 3 and answered.term not in dict(spanish.new)
    assert vietnamese.practising[0][0] == answered.term
    assert vietnamese.language == "vi"


def test_the_weekly_update_asks_only_about_words_whose_cards_the_child_has_seen(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START, level=1)
    linked(db, 2001, "es")
    words = learners.current_words(db, learners.learner(db, 1001), START)  # three cards, unread
    learners.cards_shown(db, 1001, [words[0].id], START)  # she opened the first one only
    [update] = family_updates.weekly_updates(db, START + timedelta(days=1), tz=TZ)
    assert update.practising == []  # read, never asked: new, not practised
    assert [term for term, _ in update.new] == [words[0].word.term]


def test_the_weekly_update_names_this_weeks_words_and_a_missed_one_first(
        db: Database, school_class: people.ClassInfo) -> None:
    """The play-test: three weekly updates named the same first three words of the term."""
    enrol_student(db, START, level=3)
    linked(db, 2001, "es")
    who = learners.learner(db, 1001)
    first = learners.preview_words(db, who, START).refs
    learners.cards_shown(db, 1001, [w.id for w in first], START)
    week_two = START + timedelta(days=7)
    for ref in first[:4]:  # four words move on to reviewing: new ones unlock
        state = study.get_mastery(db, 1001, ref.id)
        study.save_mastery(db, 1001, ref.id, replace(state, success_days=frozenset(
            {"2026-09-14", "2026-09-15"})), START, answered=True)
    fresh = learners.unlock(db, who, week_two)
    learners.cards_shown(db, 1001, [w.id for w in fresh], week_two)
    for ref in fresh:  # this week's words, answered this week
        study.save_mastery(db, 1001, ref.id, study.get_mastery(db, 1001, ref.id), week_two,
                           answered=True)
    missed = first[4]
    study.save_mastery(db, 1001, missed.id, replace(study.get_mastery(db, 1001, missed.id),
                                                   misses_in_row=1), week_two, answered=False)
    [update] = family_updates.weekly_updates(db, week_two + timedelta(days=1), tz=TZ)
    named = [term for term, _ in update.practising]
    assert named[0] == missed.word.term
    assert set(named[1:]) <= {w.word.term for w in fresh} and len(named) == 3


def test_a_family_that_stopped_updates_gets_none_unless_it_asks(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    linked(db)
    family.set_updates(db, 2001, False)
    assert family_updates.weekly_updates(db, START) == []
    assert [u.telegram_id for u in family_updates.weekly_updates(db, START, only=2001)] == [2001]


def test_a_student_cannot_use_her_own_family_link_or_spend_its_places(
        db: Database, school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    link = family.create_link(db, TEACHER_ID, "Ana", START)
    own = family.use_link(db, 1001, link.payload, START)  # asked about a shared phone
    assert own.own == link.payload.removeprefix(family.FAMILY_PREFIX)
    assert not family.is_family(db, 1001)
    for caregiver in (2001, 2002, 2003, 2004):
        assert family.use_link(db, caregiver, link.payload, START).name == "Ana"


def test_the_weekly_update_asks_the_family_to_flag_a_translation_nobody_has_checked(
        db: Database, school_class: people.ClassInfo) -> None:
    """A Somali gloss no speaker has reviewed yet: the family reading it may be the first to
    see it is wrong, so the update says so and how to tell the teacher."""
    enrol_student(db, START)
    linked(db, 2001, "es")
    linked(db, 2002, "so")
    words = {w.word.term: w.word for w in read_words(db, START)}
    updates = {u.telegram_id: u for u in family_updates.weekly_updates(
        db, START + timedelta(days=1), tz=TZ)}
    catalog = Catalog.load()
    for update in updates.values():
        shown = [words[term].glosses[update.language]
                 for term, own in [*update.practising, *update.new] if own]
        assert update.unchecked == any(not gloss.reviewed for gloss in shown)
        text = family_update_text(update, catalog)
        assert ("/ask" in text.split("\n")[-2]) == update.unchecked
    assert updates[2002].unchecked  # the shipped Somali glosses are not all reviewed yet
    text = family_update_text(updates[2002], catalog)
    # a `reviewed = false` gloss was written by a person: "not checked", never "by machine"
    assert "qof ku hadla Soomaali weli ma hubin" in text
    assert "mashiin" not in text


def test_the_unchecked_note_says_not_checked_and_never_that_a_machine_translated(
        catalog: Catalog) -> None:
    """Playtest: the note said "translated by machine" of glosses the Puente team wrote and
    no speaker had checked yet; it says only what is true of both kinds."""
    assert catalog.plain("family-week-unchecked", "en", language="Somali") == (
        "ℹ️ Some Somali words here have not been checked by a Somali speaker yet. If one "
        "looks wrong, please tell the teacher with /ask.")
    assert "máquina" not in catalog.plain("family-week-unchecked", "es", language="somalí")


def test_a_machine_gloss_counts_as_unchecked_too(db: Database,
                                                 school_class: people.ClassInfo) -> None:
    enrol_student(db, START)
    ref = read_words(db, START)[0]
    stored = StoredWord(ref.id, "science.ecosystems", ref.word)
    gloss = stored.word.glosses["es"]
    machine = replace(stored, word=replace(stored.word, glosses={
        "es": replace(gloss, machine=True, reviewed=True)}))
    checked = replace(stored, word=replace(stored.word, glosses={
        "es": replace(gloss, machine=False, reviewed=True)}))
    assert family_updates._words([machine], "es")[1]
    assert not family_updates._words([checked], "es")[1]


def two_children(db: Database) -> None:
    """Ana and Bo in one class, their mother (2001) linked to both."""
    enrol_student(db, START)
    enrol_student(db, START, 1002, "Bo")
    for child in ("Ana", "Bo"):
        link = family.create_link(db, TEACHER_ID, child, START)
        family.use_link(db, 2001, link.payload, START)


def test_stop_on_a_phone_with_two_children_changes_nothing_and_asks_which(
        db: Database, school_class: people.ClassInfo) -> None:
    two_children(db)
    change = family.change_updates(db, 2001, False)
    assert [c.first_name for c in change.choose] == ["Ana", "Bo"] and change.changed == ()
    assert len(family_updates.weekly_updates(db, START)) == 2


def test_a_chosen_child_stops_alone_and_the_last_one_on_stops_without_a_question(
        db: Database, school_class: people.ClassInfo) -> None:
    two_children(db)
    assert family.choose_updates(db, 2001, 1001, False).changed == ("Ana",)
    assert [u.student_name for u in family_updates.weekly_updates(db, START)] == ["Bo"]
    last = family.change_updates(db, 2001, False)
    assert last.changed == ("Bo",) and last.shared and not last.choose
    assert family_updates.weekly_updates(db, START) == []
    assert [c.first_name for c in family.stopped_children(db, 2001)] == ["Ana", "Bo"]


def test_all_resumes_every_child_and_one_child_resumes_as_before(
        db: Database, school_class: people.ClassInfo) -> None:
    two_children(db)
    family.choose_updates(db, 2001, None, False)
    assert family_updates.weekly_updates(db, START) == []
    every = family.choose_updates(db, 2001, None, True)
    assert every.every and set(every.changed) == {"Ana", "Bo"}
    assert len(family_updates.weekly_updates(db, START)) == 2
    linked(db, 2002)  # a father of Ana alone
    family.change_updates(db, 2002, False)
    alone = family.change_updates(db, 2002, True)
    assert alone.changed == ("Ana",) and not alone.shared


def test_a_button_for_a_child_not_linked_to_this_phone_is_refused(
        db: Database, school_class: people.ClassInfo) -> None:
    two_children(db)
    linked(db, 2002)
    with pytest.raises(family.UpdatesButtonError) as stale:
        family.choose_updates(db, 2002, 1002, False)  # Bo is not his child
    assert stale.value.prompt_key == "family-updates-stale"
    with pytest.raises(family.UpdatesButtonError):
        family.choose_updates(db, 3003, None, False)  # nobody's family at all
    assert len(family_updates.weekly_updates(db, START)) == 3


def _evening(day: date) -> datetime:
    """18:00 at school (New York) on `day`: after the Friday 17:00 update."""
    return datetime.combine(day, time(18), TZ).astimezone(UTC)


def _practised_on(db: Database, days: list[date]) -> None:
    """Ana answers one question each of `days`, at 18:00."""
    word = read_words(db, START)[0].id
    for day in days:
        study.record_attempt(db, 1001, word, ItemType.CHOICE, "es", True, _evening(day))


FRIDAY = date(2026, 9, 25)
SCHOOL_DAYS = [FRIDAY - timedelta(days=n) for n in (8, 7, 4, 3, 2, 1)]  # Thu 17 - Thu 24, weekdays
FRIDAY_UPDATE = datetime.combine(FRIDAY, time(17), TZ).astimezone(UTC)


def test_a_child_who_practises_every_evening_reads_5_of_5_on_friday_at_five(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Friday's 17:00 update counted Friday before it was over: a child who practises at
    18:00 every school day read "4 of the last 5" every week (playtest L4)."""
    enrol_student(db, START)
    linked(db, 2001, "en")
    _practised_on(db, SCHOOL_DAYS)
    [update] = family_updates.weekly_updates(db, FRIDAY_UPDATE, tz=TZ)
    assert (update.days, update.out_of) == (5, 5)
    assert "Ana practised on 5 of the last 5 school days." in family_update_text(update, catalog)


def test_practice_today_moves_no_total_until_next_weeks_update_counts_it(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """The same Friday read "3 of 5" or "2 of 4" depending on whether the child had
    practised that day: the 7 days ended today only once she had. They end yesterday."""
    enrol_student(db, START)
    linked(db, 2001, "en")
    _practised_on(db, SCHOOL_DAYS[2:])  # Monday to Thursday; not last Friday
    [before] = family_updates.weekly_updates(db, FRIDAY_UPDATE, tz=TZ)
    assert (before.days, before.out_of) == (4, 5)  # last Friday to Thursday: Friday missed
    _practised_on(db, [FRIDAY])
    [after] = family_updates.weekly_updates(db, _evening(FRIDAY) + timedelta(hours=1), tz=TZ)
    assert (after.days, after.out_of) == (4, 5)  # the same Friday, the same total
    next_friday = FRIDAY_UPDATE + timedelta(days=7)  # its 7 days start with this Friday
    [later] = family_updates.weekly_updates(db, next_friday, tz=TZ)
    assert (later.days, later.out_of) == (1, 5)


@pytest.mark.parametrize("practised_friday", [False, True])
def test_a_friday_after_a_holiday_reads_one_total_practised_or_not(
        db: Database, school_class: people.ClassInfo, catalog: Catalog,
        practised_friday: bool) -> None:
    """Last Friday a holiday: the update read "3 of 5" once she had practised on Friday,
    "2 of 4" before; both families of the same class read one total."""
    holiday = frozenset({FRIDAY - timedelta(days=7)})
    enrol_student(db, START)
    linked(db, 2001, "en")
    _practised_on(db, SCHOOL_DAYS[2:4])  # Monday and Tuesday
    if practised_friday:  # at 10:00, before the update
        word = read_words(db, START)[0].id
        morning = datetime.combine(FRIDAY, time(10), TZ).astimezone(UTC)
        study.record_attempt(db, 1001, word, ItemType.CHOICE, "es", True, morning)
    [update] = family_updates.weekly_updates(db, FRIDAY_UPDATE, tz=TZ, holidays=holiday)
    assert (update.days, update.out_of) == (2, 4)  # Monday to Thursday
    assert "Ana practised on 2 of the last 4 school days." in family_update_text(
        update, catalog)


def test_practice_today_still_spares_a_family_the_next_step_line(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Practice today is counted next week, yet a child who practised yesterday and today
    has had no bad week: the family is not told what to do next."""
    enrol_student(db, START)  # Monday
    linked(db, 2001, "en")
    word = read_words(db, START)[0].id
    tuesday_noon = datetime.combine(START.date() + timedelta(days=1), time(12), TZ)
    study.record_attempt(db, 1001, word, ItemType.CHOICE, "es", True, _evening(START.date()))
    [monday_only] = family_updates.weekly_updates(db, tuesday_noon, tz=TZ)
    assert "Next step" in family_update_text(monday_only, catalog)  # 1 day: a bad week
    study.record_attempt(db, 1001, word, ItemType.CHOICE, "es", True, tuesday_noon)
    [update] = family_updates.weekly_updates(db, tuesday_noon + timedelta(hours=1), tz=TZ)
    assert (update.days, update.out_of) == (1, 1)  # Tuesday counts next week
    assert "Next step" not in family_update_text(update, catalog)


def test_a_child_who_started_yesterday_has_not_just_started_today(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START)  # Monday
    linked(db, 2001, "en")
    # Tuesday, no answer: Monday, the day she joined, asked nothing of her yet (/report's
    # "nothing expected before their first full school day"), so no day is counted
    [update] = family_updates.weekly_updates(db, START + timedelta(days=1), tz=TZ)
    text = family_update_text(update, catalog)
    assert "just started" not in text
    assert "Ana started with Puente on Mon 14 Sep." in text
    assert "0 of" not in text and "Next step" not in text and "Days counted" not in text


def test_a_week_with_one_practice_day_tells_the_family_what_to_do_next(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    """Playtest (Hodan's grandfather): "0 of 5" alone gave the family no step to take."""
    enrol_student(db, START)
    linked(db, 2001, "en")
    _practised_on(db, SCHOOL_DAYS[-1:])  # Thursday only
    [bad] = family_updates.weekly_updates(db, FRIDAY_UPDATE, tz=TZ)
    assert "👉 Next step: ask Ana to open Puente and tap /words" in family_update_text(bad,
                                                                                     catalog)
    _practised_on(db, SCHOOL_DAYS[-2:-1])  # and Wednesday: a second day, no step needed
    [better] = family_updates.weekly_updates(db, FRIDAY_UPDATE, tz=TZ)
    assert "Next step" not in family_update_text(better, catalog)


def test_days_she_only_read_new_cards_are_counted_apart_from_practice(
        db: Database, school_class: people.ClassInfo, catalog: Catalog) -> None:
    enrol_student(db, START)
    linked(db, 2001, "so")
    monday = datetime.combine(FRIDAY - timedelta(days=4), time(18), TZ).astimezone(UTC)
    read_words(db, monday)  # Monday: she opened her cards and answered nothing
    _practised_on(db, SCHOOL_DAYS[-1:])  # Thursday: practice, not a card day
    [update] = family_updates.weekly_updates(db, FRIDAY_UPDATE, tz=TZ)
    assert (update.days, update.card_days) == (1, 1)
    text = family_update_text(update, catalog)
    assert "Ana: 1 maalin waxaa la eegay erayo cusub oo keliya, tababar la'aan." in text
    assert "👉 Tallaabada xigta: Ana ka codso" in text  # in the family's language
