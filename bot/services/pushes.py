"""Plan a vocabulary push: which pack, which words, which class, when."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NoReturn

from sqlite_utils import Database

from bot.config import SchoolConfig
from bot.domain.errors import PuenteError
from bot.domain.school_days import is_school_day, local_midnight
from bot.domain.times import parse_clock
from bot.services.push_search import Suggestion, TopicSuggestError, suggest, topic_of
from bot.services.teaching import BadInputError, find_class, require_teacher
from bot.store import outbox, people, study
from bot.store.packs import StoredWord, class_packs, list_packs, pack_words

MAX_PUSH_WORDS = 10
CLOSE_WORD = 0.75  # how alike a typed word and a pack word must be to be suggested
NEXT_WORDS = 5  # /push PACK without words sends the pack's next words this class has not had


@dataclass(frozen=True)
class Booked:
    """Words of a push of the same pack to the same class, still waiting to be sent."""

    words: int
    send_at: datetime
    word_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class PushPlan:
    class_info: people.ClassInfo
    pack_id: str
    words: list[StoredWord]
    send_at: datetime
    # Students who already got every one of these words that school day (the same /push sent
    # twice): they are skipped, and the teacher is told, instead of the same cards arriving twice.
    repeats: frozenset[int] = frozenset()
    # Students of the class still choosing a home language: nothing is queued for them; the
    # words wait in their /words once they choose (a scheduled push still reaches them).
    waiting: int = 0
    # The teacher's pushes of this pack to this class still waiting (a second /push meant to
    # move the first one would otherwise book both), and, when the words were picked for the
    # teacher, how many of the pack's words this class has still not been sent.
    booked: tuple[Booked, ...] = ()
    left: int = 0
    # When the words were picked for the teacher: the pack's words left out because every
    # student of the class already has them (met on a card, from the class's starter words)
    known: int = 0
    # The time asked for (or now), when it fell in quiet hours and the push waits for their end
    held_from: datetime | None = None
    # Nobody has joined the class yet: the push is kept for whoever joins (one for now: its
    # words are the first a student who joins unlocks; one booked for later: it goes to
    # whoever joins before then), and its pack becomes the class's when it has none
    # (start_class_on), so they start on the unit, not the starter pack (playtest: a grade-6
    # science class's first joiner got "analyze")
    empty: bool = False
    # Nobody in the class can be sent it yet (nobody joined, or chose a language) and every
    # word already waits in a push booked for that school day: nothing is booked again, as
    # for a class whose students all have the words waiting (`repeats`)
    covered: bool = False
    # Of these words, those each student already has from another push due that school day
    # (sent, or waiting to be sent): she is sent only the others, each word once a day, as a
    # student who joins is (scheduled_for). `repeats` are those who have every one.
    had: Mapping[int, frozenset[int]] = field(default_factory=dict)
    # Of these words, those each student already has from before (a starter card, an earlier
    # push): they stay in her reviews. A bare /push does not send them to her again (playtest:
    # Dmitri's five starter words came again as "new"); words the teacher named are sent to
    # everyone, as she asked, and she is told who had them (`owned_kept`).
    owned: Mapping[int, frozenset[int]] = field(default_factory=dict)
    owned_kept: bool = False
    # No word was named: the words were picked for the teacher, and the reply lists them (a
    # teacher read only "Sending 5 words" and could not pre-teach them, playtest)
    picked: bool = False
    # To a class nobody has joined yet: the words of the teacher's earlier pushes kept for
    # joiners, which those who join start with before these (playtest: a second push was
    # said to be what joiners "start with", and the first one's words came a week late)
    earlier: int = 0

    def words_for(self, student_id: int) -> list[StoredWord]:
        """The words this push brings the student: those she does not have that day (nor,
        for a bare /push, from before)."""
        had = self.had.get(student_id, frozenset())
        if not self.owned_kept:
            had = had | self.owned.get(student_id, frozenset())
        return [w for w in self.words if w.id not in had]


# Words a teacher may put before a time in her own language instead of "at": "a las 8:00",
# "à 8h30", "às 8:00", "lúc 8:00", "sa 8:00", "в 8:00", "في 8:00" (no pack term is one of them)
TIME_CONNECTORS = frozenset({"a", "las", "la", "à", "às", "lúc", "vào", "sa", "alas", "ng",
                             "в", "في", "le", "um"})


def parse_push(args: list[str]) -> tuple[str, list[str], str | None, str | None]:
    """Split `/push PACK [words...] [to CLASS] [at HH:MM]` into its parts."""
    args = [a for a in (arg.strip(",;") for arg in args) if a]  # "/push predator, prey"
    if not args:
        raise BadInputError(prompt_key="push-usage")
    pack, rest = args[0], args[1:]
    target = at = None
    if "at" in rest:
        index = len(rest) - 1 - rest[::-1].index("at")
        at = " ".join(rest[index + 1:]) or None
        rest = rest[:index]
    elif rest and parse_clock(rest[-1]) is not None:  # "a las 8:00", "à 8h30", "lúc 8:00"
        at, rest = rest[-1], rest[:-1]
        while rest and rest[-1].casefold() in TIME_CONNECTORS:
            rest = rest[:-1]
    if "to" in rest:
        index = rest.index("to")
        target = " ".join(rest[index + 1:]) or None
        rest = rest[:index]
    return pack, rest, target, at


@dataclass(frozen=True)
class Missing:
    """A word a teacher named that is not in the pack: the pack's word it may be a typo of
    ("predatr": "predator"), or else the other pack it is in ("variable")."""

    word: str
    close: str | None = None
    elsewhere: str | None = None


class UnknownWordsError(BadInputError):
    """Words named for a push that are not in its pack: every one, each with a hint."""

    prompt_key = "push-unknown-words"

    def __init__(self, pack: str, missing: tuple[Missing, ...]) -> None:
        super().__init__(f"{len(missing)} words not in {pack}", pack=pack, missing=missing)
        self.pack, self.missing = pack, missing
        # none of the words typed is the pack's: the packs and words about them, as pushes
        self.about: tuple[Suggestion, ...] = ()


class UnknownPackError(BadInputError):
    """A pack name that is none, with the packs it may mean (each a button that runs the
    command again with it)."""

    prompt_key = "push-unknown-pack-suggest"

    def __init__(self, typed: str, close: list[str]) -> None:
        super().__init__(f"no pack {typed}", pack=typed, packs=", ".join(close))
        self.typed, self.close = typed, tuple(close)


def match_words(words: list[StoredWord], tokens: list[str]) -> list[StoredWord]:
    """Pick pack words named by tokens; multi-word terms ("food chain") match greedily.

    Raises UnknownWordsError naming every word not in the pack (hints: see unknown_words)."""
    by_term = {w.word.term.casefold(): w for w in words}
    picked: list[StoredWord] = []
    missing: list[str] = []
    i = 0
    cleaned = [t.strip(",").casefold() for t in tokens if t.strip(",")]
    while i < len(cleaned):
        for size in (3, 2, 1):
            term = " ".join(cleaned[i:i + size])
            if term in by_term:
                if by_term[term] not in picked:
                    picked.append(by_term[term])
                i += size
                break
        else:
            if cleaned[i] not in missing:
                missing.append(cleaned[i])
            i += 1
    if missing:
        raise UnknownWordsError("", tuple(Missing(w) for w in missing))  # pack: the caller's
    return picked


def unknown_words(db: Database, visible: list[str], pack_id: str, words: list[StoredWord],
                  missing: tuple[Missing, ...]) -> UnknownWordsError:
    """Every missing word with one hint: a close word of the pack (a typo), else the first
    other pack of the teacher's that has it (a word named with the wrong pack)."""
    terms = [w.word.term for w in words]
    folded = {t.casefold(): t for t in terms}
    others: dict[str, str] | None = None
    hinted = []
    for one in missing:
        close = difflib.get_close_matches(one.word, list(folded), n=1, cutoff=CLOSE_WORD)
        elsewhere = None
        if not close:
            if others is None:  # read the other packs once, and only when a word needs them
                others = {}
                for pack in visible:
                    if pack != pack_id:
                        for w in pack_words(db, pack):
                            others.setdefault(w.word.term.casefold(), pack)
            elsewhere = others.get(one.word)
        hinted.append(Missing(one.word, folded[close[0]] if close else None, elsewhere))
    return UnknownWordsError(pack_id, tuple(hinted))


