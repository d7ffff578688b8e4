"""Telegram's limits: 30 messages/s, per-chat bursts, 4096 UTF-16 units, HTML that parses."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, RetryAfter

from bot.standin import EntityError, LimitConfig, StandIn, StandInConfig, parse_html, utf16_len
from bot.standin.limits import FloodControl
from tests.live import TOKEN

# PTB words RetryAfter through a deprecated int attribute; the test reads the raw JSON instead.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


async def test_more_than_30_messages_a_second_get_429_with_retry_after(standin: StandIn,
                                                                       bot: Bot) -> None:
    for n in range(35):
        standin.user(1000 + n, f"S{n}")
    results = await asyncio.gather(*(bot.send_message(1000 + n, "preview") for n in range(35)),
                                   return_exceptions=True)
    refused = [r for r in results if isinstance(r, RetryAfter)]
    sent = sorted(m.at for m in standin.sent())
    assert len(refused) + len(sent) == 35
    assert standin.stats.too_many_requests == len(refused)
    # Never more than 30 in any second, and some refused. Exactly 5 only if all 35 arrive
    # within one second: on a busy machine the window can slide first (it refused 4 once).
    assert refused and all(b - a >= 1.0 for a, b in zip(sent, sent[30:], strict=False))


async def test_a_429_is_worded_as_telegram_words_it() -> None:
    # A chat that takes one message per 1,000 s: the refusal does not depend on how fast a
    # busy machine sends (a bot-wide window of one second can slide by before the next call).
    config = StandInConfig(limits=LimitConfig(chat_per_second=0.001, chat_burst=1))
    async with StandIn(config) as standin, httpx.AsyncClient() as client:
        standin.user(1000, "S")
        url = f"{standin.base_url}{TOKEN}/sendMessage"
        assert (await client.post(url, data={"chat_id": "1000", "text": "one"})).json()["ok"]
        raw = (await client.post(url, data={"chat_id": "1000", "text": "one more"})).json()
    seconds = raw["parameters"]["retry_after"]
    assert raw["error_code"] == 429 and seconds >= 999
    assert raw["description"] == f"Too Many Requests: retry after {seconds}"


async def test_retry_after_is_honest_the_window_slides() -> None:
    config = StandInConfig(limits=LimitConfig(bot_per_second=3, chat_per_second=None))
    async with StandIn(config) as standin, Bot(TOKEN, base_url=standin.base_url) as bot:
        standin.user(1, "A")
        for _ in range(3):
            await bot.send_message(1, "x")
        with pytest.raises(RetryAfter) as refused:
            await bot.send_message(1, "x")
        await asyncio.sleep(int(re.findall(r"\d+", str(refused.value))[0]))
        assert (await bot.send_message(1, "after the wait")).text == "after the wait"


@pytest.mark.parametrize(("burst", "accepted"), [(1, 1), (3, 3)])
async def test_per_chat_bursts_are_configurable(burst: int, accepted: int) -> None:
    config = StandInConfig(limits=LimitConfig(chat_per_second=1.0, chat_burst=burst))
    async with StandIn(config) as standin, Bot(TOKEN, base_url=standin.base_url) as bot:
        standin.user(7, "Ana")
        standin.user(8, "Bo")
        results = await asyncio.gather(*(bot.send_message(7, f"m{n}") for n in range(5)),
                                       return_exceptions=True)
        assert sum(not isinstance(r, Exception) for r in results) == accepted
        assert all(isinstance(r, RetryAfter) for r in results if isinstance(r, Exception))
        assert (await bot.send_message(8, "another chat is not slowed")).text


async def test_a_raw_ampersand_cannot_be_parsed(standin: StandIn, bot: Bot) -> None:
    standin.user(5, "Ana")
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.send_message(5, "Salt & pepper", parse_mode="HTML")
    assert (await bot.send_message(5, "Salt &amp; pepper", parse_mode="HTML")).text == \
        "Salt & pepper"
    assert (await bot.send_message(5, "Salt & pepper")).text == "Salt & pepper"  # no parse_mode


async def test_4096_utf16_units_counted_correctly_for_emoji(standin: StandIn, bot: Bot) -> None:
    standin.user(6, "Ana")
    assert len("📘" * 2049) == 2049 and utf16_len("📘" * 2049) == 4098
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(6, "📘" * 2049)
    assert (await bot.send_message(6, "📘" * 2048)).text == "📘" * 2048
    assert (await bot.send_message(6, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")).text
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_photo(6, b"img", caption="é" * 1025)


@pytest.mark.parametrize(("html", "error"), [
    ("a < b", "Unclosed start tag at byte offset 2"),
    ("1<n>0", 'Unsupported start tag "n" at byte offset 1'),
    ("<br>line", 'Unsupported start tag "br" at byte offset 0'),
    ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
    ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    ("x</b>", "Unexpected end tag at byte offset 1"),
    ("5 > 3", "Character '>' is reserved"),
    ("café & co", "Can't find end of the entity starting at byte offset 6"),
    ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler"'),
])
def test_html_that_telegram_refuses(html: str, error: str) -> None:
    with pytest.raises(EntityError) as refused:
        parse_html(html)
    assert error in str(refused.value)


def test_supported_tags_and_entities_become_plain_text_and_entities() -> None:
    parsed = parse_html('📘 <b>eco</b><i>sys</i> &lt;3 &#233; &#x263A; &quot;'
                        '<a href="https://t.me/x?start=A_b">link</a> <tg-spoiler>s</tg-spoiler>'
                        '<pre><code class="language-python">x</code></pre>'
                        '<blockquote expandable>q</blockquote>')
    assert parsed.text == '📘 ecosys <3 é ☺ "link sxq'
    kinds = [(e["type"], e["offset"], e["length"]) for e in parsed.entities]
    assert kinds[:2] == [("bold", 3, 3), ("italic", 6, 3)]  # 📘 is two UTF-16 units
    assert {"text_link", "spoiler", "pre", "expandable_blockquote"} <= {k for k, *_ in kinds}
    assert next(e for e in parsed.entities if e["type"] == "pre")["language"] == "python"


def test_lenient_mode_accepts_raw_gt_and_amp_like_telegrams_server() -> None:
    assert parse_html("5 > 3 & co", strict=False).text == "5 > 3 & co"


def test_groups_take_20_messages_a_minute() -> None:
    flood = FloodControl(LimitConfig(bot_per_second=None))
    assert all(flood.check(-100, n * 0.5) is None for n in range(20))
    assert flood.check(-100, 10.0) == 50  # the first of the 20 leaves the window at 60 s
    assert flood.check(-100, 60.0) is None


def test_a_private_chat_bursts_then_gets_one_a_second() -> None:
    flood = FloodControl(LimitConfig(bot_per_second=None, chat_per_second=1.0, chat_burst=3))
    assert [flood.check(7, 0.0) for _ in range(4)] == [None, None, None, 1]
    assert flood.check(7, 1.0) is None and flood.check(7, 1.2) == 1
