"""Benchmark: how close to the graded-tap goal (>= 0.5 x a bare echo bot) Puente could get if
parts of a tap cost nothing, measured rather than argued.

bench/graded_answers.py runs as it is, then again with parts of a graded tap made free, one
more part each time:
  1. reads    an ideal cache of everything a tap reads (the student and their classes, the
              check and its items, the word's mastery state), kept up to date by hand here and
              dropped for a student whenever anything other than a tap of theirs arrives;
  2. end      also a check's end: what comes next (next_step) and "missed a known word"
              answered as constants;
  3. render   also the feedback and the next question: constant text of a typical length.
Each step is an upper bound on what a cache or a faster renderer could buy: the cache here is
free (no look-up cost, no invalidation cost) and unsafe (nothing in the product may work like
this: it trusts that only taps change a student). The figures are CPU-time ratios against the
echo bot measured right after each batch of taps, in the same process, as in graded_answers.

Run: python bench/cache_bound.py   (prints one line per step; no asserts)
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from _quick import sized  # noqa: E402  (bench/ is on the path from here on)

STEPS = ("as is", "reads", "end", "render")
RATIO = re.compile(r"graded tap / echo.*min ([\d.]+)\s+median ([\d.]+)\s+max ([\d.]+)")
FEEDBACK = "✅ <b>Right!</b> compare = comparar\n✅ <b>¡Correcto!</b> compare = comparar"
QUESTION = "<b>2/5</b> Which English word means <b>analizar</b>?"


def make_free(step: int) -> None:
    """Patch the first `step` parts of a graded tap to cost (almost) nothing, during taps."""
    from telegram.ext import Application

    import bot.services.answers as answers
    import bot.store.check_items as check_items
    import bot.store.study as study
    from bot.presentation import check_views
    from bot.presentation.i18n import Markup
    from bot.services.readiness import NextStep

    in_tap = [False]
    checks: dict[int, Any] = {}     # item id -> the check it belongs to, as last known
    states: dict[int, dict] = {}    # student id -> word id -> mastery
    learners: dict[int, Any] = {}   # student id -> Learner
    real = {name: getattr(study, name) for name in (
        "get_mastery", "save_mastery", "student_mastery")}
    real.update((name, getattr(check_items, name)) for name in (
        "read_check", "missed_known_words"))
    real_learner, real_choice = answers.learner, answers.answer_choice
    real_step, real_feedback, real_question = (answers.next_step, check_views.feedback_text,
                                               check_views.question_text)

    def read_check(db: Any, item_id: int) -> Any:
        if in_tap[0] and item_id in checks:
            return checks[item_id]
        check = real["read_check"](db, item_id)
        checks.update((row["id"], check) for row in check.rows)
        return check

    def student_mastery(db: Any, student_id: int) -> dict:
        if in_tap[0] and student_id in states:
            return states[student_id]
        found = real["student_mastery"](db, student_id)
        states[student_id] = dict(found)
        return found

    def get_mastery(db: Any, student_id: int, word_id: int) -> Any:
        if in_tap[0] and student_id in states:
            return states[student_id].get(word_id)
        return real["get_mastery"](db, student_id, word_id)

    def save_mastery(db: Any, student_id: int, word_id: int, updated: Any, now: Any,
                     **options: Any) -> None:
        real["save_mastery"](db, student_id, word_id, updated, now, **options)
        if student_id in states:
            states[student_id][word_id] = updated

    def learner(db: Any, user_id: int) -> Any:
        if in_tap[0] and user_id in learners:
            return learners[user_id]
        learners[user_id] = found = real_learner(db, user_id)
        return found

    def answer_choice(db: Any, user_id: int, item_id: int, *rest: Any, **named: Any) -> Any:
        feedback = real_choice(db, user_id, item_id, *rest, **named)
        check = checks.get(item_id)
        if check is not None:  # the answer is written: the cached check follows it
            after = check.answered(item_id, feedback.grade.correct)
            for row in check.rows:
                if feedback.reteach is not None:
                    checks.pop(row["id"], None)  # an item was added: read it again
                else:
                    checks[row["id"]] = after
        return feedback

    if step >= 1:
        check_items.read_check = read_check
        study.get_mastery, study.save_mastery = get_mastery, save_mastery
        study.student_mastery = student_mastery
        answers.learner, answers.answer_choice = learner, answer_choice
    if step >= 2:
        answers.next_step = lambda *a: NextStep(0, 0, 1) if in_tap[0] else real_step(*a)
        check_items.missed_known_words = (lambda *a: False if in_tap[0]
                                          else real["missed_known_words"](*a))
    if step >= 3:
        check_views.feedback_text = (lambda *a: Markup(FEEDBACK) if in_tap[0]  # type: ignore
                                     else real_feedback(*a))
        check_views.question_text = (lambda *a: Markup(QUESTION) if in_tap[0]  # type: ignore
                                     else real_question(*a))

    process = Application.process_update

    async def process_update(self: Application, update: Any) -> None:
        query = update.callback_query
        tap = query is not None and (query.data or "").startswith("an:")
        if not tap:  # a poll vote, a typed answer, a new check: this student's copy is stale
            user = update.effective_user.id if update.effective_user else None
            states.pop(user, None)
            learners.pop(user, None)
            for item_id in [i for i, c in checks.items() if c.rows[0]["student_id"] == user]:
                del checks[item_id]
        in_tap[0] = tap
        try:
            await process(self, update)
        finally:
            in_tap[0] = False

    Application.process_update = process_update  # type: ignore[method-assign]


def run_step(step: int) -> None:
    """One run of graded_answers with the first `step` parts free (a child process)."""
    make_free(step)
    import graded_answers

    graded_answers.REPEATS = sized(int(os.environ.get("PUENTE_BOUND_REPEATS", "3")), 1)
    asyncio.run(graded_answers.main())


def main() -> None:
    print(f"graded tap / echo, CPU time, min / median / max over "
          f"{os.environ.get('PUENTE_BOUND_REPEATS', '3')} classes x 5 checks (goal >= 0.50)")
    for step, name in enumerate(STEPS):
        done = subprocess.run([sys.executable, __file__, str(step)], capture_output=True,
                              text=True, check=True)
        found = RATIO.search(done.stdout)
        figures = [float(x) for x in found.groups()] if found else []
        if not figures:
            sys.exit(f"no ratio in the output of step {name!r}:\n{done.stdout}{done.stderr}")
        label = name if step == 0 else " + ".join(STEPS[1:step + 1]) + " free"
        print(f"{label:32} min {figures[0]:.2f}  median {figures[1]:.2f}  "
              f"max {figures[2]:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run_step(int(sys.argv[1]))
    else:
        main()