def _not_a_pack(db: Database, visible: list[str], pack_id: str, tokens: list[str],
                titles: dict[str, str], rest: str) -> NoReturn:
    """Refuse a pack name that is none; when it is a word of a pack (the words were named
    without their pack), say how to push them: /push PACK words; else the packs it may mean
    (a typo), or the packs and words about what was typed (`rest`: "to CLASS at TIME")."""
    word = pack_id.casefold()
    for pack in visible:
        if any(w.word.term.casefold() == word for w in pack_words(db, pack)):
            raise BadInputError(prompt_key="push-word-not-pack", word=pack_id, pack=pack,
                                words=" ".join([pack_id, *tokens]))
    close = similar_packs(visible, pack_id)
    if close:
        raise UnknownPackError(pack_id, close).then("push-nothing-sent-newpack")
    # "/push water cycle": the packs and words about it, each a push to tap
    found = suggest(db, visible, [pack_id, *tokens], titles, rest)
    if found:
        raise TopicSuggestError(pack_id, " ".join(topic_of([pack_id, *tokens])), found).then(
            "push-nothing-sent-newpack")
    raise BadInputError(prompt_key="push-unknown-pack", pack=pack_id).then(
        "push-nothing-sent-newpack")


def similar_packs(visible: list[str], name: str) -> list[str]:
    """Packs a mistyped or shortened pack name may mean: "science" names every science.*
    pack (a teacher typed the subject, not the pack), "ecosystem" the pack that holds it,
    "sience.ecosystems" the one it misspells. At most three."""
    wanted = name.casefold().strip(".")
    if not wanted:
        return []
    parts = [p for p in visible if wanted in p.casefold()
             or any(part.startswith(wanted) for part in re.split(r"[.\-_]", p.casefold()))]
    if parts:
        return sorted(parts)[:3]
    return difflib.get_close_matches(name.casefold(), visible, n=3, cutoff=0.75)


