"""Teachers: invites, classes, rosters, levels. Every lookup is scoped to the asking teacher."""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlite_utils import Database

from bot.config import Config
from bot.domain.errors import PuenteError
from bot.domain.names import clean_label, closest_name, fold_label, fold_name, matching_labels
from bot.domain.scaffold import WidaLevel
from bot.services.join import new_class_code, new_code
from bot.services.learners import level_of
from bot.store import alerts, families, people
from bot.store.class_words import class_word_ids
from bot.store.reports import ClassMatrix, class_matrix

MAX_CLASS_NAME = 60
INVITE_DAYS = 7  # an administrator's teacher invite works once, for a week


class NotTeacherError(PuenteError):
    prompt_key = "teacher-only"


class ClassNotFoundError(PuenteError):
    prompt_key = "class-not-found"


class StudentNotFoundError(PuenteError):
    prompt_key = "student-not-found"


class BadInputError(PuenteError):
    prompt_key = "teacher-bad-input"


def is_teacher(db: Database, user_id: int) -> bool:
    """Whether this Telegram user is a teacher (a teacher may be a student too)."""
    return people.is_teacher(db, user_id)


def remember_language(db: Database, teacher_id: int, code: str) -> None:
    """The language a teacher reads as they write, kept for what Puente sends while they are
    not writing (the daily alert, a family's message): before, only a push recorded it, so a
    Spanish-speaking teacher's first alerts came in English. Nothing for anyone else."""
    people.set_teacher_language(db, teacher_id, code)


def chosen_language(db: Database, teacher_id: int) -> str | None:
    """The language a teacher chose with /language (None: they follow their phone's)."""
    return people.teacher_choice(db, teacher_id)


def choose_language(db: Database, teacher_id: int, code: str | None,
                    languages: Iterable[str]) -> None:
    """A teacher's /language: one of the languages Puente has messages in, or None to follow
    her phone's again (anything else is a button we never sent)."""
    require_teacher(db, teacher_id)
    if code is not None and code not in languages:
        raise PuenteError(code, prompt_key="button-stale")
    people.choose_teacher_language(db, teacher_id, code)


def require_teacher(db: Database, user_id: int) -> None:
    """Refuse anyone who is not a teacher: a student is told kindly that it is their teacher's
    command (not to get a teacher's invite code), a family member what they can do instead."""
    if is_teacher(db, user_id):
        return
    if people.get_student(db, user_id) is not None:
        raise NotTeacherError(prompt_key="teacher-only-student")
    if families.is_family(db, user_id):
        raise NotTeacherError(prompt_key="teacher-only-family")
    raise NotTeacherError()


def teacher_classes(db: Database, teacher_id: int) -> list[people.ClassInfo]:
    """The classes a teacher teaches (refused for anyone else)."""
    require_teacher(db, teacher_id)
    return people.teacher_classes(db, teacher_id)


def become_teacher(db: Database, config: Config, user_id: int, first_name: str,
                   code: str | None, now: datetime) -> None:
    """Make a user a teacher with a configured or admin-issued invite code."""
    if not code:
        raise BadInputError(prompt_key="teach-usage")
    # compared as bytes: compare_digest refuses a str with non-ASCII characters ("/teach 🙂")
    configured = any(secrets.compare_digest(code.encode(), c.encode())
                     for c in config.access.teacher_invite_codes)
    issued = people.open_invite(db, code, now)
    if not configured and not issued:
        raise NotTeacherError(prompt_key="teach-bad-code")
    with db.atomic():
        people.upsert_teacher(db, user_id, first_name, now)
        if issued:
            people.use_invite(db, code, user_id, now)


def issue_invite(db: Database, config: Config, admin_id: int, now: datetime) -> str:
    """An administrator issues a single-use teacher invite code."""
    if admin_id not in config.access.admin_ids:
        raise NotTeacherError(prompt_key="admin-only")
    code = new_code()
    people.add_invite(db, code, admin_id, now, now + timedelta(days=INVITE_DAYS))
    return code


