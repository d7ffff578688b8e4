"""A teacher report as text: /report's summary message (who is on track, needs help, has not
started or stopped; the hardest words), worded from report_summary's Summary."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, tzinfo

from bot.domain.answer_kinds import KIND_ANSWERS, to_check
from bot.domain.reminder_backoff import DAILY_REMINDERS, EVERY_SCHOOL_DAYS
from bot.presentation import push_views
from bot.presentation.i18n import Catalog, Counted, Markup, escape
from bot.presentation.report_names import word_terms
from bot.presentation.report_student import (
    counts_text,
    kinds_text,
    listening_line,
    typed_skips_text,
)
from bot.presentation.report_summary import (
    CardsRead,
    FewAnswers,
    HardWord,
    HelpNeeded,
    NothingYet,
    Summary,
    WordTotal,
    mastered_spread,
    summarise,
)
from bot.presentation.students import class_labels
from bot.presentation.views import clause_separator, cut, label, list_separator
from bot.services.student_lookup import StudentNames
from bot.store.reports import ClassMatrix


def on_track_text(s: Summary, catalog: Catalog, lang: str) -> Markup:
    """The students on track, then whose words given to them are still unanswered, each by
    name: "Ana, Hodan (words still new, not asked yet: Hodan 2)". "Ana, Hodan (2 words still
    new, not asked yet)" read as the two students' words (teacher playtest)."""
    sep = list_separator(lang)
    names = Markup(sep.join(escape(name) for name in s.on_track))
    if len(s.on_track) == 1:  # "Ana (…: Ana 2)" named her twice (playtest): "Ana (…: 2)"
        behind = [Markup(str(s.behind[name])) for name in s.on_track if s.behind.get(name)]
    else:
        behind = [catalog.render("report-on-track-behind-student", lang, name=name,
                                 count=s.behind[name]) for name in s.on_track
                  if s.behind.get(name)]
    if not behind:
        return names
    return Markup(f"{names} ") + catalog.render("report-on-track-behind", lang,
                                                students=Markup(sep.join(behind)))


def help_text(student: HelpNeeded, counted: Mapping[str, Markup] | None = None,
              lang: str = "en") -> Markup:
    """One student in "needs help": their name and hard words, each with its own counts when
    `counted` has them, "; " between words ("Thiago (analyze: missed 6 of 6 (5 meaning, 1
    listening); constitution: ...)"): "analyze, constitution: correct 1 of 3" read as one
    figure for both words (playtest)."""
    sep, semi = list_separator(lang), clause_separator(lang)
    if counted:
        words = semi.join(counted.get(w, escape(w)) for w in student.words)
    else:
        words = sep.join(escape(w) for w in student.words)
    return Markup(f"{escape(student.name)} ({words})")


def help_counts(matrix: ClassMatrix, student: HelpNeeded, catalog: Catalog, lang: str,
                tz: tzinfo | None) -> dict[str, Markup]:
    """The student's words under 🆘, each with the counts /student gives it (`counts_text`,
    her own answers, listening ones too), so the two views print one figure per word."""
    terms = word_terms(matrix.given)
    cells = {terms[word_id]: cell for (student_id, word_id), cell in matrix.cells.items()
             if student_id == student.student_id and word_id in terms}
    return {w: counts_text(cells[w], w, catalog, lang, tz) for w in student.words if w in cells}


def _hardest_as_help(s: Summary) -> HelpNeeded | None:
    """The one student whose needs-help words are all the hardest words (a class of one, or
    only they have answered them): 🧗 then points up to 🆘, where their words get the counts,
    as the same list twice read as two findings (playtest, one student)."""
    if len(s.needs_help) != 1 or not s.hardest_words:
        return None
    student = s.needs_help[0]
    return student if {w.counts.term for w in s.hardest_words} <= set(student.words) else None