def next_allowed(moment: datetime, school: SchoolConfig) -> datetime:
    """The first moment at or after `moment` outside the school's quiet hours."""
    local = moment.astimezone(school.timezone)
    if not school.is_quiet(local.time()):
        return moment
    end = local.replace(hour=school.quiet_hours_end.hour, minute=school.quiet_hours_end.minute,
                        second=0, microsecond=0)
    if end <= local:
        end += timedelta(days=1)
    return end


def plan_push(db: Database, school: SchoolConfig, teacher_id: int, args: list[str],
              now: datetime) -> PushPlan:
    """Validate a push request against what this teacher may use and send to."""
    require_teacher(db, teacher_id)  # before the usage line: a student is told it is not theirs
    pack_id, tokens, target, at = parse_push(args)
    found = find_class(db, teacher_id, target)
    summaries = list_packs(db, teacher_id)
    visible, titles = [p.id for p in summaries], {p.id: p.title for p in summaries}
    # a co-teacher sends on the class creator's unit, to this class only (playtest)
    visible += [p for p in class_packs(db, found.id) if p not in visible]
    rest = " ".join([*(["to", target] if target else []), *(["at", at] if at else [])])
    if pack_id not in visible:
        _not_a_pack(db, visible, pack_id, tokens, titles, rest)
    words = pack_words(db, pack_id)
    try:
        chosen, left, known = (match_words(words, tokens), 0, 0) if tokens else \
            _next_words(db, found.id, words)
    except UnknownWordsError as exc:
        missed = unknown_words(db, visible, pack_id, words, exc.missing)
        if len(exc.missing) == len(tokens):  # none was a word of it: what they are about
            missed.about = suggest(db, [pack_id, *(p for p in visible if p != pack_id)],
                                   tokens, titles, rest)
        raise missed from None
    if not chosen:
        raise BadInputError(prompt_key="push-nothing-new", pack=pack_id)
    asked = now if at is None else _at(at, now, school)
    send_at = next_allowed(asked, school)
    empty = people.class_size(db, found.id) == 0
    chosen = chosen[:MAX_PUSH_WORDS]
    booked = tuple(Booked(len(w.push.word_ids), w.push.send_at, frozenset(w.push.word_ids))
                   for w in outbox.waiting_pushes(db, teacher_id, now)
                   if w.push.class_id == found.id and w.push.pack_id == pack_id
                   and w.push.send_at > now)  # one going out now is no booking to move
    day = _day(school, send_at)
    that_day = {i for b in booked if _day(school, b.send_at) == day for i in b.word_ids}
    covered = send_at > now and not people.class_students(db, found.id) and \
        {w.id for w in chosen} <= that_day
    had = words_had(db, school, found.id, chosen, send_at)
    repeats = frozenset(s for s, ids in had.items() if ids == {w.id for w in chosen})
    return PushPlan(found, pack_id, chosen, send_at, repeats,
                    people.without_language(db, found.id), booked, left, known,
                    asked if asked != send_at else None, empty, covered, had,
                    words_owned(db, found.id, chosen), owned_kept=bool(tokens),
                    picked=not tokens, earlier=_kept_before(db, found.id, chosen, now)
                    if empty and send_at <= now else 0)


