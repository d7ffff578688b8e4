"""The weekly update to each family member: the school days the child practised, the words
learned, being practised and just started (with their curated glosses), the word to ask the
child to explain, and the words a 🔊 under it says."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.errors import PuenteError
from bot.domain.item_rules import reads_as_home_word
from bot.domain.mastery import school_date, study_days, study_start
from bot.domain.school_days import is_school_day, school_days_from
from bot.domain.spoken_text import Spoken
from bot.services import hear_message
from bot.services.excused import excused_of
from bot.services.progress import nothing_to_do_days
from bot.store import families, outbox, study
from bot.store.packs import StoredWord, words_by_id

WEEK = 7  # days a weekly update looks back
PRACTISING_SHOWN = 3  # words being practised that an update names
# Words missed this many times in a row are named as hard (at most HARD_SHOWN), so a family
# knows where to help: "practised 2 of 5 days" alone said nothing of 5 words she kept missing
# (Hmong playtest)
HARD_MISSES, HARD_SHOWN = 2, 3
# The "some words not checked by a speaker yet" notice is said in one weekly update of four:
# every week it was two more lines for a grandfather who reads little (Hmong playtest). Not
# within this many days of the last one (27, not 28: a job run a minute earlier than four
# weeks before still says it)
UNCHECKED_NOTICE_DAYS = 27
# Words a 🔊 under the update says: every word it lists (a Vietnamese playtest found "🔊 Nghe
# các từ" left out 5 of them), at most this many voice notes for one tap.
HEARD = 20


@dataclass(frozen=True)
class FamilyUpdate:
    family_id: int
    telegram_id: int
    language: str
    student_name: str
    learned: list[tuple[str, str | None]]    # (English word, in the family's language)
    practising: list[tuple[str, str | None]]
    student_id: int = 0                        # whose update: erased with the student
    days: int = 0                              # school days practised in the last 7 days
    since: int = WEEK                          # of the last 7 days, those since they started
    out_of: int = 5                            # of those, the school days
    other_days: int = 0                        # days practised that were not school days
    unchecked: bool = False                    # a gloss shown that no speaker has checked yet
    started_today: bool = False                # joined today: no day to count yet
    explain: str | None = None                 # the word to ask the child to explain (None:
    #                                            every word practised reads as theirs)
    word_ids: tuple[int, ...] = ()             # every word named, as listed (for 🔊)
    card_days: int = 0                         # days she only read new cards (no practice)
    # cards read and never answered yet: new words, not practised (playtest: "practising"
    # named words the child had never been asked)
    new: list[tuple[str, str | None]] = field(default_factory=list)
    today_uncounted: bool = False              # practised on today, a school day: counted
    #                                            next week, yet no bad week today
    machine: frozenset[str] = frozenset()      # English words whose gloss is machine output:
    #                                            shown marked, never read aloud
    stopped: bool = False                      # this phone stopped these updates (/now shows
    #                                            one): it ends with how to get them again
    first_day: date | None = None              # the days counted, first and last (the school's
    last_day: date | None = None               # dates): the message names them
    started_in_window: bool = False            # started after the window's first day
    excused_days: int = 0                      # days practised that the family excused: no
    #                                            school day for her, said apart
    # the child learns with this family's language: the update may name it ("用中文"), where
    # another language's glosses could mean the child does not speak the family's (M4)
    same_language: bool = False
    # school days she had nothing to do (nothing due, no card waiting) and did not practise:
    # no day missed, as they break no streak; not in `out_of`, said apart (a level-5 child
    # who checked daily read "0 of the last 1 school days": that Friday nothing was due)
    rest_days: int = 0
    # words she keeps missing (HARD_MISSES): (English word, its gloss in the family's language),
    # glossed as the lists above are (a grandfather who reads no English matched "condensation"
    # to the 📖 line's "condensation (pa rov ua dej)" himself: Hmong re-playtest)
    hard: tuple[tuple[str, str | None], ...] = ()
    # the day she joined when it counts as no school day: she did not practise on it, and
    # nothing is expected before her first full school day, as /report says (a Vietnamese
    # grandmother read "0 of 1 school day" the day after a Monday 15:00 join, and "3 of 4" on
    # Friday from a child who practised every school day he could)
    started_on: date | None = None

    @property
    def bad_week(self) -> bool:
        """Practised on one day or none: the update then says what to do next (playtest: a
        family told "0 of 5" was given no step to take). Not when every school day with
        something to do was practised and others had nothing due: she missed nothing."""
        if self.rest_days and self.days == self.out_of:
            return False
        if self.started_on is not None and not self.out_of:  # no school day to count yet
            return False
        return (not self.started_today and self.days + self.other_days + self.excused_days
                + self.today_uncounted <= 1)


def window_start(end: date, today: date, update_day: int | None,
                 holidays: Collection[date] = ()) -> date:
    """The first day a week's update counts: the day after the last update's days, so each
    day (and each word mastered on it) is in exactly one update. An update's days end the day
    before it on a school day, on it on a day with no school (`weekly_updates`); with a fixed
    7 days, an update on a school Friday ended on Thursday and the next, on a Friday holiday,
    began on Saturday: a word mastered that first Friday evening was in neither (playtest).
    So a week after a school-day update and before a holiday's counts 8 days, and the reverse
    6. For /now too (`update_day`, the weekday updates are sent on): it counts what the last
    update did not (a Friday update listed contrast, coefficient and integer, and Monday's
    /now listed contrast and integer again, Somali family's playtest). With no `update_day`,
    WEEK days up to `end`."""
    if update_day is None:
        return end - timedelta(days=WEEK - 1)
    last_sent = today - timedelta(days=(today.weekday() - update_day - 1) % 7 + 1)
    last_end = last_sent - timedelta(days=1) if is_school_day(last_sent, holidays) \
        else last_sent
    return last_end + timedelta(days=1)


def weekly_updates(db: Database, now: datetime, only: int | None = None,
                   tz: tzinfo = UTC, holidays: frozenset[date] = frozenset(),
                   update_day: int | None = None) -> list[FamilyUpdate]:
    """This week's update for every family with updates on (or for one Telegram user): the
    school days practised out of the school days, and apart the other days practised (a
    weekend, a holiday). The 7 days end yesterday on a school day, whether or not the child
    has practised today: Friday's 17:00 update read "4 of the last 5" to a child who
    practises at 18:00 (playtest L4), and ending today only once she had practised gave the
    same Friday two totals ("3 of 5" or "2 of 4" after a holiday or a Monday start). Today's
    practice is counted in next week's update, whose 7 days start today. On a weekend or a
    holiday the 7 days end today: today is then no school day, so no total moves with it.
    The message names its days (first_day, last_day): "4 of the last 5" on a Friday read as
    a day missed to a parent whose child practised that Friday at 16:08 (playtest). The words
    learned are those mastered on those days, so two updates never list one word twice; /now
    (`update_day`: the weekday updates go out) counts from the day after the last update's
    days (window_start)."""
    updates = []
    # study days, as the streak and every spacing rule count them (mastery.school_date): a
    # day starts at 04:00, so a sitting from 23:50 to 00:10 is one day practised, not two
    today = school_date(now, tz)
    end = today if not is_school_day(today, holidays) else today - timedelta(days=1)
    start = window_start(end, today, update_day, holidays)
    looked_back = min(now - timedelta(days=WEEK + 1), study_start(start, tz))  # 8 days at most
    recipients = families.update_recipients(db, only)
    # a day the family excused (sick, not at school) is no school day for that child: "0 of
    # 4 school days" counted the day her mother said she was sick (family playtest). One she
    # practised on all the same is no school day either, as the teacher is told (it read "4
    # of the 4 school days" with the first one excused: zh playtest): said apart
    excused = excused_of(db, {r.student_id for r in recipients}, start)
    for row in recipients:
        started = school_date(row.started_at, tz)
        moments = families.answered_since(db, row.student_id, looked_back)
        days_studied = study_days(moments, tz)
        since = max(0, min((end - start).days + 1, (end - started).days + 1))
        first = end - timedelta(days=since - 1)
        studied = {day for day in days_studied if first <= day <= end}
        away = excused.get(row.student_id, frozenset())
        # the day she joined is a school day only once she practised on it: she takes the
        # placement and reads her first cards, and her answers count from the next day
        joined = frozenset({started} - studied) if first <= started <= end else frozenset()
        # the days the streak bridges as having nothing to do (the reminder job keeps them
        # for every enrolled student): no school day she could have practised on
        rested = {day for day in nothing_to_do_days(db, row.student_id, now, tz, holidays)
                  if first <= day <= end} - studied - joined
        school = school_days_from(first, end, holidays | away | rested | joined)
        rested &= school_days_from(first, end, holidays | away)
        cards = study_days(families.cards_read_since(db, row.student_id, looked_back), tz)
        card_days = {day for day in cards if first <= day <= end} - studied - joined
        mastered = words_by_id(db, study.mastered_since(
            db, row.student_id, study_start(first, tz), study_start(end + timedelta(days=1), tz)))
        shown, explain = _practising(
            words_by_id(db, study.learning_word_ids(db, row.student_id)), row.language)
        met = words_by_id(db, study.learning_word_ids(db, row.student_id, answered=False)
                          )[:PRACTISING_SHOWN]
        learned, unchecked = _words(mastered, row.language)
        practising, unchecked_too = _words(shown, row.language)
        new, unchecked_new = _words(met, row.language)
        hard, unchecked_hard = _words(words_by_id(
            db, study.missed_in_a_row(db, row.student_id, HARD_MISSES, HARD_SHOWN)),
            row.language)
        # said once in UNCHECKED_NOTICE_DAYS, in the update that is to carry it
        unchecked = (unchecked or unchecked_too or unchecked_new or unchecked_hard) and \
            not families.unchecked_notice_since(
                db, row.telegram_id, row.student_id,
                now - timedelta(days=UNCHECKED_NOTICE_DAYS))
        updates.append(FamilyUpdate(row.id, row.telegram_id, row.language, row.student_name,
                                    learned, practising, row.student_id, len(studied & school),
                                    since, len(school), len(studied - school - away),
                                    unchecked,
                                    started >= today, explain,
                                    tuple(w.id for w in [*mastered, *shown, *met][:HEARD]),
                                    len(card_days), new, end < today and today in days_studied,
                                    frozenset(w.word.term for w in [*mastered, *shown, *met]
                                              if _machine(w, row.language)),
                                    not row.updates_on, first if since else None,
                                    end if since else None, started > start,
                                    len(studied & away), row.child_language == row.language,
                                    len(rested), tuple(hard),
                                    started if joined & school_days_from(first, end, holidays)
                                    else None))
    return updates


def _practising(words: list[StoredWord], lang: str) -> tuple[list[StoredWord], str | None]:
    """The words being practised that an update names, and the one the family asks the child
    to explain: one that reads unlike its `lang` word where there is one ("mass" is "mas" in
    Haitian Creole: nothing to explain, playtest), named in the list even when it is not
    among the first ones; None when every word reads as its `lang` word."""
    shown = words[:PRACTISING_SHOWN]
    unlike = next((w for w in words if not reads_as_home_word(w.word, lang)), None)
    if unlike is None:  # every one reads as their own word: none to explain (None)
        return shown, None
    if unlike not in shown:
        shown = [*shown[:PRACTISING_SHOWN - 1], unlike]
    return shown, unlike.word.term


def _machine(stored: StoredWord, lang: str) -> bool:
    """Whether the word's `lang` gloss is machine output (audio cannot carry that mark)."""
    gloss = stored.word.glosses.get(lang)
    return gloss is not None and gloss.machine


def _words(words: list[StoredWord], lang: str) -> tuple[list[tuple[str, str | None]], bool]:
    """(English word, its gloss in `lang`) for each word, and whether any gloss shown is one
    no speaker of `lang` has checked yet (the family may be the first to)."""
    result, unchecked = [], False
    for stored in words:
        gloss = stored.word.glosses.get(lang)
        # the gloss beside the word stands for it: "sum (和)", not "sum (和（加法的得数）)"
        result.append((stored.word.term, gloss.short_term if gloss else None))
        # a pack's `reviewed = false` gloss (written by a person, not by machine: the update
        # says "not checked", never "machine", playtest) or a machine one, should one come
        unchecked = unchecked or (gloss is not None and (gloss.machine or not gloss.reviewed))
    return result, unchecked


class HearWordsError(PuenteError):
    """A 🔊 under an update about a child this phone is not linked to (any more): forged, or
    left from before a teacher unlinked them."""

    prompt_key = "button-stale"


@dataclass(frozen=True)
class HeardWords:
    """What a 🔊 under a weekly update says, in the language that update was in."""

    language: str
    refs: tuple[WordRef, ...]


def words_to_hear(db: Database, user_id: int, student_id: int, word_ids: Sequence[int]
                  ) -> HeardWords:
    """The words a 🔊 under a weekly update names, for a phone still linked to that child:
    only words the child has met (button data is forgeable), at most `HEARD`."""
    row = next((r for r in families.update_recipients(db, user_id)
                if r.student_id == student_id), None)
    if row is None:
        raise HearWordsError(student_id)
    met = study.student_mastery(db, student_id)
    refs = tuple(WordRef(w.id, w.word, w.pack_id)
                 for w in words_by_id(db, [i for i in word_ids if i in met][:HEARD]))
    return HeardWords(row.language, refs)


def queued_words(db: Database, user_id: int, row_id: int) -> tuple[int, ...]:
    """The words a queued weekly update lists (its 🔊 `fh:<child>:o<row>`), only for the
    phone it went to; none for another's."""
    payload = outbox.payload_for(db, row_id, user_id)
    return tuple(int(i) for i in (payload or {}).get("heard", []))


def current_update(db: Database, user_id: int, student_id: int, now: datetime,
                   tz: tzinfo = UTC, holidays: frozenset[date] = frozenset(),
                   update_day: int | None = None) -> FamilyUpdate:
    """This week's update about one child for a phone linked to them (/now, and what its 🔊
    buttons say, made again on the tap); HearWordsError for a child not theirs."""
    found = next((u for u in weekly_updates(db, now, user_id, tz, holidays, update_day)
                  if u.student_id == student_id), None)
    if found is None:
        raise HearWordsError(student_id)
    return found


Rows = list[list[list[str]]]  # an outbox row's keyboard: [[label, callback data], ...] per row


def queue_updates(db: Database, rendered: Sequence[tuple[FamilyUpdate, str, Spoken]],
                  buttons: Callable[[FamilyUpdate, int], Rows], now: datetime) -> int:
    """Put this week's rendered updates (text, what a voice reads of it, and the buttons made
    for its outbox row) in the outbox, all or none (quiet hours are honoured at delivery);
    return how many."""
    with db.atomic():
        for item, text, spoken in rendered:
            row_id = outbox.enqueue(db, None, item.telegram_id, "family-update",
                                    {"text": text, "buttons": [], "rows": [],
                                     "student_id": item.student_id,
                                     "spoken": hear_message.reading(spoken, item.language),
                                     "heard": list(item.word_ids),
                                     # the notice said (unchecked_notice_since)
                                     "unchecked": item.unchecked and item.language != "en"},
                                    now, now)
            outbox.set_rows(db, row_id, buttons(item, row_id))
    return len(rendered)
