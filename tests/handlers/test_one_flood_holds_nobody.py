"""A student who forwards a hundred messages at once makes nobody else wait: her updates wait
for one another, never in the places other people's updates need."""

from __future__ import annotations

import asyncio

from telegram import Update

from tests.harness import Chat, join_and_confirm

FORWARDED = 100  # a chat's messages, selected and forwarded to Puente in one go


async def test_a_hundred_forwarded_messages_do_not_hold_up_another_students_help(
        chat: Chat) -> None:
    kid, ana = chat.user(1001, "Kid", "es"), chat.user(1002, "Ana", "en")
    await join_and_confirm(chat, kid)
    await join_and_confirm(chat, ana, "en")
    app = chat.app
    flood = [Update.de_json(chat.factory.message(kid, f"lol {n}"), app.bot)
             for n in range(FORWARDED)]
    asked = Update.de_json(chat.factory.message(ana, "/help"), app.bot)
    chat.api.latency = 0.02  # each Bot API call takes a while, as over the network
    before = len(chat.api.calls)
    running = [asyncio.create_task(app.update_processor.process_update(u, app.process_update(u)))
               for u in flood]
    await asyncio.sleep(0)  # Telegram gave Puente her messages first, then Ana's /help
    await app.update_processor.process_update(asked, app.process_update(asked))
    to_kid = sum(1 for c in chat.api.calls[before:] if c.chat_id == 1001)
    help_at = next(i for i, c in enumerate(chat.api.calls[before:]) if c.chat_id == 1002)
    await asyncio.gather(*running)
    # Ana's answer came while the kid's first messages were being answered, not after the
    # 37 that held the 64 places updates run in (a second's wait each once Telegram slows
    # her chat down: 8.7 s for Ana's /help after 150 forwarded, over HTTP)
    assert to_kid <= 5, f"Ana waited for {to_kid} answers to the kid"
    assert "/words" in chat.api.calls[before + help_at].text
    # the kid's own messages were still handled one at a time, then the flood guard paused
    # her: one "slow down", last, and nothing more for the rest
    kid_texts = [c.text for c in chat.api.calls[before:] if c.chat_id == 1001]
    slow_down = [n for n, text in enumerate(kid_texts) if "muy rápido" in text]
    assert slow_down == [len(kid_texts) - 1] and len(kid_texts) < FORWARDED // 2
