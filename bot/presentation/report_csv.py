"""A class's report as a CSV a teacher opens in a spreadsheet: one row per student x word, by
name and roster number, never a Telegram id, and no cell a spreadsheet would run as a formula
(the columns: docs/reports.md)."""

from __future__ import annotations

import csv
import io
from datetime import datetime, tzinfo

from bot.domain.language_names import name_in
from bot.domain.mastery import days_to_master, days_to_master_now
from bot.domain.word_status import WordStatus, too_few_answers
from bot.presentation.report_names import student_name, term
from bot.services.confusions import StudentMixUp
from bot.store.reports import Cell, ClassMatrix

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# No Telegram ids: a teacher needs names, and a spreadsheet travels. `roster_no` is the
# student's number in this class (as /roster and the heatmap show it), to tell two Anas apart;
# it was given when they joined, so the same student has it in every export.
# `knowledge_estimate` was called `mastery` until it read "80% mastered" on a word /report said
# a student needed help with: it is a model's estimate, not a status. `status` is the status
# /report and /student give the word (word_status), added last so older columns keep their place.
# `practice_answers` (answers no count includes: a row with attempts 0 and a last_seen was all
# practice, not a mistake) came after `retired`, last again: the column order is a public format.
# `needs_to_master` (what is still missing before the word counts as mastered) came last too:
# "knowledge_estimate 1.00, mastered 0" read as a contradiction (teacher playtest).
# `language_name` ("Somali" beside `language`'s "so": a teacher read "hmn" as a typo) came last.
# `answers_near_chance` (1 on every row of a student whose latest answers come very fast and about
# as often right as chance, the daily alert's "tapping without reading") came last: a guesser's
# estimates are bounded by her answers beyond chance, and her rows say why (teacher playtest).
# `counted_by_teacher` (typed answers Puente marked wrong that a teacher counted as right, in
# `correct` since: docs/typed-grading.md) came last.
# `taught_level` (the level the student studies at: another teacher's class may hold it below
# this class's `wida_level`, a student in two classes being taught at the lower) came last, so
# no older column moves: a co-teacher's sheet read `wida_level` 3 of a student taught at 1.
# `estimated_chance_knows_now` was `knowledge_estimate` until a principal read "1.00" beside
# `mastered` as "100 % mastered" (data-coach playtest): its name says it is an estimate of now.
# `mastered_on` and `mastered_evidence` (the school day it was mastered; the days it was right
# on, up to that day, the last the recall that mastered it) came last: "correct 5 of 10 ·
# mastered" read as over-claiming until the row said what mastery rests on.
# `mastered_recall` (how the recall that mastered the word was answered: typed, spelled with
# letter tiles, or chosen) came last: at levels 1-2 it is often tiles (playtest, Hmong level 1).
CSV_COLUMNS = ("student", "roster_no", "language", "wida_level", "level_source", "pack", "word",
               "estimated_chance_knows_now", "mastered", "attempts", "correct", "last_seen",
               "listening_attempts", "listening_correct", "card", "status", "retired",
               "practice_answers", "needs_to_master", "language_name",
               "answers_near_chance", "counted_by_teacher", "taught_level", "mastered_on",
               "mastered_evidence", "mastered_recall", "no_estimate_reason",
               "accepted_by_teacher", "mastered_missed_writing", "dont_know",
               "listening_dont_know")
# mastered_recall: the mastering answer typed, spelled with letter tiles, or the English word
# chosen among options ("" not mastered, or mastered before Puente kept how: docs/reports.md)
TYPED_RECALL, TILES_RECALL, CHOSEN_RECALL = "typed", "tiles", "chosen"
# `no_estimate_reason` ("not answered", "too few answers", "practice only"; empty beside a
# number) came last: `estimated_chance_knows_now` held those words among its numbers, and a
# spreadsheet could neither sort nor average the column (data-coach playtest); it is a number
# or empty now. `accepted_by_teacher` (typed answers right only because a teacher accepted
# their text for the word in the class: overrule.Graded.accepted, in `correct`) came last too.
# `mastered_missed_writing` (the study days a mastered word's spelling was missed between its
# days right, as /student's "missed writing it Sat 19 Sep" names them: the days right stand,
# mastery.record_answer) came last: `mastered_evidence` alone read as no miss between them.
# `dont_know` (of `attempts` - `correct`, the misses that were 🤷 "I don't know" or a typed
# "no sé": attempts.dont_know, 0 for answers before Puente kept it) came last: a child who
# skips the typed questions read as one who tries and misses (playtest, Diego).
# `listening_dont_know` (of `listening_attempts` - `listening_correct`, the listening misses
# that were 🤷) came last: a 🤷 at "hear the word, choose it" was kept and counted nowhere a
# teacher reads 🤷; apart from `dont_know`, which stays of the meaning misses.
# needs_to_master: the mastery rule (mastery.is_mastered) as what is left of it; a "recall" is
# a typed answer or the English word picked from the home-language word (docs/reports.md).
RECALL_LEFT = "a recall on its review"
ONE_DAY_LEFT = "right on 1 more day: a recall on its review"
DAYS_LEFT = "right on {days} more days, the last a recall on its review"
ALL_DAYS_LEFT = "right on {days} days, the last a recall on its review"  # none yet since a miss
# more days than the days alone ask: the right answers so far are too easy to guess, or the
# estimate too low (mastery.days_to_master_now)
GUESSES_LEFT = ("right on {days} more days, the last a recall on its review: its right answers "
                "so far could still be guesses")
