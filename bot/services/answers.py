"""Grading a check's answers (a tapped option, a quiz poll, a typed word): the feedback and
the next question, re-teaching after two misses, and taps that grade nothing."""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.domain import tiles
from bot.domain.answer_attempts import in_another_script, message_around, tries_an_answer
from bot.domain.checks import (
    Grade,
    Item,
    WordRef,
    grade_choice,
    grade_dont_know,
    grade_typed,
)
from bot.domain.cognates import fold, relation_for
from bot.domain.confusions import chosen_word
from bot.domain.dont_know import says_dont_know, says_not_understood
from bot.domain.emoji import only_question_marks, seems_lost, without_emoticons
from bot.domain.errors import PuenteError
from bot.domain.evidence import chosen_meaning, counted_choices
from bot.domain.frozen import quick_init
from bot.domain.language import school_languages
from bot.domain.mastery import (
    WordMastery,
    card_read_today,
    card_shown_today,
    new_mastery,
    record_answer,
    study_day,
    today_started,
)
from bot.domain.overrule import Graded, answer_key, kept_text, snapshot
from bot.domain.packs import Word
from bot.domain.reteach import RETEACH_AFTER, needs_reteach, pair_item, practice_item
from bot.domain.scaffold import ItemType, scaffold_for
from bot.domain.sent_twice import SentTwiceGuard, text_key
from bot.domain.typed_answers import (
    ENGLISH_RETRIES,
    NOT_AN_ANSWER,
    RETRY,
    Verdict,
    gloss_language,
    names_one,
    own_terms,
    pack_terms,
)
from bot.domain.word_status import needs_help
from bot.services import confusions, letters_first
from bot.services.checks import Question, intro_pending, introduced, met_terms, option_index
from bot.services.learners import Learner, learner, seen_words, studying, word_refs
from bot.services.readiness import BackOn, NextStep, next_step, word_back
from bot.store import check_items, study, typed_misses
from bot.store.packs import pack_words, words_by_id


@quick_init
@dataclass(frozen=True)
class Feedback:
    student_id: int
    student_name: str
    word_id: int
    grade: Grade
    term: str
    l1_term: str | None
    lang: str
    newly_mastered: bool
    alert_teacher: bool
    next_question: Question | None
    score: tuple[int, int] | None  # (right, asked) when the check is over
    reteach: WordRef | None = None  # missed 2+ in a row (once a day): its card, L1 first
    level: int | None = None
    false_friend: str | None = None  # typed the look-alike the card warns about: warn again
    slipped: bool = False  # the check is over and missed a word answered right before it
    next: NextStep | None = None  # the check is over: what comes next, as /progress says it
    item_id: int | None = None  # the item answered
    poll_message: int | None = None  # the message showing its quiz poll (None: no poll known)
    chosen: tuple[str, str] | None = None  # a wrong tap: the option, and what it means
    # re-taught as one of two words she mixes up: the other, shown beside it (reteach)
    mixed_with: WordRef | None = None
    spelling_held: bool = False  # right but misspelled, and only the spelling kept it from
                                 # mastery: she is told the next clean answer masters it
    back: BackOn | None = None  # a miss: the school day a check asks the word again
    practice_right: int = 0  # the check is over: "Practice again" items answered right
    spelled: str | None = None  # spelled with letter tiles: the letters she tapped, in order
    # the check is over: offer "🔤 Show the letters first next time?" (once: letters_first)
    offer_letters: bool = False


class StaleItemError(PuenteError):
    """A button from an old or someone else's check: never graded."""

    prompt_key = "check-stale"
    quiet = False  # the tap says why (its prompt), or nothing at all (True: a double tap)


class ShortSpellingError(StaleItemError):
    """✅ under letter tiles before as many letters as the shortest word they spell: no
    answer yet (tiles.finished)."""

    prompt_key = "tiles-short"


class AnsweredItemError(StaleItemError):
    """The student's own item, graded already: a double tap, whose first tap's feedback is on
    screen, so it says nothing (graded once; a poll or typed answer still says so). Its
    prompt says why all the same, for a tap whose message no longer shows the button (a typed
    answer took the 🤷 off: no double tap, an old screen)."""

    quiet = True


class AnsweredBeforeError(AnsweredItemError):
    """A copy of a question the student answered in a newer message, during the same check."""

    prompt_key = "check-stale-answered"
    quiet = False


class FinishedCheckError(AnsweredItemError):
    """A question of a check that is over (finished, or replaced by a newer check)."""

    prompt_key = "check-stale-finished"
    quiet = False


# Typed misses a teacher may count as right (their text is kept) and an accepted answer turns
# right: an answer in another language asks again, "🤷" or "no sé" is no answer to count
OVERRULABLE = frozenset({Verdict.WRONG, Verdict.OTHER_ENGLISH_WORD, Verdict.FALSE_FRIEND})
DOUBLE_TAP = timedelta(seconds=10)  # a tap this soon after the check's last answer


