"""Letters first: many level-2 newcomers (WIDA 2) cannot type English on a phone yet, and had
to tap "🔤" on every typed review. Their teacher turns "🔤 Letters first" on under /student (a
co-teacher too), or the student says Yes when offered it once, after the third check in which
she answered typed questions with their tiles: her typed questions then open on their tiles, as
at level 1, typing still taken. A forged or old button changes nothing, and says so kindly."""

from __future__ import annotations

from bot.domain import tiles
from bot.presentation import callbacks
from bot.store import check_items, members, people
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    answer_until,
    check_now,
    join_and_confirm,
    last_line,
    opens_with_tiles,
    texts,
    tile_taps,
    toast,
)

LIN = 1001
CO_TEACHER = 9003
OFFER_EN = "🔤 Show the letters first next time?"
OFFER_HMN = "🔤 Puas yuav qhia cov tsiaj ntawv ua ntej rau lwm zaus?"
YES = callbacks.data(callbacks.LETTERS_OFFER, "y")
NO = callbacks.data(callbacks.LETTERS_OFFER, "n")


def lin(chat: Chat) -> dict:
    return chat.user(LIN, "Lin", "hmn")


def rivera(chat: Chat) -> dict:
    return chat.user(TEACHER_ID, "Rivera", "en")


def typed_tileable(stored: check_items.StoredItem) -> bool:
    return stored.item.typed and tiles.tileable(stored.item.answer)


def switch(student_id: int, on: bool) -> str:
    return callbacks.data(callbacks.LETTERS_FIRST, student_id, int(on))


async def next_typed_question(chat: Chat) -> tuple[check_items.StoredItem, list[str]]:
    """Answer right until a typed question tiles can spell is open; it and the buttons of the
    message that shows it."""
    stored = await answer_until(chat, lin(chat), typed_tileable)
    shown = chat.latest(lin(chat), chat.showing(lin(chat), f"dk:{stored.id}"))
    return stored, [d for _, d in shown.buttons]


async def test_the_teachers_switch_opens_her_typed_questions_on_their_tiles(
        chat: Chat) -> None:
    await join_and_confirm(chat, lin(chat), lang="hmn", level=2)
    await check_now(chat, lin(chat))
    stored, shown = await next_typed_question(chat)
    assert f"{callbacks.TILES}:{stored.id}:{callbacks.TILE_SHOW}" in " ".join(shown)  # 🔤
    assert not any(d == tile_taps(chat, lin(chat), stored.id, stored.item.answer.lower())[0]
                   for d in shown)  # no tile yet: she types, or taps 🔤 first

    report = await chat.send(rivera(chat), "/student Lin")
    assert ("🔤 Letters first: off", switch(LIN, True)) in report[-1].buttons
    calls = await chat.tap(rivera(chat), switch(LIN, True))
    (edit,) = [c for c in calls if c.method == "editMessageReplyMarkup"]
    assert edit.buttons[0] == ("🔤 Letters first: on", switch(LIN, False))
    assert [label for label, _ in edit.buttons[1:]] == ["🤒 Excuse a day"]  # not lost

    await answer_current(chat, lin(chat), right=True)  # the question on screen, typed
    stored, shown = await next_typed_question(chat)
    first_tile = tile_taps(chat, lin(chat), stored.id, stored.item.answer.lower())[0]
    assert first_tile in shown  # opens on its tiles, as at level 1
    message = chat.latest(lin(chat), chat.showing(lin(chat), first_tile))
    assert last_line(message) == "🔤 _"
    # typing is still taken, and graded as typed
    assert "✅" in texts(await chat.send(lin(chat), stored.item.answer))


async def test_her_letters_first_screen_says_nothing_about_a_keyboard(chat: Chat) -> None:
    """Her teacher's switch (or her own Yes) is what Puente knows of a child with no keyboard:
    the tiles line under her typed question says how to spell, not "You can also type it"
    (a typed answer is still taken: a child who types does so unasked)."""
    await join_and_confirm(chat, lin(chat), lang="hmn", level=2)
    people.set_letters_first(chat.db, LIN, tiles.LettersFirst.ON)
    await check_now(chat, lin(chat))
    stored, _ = await next_typed_question(chat)
    first_tile = tile_taps(chat, lin(chat), stored.id, stored.item.answer.lower())[0]
    text = chat.latest(lin(chat), chat.showing(lin(chat), first_tile)).text
    assert "Some letters are not in the word." in text  # level 2: both languages
    assert "keyboard" not in text and "type it" not in text  # nor in Hmong ("keyboard")


async def test_a_co_teacher_sees_the_switch_in_her_language_and_may_turn_it_off(
        chat: Chat, school_class: people.ClassInfo) -> None:
    await join_and_confirm(chat, lin(chat), lang="hmn", level=2)
    people.upsert_teacher(chat.db, CO_TEACHER, "Okafor", chat.clock())
    members.add_co_teacher(chat.db, school_class.id, CO_TEACHER, chat.clock())
    await chat.send(rivera(chat), "/student Lin")
    await chat.tap(rivera(chat), switch(LIN, True))
    okafor = chat.user(CO_TEACHER, "Okafor", "es")
    report = await chat.send(okafor, "/student Lin")
    assert ("🔤 Letras primero: sí", switch(LIN, False)) in report[-1].buttons
    (edit,) = [c for c in await chat.tap(okafor, switch(LIN, False))
               if c.method == "editMessageReplyMarkup"]
    assert edit.buttons[0] == ("🔤 Letras primero: no", switch(LIN, True))
    assert not people.get_student(chat.db, LIN).letters_first


