"""Ready-made replies: a few short answers Puente has written, by people, in every language it
speaks, for a teacher whose answer no model can translate into the family's language (a
Somali grandfather cannot read the English). Each is a prompt key; the order is the buttons'."""

from __future__ import annotations

# "sick" first: a child home sick is the most common family message (playtest)
READY_REPLIES = ("sick", "call", "daily", "interpreter", "well", "school", "meet", "home")
# Replies with a day and time, chosen with the ready-made announcements' day and time buttons
# (both parents asked to meet; "Thursday at 3pm" went in English, playtest)
WITH_WHEN = frozenset({"meet"})


def ready_key(reply: str) -> str:
    """The prompt key of one ready-made reply ("call" -> "ready-call")."""
    return f"ready-{reply}"