def _answered(check: check_items.Check | None, now: datetime) -> AnsweredItemError:
    """Why a tap on an answered item grades nothing: a double tap (moments after the last
    answer, which is on screen), a copy of a question answered below, or a check that is
    over."""
    if check is None:
        return AnsweredItemError()
    going_on = check.state().next_item is not None
    last = check.last_answer()
    if last is not None and now - last < DOUBLE_TAP:
        return AnsweredItemError(prompt_key=AnsweredBeforeError.prompt_key if going_on
                                 else FinishedCheckError.prompt_key)
    return AnsweredBeforeError() if going_on else FinishedCheckError()


def answer_choice(db: Database, user_id: int, item_id: int, option: int, now: datetime,
                  tz: ZoneInfo, holidays: Collection[date] = (), tiles_shown: bool = False
                  ) -> Feedback:
    """Grade a tapped option, checked against the item the server sent this student.
    `tiles_shown`: the options' buttons are those Telegram showed, so a question shown with
    letter tiles instead (tiles.by_default) had none, and a tap on one is forged."""
    stored, check = _tapped(db, user_id, item_id, typed=False)
    if not 0 <= option < len(stored.item.options):  # a button we never sent: no answer
        raise StaleItemError()
    if stored.answered:
        raise _answered(check, now)
    who = learner(db, user_id)
    if tiles_shown and tiles.by_default(stored.item, who.level, stored.practice,
                                        who.reads_aloud):
        raise StaleItemError()  # spelled with tiles: its options were never shown
    return _finish(db, stored, grade_choice(stored.item, option), now, tz, holidays, who,
                   check=check)


def answer_tiles(db: Database, user_id: int, item_id: int, spelling: str, now: datetime,
                 tz: ZoneInfo, holidays: Collection[date] = ()) -> Feedback:
    """Grade a word spelled with letter tiles (✅), by the typed grader, as if typed: the
    same slips forgiven, never a different word. Refused (StaleItemError) unless the item is
    this student's, open, offered with tiles, and the spelling is made of its dealt tiles;
    ShortSpellingError before it has as many letters as the shortest word they spell
    (tiles.finished)."""
    stored, check = _tapped(db, user_id, item_id, typed=None)
    if stored.answered:
        raise _answered(check, now)
    who = learner(db, user_id)
    item = stored.item
    if not tiles.offered(item, who.level, stored.practice, who.reads_aloud) \
            or not tiles.from_tiles(spelling, tiles.tiles_for(item, stored.id)):
        raise StaleItemError()
    if not tiles.finished(spelling, tiles.fewest_letters(item)):
        raise ShortSpellingError()
    # graded as the typed question it is now: no option was chosen or counted
    as_typed = replace(stored, item=replace(item, options=()))
    grade = _typed_grade(db, who, as_typed, spelling)
    if grade.verdict in RETRY:  # tiles spell English letters only: a home-language word or
        grade = replace(grade, verdict=Verdict.WRONG)  # another language's is a plain miss
    return _finish(db, as_typed, grade, now, tz, holidays, who, check=check,
                   text=spelling, with_tiles=True)


def answer_dont_know(db: Database, user_id: int, item_id: int, now: datetime, tz: ZoneInfo,
                     holidays: Collection[date] = (), tiles_on_screen: bool = False
                     ) -> Feedback:
    """Grade a tapped "🤷 I don't know" under a typed question, or under a question with
    options at the levels that show it there (scaffold.dont_know): a miss, as a wrong answer
    is (mastery on the options shown, attempts, re-teaching and the teacher's counts), and the
    answer is shown; no option was chosen. `tiles_on_screen`: the tapped question showed its
    letter tiles (after "🔤"), as one opening on them does: kept for the teacher's views."""
    stored, check = _tapped(db, user_id, item_id, typed=None)
    who = learner(db, user_id)
    if not stored.item.typed and not scaffold_for(who.level).dont_know:
        raise StaleItemError()  # a level 3-6 question has no 🤷 under its options
    if stored.answered:
        raise _answered(check, now)
    if tiles.by_default(stored.item, who.level, stored.practice, who.reads_aloud):
        # shown with letter tiles, not its options: a miss as a wrong spelling is
        as_tiles = replace(stored, item=replace(stored.item, options=()))
        return _finish(db, as_tiles, grade_dont_know(stored.item), now, tz, holidays, who,
                       check=check, with_tiles=True)
    # a typed question showing its tiles (it opened on them, or "🔤" showed them): a 🤷 over
    # letter tiles, which a teacher must not read as typing (playtest, Hodan: "⌨️ typed 0/1"
    # for a child with no keyboard). Graded as the typed question it is: the evidence is
    # unchanged (Graded.on_tiles is for the teacher's views only)
    on_tiles = stored.item.typed and (
        tiles.first(stored.item, who.level, stored.practice, who.letters_first,
                    who.reads_aloud)
        or (tiles_on_screen and tiles.offered(stored.item, who.level, stored.practice,
                                              who.reads_aloud)))
    return _finish(db, stored, grade_dont_know(stored.item), now, tz, holidays, who,
                   check=check, on_tiles=on_tiles)


