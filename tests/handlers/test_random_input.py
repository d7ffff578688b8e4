"""Whatever people send, Puente answers kindly, within Telegram's rules, and loses nothing.

Seeded random sessions drive the real Application with what real users and forgers send: every
command with odd arguments, empty, huge and right-to-left texts, HTML, replies to any message,
voice notes, buttons shown to someone else, buttons with their ids changed, garbage button data,
votes on other people's polls, people who block the bot, while days pass and the deliverer
runs. After every update:
- no handler failed (nothing logged at ERROR: an unexpected exception reaches `on_error`);
- Telegram would accept every call (the harness checks each one);
- nobody reads the name of a child they do not teach, are not, or are not family of;
- no student's answers were lost, unless she deleted her own data.
At the end the store passes SQLite's integrity and foreign-key checks.
"""

from __future__ import annotations

import logging
import os
import random
from datetime import timedelta
from typing import Any

import pytest
from telegram.ext import CommandHandler

from bot.presentation import callbacks
from bot.store import check_items, people
from tests.clock import START
from tests.harness import (
    MATH_TEACHER_ID,
    TEACHER_ID,
    Chat,
    check_now,
    enrol_student,
    texts,
)

# Names no other word or prompt contains, so finding one in a message means that child's name.
CHILDREN = {1001: "Zuleikha", 1002: "Wadleena", 1003: "Paajyeeb"}
FAMILY, STRANGER = 2001, 3001
FAMILY_OF = {FAMILY: 1003}
STEPS = int(os.environ.get("FUZZ_STEPS", 200))  # more: FUZZ_STEPS=300 FUZZ_SEEDS=40
PREFIXES = [value for name, value in vars(callbacks).items()
            if name.isupper() and isinstance(value, str) and len(value) == 2]
TEXTS = ["", " ", "\n\n", "hi", "ok", "3", "0", "-1", "99999999999999999999", "habitat",
         "predator", "Habitat!", "hábitat", "deegaan", "chaw nyob", "abita", "yes", "no", "?",
         "<b>bold</b> & <i>", "&amp; &lt;", "</b>", "<a href='x'>x</a>", "Science 7B",
         "مرحبا كيف حالك", "שלום", "你好", "Xin chào thầy", "🙂🙂🙂", "\u202eevil\u202c",
         "a\u200bb", "x" * 5000, "word " * 900, "Ms. Rivera", "JOINcode_123", "/", "//",
         "/start", "/start nonsense", "/start JOINcode_123", "/check extra words"]
ARGS = ["", "Science 7B", "Math 6", "science.ecosystems", "no.such-pack", "habitat, prey",
        "predator, prey, habitat to Science 7B", "habitat to Math 6 at 4pm", "at 25:99",
        "to Science 7B at 7 a.m.", "1", "6", "0", "-3", "999", "es", "so", "hmn", "ht", "xx",
        "<b>", "&", "x" * 300, "🙂", "Science 7B <script>", "yes", "all"]


def people_in(chat: Chat) -> dict[int, dict[str, Any]]:
    """Who uses the bot in these sessions, by Telegram id."""
    return {
        TEACHER_ID: chat.user(TEACHER_ID, "Rivera", "en"),
        MATH_TEACHER_ID: chat.user(MATH_TEACHER_ID, "Okafor", "en"),
        1001: chat.user(1001, CHILDREN[1001], "es"),
        1002: chat.user(1002, CHILDREN[1002], "so"),
        1003: chat.user(1003, CHILDREN[1003], "hmn"),
        FAMILY: chat.user(FAMILY, "Niam", "hmn"),
        STRANGER: chat.user(STRANGER, "Stranger", None),
    }


def names_allowed(user_id: int) -> set[str]:
    """The children's names this person may read."""
    if user_id == TEACHER_ID:
        return set(CHILDREN.values())
    if user_id in CHILDREN:
        return {CHILDREN[user_id]}
    if user_id in FAMILY_OF:
        return {CHILDREN[FAMILY_OF[user_id]]}
    return set()


