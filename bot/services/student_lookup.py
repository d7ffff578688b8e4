"""A teacher's students found and named: by first name, roster number or label, in the class
typed after them, and told apart from namesakes. Scoped to the asking teacher."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain import hangul_names, pinyin
from bot.domain.chinese_script import simplified_characters
from bot.domain.names import closest_name, fold_label, fold_name
from bot.services.teaching import (
    BadInputError,
    RosterRow,
    StudentNotFoundError,
    require_teacher,
    roster,
)
from bot.store import people

# Words a teacher may put between a student and a class: "Wei in 7B Science", "Ana en
# Ciencias", "Wei 6 in 7B Science" (a whole word only; no first name is one of them)
# Latin letters, with their accents: a name typed on an English keyboard ("Omar", "Zoë").
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# A class may hold many students named in Arabic or Chinese: the hint lists a phone screen's worth.
_OTHER_SCRIPT_SHOWN = 12

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
    typed = _name_key(wanted)  # "Lucia" is Lucía: a teacher's keyboard may have no accents
    matches = [(row, found) for row, found in rows
               if (_name_key(row.first_name) == typed
                   or (row.number == number and found in scope))
               and (not named or _name_key(row.first_name) == _name_key(named))]
    if not matches and number and not named:  # "/level 3 2": there is no number 3, say so
        raise StudentNotFoundError(prompt_key="student-number-not-found", number=number)
    if not matches and in_class is not None:  # "Wei 7B Science": Wei is in another class
        raise StudentNotFoundError(prompt_key="student-not-in-class",
                                   name=split_class(who, [in_class])[0],
                                   class_name=in_class.name)
    if not matches:
        raise _not_found(who, wanted, rows, command)
    if len({row.student_id for row, _ in matches}) == 1:
        return matches[0]
    if number and all(row.number == number for row, _ in matches):  # one number, two classes
        raise StudentNotFoundError(prompt_key="student-number-ambiguous", number=number,
                                   class_name=matches[0][1].name)
    if len({found.id for _, found in matches}) > 1:  # the number may be in both: the class is
        # what tells them apart ("use the number" then refused "/student 1" too: playtest)
        raise StudentNotFoundError(
            prompt_key="student-ambiguous-classes", name=who, class_name=matches[0][1].name,
            numbers=", ".join(f"{row.number} ({found.name})" for row, found in matches))
    raise StudentNotFoundError(prompt_key="student-ambiguous", name=who, numbers=", ".join(
        str(row.number) for row, _ in matches))


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
    finds both, so both are told apart by their number), and a Chinese name in either script
    ("陈家豪" copied from a Simplified list finds 陳家豪, as his phone writes it: playtest)."""
    key = fold_name(first_name)
    return simplified_characters(key) if pinyin.has_han(key) else key


def _not_found(who: str, wanted: str, rows: list[tuple[RosterRow, people.ClassInfo]],
               command: str = "/student") -> StudentNotFoundError:
    """No student is called that: with the closest name, as it can be typed back ("Did you
    mean Lucía #3?"), when one is close ("Lusia"); else, when the teacher typed Latin letters
    and some names are written in another alphabet, those students with their numbers."""
    names = [row.first_name for row, _ in rows]
    closest = closest_name(wanted, names) if wanted else None
    if closest is None and wanted:  # "Hao" for 浩, "Jiwoo" for 지우: a name in Chinese or
        # Korean as the child says it (an English-only teacher cannot type it)
        heard = {_name_key(name): name for name in names
                 if pinyin.read_as(wanted, name) or hangul_names.read_as(wanted, name)}
        closest = next(iter(heard.values())) if len(heard) == 1 else None
    if closest is None:
        other = _other_script(wanted, rows)
        if other:
            return StudentNotFoundError(prompt_key="student-not-found-other-script", name=who,
                                        students="\n".join(
                                            f"• {number} · {first_name}"
                                            for number, first_name in other))
        return StudentNotFoundError(name=who)
    row, found = next((r, f) for r, f in rows if _name_key(r.first_name) == _name_key(closest))
    shared = sum(1 for r, _ in rows if r.number == row.number) > 1  # "#3" in two classes
    suggestion = f"{row.first_name} #{row.number}" + (f" ({found.name})" if shared else "")
    return StudentNotFoundError(prompt_key="student-not-found-suggest", name=who,
                                suggestion=suggestion)


def _other_script(wanted: str, rows: list[tuple[RosterRow, people.ClassInfo]]
                  ) -> list[tuple[str, str]]:
    """The students whose names have no Latin letter, as (what to type, name), when the teacher
    typed a Latin name: "Omar" cannot find عمر, whose Telegram name is in Arabic (Arabic
    playtest), and the roster number is the one way to name him."""
    if not _LATIN.search(wanted):
        return []
    shared = {row.number for row, found in rows
              if any(r.number == row.number and f.id != found.id for r, f in rows)}
    seen: dict[tuple[int, int], tuple[str, str]] = {}
    for row, found in rows:
        if not _LATIN.search(row.first_name):
            typed = f"{row.number} {found.name}" if row.number in shared else str(row.number)
            seen.setdefault((row.student_id, found.id), (typed, row.first_name))
    return list(seen.values())[:_OTHER_SCRIPT_SHOWN]


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