def _kept_before(db: Database, class_id: int, words: list[StoredWord], now: datetime) -> int:
    """How many other words the pushes kept for the class's joiners already hold."""
    chosen = {w.id for w in words}
    return len({i for push in outbox.kept_for_joiners(db, class_id, now)
                for i in push.word_ids if i not in chosen})


def start_class_on(db: Database, plan: PushPlan) -> bool:
    """Make a push to a class nobody has joined yet what its students start with: its pack
    becomes the class's when the class has none of its own (a class made with /newclass), so
    the words after the pushed ones come from the teacher's unit, not the starter pack. A
    class with students keeps its pack: they have started on it. Return whether it changed."""
    if not plan.empty or plan.class_info.pack_id is not None:
        return False
    people.set_class_pack(db, plan.class_info.id, plan.pack_id)
    return True


def _day(school: SchoolConfig, moment: datetime) -> tuple[datetime, datetime]:
    """The school day `moment` falls in, as [start, end) in the school's time zone."""
    start = local_midnight(moment, school.timezone)
    return start, start + timedelta(days=1)


def words_had(db: Database, school: SchoolConfig, class_id: int, words: list[StoredWord],
              send_at: datetime) -> dict[int, frozenset[int]]:
    """Of these words, those each student of the class already has from a push due the same
    local school day as `send_at` (sent, or waiting to be): students with none are left out."""
    pushed = outbox.words_pushed_between(db, *_day(school, send_at))
    wanted = {w.id for w in words}
    return {s.id: frozenset(wanted & pushed[s.id]) for s in people.class_students(db, class_id)
            if wanted & pushed.get(s.id, set())}


def words_owned(db: Database, class_id: int, words: list[StoredWord]
                ) -> dict[int, frozenset[int]]:
    """Of these words, those each student of the class already has (tracked in her mastery:
    a starter card, an earlier push): students with none are left out."""
    wanted = {w.id for w in words}
    owned = {s.id: frozenset(wanted & set(study.student_mastery(db, s.id)))
             for s in people.class_students(db, class_id)}
    return {student_id: ids for student_id, ids in owned.items() if ids}


