"""Telling a student's teachers, at most once a day, which words the student keeps missing
(and, a week later, which of them are still missed), with advice at most once a school week
(a lower level, or that they seem to tap without reading); and, once, that a student has gone
quiet (services/quiet.py)."""

from __future__ import annotations

from datetime import date

from bot.chat.replies import user_language
from bot.context import PuenteContext
from bot.domain.school_days import is_school_day
from bot.presentation import push_views
from bot.presentation.i18n import Catalog, Markup
from bot.presentation.students import student_label
from bot.presentation.views import join_lines
from bot.services import daily_alerts, finished, quiet, student_lookup, teaching
from bot.services.answers import Feedback


def _stuck_lines(catalog: Catalog, lang: str, name: str, terms: list[str],
                 still: frozenset[str]) -> Markup:
    """The words newly stuck, then those still stuck a week after an alert named them."""
    lines = [catalog.render(key, lang, name=name, terms=", ".join(group))  # render escapes
             for key, group in (("teacher-alert-daily", [t for t in terms if t not in still]),
                                ("teacher-alert-still", [t for t in terms if t in still]))
             if group]
    return join_lines(lines)


def _away_line(catalog: Catalog, lang: str, name: str, away: tuple[date, date]) -> Markup:
    """"(Abdi was away from school Mon 21 - Fri 25 Sep, as the family said.)"."""
    first, last = (push_views.day(catalog, lang, day) for day in away)
    days = first if away[0] == away[1] else f"{first} – {last}"
    return catalog.render("teacher-alert-away", lang, name=name, days=days)


async def alert_teachers(context: PuenteContext, feedback: Feedback) -> None:
    """Tell a student's teachers, as her check ends, which words she keeps missing."""
    await alert_about(context, feedback.student_id, feedback.student_name)


async def stuck_alerts_job(context: PuenteContext) -> None:
    """Job: on a school day, send the daily alert of every student who has one waiting. A
    student who leaves every check unfinished never ends one, and the alert at a check's end
    never came for the newcomer who needed it most (teacher playtest: 0 right of 18)."""
    s = context.services
    school = s.config.school
    now = s.clock()
    if not is_school_day(now.astimezone(school.timezone).date(), school.holidays):
        return
    for student_id in daily_alerts.students_to_alert(s.db, now, school.timezone):
        await alert_about(context, student_id, sweep=True)
    told = quiet.tell_silent(s.db, now, school, lambda teacher_id, silent: _silent_text(
        context, teacher_id, silent))
    told += quiet.tell_opening_checks(s.db, now, school, lambda teacher_id, stuck: _stuck_text(
        context, teacher_id, stuck))
    # once, in the daily sweep (never on an answer): "Minjun has finished every word"
    told += finished.tell_finished(s.db, now, school, lambda teacher_id, note: _finished_text(
        context, teacher_id, note))
    if told:
        context.deliverer.wake()  # through the outbox: it waits out quiet hours


def _finished_text(context: PuenteContext, teacher_id: int, note: finished.Finished) -> str:
    """"🏁 Minjun has finished every word you pushed: /push more", in the teacher's
    language."""
    s = context.services
    lang = user_language(context, teacher_id)
    return str(s.catalog.render("teacher-alert-finished", lang,
                                name=student_label(note.name, s.catalog, lang)))


def _stuck_text(context: PuenteContext, teacher_id: int, stuck: quiet.Silent) -> str:
    """"🧩 Widlene has opened checks since Fri 18 Sep but answered none of them (3 school
    days)...", in the teacher's language."""
    s = context.services
    lang = user_language(context, teacher_id)
    return str(_in_class(context, teacher_id, stuck, s.catalog.render(
        "teacher-alert-opens-checks", lang, name=student_label(stuck.name, s.catalog, lang),
        date=push_views.day(s.catalog, lang, stuck.since), days=stuck.days,
        command=f"/student {stuck.name.command}")))


def _in_class(context: PuenteContext, teacher_id: int, quiet_one: quiet.Silent,
              text: Markup) -> Markup:
    """A 🔇 or 🧩 note with the student's class under it, for a teacher of several."""
    s = context.services
    names = teaching.classes_in_common(s.db, teacher_id, quiet_one.student_id)
    if not names:
        return text
    return join_lines([text, s.catalog.render("teacher-alert-class", user_language(
        context, teacher_id), class_name=", ".join(names))])


def _silent_text(context: PuenteContext, teacher_id: int, silent: quiet.Silent) -> str:
    """"🔇 Wid has not opened a card or answered since joining on Mon 14 Sep (3 school
    days)...", in the teacher's language."""
    s = context.services
    lang = user_language(context, teacher_id)
    said = {"name": student_label(silent.name, s.catalog, lang), "days": silent.days,
            "date": push_views.day(s.catalog, lang, silent.since)}
    if silent.never_active:  # nothing to show on /student yet
        text = s.catalog.render("teacher-alert-silent-joined", lang, **said)
    else:  # came, opened checks, answered none: /report's 🧩, a usability problem, not absence
        key = "teacher-alert-silent-checks" if silent.checks_unanswered \
            else "teacher-alert-silent"
        text = s.catalog.render(key, lang, **said, command=f"/student {silent.name.command}")
    text = _in_class(context, teacher_id, silent, text)
    if silent.away:  # days the family excused inside the silence: said, as in word alerts
        text = join_lines([text, _away_line(s.catalog, lang, said["name"], silent.away)])
    return str(text)


async def alert_about(context: PuenteContext, student_id: int, first_name: str = "",
                      sweep: bool = False) -> None:
    """Tell a student's teachers, in one message a day, which words the student keeps missing
    (again a week later when still stuck), and suggest a lower level when most recent answers
    were wrong: queued, to go out after quiet hours."""
    s = context.services
    school = s.config.school
    now = s.clock()
    alert = daily_alerts.daily_alert(s.db, student_id, now, school.timezone, school.holidays,
                                     sweep=sweep)
    if alert is None:
        return
    texts: dict[int, str] = {}
    for teacher_id, terms in alert.teachers.items():  # each hears of their classes' words only
        lang = user_language(context, teacher_id)
        who = student_lookup.name_of(s.db, teacher_id, student_id, first_name=first_name)
        name = student_label(who, s.catalog, lang)  # two Anas: "Ana #2"
        lines = [_stuck_lines(s.catalog, lang, name, terms, alert.still)] if terms else []
        if alert.guessing and teacher_id in alert.advised:  # no level fixes it: say what it is
            line = s.catalog.render("teacher-alert-guessing", lang, name=name,
                                    command=f"/student {who.command}")
            if alert.seen is not None:  # dated: it may wait out quiet hours, or be read later
                line = Markup(f"{line} " + s.catalog.render(
                    "pace-last-seen", lang, date=push_views.day(
                        s.catalog, lang, alert.seen.astimezone(school.timezone).date())))
            lines.append(line)
        elif alert.suggested_level is not None and teacher_id in alert.advised:
            lines.append(s.catalog.render(  # a command that finds this very student
                "teacher-suggest-level", lang, name=name, level=alert.level,
                lower=alert.suggested_level,
                command=f"/level {who.command} {alert.suggested_level}"))
        if lines and alert.away:  # the first alert after days the family excused
            lines.append(_away_line(s.catalog, lang, name, alert.away))
        if lines:
            texts[teacher_id] = str(join_lines(lines))
    # Through the outbox, as the "gone quiet" note: a check ended late in the evening must not
    # wake a teacher, and the deliverer marks one who blocked the bot (not the student).
    if daily_alerts.book_alert(s.db, school, student_id, texts, now):
        context.deliverer.wake()
