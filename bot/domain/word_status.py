"""What a teacher's views call a word for one student: evidence, "needs help", the estimate shown.

The rules every report, /student, the heatmap and the CSV share, read off the mastery states
(bot/domain/mastery.py).
"""

from __future__ import annotations

import enum

from bot.domain.mastery import MASTERED_DAYS, MasteryState, WordMastery

# What a teacher's report may call evidence. One answer is no evidence: a three-option item
# at level 1 is right one time in three by guessing. A word is hard for a student (or a class)
# when, over at least MIN_ANSWERS answers, at least half were wrong: the report's "hardest
# words" use this rule, and each student's "needs help" words too (word_status, which adds the
# words missed STUCK_MISSES times in a row and leaves out the mastered ones).
MIN_ANSWERS = 2
# A student needs help on a word only on repeated evidence: at least this many counted misses.
# A check asks a word at most once a school day (rests_until) and practice never counts, so
# these are misses on different days. One slip in two answers ("correct 1 of 2") put a
# mid-level student in the teacher's "Needs help" list after one accidental tap (playtest M3).
HELP_MISSES = 2
# A word missed this many times in a row is stuck: the teacher's daily alert names it, and it
# needs help (word_status) in /report, /student and the CSV alike.
STUCK_MISSES = 3
# A word still stuck this many days after the alert that named it is named again (at most once
# a week per word, never on every miss): the first conversation did not help.
STUCK_REMINDER_DAYS = 7


def too_few_answers(total: int) -> bool:
    """Too few answers to say anything about a word (the report says so instead)."""
    return total < MIN_ANSWERS


def is_hard(right: int, total: int) -> bool:
    """Enough answers, and at least half of them wrong."""
    return not too_few_answers(total) and (total - right) * 2 >= total


def is_stuck(misses_in_row: int) -> bool:
    """Missed STUCK_MISSES times in a row: the teacher should hear about it."""
    return misses_in_row >= STUCK_MISSES



# What a teacher's CSV and heatmap show as the knowledge estimate is never above the share of
# answers that beat guessing: knowledge tracing leans on the latest answers, so three lucky taps
# after ten misses read 0.93 ("sure", dark green) for a newcomer right 6 times of 16, which is
# what tapping at random among three options gives (teacher playtest). Three options: the
# fewest a counted check offers a newcomer, so the bound never calls more of a learner's right
# answers luck than chance could explain. The bound is over ALL the word's counted answers.
# The model's own estimate stands when the word is mastered (mastery required a run guessing
# gives less than once in a hundred), or when the right answers since the last miss came on
# RUN_DAYS different days AND are a run guessing would give less than once in RUN_EVIDENCE
# tries, counting a fresh try after every miss (as MASTERED_LUCK does): a student wrong ten
# times who has now been right six days running has learned the word. The days matter: the
# run's luck alone let one typed right answer after a miss ("correct 1 of 2", luck 0.02 x 2
# tries) read 0.93, and a guesser's two right taps after two misses read 0.99 on the heatmap's
# "likely knows it" (teacher playtest: Widlene, Lucia). A word is asked once a school day, so
# RUN_DAYS days right since a miss is at least RUN_DAYS right answers, not one lucky sitting.
REPORT_CHANCE = 1 / 3
RUN_EVIDENCE = 0.05
RUN_DAYS = MASTERED_DAYS  # the days mastery asks for, for the same reason


def above_chance(right: int, total: int, chance: float = REPORT_CHANCE) -> float:
    """The share of answers right beyond guessing, 0 (no better than chance) to 1 (all right):
    (right share - chance) / (1 - chance); 0 with no answers."""
    if not total:
        return 0.0
    return max(0.0, (right / total - chance) / (1 - chance))


def run_is_evidence(right: int, total: int, luck: float, days_right: int) -> bool:
    """The right answers since the last miss are no luck: on RUN_DAYS days or more, and a run
    guessing gives less than once in 1/RUN_EVIDENCE tries (a fresh try after every miss)."""
    return days_right >= RUN_DAYS and luck * (total - right + 1) <= RUN_EVIDENCE


def shown_estimate(p_known: float, right: int, total: int, mastered: bool,
                   luck: float = 1.0, days_right: int = 0, near_chance: bool = False) -> float:
    """The knowledge estimate a teacher sees: the model's, bounded by all the counted answers
    beyond guessing (above_chance) unless the word is mastered or its current run of right
    answers is no luck (run_is_evidence; never for a student whose answers are `near_chance`
    now: guessing.looks_like_guessing). 6 right of 16 shows 0.06, 2 of 4 0.25, not 0.99."""
    if mastered or (not near_chance and run_is_evidence(right, total, luck, days_right)):
        return p_known
    return min(p_known, above_chance(right, total))


def error_rate(right: int, total: int) -> float:
    """The share of answers that were wrong (0 with no answers)."""
    return (total - right) / total if total else 0.0