def _tapped(db: Database, user_id: int, item_id: int, typed: bool | None
            ) -> tuple[check_items.StoredItem, check_items.Check | None]:
    """The item a button names, and its check; StaleItemError unless it is this student's and
    of the kind the button goes with (`typed` False: options; True: a typed question; None:
    either, as a 🤷)."""
    # the item and its check: one read
    check: check_items.Check | None = check_items.read_check(db, item_id)
    stored = check.item(item_id) if check is not None else None
    if stored is None:  # an item stored without a check id (none are now) is read by its id
        stored, check = check_items.get_item(db, item_id), None
    if stored is None or stored.student_id != user_id or (
            typed is not None and stored.item.typed is not typed):
        raise StaleItemError()
    return stored, check


def answer_poll(db: Database, user_id: int, poll_id: str, option: int, now: datetime,
                tz: ZoneInfo, holidays: Collection[date] = ()) -> Feedback:
    """Grade a quiz-poll answer (it carries no chat: the poll id finds the item). A vote on
    the option after the item's own is the poll's "🤷 I don't know" (levels 1-2: Telegram
    takes votes only on options the poll shows), graded as the 🤷 button is."""
    stored, check = check_items.poll_check(db, poll_id)  # its check too, as a tap reads it
    if stored is None or stored.student_id != user_id \
            or not 0 <= option <= len(stored.item.options):
        raise StaleItemError()
    item = stored.item
    grade = grade_dont_know(item) if option == len(item.options) else grade_choice(item, option)
    return _finish(db, stored, grade, now, tz, holidays, check=check if check.rows else None)


@dataclass(frozen=True)
class WriteInEnglish:
    """Typed text that is not English: ask for the English word, kindly, once a question
    (ENGLISH_RETRIES); the question stays open and nothing is counted."""

    lang: str | None  # the language it is in (None: one no rule can name)
    typed: str
    own_word: bool = True  # this word's own gloss ("that is the Arabic word 👍"), or other text
    school: bool = False  # the gloss in her school language, not her own ("hypothèse", ht)
    attempt: bool = True  # False: a message in another script, which may be for the teacher
    tap: bool = False  # at a question with buttons: "tap the English one above", not graded


@dataclass(frozen=True)
class TapAnAnswer:
    """Text that is none of the open multiple-choice item's answers: point to its buttons
    (item `item_id`; its quiz poll's message, if one is known). Text that is no `attempt` at
    an answer may be a message for the teacher. `key` points to the question's buttons: its
    options, or its letter tiles ("item-tiles-typed"; "item-tiles" at a question to write
    that opens with them, where she typed a script no English word uses)."""

    item_id: int
    poll_message: int | None = None
    attempt: bool = True
    key: str = "tap-an-answer"
    lost: bool = False  # "?" or "😢" alone: the pointer offers 🆘 to the teacher too


@dataclass(frozen=True)
class ExplainQuestion:
    """"I don't understand" at a question: the word's meaning in her language (or her
    school's: `school`), which the question asks by; never graded, the question stays open
    (None: no meaning in a language she reads)."""

    meaning: str | None = None
    lang: str | None = None
    school: bool = False


@dataclass(frozen=True)
class TypeTheWord:
    """Typed text with no word in it, or far too long to be one: nothing is graded or counted,
    the question stays open, and `key` asks the student for the word."""

    key: str


@dataclass(frozen=True)
class SentTwice:
    """The same text as her last graded answer, arriving seconds later: a copy of it
    (sent_twice.py). Nothing is graded; she is told so, and that `waiting` (the question her
    answer opened) still waits (False: that answer ended the check)."""

    waiting: bool = True


@dataclass(frozen=True)
class SentBefore:
    """A text sent before the open question's message: written before the question existed
    (a correction of her last answer, typed while it was graded), so no answer to it. Nothing
    is graded; she is pointed to the question, which stays open (`asked_in`: its message)."""

    asked_in: int


@dataclass(frozen=True)
class LastAnswer:
    """The word of the question she was just graded on, sent again as a fix of that answer
    after the next question came (SentTwiceGuard.is_correction): not graded against the open
    question, which stays open (`asked_in`: its message, None when not known)."""

    asked_in: int | None


