"""Whether text typed while answer buttons wait is a go at the answer, or something said."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.language import letter_scripts

EXTRA_WORDS = 1  # "the habitat" for "habitat": a word more than the longest option still tries


def tries_an_answer(text: str, options: Sequence[str]) -> bool:
    """Whether `text`, typed at a button question, looks like a go at one of its `options`
    ("extint", "3", "hello there") rather than a message ("你好" or "我不会英语" under English
    options, or a sentence): a message may be for the teacher, an attempt only needs the
    buttons. Letters in a script no option is written in, or more words than any option
    has, say something else."""
    scripts = letter_scripts(text)
    if not scripts:  # "3", "?!": no words, nothing to tell a teacher
        return True
    shown = frozenset().union(*(letter_scripts(option) for option in options))
    if not scripts <= shown:
        return False
    longest = max((len(option.split()) for option in options), default=1)
    return len(text.split()) <= longest + EXTRA_WORDS