class PushAgainError(PuenteError):
    """A "send again" tap on a push that is not this teacher's, no longer of today, or that
    has nobody left to send to (an old or forged button)."""

    prompt_key = "push-again-old"


@dataclass(frozen=True)
class Again:
    """A push sent again to the students it skipped because they had its words that day."""

    push_id: int
    plan: PushPlan
    students: frozenset[int]


def plan_again(db: Database, school: SchoolConfig, teacher_id: int, push_id: int,
               now: datetime) -> Again:
    """The teacher's own push of today, to everyone in the class it did not send to."""
    found = outbox.get_push(db, push_id)
    class_info = people.class_by_id(db, found.class_id) if found else None
    if found is None or class_info is None or found.teacher_id != teacher_id:
        raise PushAgainError()
    if now.astimezone(school.timezone).date() > found.send_at.astimezone(school.timezone).date():
        raise PushAgainError()  # yesterday's repeat: a new /push sends to everyone anyway
    has = outbox.push_chats(db, push_id)
    students = frozenset(s.id for s in people.class_students(db, class_info.id)
                         if not s.blocked and s.id not in has)
    if not students:
        raise PushAgainError()
    by_id = {w.id: w for w in pack_words(db, found.pack_id)}
    words = [by_id[i] for i in found.word_ids if i in by_id]
    send_at = next_allowed(max(found.send_at, now), school)
    return Again(push_id, PushPlan(class_info, found.pack_id, words, send_at), students)


def scheduled_for(db: Database, school: SchoolConfig, student_id: int, now: datetime
                  ) -> list[tuple[int, PushPlan]]:
    """Pushes to the student's classes that are still to be sent and have nothing for this
    student: they joined (or chose their language) after the teacher scheduled it, and get
    it with their classmates, each word once a school day (two waiting pushes holding the
    same word: the earlier brings it). (A push already sent is not sent again: its words
    wait for them in /words, see learners.unlockable.)"""
    classes = [e.class_id for e in people.enrollments(db, student_id)]
    plans = []
    has: dict[tuple[datetime, datetime], set[int]] = {}  # words she gets each school day
    for push in sorted(outbox.pushes_to(db, classes), key=lambda p: (p.send_at, p.id)):
        if push.send_at <= now or student_id in outbox.push_chats(db, push.id):
            continue
        class_info = people.class_by_id(db, push.class_id)
        by_id = {w.id: w for w in pack_words(db, push.pack_id)}
        day = _day(school, push.send_at)
        if day not in has:
            has[day] = outbox.words_pushed_between(db, *day).get(student_id, set())
        words = [by_id[i] for i in push.word_ids if i in by_id and i not in has[day]]
        has[day].update(w.id for w in words)
        if class_info is not None and words:
            plans.append((push.id, PushPlan(class_info, push.pack_id, words, push.send_at)))
    return plans


def _next_words(db: Database, class_id: int, words: list[StoredWord]
                ) -> tuple[list[StoredWord], int, int]:
    """Without named words: the next pack words this class has not been sent yet and not
    every student already has (met on a card: the class's starter words), how many more of
    them wait for a later push, and how many were left out as every student has them."""
    sent = outbox.words_sent_to_class(db, class_id)
    met = [set(study.student_mastery(db, s.id)) for s in people.class_students(db, class_id)]
    everyone = set.intersection(*met) if met else set()
    unsent = [w for w in words if w.id not in sent]
    new = [w for w in unsent if w.id not in everyone]
    return new[:NEXT_WORDS], max(len(new) - NEXT_WORDS, 0), len(unsent) - len(new)


class ScheduledGoneError(PuenteError):
    """A Cancel tap on a push that is not waiting any more (sent or cancelled meanwhile), or
    that is not this teacher's (an old or forged button)."""

    prompt_key = "scheduled-gone"