def create_class(db: Database, config: Config, teacher_id: int, name: str,
                 now: datetime) -> people.ClassInfo:
    """Create a class with a fresh join code."""
    require_teacher(db, teacher_id)
    name = " ".join(name.split())
    if not name or len(name) > MAX_CLASS_NAME:
        raise BadInputError(prompt_key="newclass-usage")
    # "Ciencias Basicas" beside "Ciencias Básicas" would be a name no one could type apart
    same = [c.name for c in people.teacher_classes(db, teacher_id)
            if fold_label(c.name) == fold_label(name)]
    if same:
        raise BadInputError(prompt_key="class-exists", name=same[0])
    expires = now + timedelta(days=config.access.join_code_days)
    return people.create_class(db, teacher_id, name, new_class_code(), expires, None, now)


def same_words_class(db: Database, teacher_id: int, created: people.ClassInfo
                     ) -> people.ClassInfo | None:
    """Another class of the teacher's whose name has the same words in another order ("7B
    Science" beside "Science 7B"): students may join the wrong one, so the teacher is told."""
    words = sorted(created.name.casefold().split())
    return next((c for c in people.teacher_classes(db, teacher_id)
                 if c.id != created.id and sorted(c.name.casefold().split()) == words), None)


def find_class(db: Database, teacher_id: int, name: str | None) -> people.ClassInfo:
    """The teacher's class by name (or their only class when no name is given)."""
    require_teacher(db, teacher_id)
    classes = people.teacher_classes(db, teacher_id)
    if not classes:  # a new teacher's first /push or /report: how to start
        raise ClassNotFoundError(prompt_key="class-none-yet")
    if not name:
        if len(classes) == 1:
            return classes[0]
        raise ClassNotFoundError(prompt_key="class-which",
                                 names=", ".join(c.name for c in classes) or "-")
    found = matching_labels(name, [c.name for c in classes])  # accents aside, as students'
    if len(found) > 1:  # two classes alike but for accents: which one is not ours to guess
        raise ClassNotFoundError(prompt_key="class-which",
                                 names=", ".join(classes[i].name for i in found))
    if found:
        return classes[found[0]]
    raise ClassNotFoundError(name=name)


def revoke_code(db: Database, config: Config, teacher_id: int, name: str | None,
                now: datetime) -> people.ClassInfo:
    """Replace a class's join code; the old link stops working at once."""
    found = find_class(db, teacher_id, name)
    people.replace_join_code(db, found.id, new_class_code(),
                             now + timedelta(days=config.access.join_code_days), now)
    updated = people.class_by_id(db, found.id)
    assert updated is not None
    return updated


RosterRow = people.RosterRow
roster = people.roster


# Words a teacher may put between a student and a class: "Wei in 7B Science", "Ana en
# Ciencias", "Wei 6 in 7B Science" (a whole word only; no first name is one of them)
CLASS_CONNECTORS = frozenset({"in", "en", "dans", "em", "в", "في", "sa", "trong", "hauv",
                              "nan", "ku"})


def split_class(text: str, classes: Iterable[people.ClassInfo]
                ) -> tuple[str, people.ClassInfo | None]:
    """A class name typed after a student ("Wei 7B Science", "Wei 6 in 7B Science") taken off
    the end: the rest (without an "in" before the class) and that class; else the text as it
    came and None. A text that is only a class name stays as it came."""
    folded = " ".join(text.split())
    words = folded.split()
    for found in sorted(classes, key=lambda c: -len(c.name)):  # "Math 6B" before "6B"
        size = len(found.name.split())  # its words, typed with or without their accents
        if len(words) > size and fold_label(" ".join(words[-size:])) == fold_label(found.name):
            rest = words[:-size]
            if len(rest) > 1 and rest[-1].casefold() in CLASS_CONNECTORS:
                rest = rest[:-1]
            return " ".join(rest), found
    return folded, None


