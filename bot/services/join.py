"""Joining a class, confirming the home language, and the first self-placement."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.domain import placement
from bot.domain.errors import PuenteError
from bot.domain.language import (
    LANGUAGES,
    Capability,
    Detection,
    detect_language,
    script_languages,
)
from bot.domain.language_names import home_language_named
from bot.domain.packs import DEFAULT_PACK
from bot.domain.scaffold import scaffold_for
from bot.store import people
from bot.store.packs import class_lowest_grades, pack_words

JOIN_CODE_CHARS = 12  # 12 of 57 symbols = 70 random bits: unguessable, fits a deep link
# Letters and digits only (no look-alikes such as 0/O, 1/l): easy to read aloud, and never
# confused with the "f_" family-link payloads that share /start.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
# A class join code is copied from the board by students, and matched whatever its case (and
# 0 for O, 1 for l: people.code_key), so it has capitals and digits only, none of them a
# look-alike (no I, L, O, 0, 1): 12 of 31 symbols = 59.5 random bits, and a code guard limits
# each user's wrong tries (membership.code_attempt). A mixed-case code of 70 bits matched this
# forgivingly kept 59.9 bits (tests/services/test_join.py measures both).
CLASS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class JoinError(PuenteError):
    """A join code that does not let the student in."""


def new_code(choose: Callable[[str], str] = secrets.choice) -> str:
    """Make an unguessable code that is safe in a t.me deep link."""
    return "".join(choose(CODE_ALPHABET) for _ in range(JOIN_CODE_CHARS))


def new_class_code(choose: Callable[[str], str] = secrets.choice) -> str:
    """Make an unguessable class join code a student can copy from the board in any case."""
    return "".join(choose(CLASS_CODE_ALPHABET) for _ in range(JOIN_CODE_CHARS))


@dataclass(frozen=True)
class Joined:
    class_name: str
    already_member: bool
    language: str | None        # confirmed home language, if the student has one
    suggestion: str | None      # a language to offer for one-tap confirmation
    class_id: int = 0


def join_class(db: Database, user_id: int, first_name: str, code: str | None,
               phone_language: str | None, now: datetime) -> Joined:
    """Enrol a student by join code; raise JoinError with a kind prompt key when it fails."""
    if not code:
        raise JoinError("no code", prompt_key="join-code-missing")
    if len(code) > 64 or not code.replace("-", "").replace("_", "").isalnum():
        raise JoinError("malformed code", prompt_key="join-code-unknown")
    found = people.class_by_code(db, code)
    if found is None:  # a link /revoke replaced is no typo: say so (a member is welcomed back)
        found = _replaced(db, user_id, code, now)
    if found is None:
        raise JoinError("unknown code", prompt_key="join-code-unknown")
    if found.code_expires_at <= now:
        raise JoinError("expired code", prompt_key="join-code-expired")
    with db.atomic():
        people.upsert_student(db, user_id, first_name, now)
        added = people.enroll(db, user_id, found.id, now)
        if added:
            carry_level(db, user_id, found.id)
    student = people.get_student(db, user_id)
    assert student is not None
    suggestion = None
    if student.language is None:
        suggestion = suggest_from_phone(phone_language)
    return Joined(found.name, not added, student.language, suggestion, found.id)


def _replaced(db: Database, user_id: int, code: str, now: datetime) -> people.ClassInfo | None:
    """The class of a join code /revoke replaced, for one of its students opening the old link
    again; anyone else is told the link was replaced (None: a code that never was)."""
    found = people.replaced_class(db, code, now)
    if found is None:
        return None
    if any(e.class_id == found.id for e in people.enrollments(db, user_id)):
        return found
    raise JoinError("replaced code", prompt_key="join-code-replaced")


def carry_level(db: Database, user_id: int, class_id: int) -> None:
    """A new class starts at the level the student already has: their English level is one
    fact about them, so a second class neither places them again nor shows "no level"."""
    classes = [e for e in people.enrollments(db, user_id) if e.wida_level is not None]
    level = placement.student_level((e.wida_level, e.level_by_teacher) for e in classes)
    if level is not None:
        by_teacher = any(e.level_by_teacher for e in classes)
        people.set_level(db, user_id, class_id, level,
                         people.TEACHER if by_teacher else people.PLACEMENT)


def student(db: Database, user_id: int) -> people.Student | None:
    """The student behind a Telegram id, or None for someone who never joined a class."""
    return people.get_student(db, user_id)


def suggest_from_phone(phone_language: str | None) -> str | None:
    """Offer the phone's language when it is a supported home language other than English."""
    if not phone_language:
        return None
    code = phone_language.split("-")[0].lower()
    language = LANGUAGES.get(code)
    if language is None or code == "en" or Capability.PROMPTS not in language.capabilities:
        return None
    return code