def summary_text(class_name: str, matrix: ClassMatrix, catalog: Catalog, lang: str,
                 today: date | None = None, holidays: Collection[date] = (),
                 names: StudentNames | None = None, class_id: int = 0,
                 tz: tzinfo | None = None) -> Markup:
    """The /report message: who is on track, needs help, reads cards only, has not started or
    stopped (dates in the school's time zone `tz`, as `today` is); each student named as the
    teacher tells them apart (`names`: the teacher's students, None: the class's alone), so two
    Anas read "Ana #1" and "Ana #2"."""
    sep, semi = list_separator(lang), clause_separator(lang)
    s = summarise(matrix, placeholder=catalog.plain("name-placeholder", lang), today=today,
                  holidays=holidays, tz=tz,
                  labels=class_labels(matrix.students, catalog, lang, names, class_id))
    none = catalog.render("report-none", lang)
    hardest = Markup(sep.join(hard_word_text(w, catalog, lang) for w in s.hardest_words))
    alone, counted = _hardest_as_help(s), None
    if alone is not None:
        # her words each with her own counts, in /student's words (only she answered them)
        counted = help_counts(matrix, alone, catalog, lang, tz)
        hardest = catalog.render("report-hardest-as-help", lang, name=alone.name)
    text = catalog.render(
        "report-summary", lang, class_name=label(class_name),
        students=Counted("count-students", len(matrix.students)),
        words=words_count(s, catalog, lang),
        on_track=on_track_text(s, catalog, lang) or none,
        needs_help=Markup(semi.join(help_text(h, counted, lang) for h in s.needs_help)) or none,
        # "ninguna" (palabra), and what makes a word one: a word only one student of several
        # needs help with is not listed (teacher playtest: "none" beside "matter: correct 0
        # of 4"), so "none" says the rule
        hardest=hardest or catalog.render("report-none-hardest", lang))
    lines = [Markup(line) for line in str(text).split("\n", 2)]  # head, ✅, the rest
    if s.skips_typed:  # under 🆘 and 🧗, whose misses it says are mostly 🤷
        lines.append(dont_know_text(s, catalog, lang))
    if s.kinds_missed and len(lines) == 3:  # under ✅, as it stands instead of it
        lines.insert(2, kinds_missed_line(s, catalog, lang))
    if s.nothing_yet:  # near the top: of every line, the one a teacher must act on first
        lines.insert(1, nothing_yet_line(s.nothing_yet, catalog, lang))
    if s.opened:  # the denominator said in words: a share of what, added up how; and why
        # so few: how many wait for their deciding recall (the rule is in /report help)
        lines.append(catalog.render("report-mastered", lang, mastered=s.mastered,
                                    opened=s.opened, reviewing=s.reviewing))
    listening = listening_line(matrix.cells.values(), catalog, lang)
    if listening is not None:
        lines.append(listening)
    spread = mastered_spread(matrix)
    if spread is not None:  # one strong student cannot make the class look good
        lines.append(catalog.render("report-mastered-students", lang, with_any=spread.with_any,
                                    students=spread.students, median=f"{spread.median:.0%}"))
    kinds = kinds_lines(matrix, catalog, lang, names, class_id)
    return cut(Markup("\n".join([*lines, *who_lines(s, catalog, lang), *kinds])))


def kinds_missed_line(s: Summary, catalog: Catalog, lang: str) -> Markup:
    """"⚠️ Check, not on track yet: ...: Hodan (📝 gap sentences 0/2)": who would be on
    track but mostly misses a kind of question the next level asks, with those kinds."""
    sep = list_separator(lang)
    return catalog.render("report-kinds-check", lang, names=Markup(sep.join(
        catalog.render("report-kinds-check-student", lang, name=k.name,
                       kinds=kinds_text(k.kinds, catalog, lang)) for k in s.kinds_missed)))


def dont_know_text(s: Summary, catalog: Catalog, lang: str) -> Markup:
    """"🤷 “I don't know” at most questions to write the word (...): Diego (🤷 6 of 6
    questions to write · choices right 5 of 9). ...": who, with the counts that tell the
    writing from the meaning, and what a teacher may do."""
    sep = list_separator(lang)
    return catalog.render("report-dont-know", lang, count=KIND_ANSWERS, names=Markup(sep.join(
        catalog.render("report-dont-know-student", lang, name=k.name,
                       counts=typed_skips_text(k.counts, catalog, lang))
        for k in s.skips_typed)))