def find_student(db: Database, teacher_id: int, who: str, command: str = "/student",
                 in_class: people.ClassInfo | None = None
                 ) -> tuple[RosterRow, people.ClassInfo]:
    """A student of one of the teacher's classes, by first name or by the number /roster shows
    ("3", or "3 Science 7B" when two classes have a number 3), never by Telegram id, and in
    the class typed after the name ("Wei 7B Science") or `in_class`, when one is; no name
    at all gets the command's usage line, never "no student called  (nothing)"."""
    require_teacher(db, teacher_id)
    wanted = " ".join(who.split()).casefold()
    if not wanted:
        raise BadInputError(prompt_key="student-name-usage", command=command)
    named, wanted = _typed_label(wanted)
    classes = people.teacher_classes(db, teacher_id)
    if in_class is None:
        wanted, in_class = split_class(wanted, classes)
    if in_class is not None:
        classes = [c for c in classes if c.id == in_class.id]
    number, scope = _roster_number(wanted, classes)
    rows = [(row, found) for found in classes for row in roster(db, found.id)]
    typed = fold_name(wanted)  # "Lucia" is Lucía: a teacher's keyboard may have no accents
    matches = [(row, found) for row, found in rows
               if (_name_key(row.first_name) == typed
                   or (row.number == number and found in scope))
               and (not named or _name_key(row.first_name) == fold_name(named))]
    if not matches and number and not named:  # "/level 3 2": there is no number 3, say so
        raise StudentNotFoundError(prompt_key="student-number-not-found", number=number)
    if not matches and in_class is not None:  # "Wei 7B Science": Wei is in another class
        raise StudentNotFoundError(prompt_key="student-not-in-class",
                                   name=split_class(who, [in_class])[0],
                                   class_name=in_class.name)
    if not matches:
        raise _not_found(who, wanted, rows)
    if len({row.student_id for row, _ in matches}) == 1:
        return matches[0]
    if number and all(row.number == number for row, _ in matches):  # one number, two classes
        raise StudentNotFoundError(prompt_key="student-number-ambiguous", number=number,
                                   class_name=matches[0][1].name)
    several = len({found.id for _, found in matches}) > 1
    raise StudentNotFoundError(prompt_key="student-ambiguous", name=who, numbers=", ".join(
        f"{row.number} ({found.name})" if several else str(row.number) for row, found in matches))


@dataclass(frozen=True)
class StudentName:
    """A student as a teacher reads them (rendered by `presentation.students.student_label`):
    the first name, with the roster number when it is needed to tell them apart, and the class
    when the number alone would not."""

    first_name: str
    number: int = 0        # 0: the name alone is clear
    class_name: str = ""   # "": the class goes without saying
    command: str = ""      # what /level, /student, /family take for them: "Ana", "3", "3 Math 6"


class StudentNames:
    """How one teacher tells their students apart: the name alone when no other student of
    the teacher's classes has it, else the name and the roster number (and the class when
    the namesakes are in different classes). Built from one query, asked once per student."""

    def __init__(self, enrolled: Iterable[people.Enrolled]) -> None:
        self._places: dict[int, list[people.Enrolled]] = {}
        self._named: dict[str, list[people.Enrolled]] = {}
        self._numbered: dict[int, set[int]] = {}  # roster number -> classes that have it
        for row in enrolled:
            self._places.setdefault(row.student_id, []).append(row)
            self._named.setdefault(_name_key(row.first_name), []).append(row)
            self._numbered.setdefault(row.number, set()).add(row.class_id)

    def of(self, student_id: int, class_id: int | None = None, *, numbered: bool = False,
           first_name: str = "") -> StudentName:
        """How to name one student: in `class_id`'s context (a class report, a removal), else
        in their first class of this teacher's; `numbered` for lists that always number
        (`first_name` names a student no longer in the teacher's classes)."""
        places = self._places.get(student_id, [])
        place = next((p for p in places if p.class_id == class_id), places[0] if places else None)
        if place is None:
            return StudentName(first_name, command=first_name)
        key = _name_key(place.first_name)
        namesakes = [p for p in self._named[key] if p.student_id != student_id]
        if not (namesakes or numbered or not key):
            return StudentName(place.first_name, command=place.first_name)
        shared = len(self._numbered[place.number]) > 1  # "3" is in two classes: "3 Math 6"
        command = f"{place.number} {place.class_name}" if shared else str(place.number)
        elsewhere = class_id is None and any(p.class_id != place.class_id for p in namesakes)
        return StudentName(place.first_name, place.number,
                           place.class_name if elsewhere else "", command)