def phone_language_to_keep(chosen: str, phone_language: str | None) -> str | None:
    """The phone's language, offered back ("↩️ Вернуть Русский") when a first choice is one
    Puente has no messages in and the phone's is one it writes (not English, which she gets
    anyway): Artem, from Ukraine, tapped Українська on a phone in Russian, was asked in
    Russian until then, and from that tap read English only, with no word in a language he
    reads (playtest, Civics 10). None otherwise."""
    language = LANGUAGES.get(chosen)
    phone = suggest_from_phone(phone_language)
    if phone is None or phone == chosen or (
            language is not None and Capability.PROMPTS in language.capabilities):
        return None
    return phone


def suggest_from_text(db: Database, user_id: int, text: str,
                      phone_language: str | None) -> Detection:
    """Guess the home language from a few words the student wrote (the text is not kept)."""
    expected = class_languages(db, user_id)
    return detect_language(text[:500], hint=phone_language, candidates=expected or None)


def class_languages(db: Database, user_id: int) -> list[str]:
    """Home languages already confirmed by classmates, most common first: a prior for a
    newcomer's words."""
    return [code for code, _ in people.classmates_languages(db, user_id)]


def class_majority_languages(db: Database, user_id: int) -> list[str]:
    """The classmates' languages, most common first, when most of them (two at least) share
    one: enough to ask a newcomer in it. One Arabic classmate says nothing of a Vietnamese
    girl with an English phone, who was asked in Arabic first (playtest 11)."""
    counted = people.classmates_languages(db, user_id)
    total = sum(n for _, n in counted)
    if not counted or counted[0][1] < 2 or counted[0][1] * 2 <= total:
        return []
    return [code for code, _ in counted]


def ranked_languages(first: Sequence[str | None], school: Sequence[str]) -> list[str]:
    """Home languages Puente speaks, most likely first: `first` (evidence, best first), then
    the school's; never English (a phone or a class in English says nothing about home)."""
    found = [(code or "").split("-")[0].lower() for code in [*first, *school]]
    return [c for c in dict.fromkeys(found) if c != "en" and c in LANGUAGES
            and Capability.PROMPTS in LANGUAGES[c].capabilities]


def likely_languages(db: Database, user_id: int, phone_language: str | None,
                     school: Sequence[str], detected: str | None = None) -> list[str]:
    """The child's most likely home languages, likeliest first: one detected from the phone or
    their words, then the phone's, the classmates' (most common first, when most of them share
    one) and the school's; English only when there is nothing else."""
    return _likely(class_majority_languages(db, user_id), phone_language, school, detected)


def _likely(majority: Sequence[str], phone_language: str | None, school: Sequence[str],
            detected: str | None) -> list[str]:
    ranked = ranked_languages([phone_language, *majority], school)
    return list(dict.fromkeys([detected, *ranked] if detected else ranked)) or ["en"]


