"""What a teacher reads about a class and its students: /classes, /roster, /student and the
lines /report adds about home languages, the join link and its QR code, and the note that
students joined a class.

Language names are the teacher's own ("somalí" to a Spanish-speaking teacher), never the
student's; every text goes through the catalogue, so every value is escaped.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, tzinfo

from bot.config import SchoolConfig
from bot.domain.guessing import FAST_SECONDS, Pace
from bot.domain.language import LANGUAGES
from bot.domain.typed_skips import SKIP_MIN
from bot.domain.word_status import STALLED_ANSWER_DAYS
from bot.presentation import push_views
from bot.presentation.i18n import Catalog, Counted, LanguageName, Markup, reader_language
from bot.presentation.pack_views import unchecked_line
from bot.presentation.progress_views import word_statuses
from bot.presentation.recording_views import report_line
from bot.presentation.report_student import dont_know_line, kinds_line, student_lines
from bot.presentation.report_summary import INACTIVE_SCHOOL_DAYS
from bot.presentation.report_text import summary_text
from bot.presentation.students import class_labels, student_label
from bot.presentation.views import (
    escape,
    join_lines,
    label,
    level_text,
    name,
    taught_level_text,
)
from bot.services.confusions import MixedUp
from bot.services.glosses import NoMessages, Unchecked
from bot.services.join_notes import Joiner
from bot.services.recordings import Progress
from bot.services.starter import StarterPack
from bot.services.student_lookup import StudentName, StudentNames
from bot.store.members import ClassTeacher
from bot.store.people import ClassInfo, RosterRow
from bot.store.reports import ClassMatrix


def join_link(bot_username: str, payload: str) -> str:
    """The t.me link that opens the bot with a join (or family) code."""
    return f"https://t.me/{bot_username}?start={payload}"


def qr_png(link: str) -> bytes:
    """A QR code of a join link, to show on the classroom board."""
    import segno  # ~25 ms to import: on the first QR code, not at every start

    qr = io.BytesIO()
    segno.make(link, error="m").save(qr, kind="png", scale=8, border=2)
    return qr.getvalue()


def classes_text(
    found: list[tuple[ClassInfo, int]], bot_username: str, catalog: Catalog, lang: str,
    teachers: Mapping[int, Sequence[ClassTeacher]] | None = None,
) -> Markup:
    """/classes: each class with its number of students and its join link, then its teachers
    when it has a co-teacher (`teachers`, by class id)."""
    lines = []
    for c, students in found:
        line = catalog.render("classes-line", lang, class_name=c.name,
                              students=Counted("count-students", students),
                              link=join_link(bot_username, c.join_code))
        theirs = (teachers or {}).get(c.id, [])
        if len(theirs) > 1:  # a class taught alone needs no line: the teacher is the reader
            line = Markup(f"{line}\n   {teachers_line(theirs, catalog, lang)}")
        lines.append(line)
    return join_lines(lines)


def teachers_line(teachers: Sequence[ClassTeacher], catalog: Catalog, lang: str) -> Markup:
    """"👥 Teachers: Okafor (created the class), Diaz": a co-teacher is never out of sight."""
    return catalog.render("class-teachers", lang, names=Markup(", ".join(
        catalog.render("class-teacher-creator", lang, name=name(t.first_name, catalog, lang))
        if t.owner else escape(name(t.first_name, catalog, lang)) for t in teachers)))


def roster_text(class_name: str, rows: list[RosterRow], catalog: Catalog, lang: str,
                teachers: Sequence[ClassTeacher] = ()) -> Markup:
    """/roster: the class, then each student by name, "Ana #3" with the number the commands
    take (given when they joined: "1. 3. 2." read as a list out of order), their home language
    (in the teacher's words), level and words by status, as /report groups them."""
    lines = [catalog.render("roster-header", lang, class_name=label(class_name), count=len(rows))]
    if len(teachers) > 1:  # who else teaches it (and may /remove or /level its students)
        lines.append(teachers_line(teachers, catalog, lang))
    lines += [
        Markup(catalog.render(
            "roster-line",
            lang,
            number=r.number,
            name=name(r.first_name, catalog, lang),
            language=home_language(r.language, catalog, lang),
            level=row_level(r, catalog, lang),
            words=_roster_words(r, catalog, lang),
        ) + (f"\n   {catalog.render('roster-blocked', lang)}" if r.blocked else ""))
        for r in rows
    ]
    return join_lines(lines)


def row_level(row: RosterRow, catalog: Catalog, lang: str) -> Markup:
    """The level /roster and /student show: the one the student is taught at, and this
    class's beside it when they differ (views.taught_level_text)."""
    return taught_level_text(row.level, row.self_placed, row.taught, row.taught_by_teacher,
                             row.class_name, catalog, lang)


def _roster_words(row: RosterRow, catalog: Catalog, lang: str) -> Markup:
    """The student's words by status, then the cards given and not opened yet (pushed words
    arrive as cards: a teacher must see they arrived, unread)."""
    if not row.unopened:
        return word_statuses(row.words, lang, catalog)
    waiting = catalog.render("roster-unopened", lang, count=row.unopened)
    return Markup(f"{word_statuses(row.words, lang, catalog)} · {waiting}") if any(row.words) \
        else waiting


def home_language(code: str | None, catalog: Catalog, lang: str) -> str | LanguageName:
    """A student's home language in the teacher's words, or that they have not chosen one
    (nothing can be sent to them until they do)."""
    return reader_language(code) if code else catalog.plain("roster-no-language", lang)


def student_text(
    who: str,
    row: RosterRow,
    matrix: ClassMatrix,
    catalog: Catalog,
    lang: str,
    tz: tzinfo | None,
    no_messages: NoMessages | None,
    back: Mapping[int, date] | None = None,
    today: date | None = None,
    mixed: Sequence[MixedUp] = (),
    sections: Sequence[tuple[Sequence[str], Collection[int]]] = (),
    pace: Pace | None = None,
    oral: bool = False,
) -> Markup:
    """/student: who (`who`, as the teacher tells them apart), their home language and level,
    how fast their latest answers came (`pace`: the ⏱️ line the daily alert points to), a
    line per word (a word in review with the day it comes back, `back`; under its class,
    for a student in several of the teacher's classes: `sections`), the cards not opened
    yet, the pairs of words they mix up (`mixed`), and what Puente lacks in their
    language. A student whose checks are oral (`oral`, /readaloud) is marked so under the
    header: her evidence was heard and tapped, not read."""
    lines = [
        catalog.render(
            "student-header",
            lang,
            name=who,
            language=home_language(row.language, catalog, lang),
            level=row_level(row, catalog, lang),
        )
    ]
    if row.blocked:  # the chaos playtest found it only in /roster: say why nothing reaches them
        lines.append(catalog.render("roster-blocked", lang))
    if oral:
        lines.append(catalog.render("student-oral", lang))
    if pace is not None:
        lines.append(pace_line(pace, catalog, lang, tz))
    kinds = kinds_line(matrix, row.student_id, row.taught, catalog, lang)
    if kinds is not None:  # levels 1-2: the easy kinds must not hide one she keeps missing
        lines.append(kinds)
    skips = dont_know_line(matrix, row.student_id, catalog, lang)
    if skips is not None:  # mostly 🤷 at questions to write: before the words it explains
        lines.append(skips)
    lines += student_lines(matrix, row.student_id, catalog, lang, tz, back, today, sections)
    if mixed:
        lines.append(mixed_line(mixed, "student-mixed-pair", catalog, lang))
    if no_messages is not None:
        lines += no_messages_lines(
            {row.student_id: no_messages}, {row.student_id: who}, catalog, lang
        )
    return join_lines(lines)


def pace_line(pace: Pace, catalog: Catalog, lang: str, tz: tzinfo | None = None) -> Markup:
    """/student's ⏱️ line: how many of the latest answers came in FAST_SECONDS or less, the
    median seconds and, while the daily alert's rule holds, the right ones beside what
    random taps give ("maybe tapping without reading"), with the day it was last seen; when
    it held on an earlier day of the recent window and not now, that day on a line of its
    own (no level is advised until it has passed)."""
    params = {"count": pace.answers, "fast": pace.fast, "seconds": f"{FAST_SECONDS:g}",
              "median": f"{max(pace.median_seconds, 0):.0f}"}
    seen = None if pace.last_seen is None else push_views.day(
        catalog, lang, pace.last_seen.astimezone(tz or UTC).date())
    if pace.guessing:
        low, high = pace.chance_range()
        line = catalog.render("student-pace-guessing", lang, right=pace.right, low=low,
                              high=high, **params)
        return line if seen is None else Markup(
            f"{line} {catalog.render('pace-last-seen', lang, date=seen)}")
    line = catalog.render("student-pace", lang, **params)
    if seen is None:
        return line
    return Markup(f"{line}\n{catalog.render('student-pace-guessing-earlier', lang, date=seen)}")


def created_text(catalog: Catalog, lang: str, created: ClassInfo, link: str,
                 starter: StarterPack, same_words: ClassInfo | None = None) -> Markup:
    """/newclass's answer: the join link and code, the words new students start with, and a
    class of the teacher's with the same words in its name, when there is one."""
    lines = [
        catalog.render("newclass-created", lang, class_name=created.name, link=link,
                       code=created.join_code),
        catalog.render("newclass-starter", lang, title=starter.title, pack=starter.pack_id,
                       fewest=starter.fewest, most=starter.most),
        # a student who joins before the first push studies the starter words first, and
        # keeps them in her checks for weeks (playtest: 3 academic verbs before the unit)
        catalog.render("newclass-push-first", lang)]
    if same_words is not None:
        lines.append(catalog.render("newclass-same-words", lang, other=same_words.name))
    return join_lines(lines)


def report_text(
    found: ClassInfo,
    matrix: ClassMatrix,
    catalog: Catalog,
    lang: str,
    school: SchoolConfig,
    today: date,
    names: StudentNames,
    no_messages: Mapping[int, NoMessages],
    starter: StarterPack | None = None,
    unchecked: Sequence[Unchecked] = (),
    mixed: Sequence[MixedUp] = (),
    explain: bool = False,
    recorded: Sequence[Progress] = (),
    oral: Collection[int] = (),
) -> Markup:
    """/report's text: the summary (days in the school's time zone), the pairs of words most
    students mix up (`mixed`), the words that came from the starter pack (`starter`: none
    pushed), the home languages Puente has no messages in, with their students (`no_messages`,
    by id), then, on one line, the languages whose translations of the class's words no speaker
    has checked yet (`unchecked`), and the words recorded in each language no voice speaks
    (`recorded`), and the students whose checks are oral (`oral`, by id: /readaloud)."""
    tz = school.timezone
    summary = summary_text(
        found.name, matrix, catalog, lang, today, school.holidays, names, found.id, tz
    )
    labels = class_labels(matrix.students, catalog, lang, names, found.id)
    lines = [summary]
    if mixed:
        lines.append(mixed_line(mixed, "report-mixed-pair", catalog, lang))
    if starter is not None:
        lines.append(catalog.render("report-starter-words", lang, title=starter.title,
                                    words=Counted("count-words", starter.words)))
    lines += no_messages_lines(no_messages, labels, catalog, lang)
    heard = [labels[student_id] for student_id in labels if student_id in oral]
    if heard:  # their answers were heard, not read: the teacher weighs them so
        lines.append(catalog.render("report-oral", lang, names=", ".join(heard)))
    translations = unchecked_line(catalog, lang, unchecked, named=True)
    if translations is not None:
        lines.append(translations)
    audio = report_line(catalog, lang, recorded)  # "Hmong audio: 5 of 12 words recorded"
    if audio is not None:
        lines.append(audio)
    # What the lines mean, the first time (`explain`), then one line pointing to it: the same
    # rules under every report made a playtest report 1,758 characters long. The groups' one
    # line each stays in /report help, which the first report points to as well.
    if explain:
        lines += report_help(catalog, lang, translations=translations is not None, groups=False)
    lines.append(catalog.render("report-help-hint", lang))
    return join_lines(lines)


def report_help(catalog: Catalog, lang: str, translations: bool = True,
                groups: bool = True) -> list[Markup]:
    """/report help: what each group of students means (`groups`; a playtest teacher could not
    tell 🐢 from 💤 from 🧩), how the mastered count adds up, what mastered means, and
    (`translations`) what to do about translations no speaker has checked."""
    lines = [catalog.render("report-help-groups", lang, stalled_days=STALLED_ANSWER_DAYS,
                            inactive_days=INACTIVE_SCHOOL_DAYS)] if groups else []
    # ⚠️ and the lines by kind of question at levels 1-2 (answer_kinds), with the groups
    if groups:  # and 🤷: a miss all the same, and when a student is named for it
        lines += [catalog.render("report-help-kinds", lang),
                  catalog.render("report-help-dont-know", lang, least=SKIP_MIN)]
    keys = ["report-help-mastered", "report-mastered-rule"]
    if translations:
        keys.append("report-help-translations")
    return lines + [catalog.render(key, lang) for key in keys]


def no_messages_lines(
    no_messages: Mapping[int, NoMessages], labels: Mapping[int, str], catalog: Catalog, lang: str
) -> list[Markup]:
    """One line per home language Puente has no messages in, naming its students (`labels`,
    by id): they read English, and where their word translations come from, so the teacher
    knows to find help."""
    students: dict[NoMessages, list[str]] = {}
    for student_id, gap in no_messages.items():
        students.setdefault(gap, []).append(labels[student_id])
    return [
        catalog.render(
            "report-language-machine" if gap.machine else "report-language-english",
            lang,
            names=", ".join(names),
            language=reader_language(gap.code),
            code=gap.code,
        )
        for gap, names in students.items()
    ]


def mixed_line(mixed: Sequence[MixedUp], key: str, catalog: Catalog, lang: str) -> Markup:
    """"🔀 Mixed up: ecosystem ↔ habitat (3 students)": the English terms of each pair, with
    how many students mix it up (`report-mixed-pair`) or how often this one chose one for the
    other (`student-mixed-pair`)."""
    def count(m: MixedUp) -> dict[str, object]:
        return {"students": Counted("count-students", m.count)} \
            if key == "report-mixed-pair" else {"times": m.count}

    pairs = [catalog.render(key, lang, first=m.first.word.term, second=m.second.word.term,
                            **count(m)) for m in mixed]
    return catalog.render("mixed-up-line", lang, pairs=Markup(", ".join(pairs)))


def join_note(catalog: Catalog, lang: str, class_name: str, joiners: Sequence[Joiner],
              lacks: Mapping[str, Sequence[str]] | None = None) -> Markup:
    """The note to a teacher that students joined a class: one line for one student ("👋 Wei
    joined 7B Science: Chinese · placement pending · first words: ..."), else a line naming
    the class and one line for each of them. A language is followed by what Puente lacks in
    it (`lacks`: join-note keys by language, and glosses mostly unchecked)."""
    def language(j: Joiner) -> Markup | LanguageName:
        missing = [catalog.render(key, lang) for key in (lacks or {}).get(j.language, ())]
        if j.unchecked:
            missing.append(catalog.render("join-note-unchecked", lang))
        if not missing:
            return reader_language(j.language)
        return catalog.render("join-note-language-lacks", lang,
                              language=reader_language(j.language),
                              lacks=Markup(", ".join(missing)))

    if len(joiners) == 1:
        return catalog.render("join-note-one", lang, name=student_label(joiners[0].name,
                                                                        catalog, lang),
                              class_name=label(class_name), language=language(joiners[0]),
                              details=_joiner_details(catalog, lang, joiners[0]))
    return join_lines([catalog.render("join-note-many", lang, count=len(joiners),
                                      class_name=label(class_name)),
                       *(catalog.render("join-note-line", lang,
                                        name=student_label(j.name, catalog, lang),
                                        language=language(j),
                                        details=_joiner_details(catalog, lang, j))
                         for j in joiners)])


def placed_again_note(catalog: Catalog, lang: str, name: StudentName, before: int | None,
                      level: int) -> Markup:
    """"🔁 Minjun took the level questions again: level 5 (was 3; self-placed; /level sets
    it)."."""
    return catalog.render("placement-again-note", lang, name=student_label(name, catalog, lang),
                          level=level, before=before if before is not None else "—")


def _joiner_details(catalog: Catalog, lang: str, joiner: Joiner) -> Markup:
    """"level 3 (self-placed; /level sets it) · first words: ecosystem, habitat"."""
    parts = [catalog.render("join-note-placing", lang) if joiner.level is None
             else level_text(joiner.level, joiner.self_placed, catalog, lang)]
    if joiner.words:
        parts.append(catalog.render("join-note-words", lang, words=", ".join(joiner.words)))
    elif joiner.placing:
        parts.append(catalog.render("join-note-words-later", lang))
    if joiner.doubt is not None:
        parts.append(_doubt_text(catalog, lang, joiner))
    return Markup(" · ".join(parts))


def _doubt_text(catalog: Catalog, lang: str, joiner: Joiner) -> Markup:
    """"⚠️ picked Spanish by a tap; phone English; nothing typed yet: /language Nkauj
    LANGUAGE to fix"."""
    doubt = joiner.doubt
    assert doubt is not None
    evidence = []
    if doubt.phone and doubt.phone in LANGUAGES:
        evidence.append(catalog.render("join-note-phone", lang,
                                       language=reader_language(doubt.phone)))
    if not doubt.typed:
        evidence.append(catalog.render("join-note-typed-none", lang))
    elif doubt.guess in LANGUAGES:
        evidence.append(catalog.render("join-note-typed-guess", lang,
                                       language=reader_language(doubt.guess or "")))
    else:
        evidence.append(catalog.render("join-note-typed-unclear", lang))
    return catalog.render("join-note-tapped", lang, language=reader_language(doubt.chosen),
                          evidence=Markup("; ".join(evidence)),
                          name=student_label(joiner.name, catalog, lang))
