"""Where a student stands: /progress, what comes next and when words come back, and the
words by state or status in one line (the same names for the student and the teacher)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.domain.checks import MAX_CHECK
from bot.domain.language import is_rtl
from bot.domain.mastery import MasteryState
from bot.domain.word_status import WordStatus
from bot.presentation.i18n import (
    REFERENCE,
    RLM,
    Catalog,
    Day,
    Markup,
    escape,
)
from bot.presentation.push_views import WEEKDAYS
from bot.presentation.views import (
    join_lines,
)
from bot.services.progress import Progress
from bot.services.readiness import BackOn, NextStep


def progress_text(p: Progress, lang: str, catalog: Catalog) -> Markup:
    """/progress in three lines a language: at levels 1-2 the words by state, days in a row and
    what to do next; from level 3 what to do next first (the line a student acts on), then
    the words by state and days in a row."""
    build = _short_progress if p.short else _full_progress
    lines = build(p, lang, catalog)
    if lang == REFERENCE or lines == (english := build(p, REFERENCE, catalog)):
        return lines
    return join_lines([english, lines] if p.english_first else [lines, english])


def step_text(p: Progress, lang: str, catalog: Catalog) -> Markup:
    """/progress's next step alone, in the student's language and English as /progress
    orders them: a student's /now (a family command) answered a generic line while /progress
    said "👉 5 words ready: /check" (playtest, Tagalog WIDA 3)."""
    line = _step(p, lang, catalog)
    if lang == REFERENCE or line == (english := _step(p, REFERENCE, catalog)):
        return line
    return join_lines([english, line] if p.english_first else [line, english])


def _step(p: Progress, lang: str, catalog: Catalog) -> Markup:
    """What to do now ("👉 5 words ready: /check", cards to read, when words come back), or
    the question still waiting above (not "All done" under an unanswered question)."""
    return catalog.render("progress-question-waiting", lang) if p.open_question \
        else next_step(p.step, lang, catalog)


def _short_progress(p: Progress, lang: str, catalog: Catalog) -> Markup:
    return join_lines([_words(p, lang, catalog), *_streak(p, lang, catalog),
                       _step(p, lang, catalog)])


def _words(p: Progress, lang: str, catalog: Catalog) -> Markup:
    """The words met by state, then the cards not read yet ("🆕 New: 1 · 📭 Cards to read:
    4"): /words said "📘 New words: 5" (its new cards, read or not) and /progress right after
    "🆕 New: 1" (the one card read, as the teacher's /student counts it), with nothing for the
    other four (playtest, Tagalog WIDA 3); now the two add up to what /words said. Not when
    the next step is those cards ("👉 New cards to read: /words"): a newcomer's three lines
    would say it twice."""
    says_it = not p.ready and not p.open_question  # the step is progress-next-words
    unread = [catalog.render("progress-cards-to-read", lang, count=p.waiting)] \
        if p.waiting and not says_it else []
    met = [word_states(p.counts, lang, catalog)] if p.met or not unread else []
    return Markup(" · ".join([*met, *unread]))


def _full_progress(p: Progress, lang: str, catalog: Catalog) -> Markup:
    # Seven lines a language, twice at levels 3-4, plus text bars in Arabic, was long on a
    # phone (playtest, WIDA 3): the step comes first, with its command ("👉 5 words ready:
    # /check" says the old "⏰ Due for review now: 5" and what to tap), then the states that
    # have any on one line (the chart draws them too; the four still add up to the words met)
    return join_lines([_step(p, lang, catalog), _words(p, lang, catalog),
                       *_streak(p, lang, catalog)])


def _streak(p: Progress, lang: str, catalog: Catalog) -> list[Markup]:
    """The days in a row, once there is one: "Days in a row: 0" greets a student who has just
    joined or come back with a zero."""
    return [catalog.render("progress-streak", lang, streak=p.streak_days)] \
        if p.streak_days else []


def next_step(step: NextStep, lang: str, catalog: Catalog) -> Markup:
    """What to do now, in one line of the student's language."""
    key, values = next_step_prompt(step)
    return catalog.render(key, lang, **values)


# When words come back: /progress and an empty /check say "✅ All done for now" first; under a
# check's score the ✅ would read as "right" after a miss, so the plain line comes instead.
LATER = {False: "progress-next", True: "check-short-next"}
MORE = {False: "progress-next-more", True: "check-done-more-words"}


# A school day this week is named ("on Monday"): a child at levels 1-2 reads a weekday more
# easily than "in 3 days", and works out no sum. A week or more away is counted in days, since
# "on Monday" would not say which one.
NAMED_DAYS = 7


def check_holds(ready: int) -> dict[str, int | Day]:
    """The words the next check asks (a check asks MAX_CHECK at most) and those that wait
    after it: "8 words to review", then 11, then 12, read to a child new to chat bots as a
    pile that only grows while each check asked 5 (playtest). The reminder, /progress and a
    check's last line all say it so."""
    today = min(ready, MAX_CHECK)
    return {"count": ready, "today": today, "later": ready - today}


def next_step_prompt(step: NextStep, after_check: bool = False
                     ) -> tuple[str, dict[str, int | Day]]:
    """What to do now: a check when words are ready, cards to read, or when words come back
    (/progress, a check's last message and an empty /check all say it this one way)."""
    if step.ready > MAX_CHECK:  # what the next check holds, and apart what waits after it
        return "progress-next-check-more", check_holds(step.ready)
    if step.ready:
        return "progress-next-check", {"count": step.ready}
    if step.waiting:
        return "progress-next-words", {}
    if step.more:  # done for today, and more is there for a student who wants it
        return MORE[after_check], {"count": step.more}
    if step.back is None:
        return "progress-next-none", {}
    return comes_back(step.back, LATER[after_check])


def comes_back(back: BackOn, later: str = LATER[False]) -> tuple[str, dict[str, int | Day]]:
    """The day words come back (BackOn): "tomorrow", the weekday within a week ("on Monday"),
    else "in 10 days (Mon 14 Dec)": a count of days alone left a student to work out which
    day (mid-level playtest). `later`: the prompts' prefix (LATER, or a missed word's
    feedback-back). Never "later today": a word is ready from the start of a school day
    (ready_at), never the day it was answered. Words ready on the weekend before the school
    day (`early`) are said to come back that day too (`_early`)."""
    if back.early is not None:
        return _early(back, back.early, later)
    if back.in_days <= 1:  # 0 cannot happen (ready_at); a weekend day has no weekday key
        return f"{later}-tomorrow", {}
    if back.in_days < NAMED_DAYS:  # a school day: Monday to Friday
        return f"{later}-{WEEKDAYS[back.day.weekday()]}", {}
    return f"{later}-days", {"days": back.in_days, "date": Day(back.day)}


def _early(back: BackOn, early: date, later: str) -> tuple[str, dict[str, int | Day]]:
    """Words ready on a weekend day: "on Saturday (or on Monday, at school)", the school day
    the reminder comes beside the day a /check asks them ("on Monday" alone, on a Friday, read
    as nothing to do until then: playtest). A weekend before a holiday or an excused Monday
    (no Monday to name), or one whose Monday is a week or more away, names the weekend day by
    its date and the school day beside it: "in 5 days (Sat 3 Oct, or Mon 5 Oct at school)"
    ("in 5 days (Sat 3 Oct)" alone said nothing of the school day the reminder comes on)."""
    if back.day.weekday() == 0 and back.in_days < NAMED_DAYS:
        return f"{later}-{WEEKDAYS[early.weekday()]}-mon", {}
    return f"{later}-days-school", {"days": back.in_days - (back.day - early).days,
                                    "date": Day(early), "school": Day(back.day)}


# The four states as every view marks and names them: a student's /progress, the teacher's
# /student (and /roster, through STATUS_MARKS), the chart's bars (chart-<state> prompts).
STATE_MARKS = {MasteryState.NEW: "🆕", MasteryState.LEARNING: "📖",
               MasteryState.REVIEWING: "🔁", MasteryState.MASTERED: "⭐"}


def word_states(counts: Sequence[int], lang: str, catalog: Catalog) -> Markup:
    """Words by state in one line, the states that have any ("🆕 New: 1 · 🔁 Reviewing: 3"):
    the same names and marks for the student and the teacher. `counts` in MasteryState order."""
    parts = [Markup(f"{STATE_MARKS[state]} ") + catalog.render(
        "state-count", lang, state=catalog.render(f"chart-{state}", lang), count=count)
             for state, count in zip(MasteryState, counts, strict=True) if count]
    return Markup(" · ".join(parts)) if parts else catalog.render("state-count-none", lang)


# The five statuses a teacher reads (word_status): /roster counts them, /report groups by them
# and /student marks each word with them; a word whose card was opened but not answered yet reads
# "Opened, not answered yet" on /roster ("New: 13" read as nothing done: teacher playtest).
STATUS_MARKS = {WordStatus.NOT_STARTED: ("🆕", "status-opened-unanswered"),
                WordStatus.LEARNING: ("📖", "chart-learning"),
                WordStatus.REVIEWING: ("🔁", "chart-reviewing"),
                WordStatus.NEEDS_HELP: ("⚠️", "status-needs-help"),
                WordStatus.MASTERED: ("⭐", "chart-mastered")}


def word_statuses(counts: Sequence[int], lang: str, catalog: Catalog) -> Markup:
    """A student's words by status in one line, the statuses that have any ("📖 Learning: 2 ·
    ⚠️ Needs help: 1"): /report's rule, so /roster and /report agree. `counts` in WordStatus
    order."""
    parts = [Markup(f"{STATUS_MARKS[status][0]} ") + catalog.render(
        "state-count", lang, state=catalog.render(STATUS_MARKS[status][1], lang), count=count)
             for status, count in zip(WordStatus, counts, strict=True) if count]
    return Markup(" · ".join(parts)) if parts else catalog.render("state-count-none", lang)


BAR_BLOCKS = 12  # the longest text bar, in blocks: a phone's line beside its label
PROGRESS_BARS = (("chart-new", "⬜"), ("chart-learning", "🟨"), ("chart-reviewing", "🟦"),
                 ("chart-mastered", "🟩"))


def progress_counts(p: Progress) -> tuple[int, int, int, int]:
    """The four states in the chart's order: new, learning, reviewing, mastered."""
    return p.new, p.learning, p.reviewing, p.mastered


def chart_label(catalog: Catalog, key: str, lang: str, english: bool,
                english_first: bool = False) -> str:
    """A chart label in the learner's language, and (`english`) English after it: "Nuevas ·
    New" (plain text: a picture's label, or a line's words); English first at levels 5-6
    (`english_first`: "My words · كلماتي", as their cards and messages read)."""
    codes = ("en", lang) if english and english_first else (lang, *(("en",) * english))
    return " · ".join(dict.fromkeys(catalog.plain(key, code) for code in codes))


def progress_bars(p: Progress, lang: str, catalog: Catalog) -> Markup:
    """The progress chart as text bars in the learner's language (and English: `p.bilingual`),
    for scripts the chart font cannot draw (Arabic, Chinese, Korean): bars without figures,
    since the same message already counts each state ("🔁 قيد المراجعة: 3" twice in one
    message was a repeat). One block a word while the longest bar fits a phone's line: a
    playtester counted 10 🟦 beside "Reviewing: 11"; scaled to BAR_BLOCKS beyond."""
    rows = [(key, count, block) for (key, block), count in zip(PROGRESS_BARS,
                                                                progress_counts(p), strict=True)]
    peak = max(BAR_BLOCKS, *(count for _, count, _ in rows))
    rtl = RLM if is_rtl(catalog.template("chart-progress-title", lang)[0]) else ""
    title = chart_label(catalog, "chart-progress-title", lang, p.bilingual,
                        p.english_first)
    lines = [Markup(f"{rtl}<b>{escape(title)}</b>")]
    for key, count, block in rows:
        bar = block * max(1, round(BAR_BLOCKS * count / peak)) if count else "▫️"
        label = chart_label(catalog, key, lang, p.bilingual, p.english_first)
        lines.append(Markup(f"{rtl}{escape(label)} {bar}"))
    return join_lines(lines)
