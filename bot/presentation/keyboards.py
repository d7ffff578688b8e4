"""Domain values -> inline keyboards."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.checks import WordRef
from bot.domain.chinese_script import BUTTON_NAMES
from bot.domain.language import LANGUAGES, Capability, is_rtl
from bot.domain.ready_replies import FIRST_MESSAGES, READY_REPLIES, ready_key
from bot.presentation import callbacks
from bot.presentation.i18n import Catalog, Day, language_name
from bot.services.previews import Page

Button = tuple[str, str]  # (label, callback data)
Layout = list[list[Button]]  # rows of buttons: an inline keyboard as plain values


def rows(buttons: Sequence[InlineKeyboardButton], width: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([list(buttons[i:i + width])
                                 for i in range(0, len(buttons), width)])


CURRENT_MARK = "✓"  # before the language chosen now in a language menu
LABEL_LIMIT = 60  # characters a button label shows before it is cut (a phone's width, roughly)


def language_menu(codes: Iterable[str], prefix: str = callbacks.LANGUAGE, first: bool = False,
                  more: Button | None = None, current: str | None = None,
                  yes: str | None = None, script: str = "zh-Hans") -> InlineKeyboardMarkup:
    """Languages by their own names, including those no detector knows; `first`: the first
    one (the likeliest) alone on the top row, the one-tap answer (labelled `yes`, "✅ Haa:
    Soomaali", under "Is your home language Somali?": a yes-or-no question answered by a
    list of names puzzled a Somali newcomer); `more`: (label, data) of a last, wide button
    for the languages not shown; `current`: the language chosen now, marked "✓ Español" (a
    student changing it could not tell which one was theirs; "zh-Hant" or "zh-Hans" for a
    Chinese reader). Chinese is two buttons, "简体中文" and "繁體中文" (its one-tap answer
    keeps the script she reads, and both stay under it); `script`, the button of the one she
    reads, comes first ("繁體中文" on a Hong Kong or Taiwan phone: ScriptBook.first_button)."""
    shown = [c for c in dict.fromkeys(codes) if c in LANGUAGES]
    chinese = sorted(BUTTON_NAMES.items(), key=lambda button: button[0] != script)
    names = [(b, name) for c in shown for b, name in
             (chinese if c == "zh" else [(c, LANGUAGES[c].native_name)])]
    buttons = [InlineKeyboardButton(f"{CURRENT_MARK} {name}" if b == current else name,
                                    callback_data=callbacks.data(prefix, b)) for b, name in names]
    lead = len(BUTTON_NAMES) if shown[:1] == ["zh"] else 1  # the likeliest's buttons on top
    if yes and first and buttons:
        answer = InlineKeyboardButton(fit_label(yes), callback_data=callbacks.data(
            prefix, shown[0]))
        buttons = [answer, *buttons] if lead > 1 else [answer, *buttons[1:]]
        lead = 1
    top = [buttons[:lead]] if first and buttons else []
    grid = rows(buttons[len(top[0]) if top else 0:], 3).inline_keyboard
    tail = [[InlineKeyboardButton(more[0], callback_data=more[1])]] if more else []
    return InlineKeyboardMarkup([*top, *grid, *tail])


def undo_language(catalog: Catalog, previous: str, prefix: str, chosen: str
                  ) -> InlineKeyboardMarkup:
    """One "↩️ Back to <previous>" button, written in the previous language: a tap on the
    wrong language leaves someone reading words they cannot, and this they can read. A
    previous language Puente has no messages in (Ukrainian) would be English: the button is
    then in the `chosen` one, naming the previous as it names itself ("↩️ Rov siv
    Українська"), for a Hmong child who first tapped Українська by mistake (playtest)."""
    lang = previous if previous in catalog.languages else chosen
    label = catalog.plain("button-language-undo", lang, language=language_name(previous))
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        fit_label(label), callback_data=callbacks.data(prefix, previous, callbacks.UNDO))]])


def family_here(catalog: Catalog, lang: str, code: str, hear: bool = False
                ) -> InlineKeyboardMarkup:
    """"✅ Family updates here too" under a student's own family link (a shared phone), and
    🔊 to hear the question where a voice speaks `lang` (`hear`)."""
    buttons = [[InlineKeyboardButton(catalog.plain("button-family-here", lang),
                                     callback_data=callbacks.data(callbacks.FAMILY_HERE, code))]]
    return InlineKeyboardMarkup(buttons + _hear_row(catalog, lang, "link", hear))


def family_stop(catalog: Catalog, lang: str, student_id: int, hear: bool
                ) -> InlineKeyboardMarkup:
    """"⏸ Stop the family updates" under a stray /stop's question on the child's own phone,
    and 🔊 to hear the question where a voice speaks `lang` (`hear`): the grandmother who
    shares it cannot read it."""
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(fit_label(catalog.plain("button-family-stop", lang)),
                              callback_data=callbacks.data(callbacks.FAMILY_STOP, student_id))],
        *_hear_row(catalog, lang, "stop", hear)])


