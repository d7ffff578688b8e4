"""The record of erasures that outlives a restored backup.

Each erasure (erase.erase_person) writes a keyed hash of the Telegram id and the moment into
the `erasures` table and, once committed, into a ledger file beside the store. Restoring a
backup replaces the store, table included, but neither the ledger nor the key: the next
`puente db migrate` or `puente run` finds the people the backup brought back (rows made
before their erasure) and erases them again (erase.reapply_erasures). The key is a file
beside the store, never inside it, so a copy of the store alone cannot be matched against a
list of Telegram ids. An in-memory store (tests, the demo) keeps no record: nothing restores
over it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import weakref
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from bot.store.clock import stamp

KEY_SUFFIX = ".erasure-key"
LEDGER_SUFFIX = ".erasures"

Mark = tuple[int, int]  # a ledger's size and time of change (ledger_mark)

# Per connection, the ledger's mark before and after each append it made itself (mirror): a
# reader of that connection (services.scripts.ScriptBook) told of its erasures already tells
# them from another process's (`puente student delete`), which change the ledger too.
_OWN_APPENDS: weakref.WeakKeyDictionary[Database, dict[Mark | None, Mark]] = \
    weakref.WeakKeyDictionary()
_OWN_KEPT = 32  # appends remembered a connection: a reader looks at the ledger every update


def store_file(db: Database) -> Path | None:
    """The file the store lives in (None in memory)."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main":
            return Path(row[2]) if row[2] else None
    return None


def key_path(store: Path) -> Path:
    """Where the key of a store's erasure hashes lives (beside it, readable by Puente only)."""
    return store.with_name(store.name + KEY_SUFFIX)


def ledger_path(store: Path) -> Path:
    """Where the copy of the erasure record a restore does not replace lives."""
    return store.with_name(store.name + LEDGER_SUFFIX)


def ledger_mark(store: Path | None) -> Mark | None:
    """What the ledger looks like now (its size and time of change; None: none yet): another
    process's erasure (`puente student delete`) changes it, and a running bot notices."""
    if store is None:
        return None
    try:
        found = ledger_path(store).stat()
    except FileNotFoundError:
        return None
    return found.st_size, found.st_mtime_ns


def _write_private(path: Path, text: str, *, append: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_EXCL)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "a" if append else "w", encoding="utf-8") as fh:
        fh.write(text)


def _key(store: Path, *, create: bool) -> bytes | None:
    path = key_path(store)
    if not path.exists():
        if not create:
            return None
        # another process may have made it first: use theirs
        with contextlib.suppress(FileExistsError):
            _write_private(path, secrets.token_hex(32) + "\n", append=False)
    return path.read_text(encoding="utf-8").strip().encode()


def person_hash(key: bytes, telegram_id: int) -> str:
    """The keyed hash that stands for a Telegram id in the record."""
    return hmac.new(key, str(telegram_id).encode(), hashlib.sha256).hexdigest()


def record(db: Database, telegram_id: int, now: datetime) -> None:
    """Note an erasure in the table (inside the erasing transaction); `mirror` copies it to
    the ledger once committed."""
    store = store_file(db)
    if store is None:
        return
    key = _key(store, create=True)
    assert key is not None
    db.execute("INSERT INTO erasures (telegram_id_hash, erased_at) VALUES (?, ?) "
               "ON CONFLICT (telegram_id_hash) DO UPDATE SET erased_at = "
               "max(erased_at, excluded.erased_at)", [person_hash(key, telegram_id), stamp(now)])


def _ledger(store: Path) -> dict[str, str]:
    path = ledger_path(store)
    if not path.exists():
        return {}
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, when = line.partition(" ")
        if digest and when:
            found[digest] = max(when, found.get(digest, when))
    return found


def mirror(db: Database) -> None:
    """Append to the ledger file every erasure of the table it lacks (after the commit)."""
    store = store_file(db)
    if store is None:
        return
    kept = _ledger(store)
    rows = db.execute("SELECT telegram_id_hash, erased_at FROM erasures").fetchall()
    new = [f"{digest} {when}\n" for digest, when in rows if kept.get(digest, "") < when]
    if new:
        text = "".join(new)
        before = ledger_mark(store)
        _write_private(ledger_path(store), text, append=True)
        after = ledger_mark(store)
        # its own append alone (another process's landing in between grows it more)
        if after is not None and after[0] == (before[0] if before else 0) + len(text.encode()):
            appends = _OWN_APPENDS.setdefault(db, {})
            appends[before] = after
            while len(appends) > _OWN_KEPT:
                del appends[next(iter(appends))]


def changed_by_others(db: Database, since: Mark | None, now: Mark | None) -> bool:
    """Whether the ledger went from mark `since` to `now` by more than this connection's own
    appends (mirror): another process erased someone."""
    appends = _OWN_APPENDS.get(db, {})
    seen: set[Mark | None] = set()
    while since != now and since in appends and since not in seen:
        seen.add(since)
        since = appends[since]
    return since != now


def restore_record(db: Database) -> None:
    """Put back into the table the erasures the ledger holds (a restored backup lacks them)."""
    store = store_file(db)
    if store is None:
        return
    for digest, when in _ledger(store).items():
        db.execute("INSERT INTO erasures (telegram_id_hash, erased_at) VALUES (?, ?) "
                   "ON CONFLICT (telegram_id_hash) DO UPDATE SET erased_at = "
                   "max(erased_at, excluded.erased_at)", [digest, when])


# Everyone the store names, with when their row was made: someone who came back after their
# erasure (a new /start, a new family link) is a new start and stays.
_PEOPLE = ("SELECT id, created_at FROM students UNION ALL "
           "SELECT id, created_at FROM teachers UNION ALL "
           "SELECT telegram_id, linked_at FROM families")


def brought_back(db: Database) -> list[int]:
    """The Telegram ids in the store that the record says were erased after their rows were
    made: a restored backup brought them back."""
    store = store_file(db)
    key = _key(store, create=False) if store is not None else None
    if key is None:
        return []
    erased = dict(db.execute("SELECT telegram_id_hash, erased_at FROM erasures").fetchall())
    if not erased:
        return []
    found: set[int] = set()
    for telegram_id, made in db.execute(_PEOPLE).fetchall():
        when = erased.get(person_hash(key, telegram_id))
        if when is not None and made <= when:
            found.add(telegram_id)
    return sorted(found)