def _name_key(first_name: str) -> str:
    """Names that read the same are the same name: "Ana", "ana " and "Ana" with an invisible
    character; and so are names a teacher types alike ("Lucia" and "Lucía": either, typed,
    finds both, so both are told apart by their number)."""
    return fold_name(first_name)


def _not_found(who: str, wanted: str, rows: list[tuple[RosterRow, people.ClassInfo]]
               ) -> StudentNotFoundError:
    """No student is called that: with the closest name, as it can be typed back ("Did you
    mean Lucía #3?"), when one is close ("Lusia")."""
    closest = closest_name(wanted, [row.first_name for row, _ in rows]) if wanted else None
    if closest is None:
        return StudentNotFoundError(name=who)
    row, found = next((r, f) for r, f in rows if _name_key(r.first_name) == _name_key(closest))
    shared = sum(1 for r, _ in rows if r.number == row.number) > 1  # "#3" in two classes
    suggestion = f"{row.first_name} #{row.number}" + (f" ({found.name})" if shared else "")
    return StudentNotFoundError(prompt_key="student-not-found-suggest", name=who,
                                suggestion=suggestion)


def student_names(db: Database, teacher_id: int) -> StudentNames:
    """The names of every student of a teacher's classes, to tell namesakes apart."""
    return StudentNames(people.teacher_enrolments(db, teacher_id))


def name_of(db: Database, teacher_id: int, student_id: int, class_id: int | None = None,
            first_name: str = "") -> StudentName:
    """One student as this teacher reads them ("Ana", or "Ana #3" beside another Ana)."""
    return student_names(db, teacher_id).of(student_id, class_id, first_name=first_name)


# What /roster and the reports show for namesakes, typed back: "Ana #2", "#2",
# "Ana #2 (Science 7B)", "#2 Science 7B" (already casefolded, spaces collapsed).
_LABEL = re.compile(
    r"(?:(?P<name>[^#]*?) ?)?#(?P<number>\d{1,4})(?: ?\((?P<paren>[^()]+)\)| (?P<cls>.+))?")


def _typed_label(wanted: str) -> tuple[str, str]:
    """A roster label as the name it must match ("" for any) and the roster number with its
    class ("2", "2 science 7b"); anything else is returned as it came, with no name."""
    label = _LABEL.fullmatch(wanted)
    if label is None:
        return "", wanted
    class_name = (label["paren"] or label["cls"] or "").strip()
    return (label["name"] or "").strip(), f"{label['number']} {class_name}".strip()


def _roster_number(wanted: str, classes: list[people.ClassInfo]
                   ) -> tuple[int, list[people.ClassInfo]]:
    """A roster number and the classes it may be in ("3": any; "3 science 7b": that one), or
    (0, []) when `wanted` is not one."""
    number, _, class_name = wanted.partition(" ")
    if not number.isdigit() or len(number) > 4:
        return 0, []
    scope = [c for c in classes
             if not class_name or fold_label(c.name) == fold_label(class_name)]
    return (int(number), scope) if scope else (0, [])


