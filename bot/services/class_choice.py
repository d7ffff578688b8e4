"""A teacher's command that needs a class and came without one ("/report" from a teacher of
two classes): which commands a tap on a class can finish, and the command it finishes them
into. The pending command is held by the caller (in memory, minutes); every class a tap
names is checked here as the teacher's."""

from __future__ import annotations

from sqlite_utils import Database

from bot.services.pushes import parse_push
from bot.services.teaching import teacher_classes
from bot.store.people import ClassInfo

# Commands whose class name comes last ("/report Science 7B"), and /push, whose class comes
# after "to", before "at HH:MM"
TRAILING = frozenset({"report", "roster", "families", "revoke", "coteach"})
PUSH = "push"
ANNOUNCE = "announce"  # its class comes first: "/announce Science 7B" (then its menu)


def command_of(text: str | None) -> str | None:
    """The command a message starts with, when a class tap can finish it ("/report@Bot x":
    "report"); None for anything else."""
    if not text or not text.startswith("/"):
        return None
    command = text.split(maxsplit=1)[0][1:].split("@", 1)[0].casefold()
    return command if command in TRAILING or command in (PUSH, ANNOUNCE) else None


def with_class(text: str, class_name: str) -> str:
    """The command as if the teacher had typed the class too: "/report" + Science 7B is
    "/report Science 7B"; "/push science.ecosystems ecosystem at 8:00" is "/push
    science.ecosystems ecosystem to Science 7B at 8:00"."""
    command, _, rest = text.partition(" ")
    if command_of(text) == ANNOUNCE:
        return " ".join([command, class_name, rest.strip()]).strip()
    if command_of(text) != PUSH:
        return " ".join([command, rest.strip(), class_name]).replace("  ", " ")
    pack, words, _, at = parse_push(rest.split())
    return " ".join([command, pack, *words, "to", class_name, *(["at", at] if at else [])])


def teacher_class(db: Database, teacher_id: int, class_id: int) -> ClassInfo | None:
    """The teacher's class with this id (None: not theirs, or gone: a forged or old tap)."""
    return next((c for c in teacher_classes(db, teacher_id) if c.id == class_id), None)