def kinds_lines(matrix: ClassMatrix, catalog: Catalog, lang: str,
                names: StudentNames | None = None, class_id: int = 0) -> list[Markup]:
    """The level 1-2 students' answers by kind of question, a line each in roster order
    ("Hodan: 🔘 meaning 4/4 · ⚠️ 📝 gap sentences 0/2"), under one heading; none when no
    such student has a counted answer."""
    labels = class_labels(matrix.students, catalog, lang, names, class_id)
    lines = [catalog.render("report-kinds-student", lang, name=labels[r.id], kinds=kinds_text(
        counts, catalog, lang, to_check(counts, r.taught)))
        for r in matrix.students if (counts := matrix.kinds.get(r.id))]
    return [catalog.render("report-kinds", lang, count=KIND_ANSWERS), *lines] if lines else []


def hard_word_text(word: HardWord, catalog: Catalog, lang: str) -> Markup:
    """"organism: correct 9 of 32 over 18 days (needs help: 2 of 4 students)"."""
    return catalog.render("report-hard-word", lang, students=word.students,
                          struggling=word.struggling, word=word_text(word.counts, catalog, lang))


def word_text(counts: WordTotal, catalog: Catalog, lang: str) -> Markup:
    """"organism: correct 9 of 32 over 18 days"."""
    return catalog.render("report-word", lang, term=counts.term, right=counts.right,
                          total=counts.total, days=counts.days)


def who_lines(s: Summary, catalog: Catalog, lang: str) -> list[Markup]:
    """The students the summary's first lines do not place, a line per reason: cards read and
    nothing answered, nothing opened, practice only, too few answers (with their counts),
    stalled, inactive (with the school day of their last answer, as /student writes days)."""
    sep, semi = list_separator(lang), clause_separator(lang)
    lines = []
    if s.just_joined:
        lines.append(catalog.render("report-just-joined", lang, names=sep.join(s.just_joined)))
    if s.opens_checks:  # comes, cannot answer: a usability problem to look at, not absence
        lines.append(catalog.render("report-opens-checks", lang, names=Markup(sep.join(
            catalog.render("report-opens-checks-student", lang, name=o.name,
                           date=push_views.day(catalog, lang, o.since))
            for o in s.opens_checks))))
    if s.reads_cards:
        lines.append(catalog.render("report-reads-cards", lang, names=Markup(sep.join(
            reads_cards_text(r, catalog, lang) for r in s.reads_cards))))
    if s.practice_only:  # what they got right shows: the header says it is practice
        lines.append(catalog.render("report-practice-only", lang, names=Markup(sep.join(
            catalog.render("report-too-few-student", lang, name=f.name,
                           right=f.practice_right, total=f.practice_total)
            for f in s.practice_only))))
    if s.practice_missed:  # counted nowhere, but what she missed on her first day matters
        lines.append(catalog.render("report-practice-today", lang, names=Markup(semi.join(
            catalog.render("report-practice-today-student", lang, name=p.name,
                           missed=p.missed, total=p.answers, terms=sep.join(p.words))
            for p in s.practice_missed))))
    if s.near_chance:  # the daily alert's "tapping without reading", while it holds: dated
        lines.append(catalog.render("report-guessing", lang, names=Markup(sep.join(
            guessing_text(g.name, g.last, catalog, lang) for g in s.near_chance))))
    if s.too_few:
        lines.append(catalog.render("report-too-few", lang, names=Markup(sep.join(
            too_few_text(f, catalog, lang) for f in s.too_few))))
        if any(f.practice_total for f in s.too_few):  # why their practice is apart
            lines.append(catalog.render("report-practice-apart", lang))
    if s.stalled:
        # a word right on two lucky days is no word in review: said, as it may show so
        # as is one right only after re-reading the cards, whose words may read "reviewing"
        lines.append(catalog.render("report-stalled", lang, days=s.stalled_days, names=Markup(
            sep.join(catalog.render("report-stalled-lucky", lang, name=name)
                      if name in s.stalled_lucky else
                      catalog.render("report-stalled-reread", lang, name=name)
                      if name in s.stalled_reread else escape(name) for name in s.stalled))))
    if s.no_new_word:  # still answering, only old words: a push would reach her
        lines.append(catalog.render("report-no-new-words", lang, days=s.no_new_word_days,
                                    names=Markup(sep.join(
                                        catalog.render("report-no-new-words-student", lang,
                                                       name=n.name,
                                                       date=push_views.day(catalog, lang,
                                                                           n.last))
                                        for n in s.no_new_word))))
    if s.inactive:
        lines.append(catalog.render("report-inactive", lang, days=s.inactive_days,
                                    names=Markup(sep.join(
                                        with_slowed(catalog.render(
                                            "report-inactive-student", lang, name=i.name,
                                            date=push_views.day(catalog, lang, i.last)),
                                            i.reminders_slowed, catalog, lang)
                                        for i in s.inactive))))
    return lines


