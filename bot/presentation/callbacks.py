"""Callback-data prefixes and parsing. Button data is forgeable: it carries ids only, and every
id is checked against the store before anything happens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.chinese_script import language_of
from bot.domain.errors import PuenteError
from bot.domain.family_notes import FAMILY_NOTES
from bot.domain.family_notes import WITH_DAY as NOTE_WITH_DAY
from bot.domain.frozen import quick_init
from bot.domain.language import LANGUAGES
from bot.domain.ready_replies import (
    FIRST_MESSAGES,
    READY_REPLIES,
    STUDENT_READY_REPLIES,
    WITH_WHEN,
)

LANGUAGE = "lc"     # lc:<code> | lc:<code>:u   confirm a home language (u: undo a change)
LANG_MENU = "lm"    # lm                 show the language menu (an old "Other" button)
LANG_MORE = "lo"    # lo                 show the languages Puente has no messages in
PLACEMENT = "pl"    # pl:<question>:<option>
PLACEMENT_AUDIO = "ps"  # ps:<question>     hear a placement question's answers
QUESTION_AUDIO = "qs"  # qs:<item id>   hear a level 1-2 choice question (home language)
PLACEMENT_RESUME = "pr"  # pr               go back to a placement left early
ANSWER = "an"       # an:<item id>:<option>
DONT_KNOW = "dk"    # dk:<item id>       "🤷 I don't know" under a typed check question (and
                    # levels 1-2: under a question's options)
TILES = "tl"        # tl:<item id>:<tile><letter> a letter tile (e.g. 3e: tile 3, "e") |
#                     tl:<item id>:bk ⌫ | tl:<item id>:ok ✅ spell it | tl:<item id>:g<length>:
#                     <tiles> "🔤 letter tiles" under a typed question (the deal, to show it;
#                     <length>: the letters ✅ waits for)
FLIP = "fl"         # fl | fl:<push id> | fl:<preview id>:v   current words (a push's, or the
#                                       cards sent together above it), home language first
CHECK = "ck"        # ck | ck:<push id>  start a check (on a pushed preview's words)
NEW_CARDS = "nc"    # nc                 a check's last message: open /words (new cards first)
DELETE = "dl"       # dl:yes | dl:no     confirm /deleteme
WORDS = "wd"        # wd                 the current words, as /words (a child may not type it)
FAMILY_LANG = "fa"  # fa:<code> | fa:<code>:u   a family member's language (u: undo a change)
FAMILY_MORE = "fm"  # fm                 a family member's "other languages"
FAMILY_HERE = "fo"  # fo:<link code>     a student's account gets their family's updates too
FAMILY_STOP = "fs"  # fs:<student id> | fs:all   stop the weekly updates about one child (or all)
FAMILY_RESUME = "fg"  # fg:<student id> | fg:all   get them again (a shared phone's choice)
FAMILY_HEAR = "fh"  # fh:<student id>:<word id>-<word id>...   hear a weekly update's words
#                     fh:<student id>:o<outbox id> (a queued update's) | fh:<student id>:n (/now's)
HEAR_MESSAGE = "hm"  # hm:<outbox id> | hm:n:<student id>   hear a whole message read aloud (a
#                      queued one's stored reading, or /now's made again)
AUDIO = "au"        # au | au:<word id> | au:<word id>:w | au:<push id>:p | au:<preview id>:v
                    # (w: the word alone; p: a pushed preview's)
REMOVE = "rm"       # rm:<student>:<class> | rm:no   a teacher confirms removing a student
COTEACHER = "ct"   # ct:<class>:<teacher> | ct:<class>:<teacher>:yes | ct:no   the creator of a
#                     class takes a co-teacher off it (✖ under /coteach, then a confirming tap)
COTEACH_NEW = "cn"  # cn:<class>   a new /coteach code for the class; the tapper's unused
#                     ones for it stop working (🔄 under a code shown again)
UNLINK = "fu"       # fu:<family id>     a teacher unlinks a family member
WRITE_FAMILY = "fw"  # fw:<family id>     a teacher writes first to a family member
WRITE_READY = "fy"  # fy:<family id>:<reply>   ... with a ready-made message (FIRST_MESSAGES)
REVOKE_LINK = "fr"  # fr:<link id> | fr:<link id>:yes | fr:no   a teacher cancels a family link
FAMILIES_PAGE = "fp"  # fp:<class id>:<page>   turn /families to another page (◀ ▶)
ASK = "ak"          # ak:<student id> | ak:no   send the held message to that child's teacher
#                     ak:<student id>:<note>[:<YYYYMMDD>]   ... and excuse today (or that day)
ANSWER_HELD = "ah"  # ah:<message id> | ah:no   send a teacher's held answer to that message
#                     ah:<message id>:ok | ah:w:<family id>:ok   ✅ send as written, untranslated
PUSH_FIX = "pf"     # pf:<token>:<n>   run the /push (or /packs) held under that token with its
#                     n-th "did you mean" word or pack (the token checked as held)
PUSH_AGAIN = "pa"   # pa:<push id>       send a push again to the students it skipped
SCHEDULED = "sc"    # sc:<push id> | sc:<push id>:yes | sc:no   a teacher cancels a waiting push
ANNOUNCE = "am"     # am:<id>:f | am:<id>:s | am:<id>:no   families, +students, or cancel
CARD = "cd"         # cd:<preview id>:<card> | ...:f   turn a preview to a card (f: home first)
READY_REPLY = "rr"  # rr:<reply>   a teacher sends a ready-made reply to the family message
#                                  the button is under (found by that message's id, not data);
#                     rr:<reply>:<relay id> under a "send as written?" offer (checked as theirs)
#                     rr:meet:<relay id>:<yyyymmdd>[-<hhmm>] | ...:p<page>   its day and time
#                     rr:<reply>:<relay id>:y   ✅ send it to a message answered already or old
ANSWERED = "ad"     # ad   "✅ Answered: …" (its ready-made replies gone) | ad:no   ✖️ keep it
#                     unsent, under "already answered: send anyway?"
READY_ANNOUNCE = "ra"  # ra:<class id> the ready-made announcements for a class; then
#                       ra:<class id>:<name> | ra:<class id>:<name>:<yyyymmdd>[-<hhmm>]
FAMILY_NOTE = "fn"  # fn | fn:<student id> | fn:<student id>:<note> | ...:<note>:<yyyymmdd>
#                     a family's ready-made message to the teacher: the list (of which child,
#                     on a shared phone), then its day, then the preview to send
FAMILY_NOTE_SEND = "fx"  # fx:<student id>:<note> | fx:<student id>:<note>:<yyyymmdd>   ✅ send it
CANNOT_READ = "cr"  # cr   "🔤 I cannot read this" under a teacher's words that reached a family
#                     untranslated: the ready-made "cannot read English" to that teacher about
#                     that message (found by the message's id in the family's chat, not data)
TEACHER_LANG = "tg"  # tg:<code> | tg:phone   the language Puente writes to a teacher in
DAY_OFF = "do"      # do:a:<announcement id>   make the day a sent "no school" names a day off
#                     in Puente | do:r:<yyyymmdd>   ask to make a day off (/daysoff) a school
#                     day again | do:y:<yyyymmdd>   ✅ do it | do:k:<yyyymmdd>   ↩️ keep it
SPEAKER = "wh"      # wh:c | wh:f   who speaks on a phone the child and the family share: the
#                     child or the family (the held message follows that one's path)
SAY_ALOUD = "sy"    # sy:who | sy:link | sy:stop   hear a question said in the phone's language
#                     (for a grandmother who cannot read); the data names a prompt from a fixed
#                     list
CLASS_PICK = "cc"   # cc:<class id>:<token>   finish the command held under that token with
#                     that class (both checked: the class as the tapper's, the token as held)
OVERRULE = "ov"     # ov:<answer id> | ov:<answer id>:yes | ov:no   a teacher counts a typed
#                     miss as right (✅ under /student, then a confirming tap);
#                     ov:<answer id>:undo   ↩️ Undo under the count, within minutes;
#                     ov:<answer id>:all   count it and accept the text for the class too
MORE_MISSES = "om"  # om:<student id>:<start>   /student's older typed misses, from `start`
WITHDRAW = "aw"     # aw:<accepted answer id>   stop accepting an answer for a class (/report)
EXCUSED = "ex"      # ex:<student id>:<yyyymmdd>   a teacher makes a day a family excused a
#                     school day for the student again (under the family's message, /student)
RENAME = "rn"       # rn:<class id>:<token> | rn:no   a teacher confirms /renameclass (the new
#                     name held under the token, checked as held, with the class, on the tap)
EXCUSE = "xd"       # xd:<student id>:<yyyymmdd>   a teacher excuses the day a family's own
#                     words said the child is sick or away (under the relayed message)
EXCUSE_MENU = "xm"  # xm:<student id>   🤒 Excuse a day under /student: which school day
NAME_PICK = "np"    # np:<token>   run the command held under that token, with the student
#                     name "Did you mean ___?" suggested (the token checked as held)
RECORD = "rc"       # rc:<class id>:<language> record that language's lines | rc:s ⏭️ skip the
#                     word the tapped message asks for (found by its id, not data) | rc:x ⏹️ stop
RECORD_AGAIN = "rw"  # rw:<class id>:<word id>:<language>   🔁 record a word's line again
RECORD_DELETE = "rd"  # rd:<class id>:<word id>:<language>   🗑️ delete a word's recording
SKIP, STOP = "s", "x"  # rc:s, rc:x
REPLIES = "r"  # rc:<class id>:<language>:r   record that language's ready-made replies
RECORD_REPLY_AGAIN = "ry"  # ry:<class id>:<reply>:<language>   🔁 record a ready-made reply again
RECORD_REPLY_DELETE = "rz"  # rz:<class id>:<reply>:<language>   🗑️ delete a reply's recording
STUDENT_LOST = "sh"  # sh   "🆘 I'm lost, please help me" under a student's bare "?", emoji
#                     or sticker: the ready-made note to her teachers, in English
LETTERS_FIRST = "lf"  # lf:<student id>:1 | lf:<student id>:0   a teacher turns a level-2
#                       student's "letters first" on or off (/student; checked as her teacher's)
LETTERS_OFFER = "lq"  # lq:y | lq:n   a student's answer to "🔤 Show the letters first next
#                       time?" (taken once, while the offer waits in the store)

_SAFE = re.compile(r"^[a-z]{2}(:[A-Za-z0-9_-]{1,40}){0,3}$")
MAX_BYTES = 64


class ForgedCallbackError(PuenteError):
    """Button data we never sent: said to anyone, so no word of checks (a teacher's or a
    family's button is no check); a check's own buttons say "check-stale"."""

    prompt_key = "button-stale"


@quick_init
@dataclass(frozen=True)
class Callback:
    prefix: str
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        """An argument as a small non-negative int, or ForgedCallbackError."""
        try:
            value = self.args[index]
        except IndexError as exc:
            raise ForgedCallbackError("missing argument") from exc
        if not value.isdigit() or len(value) > 12:
            raise ForgedCallbackError("not an id")
        return int(value)


def data(prefix: str, *args: object) -> str:
    """Build button data; it must fit Telegram's 64 bytes."""
    text = ":".join([prefix, *map(str, args)])
    if len(text.encode()) > MAX_BYTES or not _SAFE.match(text):
        raise ValueError(f"bad callback data {text!r}")
    return text


def kind(raw: str | None) -> str:
    """A button's kind (its two-letter prefix) and nothing else, for a log line: the rest of
    the data carries ids (a child's, a family member's) and dates, which logs must not hold."""
    prefix = (raw or "").split(":", 1)[0]
    return prefix if re.fullmatch(r"[a-z]{2}", prefix) else "unparseable"


def parse(raw: str | None) -> Callback:
    """Split button data into prefix and arguments, refusing anything we could not have sent."""
    if not raw or len(raw.encode()) > MAX_BYTES or not _SAFE.match(raw):
        raise ForgedCallbackError("unparseable callback data")
    prefix, *args = raw.split(":")
    return Callback(prefix, tuple(args))


def dont_know_item(cb: Callback) -> int:
    """The check question a "🤷 I don't know" names (dk:<item id>)."""
    if len(cb.args) != 1:
        raise ForgedCallbackError("bad 🤷 button")
    return cb.int_arg(0)


TILE_BACK, TILE_DONE, TILE_SHOW = "bk", "ok", "g"
_TILE = re.compile(r"^(\d{1,2})([a-z])$")
_SHOW = re.compile(r"^g(\d{1,2})$")


@dataclass(frozen=True)
class TileTap:
    """What a letter-tiles button says: the item, and a tile (index, letter), ⌫, ✅, or
    "show the tiles" with the deal and the letters ✅ waits for (tiles.fewest_letters)."""

    item_id: int
    tile: tuple[int, str] | None = None
    action: str | None = None  # TILE_BACK, TILE_DONE or TILE_SHOW
    deal: tuple[str, ...] = ()  # TILE_SHOW: the tiles
    length: int = 0  # TILE_SHOW: the letters ✅ waits for (the shortest word they spell)


def tile_tap(cb: Callback) -> TileTap:
    """Read a letter-tiles button (tl:...); anything we could not have sent is forged."""
    if cb.prefix != TILES or len(cb.args) not in (2, 3):
        raise ForgedCallbackError("bad tile button")
    item_id, what = cb.int_arg(0), cb.args[1]
    if len(cb.args) == 3:
        show, deal = _SHOW.match(what), cb.args[2]
        if show is None or not deal.isalpha() or not deal.islower() \
                or not 0 < int(show.group(1)) <= len(deal):
            raise ForgedCallbackError("bad tiles button")
        return TileTap(item_id, action=TILE_SHOW, deal=tuple(deal), length=int(show.group(1)))
    if what in (TILE_BACK, TILE_DONE):
        return TileTap(item_id, action=what)
    tile = _TILE.match(what)
    if tile is None:
        raise ForgedCallbackError("bad tile")
    return TileTap(item_id, tile=(int(tile.group(1)), tile.group(2)))


def tile_data(item_id: int, index: int, letter: str) -> str:
    """A tile's data: it names its letter, so a tap after a restart can read the deal back."""
    return data(TILES, item_id, f"{index}{letter}")


def families_page(cb: Callback) -> tuple[int, int]:
    """(class id, page) of a ◀ or ▶ under /families (the class is checked as the teacher's
    on the server; a page past the end shows the last)."""
    if len(cb.args) != 2:
        raise ForgedCallbackError("bad page button")
    return cb.int_arg(0), cb.int_arg(1)


def class_pick(cb: Callback) -> tuple[int, str]:
    """(class id, token of the held command) of a class button under "Which class?"."""
    if len(cb.args) != 2:
        raise ForgedCallbackError("bad class button")
    return cb.int_arg(0), cb.args[1]


def rename(cb: Callback) -> tuple[int, str]:
    """(class id, token of the held rename) of ✅ Rename under "Rename Science 7B to …?"."""
    if len(cb.args) != 2:
        raise ForgedCallbackError("bad rename button")
    return cb.int_arg(0), cb.args[1]


def name_pick(cb: Callback) -> str:
    """The token of the held command under "Did you mean Linh #2?"."""
    if len(cb.args) != 1:
        raise ForgedCallbackError("bad name button")
    return cb.args[0]


def push_fix(cb: Callback) -> tuple[str, int]:
    """(token of the held command, which suggestion) of a ✅ under "did you mean"."""
    if len(cb.args) != 2:
        raise ForgedCallbackError("bad did-you-mean button")
    return cb.args[0], cb.int_arg(1)


UNDO = "u"


def language_choice(cb: Callback) -> tuple[str, bool]:
    """(language code, whether it undoes a change) of a language button (lc:<code>,
    fa:<code>, lc:<code>:u, fa:<code>:u; "zh-Hant" and "zh-Hans" are Chinese in a script:
    `script_choice`); a code no catalogue language has is forged."""
    if len(cb.args) not in (1, 2) or cb.args[1:] not in ((), (UNDO,)) \
            or language_of(cb.args[0]) not in LANGUAGES:
        raise ForgedCallbackError("bad language button")
    return language_of(cb.args[0]), cb.args[1:] == (UNDO,)


def script_choice(cb: Callback) -> str:
    """The code a language button carries, script included ("zh-Hant"), checked as
    `language_choice` checks it: what ScriptBook.choose takes."""
    language_choice(cb)
    return cb.args[0]


ALL = "all"


def child_choice(cb: Callback) -> int | None:
    """The child a shared phone's stop/resume button names (fs:<student id>, fg:<student id>),
    or None for "All" (fs:all, fg:all)."""
    if len(cb.args) != 1:
        raise ForgedCallbackError("bad stop/resume button")
    return None if cb.args == (ALL,) else cb.int_arg(0)


class ForgedCardError(ForgedCallbackError):
    """A card button we never sent: answered with the line about old cards and /words."""

    prompt_key = "card-stale"


def card_args(cb: Callback) -> tuple[int, int, bool]:
    """(preview id, card number, home language first?) of a Next, ◀ or 🔁 on a card."""
    if len(cb.args) not in (2, 3) or cb.args[2:] not in ((), ("f",)):
        raise ForgedCardError("bad card button")
    try:
        return cb.int_arg(0), cb.int_arg(1), cb.args[2:] == ("f",)
    except ForgedCallbackError as exc:
        raise ForgedCardError(str(exc)) from exc


def push_of(cb: Callback) -> int | None:
    """The push whose preview's words a button under it acts on (fl:<push id>, ck:<push id>);
    None: a button with no id acts on every current word, as under /words."""
    if len(cb.args) > 1:
        raise ForgedCallbackError("bad button under a preview")
    return cb.int_arg(0) if cb.args else None


CARDS = "v"  # after an id: the cards sent together above the button (a stored preview)


@dataclass(frozen=True)
class Flip:
    """What a "My language first" under cards sends again: a push's preview, the cards sent
    together above it (`preview_id`), or (neither, an old button) the current words."""

    push_id: int | None = None
    preview_id: int | None = None


def flip_args(cb: Callback) -> Flip:
    """fl, fl:<push id> or fl:<preview id>:v."""
    try:
        if cb.args[1:] == (CARDS,):
            return Flip(preview_id=cb.int_arg(0))
        return Flip(push_id=push_of(cb))
    except ForgedCallbackError as exc:
        raise ForgedCardError(str(exc)) from exc


@dataclass(frozen=True)
class Listen:
    """What a 🔊 asks to hear: one word (the English word alone: `word_only`), the words of a
    pushed preview, or (neither) every word being learned now."""

    word_id: int | None = None
    word_only: bool = False
    push_id: int | None = None
    preview_id: int | None = None  # the cards sent together above the 🔊


def listen_args(cb: Callback) -> Listen:
    """What a 🔊 tap asks to hear: au, au:<word id>, au:<word id>:w, au:<push id>:p or
    au:<preview id>:v."""
    if not cb.args:
        return Listen()
    if len(cb.args) > 2 or cb.args[1:] not in ((), ("w",), ("p",), (CARDS,)):
        raise ForgedCallbackError("bad audio button")
    if cb.args[1:] == ("p",):
        return Listen(push_id=cb.int_arg(0))
    if cb.args[1:] == (CARDS,):
        return Listen(preview_id=cb.int_arg(0))
    return Listen(cb.int_arg(0), cb.args[1:] == ("w",))


@dataclass(frozen=True)
class FamilyHear:
    """What a 🔊 under a family update names: its child and the words (written in the button,
    an old one's), or the queued update whose words they are (`row_id`), or /now's (`now`)."""

    student_id: int
    word_ids: tuple[int, ...] = ()
    row_id: int | None = None
    now: bool = False


def family_hear(cb: Callback) -> FamilyHear:
    """What a 🔊 under a family update names: fh:<student id>:<id>-<id>, fh:<student id>:o<row>
    or fh:<student id>:n."""
    if len(cb.args) != 2:
        raise ForgedCallbackError("bad family audio button")
    if cb.args[1] == "n":
        return FamilyHear(cb.int_arg(0), now=True)
    if cb.args[1].startswith("o") and cb.args[1][1:].isdigit() and len(cb.args[1]) <= 13:
        return FamilyHear(cb.int_arg(0), row_id=int(cb.args[1][1:]))
    ids = cb.args[1].split("-")
    if not all(i.isdigit() and len(i) <= 12 for i in ids):
        raise ForgedCallbackError("bad family audio button")
    return FamilyHear(cb.int_arg(0), tuple(int(i) for i in ids))


@dataclass(frozen=True)
class HearMessage:
    """A 🔊 "Listen to this message": a queued message's row, or /now about one child."""

    row_id: int | None = None
    student_id: int | None = None


def hear_message(cb: Callback) -> HearMessage:
    """hm:<outbox id> or hm:n:<student id>."""
    if len(cb.args) == 1:
        return HearMessage(row_id=cb.int_arg(0))
    if len(cb.args) == 2 and cb.args[0] == "n":
        return HearMessage(student_id=cb.int_arg(1))
    raise ForgedCallbackError("bad listen button")


def ready_relay(cb: Callback) -> int | None:
    """The relayed message a ready-made reply under a "send as written?" offer answers
    (rr:<reply>:<its id>, and a day menu's rr:meet:<its id>:<day>; None: the message the
    button is under); checked on the server."""
    return cb.int_arg(1) if len(cb.args) >= 2 else None


def ready_reply(cb: Callback) -> str:
    """The ready-made reply a teacher tapped (rr:<reply>); the message it answers is the one
    the button is under, never a forgeable id."""
    if len(cb.args) not in (1, 2, 3) or \
            cb.args[0] not in (*READY_REPLIES, *STUDENT_READY_REPLIES) or \
            (len(cb.args) == 3 and cb.args[0] not in WITH_WHEN and cb.args[2] != CONFIRMED):
        raise ForgedCallbackError("bad ready-made reply button")
    return cb.args[0]


def write_ready(cb: Callback) -> tuple[int, str]:
    """(family member id, ready-made message) of a teacher's ready-made first message; the
    family member is checked on the server as one of the tapper's."""
    if len(cb.args) != 2 or cb.args[1] not in FIRST_MESSAGES:
        raise ForgedCallbackError("bad ready-made first message button")
    return cb.int_arg(0), cb.args[1]


CONFIRMED = "y"  # rr:<reply>:<relay id>:y   sent although the message was answered already


def ready_confirmed(cb: Callback) -> bool:
    """Whether a ready-made reply's tap is the teacher's ✅ to send it to a message answered
    already (or old): asked first, never sent in one tap (playtest)."""
    return len(cb.args) == 3 and cb.args[2] == CONFIRMED


def ready_when(cb: Callback) -> str | None:
    """The day, time or page so far of a ready-made reply with a day (rr:meet:<relay id>:
    <yyyymmdd>[-<hhmm>] or ...:p<page>; None: not chosen yet); checked on the server."""
    return cb.args[2] if len(cb.args) == 3 and cb.args[2] != CONFIRMED else None


def ready_announce(cb: Callback) -> tuple[int, str | None, str | None]:
    """(class id, announcement name or None, its day and time so far or None) of a
    ready-made announcement's button; the class, name and day are checked on the server."""
    if not 1 <= len(cb.args) <= 3:
        raise ForgedCallbackError("bad ready-made announcement button")
    return cb.int_arg(0), (cb.args[1:2] or (None,))[0], (cb.args[2:3] or (None,))[0]


# a day-off button's action: add an announced day; ask to remove a listed one, then remove it
# (✅) or keep it (↩️, back to the list)
ADD, REMOVE_DAY, CONFIRM_REMOVE_DAY, KEEP_DAY = "a", "r", "y", "k"


@dataclass(frozen=True)
class DayOffTap:
    """A day-off button: "🏫 Also a day off" (its announcement id), or /daysoff's remove
    button, its ✅ or its ↩️ (the day)."""

    action: str
    announcement_id: int | None = None
    day: date | None = None


def day_off(cb: Callback) -> DayOffTap:
    """What a day-off button asks; each is checked on the server (the announcement as the
    teacher's, the day as stored and still ahead)."""
    actions = (ADD, REMOVE_DAY, CONFIRM_REMOVE_DAY, KEEP_DAY)
    if len(cb.args) != 2 or cb.args[0] not in actions:
        raise ForgedCallbackError("bad day-off button")
    if cb.args[0] == ADD:
        return DayOffTap(ADD, announcement_id=cb.int_arg(1))
    try:
        return DayOffTap(cb.args[0], day=datetime.strptime(cb.args[1], "%Y%m%d").date())
    except ValueError as exc:
        raise ForgedCallbackError("not a day") from exc


@dataclass(frozen=True)
class NotePressed:
    """A family's ready-made message button: which child (None: not chosen yet), which note
    (None: the list), which day (for a note with a day)."""

    student_id: int | None
    note: str | None = None
    day: date | None = None


def family_note(cb: Callback) -> NotePressed:
    """fn/fx button data, shape checked (the child is checked as the tapper's on the server):
    a day comes with a note that has one, and only then; ✅ needs the note (and its day)."""
    sending = cb.prefix == FAMILY_NOTE_SEND
    if len(cb.args) > 3 or (sending and len(cb.args) < 2):
        raise ForgedCallbackError("bad ready-made message button")
    if not cb.args:
        return NotePressed(None)
    student_id = cb.int_arg(0)
    if len(cb.args) == 1:
        return NotePressed(student_id)
    note, dated = cb.args[1], len(cb.args) == 3
    if note not in FAMILY_NOTES or (dated and note not in NOTE_WITH_DAY) \
            or (sending and not dated and note in NOTE_WITH_DAY):
        raise ForgedCallbackError("bad ready-made message")
    if not dated:
        return NotePressed(student_id, note)
    try:
        day = datetime.strptime(cb.args[2], "%Y%m%d").date()
    except ValueError as exc:
        raise ForgedCallbackError("bad day") from exc
    return NotePressed(student_id, note, day)


def asked_day(cb: Callback) -> date | None:
    """The coming day an ak: button (my words + excuse) names after its note (None: today)."""
    if len(cb.args) < 3:
        return None
    try:
        return datetime.strptime(cb.args[2], "%Y%m%d").date()
    except ValueError as exc:
        raise ForgedCallbackError("not a day") from exc


@dataclass(frozen=True)
class UnexcuseTap:
    """↩️ under an excused day: whose day (the tapper is checked as their teacher)."""

    student_id: int
    day: date


def unexcuse(cb: Callback) -> UnexcuseTap:
    """What an ex: (or xd:) button names, shape checked."""
    if len(cb.args) != 2:
        raise ForgedCallbackError("bad excused-day button")
    try:
        day = datetime.strptime(cb.args[1], "%Y%m%d").date()
    except ValueError as exc:
        raise ForgedCallbackError("not a day") from exc
    return UnexcuseTap(cb.int_arg(0), day)