def speaker_buttons(catalog: Catalog, lang: str, child: str, hear: bool
                    ) -> InlineKeyboardMarkup:
    """Who is speaking on a phone the child and the family share: "🧒 <child>", "👪 Family"
    (each on a row of its own: big, and told apart by the emoji alone), and 🔊 to hear the
    question where a voice speaks `lang` (`hear`)."""
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(fit_label(catalog.plain("button-speaker-child", lang, name=child)),
                              callback_data=callbacks.data(callbacks.SPEAKER, "c"))],
        [InlineKeyboardButton(catalog.plain("button-speaker-family", lang),
                              callback_data=callbacks.data(callbacks.SPEAKER, "f"))],
        *_hear_row(catalog, lang, "who", hear)])


def _hear_row(catalog: Catalog, lang: str, question: str, hear: bool
              ) -> list[list[InlineKeyboardButton]]:
    """🔊: hear `question` said aloud (no row where no voice speaks the language)."""
    return [[InlineKeyboardButton(catalog.plain("button-listen", lang), callback_data=
                                  callbacks.data(callbacks.SAY_ALOUD, question))]] if hear else []


def option_layout(prefix: str, first: int, labels: Sequence[str]) -> Layout:
    """One button per answer option, two a row unless a label is long; data carries only ids."""
    buttons = [(label[:60], callbacks.data(prefix, first, i)) for i, label in enumerate(labels)]
    width = 1 if max((len(x) for x in labels), default=0) > 18 else 2
    return [buttons[i:i + width] for i in range(0, len(buttons), width)]


# A button for each command a child is told to send: a child who cannot type yet taps it
COMMAND_BUTTONS = {"/check": ("button-check", callbacks.CHECK),
                   "/words": ("button-words", callbacks.WORDS)}


def command_layout(catalog: Catalog, lang: str, commands: Iterable[str],
                   english_first: bool = False) -> Layout:
    """One row: a button for each of `commands` ("/words", "/check") that has one; at levels
    5-6 (`english_first`) labelled in English, then hers, as the message above it reads
    ("✅ Check me · اختبرني": the Arabic alone sat under an English-first reminder, playtest)."""
    row = [(level_label(catalog, COMMAND_BUTTONS[c][0], lang, english_first),
            callbacks.data(COMMAND_BUTTONS[c][1]))
           for c in commands if c in COMMAND_BUTTONS]
    return [row] if row else []