async def test_the_switch_shows_at_level_two_only(chat: Chat) -> None:
    await join_and_confirm(chat, lin(chat), lang="hmn", level=3)
    report = await chat.send(rivera(chat), "/student Lin")
    assert not any(d.startswith(f"{callbacks.LETTERS_FIRST}:") for c in report
                   for _, d in c.buttons)


async def test_a_forged_switch_changes_nothing_and_says_so_kindly(chat: Chat) -> None:
    await join_and_confirm(chat, lin(chat), lang="hmn", level=2)
    stranger = chat.user(9005, "Mallory", "en")
    people.upsert_teacher(chat.db, 9005, "Mallory", chat.clock())
    calls = await chat.tap(stranger, switch(LIN, True))
    assert [c.text for c in calls if c.method == "sendMessage"] == [
        "That button is old or not meant for this chat, so nothing changed."]
    assert people.get_student(chat.db, LIN).letters_first is None


async def check_with_tiles(chat: Chat) -> tuple[bool, list, int]:
    """One check, every typed question tiles can spell answered with its 🔤 tiles, the rest
    answered right; whether any was spelled, the calls of its last answer, and the most SQL
    statements an answer took (the check's end, with the offer, too)."""
    user, spelled, last, most = lin(chat), False, [], 0
    while (stored := check_items.next_open_item(chat.db, LIN)) is not None:
        item, done = stored.item, f"{callbacks.TILES}:{stored.id}:{callbacks.TILE_DONE}"
        tiled = opens_with_tiles(chat, user, stored.id)
        if typed_tileable(stored) and not tiled:
            await chat.tap(user, _show_data(chat, stored.id))  # 🔤
            spelled = tiled = True
        for data in tile_taps(chat, user, stored.id, item.answer.lower()) if tiled else ():
            await chat.tap(user, data)  # no statement before ✅ (test_answer_cost)
        statements: list[str] = []
        chat.db.conn.set_trace_callback(statements.append)
        if tiled:
            last = await chat.tap(user, done)
        elif item.typed:
            last = await chat.send(user, item.answer)
        elif stored.poll_id:
            last = await chat.vote(user, stored.poll_id, item.options.index(item.answer))
        else:
            last = await chat.tap(user, f"an:{stored.id}:{item.options.index(item.answer)}")
        chat.db.conn.set_trace_callback(None)
        most = max(most, len(statements))
    return spelled, last, most


def _show_data(chat: Chat, item_id: int) -> str:
    """The "🔤" button's data under the open typed question."""
    shown = chat.latest(lin(chat), chat.showing(lin(chat), f"dk:{item_id}"))
    return next(d for _, d in shown.buttons
                if d.startswith(f"{callbacks.TILES}:{item_id}:{callbacks.TILE_SHOW}"))


async def test_the_offer_comes_once_after_the_third_check_with_tiles_and_yes_is_kept(
        chat: Chat) -> None:
    await join_and_confirm(chat, lin(chat), lang="hmn", level=2)
    with_tiles = 0
    offered_after: list[int] = []
    for _ in range(12):
        await check_now(chat, lin(chat))
        spelled, last, most = await check_with_tiles(chat)
        assert most <= 10  # the graded answer's budget, the offer's check end too
        with_tiles += spelled
        if OFFER_EN in texts(last):
            offered_after.append(with_tiles)
            offer = next(c for c in last if OFFER_EN in c.text)
        chat.clock.advance(days=1)
        if with_tiles >= 4:
            break
    assert offered_after == [tiles.OFFER_AFTER]  # after the third, and never again
    assert OFFER_HMN in offer.text and offer.text.index(OFFER_HMN) < offer.text.index(OFFER_EN)
    assert [d for _, d in offer.buttons][:2] == [YES, NO]

    said = await chat.tap(lin(chat), YES)
    assert "🔤 OK! Next time, the letters come first." in texts(said)
    again = await chat.tap(lin(chat), YES)  # the old screen's button: refused, kindly
    assert toast(again) == "Koj twb teb lo lus nug no lawm."
    await check_now(chat, lin(chat))
    stored = await answer_until(chat, lin(chat), typed_tileable)
    assert opens_with_tiles(chat, lin(chat), stored.id)


async def test_no_is_kept_and_never_asked_again(chat: Chat) -> None:
    await join_and_confirm(chat, lin(chat), lang="hmn", level=2)
    people.claim_letters_offer(chat.db, LIN, tiles.LettersFirst.ASKED, 0)  # offered, waiting
    said = await chat.tap(lin(chat), NO)
    assert "OK. The 🔤 button shows the letters when you want them." in texts(said)
    assert people.get_student(chat.db, LIN).letters_first == tiles.LettersFirst.OFF
    assert toast(await chat.tap(lin(chat), YES)) == "Koj twb teb lo lus nug no lawm."
    assert people.get_student(chat.db, LIN).letters_first == tiles.LettersFirst.OFF


async def test_an_offer_never_made_takes_no_yes(chat: Chat) -> None:
    await join_and_confirm(chat, lin(chat), lang="hmn", level=2)
    calls = await chat.tap(lin(chat), YES)
    assert toast(calls) == "Koj twb teb lo lus nug no lawm."
    assert people.get_student(chat.db, LIN).letters_first is None
