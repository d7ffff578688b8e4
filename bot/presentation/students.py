"""A student as a teacher reads them: one label for every message a teacher gets about a student
(the first name, and the roster number beside a namesake), and the /families list built on it.

Which students need a number is decided once, in `services.student_lookup.StudentNames`; this
module only says it in the teacher's language ("Ana #3"). Labels are plain text: the prompt they
go into escapes them.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.domain.language_names import name_in
from bot.presentation.i18n import Catalog, Markup, escape
from bot.presentation.push_views import day_time
from bot.presentation.views import label, name, pieces, shown_len
from bot.services.kept_pushes import KeptWaiting
from bot.services.membership import LinkNotes
from bot.services.student_lookup import StudentName, StudentNames
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


def without_family(catalog: Catalog, lang: str, unlinked: Sequence[StudentName]) -> Markup:
    """The line naming a class's students with no family linked ("" when every student has
    one): who a message to families does not reach, and how to invite them."""
    if not unlinked:
        return Markup("")
    line = catalog.render("families-without", lang, names=names_and(
        [student_label(who, catalog, lang) for who in unlinked], catalog, lang))
    if shown_len(line) <= NAMES_LINE:
        return line
    # a big class with no family linked yet: on several lines (a prompt with no tags, so its
    # plain text is cut between names and escaped again), each message then holds some whole
    return Markup("\n".join(escape(piece) for piece in pieces(html.unescape(line), NAMES_LINE)))


NAMES_LINE = 3000  # characters of names on one line: a message holds it with the page above


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

# One /families message: Telegram refuses more than 100 buttons and 4096 characters; a page
# stays well below both (a member has two buttons and a line of up to ~150 characters).
PAGE_BUTTONS = 40
PAGE_CHARACTERS = 3500


@dataclass(frozen=True)
class FamiliesPage:
    """One page of /families: its text, and the buttons of the members and links on it."""

    text: Markup
    unlink: list[Labels]
    revoke: list[Labels]
    write: list[Labels]
    number: int = 0  # from 0
    pages: int = 1


def families_pages(catalog: Catalog, lang: str, class_name: str, links: list[FamilyListing],
                   names: StudentNames, class_id: int, tz: tzinfo,
                   notes: Mapping[int, LinkNotes], open_links: Iterable[OpenLink] = (),
                   caregivers: int = 4) -> list[FamiliesPage]:
    """/families in pages (each member's line and both buttons on one page): one line per
    linked family member, the student always with their roster number (as /roster shows it,
    never a position in this list), a write and an unlink button per member, labelled with
    the same student and language; then the links that still work, used or not, each with a
    button to cancel it. `notes` (by family id) add marks: no translation for what they
    write, and when they last wrote with a teacher."""
    members = _member_entries(catalog, lang, links, names, class_id, tz, notes)
    sent = _link_entries(catalog, lang, names, class_id, tz, list(open_links), caregivers)
    header = catalog.render("families-header", lang, class_name=class_name)
    open_header = catalog.render("families-open-header", lang)
    chunks: list[list[_Entry]] = [[]]
    size, used = len(header), 0
    for entry in [*members, *sent]:
        cost = 2 if entry.write is not None else 1
        if chunks[-1] and (used + cost > PAGE_BUTTONS
                           or size + _grows(chunks[-1], entry, open_header) > PAGE_CHARACTERS):
            chunks.append([])
            size, used = len(header), 0
        size, used = size + _grows(chunks[-1], entry, open_header), used + cost
        chunks[-1].append(entry)
    return [_page(catalog, lang, header, open_header, chunk, number, len(chunks))
            for number, chunk in enumerate(chunks)]


@dataclass(frozen=True)
class _Entry:
    """A member's line with their unlink and write buttons, or a link's with its cancel."""

    line: Markup
    button: Labels
    write: Labels | None = None  # None: a link that still works (its button cancels it)


def _grows(page: list[_Entry], entry: _Entry, open_header: Markup) -> int:
    """The characters `entry` adds to a page: its line, and the open links' header above the
    page's first link."""
    first_link = entry.write is None and (not page or page[-1].write is not None)
    return len(entry.line) + 1 + (len(open_header) + 1 if first_link else 0)


def _page(catalog: Catalog, lang: str, header: Markup, open_header: Markup,
          entries: list[_Entry], number: int, pages: int) -> FamiliesPage:
    lines = [header]
    for index, entry in enumerate(entries):
        if entry.write is None and (index == 0 or entries[index - 1].write is not None):
            lines.append(open_header)  # the links that still work start here
        lines.append(entry.line)
    if pages > 1:
        lines.append(catalog.render("families-page", lang, page=number + 1, pages=pages))
    return FamiliesPage(Markup("\n".join(lines)),
                        [e.button for e in entries if e.write is not None],
                        [e.button for e in entries if e.write is None],
                        [e.write for e in entries if e.write is not None], number, pages)


def _member_entries(catalog: Catalog, lang: str, links: list[FamilyListing],
                    names: StudentNames, class_id: int, tz: tzinfo,
                    notes: Mapping[int, LinkNotes]) -> list[_Entry]:
    entries = []
    shown = {link.family_id: _family_language(link, catalog, lang) for link in links}
    alike = Counter((link.student_id, shown[link.family_id]) for link in links)
    seen: Counter[tuple[int, str]] = Counter()
    for link in links:
        who = student_label(names.of(link.student_id, class_id, numbered=True,
                                     first_name=link.student_name), catalog, lang)
        if link.first_name:  # "Awoowe · Hodan #1": a grandfather told from a cousin
            who = f"{link.first_name} · {who}"
        language = shown[link.family_id]
        seen[link.student_id, language] += 1
        if alike[link.student_id, language] > 1:  # two caregivers of one child, one language
            language = f"{language} ({seen[link.student_id, language]})"
        line = catalog.render("families-line", lang, name=who, language=language,
                              date=catalog.day(lang, link.linked_at.astimezone(tz).date()))
        marks = _link_marks(notes.get(link.family_id), catalog, lang, tz)
        if not link.updates_on:  # they sent /stop: why no update reaches them
            marks.append(catalog.render("families-updates-stopped", lang))
        entries.append(_Entry(
            Markup(" · ".join([line, *marks])),
            (link.family_id, catalog.plain("button-unlink", lang, name=who, language=language)),
            (link.family_id, catalog.plain("button-write-family", lang, name=who,
                                           language=language))))
    return entries


def _link_entries(catalog: Catalog, lang: str, names: StudentNames, class_id: int,
                  tz: tzinfo, sent_links: list[OpenLink], caregivers: int) -> list[_Entry]:
    entries = []
    # Two links for one student made in the same minute (a teacher sent /family twice) are
    # numbered, so each Cancel button says which; the code itself is a secret, never shown.
    same = Counter((sent.student_id, made_at(sent.created_at, tz, catalog, lang))
                   for sent in sent_links)
    made_seen: Counter[tuple[int, str]] = Counter()
    for sent in sent_links:
        who = student_label(names.of(sent.student_id, class_id, numbered=True,
                                     first_name=sent.student_name), catalog, lang)
        made = made_at(sent.created_at, tz, catalog, lang)
        made_seen[sent.student_id, made] += 1
        if same[sent.student_id, made] > 1:
            made = f"{made} ({made_seen[sent.student_id, made]})"
        entries.append(_Entry(
            catalog.render("families-open-line", lang, name=who, date=made, uses=sent.uses,
                           caregivers=caregivers,
                           until=catalog.day(lang, sent.expires_at.astimezone(tz).date())),
            (sent.link_id, catalog.plain("button-cancel-link", lang, name=who, date=made))))
    return entries


def made_at(when: datetime, tz: tzinfo, catalog: Catalog, lang: str) -> str:
    """When a family link was made, to the minute, in the school's time zone ("Thu 17 Sep
    16:45", as every date a teacher reads): two links sent the same day read apart."""
    return day_time(catalog, lang, when, tz)


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
        last = note.last_contact.astimezone(tz).date()
        marks.append(catalog.render("families-last-contact", lang, date=catalog.day(lang, last)))
    return marks


def kept_lines(catalog: Catalog, lang: str, title: str, kept: Sequence[KeptWaiting],
               names: StudentNames) -> list[Markup]:
    """The words pushes kept for joiners still hold, each student's (or whoever joins) on a
    line in the order they come, under `title`; none when nothing waits."""
    if not kept:
        return []
    lines = [catalog.render(title, lang)]
    for one in kept:
        terms = ", ".join(one.terms)
        if one.student_id is None:
            lines.append(catalog.render("scheduled-kept-nobody", lang,
                                        class_name=one.class_name, terms=terms))
        else:
            lines.append(catalog.render("scheduled-kept-student", lang, class_name=one.class_name,
                                        terms=terms, name=student_label(
                                            names.of(one.student_id, one.class_id), catalog,
                                            lang)))
    return lines