def markup(layout: Layout) -> InlineKeyboardMarkup:
    """The layout as python-telegram-bot's keyboard object."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                  for label, data in row] for row in layout])


def wire(layout: Layout) -> dict[str, list[list[dict[str, str]]]]:
    """The layout as the Bot API's JSON, exactly what `markup(layout).to_dict()` gives, without
    building the objects (a graded tap's edit sends it; tests/handlers/test_answer_cost.py)."""
    return {"inline_keyboard": [[{"callback_data": data, "text": label}
                                 for label, data in row] for row in layout]}


def both_languages(catalog: Catalog, key: str, lang: str, english_first: bool = False,
                   **params: object) -> str:
    """A button label in the home language and then English, without a second emoji: "🤷 No
    sé · I don't know" (a right-to-left label starts with its own words, so it reads right to
    left, as "🌐 Other languages" does); `english_first` (levels 5-6): English, then hers. A
    label with no emoji keeps all its words ("Keep it · احتفظ بها", not "it · بها")."""
    labels = dict.fromkeys(catalog.plain(key, code, **params)
                           for code in (("en", lang) if english_first else (lang, "en")))
    first, *then = labels
    return " · ".join([first, *(_without_emoji(text) for text in then)])


def _without_emoji(label: str) -> str:
    """The label without its leading emoji (a word of no letter), if it has one."""
    head, _, rest = label.partition(" ")
    return rest if rest and not any(c.isalpha() for c in head) else label


def level_label(catalog: Catalog, key: str, lang: str, english_first: bool,
                **params: object) -> str:
    """A student's button in her level's order, as "✅ Check me" is: her language alone at
    levels 1-4, English then hers at levels 5-6 (`english_first`; "✉️ Send this to the
    teacher · إرسال ..." under an English-first offer read Arabic alone, playtest)."""
    if not english_first:
        return catalog.plain(key, lang, **params)
    both = both_languages(catalog, key, lang, english_first=True, **params)
    # too long for both ("✉️ Send this to the teacher · Envoyer au professeur ou à la pro…"):
    # her English alone, whole, rather than her language cut off (levels 5-6 read English)
    return both if len(both) <= LABEL_LIMIT else fit_label(catalog.plain(key, "en", **params))


def dont_know_label(catalog: Catalog, lang: str, english_first: bool = False) -> str:
    """The 🤷 label, "🤷 No sé · I don't know": placement's words, in the home language and then
    English (`english_first`, levels 5-6: "🤷 I don't know · No sé")."""
    return both_languages(catalog, "button-dont-know", lang, english_first)


def dont_know_layout(item_id: int, catalog: Catalog, lang: str, english_first: bool = False
                     ) -> Layout:
    """A check question's "🤷 I don't know", one wide row: a typed question's only button, and
    at levels 1-2 the last row under the options (no option of them: data names only the
    item). A way out for a child who does not know the word, as placement taught her to say."""
    return [[(dont_know_label(catalog, lang, english_first),
              callbacks.data(callbacks.DONT_KNOW, item_id))]]


TILE_ROW = 5  # tiles a row: up to 15 tiles (a 13-letter word) in three rows of five
TILE_ROWS = 3  # rows of tiles a phone shows without scrolling, with ⌫ ✅, 🤷 and 🔊 under them
TILE_ROW_MOST = 6  # wider rows for a longer word: six single letters still fit a fingertip
# (Telegram allows eight a row, but eight on a 360-dp phone is under 45 dp a button)
USED_TILE = "·"  # a tile already in the spelling (it keeps its place, so no tile moves)


def tile_row(tiles: int) -> int:
    """Tiles a row: five, or as many as keep a long word's tiles in three rows (six for
    "multiplication", 16 tiles: 6, 6, 4; the longest word tiles spell fills three of six)."""
    return min(TILE_ROW_MOST, max(TILE_ROW, -(-tiles // TILE_ROWS)))


def tile_layout(item_id: int, deal: Sequence[str], picks: Sequence[int]) -> Layout:
    """Letter tiles, five a row (six for a word of 14-16 letters; a tapped one shows "·"),
    then ⌫ and ✅. No words on them: a letter, ⌫ and ✅ read the same in every language."""
    tiles = [(USED_TILE if i in picks else letter, callbacks.tile_data(item_id, i, letter))
             for i, letter in enumerate(deal)]
    width = tile_row(len(tiles))
    rows = [tiles[i:i + width] for i in range(0, len(tiles), width)]
    return [*rows, [("⌫", callbacks.data(callbacks.TILES, item_id, callbacks.TILE_BACK)),
                    ("✅", callbacks.data(callbacks.TILES, item_id, callbacks.TILE_DONE))]]


def show_tiles_layout(item_id: int, deal: Sequence[str], fewest: int, catalog: Catalog,
                      lang: str, english_first: bool = False) -> Layout:
    """Under a typed question: "🔤 Letter tiles", to spell the word by tapping instead (its
    data: the deal, and the letters ✅ waits for)."""
    return [[(both_languages(catalog, "button-tiles", lang, english_first),
              callbacks.data(callbacks.TILES, item_id, f"{callbacks.TILE_SHOW}{fewest}",
                             "".join(deal)))]]


def letters_first_button(catalog: Catalog, lang: str, student_id: int, on: bool
                         ) -> InlineKeyboardMarkup:
    """Under /student at level 2: "🔤 Letters first: off" (or on), in the teacher's language;
    a tap turns it the other way, and the button then says so."""
    key = "button-letters-first-on" if on else "button-letters-first-off"
    return markup([[(catalog.plain(key, lang),
                     callbacks.data(callbacks.LETTERS_FIRST, student_id, int(not on)))]])


def letters_offer_layout(catalog: Catalog, lang: str) -> Layout:
    """Under a check's last message, once: "✅ Yes" and "No" to "🔤 Show the letters first next
    time?", in her language and English (level 2)."""
    return [[(both_languages(catalog, "button-letters-yes", lang),
              callbacks.data(callbacks.LETTERS_OFFER, "y")),
             (both_languages(catalog, "button-letters-no", lang),
              callbacks.data(callbacks.LETTERS_OFFER, "n"))]]


def new_cards_layout(catalog: Catalog, lang: str, level: int | None) -> Layout:
    """Under a check's last message when cards wait: "📘 My new cards", in the home language
    and English (English first at levels 5-6); a tap opens /words, new cards first."""
    english_first = level is not None and level >= 5
    return [[(both_languages(catalog, "button-new-cards", lang, english_first),
              callbacks.data(callbacks.NEW_CARDS))]]


def options(prefix: str, first: int, labels: Sequence[str]) -> InlineKeyboardMarkup:
    """One button per answer option; data carries only ids."""
    return markup(option_layout(prefix, first, labels))


def placement(question: int, labels: Sequence[str], listen: str | None = None
              ) -> InlineKeyboardMarkup:
    """A placement question's options; with `listen`, a wide 🔊 button above them that reads
    the answers aloud in the buttons' order."""
    markup = options(callbacks.PLACEMENT, question, labels)
    if listen is None:
        return markup
    sound = InlineKeyboardButton(listen, callback_data=callbacks.data(callbacks.PLACEMENT_AUDIO,
                                                                      question))
    return InlineKeyboardMarkup([[sound], *markup.inline_keyboard])


def resume_placement(label: str) -> InlineKeyboardMarkup:
    """One button back to the placement questions a student left early."""
    return rows([InlineKeyboardButton(label, callback_data=callbacks.data(
        callbacks.PLACEMENT_RESUME))], 1)


def after_preview(flip: str | None, check: str, listen: str | None = None,
                  push_id: int | None = None, preview_id: int | None = None
                  ) -> InlineKeyboardMarkup:
    """Flip (unless the cards already lead with the home language) and Check; with `listen`,
    one wide 🔊 button above them (one voice note a word). Under a pushed preview (`push_id`)
    each names the push, so it acts on that preview's words, not the whole /words; under
    other cards sent together, 🔁 and 🔊 name them (`preview_id`), and ✅ checks what is due."""
    push = () if push_id is None else (push_id,)
    cards = () if push or preview_id is None else (preview_id, callbacks.CARDS)
    row = [InlineKeyboardButton(check, callback_data=callbacks.data(callbacks.CHECK, *push))]
    if flip is not None:
        row.insert(0, InlineKeyboardButton(flip, callback_data=callbacks.data(
            callbacks.FLIP, *(push or cards))))
    hear = callbacks.data(callbacks.AUDIO, *push, "p") if push else \
        callbacks.data(callbacks.AUDIO, *cards)
    top = [[InlineKeyboardButton(listen, callback_data=hear)]]
    return InlineKeyboardMarkup([*(top if listen else []), row])


def without(markup: InlineKeyboardMarkup | None, data: str) -> InlineKeyboardMarkup | None:
    """The keyboard with the buttons carrying `data` taken off (None when nothing is left)."""
    rows = [[b for b in row if b.callback_data != data] for row in
            (markup.inline_keyboard if markup else ())]
    kept = [row for row in rows if row]
    return InlineKeyboardMarkup(kept) if kept else None


def without_prefix(markup: InlineKeyboardMarkup | None, prefix: str
                   ) -> InlineKeyboardMarkup | None:
    """The keyboard with every button of `prefix` taken off (None when nothing is left)."""
    rows = [[b for b in row if not str(b.callback_data).startswith(f"{prefix}:")] for row in
            (markup.inline_keyboard if markup else ())]
    kept = [row for row in rows if row]
    return InlineKeyboardMarkup(kept) if kept else None


READY_MARK = "💬 "  # a ready-made reply still to send
HEARD_MARK = "🎙️ "  # ...that the family will hear too: their class recorded it (/record replies)
BLANK = "___"  # a menu label's day and time still to choose ("…" read "on …." before a full stop)


def ready_label(catalog: Catalog, lang: str, reply: str, child: str, heard: bool = False
                ) -> str:
    """A ready-made reply's button, in the teacher's language: "💬 Hodan is doing well.",
    "💬 🎙️ Hodan is doing well." when its recording goes with it (`heard`); one with a day
    and time leaves them as gaps, chosen after the tap."""
    return READY_MARK + (HEARD_MARK if heard else "") + catalog.plain(
        ready_key(reply), lang, name=child, day=BLANK, time=BLANK)


def listen_word(label: str, word_id: int, word_only: bool = False) -> InlineKeyboardButton:
    """A 🔊 button for one word: its card's clip, or (`word_only`) the English word alone."""
    args = (word_id, "w") if word_only else (word_id,)
    return InlineKeyboardButton(label, callback_data=callbacks.data(callbacks.AUDIO, *args))


def listen_words(refs: Sequence[WordRef], catalog: Catalog, lang: str) -> InlineKeyboardMarkup:
    """A 🔊 button for each word, one a row, each labelled with its English term."""
    return rows([listen_word(catalog.plain("button-listen-term", lang, term=ref.word.term),
                             ref.id) for ref in refs], 1)


def family_listen(catalog: Catalog, lang: str, student_id: int, word_ids: tuple[int, ...],
                  row_id: int | None = None, voiced: bool = True
                  ) -> InlineKeyboardMarkup | None:
    """The 🔊 buttons under a family update: the whole message read aloud (only where a voice
    speaks `lang`: `voiced`), then its words (when it names any: their English is always
    said). Under a queued update (`row_id`) both name its outbox row, which holds what they
    say; under /now they name the child, and the tap makes this week's update again. None:
    no button at all."""
    if row_id is None:
        message = callbacks.data(callbacks.HEAR_MESSAGE, "n", student_id)
        words = callbacks.data(callbacks.FAMILY_HEAR, student_id, "n")
    else:
        message = callbacks.data(callbacks.HEAR_MESSAGE, row_id)
        words = callbacks.data(callbacks.FAMILY_HEAR, student_id, f"o{row_id}")
    # A Somali father tapped 🔊 Listen to this message and was told in writing there is no
    # Somali voice (playtest): a button that cannot speak his language is not shown
    buttons = [InlineKeyboardButton(catalog.plain("button-listen-message", lang),
                                    callback_data=message)] if voiced else []
    if word_ids:
        buttons.append(InlineKeyboardButton(catalog.plain("button-family-listen", lang),
                                            callback_data=words))
    return rows(buttons, 1) if buttons else None


def cannot_read_rows(catalog: Catalog, lang: str) -> list[list[list[str]]]:
    """"🔤 I cannot read this", in the family's language, as outbox rows: under a teacher's
    words that reach them untranslated (the note says so, and now offers something to do)."""
    return [[[catalog.plain("button-cannot-read", lang), callbacks.data(callbacks.CANNOT_READ)]]]


def listen_rows(catalog: Catalog, voiced: Callable[[str], bool]
                ) -> Callable[[str, int], list[list[list[str]]]]:
    """The 🔊 under a queued message people wrote (a ready-made reply or announcement), as
    outbox rows: the message read aloud in the reader's language (`lang`, the row's id); none
    where no voice speaks it (`voiced`), rather than a 🔊 that only says so."""
    def made(lang: str, row_id: int) -> list[list[list[str]]]:
        return [[[catalog.plain("button-listen-message", lang),
                  callbacks.data(callbacks.HEAR_MESSAGE, row_id)]]] if voiced(lang) else []
    return made


def ready_replies(catalog: Catalog, lang: str, child: str, replies: Sequence[str],
                  heard: Collection[str] = ()) -> InlineKeyboardMarkup:
    """The ready-made `replies` under a family message no model can answer in its language
    (or under any student's message: the replies to a student), one a row, each in the
    teacher's language (`lang`) naming the child; 🎙️ on those whose recording goes too."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        ready_label(catalog, lang, reply, child, reply in heard),
        callback_data=callbacks.data(callbacks.READY_REPLY, reply))] for reply in replies])


def write_ready(catalog: Catalog, lang: str, family_id: int, child: str,
                heard: Collection[str] = ()) -> list[list[InlineKeyboardButton]]:
    """The ready-made first messages (FIRST_MESSAGES) a teacher may send one family member
    instead of typing, one a row, in the teacher's language naming the child; 🎙️ on those
    whose recording goes too (`heard`)."""
    return [[InlineKeyboardButton(
        ready_label(catalog, lang, reply, child, reply in heard),
        callback_data=callbacks.data(callbacks.WRITE_READY, family_id, reply))]
        for reply in FIRST_MESSAGES]


ANSWERED_LABEL = 40  # characters of the answer a "✅ Answered: …" button shows


def answered(catalog: Catalog, lang: str, said: str,
             excused: tuple[int, date] | None = None) -> InlineKeyboardMarkup:
    """What a relayed message shows once answered, in place of its ready-made replies:
    "✅ Answered: Thank you for telling me…" (a tap says it was answered; playtest: a reply
    tapped on an old, answered message told a family the child was ill), and, under a message
    that excused a day still excused (student id, day), its "↩️ Not excused: DAY": the text
    above still points to it."""
    text = said if len(said) <= ANSWERED_LABEL else said[:ANSWERED_LABEL - 1].rstrip() + "…"
    undo = [[InlineKeyboardButton(label, callback_data=data)]
            for [[label, data]] in [unexcuse_row(catalog, lang, *excused)]] if excused else []
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        catalog.plain("button-answered", lang, text=text),
        callback_data=callbacks.ANSWERED)], *undo])


def confirm_ready(catalog: Catalog, lang: str, reply: str, relay_id: int
                  ) -> InlineKeyboardMarkup:
    """✅ Yes, send it (a ready-made reply to a message answered already, or old) and ✖️."""
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(catalog.plain("button-send-anyway", lang),
                              callback_data=callbacks.data(callbacks.READY_REPLY, reply,
                                                           relay_id, callbacks.CONFIRMED))],
        [InlineKeyboardButton("✖️ " + catalog.plain("button-cancel", lang),
                              callback_data=callbacks.data(callbacks.ANSWERED, "no"))]])


def as_written(catalog: Catalog, lang: str, target: str, child: str | None,
               relay_id: int | None, first: Sequence[str] = (), heard: Collection[str] = (),
               replies: Sequence[str] = READY_REPLIES) -> InlineKeyboardMarkup:
    """✅ Send as written (the held answer, for `target`) and ✖️ Cancel, then, under an answer
    to a family message, the ready-made replies in the family's language (each naming that
    message, checked on the server as relayed to this teacher). With `first` (a family who
    said they cannot read English), the replies lead, those in `first` on top, and ✅ ✖️
    come last; 🎙️ on the replies whose recording goes too (`heard`); `replies` those offered
    (under the message itself: no "feels better soon" when it said nobody is sick)."""
    held = [[InlineKeyboardButton(catalog.plain("button-send-as-written", lang),
                                  callback_data=callbacks.data(callbacks.ANSWER_HELD, target,
                                                               "ok"))],
            [InlineKeyboardButton("✖️ " + catalog.plain("button-cancel", lang),
                                  callback_data=callbacks.data(callbacks.ANSWER_HELD, "no"))]]
    ready = [] if child is None or relay_id is None else [[InlineKeyboardButton(
        ready_label(catalog, lang, reply, child, reply in heard),
        callback_data=callbacks.data(callbacks.READY_REPLY, reply, relay_id))]
        for reply in [*first, *(r for r in replies if r not in first)]]
    return InlineKeyboardMarkup([*ready, *held] if first else [*held, *ready])


def card_page(page: Page, catalog: Catalog, listen: bool) -> InlineKeyboardMarkup:
    """A card's buttons: 🔊 this word and 🔁 My language first (on a flipped card, 🔁 English
    first), where they do something, above ◀ Back n/N and Next ▶ n/N, or ✅ Check on the last
    card. Each carries the preview id and a card number, nothing more;
    the ✅ of a pushed preview carries the push, so it checks that preview's words."""
    lang, flag = page.lang, ("f",) if page.flipped else ()
    push = () if page.push_id is None else (page.push_id,)

    def turn(index: int, *extra: str) -> str:
        return callbacks.data(callbacks.CARD, page.preview_id, index, *(extra or flag))

    top = [listen_word(catalog.plain("button-listen", lang), page.ref.id)] if listen else []
    wide: list[InlineKeyboardButton] = []  # "🔁 الإنجليزية أولًا · English first": a row
    # of its own, too long to share one
    if page.can_flip:
        top.append(InlineKeyboardButton(catalog.plain("button-flip", lang),
                                        callback_data=turn(page.index, "f")))
    elif page.can_unflip:  # back to English first: in English too where prompts are bilingual
        both = page.scaffold.bilingual_prompts
        label = both_languages(catalog, "button-english-first", lang) if both \
            else catalog.plain("button-english-first", lang)
        (wide if both else top).append(InlineKeyboardButton(label, callback_data=callbacks.data(
            callbacks.CARD, page.preview_id, page.index)))
    moves = []
    if page.index > 0:  # "◀ Back 1/5": the card it turns back to, as Next names its own
        moves.append(InlineKeyboardButton(
            _reading(catalog, "button-back", lang, number=page.index, total=page.total),
            callback_data=turn(page.index - 1)))
    if not page.last:
        label = _reading(catalog, "button-next", lang, number=page.index + 2, total=page.total)
        moves.append(InlineKeyboardButton(label, callback_data=turn(page.index + 1)))
    elif page.offer_check:
        moves.append(InlineKeyboardButton(catalog.plain("button-check", lang),
                                          callback_data=callbacks.data(callbacks.CHECK, *push)))
    if is_rtl(catalog.template("button-back", lang)[0]):
        moves.reverse()  # Telegram lays buttons out left to right; forward is leftward in RTL
    return InlineKeyboardMarkup([row for row in (top, wide, moves) if row])


_MIRRORED = str.maketrans("▶◀", "◀▶")


def _reading(catalog: Catalog, key: str, lang: str, **params: int) -> str:
    """A Next or Back label whose arrow points the way the language reads: in a right-to-left
    language the next card is to the left, the card before to the right (the words stay the
    prompt's). "▶ السابق 1/5" still reads right to left, its arrow on the right: a label takes
    its direction from its first strong letter, and an arrow is none."""
    label = catalog.plain(key, lang, **params)
    return label.translate(_MIRRORED) if is_rtl(catalog.template(key, lang)[0]) else label


def as_rows(markup: InlineKeyboardMarkup) -> list[list[list[str]]]:
    """A keyboard as outbox payload rows: [[label, callback data], ...] per row."""
    return [[[b.text, str(b.callback_data)] for b in row] for row in markup.inline_keyboard]


def confirm_delete(yes: str, no: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.DELETE, "yes")),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.DELETE, "no"))]])


