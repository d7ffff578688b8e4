"""Ready-made replies: a few short answers Puente has written, by people, in every language it
speaks, for a teacher whose answer no model can translate into the writer's language (a
Somali grandfather cannot read the English; nor can a WIDA-1 student). Each is a prompt key;
the order is the buttons'."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.sick_words import says_sick

# "sick" first: a child home sick is the most common family message (playtest)
SICK = "sick"
READY_REPLIES = (SICK, "call", "daily", "interpreter", "well", "school", "meet", "home")
# A teacher answering a student: a newcomer's "I'm tired, I don't understand" in Somali got an
# English answer she could not read (playtest). Offered under every student message: a
# one-tap kind answer in the student's language helps even where a model exists.
STUDENT_READY_REPLIES = ("thanks", "tomorrow", "notyet", "seeme", "great")
# The ones a teacher may send first, from /families, to a family no model translates for:
# none answers a message ("thank you for your message", "feels better soon"), none needs a
# day. A teacher's first note to a Haitian mother went in English she could not read, though
# "Widline is doing well" and "please ask her to open Puente every day" were what it said
# (playtest).
FIRST_MESSAGES = ("well", "daily", "home", "school", "interpreter")
# Replies with a day and time, chosen with the ready-made announcements' day and time buttons
# (both parents asked to meet; "Thursday at 3pm" went in English, playtest)
WITH_WHEN = frozenset({"meet"})
# The replies a teacher may record in a language no voice speaks (/record replies), families'
# first. Not one with a day and time: its day and time are what the family must hear, and a
# voice saying "come to meet me on ___ at ___" would sound complete without them.
RECORDABLE = tuple(r for r in (*READY_REPLIES, *STUDENT_READY_REPLIES) if r not in WITH_WHEN)


def ready_key(reply: str) -> str:
    """The prompt key of one ready-made reply ("call" -> "ready-call", "great" ->
    "ready-student-great")."""
    return f"ready-student-{reply}" if reply in STUDENT_READY_REPLIES else f"ready-{reply}"


def replies_for(student: bool) -> tuple[str, ...]:
    """The ready-made replies offered under a student's message, else a family member's."""
    return STUDENT_READY_REPLIES if student else READY_REPLIES


def family_replies(text: str, language: str, first: Sequence[str] = ()) -> tuple[str, ...]:
    """The ready-made replies under a family member's message (written `text`, "" for a voice
    note, whose words nobody read), those in `first` on top: "I hope Davi feels better soon"
    only when the message says the child is sick (or is unheard): it topped the list under
    "how is Davi doing?" (playtest)."""
    return offered_replies(not text.strip() or says_sick(text, language), first)


def offered_replies(sick: bool, first: Sequence[str] = ()) -> tuple[str, ...]:
    """The family ready-made replies, those in `first` on top, "I hope … feels better soon"
    only where the message said the child is sick (`sick`) or a note in `first` answers so."""
    sick = sick or SICK in first
    return tuple(reply for reply in (*first, *(r for r in READY_REPLIES if r not in first))
                 if sick or reply != SICK)
