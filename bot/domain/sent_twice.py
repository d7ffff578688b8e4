"""A typed answer that arrives twice (send tapped twice, or a phone resending on a weak
network): the copy is set aside, never graded against the question its first copy opened.

The rule (why each part):
- The same student and the same text: a copy carries what she sent (its case and spacing are
  ignored, as grading ignores them), and only her own messages can be copies of hers.
- Her last graded answer moved her to a new question, and that question is still the open one:
  only then can a copy do harm (a miss she never made on a question she never read, and that
  question skipped). If she answered something else in between, the text is no copy of the
  answer before. If that answer ended the check and none is open yet, a copy is set aside too
  (as any text it would be read as a message Puente cannot answer, offered to the teacher).
- It arrives less than COPY_WINDOW after Puente graded the first copy, on Puente's own clock.
  The next question is sent at that moment, so an answer to it can only come after she has
  read it and typed: seconds later. Puente's clock, not the message's Telegram date: the gap
  that matters is between the next question going out and her text coming in (a copy queued
  behind a slow first answer is still a copy), and one clock has no skew to allow for.
- Unless the text is the right answer to the open question: she may be that quick, and a right
  answer is never turned away (a copy that happens to answer the new question right is rare:
  it needs her first text to be the new question's word).
- The same Telegram message id as the graded one is the same message delivered again (a
  webhook retried): set aside at any gap while its question is still open.

A spelling fix is set aside too (`is_correction`): the word of the question her last answer
was graded right on with a forgiven slip ("populaton": "✅ Right! Check the spelling:
population."), sent while the question that answer opened is still open and less than
CORRECTION_WINDOW after. She did as told and fixed the spelling; graded against the next
question it was a miss on a question she had not read (playtest: "Not quite. The answer is
community"). A right answer to the open question is still never turned away, and later the
same word is a guess, graded. After a miss that showed the word, the word sent again stays
graded: it may be her guess at the next question, having just learned it.

The memory is per process and small (one entry per student, the oldest dropped beyond
`max_students`): a restart forgets it, which costs at most one copy graded as before. It keeps
a short hash of the text, never the text itself. No SQL is spent on any of this.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.domain.cognates import fold

# A double tap or a client's resend comes within a second or two; a child reading the next
# question and typing its answer takes longer than this. A genuine answer set aside by mistake
# only waits to be sent again (she is told), while a copy graded is a miss in her teacher's data.
COPY_WINDOW = timedelta(seconds=4)
# A correction comes once she has read her feedback and retyped the word: seconds, rarely a
# minute. Set aside by mistake, a real guess only waits to be sent again (she is told).
CORRECTION_WINDOW = timedelta(seconds=60)


def text_key(text: str) -> bytes:
    """A short hash standing for a typed text, the same however its spaces and case fall."""
    folded = fold(" ".join(text.split()))
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest()


@dataclass(frozen=True)
class _Graded:
    """A student's last graded typed answer: which message, what it said, when it was graded,
    and the question grading it opened."""

    message_id: int | None
    text: bytes
    at: datetime
    opened: int | None  # None: it ended the check
    # the graded question's right answer (text_key) when hers was right with a slip: a fix
    answer: bytes | None = None


@dataclass
class SentTwiceGuard:
    """Remembers each student's last graded typed answer, to tell a copy of it from an answer
    (module docstring). Pure: `now` is passed in."""

    window: timedelta = COPY_WINDOW
    max_students: int = 2048  # a whole school answering at once; an entry matters for seconds
    _last: OrderedDict[int, _Graded] = field(default_factory=OrderedDict, repr=False)

    def is_copy(self, student_id: int, text: str, open_item: int | None, now: datetime, *,
                message_id: int | None = None, answers_it: bool = False) -> bool:
        """Whether `text` is a copy of her last graded answer (`open_item`: the question open
        now, None when none is; `answers_it`: `text` is its right answer)."""
        last = self._last.get(student_id)
        if last is None or last.opened != open_item:
            return False
        if message_id is not None and message_id == last.message_id:
            return True  # the very message again, however late
        if answers_it or last.text != text_key(text):
            return False
        return timedelta(0) <= now - last.at < self.window

    def is_correction(self, student_id: int, text: str, open_item: int | None,
                      now: datetime, *, answers_it: bool = False) -> bool:
        """Whether `text` is the word her last graded answer misspelled, sent as a fix of it
        while the question that answer opened is still `open_item` (module docstring)."""
        last = self._last.get(student_id)
        if last is None or last.opened is None or last.opened != open_item or answers_it:
            return False
        if last.answer is None or last.answer != text_key(text):
            return False
        return timedelta(0) <= now - last.at < CORRECTION_WINDOW

    def graded(self, student_id: int, text: str, opened: int | None, now: datetime, *,
               message_id: int | None = None, answer: str | None = None) -> None:
        """Remember a graded typed answer, the question it opened (None: it ended the
        check) and, when hers was right with a slip, the graded question's `answer`."""
        self._last.pop(student_id, None)  # (re-inserted last: the newest)
        self._last[student_id] = _Graded(message_id, text_key(text), now, opened,
                                         None if answer is None else text_key(answer))
        while len(self._last) > self.max_students:
            self._last.popitem(last=False)  # the longest ago: long past any window