async def setup(chat: Chat) -> None:
    """Ms. Rivera's Science 7B with three students (levels 3, 1, 1), the Hmong student's
    mother linked; Mr. Okafor teaches Math 6, with none of them."""
    for user_id, lang, level in ((1001, "es", 3), (1002, "so", 1), (1003, "hmn", 1)):
        enrol_student(chat.db, START, user_id, CHILDREN[user_id], lang, level)
    people.upsert_teacher(chat.db, MATH_TEACHER_ID, "Okafor", START)
    people.create_class(chat.db, MATH_TEACHER_ID, "Math 6", "MATHcode_456",
                        START + timedelta(days=180), "math.number-operations", START)
    everyone = people_in(chat)
    made = texts(await chat.send(everyone[TEACHER_ID], f"/family {CHILDREN[1003]}"))
    await chat.send(everyone[FAMILY], f"/start {made.split('?start=')[1].split()[0]}")
    await chat.tap(everyone[FAMILY], callbacks.data(callbacks.FAMILY_LANG, "hmn"))
    for user_id in CHILDREN:  # each in the middle of a check, its buttons on screen
        await check_now(chat, everyone[user_id])


def commands(chat: Chat) -> list[str]:
    return sorted({c for group in chat.app.handlers.values() for h in group
                   if isinstance(h, CommandHandler) for c in h.commands})


def shown_buttons(chat: Chat) -> list[tuple[int, int, str]]:
    """(chat id, message id, callback data) of every button any message has shown."""
    found = []
    for call in chat.api.calls:
        message_id = call.params.get("message_id") or call.result_id
        if call.chat_id is None or message_id is None:
            continue
        found += [(call.chat_id, int(message_id), data) for _, data in call.buttons
                  if data and "://" not in data]
    return found


def forged(rng: random.Random, data: str) -> str:
    """A button's data with its arguments changed, cut or padded."""
    parts = data.split(":")
    choice = rng.randrange(5)
    if choice == 0 and len(parts) > 1:
        parts[rng.randrange(1, len(parts))] = str(rng.choice([0, -1, 1, 2, 7, 10**12, "x"]))
    elif choice == 1:
        parts = parts[:1]
    elif choice == 2:
        parts.append(rng.choice(["yes", "no", "9", "f", "w", ""]))
    elif choice == 3:
        parts = [rng.choice(PREFIXES), *parts[1:]]
    else:
        return "".join(rng.choice("abc:0123456789-_|") for _ in range(rng.randrange(1, 64)))
    return ":".join(parts)[:64]


