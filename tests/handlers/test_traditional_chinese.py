"""A student or family whose phone is in Traditional Chinese (zh-TW, zh-Hant, zh-HK: Taiwan,
Hong Kong, many US Chinatown families) read Puente in Simplified: "zh" was one language, and
prompts/zh.toml and the packs' glosses are Simplified. Now the phone's language says the
script on /start, a tap on "繁體中文" or "简体中文" changes it, and everything sent to her
(prompts, glosses, cards, checks, toasts, the weekly family update) is in her script."""

from __future__ import annotations

from typing import Any

from bot.demo.offline import Call
from bot.handlers.family import queue_weekly_updates
from bot.presentation import callbacks
from bot.store import people
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_current,
    buttons,
    check_now,
    page_through,
    texts,
    toast,
)

# Characters Simplified and Traditional write apart, common in Puente's Chinese messages
SIMPLIFIED = set("这们词说语请为么单准发态还会问题时")
TRADITIONAL = set("這們詞說語請為麼單準發態還會問題時")


def simplified_in(text: str) -> set[str]:
    return {ch for ch in text if ch in SIMPLIFIED and ch not in TRADITIONAL}


def traditional_in(text: str) -> set[str]:
    return {ch for ch in text if ch in TRADITIONAL and ch not in SIMPLIFIED}


def words_of(calls: list[Call]) -> str:
    """Everything the calls show: texts, captions, polls and button labels."""
    return "\n".join([texts(calls), *(label for label, _ in buttons(calls)),
                      *(str(c.params.get("question", "")) for c in calls),
                      *(str(c.params.get("options", "")) for c in calls)])


async def joined_chinese(chat: Chat, phone: str, user_id: int = 1001) -> tuple[dict, str]:
    """A student whose phone is in `phone` joins and answers "是" to "Is your home language
    Chinese?" (the one-tap answer, which names no script); return her and what she read."""
    student = chat.user(user_id, "Lin", phone)
    seen = await chat.send(student, "/start JOINcode_123")
    people.set_level(chat.db, user_id, None, 3, "teacher")  # no placement first
    asked = words_of(seen)
    assert "lc:zh" in [d for _, d in buttons(seen)]
    seen += await chat.tap(student, callbacks.data(callbacks.LANGUAGE, "zh"))
    return student, words_of(seen) + asked


async def card_and_check(chat: Chat, student: dict[str, Any]) -> str:
    cards = await page_through(chat, student, await chat.send(student, "/words"))
    check = await check_now(chat, student)
    check += await answer_current(chat, student, True)
    return words_of(cards + check)


async def test_a_taiwan_phone_reads_start_cards_and_check_in_traditional(chat: Chat) -> None:
    student, start = await joined_chinese(chat, "zh-TW")
    rest = await card_and_check(chat, student)
    for read in (start, rest):
        assert traditional_in(read) and not simplified_in(read), read
    assert "生態系統" in rest  # the pack's gloss too, not only the prompts


async def test_a_mainland_phone_reads_simplified_as_before(chat: Chat) -> None:
    student, start = await joined_chinese(chat, "zh-CN")
    rest = await card_and_check(chat, student)
    for read in (start, rest):
        assert simplified_in(read) and not traditional_in(read), read
    assert "生态系统" in rest


async def test_the_language_menu_offers_both_scripts_and_a_tap_switches(chat: Chat) -> None:
    student, _ = await joined_chinese(chat, "zh-Hant")
    menu = buttons(await chat.send(student, "/language"))
    assert ("✓ 繁體中文", "lc:zh-Hant") in menu and ("简体中文", "lc:zh-Hans") in menu
    switched = words_of(await chat.tap(student, "lc:zh-Hans"))
    assert simplified_in(switched) and not traditional_in(switched), switched
    helped = texts(await chat.send(student, "/help"))
    assert "这" in helped or "们" in helped or "词" in helped
    assert not traditional_in(helped)
    menu = buttons(await chat.send(student, "/language"))
    assert ("✓ 简体中文", "lc:zh-Hans") in menu and ("繁體中文", "lc:zh-Hant") in menu
    back = words_of(await chat.tap(student, "lc:zh-Hant"))
    assert traditional_in(back) and not simplified_in(back), back


async def test_a_simplified_phone_can_choose_traditional_on_joining(chat: Chat) -> None:
    student = chat.user(1001, "Mei", "en")
    await chat.send(student, "/start JOINcode_123")
    await chat.send(student, "/language")
    chose = words_of(await chat.tap(student, "lc:zh-Hant"))
    assert traditional_in(chose) and not simplified_in(chose), chose
    rest = await card_and_check(chat, student)
    assert traditional_in(rest) and not simplified_in(rest), rest


