"""A question spelled with letter tiles, on screen: where the spelling stands, and each tap's
one edit of the same message.

Taps before ✅ never touch the store. Where she is (the tiles, what she has spelled, the text
above the spelling line) is held in memory (`user_data`) from the moment the tiles are shown;
a restart loses only that memory, and the next tap reads it all back from the message itself:
the tiles from their buttons' data, the spelling from the message's last line (its text above
that line is the question, kept as the tapped message shows it). A tap is taken only while
the tapped message still shows that question's tiles, and (as memory knows) is the copy the
question shows now, of a question not answered yet: a tap on an old screen (answered, moved
on, or an old copy /check sent the question again below) changes nothing. A copy sent again
carries the spelling in progress over, and the old copy's tiles are taken off.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from telegram import CallbackQuery, InlineKeyboardMarkup, Message
from telegram.error import BadRequest

from bot.chat.replies import edit_tapped, not_modified
from bot.context import PuenteContext
from bot.domain import tiles
from bot.presentation import callbacks, keyboards, tile_views
from bot.presentation.i18n import Catalog, Markup

TILE_SCREEN = "tile_screen"  # user_data: the TileScreen of the question showing tiles now
ANSWERED = "answered_items"  # user_data: the questions she answered lately (Answered), newest last
ANSWERED_KEPT = 20  # more than a check's questions: an old copy is of this check or the last


@dataclass(frozen=True)
class TileScreen:
    item_id: int
    message_id: int | None  # None: noted before its message was sent (the id comes after)
    deal: tuple[str, ...]
    # ✅ waits for as many letters (tiles.fewest_letters; 1 when read back after a restart:
    # the grader then says so)
    fewest: int
    base: str  # the message's text above the spelling line (Telegram HTML)
    picks: tuple[int, ...] = ()
    shown: bool = False  # the tiles are on screen (a typed question's show after "🔤")
    # a typed question's text once "🔤" shows its tiles: how to answer with them, in place
    # of "✏️ Type the English word" (None: the tiles show from the start; after a restart
    # made from the message's text: tile_views.spelled_text)
    tiled_base: str | None = None
    # the question's one-time line (checks.Question.intro): a copy /check sends again keeps
    # it, so both copies have one heading (the copy lost it, and read apart from the first)
    intro: str | None = None

    @property
    def line(self) -> str:
        return tiles.spelling_line(self.deal, self.picks)

    @property
    def spelling(self) -> str:
        return tiles.spelled(self.deal, self.picks)


def with_line(base: str, screen: TileScreen) -> Markup:
    """The message: its question, then the spelling line."""
    return Markup(f"{base}\n\n{screen.line}")


def remember(context: PuenteContext, screen: TileScreen) -> None:
    """Note the question that offers tiles now, on this message (a newer one replaces it)."""
    if context.user_data is not None:
        context.user_data[TILE_SCREEN] = screen


def forget(context: PuenteContext) -> None:
    """The tiles question is answered (or another question came): nothing to remember."""
    if context.user_data is not None:
        context.user_data.pop(TILE_SCREEN, None)


def held(context: PuenteContext, item_id: int) -> TileScreen | None:
    """The screen memory holds for this question (None: another's, or none)."""
    screen = context.user_data.get(TILE_SCREEN) if context.user_data is not None else None
    return screen if isinstance(screen, TileScreen) and screen.item_id == item_id else None


@dataclass(frozen=True)
class Answered:
    """A question she answered lately, and where its next question shows: a late tap on its
    tiles' copy is told where to look (it said "below" of a question edited in place above)."""

    item_id: int
    next_in: int | None = None  # the message showing the next question (None: a new one below)
    over: bool = False  # no next question: the check is over


def answered(context: PuenteContext, item_id: int | None) -> None:
    """Note a graded question: a tap on the tiles of any copy of it changes nothing since."""
    if context.user_data is None or item_id is None:
        return
    kept = [a for a in _answered(context) if a.item_id != item_id]
    context.user_data[ANSWERED] = (*kept[-(ANSWERED_KEPT - 1):], Answered(item_id))


def next_shown(context: PuenteContext, item_id: int | None, message_id: int | None,
               over: bool) -> None:
    """Note where the answered question's next one shows: in `message_id` (its feedback's,
    edited in place), in a new message below (None), or nowhere (`over`: the check is over)."""
    if context.user_data is None or item_id is None:
        return
    # Answered(...) built directly, not by dataclasses.replace (which reads the class's fields
    # back on each call): 0.1 % of a graded tap's instructions (callgrind)
    context.user_data[ANSWERED] = tuple(Answered(item_id, message_id, over)
                                        if a.item_id == item_id else a
                                        for a in _answered(context))


def _answered(context: PuenteContext) -> tuple[Answered, ...]:
    held = context.user_data.get(ANSWERED, ()) if context.user_data is not None else ()
    return tuple(a for a in held if isinstance(a, Answered))  # older memory: ids alone


def refused(context: PuenteContext, message_id: int, item_id: int) -> str | None:
    """Why a tap on this message's tiles changes nothing, as memory knows (a prompt key):
    the question was answered (on any copy: the toast says where the next question is, in
    this very message when its feedback was edited in, below, or that the check is over), or
    /check sent it again in a newer message (this copy is old; the spelling goes on below).
    None: nothing against it."""
    if context.user_data is None:
        return None
    done = next((a for a in _answered(context) if a.item_id == item_id), None)
    if done is not None:
        if done.over:
            return "check-stale-finished"
        return "check-stale-answered-here" if done.next_in == message_id \
            else "check-stale-answered"
    screen = held(context, item_id)
    if screen is not None and screen.message_id not in (None, message_id):
        return "check-question-below"
    return None


def shows_tiles_of(message: Message | None, item_id: int) -> bool:
    """Whether the message, as the tap carries it, still shows this question's tile buttons
    (or its "🔤"): else the tap is on an old screen."""
    prefix = f"{callbacks.TILES}:{item_id}:"
    return any(str(b.callback_data).startswith(prefix) for row in _rows(message) for b in row)


def tiles_shown(message: Message | None, item_id: int) -> bool:
    """Whether the message, as the tap carries it, shows this question's letter tiles (from
    the start, or since "🔤"), not a "🔤" still to tap: read from its buttons, so a 🤷 over
    tiles reads as one after a restart too, when memory holds nothing."""
    prefix = f"{callbacks.TILES}:{item_id}:"
    for row in _rows(message):
        for button in row:
            data = str(button.callback_data)
            if not data.startswith(prefix):
                continue
            try:
                if callbacks.tile_tap(callbacks.parse(data)).action != callbacks.TILE_SHOW:
                    return True
            except callbacks.ForgedCallbackError:
                continue
    return False


def _rows(message: Message | None) -> tuple:
    markup = message.reply_markup if isinstance(message, Message) else None
    return markup.inline_keyboard if isinstance(markup, InlineKeyboardMarkup) else ()


def current(context: PuenteContext, query: CallbackQuery, tap: callbacks.TileTap
            ) -> TileScreen | None:
    """Where the spelling of the tapped question stands: from memory when it is about this
    message, else read back from the message (after a restart); None: an old screen."""
    message = query.message if isinstance(query.message, Message) else None
    if message is None or not shows_tiles_of(message, tap.item_id):
        return None
    screen = held(context, tap.item_id)
    if screen is not None and screen.message_id in (None, message.message_id):
        return replace(screen, message_id=message.message_id)
    return _read_back(message, tap, context.services.catalog,
                      context.services.scripts.script(query.from_user.id))


def _read_back(message: Message, tap: callbacks.TileTap, catalog: Catalog,
               script: str | None = None) -> TileScreen | None:
    """The screen as the message shows it: its tiles' data, and its last line's spelling (or
    the "🔤" button's deal, not shown yet, and the text its tiles will show, made from the
    message's own, in the `script` of Chinese it was sent in: tile_views.spelled_text)."""
    if tap.action == callbacks.TILE_SHOW:
        text = message.text_html or ""
        return TileScreen(tap.item_id, message.message_id, tap.deal, tap.length, text,
                          tiled_base=tile_views.spelled_text(text, catalog, script))
    deal: dict[int, str] = {}
    for row in _rows(message):
        for button in row:
            try:
                found = callbacks.tile_tap(callbacks.parse(str(button.callback_data)))
            except callbacks.ForgedCallbackError:
                continue
            if found.item_id == tap.item_id and found.tile is not None:
                deal[found.tile[0]] = found.tile[1]
    if sorted(deal) != list(range(len(deal))) or not deal:
        return None
    text = message.text_html or ""
    base, _, last = text.rpartition("\n")
    read = tiles.read_line(last.strip())
    dealt = tuple(deal[i] for i in range(len(deal)))
    picks = tiles.picks_for(read, dealt) if read is not None else None
    if picks is None:
        return None
    return TileScreen(tap.item_id, message.message_id, dealt, 1, base.rstrip("\n"), picks,
                      shown=True)


def after(screen: TileScreen, tap: callbacks.TileTap) -> TileScreen:
    """The screen after a tile, ⌫, or "🔤" (which shows the tiles)."""
    if tap.action == callbacks.TILE_SHOW:  # how to answer with tiles, not "type"
        return replace(screen, shown=True, base=screen.tiled_base or screen.base)
    if tap.action == callbacks.TILE_BACK:
        return replace(screen, picks=tiles.back(screen.picks))
    if tap.tile is not None and 0 <= tap.tile[0] < len(screen.deal) \
            and screen.deal[tap.tile[0]] == tap.tile[1]:
        return replace(screen, picks=tiles.tap(screen.picks, tap.tile[0], screen.deal))
    return screen  # a tile this deal does not have: forged, nothing changes


def layout(message: Message | None, screen: TileScreen) -> keyboards.Layout:
    """The tapped message's buttons with its tiles (or "🔤") replaced by the spelling's tiles:
    the other rows (🔊, 🤷) stay as they are."""
    prefix = f"{callbacks.TILES}:{screen.item_id}:"
    rows: keyboards.Layout = []
    placed = False
    for row in _rows(message):
        if any(str(b.callback_data).startswith(prefix) for b in row):
            if not placed:
                rows.extend(keyboards.tile_layout(screen.item_id, screen.deal, screen.picks))
                placed = True
            continue
        rows.append([(b.text, str(b.callback_data)) for b in row])
    return rows if placed else keyboards.tile_layout(screen.item_id, screen.deal, screen.picks)


async def show(query: CallbackQuery, screen: TileScreen) -> None:
    """The one edit a tap makes: the spelling line and the tiles."""
    try:
        await edit_tapped(query, with_line(screen.base, screen),
                          layout(query.message if isinstance(query.message, Message) else None,
                                 screen))
    except BadRequest as exc:
        if not not_modified(exc):  # already showing it (a tap whose edit came first)
            raise