@dataclass(frozen=True)
class LevelSet:
    """A level a teacher set: for whom, to what, and in which of their classes."""

    row: RosterRow
    level: int
    class_names: tuple[str, ...]
    taught_at: int  # what the student studies at: lower when another teacher's class says so

    @property
    def prompt_key(self) -> str:
        """The reply: plain (in two classes or more, that it is the level in each: "in 7B
        Science, Science 7B" read as if it were one class's), or saying the level does not
        take effect and why."""
        if self.taught_at < self.level:
            return "level-set-held-lower"
        return "level-set-every" if len(self.class_names) > 1 else "level-set"


def set_level(db: Database, teacher_id: int, who: str, level: str) -> LevelSet:
    """Set a student's WIDA level in every one of the teacher's classes they are in."""
    return _set_levels(db, teacher_id, [(who, level, None)])[0]


def set_levels(db: Database, teacher_id: int, text: str) -> list[LevelSet]:
    """Set several levels at once from "NAME LEVEL" pairs separated by commas, semicolons or
    lines (a pasted column of screener scores), each maybe with a class after it ("Wei 6 in
    7B Science": the Wei of that class); one unknown name or level sets none."""
    require_teacher(db, teacher_id)  # before any usage line: a student is told it is not theirs
    classes = people.teacher_classes(db, teacher_id)
    pairs = []
    for entry in re.split(r"[,;\n]+", text):
        rest, in_class = split_class(entry, classes)
        if in_class is not None and len(rest.split()) == 1:  # "Wei 7B Science": no level?
            _level_after_class(db, teacher_id, entry, rest, in_class)
        if in_class is None or len(rest.split()) < 2:  # a class "3" keeps "/level Ana 3"'s 3
            rest, in_class = entry, None
        parts = rest.split()
        if len(parts) == 1:
            raise BadInputError(prompt_key="level-usage", example=level_example(db, teacher_id))
        if parts:
            pairs.append((clean_label(" ".join(parts[:-1])), parts[-1], in_class))
    return _set_levels(db, teacher_id, pairs)


def _level_after_class(db: Database, teacher_id: int, entry: str, who: str,
                       in_class: people.ClassInfo) -> None:
    """A name then a class, and nothing after ("Wei 7B Science", "Wei Math 6"): fine when
    its last word is the level of the student the words before it name (Wei of a class
    "Math", level 6), else the usage line with this student and class, "/level Wei 7B Science
    3" (a student not in the class is told so instead)."""
    parts = entry.split()
    try:
        WidaLevel.parse(parts[-1])
        find_student(db, teacher_id, " ".join(parts[:-1]), "/level")
        return
    except (ValueError, PuenteError):
        pass
    row, found = find_student(db, teacher_id, who, "/level", in_class)
    command = StudentNames(people.teacher_enrolments(db, teacher_id)).of(row.student_id).command
    example = command if " " in command else f"{command} {found.name}"  # "3 Math 6" has it
    raise BadInputError(prompt_key="level-usage-class", example=example)


# The name in /level's usage line when the teacher has no student yet (the prompts had it
# written in: a name, the same in every language)
EXAMPLE_NAME = "Ana"


def level_example(db: Database, teacher_id: int) -> str:
    """A name for /level's usage line: how the teacher types her first student ("Wei", or
    "3" beside a namesake), not "Ana" when no Ana is in her classes (playtest)."""
    enrolled = people.teacher_enrolments(db, teacher_id)
    if not enrolled:
        return EXAMPLE_NAME
    return StudentNames(enrolled).of(enrolled[0].student_id).command


