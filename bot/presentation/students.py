"""A student as a teacher reads them: one label for every message a teacher gets about a student
(the first name, and the roster number beside a namesake), and the /families list built on it.

Which students need a number is decided once, in `services.teaching.StudentNames`; this module
only says it in the teacher's language ("Ana #3"). Labels are plain text: the prompt they go
into escapes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, tzinfo

from bot.domain.language_names import name_in
from bot.presentation.i18n import Catalog, Markup
from bot.presentation.views import label, name
from bot.services.membership import LinkNotes
from bot.services.teaching import StudentName, StudentNames
from bot.store.members import FamilyListing, OpenLink
from bot.store.people import Enrolled
from bot.store.reports import StudentRow


def student_label(who: StudentName, catalog: Catalog, lang: str) -> str:
    """"Ana"; "Ana #3" when the teacher has another Ana (or a list always numbers); "Ana #3
    (Math 6)" when that other Ana is in another class and no class goes without saying."""
    first = name(who.first_name, catalog, lang)
    if not who.number:
        return first
    if who.class_name:
        return catalog.plain("student-label-class", lang, name=first, number=who.number,
                             class_name=label(who.class_name))
    return catalog.plain("student-label-number", lang, name=first, number=who.number)


def names_and(labels: Sequence[str], catalog: Catalog, lang: str) -> str:
    """Several students in one phrase, as a teacher reads them ("Ana and Ben", "Ana, Ben and
    Luz"; plain text: the prompt it fills escapes it)."""
    if len(labels) < 2:
        return labels[0] if labels else ""
    return catalog.plain("names-and", lang, names=", ".join(labels[:-1]), last=labels[-1])


def class_names(students: Iterable[StudentRow]) -> StudentNames:
    """The names of one class's students alone (the terminal's report has no teacher)."""
    return StudentNames(Enrolled(s.id, s.first_name, 0, "", s.number) for s in students)


def class_labels(students: Iterable[StudentRow], catalog: Catalog, lang: str,
                 names: StudentNames | None = None, class_id: int = 0,
                 numbered: bool = False) -> dict[int, str]:
    """Each student of a class report by id, as `student_label` names them for the teacher
    (`names`: the teacher's students; None: the class's alone)."""
    rows = list(students)
    known = names if names is not None else class_names(rows)
    return {s.id: student_label(known.of(s.id, class_id, numbered=numbered,
                                         first_name=s.first_name), catalog, lang)
            for s in rows}


Labels = tuple[int, str]  # a button's id (family or link) and its label


def families_text(catalog: Catalog, lang: str, class_name: str, links: list[FamilyListing],
                  names: StudentNames, class_id: int, tz: tzinfo,
                  notes: Mapping[int, LinkNotes], open_links: Iterable[OpenLink] = (),
                  caregivers: int = 4
                  ) -> tuple[Markup, list[Labels], list[Labels], list[Labels]]:
    """/families: one line per linked family member, the student always with their roster
    number (as /roster shows it, never a position in this list), and an unlink button per
    member, labelled with the same student and language; then the links that still work,
    used or not, each with a button to cancel it. `notes` (by family id) add marks: no
    translation for what they write, and when they last wrote with a teacher."""
    lines = [catalog.render("families-header", lang, class_name=class_name)]
    buttons, writes = [], []
    shown = {link.family_id: _family_language(link, catalog, lang) for link in links}
    alike = Counter((link.student_id, shown[link.family_id]) for link in links)
    seen: Counter[tuple[int, str]] = Counter()
    for link in links:
        who = student_label(names.of(link.student_id, class_id, numbered=True,
                                     first_name=link.student_name), catalog, lang)
        language = shown[link.family_id]
        seen[link.student_id, language] += 1
        if alike[link.student_id, language] > 1:  # two caregivers of one child, one language
            language = f"{language} ({seen[link.student_id, language]})"
        line = catalog.render("families-line", lang, name=who, language=language,
                              date=link.linked_at.astimezone(tz).strftime("%Y-%m-%d"))
        marks = _link_marks(notes.get(link.family_id), catalog, lang, tz)
        if not link.updates_on:  # they sent /stop: why no update reaches them
            marks.append(catalog.render("families-updates-stopped", lang))
        lines.append(Markup(" · ".join([line, *marks])))
        buttons.append((link.family_id, catalog.plain("button-unlink", lang, name=who,
                                                      language=language)))
        writes.append((link.family_id, catalog.plain("button-write-family", lang, name=who,
                                                     language=language)))
    revoke = []
    sent_links = list(open_links)
    # Two links for one student made in the same minute (a teacher sent /family twice) are
    # numbered, so each Cancel button says which; the code itself is a secret, never shown.
    same = Counter((sent.student_id, made_at(sent.created_at, tz)) for sent in sent_links)
    made_seen: Counter[tuple[int, str]] = Counter()
    for number, sent in enumerate(sent_links):
        if not number:
            lines.append(catalog.render("families-open-header", lang))
        who = student_label(names.of(sent.student_id, class_id, numbered=True,
                                     first_name=sent.student_name), catalog, lang)
        made = made_at(sent.created_at, tz)
        made_seen[sent.student_id, made] += 1
        if same[sent.student_id, made] > 1:
            made = f"{made} ({made_seen[sent.student_id, made]})"
        lines.append(catalog.render("families-open-line", lang, name=who, date=made,
                                    uses=sent.uses, caregivers=caregivers,
                                    until=sent.expires_at.astimezone(tz).strftime("%Y-%m-%d")))
        revoke.append((sent.link_id, catalog.plain("button-cancel-link", lang, name=who,
                                                   date=made)))
    return Markup("\n".join(lines)), buttons, revoke, writes


def made_at(when: datetime, tz: tzinfo) -> str:
    """When a family link was made, to the minute, in the school's time zone: two links sent
    the same day read apart."""
    return when.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _family_language(link: FamilyListing, catalog: Catalog, lang: str) -> str:
    """A family member's language in /families: the one they chose; else the best guess (the
    one they write in, else their child's), marked as not chosen yet; "?" when nothing tells."""
    reader = catalog.template("families-line", lang)[0]
    if link.language or not link.likely:
        return name_in(link.language or "?", reader)
    return catalog.plain("families-language-guess", lang, language=name_in(link.likely, reader))


def _link_marks(note: LinkNotes | None, catalog: Catalog, lang: str, tz: tzinfo) -> list[Markup]:
    """A family link's marks in /families: no English for what they write, their last message."""
    marks = []
    if note is not None and note.no_model:
        marks.append(catalog.render("families-no-model", lang))
    if note is not None and note.last_contact is not None:
        marks.append(catalog.render("families-last-contact", lang,
                                    date=note.last_contact.astimezone(tz).strftime("%Y-%m-%d")))
    return marks