async def test_a_hong_kong_family_gets_the_weekly_update_in_traditional(chat: Chat) -> None:
    student, _ = await joined_chinese(chat, "zh-CN")  # the child reads Simplified
    await check_now(chat, student)
    for _ in range(5):
        await answer_current(chat, student, True)
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Lin"))
    grandma = chat.user(2001, "婆婆", "zh-HK")
    welcome = words_of(await chat.send(grandma, f"/start {made.split('?start=')[1].split()[0]}"))
    assert traditional_in(welcome) and not simplified_in(welcome), welcome
    menu = buttons(await chat.send(grandma, "/language"))
    assert ("繁體中文", "fa:zh-Hant") in menu
    await chat.tap(grandma, "fa:zh-Hant")
    await chat.deliver()  # the teacher hears of the new link
    assert queue_weekly_updates(chat.app.bot_data.services) == 1
    update = [c for c in await chat.deliver() if c.chat_id == 2001]
    assert len(update) == 1
    assert traditional_in(update[0].text) and not simplified_in(update[0].text), update[0].text
    assert "生態系統" in update[0].text
    child = texts(await chat.send(student, "/help"))  # her grandchild still reads Simplified
    assert simplified_in(child) and not traditional_in(child)


async def test_a_family_member_on_a_simplified_phone_can_choose_traditional(
        chat: Chat) -> None:
    await joined_chinese(chat, "zh-CN")
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Lin"))
    uncle = chat.user(2002, "叔叔", "zh-CN")
    welcome = words_of(await chat.send(uncle, f"/start {made.split('?start=')[1].split()[0]}"))
    assert simplified_in(welcome) and not traditional_in(welcome), welcome
    chose = texts(await chat.tap(uncle, "fa:zh-Hant"))
    assert traditional_in(chose) and not simplified_in(chose), chose


async def test_a_teacher_can_read_puente_in_traditional(chat: Chat) -> None:
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    menu = buttons(await chat.send(teacher, "/language"))
    assert ("简体中文", "tg:zh-Hans") in menu and ("繁體中文", "tg:zh-Hant") in menu
    done = texts(await chat.tap(teacher, "tg:zh-Hant"))
    assert traditional_in(done) and not simplified_in(done), done
    helped = texts(await chat.send(teacher, "/help"))
    assert traditional_in(helped) and not simplified_in(helped), helped


async def test_a_toast_over_her_chat_is_in_her_script_too(chat: Chat) -> None:
    """A tap's answer names no chat: its reader is the one who tapped."""
    student = chat.user(1001, "Lin", "zh-TW")
    asked = await chat.send(student, "/start JOINcode_123")
    menu = next(c.result_id for c in asked if ("Español", "lc:es") in c.buttons)
    assert menu is not None
    await chat.tap(student, "lc:zh")
    said = toast(await chat.tap_on(student, "lc:es", menu))  # the menu's buttons are gone
    assert said == "你已經選好在家說的語言了。要更改，請傳送 /language。"  # Taiwan: 傳送


async def test_her_own_command_menu_is_in_her_script(chat: Chat) -> None:
    """The menu beside the text box is set for her chat when she chooses (Telegram's
    per-language menus know only "zh", which stays Simplified for everyone else)."""
    student = chat.user(1001, "Lin", "en")
    await chat.send(student, "/start JOINcode_123")
    chose = await chat.tap(student, "lc:zh-Hant")
    menu = next(c for c in chose if c.method == "setMyCommands")
    assert menu.params["scope"] == {"type": "chat", "chat_id": 1001}
    described = {c["command"]: c["description"] for c in menu.params["commands"]}
    assert "words" in described and "check" in described
    assert all(not simplified_in(d) for d in described.values()), described
    assert traditional_in("".join(described.values())), described


async def test_a_hong_kong_family_finds_both_scripts_on_the_top_row(chat: Chat) -> None:
    """The likeliest language leads the family's menu alone: for Chinese, both its buttons,
    her own script first (繁體中文 was second, after 简体中文, on a Hong Kong phone)."""
    await joined_chinese(chat, "zh-CN")
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family Lin"))
    grandma = chat.user(2001, "婆婆", "zh-HK")
    opened = await chat.send(grandma, f"/start {made.split('?start=')[1].split()[0]}")
    menu = next(c for c in opened if c.buttons and "fa:zh-Hant" in dict(c.buttons).values())
    top = menu.params["reply_markup"]["inline_keyboard"][0]
    assert [b["callback_data"] for b in top] == ["fa:zh-Hant", "fa:zh-Hans"]