def answer_typed(db: Database, user_id: int, text: str, now: datetime, tz: ZoneInfo,
                 holidays: Collection[date] = (), guard: SentTwiceGuard | None = None,
                 message_id: int | None = None, asked: tuple[int, int] | None = None
                 ) -> (Feedback | WriteInEnglish | TapAnAnswer | TypeTheWord | SentTwice
                       | SentBefore | LastAnswer | ExplainQuestion | None):
    """Grade free text against the student's open item; None when no item is open.

    Text that matches a button's label during a button question counts as that tap. With a
    `guard`, a copy of her last graded answer (`message_id`: its Telegram message) is set
    aside (`SentTwice`), never graded against the question that answer opened. A text whose
    `message_id` is lower than the message that first asked the open item (`asked`: item id
    and message id, as the chat held it; or its quiz poll's, kept in the store) is
    `SentBefore`: a private chat numbers both sides' messages with one sequence.
    """
    check: check_items.Check | None = check_items.open_check(db, user_id)
    stored = check.open_item() if check is not None else None
    if stored is None:  # none open, or an item stored without a check id (none are now)
        stored, check = check_items.next_open_item(db, user_id), None
    if stored is None:
        copy = guard is not None and guard.is_copy(user_id, text, None, now,
                                                   message_id=message_id)
        return SentTwice(waiting=False) if copy else None
    if guard is not None and guard.is_copy(user_id, text, stored.id, now, message_id=message_id,
                                           answers_it=_answers_right(stored.item, text)):
        return SentTwice()
    asked_in = asked[1] if asked is not None and asked[0] == stored.id else stored.poll_message
    if message_id is not None and asked_in is not None and message_id < asked_in:
        return SentBefore(asked_in)  # even a right answer: it was meant for another question
    if guard is not None and guard.is_correction(user_id, text, stored.id, now,
                                                 answers_it=_answers_right(stored.item, text)):
        return LastAnswer(asked_in)
    outcome = _answer_text(db, user_id, stored, check, text, now, tz, holidays)
    if guard is not None and isinstance(outcome, Feedback):  # a copy must not answer the next
        opened = outcome.next_question.item_id if outcome.next_question else None
        # right with a forgiven slip ("✅ Right! Check the spelling: population."): the
        # word she may send again, as a fix, once the next question is already open
        slipped = outcome.grade.correct and not outcome.grade.exact
        guard.graded(user_id, text, opened, now, message_id=message_id,
                     answer=stored.item.answer if slipped else None)
    return outcome


def waiting_question(db: Database, user_id: int) -> TapAnAnswer | None:
    """The question a student's check waits on, to point to (its quiz poll's message, if
    known); None when none is open."""
    stored = check_items.next_open_item(db, user_id)
    return None if stored is None else TapAnAnswer(
        stored.id, stored.poll_message, key="progress-question-waiting", lost=True)


def _answers_right(item: Item, text: str) -> bool:
    """Whether `text` is, exactly (any case or spacing), the right answer to `item`: its word,
    or the label of its right option."""
    if item.typed:
        return text_key(text) == text_key(item.answer)
    index = matching_option(item, text)
    return index is not None and item.options[index] == item.answer


