"""Ready-made replies: a few short answers Puente has written, by people, in every language it
speaks, for a teacher whose answer no model can translate into the writer's language (a
Somali grandfather cannot read the English; nor can a WIDA-1 student). Each is a prompt key;
the order is the buttons'."""

from __future__ import annotations

# "sick" first: a child home sick is the most common family message (playtest)
READY_REPLIES = ("sick", "call", "daily", "interpreter", "well", "school", "meet", "home")
# A teacher answering a student: a newcomer's "I'm tired, I don't understand" in Somali got an
# English answer she could not read (playtest). Offered under every student message: a
# one-tap kind answer in the student's language helps even where a model exists.
STUDENT_READY_REPLIES = ("thanks", "tomorrow", "notyet", "seeme", "great")
# Replies with a day and time, chosen with the ready-made announcements' day and time buttons
# (both parents asked to meet; "Thursday at 3pm" went in English, playtest)
WITH_WHEN = frozenset({"meet"})


def ready_key(reply: str) -> str:
    """The prompt key of one ready-made reply ("call" -> "ready-call", "great" ->
    "ready-student-great")."""
    return f"ready-student-{reply}" if reply in STUDENT_READY_REPLIES else f"ready-{reply}"


def replies_for(student: bool) -> tuple[str, ...]:
    """The ready-made replies offered under a student's message, else a family member's."""
    return STUDENT_READY_REPLIES if student else READY_REPLIES