@dataclass(frozen=True)
class FirstQuestion:
    """The question before Puente knows a child's home language: one short line in the
    likeliest language, and the same line in English (always: see `first_question`)."""

    lang: str                 # the language the question is in
    likely: list[str]         # the menu's order: the likeliest alone on top (unless guessed)
    confirm: str | None       # "Is your home language X?" about this language, else "which?"
    # No sign of the home language at all (no words, no home language on the phone, no
    # classmates' majority): `lang` is only the school's first language, so English, the
    # phone's, comes first and no language is singled out on top of the menu
    guessed: bool = False
    prompt_key: str = "language-ask"  # the line above the menu (see `first_question`)
    # Languages the child's own letters narrow the choice to (Arabic letters: ar fa ur ps),
    # first in the menu, none of them alone on top: the letters do not tell which
    narrowed: tuple[str, ...] = ()

    @property
    def one_on_top(self) -> bool:
        """The likeliest language alone on the menu's top row, the one-tap answer."""
        return not self.guessed and not self.narrowed


def first_question(db: Database, user_id: int, phone_language: str | None,
                   school: Sequence[str], detected: str | None = None,
                   typed: str | None = None, scored: Sequence[str] = ()) -> FirstQuestion:
    """What to ask a child whose home language is not known yet: about the language the phone
    or their words name, else which language, in the classmates' language when most of them
    share one. The line comes in English too, like the welcome above it: no phone's language
    is certainly the child's (Pa Houa, Hmong, read "Guriga ma ku hadashaa Soomaali?" alone on a
    phone set to Somali, playtest). With no sign at all, English (the phone's language) comes
    first, then the school's first language: a Hmong child's phone is in English (Telegram has
    no Hmong), and her class may have no Spanish speaker at all (playtest 13).

    English is never the guess: an ELL whose phone is in English typed "hello my name is
    Thiago", was asked "Is your home language English? [English ✅ Yes]", and a polite child
    taps Yes and loses every home-language support (playtest, grade-8 ELD). Words in English
    are thanked and the question asked ("language-ask-english"), English last in the menu.
    Other `typed` words that tell no language are acknowledged ("language-not-told": the same
    menu again with no word read as being ignored), with the languages their letters narrow
    to (script_languages), else those their words `scored` likeliest, first."""
    english = detected == "en"
    detected = None if english else detected
    narrowed: tuple[str, ...] = ()
    if typed is not None and detected is None:
        narrowed = script_languages(typed) or tuple(
            c for c in scored if c != "en" and c in LANGUAGES
            and Capability.PROMPTS in LANGUAGES[c].capabilities)
    majority = class_majority_languages(db, user_id)
    likely = _likely(majority, phone_language, school, detected)
    from_phone = suggest_from_phone(phone_language)
    lang = next((c for c in [*narrowed, *likely] if c in LANGUAGES
                 and Capability.PROMPTS in LANGUAGES[c].capabilities), likely[0])
    key = "language-confirm" if detected else "language-ask-english" if english \
        else "language-not-told" if typed is not None else "language-ask"
    menu = [c for c in dict.fromkeys([*narrowed, *likely]) if c != "en"]  # English: last
    return FirstQuestion(lang, menu, detected,
                         guessed=detected is None and from_phone is None and not majority
                         and not narrowed, prompt_key=key, narrowed=narrowed)


@dataclass(frozen=True)
class TypedLanguage:
    """What a child wrote while asked for their home language."""

    named: str | None      # a language they named ("I speak Spanish"): theirs, chosen
    detected: str | None   # else the language their words are in: to confirm
    # else the languages their words score likeliest ("kuv" alone: Hmong), to lead the menu
    scored: tuple[str, ...] = ()


def read_language_answer(db: Database, user_id: int, text: str,
                         phone_language: str | None) -> TypedLanguage:
    """A language named in English or in its own words ("Spanish", "Af Soomaali"), else the
    language of the words themselves when detection is sure, or when their everyday words put
    a language no detector covers clearly ahead ("nyob zoo": Hmong), else the languages they
    score likeliest (the text is not kept)."""
    named = home_language_named(text)
    if named is not None:
        return TypedLanguage(named, None)
    detection = suggest_from_text(db, user_id, text, phone_language)
    guess = detection.guess if detection.guess in LANGUAGES else None
    return TypedLanguage(None, guess, () if guess else detection.likely)