def _answer_text(db: Database, user_id: int, stored: check_items.StoredItem,
                 check: check_items.Check | None, text: str, now: datetime, tz: ZoneInfo,
                 holidays: Collection[date]
                 ) -> Feedback | WriteInEnglish | TapAnAnswer | TypeTheWord | ExplainQuestion:
    """Grade free text against the open item `stored` of `check` (answer_typed)."""
    who = learner(db, user_id)
    if says_not_understood(text):  # "mwen pa konprann": help, not the offer to the teacher
        return _explain(db, who, stored)
    if not stored.item.typed:
        index = matching_option(stored.item, text)
        if index is None and says_dont_know(text) and not only_question_marks(text):
            # "no sé" or "🤷": placement taught her to say so rather than guess; a miss,
            # shown kindly, as under a typed question
            return _finish(db, stored, grade_dont_know(stored.item), now, tz, holidays, who,
                           check=check)
        if index is None:  # "extint" or "3" while the buttons wait: the answer is a tap away
            # (under letter tiles, the only buttons are letters: "organsim" is told to tap them)
            spelled = tiles.by_default(stored.item, who.level, stored.practice,
                                       who.reads_aloud)
            key = "item-tiles-typed" if spelled else "tap-an-answer"
            if seems_lost(text):  # "?" or "😢" with a 🤷 and the options right there: lost,
                # perhaps, not "I don't know" (Somali playtest): graded nothing, 🆘 offered
                return TapAnAnswer(stored.id, stored.poll_message, key=key, lost=True)
            # her word for it ("photosynthèse") is named under tiles too, and she is asked for
            # the English: the tiles' "you can also type it" read as if she had typed nothing
            # (playtest, Aissatou, level 1: twice, then she stopped)
            gloss = _gloss_at_buttons(db, who, stored, text, tap=not spelled)
            if gloss is not None:
                return gloss
            return TapAnAnswer(stored.id, stored.poll_message,
                               tries_an_answer(text, stored.item.options)
                               or _names_her_word(db, who, stored, text), key)
        return _finish(db, stored, grade_choice(stored.item, index), now, tz, holidays, who,
                       check=check)
    grade = _typed_grade(db, who, stored, text)
    if in_another_script(without_emoticons(text), stored.item.answer) \
            and grade.verdict is not Verdict.DONT_KNOW:
        # "猫" for "habitat": no spelling of it; but "不知道" or "모르겠어요" is the 🤷 (Chinese
        # and Korean playtest: "write it in English" to a child who said she does not know)
        return _not_written(stored, who, grade, text)
    if grade.verdict in NOT_AN_ANSWER:  # "🙂", "?!" or a paragraph: ask again, not a miss
        return TypeTheWord("typed-too-long" if grade.verdict is Verdict.TOO_LONG
                           else "typed-empty")
    if grade.verdict in RETRY and message_around(text, stored.item.answer):
        # a sentence around English words ("老师，这个ratio和rate有什么区别？"): a question for the
        # teacher, not a go at the word (Chinese playtest: "write the English word", and it
        # spent the one retry)
        return WriteInEnglish(None, text.strip()[:60], False, attempt=False)
    # Not English: one more try, not a miss; but only once, so text in another language can
    # neither hold the question open for ever nor dodge its miss
    if grade.verdict in RETRY and check_items.take_english_retry(db, stored.id, ENGLISH_RETRIES):
        own = grade.verdict is Verdict.HOME_LANGUAGE_WORD
        school = own and grade.language not in (None, who.language)
        return WriteInEnglish(grade.language or who.language if own else grade.matched,
                              (grade.graded or text.strip())[:60], own, school)  # the word
    return _finish(db, stored, grade, now, tz, holidays, who, check=check, text=text)


def _explain(db: Database, who: Learner, stored: check_items.StoredItem) -> ExplainQuestion:
    """The open question's word's meaning in her language, else her school's (playtest:
    "mwen pa konprann" at a question was offered to the teacher as chat)."""
    found = words_by_id(db, [stored.item.word_id])
    glosses = found[0].word.glosses if found else {}
    for code in school_languages(who.language):
        gloss = glosses.get(code)
        if gloss is not None and (meaning := gloss.definition or gloss.simple):
            return ExplainQuestion(meaning, code, code != who.language)
    return ExplainQuestion()


def _gloss_at_buttons(db: Database, who: Learner, stored: check_items.StoredItem, text: str,
                      tap: bool = True) -> WriteInEnglish | None:
    """The word's own gloss typed at a question with buttons ("mitose", "c'est la mitose" from
    a Haitian student schooled in French), named as a typed question names it: read as chat
    ("send to your teacher?") or "tap one of the answers" (playtest). Nothing is graded and
    the buttons stay; None for any other text. `tap`: point to the English option above;
    False under letter tiles, which have none: she is asked to write it in English."""
    found = words_by_id(db, [stored.item.word_id])
    if not found:
        return None
    word = found[0].word
    own, false_friends = own_terms(word, who.language)
    grade = grade_typed(text, word.term, forms=word.forms, home_terms=own, lang=who.language,
                        false_friends=false_friends)
    if grade.verdict is not Verdict.HOME_LANGUAGE_WORD:
        return None
    language = gloss_language(word, who.language, grade.matched)
    return WriteInEnglish(language, (grade.graded or text.strip())[:60], True,
                          school=language not in (None, who.language), tap=tap)


def _names_her_word(db: Database, who: Learner, stored: check_items.StoredItem, text: str
                    ) -> bool:
    """Whether `text` is the home-language word of one of her packs' words (an option, or a
    card she read: a go at the question, wrong, so the pointer, never the offer to the
    teacher); read only for text that looks like no go otherwise."""
    found = words_by_id(db, [stored.item.word_id])
    packs = dict.fromkeys([*(w.pack_id for w in found), *who.pack_ids])
    return names_one(text, (w.word for pid in packs for w in pack_words(db, pid)),
                     who.language)