def _chinese_order(calls: list[Call]) -> list[str]:
    """The Chinese buttons of the last language menu, in the order they show."""
    menu = [d for c in calls if c.buttons for _, d in c.buttons
            if d.endswith(("zh-Hans", "zh-Hant"))]
    return [d.rsplit(":", 1)[1] for d in menu[-2:]]


async def test_a_taiwan_phone_finds_traditional_first_in_every_language_menu(
        chat: Chat) -> None:
    lin = chat.user(1001, "Lin", "zh-TW")
    seen = await chat.send(lin, "/start JOINcode_123")
    assert _chinese_order(seen) == ["zh-Hant", "zh-Hans"]  # her first question
    await chat.tap(lin, callbacks.data(callbacks.LANGUAGE, "zh"))
    assert _chinese_order(await chat.send(lin, "/language")) == ["zh-Hant", "zh-Hans"]
    teacher = chat.user(TEACHER_ID, "Chen", "zh-HK")
    assert _chinese_order(await chat.send(teacher, "/language")) == ["zh-Hant", "zh-Hans"]


async def test_a_mainland_phone_and_a_simplified_tap_keep_simplified_first(chat: Chat) -> None:
    mei = chat.user(1001, "Mei", "zh-CN")
    assert _chinese_order(await chat.send(mei, "/start JOINcode_123")) == ["zh-Hans", "zh-Hant"]
    lin = chat.user(1002, "Lin", "zh-HK")
    await chat.send(lin, "/start JOINcode_123")
    await chat.tap(lin, callbacks.data(callbacks.LANGUAGE, "zh-Hans"))  # she reads Simplified
    assert _chinese_order(await chat.send(lin, "/language")) == ["zh-Hans", "zh-Hant"]


async def test_a_hong_kong_phone_has_its_menu_in_its_script_from_joining(chat: Chat) -> None:
    """Telegram's menu for "zh" phones is Simplified (it keys menus by two letters only): a
    Hong Kong student read it until she chose her language; her chat's own comes on joining."""
    joined = await chat.send(chat.user(1001, "Lin", "zh-HK"), "/start JOINcode_123")
    menu = next(c for c in joined if c.method == "setMyCommands")
    assert menu.params["scope"] == {"type": "chat", "chat_id": 1001}
    described = "".join(c["description"] for c in menu.params["commands"])
    assert traditional_in(described) and not simplified_in(described), described
    mainland = await chat.send(chat.user(1002, "Mei", "zh-CN"), "/start JOINcode_123")
    assert not [c for c in mainland if c.method == "setMyCommands"]  # Telegram's "zh" is hers


def menu_set(calls: list[Call], chat_id: int) -> str | None:
    """The descriptions of the command menu set for this chat (None: none was set)."""
    menus = [c for c in calls if c.method == "setMyCommands"
             and c.params.get("scope") == {"type": "chat", "chat_id": chat_id}]
    return "".join(d["description"] for d in menus[-1].params["commands"]) if menus else None


async def test_a_simplified_reader_on_a_taiwan_phone_gets_her_menu_in_traditional(
        chat: Chat) -> None:
    """Mei joined on a mainland phone and chose 中文 (Simplified, no tap on a script): her
    chat's menu was Simplified. From a Taiwan phone she reads Traditional from then on, and
    her menu kept its Simplified until she chose a language again. Now it is redone once, on
    that first Traditional update; later updates set no menu."""
    mei = chat.user(1001, "Mei", "zh-CN")
    await chat.send(mei, "/start JOINcode_123")
    chose = await chat.tap(mei, "lc:zh")
    before = menu_set(chose, 1001)
    assert before is not None and simplified_in(before)
    taiwan = chat.user(1001, "Mei", "zh-TW")
    first = await chat.send(taiwan, "/progress")
    menu = menu_set(first, 1001)
    assert menu is not None and traditional_in(menu) and not simplified_in(menu), menu
    assert menu_set(await chat.send(taiwan, "/progress"), 1001) is None  # once


async def test_a_traditional_phone_on_someone_in_another_language_sets_no_menu(
        chat: Chat) -> None:
    """A Spanish-speaking student on a Taiwan phone: her menu has no Chinese to redo."""
    ana = chat.user(1001, "Ana", "es")
    await chat.send(ana, "/start JOINcode_123")
    await chat.tap(ana, "lc:es")
    assert menu_set(await chat.send(chat.user(1001, "Ana", "zh-TW"), "/progress"), 1001) is None
