"""Benchmark: how many answer days before /report may call a student "🐢 Stalled"?

/report names a student stalled when they answered checks on STALLED_ANSWER_DAYS or more
different school days and still have no word in review (right on two days) or mastered. The
number is a trade: too low names learners who are doing fine, too high leaves a teacher
unaware of a student who knows no word for weeks.

This runs the learner simulation of bench/mastery_validity.py (the real study services, a
real store, a fixed clock) and, after each school day, looks at every student: on how many
school days they have answered a check so far (practice too), and whether any word of theirs
is in review (and right at least half the time) or mastered (as /report reads it). For each
threshold it prints how many learners (who learn from the cards) it would ever name, and how
many non-knowers (guessers, memorisers, look-alike guessers, eliminators: they know no word) it
names within 10 school days.

Run: python bench/stalled.py [students-per-kind] [seeds] [school-days]   (prints figures)
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _quick import sized
from mastery_validity import GUESSERS, Student, run
from sqlite_utils import Database

from bot.domain.word_status import moves_on, stalled_student
from bot.store import study as study_store

THRESHOLDS = (2, 3, 4, 5, 6)
WITHIN = 10  # school days: a non-knower should be named within two school weeks
NON_KNOWERS = (*GUESSERS, "memoriser")


@dataclass
class Watch:
    """One simulated student, day by day: answer days so far, and whether a word moved on."""

    kind: str
    answers: int = 0  # answers so far (practice too: /report counts a day with any)
    answer_days: int = 0
    first_review: int | None = None  # the answer day (1st, 2nd...) a word first moved on
    # (school day index, answer days so far, a word in review or mastered) at each day's end
    days: list[tuple[int, int, bool]] = field(default_factory=list)

    def named(self, threshold: int, within: int | None = None) -> bool:
        """Whether /report, read at the end of some school day, would name them stalled."""
        return any(
            stalled_student(answered, moved, threshold)
            for day, answered, moved in self.days
            if within is None or day < within
        )


def watcher(watches: dict[int, Watch]) -> Callable[[Database, int, list[Student]], None]:
    """What run() calls after each school day: note every student's day in `watches`."""

    def after_day(db: Database, index: int, students: list[Student]) -> None:
        for student in students:
            watch = watches.setdefault(student.id, Watch(student.kind))
            answers = db.execute(
                "SELECT count(*) FROM attempts WHERE student_id = ?", [student.id]
            ).fetchone()[0]
            if answers > watch.answers:
                watch.answers, watch.answer_days = answers, watch.answer_days + 1
            # as /report reads a word (moves_on): a review on lucky taps after more misses
            # is no move; the answers here are every graded one, practice too (the report
            # counts practice in no total: a close reading, not the same)
            moved = any(
                moves_on(state.state, state.attempts - state.misses, state.attempts)
                for state in study_store.student_mastery(db, student.id).values()
            )
            if moved and watch.first_review is None and watch.answer_days:
                watch.first_review = watch.answer_days
            watch.days.append((index, watch.answer_days, moved))

    return after_day


def main() -> None:
    per_kind = int(sys.argv[1]) if len(sys.argv) > 1 else sized(30, 2)
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else sized(9, 1)
    school_days = int(sys.argv[3]) if len(sys.argv) > 3 else sized(14, 6)
    began = time.perf_counter()
    watches: list[Watch] = []
    for seed in range(1, seeds + 1):
        seen: dict[int, Watch] = {}
        run(per_kind, seed, school_days=school_days, after_day=watcher(seen))
        watches += seen.values()
    learners = [w for w in watches if w.kind == "learner"]
    print(
        f"stalled: {per_kind} students per kind x {seeds} seeds, {school_days} school days, "
        f"{time.perf_counter() - began:.0f} s"
    )
    firsts = Counter(w.first_review for w in learners)
    print(
        f"  learners ({len(learners)}): first word in review (or mastered) on answer day: "
        + ", ".join(f"{day}: {n}" for day, n in sorted(firsts.items(), key=lambda kv: kv[0] or 99))
    )
    by3 = sum(n for day, n in firsts.items() if day is not None and day <= 3)
    print(f"  learners with a word in review by their 3rd answer day: {by3} of {len(learners)}")
    for threshold in THRESHOLDS:
        named = sum(w.named(threshold) for w in learners)
        kinds = []
        for kind in NON_KNOWERS:
            group = [w for w in watches if w.kind == kind]
            hit = sum(w.named(threshold, WITHIN) for w in group)
            kinds.append(f"{kind} {hit / len(group):.0%}" if group else f"{kind} -")
        everyone = [w for w in watches if w.kind in NON_KNOWERS]
        share = sum(w.named(threshold, WITHIN) for w in everyone) / max(len(everyone), 1)
        print(
            f"  threshold {threshold} answer days: names {named} of {len(learners)} learners; "
            f"non-knowers named within {WITHIN} school days: {share:.0%} ({', '.join(kinds)})"
        )


if __name__ == "__main__":
    main()
