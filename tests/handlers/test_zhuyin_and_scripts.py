"""Playtest (Traditional Chinese: 俊宇, 11, Taiwan, WIDA 2; 陳婆婆, 68, Hong Kong; 小明, 12,
mainland): what each reads and what is counted when they type in their own script."""

from __future__ import annotations

from bot.demo.offline import Call
from bot.presentation import callbacks, menus
from bot.presentation.han_script import in_script
from bot.presentation.i18n import REFERENCE, Catalog
from bot.store import check_items
from bot.store.packs import pack_words
from tests.harness import (
    TEACHER_ID,
    Chat,
    answer_as_written,
    answer_until,
    ask_typed,
    check_now,
    join_and_confirm,
    texts,
)

ZHUYIN = "ㄓㄨㄥˇ ㄑㄩㄣˊ"  # the sounds of 种群 (population) in Taiwan's phonetic letters


def attempts(chat: Chat) -> int:
    return chat.db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]


async def test_zhuyin_at_a_question_to_write_is_never_graded(chat: Chat) -> None:
    """Zhuyin was no script Puente knew: the first "ㄓㄨㄥˇ ㄑㄩㄣˊ" spent the one "write it in
    English" retry, the second was "Not quite. The answer is population", a miss on /student.
    It is the word's Chinese, as "種群" is: named so, and never a spelling of the English."""
    junyu = chat.user(1001, "俊宇", lang="zh-TW")
    await join_and_confirm(chat, junyu, lang="zh", level=3)
    item_id = ask_typed(chat, "science.ecosystems", "population", "zh")
    for typed in (ZHUYIN, "種群", ZHUYIN, "ㄓㄨㄥˇㄑㄩㄣˊ"):
        reply = texts(await chat.send(junyu, typed))
        assert f"“{typed}” is the Chinese word 👍 Now write it in English, please." in reply
        assert "是中文的說法" in reply, reply  # and in Traditional, as he reads
    for typed in ("ㄇㄠ", "ㄇㄠ"):  # 猫: a go in Chinese, but not this word's
        reply = texts(await chat.send(junyu, typed))
        assert "Please write the English word" in reply and "Not quite" not in reply, reply
    assert attempts(chat) == 0 and not check_items.get_item(chat.db, item_id).answered
    assert "✅" in texts(await chat.send(junyu, "population"))  # English is still graded


async def test_another_words_chinese_at_the_buttons_is_a_go_not_chat(chat: Chat) -> None:
    """俊宇 typed 種群 (population, one of the options) while habitat was asked, 小明 生态系统
    (a card, not an option): "Thanks for writing! I only help with words and cannot chat …
    Shall I send it to your teacher?". It is a go, wrong: the pointer alone, graded nothing."""
    junyu = chat.user(1001, "俊宇", lang="zh-TW")
    await join_and_confirm(chat, junyu, lang="zh", level=3)
    await check_now(chat, junyu)
    stored = await answer_until(chat, junyu, lambda s: not s.item.typed
                                and not s.item.asks_meaning and len(s.item.options) > 2)
    words = {w.word.term: w.word for w in pack_words(chat.db, "science.ecosystems")}
    other = next(o for o in stored.item.options if o != stored.item.answer and o in words)
    apart = next(t for t, w in words.items() if t not in stored.item.options and "zh" in w.glosses)
    counted = attempts(chat)
    for typed in (in_script(words[other].glosses["zh"].term, "Hant-TW"),  # as he types it
                  words[other].glosses["zh"].term, words[apart].glosses["zh"].term):
        calls = await chat.send(junyu, typed)
        assert texts(calls) == in_script(str(chat.app.bot_data.services.catalog.bilingual(
            "tap-an-answer", "zh")), "Hant-TW"), typed
        assert not any(data.startswith(f"{callbacks.ASK}:") for c in calls
                       for _, data in c.buttons), typed
    assert attempts(chat) == counted
    assert not check_items.get_item(chat.db, stored.id).answered


async def test_the_family_invitation_is_in_the_script_the_student_reads(chat: Chat) -> None:
    """The invitation /family sends the teacher to forward, and its QR code's caption, were
    Simplified for 俊宇 (zh-TW), around his Traditional name: his Hong Kong grandmother's
    first words from Puente. 小明 (zh-CN) keeps Simplified."""
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    for user_id, name, phone, wanted in ((1001, "俊宇", "zh-TW", "這是俊宇的老師發給您的訊息"),
                                         (1002, "小明", "zh-CN", "这是小明的老师发给您的消息")):
        await join_and_confirm(chat, chat.user(user_id, name, lang=phone), lang="zh", level=2)
        calls = await chat.send(teacher, f"/family {name}")
        invitation = next(c.text for c in calls if "?start=f_" in c.text and "👋" in c.text)
        caption = next(c.text for c in calls if c.method == "sendPhoto")
        assert wanted in invitation, invitation
        assert ("掃碼" if phone == "zh-TW" else "扫码") in caption, caption