def confirm_remove(student_id: int, class_id: int, yes: str, no: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.REMOVE, student_id,
                                                               class_id)),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.REMOVE, "no"))]])


def confirm_rename(class_id: int, token: str, yes: str, no: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.RENAME, class_id, token)),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.RENAME, "no"))]])


def co_teacher_buttons(class_id: int, teachers: Iterable[tuple[int, str]],
                       new_code: str | None = None) -> InlineKeyboardMarkup | None:
    """A ✖ button for each co-teacher (id, label) of a class its creator can take off it, and
    "🔄 New code" (`new_code`, its label; None: none) under a code shown again."""
    crosses = rows([InlineKeyboardButton(fit_label(label), callback_data=callbacks.data(
        callbacks.COTEACHER, class_id, teacher_id)) for teacher_id, label in teachers], 2)
    again = [[InlineKeyboardButton(new_code, callback_data=callbacks.data(
        callbacks.COTEACH_NEW, class_id))]] if new_code else []
    buttons = [*crosses.inline_keyboard, *again]
    return InlineKeyboardMarkup(buttons) if buttons else None


def confirm_co_teacher_removal(class_id: int, teacher_id: int, yes: str, no: str
                               ) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.COTEACHER, class_id,
                                                               teacher_id, "yes")),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.COTEACHER, "no"))]])