def _not_written(stored: check_items.StoredItem, who: Learner, grade: Grade, text: str
                 ) -> TapAnAnswer | WriteInEnglish:
    """Text at a question to write in a script its English word never uses: never graded, not
    even after "write it in English" (playtest, Lin, level 1: "猫" was "Not quite. The answer
    is habitat"). A sentence ("你好老师我不懂") may be for the teacher; either way she is
    pointed to the question: to its tiles where it opened with them, else to write in English.
    """
    own = grade.verdict is Verdict.HOME_LANGUAGE_WORD  # "栖息地" for habitat: a go, in Chinese
    attempt = own or tries_an_answer(text, (stored.item.answer,))
    if tiles.first(stored.item, who.level, stored.practice, who.letters_first,
                   who.reads_aloud):
        return TapAnAnswer(stored.id, stored.poll_message, attempt, "item-tiles")
    named = grade.matched if grade.verdict is Verdict.NOT_ENGLISH else None
    return WriteInEnglish(grade.language or who.language if own else named, text.strip()[:60],
                          own, school=own and grade.language not in (None, who.language),
                          attempt=attempt)


def _typed_grade(db: Database, who: Learner, stored: check_items.StoredItem, text: str
                 ) -> Grade:
    """Grade `text` as the typed answer to `stored` (typed, or spelled with tiles)."""
    found = words_by_id(db, [stored.item.word_id])
    packs = dict.fromkeys([*(w.pack_id for w in found), *who.pack_ids])
    terms, _ = pack_terms([w.word for pid in packs for w in pack_words(db, pid)], who.language)
    # Only this word's own gloss earns "write it in English": another word's gloss or the
    # false friend its card warns about ("soportar" for support) is a miss.
    own, false_friends = own_terms(found[0].word, who.language) if found else ([], [])
    forms = found[0].word.forms if found else ()
    grade = grade_typed(text, stored.item.answer, terms, forms=forms, home_terms=own,
                        lang=who.language, false_friends=false_friends)
    if grade.verdict is Verdict.HOME_LANGUAGE_WORD and found:  # hers, or French for ht
        grade = replace(grade, language=gloss_language(found[0].word, who.language,
                                                       grade.matched))
    if grade.verdict in OVERRULABLE and typed_misses.is_accepted(
            db, who.class_ids, stored.item.word_id, answer_key(text)):
        # a teacher of her class counted this answer right for this word before (from memory,
        # no statement: the graded answer's budget)
        return Grade(True, True, grade.expected, Verdict.ACCEPTED)
    return grade


def matching_option(item: Item, text: str) -> int | None:
    """The index of the option whose label the student typed, if exactly one. A number is no
    option's position: the buttons show none, and their grid has no order a right-to-left
    reader would count the same way."""
    typed = fold(" ".join(text.split()))
    matches = [i for i, option in enumerate(item.options) if fold(option) == typed]
    return matches[0] if len(matches) == 1 else None


def _counted_choices(db: Database, item: Item, words: list[WordRef | None], who: Learner,
                     met_today: frozenset[int]) -> int | None:
    """How many options this answer counts as chosen among (evidence.counted_choices): those a
    student who does not know the word could not rule out, as words answered earlier today
    (`met_today`) or English words she reads through her own language."""
    if item.typed:
        return None
    return counted_choices(item, words, who.language, met_terms(db, met_today))


