"""Playtest (Traditional Chinese: 俊宇, 11, Taiwan, WIDA 2; 陳婆婆, 68, Hong Kong; 小明, 12,
mainland): what each reads and what is counted when they type in their own script."""

from __future__ import annotations

from bot.store import check_items
from tests.harness import Chat, ask_typed, join_and_confirm, texts

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