async def one_step(chat: Chat, rng: random.Random, everyone: dict[int, dict[str, Any]],
                   verbs: list[str]) -> tuple[int, str]:
    """One random thing someone does; return who and what, for the failure message."""
    user_id = rng.choice(list(everyone))
    user = everyone[user_id]
    kind = rng.randrange(12)
    if kind <= 2:
        item = check_items.next_open_item(chat.db, user_id)
        text = item.item.answer if item and rng.random() < 0.5 else rng.choice(TEXTS)
        if rng.random() < 0.2:
            await check_now(chat, user)
            return user_id, "/check, read the cards, Check"

        await chat.send(user, text)
        return user_id, f"text {text[:40]!r}"
    if kind <= 4:
        args = rng.choice(ARGS)
        if user_id == TEACHER_ID and rng.random() < 0.3:
            args = rng.choice(list(CHILDREN.values()))
        command = f"/{rng.choice(verbs)} {args}".strip()
        if command.startswith("/deleteme"):
            command = "/help"  # deleting people is step 'dl:yes' below, seldom, on purpose
        await chat.send(user, command)
        return user_id, f"command {command[:60]!r}"
    if kind <= 9:
        shown = shown_buttons(chat)
        own = [b for b in shown if b[0] == user_id]
        pick = rng.random()
        if own and pick < 0.4:  # what a student does most: a button on her newest message
            newest = max(m for _, m, _ in own)
            _, message_id, data = rng.choice([b for b in own if b[1] == newest])
        elif own and pick < 0.55:
            _, message_id, data = rng.choice(own)
        elif shown and pick < 0.8:
            _, message_id, data = rng.choice(shown)  # someone else's button
            data = forged(rng, data) if rng.random() < 0.5 else data
        else:
            message_id, data = rng.randrange(1, 500), forged(rng, rng.choice(PREFIXES) + ":1")
        if data.startswith(f"{callbacks.DELETE}:yes") and rng.random() < 0.9:
            data = f"{callbacks.DELETE}:no"
        await chat.tap_on(user, data, message_id)
        return user_id, f"tap {data!r} on {message_id}"
    if kind == 10:
        polls = [r[0] for r in chat.db.execute(
            "SELECT poll_id FROM check_items WHERE poll_id IS NOT NULL").fetchall()]
        poll = rng.choice(polls) if polls and rng.random() < 0.8 else "no-such-poll"
        option = rng.choice([0, 1, 2, 5, 99])
        await chat.vote(user, poll, option)
        return user_id, f"vote {option} on {poll}"
    data = chat.factory.message(user, rng.choice(TEXTS[:12]))
    data["message"]["reply_to_message"] = {
        "message_id": rng.randrange(1, 400), "date": 0,
        "chat": {"id": user_id, "type": "private"}, "from": user, "text": "..."}
    if rng.random() < 0.3:
        del data["message"]["text"]
        data["message"]["voice"] = {"file_id": "v1", "file_unique_id": "v1", "duration": 3}
    await chat.process(data)
    return user_id, "reply"


def answers_kept(chat: Chat) -> dict[int, int]:
    """Each student still in the store: how many answers she has."""
    return {sid: chat.db.execute("SELECT count(*) FROM attempts WHERE student_id = ?",
                                 [sid]).fetchone()[0]
            for sid in CHILDREN
            if chat.db.execute("SELECT 1 FROM students WHERE id = ?", [sid]).fetchone()}


@pytest.mark.parametrize("seed", range(int(os.environ.get("FUZZ_SEEDS", 8))))
async def test_random_people_and_forgers_get_kind_answers_and_lose_nothing(
        chat: Chat, seed: int, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    rng = random.Random(seed)
    await setup(chat)
    everyone, verbs = people_in(chat), commands(chat)
    kept = answers_kept(chat)
    for step in range(STEPS):
        chat.clock.advance(seconds=rng.choice([5, 40, 600]))
        if rng.random() < 0.05:
            chat.clock.advance(days=1)
            await chat.deliver()
        if rng.random() < 0.01:  # someone blocks the bot: every send to them is refused
            chat.api.block(rng.choice(list(everyone)))
        seen = len(chat.api.calls)
        user_id, did = await one_step(chat, rng, everyone, verbs)
        where = f"seed {seed}, step {step}: {user_id} {did}"
        failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert not failures, f"{where}: {failures[0].getMessage()}\n{failures[0].exc_text}"
        for call in chat.api.calls[seen:]:
            if call.chat_id is None:
                continue
            leaked = {n for n in CHILDREN.values() if n in call.text} - names_allowed(
                call.chat_id)
            assert not leaked, f"{where}: {call.chat_id} read {leaked}: {call.text[:200]}"
        now = answers_kept(chat)
        lost = {sid for sid, count in kept.items() if sid in now and now[sid] < count}
        assert not lost, f"{where}: answers lost for {lost}"
        kept = now
    assert chat.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert chat.db.execute("PRAGMA foreign_key_check").fetchall() == []


async def test_an_invite_code_with_an_emoji_is_a_wrong_code_not_a_crash(chat: Chat) -> None:
    """Found by the random sessions: `/teach 🙂` raised inside the constant-time comparison."""
    reply = texts(await chat.send(chat.user(STRANGER, "Sam", "en"), "/teach 🙂"))
    assert chat.app.bot_data.services.catalog.render("teach-bad-code", "en") in reply
