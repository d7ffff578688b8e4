"""Long messages between families and teachers: a shared phone's long text is asked about like
any other (the family's goes as the family's, with the family's too-long offer), and a relay to
the teacher near the limit, translated into a longer English and full of characters HTML must
escape, reaches the teacher whole, in messages Telegram accepts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.presentation import callbacks
from bot.services import relays
from tests.harness import (
    TEACHER_ID,
    Chat,
    buttons,
    child_and_family_phone,
    join_and_confirm,
    reply,
    texts,
)
from tests.telegram_html import problems, visible

HODAN = 1001
FAMILY = callbacks.data(callbacks.SPEAKER, "f")
CHILD = callbacks.data(callbacks.SPEAKER, "c")
SPEAKER_QUESTION = "🧒 mise 👪? Yaa fariintan ka yimid?"
TOO_LONG_SO = "Fariintaasi aad bay ii dheer tahay (in ka badan 1000 xaraf)."
LONG_SO = "Macallin, Hodan way jiran tahay maanta. " * 30  # 1230 characters


def rivera(chat: Chat) -> dict[str, Any]:
    return chat.user(TEACHER_ID, "Rivera", "en")


async def shared(chat: Chat) -> dict[str, Any]:
    """Hodan (Somali, WIDA 2) on the phone she shares with her mother."""
    return await child_and_family_phone(chat, HODAN, "Hodan", "so")


async def test_a_long_text_on_a_shared_phone_asks_who_writes_first(chat: Chat) -> None:
    hodan = await shared(chat)
    asked = await chat.send(hodan, LONG_SO)
    assert SPEAKER_QUESTION in texts(asked)
    assert "That message is too long" not in texts(asked)  # not yet offered as the child's


async def test_the_mothers_long_text_goes_as_the_familys_beginning(chat: Chat) -> None:
    hodan = await shared(chat)
    await chat.send(hodan, LONG_SO)
    offer = await chat.tap(hodan, FAMILY)  # 👪 Qoyska
    assert TOO_LONG_SO in texts(offer)
    assert "That message is too long" not in texts(offer)  # hers: Somali alone
    [(_, send), _] = buttons(offer)
    await chat.tap(hodan, send)
    [relay] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert relay.text.startswith("✉️ From a family member of <b>Hodan</b>")
    assert relays.beginning(LONG_SO) in visible(relay.text)


async def test_the_mothers_long_text_after_choosing_family_is_not_asked_again(
        chat: Chat) -> None:
    hodan = await shared(chat)
    await chat.send(hodan, "Macallin, Hodan way jiran tahay maanta")
    await chat.tap(hodan, FAMILY)
    offer = await chat.send(hodan, LONG_SO)  # the choice holds a few minutes
    assert SPEAKER_QUESTION not in texts(offer) and TOO_LONG_SO in texts(offer)
    assert "That message is too long" not in texts(offer)  # the family's: Somali alone


async def test_hodans_own_long_text_is_offered_as_hers(chat: Chat) -> None:
    hodan = await shared(chat)
    await chat.send(hodan, LONG_SO)
    offer = await chat.tap(hodan, CHILD)
    assert "That message is too long for me (more than 1000 characters)" in texts(offer)


MOTHER = 2001
# A Vietnamese mother's message at the limit, full of what HTML must escape
AT_LIMIT = ("Cô ơi, con <Lan> & bé Hoa & <3 cô! " * 40)[:relays.MAX_MESSAGE]


class Verbose:
    """An offline engine whose English is four times as long as the Vietnamese (an
    all-too-faithful model), and as full of '&' and '<'."""

    name = "verbose"

    def unavailable_reason(self, source: str, target: str) -> str | None:
        return None

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [english(text) if source == "vi" else vietnamese(text) for text in texts]


def vietnamese(text: str) -> str:
    """The Verbose engine's Vietnamese for `text`: as long again, four times over."""
    return " ".join(f"Chị <{n}> & cô giáo & Lan;" for n in range(len(text) // 6))


def english(text: str) -> str:
    """The Verbose engine's English for `text`: numbered so no piece can be lost unseen."""
    return " ".join(f"Teacher <{n}> & my Lan & Hoa send love;" for n in range(len(text) // 10))


async def vietnamese_mother(chat: Chat, tmp_path: Any) -> dict[str, Any]:
    """Ana's mother, who reads Vietnamese, linked; a model translates Vietnamese both ways."""
    from bot.config import TranslationConfig
    from bot.translation.translator import Translator
    services = chat.app.bot_data.services
    services.translator = Translator(chat.db, TranslationConfig(True, tmp_path),
                                     engine=Verbose(), clock=chat.clock)
    await join_and_confirm(chat, chat.user(1001, "Ana", "vi"), lang="vi")
    link = texts(await chat.send(rivera(chat), "/family Ana"))
    mother = chat.user(MOTHER, "Mai", "vi")
    await chat.send(mother, f"/start {link.split('?start=')[1].split()[0]}")
    await chat.tap(mother, "fa:vi")
    await chat.deliver()  # the teacher hears of the new link at once
    return mother


def squeezed(text: str) -> str:
    return "".join(text.split())


async def test_a_long_translated_relay_reaches_the_teacher_whole_in_messages_telegram_takes(
        chat: Chat, tmp_path: Any) -> None:
    mother = await vietnamese_mother(chat, tmp_path)
    await chat.send(mother, AT_LIMIT)
    await chat.tap(mother, "ak:1001")
    sent = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    assert len(sent) > 1  # one message would be over Telegram's 4096 characters
    assert [p for call in sent for p in problems(call)] == []
    shown = [visible(c.text) for c in sent]
    whole = squeezed("".join(part.removeprefix("(continued)") for part in shown))
    assert squeezed(AT_LIMIT) in whole  # nothing of hers is lost
    assert squeezed(english(AT_LIMIT)) in whole  # nor of the English
    assert shown[0].startswith("✉️ From Mai (Ana's family), written in Vietnamese:")
    assert all(part.startswith("(continued)") for part in shown[1:])
    assert "Reply to this message" in shown[-1]
    relayed = chat.db.execute("SELECT relay_message_id FROM thread_messages").fetchone()[0]
    assert relayed == sent[-1].result_id  # the one with "Reply to this message" is answered


TEACHER_AT_LIMIT = ("Dear Mai, Lan's <project> & her test are fine & due Friday. " * 20
                    )[:relays.MAX_MESSAGE]


async def test_a_long_translated_answer_reaches_the_family_whole_in_messages_telegram_takes(
        chat: Chat, tmp_path: Any) -> None:
    mother = await vietnamese_mother(chat, tmp_path)
    await chat.send(mother, "Cô ơi, Lan có bài tập không?")
    await chat.tap(mother, "ak:1001")
    [relayed] = [c for c in await chat.deliver() if c.chat_id == TEACHER_ID]
    await reply(chat, rivera(chat), TEACHER_AT_LIMIT, int(relayed.result_id or 0))
    sent = [c for c in await chat.deliver() if c.chat_id == MOTHER]
    assert len(sent) > 1  # one message would be over Telegram's 4096 characters
    assert [p for call in sent for p in problems(call)] == []
    shown = [visible(c.text) for c in sent]
    whole = squeezed("".join(part.removeprefix("(tiếp theo)") for part in shown))
    assert squeezed(vietnamese(TEACHER_AT_LIMIT)) in whole  # nothing of the Vietnamese lost
    assert squeezed(TEACHER_AT_LIMIT) in whole  # nor of the teacher's own words
    assert all(part.startswith("(tiếp theo)") for part in shown[1:])
    answered = chat.db.execute("SELECT answer_message_id FROM thread_messages "
                               "WHERE answer_message_id IS NOT NULL").fetchone()[0]
    assert answered == sent[-1].result_id  # her reply to the last one finds Lan's teacher


async def test_a_long_translated_announcement_reaches_the_family_whole(
        chat: Chat, tmp_path: Any) -> None:
    mother = await vietnamese_mother(chat, tmp_path)
    chat.clock.advance(minutes=3)
    await chat.deliver()  # the note of her language
    preview = await chat.send(rivera(chat), "/announce " + TEACHER_AT_LIMIT)
    await chat.tap(rivera(chat), next(d for _, d in buttons(preview) if d.endswith(":f")))
    sent = [c for c in await chat.deliver() if c.chat_id == mother["id"]]
    assert len(sent) > 1 and [p for call in sent for p in problems(call)] == []
    shown = [visible(c.text) for c in sent]
    whole = squeezed("".join(part.removeprefix("(tiếp theo)") for part in shown))
    assert squeezed(vietnamese(TEACHER_AT_LIMIT)) in whole
    assert squeezed(TEACHER_AT_LIMIT) in whole
    assert all(part.startswith("(tiếp theo)") for part in shown[1:])


async def test_a_long_message_written_first_reaches_the_family_whole(
        chat: Chat, tmp_path: Any) -> None:
    mother = await vietnamese_mother(chat, tmp_path)
    listing = await chat.send(rivera(chat), "/families")
    await chat.tap(rivera(chat), next(d for label, d in buttons(listing)
                                      if label.startswith("✉️ Write: ")))
    await chat.send(rivera(chat), TEACHER_AT_LIMIT)
    sent = [c for c in await chat.deliver() if c.chat_id == mother["id"]]
    assert len(sent) > 1 and [p for call in sent for p in problems(call)] == []
    shown = [visible(c.text) for c in sent]
    whole = squeezed("".join(part.removeprefix("(tiếp theo)") for part in shown))
    assert squeezed(vietnamese(TEACHER_AT_LIMIT)) in whole
    assert squeezed(TEACHER_AT_LIMIT) in whole
    answered = chat.db.execute("SELECT answer_message_id FROM thread_messages "
                               "WHERE answer_message_id IS NOT NULL").fetchone()[0]
    assert answered == sent[-1].result_id  # her reply to the last one finds Ana's teacher


async def test_a_long_message_for_a_family_member_unlinked_since_goes_nowhere_told_once(
        chat: Chat, tmp_path: Any) -> None:
    mother = await vietnamese_mother(chat, tmp_path)
    chat.clock.advance(hours=10)  # 21:00: quiet hours, the message waits for the morning
    listing = await chat.send(rivera(chat), "/families")
    await chat.tap(rivera(chat), next(d for label, d in buttons(listing)
                                      if label.startswith("✉️ Write: ")))
    await chat.send(rivera(chat), TEACHER_AT_LIMIT)
    assert [c for c in await chat.deliver() if c.chat_id == mother["id"]] == []
    listing = await chat.send(rivera(chat), "/families")
    gone = next(d for _, d in buttons(listing) if d.startswith(f"{callbacks.UNLINK}:"))
    await chat.tap(rivera(chat), gone)
    await chat.tap(rivera(chat), f"{gone}:yes")
    chat.clock.advance(hours=10)  # 07:00 the next morning
    calls = await chat.deliver()
    assert all("Chị" not in c.text for c in calls if c.chat_id == mother["id"])  # no part
    told = [c.text for c in calls if c.chat_id == TEACHER_ID]
    assert len(told) == 1 and "Not sent" in told[0]  # once, not once a part