class WordStatus(enum.StrEnum):
    """Where one student stands on one word, as every teacher view says it: /report's "needs
    help", /student's ⚠️ and the CSV's `status` are this one value."""

    NOT_STARTED = "not started"  # no answer yet, not even practice (the card may have been read)
    LEARNING = "learning"
    REVIEWING = "reviewing"
    NEEDS_HELP = "needs help"
    MASTERED = "mastered"


def word_status(state: MasteryState, right: int, total: int, misses_in_row: int,
                practice_right: int = 0) -> WordStatus:
    """The one rule for a teacher: mastered stands (a scheduled recall, days after the word was
    first right, with no miss since); else a word that is stuck (is_stuck), or hard (is_hard)
    with at least HELP_MISSES misses, not in review and not right in practice as often as
    it was missed (right_in_practice), needs help; else its state, with "not started" before
    any answer.
    `right` and `total` are the answers a teacher counts: a word answered only in practice is
    learning; `practice_right`: its right answers that were practice, in no count."""
    if state is MasteryState.MASTERED:
        return WordStatus.MASTERED
    if state is MasteryState.NEW:
        return WordStatus.NOT_STARTED
    if is_stuck(misses_in_row) or (struggles(state, right, total) and not right_in_practice(
            total - right, practice_right)):
        return WordStatus.NEEDS_HELP
    return WordStatus.REVIEWING if reviewing(state, right, total) else WordStatus.LEARNING


def reviewing(state: MasteryState, right: int, total: int) -> bool:
    """A teacher reads "reviewing" as "nearly there": the word is in review (right on two days
    since its last miss) and at least half of its counted answers were right, so its estimate
    is never below 0.25 (above_chance). A guesser's "correct 3 of 10" whose last two taps were
    right read "reviewing" beside an estimate of 0.00 (data-coach playtest): her word is
    learning, its review still scheduled (mastery's rule is unchanged; only the word a teacher
    reads is). Two misses, then right on two days ("correct 2 of 4") is still reviewing."""
    return state is MasteryState.REVIEWING and right * 2 >= total


def struggles(state: MasteryState, right: int, total: int) -> bool:
    """Hard on the answers a teacher counts (is_hard), with at least HELP_MISSES misses, and
    not in review (a word right on two days since its last miss is being reviewed: its early
    misses are no reason for help now; one miss is no pattern, whatever the share)."""
    return (is_hard(right, total) and total - right >= HELP_MISSES
            and state is not MasteryState.REVIEWING)


def right_in_practice(misses: int, practice_right: int) -> bool:
    """A word missed only a few times (fewer than STUCK_MISSES counted misses) and right in
    practice more often: its right answers are not counted yet, and "needs help" would name
    the word she knows. A level-4 student right 9 times in 10 had her right taps on one word
    counted as practice (its options answered minutes before) and only her two misses
    counted: "🆘 Needs help: Lucía (prey)" (teacher playtest). More, not as many: the card's
    day gives at most one right answer in practice and "Practice again" at most one per miss
    after the first, so only a right answer of another kind (the one option left, a meaning
    just shown) tips it, never a struggling student's easy ones. Practice is still no
    evidence she knows the word: it stays learning, its line says "right N× in practice",
    and a third miss is help again."""
    return 0 < misses < STUCK_MISSES and practice_right > misses



# A student who answered checks on this many different school days (practice too) and has no
# word in review (as a teacher reads it: moves_on) or mastered is stalled (/report's "🐢
# Stalled"). Of 270 simulated learners (bench/stalled.py) 249 have a word in review by their
# third answer day and 268 by their fourth; four names 97 % of students who know no word within
# two school weeks (docs/reports.md).
STALLED_ANSWER_DAYS = 4


def moves_on(state: MasteryState, right: int, total: int) -> bool:
    """A word that takes its student off "🐢 Stalled": mastered, or reviewing as a teacher
    reads it (`reviewing`: right on two days since its last miss AND at least half its counted
    answers right). A guesser's word right on two lucky days after more misses, which every
    view calls learning, does not: it kept a random tapper "✅ On track" (docs/reports.md)."""
    return state is MasteryState.MASTERED or reviewing(state, right, total)


def lucky_review(state: MasteryState, right: int, total: int) -> bool:
    """In review by the schedule (right on two days since its last miss), learning to a
    teacher: missed more often than right (`reviewing`)."""
    return state is MasteryState.REVIEWING and not reviewing(state, right, total)


def stalled_student(answer_days: int, moved_on: bool,
                    threshold: int = STALLED_ANSWER_DAYS) -> bool:
    """Whether a student who answered checks on `answer_days` different school days is stalled:
    that many days or more, and no word `moved_on` (in review or mastered)."""
    return answer_days >= threshold and not moved_on


def needs_help(state: WordMastery) -> bool:
    """A word missed several times in a row is worth a teacher's attention (is_stuck)."""
    return is_stuck(state.misses_in_row)
