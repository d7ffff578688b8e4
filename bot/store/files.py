"""The store as a file: its folder, its integrity, one runner at a time, and consistent backups."""

from __future__ import annotations

import os
import sqlite3
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from bot.domain.errors import PuenteError

RESTORE_HINT = "see 'Restore a backup' in docs/operations.md"


class StoreError(PuenteError):
    """The store file cannot be used as asked; the message names the file and the fix."""

    prompt_key = "error-generic"  # raised to the CLI only, which prints the message


class DamagedStoreError(StoreError):
    """The store file fails SQLite's integrity check, or is not a database at all."""


class StoreBusyError(StoreError):
    """Another puente process holds the store's lock."""


STORE_SETTING = "change [store] path / $PUENTE_STORE_PATH"


def check_folder(path: Path, what: str = "the store's folder", fix: str = STORE_SETTING
                 ) -> None:
    """Raise unless the folder that holds (or will hold) `path` exists."""
    folder = path.absolute().parent
    if not folder.is_dir():
        raise StoreError(f"{what} {folder} does not exist: create it (mkdir -p {folder}) "
                         f"or {fix}")


PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700  # children's names: this user only


def create_private(path: Path) -> bool:
    """Create `path` empty, readable by this user only, unless it exists; True if created.

    SQLite gives a store's -wal and -shm (and a journal) the mode of the store file itself,
    so a store created here keeps all of them private whatever the umask says."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    except FileExistsError:
        return False
    return True


def refuse_existing(paths: Iterable[Path | None], overwrite: bool) -> None:
    """Raise unless every file about to be written is new, or `overwrite` (--force) says so.

    Checked before anything is written: a report whose PNG is refused leaves its CSV unwritten
    too, rather than half the files replaced."""
    if overwrite:
        return
    for path in paths:
        if path is not None and (path.exists() or path.is_symlink()):
            raise FileRefusedError(f"{path}: File exists (give a new file name, or add --force "
                                   "to write over it)")


class FileRefusedError(StoreError):
    """A file the command would write already exists, and --force was not given."""


def write_private(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to `path` (a report a person asked for), readable by this user only.

    Never over an existing file unless `overwrite` (a QA playtest lost keep.txt to
    `report --csv keep.txt`); a file written over becomes private too."""
    flags = os.O_CREAT | os.O_WRONLY | (os.O_TRUNC if overwrite else os.O_EXCL)
    fd = os.open(path, flags, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as fh:
        os.fchmod(fh.fileno(), PRIVATE_FILE)
        fh.write(data)


def _connect(path: Path) -> sqlite3.Connection:
    """Open an existing database file read-write without ever creating one."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=10)


def require_store(path: Path) -> None:
    """Raise unless a store exists at `path` (commands that read it must not create one)."""
    if not path.is_file():
        raise StoreError(f"no store at {path.absolute()} (check [store] path / "
                         "$PUENTE_STORE_PATH, or run `puente db migrate` to create it)")
    refuse_non_store(path)


SQLITE_HEADER = b"SQLite format 3\x00"


def refuse_non_store(path: Path) -> None:
    """Raise when `path` is plainly some other file than a store, e.g. config.toml.

    A setting pointing at the wrong file is not damage: "copy your latest backup to
    config.toml" (the advice for a damaged store) would destroy the config file too. Bytes
    that are neither a database nor a document (a mangled store) stay "damaged"."""
    try:
        with path.open("rb") as fh:
            head = fh.read(MAX_SNIFF)
    except OSError:
        return  # unreadable: the open that follows says why
    if not head or head.startswith(SQLITE_HEADER):  # empty: a store SQLite has yet to write
        return
    kind = _document_kind(path, head)
    if kind:
        raise StoreError(f"{path} is not a Puente store: it is {kind}, not an SQLite "
                         "database; point [store] path / $PUENTE_STORE_PATH at the store "
                         "(e.g. puente.db), and leave this file as it is")


MAX_SNIFF = 64 * 1024
DOCUMENTS = frozenset({".toml", ".txt", ".csv", ".json", ".ini", ".yaml", ".yml", ".md",
                       ".png", ".pdf", ".py", ".sh", ".log", ".argosmodel"})


def _document_kind(path: Path, head: bytes) -> str:
    """What `path` is when it is a document rather than a store ("" when it may be a store)."""
    if path.suffix.lower() in DOCUMENTS:
        return f"a {path.suffix.lower()} file"
    try:
        parsed = tomllib.loads(head.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    return "a TOML file (a config or pack file?)" if parsed else ""


def check_integrity(path: Path) -> None:
    """Raise DamagedStoreError unless `path` (when it exists) passes PRAGMA quick_check."""
    if not path.exists():
        return  # a new store: open_store creates it
    if path.is_file():
        refuse_non_store(path)
    try:
        conn = _connect(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:  # cannot open, read-only, busy: not damage
        raise StoreError(f"cannot open the store {path} ({exc}): check that this user may "
                         "read and write it and its folder") from exc
    except sqlite3.DatabaseError as exc:  # not a database, or corrupt
        raise DamagedStoreError(_damaged(path, str(exc))) from exc
    if rows != [("ok",)]:
        raise DamagedStoreError(_damaged(path, str(rows[0][0])))


def _damaged(path: Path, detail: str) -> str:
    # quick_check reports "*** in database main ***", then each bad cell, on lines of their
    # own (hundreds of them): the error stays one line, with the first fault found.
    faults = [line.strip() for line in detail.splitlines()
              if line.strip() and not line.startswith("***")]
    detail = faults[0] if faults else detail.strip()
    return (f"the store {path} is damaged ({detail}); stop puente, move the file aside and "
            f"copy your latest backup to {path} ({RESTORE_HINT})")


CLEAN_STOP = "stopped cleanly"


class StoreLock:
    """An exclusive lock on `<store>.lock`, held while one puente runs on the store.

    The operating system releases it when the process ends, however it ends, so a crash never
    leaves a stale lock; the file itself stays (deleting it would race with the next holder).
    It says who holds the lock or, once a holder has closed the store and called
    `stopped_cleanly`, what the store file looked like then.
    """

    def __init__(self, store: Path) -> None:
        self.store = store
        self.path = store.with_name(store.name + ".lock")
        self._file: IO[str] | None = None
        self.unchanged_since_clean_stop = False  # known once the lock is taken

    def acquire(self) -> None:
        """Take the lock, or raise StoreBusyError when another process has it."""
        check_folder(self.store)
        handle = self.path.open("a+", encoding="utf-8")
        try:
            _lock(handle)
        except OSError as exc:
            handle.close()
            raise StoreBusyError(f"another puente is already running on {self.store} "
                                 f"(stop it first; it holds {self.path})") from exc
        handle.seek(0)
        self.unchanged_since_clean_stop = handle.read().strip() == self._clean_stop_line()
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")  # for a person wondering who holds it
        handle.flush()
        self._file = handle

    def stopped_cleanly(self) -> None:
        """Record, after closing the store, that it was left whole: the next start may trust a
        store file that has not changed since (same size, time and inode, no -wal beside it)."""
        if self._file is not None:
            self._file.seek(0)
            self._file.truncate()
            self._file.write(f"{self._clean_stop_line()}\n")
            self._file.flush()

    def _clean_stop_line(self) -> str:
        wal = self.store.with_name(self.store.name + "-wal")
        try:
            if wal.exists() and wal.stat().st_size:  # committed pages not yet in the file
                return "unknown"
            found = self.store.stat()
        except OSError:
            return "unknown"
        return f"{CLEAN_STOP}: {found.st_size} {found.st_mtime_ns} {found.st_ino}"

    def release(self) -> None:
        """Let the next puente in."""
        if self._file is not None:
            _unlock(self._file)
            self._file.close()
            self._file = None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@dataclass(frozen=True)
class Backup:
    """What `backup` wrote."""

    path: Path
    size: int
    tables: int


def backup(store: Path, target: Path | str, now: datetime, *, make_folder: bool = False
           ) -> Backup:
    """Copy the store with SQLite's online backup API (safe while puente runs) to `target`.

    A folder as `target` (one that exists, or a path ending in a slash) gets a file inside it
    named for `now`, in this machine's time zone; `make_folder` creates a missing one, for
    this user only. The copy is a self-contained file (no -wal beside it), readable by this
    user only, that passed quick_check; it appears under its name only when complete.
    """
    require_store(store)
    raw = str(target)
    target = Path(target)  # Path drops a trailing slash: `raw` remembers it
    if raw.endswith(("/", os.sep)) and not target.is_dir():
        if not make_folder:
            # Written as a file named like the folder, tomorrow's run would fail "exists".
            raise StoreError(f"the backup folder {target.absolute()} does not exist: create it "
                             f"(mkdir -m 700 -p {target.absolute()}) or add --mkdir")
        target.mkdir(mode=PRIVATE_FOLDER, parents=True)
    if target.is_dir():
        target = target / f"{store.stem}-{now.astimezone():%Y%m%d-%H%M%S}{store.suffix or '.db'}"
    check_folder(target, "the backup folder", "give a folder that exists")
    if target.exists():
        raise StoreError(f"{target} already exists; give a new file name or a folder")
    if target.resolve() == store.resolve():
        raise StoreError(f"{target} is the store itself; give another file name")
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)  # left by a backup killed half-way
    create_private(partial)
    try:
        source = _connect(store)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one file, nothing beside it
            verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
            tables = copy.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            copy.close()
            source.close()
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise DamagedStoreError(_damaged(store, str(exc))) from exc
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise DamagedStoreError(_damaged(store, verdict))
    partial.replace(target)
    return Backup(target, target.stat().st_size, tables)