def _finish(db: Database, stored: check_items.StoredItem, grade: Grade, now: datetime,
            tz: ZoneInfo, holidays: Collection[date] = (), who: Learner | None = None,
            check: check_items.Check | None = None, text: str | None = None,
            with_tiles: bool = False, on_tiles: bool = False) -> Feedback:
    if stored.answered:
        raise AnsweredItemError()
    item, who = stored.item, who or learner(db, stored.student_id)
    found = words_by_id(db, [item.word_id])[0]
    word = found.word
    midnight = today_started(now, tz)  # the study day's start, not midnight
    # A check's last answer reads every word she has started at once, as what comes next
    # needs them all (next_step); any other answer reads this word and today's only
    started, shown_today = study.student_mastery_and_revealed(
        db, who.id, item.word_id, midnight) if check and check.ends_with(stored.id) \
        else (None, False)
    # The next question's word, when it may open with the one-time line that says whether it
    # is a mastery question (checks.introduced): read with this one, in the same query
    ahead = _intro_ahead(who, check, stored.id)
    known, met_today, upcoming, shown_today = study.mastery_and_answered_since(
        db, who.id, item.word_id, midnight, ahead.item.word_id if ahead else None) \
        if started is None else (*_answered_since(started, item.word_id, midnight), shown_today)
    # "Practice again" comes right after the word's card and its answer were shown: a right
    # answer is memory of them, not evidence (practice: no success, no success day)
    # The word behind each option, looked up in every pack (her class's first): a check mixes
    # pushed words with the class pack's, and an option from a pack of neither ("organism"
    # pushed, beside the class's verbs) must not count as an unknown, live one (playtest).
    # The lookup the check was planned with (checks.option_index): the same count
    words = [] if item.typed else option_index(db, who).of(item, found.pack_id)
    choices = 1 if stored.practice else tiles.counted_words(item) if with_tiles \
        else _counted_choices(db, item, words, who, met_today)
    # A right answer minutes after the word's card was first read may be memory of the card:
    # practice until the next school day (a miss is evidence, and counted)
    card_today = known is not None and card_shown_today(known, now, tz)
    # A card re-read today (/words, 🔁, paging) shows what a deciding review asks: read off the
    # card, its right answer cannot master the word (read from the row already here: no SQL)
    card_read = known is not None and card_read_today(known, now, tz)
    # so may the feedback of a wrong tap on this word earlier in the check, which gave its
    # meaning (playtest, Hodan: "decomposer means burburiye", then "Which English word is
    # burburiye?" counted as a day right)
    # or in an earlier check this study day (Davi: "Your answer, prey, means presa", then
    # prey asked again): read in the same statement as its mastery
    revealed = shown_today or (check is not None and check.revealed(item.word_id, stored.id))
    # What a teacher counts: not "Practice again" nor an answer on the day the card was read,
    # right or wrong (counting only the misses made day 1's "correct 0 of 2" when two of four
    # had it right: teacher playtest), nor a right answer that was the only one left (its
    # miss is counted: she could not find the one answer she could not rule out)
    practice = stored.practice or card_today or (grade.correct and (choices == 1 or revealed))
    with db.atomic():  # closing the item and counting the answer stand or fall together
        chosen = chosen_word(item, grade, words) if words else None
        if not check_items.close_item(db, stored.id, grade.correct, now, chosen):
            raise AnsweredItemError()  # a replayed tap, or two taps at once: graded once
        state = known or new_mastery(item.word_id, now)
        other_word = with_tiles and not grade.correct and text is not None \
            and tiles.other_word(text, item)
        answer = {"correct": grade.correct, "item_type": item.item_type, "typed": item.typed,
                  "now": now, "local_day": study_day(now, tz),
                  "choices": choices, "card_today": card_today or revealed,
                  "practice_item": stored.practice, "remembered": stored.remembered,
                  "card_read": card_read, "tz": tz, "tiles": with_tiles,
                  "other_word": other_word}
        updated = record_answer(state, exact=grade.exact, **answer)
        # A forgiven misspelling never masters a word (mastery.py): when it is all that
        # kept this answer from mastering it, she is told (it blocked mastery unsaid)
        spelling_held = (grade.correct and not grade.exact and not updated.mastered
                         and record_answer(state, exact=True, **answer).mastered)
        study.save_mastery(db, who.id, item.word_id, updated, now, answered=grade.correct,
                           listening=item.item_type is ItemType.LISTEN, practice=practice)
        other_language = not grade.correct and grade.verdict in RETRY
        graded = Graded(grade.exact, choices, card_today, revealed, stored.practice,
                        stored.remembered, card_read, item.typed, with_tiles,
                        accepted=grade.verdict is Verdict.ACCEPTED,
                        other_language=other_language, on_tiles=on_tiles,
                        other_word=other_word)
        # A typed miss keeps its text and the word's mastery before it, in the same
        # statement: a teacher may count it right from /student (overrule.py); so does an
        # answer right only by a class's acceptance, which a withdrawal grades again
        kept = text is not None and (grade.verdict is Verdict.ACCEPTED or (
            not grade.correct and grade.verdict in OVERRULABLE))
        # The meaning written in another language ("matière" twice) keeps its text alone:
        # /student shows it (a "typed 0/10" with nothing listed read as not knowing the
        # words; playtest), and without the mastery before it no ✅ can count it
        study.record_attempt(db, who.id, item.word_id, item.item_type, stored.prompt_lang,
                             grade.correct, now, practice=practice, grading=graded.bits(),
                             typed=kept_text(text) if (kept or other_language) and text
                             else None,
                             before=snapshot(state) if kept else None,
                             dont_know=grade.verdict is Verdict.DONT_KNOW)
        again, mixed = reteach(db, stored, who, updated, now, tz, chosen) or (None, None)
        # The check as read before this answer, with it answered; read again when re-teaching
        # added an item (or nobody read it yet).
        where = (check.answered(stored.id, grade.correct).state() if check and again is None
                 else check_items.check_state(db, stored.id))
        # the check is over: "🔤 Show the letters first next time?", once (level 2)
        offer = where.next_item is None and letters_first.offer_due(db, who, check)
        # The next question's one-time line is claimed with the answer, in its transaction
        question = None if where.next_item is None else introduced(db, who, Question(
            where.next_item.id, where.number, where.total, where.next_item.item, who.language,
            who.level, where.next_item.practice, letters_first=who.letters_first,
            reads_aloud=who.reads_aloud), now,
            {ahead.item.word_id: upcoming} if ahead is not None and where.next_item.id == ahead.id
            else None, where.next_item.remembered, tz)
    gloss = word.glosses.get(who.language)
    score, slipped, after = None, False, None
    if where.next_item is None:
        score = (where.right, where.answered)
        # "These words are still new for you" is only true of words never answered right
        slipped = where.right < where.answered and check_items.missed_known_words(db, stored.id)
        # The word as saved: an answered card counts as shown, from its first showing on
        saved = replace(updated, shown_at=known.shown_at if known and known.shown_at else now)
        tracked = None if started is None else studying(db, who.id, {**started,
                                                                      item.word_id: saved})
        after = next_step(db, who, now, tz, holidays, tracked)  # a school day, not a Saturday
    return Feedback(who.id, who.first_name, item.word_id, grade, word.term,
                    gloss.term if gloss else None, who.language,
                    updated.mastered and not state.mastered,
                    needs_help(updated) and not needs_help(state), question, score, again,
                    who.level, _false_friend(word, who.language, grade), slipped, after,
                    stored.id, stored.poll_message,
                    chosen_meaning(item, grade, words, who.language) if words else None,
                    mixed, spelling_held,
                    None if grade.correct else word_back(updated, now, tz, holidays,
                                                         who.excused),
                    where.practice_right if score is not None else 0,
                    text if with_tiles else None, offer)