def overrule_buttons(misses: Iterable[tuple[int, str]],
                     more: list[InlineKeyboardButton] | None = None) -> InlineKeyboardMarkup:
    """A ✅ Count as right for each typed miss (answer id, label), one a row, and `more`
    (older misses) last."""
    keyboard = [[InlineKeyboardButton(fit_label(label), callback_data=callbacks.data(
        callbacks.OVERRULE, attempt_id))] for attempt_id, label in misses]
    return InlineKeyboardMarkup(keyboard + ([more] if more else []))


def confirm_overrule(attempt_id: int, yes: str, no: str, also: str | None = None
                     ) -> InlineKeyboardMarkup:
    """✅ Count this answer, or keep the miss; with `also`, a row of its own to accept the
    text for the class as well (a choice apart, never the default)."""
    keyboard = [[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.OVERRULE, attempt_id,
                                                               "yes")),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.OVERRULE, "no"))]]
    if also is not None:
        keyboard.insert(1, [InlineKeyboardButton(fit_label(also), callback_data=callbacks.data(
            callbacks.OVERRULE, attempt_id, "all"))])
    return InlineKeyboardMarkup(keyboard)


def more_misses(student_id: int, start: int, label: str) -> list[InlineKeyboardButton]:
    """"More: 12 older" under /student's typed misses, listing them from `start`."""
    return [InlineKeyboardButton(label, callback_data=callbacks.data(
        callbacks.MORE_MISSES, student_id, start))]