# card: whether the student opened the word's card (or answered it), was given the word (a push,
# or a preview) and has not opened it yet, or was never given it (a classmate was).
OPENED, NOT_OPENED, NOT_SENT = "opened", "not_opened", "not_sent"
LEVEL_SOURCES = {True: "self-placed", False: "teacher"}  # level_source: who set wida_level
# The knowledge_estimate cell of a word with fewer answers than the reports need
# (too_few_answers): a number resting on one answer (a guess, at three options) reads as
# evidence. With no answer at all there is no estimate, whether or not the student has seen the
# word's card. Columns are documented in docs/reports.md.
TOO_FEW_MARK = "too few answers"
NOT_ANSWERED_MARK = "not answered"
# Answered, but only in practice (any answer the day its card was read, or the answer alone
# left): no evidence yet, and not "not answered" either.
PRACTICE_MARK = "practice only"


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: formulas defused with a leading apostrophe."""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def no_estimate_reason(cell: Cell | None) -> str:
    """Why the CSV gives no knowledge estimate ("" when it gives one): NOT_ANSWERED_MARK with
    no answer at all (the card seen or not: `cell` None is a word the student has not met),
    PRACTICE_MARK when every answer was practice, TOO_FEW_MARK under the reports' rule: one
    answer on its meaning is no evidence (listening answers are counted apart), in the
    spreadsheet as in /student."""
    if cell is not None and cell.practice_only:
        return PRACTICE_MARK
    if cell is None or not cell.attempts:
        return NOT_ANSWERED_MARK
    return TOO_FEW_MARK if too_few_answers(cell.meaning_attempts) else ""


def estimate_cell(cell: Cell | None) -> str:
    """The CSV's knowledge estimate (0-1, two decimals), or empty (no_estimate_reason says
    why): a number or nothing, so a spreadsheet sorts and averages the column."""
    return "" if no_estimate_reason(cell) or cell is None else f"{cell.estimate:.2f}"


def needs_cell(cell: Cell | None, level: int | None = None) -> str:
    """What the word still needs to count as mastered ("" once it is): the days right (since
    the last miss) it lacks, the last of them a recall on the review Puente schedules; more
    days where the right answers so far could be guesses at the deciding review a student at
    `level` is asked (mastery.days_to_master_now)."""
    if cell is not None and cell.mastered:
        return ""
    days = days_to_master(cell.days_right if cell is not None else 0)
    if cell is not None:
        needed = days_to_master_now(cell.days_right, cell.luck, cell.misses, cell.p_known,
                                    level)
        if needed > max(days, 1):
            return GUESSES_LEFT.format(days=needed)
    if not days:
        return RECALL_LEFT
    if days == 1:
        return ONE_DAY_LEFT
    return (ALL_DAYS_LEFT if days == days_to_master(0) else DAYS_LEFT).format(days=days)


def evidence_cells(cell: Cell, tz: tzinfo | None) -> tuple[str, str]:
    """`mastered_on` and `mastered_evidence` of a mastered word: the school day it was
    mastered ("2026-10-02"), and the days it was right on up to that day, space-separated
    ("2026-09-28 2026-09-30 2026-10-02", the last the recall that mastered it); empty for a
    word not mastered. A word mastered before the days were kept has no days to name."""
    days = cell.mastery_evidence(tz) if cell.mastered else ()
    if not cell.mastered or cell.mastered_at is None:
        return "", ""
    mastered = local_time(cell.mastered_at, tz)[:10]
    return mastered, " ".join(d.isoformat() for d in days)


def missed_writing_cell(cell: Cell, tz: tzinfo | None) -> str:
    """`mastered_missed_writing` of a word: the study days its spelling was missed between
    its days right, space-separated ("2026-09-19"); empty when none, or not mastered."""
    return " ".join(d.isoformat() for d in cell.missed_writing(tz)) if cell.mastered else ""


def recall_cell(cell: Cell) -> str:
    """`mastered_recall` of a word: how the answer that mastered it was given."""
    way = cell.mastered_by
    if way is None:
        return ""
    return TILES_RECALL if way.tiles else TYPED_RECALL if way.typed else CHOSEN_RECALL


def local_time(stamp: str | None, tz: tzinfo | None) -> str:
    """A stored UTC time as the school reads it: ISO 8601 in `tz` with its offset
    ("2026-09-14T15:00:00-04:00"); as stored (UTC, "+00:00") when no zone is given."""
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp)
    return (moment.astimezone(tz) if tz else moment).isoformat(timespec="seconds")


def csv_bytes(matrix: ClassMatrix, tz: tzinfo | None = None) -> bytes:
    """One row per student x word (every word a student has met or been given): the knowledge
    estimate (or not answered, or too few answers to tell), attempts, last seen (in the school's
    time zone `tz`, with its offset), language, level and who set it (self-placed or teacher),
    listening answers apart, whether the card was opened, not opened yet or never sent, and
    the word's status as /report and /student give it, whether the word was retired from its
    pack, the practice answers no count includes, what it still needs to be mastered, and the
    home language's English name, and whether the student's latest answers look like guessing;
    a mastered word's days right, and the days its spelling was missed between them; the
    misses that were 🤷 "I don't know"; students by name and roster number, never a Telegram
    id (the columns: docs/reports.md)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    # Each text is cleaned and defused once, not once per row (35 x 200 rows in one /report).
    words = [(word.id, spreadsheet_cell(term(word.pack_id)), spreadsheet_cell(term(word.term)),
              int(word.retired)) for word in matrix.given]
    for student in matrix.students:
        source = LEVEL_SOURCES[student.self_placed] if student.level is not None else ""
        who = [spreadsheet_cell(v) for v in (student_name(student), student.number,
                                             student.language or "", student.level or "",
                                             source)]
        language = name_in(student.language, "en") if student.language else ""
        unopened = {w.id for w in matrix.unopened.get(student.id, [])}
        guessing = int(student.id in matrix.near_chance)
        taught = student.taught or ""
        deciding = student.taught or student.level  # the level her deciding reviews ask at
        for word_id, pack, word_term, retired in words:
            cell = matrix.cells.get((student.id, word_id))
            if cell is None:
                card = NOT_OPENED if word_id in unopened else NOT_SENT
                writer.writerow([*who, pack, word_term, estimate_cell(None), 0, 0, 0, "", 0, 0,
                                 card, WordStatus.NOT_STARTED.value, retired, 0, needs_cell(None),
                                 language, guessing, 0, taught, "", "", "",
                                 no_estimate_reason(None), 0, "", 0, 0])
                continue
            writer.writerow([*who, pack, word_term, estimate_cell(cell), int(cell.mastered),
                             cell.meaning_attempts, cell.meaning_correct,
                             spreadsheet_cell(local_time(cell.last_seen, tz)), cell.listened,
                             cell.listened_right, OPENED, cell.status.value, retired,
                             cell.practised, needs_cell(cell, deciding), language, guessing,
                             cell.teacher_counted, taught, *evidence_cells(cell, tz),
                             recall_cell(cell), no_estimate_reason(cell),
                             cell.teacher_accepted, missed_writing_cell(cell, tz),
                             cell.dont_know, cell.listened_dont_know])
    return buffer.getvalue().encode("utf-8-sig")  # BOM: spreadsheet apps then read accents