def _answered_since(started: dict[int, WordMastery], word_id: int, since: datetime
                    ) -> tuple[WordMastery | None, frozenset[int], WordMastery | None]:
    """study.mastery_and_answered_since, from every word she has started (at a check's end:
    no question follows, so none ahead)."""
    return started.get(word_id), frozenset(
        w for w, s in started.items()
        if w != word_id and s.last_answered is not None and s.last_answered >= since), None


def _intro_ahead(who: Learner, check: check_items.Check | None, item_id: int
                 ) -> check_items.StoredItem | None:
    """The question after this one, when it may be her first typed question at levels 1-2
    (checks.introduced): None otherwise (nearly always)."""
    if check is None or not intro_pending(who):
        return None
    following = check.answered(item_id, False).state().next_item
    return None if following is None or not following.item.typed else following


def _false_friend(word: Word, lang: str, grade: Grade) -> str | None:
    """The look-alike the student typed, when it is the one this word's card warns about."""
    if grade.verdict is not Verdict.FALSE_FRIEND:
        return None
    return relation_for(word, lang).lookalike


def reteach(db: Database, stored: check_items.StoredItem, who: Learner, updated: WordMastery,
            now: datetime, tz: ZoneInfo, chosen: int | None = None
            ) -> tuple[WordRef, WordRef | None] | None:
    """After a second miss in a row, and on each later day the word is missed again
    (reteach.needs_reteach): add an easier item on the word to the check (two options, asked
    another way than the question missed: reteach.practice_item) and return the word, whose
    card the student sees again, home language first.

    The easier item is practice ("Practice again"): the check's "Question n/N" and its score
    stay as they were when it started, so the check never grows while the student fails. A
    missed "Practice again" is never followed by another (an old one tapped days later too).

    A wrong tap on `chosen` (a pack word) that makes the two words a pair she mixes up
    (confusions.mixed_pair) is re-taught the same way, once a day, as the pair: both words side
    by side (returned second), then an item whose two options are exactly these two."""
    word_id = stored.item.word_id
    if stored.practice or (updated.misses_in_row < RETEACH_AFTER and chosen is None):
        return None  # the common case, without a query
    midnight = today_started(now, tz)
    # Whether she mixes the pair up first: a first miss on a pack word rarely makes a pair,
    # and then "re-taught today?" is never asked (a wrong tap reads one row more, not two)
    pair = confusions.mixed_pair(db, who.id, word_id, chosen, now) if chosen else None
    if pair is None and not needs_reteach(updated.misses_in_row, False):
        return None
    if check_items.practice_since(db, who.id, word_id, midnight):
        return None  # re-taught today already
    found = words_by_id(db, [word_id, *([chosen] if pair and chosen else [])])
    if not found or found[0].id != word_id:
        return None
    target, *others = word_refs(found)
    rng = random.Random(stored.id)  # the same re-teaching item if the answer is replayed
    if others:
        item = pair_item(stored.item, target, others[0], who.language, who.scaffold, rng)
        check_items.append_item(db, stored.id, who.id, stored.prompt_lang, item, now)
        return target, others[0]
    # Options come from the word's own pack first, then the student's, as in a check
    packs = dict.fromkeys([target.pack_id, *who.pack_ids])
    pool = word_refs([w for pid in packs for w in pack_words(db, pid)])
    item = practice_item(stored.item, target, pool, who.language, who.scaffold, rng,
                         seen_words(study.student_mastery(db, who.id)))
    if item.options:
        check_items.append_item(db, stored.id, who.id, stored.prompt_lang, item, now)
    return target, None