def withdraw_buttons(accepted: Iterable[tuple[int, str]]) -> InlineKeyboardMarkup:
    """A ↩️ for each answer a class accepts (its id, label), two a row."""
    return rows([InlineKeyboardButton(fit_label(label), callback_data=callbacks.data(
        callbacks.WITHDRAW, accepted_id)) for accepted_id, label in accepted], 2)


def undo_overrule(attempt_id: int, label: str) -> InlineKeyboardMarkup:
    """↩️ Undo under a count just made (overrule.UNDO_WITHIN)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=callbacks.data(
        callbacks.OVERRULE, attempt_id, "undo"))]])


def class_buttons(classes: Sequence[tuple[int, str]], token: str) -> InlineKeyboardMarkup:
    """One button per class (id, name), two a row, finishing the command held as `token`."""
    return rows([InlineKeyboardButton(fit_label(name), callback_data=callbacks.data(
        callbacks.CLASS_PICK, class_id, token)) for class_id, name in classes], 2)


def push_again(push_id: int, label: str) -> InlineKeyboardMarkup:
    """Send a push again to the students who already had its words today."""
    return rows([InlineKeyboardButton(label, callback_data=callbacks.data(
        callbacks.PUSH_AGAIN, push_id))], 1)


def cancel_push_buttons(pushes: Sequence[tuple[int, str]]) -> InlineKeyboardMarkup:
    """One "Cancel" button per push still waiting, (push id, label)."""
    return rows([InlineKeyboardButton(label[:60], callback_data=callbacks.data(
        callbacks.SCHEDULED, push_id)) for push_id, label in pushes], 1)


def confirm_cancel_push(push_id: int, yes: str, no: str) -> InlineKeyboardMarkup:
    """Cancel a waiting push, or keep it."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.SCHEDULED, push_id,
                                                               "yes")),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.SCHEDULED, "no"))]])