def menus_for(calls: list[Call], user_id: int) -> list[dict[str, str]]:
    """Each command menu set for this chat alone: command -> description."""
    return [{c["command"]: c["description"] for c in call.params["commands"]} for call in calls
            if call.method == "setMyCommands"
            and call.params.get("scope") == {"type": "chat", "chat_id": user_id}]


async def test_a_family_member_gets_the_familys_menu_in_her_script(chat: Chat) -> None:
    """陳婆婆 (zh-HK) had no menu of her own: Telegram showed its "zh" one, the students'
    (/words, /check, /remind: "for the student's own phone" when tapped), in Simplified."""
    await join_and_confirm(chat, chat.user(1001, "俊宇", lang="zh-TW"), lang="zh", level=2)
    made = texts(await chat.send(chat.user(TEACHER_ID, "Rivera", "en"), "/family 俊宇"))
    grandma = chat.user(2001, "陳婆婆", "zh-HK")
    opened = await chat.send(grandma, f"/start {made.split('?start=')[1].split()[0]}")
    chose = await chat.tap(grandma, callbacks.data(callbacks.FAMILY_LANG, "zh-Hant"))
    assert menus_for(opened, 2001)  # on linking, in the language she is welcomed in
    for menu in (*menus_for(opened, 2001), *menus_for(chose, 2001)):
        assert list(menu) == ["now", "ask", "stop", "language", "deleteme", "help"], menu
    [menu] = menus_for(chose, 2001)
    assert menu["now"] == "本週更新" and menu["deleteme"] == "刪除您的數據", menu


async def test_a_teacher_linked_as_family_keeps_the_teachers_menu(chat: Chat) -> None:
    """One account, two roles (a teacher whose own child is in the class): the teacher's menu
    stays, with the commands a teacher needs."""
    await join_and_confirm(chat, chat.user(1001, "俊宇", lang="zh-TW"), lang="zh", level=2)
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    made = texts(await chat.send(teacher, "/family 俊宇"))
    calls = await chat.send(teacher, f"/start {made.split('?start=')[1].split()[0]}")
    assert "Welcome! You are now connected to 俊宇's learning" in texts(calls)
    calls += await chat.tap(teacher, callbacks.data(callbacks.FAMILY_LANG, "en"))
    assert "Thank you! You will get a short weekly update" in texts(calls)
    assert not menus_for(calls, TEACHER_ID)


def test_every_languages_family_and_teacher_menus_list_every_command() -> None:
    """The menus are read from /help's lines; Arabic isolates each command left-to-right
    ("\u2068/now\u2069 - ..."), and its menus held /help alone."""
    catalog = Catalog.load()
    family = [c.command for c in menus.family_menu(catalog, REFERENCE)]
    teacher = [c.command for c in menus.teacher_commands(catalog, REFERENCE)]
    assert family == ["now", "ask", "stop", "language", "deleteme", "help"]
    for lang in catalog.languages:
        assert [c.command for c in menus.family_menu(catalog, lang)] == family, lang
        assert [c.command for c in menus.teacher_commands(catalog, lang)] == teacher, lang


async def test_a_teachers_chinese_answer_reaches_each_reader_in_her_script(chat: Chat) -> None:
    """The teacher (or an aide at her keyboard) answered 小明 (zh-CN) in Traditional: he got
    "棲息地就是動物的家。加油！" as typed. Each reader gets the words in her script."""
    teacher = chat.user(TEACHER_ID, "Rivera", "en")
    for user_id, name, phone, wanted in ((1001, "小明", "zh-CN", "栖息地就是动物的家。加油！"),
                                         (1002, "俊宇", "zh-TW", "棲息地就是動物的家。加油！")):
        student = chat.user(user_id, name, lang=phone)
        await join_and_confirm(chat, student, lang="zh", level=2)
        await chat.send(student, "/ask 老师 这个词什么意思")
        relay = next(c for c in await chat.deliver() if c.chat_id == TEACHER_ID
                     and name in c.text)
        assert relay.result_id is not None
        await answer_as_written(chat, teacher, "棲息地就是動物的家。加油！", relay.result_id)
        answer = next(c for c in await chat.deliver() if c.chat_id == user_id)
        assert wanted in answer.text, answer.text
