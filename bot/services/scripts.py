"""The script of Chinese each person reads: read from a Traditional phone for each update,
kept once its person is someone Puente keeps (a student, a family member, a teacher), chosen
by her tap on "繁體中文" or "简体中文", kept in memory for every message sent to her (the bot
converts each as it leaves: bot/delivery/scripted_bot.py). A stranger's phone, a deleted
person's writing again included, is read for her update only: nothing is kept of her."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain import chinese_script
from bot.store import erasures, scripts


@dataclass(frozen=True)
class _Reader:
    """Who sent the update being handled, and the script she read as it began."""

    user_id: int
    script: str | None  # kept, else her phone's (None: a phone in another language)
    unkept: bool  # a Traditional phone's script Puente has not kept (a stranger, or new)


# Set before every handler for the update's sender (handlers/everyone.py): her replies are in
# her phone's script before anything is kept, and in the one she read after her deletion.
_READER: ContextVar[_Reader | None] = ContextVar("chinese_reader", default=None)


class ScriptBook:
    """Who reads which script of Chinese, read from the store once and kept in step with it:
    looking one up costs no SQL (a graded tap's reply is converted too). A row this process
    deletes leaves memory at once (store.scripts.watch_forgotten); one another process
    deletes (`puente student delete`) leaves it at the next update, when the erasure ledger
    beside the store shows a change this connection did not make (a file's size, no SQL)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._store = erasures.store_file(db)
        self._ledger = erasures.ledger_mark(self._store)
        self._known: dict[int, str] = {}
        scripts.watch_forgotten(db, self._forgotten)  # never raises: an erasure must not fail
        scripts.forget_nobodys(db)
        self._known = scripts.all_scripts(db)

    def script(self, user_id: int) -> str | None:
        """The script this person reads (None: none noted, so Simplified): kept, else for
        the update's sender, her phone's as it began."""
        known = self._known.get(user_id)
        if known is not None:
            return known
        reader = _READER.get()
        return reader.script if reader is not None and reader.user_id == user_id else None

    def in_use(self) -> frozenset[str]:
        """The scripts someone reads (what `puente run` loads at start-up)."""
        return frozenset(self._known.values())

    def reading(self, user_id: int, language: str | None) -> str | None:
        """The language button that names what she reads: "zh-Hant" or "zh-Hans" for a
        Chinese reader (marked ✓ in her menu), else `language` itself."""
        if language != "zh":
            return language
        return chinese_script.button_code(self.script(user_id))

    def traditional(self, user_id: int) -> bool:
        """Whether she reads Traditional (kept, or her phone's for this update)."""
        return chinese_script.is_traditional(self.script(user_id))

    def first_button(self, user_id: int) -> str:
        """The Chinese button a language menu puts first for her: the script she reads
        ("繁體中文" for a Hong Kong or Taiwan phone), else "简体中文"."""
        return chinese_script.button_code(self.script(user_id))

    def note_phone(self, user_id: int, phone: str | None) -> None:
        """Before each update: note its sender and the script she reads as it begins (kept,
        else her phone's), after dropping anyone another process erased. Nothing is stored
        here: see end_update."""
        self._follow_erasures()
        known = self._known.get(user_id)
        script = known if known is not None else chinese_script.from_phone(phone)
        _READER.set(_Reader(user_id, script, known is None
                            and chinese_script.is_traditional(script)))

    def end_update(self, user_id: int) -> bool:
        """After each update: keep a Traditional phone's script once she is someone Puente
        keeps (her /start joined her, her link linked her), so Friday's family update is in
        her script too (one statement, only for a Traditional phone not kept yet); then
        forget the update's sender. Whether it was kept now (her command menu, set before in
        Simplified, is to be redone: once)."""
        reader = _READER.get()
        _READER.set(None)
        if reader is None or reader.user_id != user_id or not reader.unkept \
                or user_id in self._known or reader.script is None:
            return False
        return self._keep(user_id, reader.script)

    def choose(self, user_id: int, code: str) -> bool:
        """Keep the script a language button's `code` chooses ("zh-Hant", "zh-Hans"); False
        for a button that chooses none (another language, or a plain "zh")."""
        tapped = chinese_script.script_of(code)
        if tapped is None:
            return False
        self._keep(user_id, chinese_script.chosen(tapped, self.script(user_id)))
        return True

    def _keep(self, user_id: int, script: str) -> bool:
        # a tap on an old menu by someone since deleted stores nothing either
        if not scripts.keep_for_someone(self._db, user_id, script):
            return False
        self._known[user_id] = script
        return True

    def _forgotten(self, user_id: int) -> None:
        self._known.pop(user_id, None)

    def _follow_erasures(self) -> None:
        """Read the store again when another process erased someone since. This process's
        own erasures left memory already (_forgotten): re-reading after a /deleteme cost the
        next update, a graded answer too, one statement more (11, over its 10)."""
        mark = erasures.ledger_mark(self._store)
        if mark == self._ledger:
            return
        others = erasures.changed_by_others(self._db, self._ledger, mark)
        self._ledger = mark
        if others:
            self._known = scripts.all_scripts(self._db)