def guessing_text(name: str, last: date, catalog: Catalog, lang: str) -> Markup:
    """"Ali (last seen Thu 19 Nov)": a guessing flag with the school day it last held."""
    return catalog.render("guessing-last-seen", lang, name=name,
                          date=push_views.day(catalog, lang, last))


def too_few_text(student: FewAnswers, catalog: Catalog, lang: str) -> Markup:
    """"Jean (1 of 1 right · ✏️ 12 of 13 right in practice)": the counted answers, then the
    practice ones apart (never added into the evidence)."""
    if not student.practice_total:
        return catalog.render("report-too-few-student", lang, name=student.name,
                              right=student.right, total=student.total)
    return catalog.render("report-too-few-practice-student", lang, name=student.name,
                          right=student.right, total=student.total,
                          practice_right=student.practice_right,
                          practice_total=student.practice_total)


def with_slowed(entry: Markup, reminders_slowed: bool, catalog: Catalog, lang: str) -> Markup:
    """A student's entry, then "🔕 ..." when their daily reminder has slowed down for going
    unanswered (reminder_backoff): the teacher knows Puente stopped nudging every day."""
    if not reminders_slowed:
        return entry
    return Markup(f"{entry} " + catalog.render("report-reminders-slowed", lang,
                                               count=DAILY_REMINDERS, days=EVERY_SCHOOL_DAYS))


def nothing_yet_line(students: list[NothingYet], catalog: Catalog, lang: str) -> Markup:
    """"🚫 Nothing done since joining (...): Minh (joined Mon 14 Sep, 7 school days ago)"."""
    sep = list_separator(lang)
    entries = []
    for n in students:
        if n.joined is None:
            entry = escape(n.name)
        elif not n.days:
            entry = catalog.render("report-nothing-yet-today", lang, name=n.name)
        else:
            entry = catalog.render("report-nothing-yet-student", lang, name=n.name,
                                   date=push_views.day(catalog, lang, n.joined), days=n.days)
        entries.append(with_slowed(entry, n.reminders_slowed, catalog, lang))
    return catalog.render("report-nothing-yet", lang, names=Markup(sep.join(entries)))


def reads_cards_text(student: CardsRead, catalog: Catalog, lang: str) -> Markup:
    """"Mateo (13 cards, last Fri 25 Sep)": how many cards, and the day of the latest."""
    if student.last is None:
        return escape(student.name)
    return catalog.render("report-reads-cards-student", lang, name=student.name,
                          cards=Counted("count-cards", student.cards),
                          date=push_views.day(catalog, lang, student.last))


def words_count(s: Summary, catalog: Catalog, lang: str) -> Markup:
    """The report's word count: every word given to the class, as the CSV lists them, and
    how many of them nobody has answered yet ("12 words (3 not answered by anyone yet)")."""
    words = Counted("count-words", s.words)
    if not s.untouched:
        return catalog.render(words.key, lang, count=words.count)
    return catalog.render("report-words-unanswered", lang, words=words, count=s.untouched)
