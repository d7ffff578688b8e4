"""A student who says "I don't know" at most questions to write the word: what /report and
/student tell the teacher.

🤷 (or a typed "no sé", "je sais pas") is a miss for mastery, as any wrong answer is, and it
stays one: nothing here changes a word's status. But a teacher reads the misses to decide
what to reteach, and a child who taps 🤷 at every question to write the word while choosing
the words right is not one who tries to write them and fails (playtest, Diego, level 5: 🆘
"coefficient: correct 0 of 4" and five such words, every miss a 🤷 in 4 seconds; a teacher
would have retaught five meanings). Saying "I don't know" is what placement taught her to do
instead of guessing, so the line is never a reproach: it names the pattern, with her choices
beside it, and the one thing that tells the causes apart (writing a word together: the
meaning, the spelling or the keyboard). docs/reports.md, "🤷 I don't know".
"""

from __future__ import annotations

from dataclasses import dataclass

# 🤷 at questions to write the word before a teacher reads the pattern: one or two are any
# child's honest gaps, three among few typed answers is a habit worth a word
SKIP_MIN = 3


@dataclass(frozen=True)
class TypedSkips:
    """A student's counted answers among her latest (practice left out, as every report
    count): the questions to write the word (typed, or spelled with letter tiles) and the 🤷
    among them; the questions to choose the word's meaning among options (listening left
    out: it is recognition of the spoken word) and the right ones among them."""

    typed: int
    dont_know: int
    chosen: int = 0
    chosen_right: int = 0

    @property
    def skips_typed(self) -> bool:
        """Mostly 🤷 at questions to write the word: SKIP_MIN or more, and more than half of
        those answered."""
        return self.dont_know >= SKIP_MIN and self.dont_know * 2 > self.typed