@dataclass(frozen=True)
class Scheduled:
    """A push still waiting to be sent to a class the teacher teaches, as /scheduled lists
    it."""

    push_id: int
    class_name: str
    pack_id: str
    terms: list[str]
    send_at: datetime
    students: int
    booker_id: int
    booked_by: str | None = None  # a co-teacher's first name; None: the teacher's own push
    # with no message for anyone yet: students on the roster still choosing a home language
    # (it reaches those who have chosen one by then; the others find its words in /words)
    choosing: int = 0
    class_id: int = 0


def scheduled(db: Database, teacher_id: int, now: datetime) -> list[Scheduled]:
    """The pushes still waiting to the teacher's classes (hers and her co-teachers'): with
    messages to send, or booked for later to a class nobody has joined yet; the soonest
    first."""
    require_teacher(db, teacher_id)
    found = []
    for waiting in outbox.waiting_pushes(db, teacher_id, now):
        push = waiting.push
        class_info = people.class_by_id(db, push.class_id)
        by_id = {w.id: w.word.term for w in pack_words(db, push.pack_id)}
        found.append(Scheduled(push.id, class_info.name if class_info else "",
                               push.pack_id, [by_id[i] for i in push.word_ids if i in by_id],
                               push.send_at, waiting.students, push.teacher_id,
                               None if push.teacher_id == teacher_id else waiting.booked_by,
                               0 if waiting.students else
                               people.without_language(db, push.class_id), push.class_id))
    return found


def scheduled_push(db: Database, teacher_id: int, push_id: int, now: datetime) -> Scheduled:
    """A push still waiting to a class the teacher teaches (any other id raises): a
    co-teacher may cancel it too, as she could tell the students herself."""
    for one in scheduled(db, teacher_id, now):
        if one.push_id == push_id:
            return one
    raise ScheduledGoneError()


@dataclass(frozen=True)
class Cancelled:
    push: Scheduled
    # students whose messages of the push were taken out of the outbox (0: a push booked for
    # a class nobody had joined yet)
    students: int


def cancel_scheduled(db: Database, teacher_id: int, push_id: int, now: datetime) -> Cancelled:
    """Cancel what a teacher's waiting push has not sent yet; what was sent stays sent (its
    words reach a student with its message, so cancelling before then takes them back too)."""
    found = scheduled_push(db, teacher_id, push_id, now)
    students = outbox.cancel_push(db, push_id, now)
    if students is None:  # the deliverer claimed or sent the rest meanwhile
        raise ScheduledGoneError()
    return Cancelled(found, students)


def cancel_booked_by(db: Database, owner_id: int, booker_id: int, class_id: int,
                     now: datetime) -> list[Scheduled]:
    """Cancel what the pushes `booker_id` booked to the class have not sent yet (a co-teacher
    taken off it: his booked words must not reach its students after he left), as the
    class's creator `owner_id` reads them in /scheduled; the pushes it took back."""
    dropped = []
    for one in scheduled(db, owner_id, now):
        if one.booker_id == booker_id and one.class_id == class_id \
                and outbox.cancel_push(db, one.push_id, now) is not None:
            dropped.append(one)
    outbox.hand_over_reports(db, class_id, booker_id, owner_id)
    return dropped


def _at(text: str, now: datetime, school: SchoolConfig) -> datetime:
    when = parse_clock(text)
    if when is None:
        raise BadInputError(prompt_key="push-bad-time", time=text[:20])
    local = now.astimezone(school.timezone)
    moment = local.replace(hour=when.hour, minute=when.minute, second=0, microsecond=0)
    if moment <= local:
        moment += timedelta(days=1)
    # "at 08:00" typed on a Friday afternoon means Monday's lesson, not Saturday
    while not is_school_day(moment.date(), school.holidays):
        moment += timedelta(days=1)
    return moment


def colleague_name(db: Database, teacher_id: int, fallback: str) -> str:
    """A teacher as her co-teachers read her: the name /scheduled shows them ("booked by Ms.
    Rivera"), so a notice never names her otherwise ("Hương cancelled...", playtest 12)."""
    return people.teacher_name(db, teacher_id) or fallback