# The second CSV /report sends, when a student mixes words up: one row per student and pair of
# words, in a file of its own so the first file's columns (a public format) stay as they are.
MIX_UP_COLUMNS = ("student", "roster_no", "word", "mixed_up_with", "times_mixed_up",
                  "questions_with_both")


def mix_ups_csv(matrix: ClassMatrix, mix_ups: list[StudentMixUp]) -> bytes:
    """One row per student and pair of words she mixes up now (chose one for the other
    in the last weeks' questions, more often than guessing would: domain/confusions.py), in
    /roster's order, then the pair chosen most often first; the words as the main CSV writes
    them, and no Telegram id (the columns: docs/reports.md)."""
    by_student: dict[int, list[StudentMixUp]] = {}
    for mix_up in mix_ups:
        by_student.setdefault(mix_up.student_id, []).append(mix_up)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(MIX_UP_COLUMNS)
    for student in matrix.students:
        pairs = sorted(by_student.get(student.id, []),
                       key=lambda m: (-m.times, m.first.word.term, m.second.word.term))
        for m in pairs:
            writer.writerow([spreadsheet_cell(student_name(student)), student.number,
                             spreadsheet_cell(term(m.first.word.term)),
                             spreadsheet_cell(term(m.second.word.term)), m.times, m.offered])
    return buffer.getvalue().encode("utf-8-sig")
