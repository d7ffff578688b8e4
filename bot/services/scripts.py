"""The script of Chinese each person reads: noted from a Traditional phone the first time she
writes, chosen by her tap on "繁體中文" or "简体中文", kept in memory for every message sent
to her (the bot converts each as it leaves: bot/delivery/scripted_bot.py)."""

from __future__ import annotations

from sqlite_utils import Database

from bot.domain import chinese_script
from bot.store import scripts


class ScriptBook:
    """Who reads which script of Chinese, read from the store once and kept in step with it:
    looking one up costs no SQL (a graded tap's reply is converted too)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._known = scripts.all_scripts(db)

    def script(self, user_id: int) -> str | None:
        """The script this person reads (None: none noted, so Simplified)."""
        return self._known.get(user_id)

    def in_use(self) -> frozenset[str]:
        """The scripts someone reads (what `puente run` loads at start-up)."""
        return frozenset(self._known.values())

    def reading(self, user_id: int, language: str | None) -> str | None:
        """The language button that names what she reads: "zh-Hant" or "zh-Hans" for a
        Chinese reader (marked ✓ in her menu), else `language` itself."""
        if language != "zh":
            return language
        return chinese_script.button_code(self.script(user_id))

    def note_phone(self, user_id: int, phone: str | None) -> None:
        """Note a Traditional phone's script (zh-TW, zh-Hant, zh-HK) for someone Puente
        knows no script of: the first message she sends, whatever it is, so a family update
        sent on Friday is in her script too. A Simplified phone needs no row (the default)."""
        if user_id in self._known:
            return
        script = chinese_script.from_phone(phone)
        if script is not None and chinese_script.is_traditional(script):
            self._keep(user_id, script)

    def choose(self, user_id: int, code: str) -> bool:
        """Keep the script a language button's `code` chooses ("zh-Hant", "zh-Hans"); False
        for a button that chooses none (another language, or a plain "zh")."""
        tapped = chinese_script.script_of(code)
        if tapped is None:
            return False
        self._keep(user_id, chinese_script.chosen(tapped, self.script(user_id)))
        return True

    def forget(self, user_id: int) -> None:
        """Forget a deleted person (the store's row went with the rest of her)."""
        self._known.pop(user_id, None)

    def _keep(self, user_id: int, script: str) -> None:
        scripts.keep_script(self._db, user_id, script)
        self._known[user_id] = script