def unlink_buttons(links: Sequence[tuple[int, str]],
                   revoke: Sequence[tuple[int, str]] = (),
                   write: Sequence[tuple[int, str]] = (),
                   pages: tuple[str | None, str | None] = (None, None)
                   ) -> InlineKeyboardMarkup:
    """Per linked family member, (family id, label), a "✉️ write" button (when `write` labels
    one) and an "unlink" button; then one "cancel link" button per link that still works,
    (link id, label); then ◀ ▶ (the data of the page before and after, None: no such page)."""
    writes = dict(write)
    members = []
    for family_id, label in links:
        if family_id in writes:
            members.append(InlineKeyboardButton(fit_label(writes[family_id]),
                                                callback_data=callbacks.data(
                                                    callbacks.WRITE_FAMILY, family_id)))
        members.append(InlineKeyboardButton(fit_label(label), callback_data=callbacks.data(
            callbacks.UNLINK, family_id)))
    markup = rows([*members,
        *(InlineKeyboardButton(fit_label(label), callback_data=callbacks.data(
            callbacks.REVOKE_LINK, link_id)) for link_id, label in revoke)], 1)
    arrows = [InlineKeyboardButton(arrow, callback_data=data)
              for arrow, data in zip("◀▶", pages, strict=True) if data is not None]
    return InlineKeyboardMarkup([*markup.inline_keyboard, arrows]) if arrows else markup


_NUMBERED = re.compile(r"\s\(\d+\)$")


def fit_label(label: str, limit: int = LABEL_LIMIT) -> str:
    """A button label cut to `limit` characters in the middle, never its closing number: two
    family members of one child read "... (1)" and "... (2)", and a plain cut made their
    Unlink buttons identical (playtest 10)."""
    if len(label) <= limit:
        return label
    found = _NUMBERED.search(label)
    end = found.group(0) if found else ""
    return label[:limit - len(end) - 1].rstrip() + "…" + end


def unlink_new(family_id: int, label: str) -> InlineKeyboardMarkup:
    """The Unlink button under a note that a family member just linked: /families' own, so
    its tap asks first and checks the link is in the teacher's classes."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        label, callback_data=callbacks.data(callbacks.UNLINK, family_id))]])


def confirm_unlink(family_id: int, yes: str, no: str) -> InlineKeyboardMarkup:
    """Unlink a family member, or keep them linked."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.UNLINK, family_id,
                                                               "yes")),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.UNLINK, "no"))]])


def confirm_revoke(link_id: int, yes: str, no: str) -> InlineKeyboardMarkup:
    """Cancel a family link, or keep it."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(yes, callback_data=callbacks.data(callbacks.REVOKE_LINK, link_id,
                                                               "yes")),
        InlineKeyboardButton(no, callback_data=callbacks.data(callbacks.REVOKE_LINK, "no"))]])


def home_languages(school: Sequence[str]) -> list[str]:
    """The menu: the school's languages first, then every other language with prompts, then
    English (a child may study in English only; a parent may read it best)."""
    extra = [c for c, lang in LANGUAGES.items()
             if Capability.PROMPTS in lang.capabilities and c != "en"]
    return list(dict.fromkeys([*school, *extra, "en"]))


def more_button(catalog: Catalog, lang: str, data: str, english: bool = False,
                english_first: bool = False) -> Button:
    """🌐 Other languages, in `lang` (and English after it, without a second globe; before it
    with `english_first`)."""
    langs = [lang] if not english or lang == "en" else ["en", lang] if english_first \
        else [lang, "en"]
    # a language without messages reads English: "🌐 Other languages" once, not twice
    first, *then = dict.fromkeys(catalog.plain("button-more-languages", code) for code in langs)
    return " · ".join([first, *(label.split(" ", 1)[-1] for label in then)]), data


def more_languages() -> list[str]:
    """Behind "🌐 Other languages": every catalogue language Puente has no messages in (a
    child or parent can still choose it: words by machine translation, or English with
    pictures, and the teacher sees it), then English for a language not even there."""
    return [*(c for c, lang in LANGUAGES.items() if Capability.PROMPTS not in lang.capabilities),
            "en"]


def ask_buttons(targets: Sequence[tuple[int, str]], no: str, prefix: str = callbacks.ASK,
                also: Sequence[InlineKeyboardButton] = (),
                first: Sequence[InlineKeyboardButton] = ()) -> InlineKeyboardMarkup:
    """Send a held message to the teacher of one child, (student id, label), or a teacher's
    held answer to the message it answers (ANSWER_HELD: (its message id, label)); `first`
    above them (send it and excuse the day), `also` below (a ready-made note instead); or
    don't."""
    buttons = [InlineKeyboardButton(label[:60], callback_data=callbacks.data(prefix, target))
               for target, label in targets]
    return rows([*first, *buttons, *also, InlineKeyboardButton(
        no[:60], callback_data=callbacks.data(prefix, "no"))], 1)