def _set_levels(db: Database, teacher_id: int,
                pairs: list[tuple[str, str, people.ClassInfo | None]]) -> list[LevelSet]:
    # A student's English level is one fact about them (a student in two classes is taught
    # at the lower one), so it is set in each of this teacher's classes they are in, a class
    # named after them or not (never in another teacher's class: not theirs to change).
    planned = []
    for who, level, in_class in pairs:
        try:
            value = int(WidaLevel.parse(level))
        except ValueError as exc:
            if level.strip().lstrip("-").isdigit():  # "/level Carlos 9": say which part is off
                raise BadInputError(prompt_key="level-out-of-range", level=level.strip()[:8],
                                    example=level_example(db, teacher_id)) from exc
            raise BadInputError(prompt_key="level-usage",
                                example=level_example(db, teacher_id)) from exc
        row, _ = find_student(db, teacher_id, who, "/level", in_class)
        classes = [(e.class_id, e.class_name) for e in people.teacher_enrolments(db, teacher_id)
                   if e.student_id == row.student_id]
        planned.append((row, classes, value))
    with db.atomic():
        for row, classes, value in planned:
            for class_id, _ in classes:
                people.set_level(db, row.student_id, class_id, value, people.TEACHER)
            people.clear_placement(db, row.student_id)  # the teacher decided: placement is over
    # A student in two teachers' classes is taught at the lower level (study.level_of), so a
    # higher level set here may not be the one the student gets: the reply must say so.
    return [LevelSet(row, value, tuple(name for _, name in classes),
                     level_of(people.enrollments(db, row.student_id)) or value)
            for row, classes, value in planned]


def first_report(db: Database, teacher_id: int, now: datetime) -> bool:
    """True the first time this teacher gets a /report (remembered now): it shows what its
    lines mean; later ones point to /report help instead."""
    if alerts.report_explained(db, teacher_id):
        return False
    alerts.record_report_explained(db, teacher_id, now)
    return True


class_languages = people.teacher_student_languages


def class_report(db: Database, teacher_id: int, name: str | None,
                 tz: tzinfo | None = None, holidays: Collection[date] = (),
                 now: datetime | None = None) -> tuple[people.ClassInfo, ClassMatrix]:
    """One of the teacher's classes and its students x words mastery matrix (with the school's
    time zone `tz`, the school days a student who may be stalled answered on; at `now`, the
    reminders each student left unanswered)."""
    found = find_class(db, teacher_id, name)
    return found, class_matrix(db, found.id, tz=tz, holidays=holidays, now=now)


def student_report(db: Database, teacher_id: int, who: str
                   ) -> tuple[RosterRow, ClassMatrix]:
    """A student of the teacher's classes and the mastery matrix of their class, over the words
    of every class this teacher has them in (never the words of another teacher's class), or
    of the class typed after the name ("/student Wei 7B Science")."""
    found = student_words(db, teacher_id, who)
    return found.row, found.matrix


@dataclass(frozen=True)
class StudentWords:
    """/student's student, the matrix of their words, and, when the teacher has them in two
    classes or more, which class each word is of: (class names, word ids), one class's own
    words first, then those of several ("7B Science, Science 7B")."""

    row: RosterRow
    matrix: ClassMatrix
    sections: tuple[tuple[tuple[str, ...], frozenset[int]], ...] = ()


def student_words(db: Database, teacher_id: int, who: str) -> StudentWords:
    """A student of the teacher's classes with their words, each tagged with its class when
    there is more than one (a student in 7B Science and Science 7B: which words are whose)."""
    row, found = find_student(db, teacher_id, who, "/student")
    named = split_class(who, [found])[1] is not None  # "/student Wei 7B Science"
    mine = [(e.class_id, e.class_name) for e in people.teacher_enrolments(db, teacher_id)
            if e.student_id == row.student_id and (not named or e.class_id == found.id)]
    matrix = class_matrix(db, found.id, words_of=[class_id for class_id, _ in mine])
    if len(mine) < 2:
        return StudentWords(row, matrix)
    owned = class_word_ids(db, [class_id for class_id, _ in mine])
    tags: dict[int, tuple[str, ...]] = {}
    for class_id, name in mine:
        for word_id in owned.get(class_id, ()):
            tags[word_id] = (*tags.get(word_id, ()), name)
    keys = sorted(set(tags.values()), key=lambda names: (len(names), [
        [n for _, n in mine].index(n) for n in names]))
    return StudentWords(row, matrix, tuple(
        (names, frozenset(w for w, tag in tags.items() if tag == names)) for names in keys))