def confirm_language(db: Database, user_id: int, code: str) -> str:
    """Store the student's confirmed home language (any catalogue code)."""
    if code not in LANGUAGES:
        raise PuenteError(code, prompt_key="error-unknown-language")
    people.set_student_language(db, user_id, code)
    return code


@dataclass(frozen=True)
class LanguageOffer:
    """What Puente really has for a student's language, to say plainly when it is chosen."""

    prompt_key: str
    have: int = 0   # class words with a curated gloss in the language
    total: int = 0  # class words


def language_offer(db: Database, user_id: int, code: str,
                   machine: Callable[[str], bool]) -> LanguageOffer:
    """Promise only what exists: prompts and curated glosses (with the class's coverage), else
    machine-translated words (when `machine(code)`), else English (with pictures, at the
    levels whose cards have them)."""
    caps = LANGUAGES[code].capabilities if code in LANGUAGES else frozenset()
    classes = people.enrollments(db, user_id)
    level = placement.student_level((e.wida_level, e.level_by_teacher) for e in classes)
    plain = "" if scaffold_for(level).emoji else "-plain"  # pictures are the beginners' cards
    if code == "en":
        return LanguageOffer("language-set-english-only" + plain)
    if Capability.PROMPTS in caps and Capability.GLOSSES in caps:
        packs = dict.fromkeys(e.pack_id or DEFAULT_PACK for e in classes)
        words = [w.word for pack_id in packs for w in pack_words(db, pack_id)]
        have = sum(code in w.glosses for w in words)
        if have < len(words) and not machine(code):
            return LanguageOffer("language-set-partial", have, len(words))
        return LanguageOffer("language-set")
    return LanguageOffer("language-set-machine" if machine(code) else
                         "language-set-english" + plain)


def needs_placement(db: Database, user_id: int) -> bool:
    """True when no class of the student has a WIDA level yet."""
    return all(e.wida_level is None for e in people.enrollments(db, user_id))


@dataclass(frozen=True)
class PlacementStep:
    question: int | None       # index of the next question, None when finished
    level: int | None          # the proposed level once finished
    before: int | None = None  # a second placement's finish: the level it replaced (teachers hear)
    # Ended by a 🤷: she said she cannot, so she did not slip (no "Slipped on a question?")
    said_dont_know: bool = False


class PlacementClosedError(PuenteError):
    """A placement tap when no placement is open for this student (old or forged)."""

    prompt_key = "placement-closed"


def open_placement(db: Database, user_id: int) -> int:
    """Open the self-placement (or reopen one left early, keeping its answers): only now are
    placement taps from this student accepted. Return the question to ask next."""
    people.open_placement(db, user_id)
    return placement.next_question(people.open_placement_answers(db, user_id) or []) or 0


def placement_items(db: Database, user_id: int) -> tuple[placement.PlacementItem, ...]:
    """The placement questions for this student: a teenager's picture words in a secondary
    class (placement.items_for)."""
    return placement.items_for(class_lowest_grades(db, user_id))


def placement_counter(db: Database, user_id: int) -> tuple[int, int]:
    """(the number of the question asked next, the most there can be now)."""
    return placement.counter(people.open_placement_answers(db, user_id) or [])


def unfinished_placement(db: Database, user_id: int) -> int | None:
    """The question a student stopped at when they left their placement for their words
    (they study with the most support meanwhile); None when no placement is open."""
    answers = people.open_placement_answers(db, user_id)
    return None if answers is None else placement.next_question(answers)


@dataclass(frozen=True)
class PlacementLeft:
    """A placement the student left for their words."""

    level: int | None  # the level their answers already show; None: the most support for now