def lost_button(catalog: Catalog, lang: str, english_first: bool) -> InlineKeyboardMarkup:
    """"🆘 I'm lost, please help me" in the student's level order: one tap sends the
    ready-made note to her teachers."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        level_label(catalog, "button-student-lost", lang, english_first),
        callback_data=callbacks.data(callbacks.STUDENT_LOST))]])


def child_buttons(prefix: str, children: Sequence[tuple[int, str]], every: str | None
                  ) -> InlineKeyboardMarkup:
    """One button per child, (student id, first name), then "All" (`every`; None: no such
    button): whose weekly updates a shared phone stops or gets again."""
    buttons = [InlineKeyboardButton(fit_label(label), callback_data=callbacks.data(prefix, child))
               for child, label in children]
    if every:
        buttons.append(InlineKeyboardButton(fit_label(every), callback_data=callbacks.data(
            prefix, callbacks.ALL)))
    return rows(buttons, 1)


def announce_buttons(announcement_id: int, families: str | None, everyone: str | None,
                     cancel: str) -> InlineKeyboardMarkup:
    """Confirm an announcement to families (None: no family member to send it to), to families
    and students (None: a ready-made one, written to families), or cancel it. With no
    "families and students" to choose, "families" is "r": what it says once sent names no
    choice the teacher never had."""
    only = "f" if everyone else "r"
    return rows([InlineKeyboardButton(label, callback_data=callbacks.data(
        callbacks.ANNOUNCE, announcement_id, choice))
        for label, choice in ((families, only), (everyone, "s"), (cancel, "no")) if label], 1)


def unexcuse_row(catalog: Catalog, lang: str, student_id: int, day: date) -> list[list[str]]:
    """An outbox row: ↩️ to make an excused day a school day for the student again."""
    return [[catalog.plain("button-unexcuse", lang, day=Day(day)),
             callbacks.data(callbacks.EXCUSED, student_id, day.strftime("%Y%m%d"))]]


def excuse_row(catalog: Catalog, lang: str, student_id: int, day: date, away: bool = False
               ) -> list[list[str]]:
    """An outbox row: 🤒 (📅 `away`: not sick, another day than today) to excuse the day a
    family's own words said the child is away."""
    return [[catalog.plain("button-excuse-day-away" if away else "button-excuse-day", lang,
                           day=Day(day)),
             callbacks.data(callbacks.EXCUSE, student_id, day.strftime("%Y%m%d"))]]


def unexcuse_buttons(catalog: Catalog, lang: str, student_id: int, days: Sequence[date]
                     ) -> InlineKeyboardMarkup:
    """/student's excused days, each a ↩️ button (one a row: the day is in the label)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)]
                                 for [[label, data]] in
                                 (unexcuse_row(catalog, lang, student_id, d) for d in days)])


def excuse_a_day(catalog: Catalog, lang: str, student_id: int) -> InlineKeyboardMarkup:
    """"🤒 Excuse a day" under /student: which school day comes next."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        catalog.plain("button-excuse-a-day", lang),
        callback_data=callbacks.data(callbacks.EXCUSE_MENU, student_id))]])


def student_buttons(catalog: Catalog, lang: str, student_id: int, letters_on: bool | None
                    ) -> InlineKeyboardMarkup:
    """Under /student: at level 2 (`letters_on` not None) the "🔤 Letters first" switch, then
    "🤒 Excuse a day"; the switch's tap rebuilds both, so neither is lost."""
    letters = [] if letters_on is None else \
        list(letters_first_button(catalog, lang, student_id, letters_on).inline_keyboard)
    excuse = excuse_a_day(catalog, lang, student_id).inline_keyboard
    return InlineKeyboardMarkup([*letters, *excuse])


def excuse_days(catalog: Catalog, lang: str, student_id: int, days: Sequence[date],
                today: date) -> InlineKeyboardMarkup:
    """A teacher's school days to excuse for a student, two a row, today marked."""
    return rows([InlineKeyboardButton(
        catalog.plain("button-excuse-today", lang, day=Day(day)) if day == today
        else catalog.day(lang, day),
        callback_data=callbacks.data(callbacks.EXCUSE, student_id, day.strftime("%Y%m%d")))
        for day in days], 2)