def leave_placement(db: Database, user_id: int) -> PlacementLeft | None:
    """The student left their open placement for their words (None: none is open). They study
    at the level their answers so far already show, counted as at the end (whole bands right:
    it errs low), so eight right answers are not thrown away for the easiest cards; with no
    more than level 1 shown, no level is set (the most support, and the teacher reads that the
    placement is not finished). The placement stays open: finishing it sets the level."""
    answers = people.open_placement_answers(db, user_id)
    if answers is None or placement.next_question(answers) is None \
            or people.placement_redo(db, user_id) is not None:  # a second go keeps the level
        return None                                             # until it is finished
    level = placement.level_from_answers(answers)
    if level <= 1:
        return PlacementLeft(None)
    people.set_level(db, user_id, None, level, people.PLACEMENT)
    return PlacementLeft(level)


def resume_placement(db: Database, user_id: int) -> int:
    """The question to ask a student who comes back to the placement they left; a placement
    already over (finished, or a level set by the teacher) is closed."""
    question = unfinished_placement(db, user_id)
    if question is None:
        raise PlacementClosedError()
    return question


def placement_audio(db: Database, user_id: int, question: int) -> tuple[str, ...]:
    """What the 🔊 of the student's current placement question says: only for the question
    being asked now (an old or forged button is refused), and only where it has audio."""
    answers = people.open_placement_answers(db, user_id)
    if answers is None or question != placement.next_question(answers):
        raise PlacementClosedError()
    spoken = placement.spoken(question, placement_items(db, user_id))
    if not spoken:
        raise PlacementClosedError()  # no button was ever sent for this question
    return spoken


def answer_placement(db: Database, user_id: int, question: int, option: int) -> PlacementStep:
    """Record one placement answer (only the expected next question of an open placement)."""
    answers = people.open_placement_answers(db, user_id)
    if answers is None:
        if people.get_student(db, user_id) is None:
            raise JoinError("not a member", prompt_key="not-enrolled")
        raise PlacementClosedError()
    if question == placement.next_question(answers):  # only the question that was asked
        answers.append(placement.score(question, option, placement_items(db, user_id)))
        people.save_placement_answers(db, user_id, answers)
    following = placement.next_question(answers)
    if following is not None:
        return PlacementStep(following, None)
    level = placement.level_from_answers(answers)
    redo = people.placement_redo(db, user_id) is not None
    before = _level(db, user_id)
    with db.atomic():
        people.set_level(db, user_id, None, level, people.PLACEMENT)
        people.clear_placement(db, user_id)
    return PlacementStep(None, level, before if redo else None,
                         said_dont_know=answers[-1:] == [placement.DONT_KNOW])


def _level(db: Database, user_id: int) -> int | None:
    return placement.student_level((e.wida_level, e.level_by_teacher)
                                   for e in people.enrollments(db, user_id))


class PlacementRedoError(PuenteError):
    """/placement when the student may not take it again (a teacher set the level, or they
    had their second go already)."""


def redo_placement(db: Database, user_id: int) -> int:
    """Let a student take their placement again, once, by themselves (a slip or a bad day
    placed them low): only while no teacher has set their level, whose word wins. A
    placement still open goes on where it stopped. Return the question to ask."""
    classes = people.enrollments(db, user_id)
    if not classes:
        raise JoinError("not a member", prompt_key="not-enrolled")
    if any(e.level_by_teacher for e in classes):
        raise PlacementRedoError("teacher's level", prompt_key="placement-again-teacher")
    question = unfinished_placement(db, user_id)
    if question is not None:
        return question
    if needs_placement(db, user_id):  # never placed (a first placement closed by a teacher)
        return open_placement(db, user_id)
    if people.placement_redo(db, user_id) is not None:
        raise PlacementRedoError("second go taken", prompt_key="placement-again-used")
    people.open_placement_redo(db, user_id)
    return 0
