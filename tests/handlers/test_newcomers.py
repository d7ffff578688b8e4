"""Newcomers first (issue 10): levels 1-2 get their own cards and checks, placement errs low,
no walls of text, and Puente says plainly what it lacks in a student's language."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.demo.offline import Call
from bot.domain.placement import PLACEMENT
from bot.presentation import callbacks, progress_views
from bot.presentation.i18n import Catalog
from bot.services.packs import load_packs
from bot.services.progress import Progress
from bot.services.readiness import BackOn
from bot.store import check_items, people
from bot.store.packs import save_pack
from tests.harness import Chat, buttons, page_through, texts

TEACHER = 9001  # the class fixture's teacher
SHIPPED = next(p for p in load_packs().packs if p.id == "science.ecosystems")
# The shipped packs now have Somali for every word; these tests need a pack with gaps, so the
# store gets the ecosystems pack with Somali removed from every second word.
ECOSYSTEMS = replace(SHIPPED, words=tuple(
    replace(w, glosses={k: g for k, g in w.glosses.items() if k != "so" or n % 2 == 0})
    for n, w in enumerate(SHIPPED.words)))


@pytest.fixture(autouse=True)
def somali_gaps(chat: Chat) -> None:
    """Store the ecosystems pack with its Somali gaps."""
    save_pack(chat.db, ECOSYSTEMS, chat.clock())
DEFINITIONS = {w.definition for p in load_packs().packs for w in p.words}


async def join(chat: Chat, user: dict, lang: str, level: int | None) -> list[Call]:
    """Open the class link, a level set by the teacher first (None: self-placement)."""
    await chat.send(user, "/start JOINcode_123")
    if level is not None:
        people.set_level(chat.db, user["id"], None, level, "teacher")
    return await chat.tap(user, callbacks.data(callbacks.LANGUAGE, lang))


def sent(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method == "sendMessage"]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def test_level_one_card_leads_with_picture_and_home_language_not_the_english_definition(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join(chat, ana, "es", 1)
    text = texts(await chat.send(ana, "/words"))
    ecosystem = ECOSYSTEMS.words[0]
    assert ecosystem.glosses["es"].newcomer_definition() in text  # the short one, at level 1
    assert ecosystem.definition not in text and ecosystem.example not in text
    assert text.index("ecosistema") < text.index("ecosystem")
    assert "A ___ is an ecosystem." in text and "because" not in text


async def test_level_four_card_keeps_the_english_definition_and_starts_a_sentence(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join(chat, ana, "es", 4)
    text = texts(await chat.send(ana, "/words"))
    assert ECOSYSTEMS.words[0].definition in text
    assert "✍️ Termina la oración con tus palabras: In my own words, ecosystem means ___" in text
    assert "because ___" not in text


async def test_level_three_four_and_five_cards_step_down_their_sentence_support(
        chat: Chat) -> None:
    """Mid-level playtest: levels 3 and 4 read the same frame, level 5 none at all."""
    said = {}
    for number, level in enumerate((3, 4, 5)):
        user = chat.user(2001 + number, "Sami", lang="en")
        await join(chat, user, "en", level)
        said[level] = texts(await chat.send(user, "/words"))
    assert "Try saying: I know the word ecosystem. One example is ___ because ___." in said[3]
    assert "Finish the sentence in your own words: In my own words, ecosystem means ___" \
        in said[4]
    assert "✍️ Write your own sentence with <b>ecosystem</b>." in said[5]
    assert "___" not in said[5]


async def test_a_level_five_card_is_english_around_it_until_she_asks_for_her_language(
        chat: Chat) -> None:
    """Mid-level playtest: a level-5 student read "🔁 Mi idioma primero", "(sustantivo)" and
    a Spanish header around English-only cards."""
    sofia = chat.user(lang="es")
    await join(chat, sofia, "es", 5)
    calls = await chat.send(sofia, "/words")
    text, labels = texts(calls), [label for label, _ in buttons(calls)]
    assert "📘 New words: 6" in text and "<b>ecosystem</b> <i>(noun)</i>" in text
    assert "Palabras" not in text and "sustantivo" not in text
    assert "🔁 My language first" in labels and "✅ Check me" in labels
    assert not any("Mi idioma" in label or "Ponme" in label for label in labels)
    flip = next(data for label, data in buttons(calls) if label == "🔁 My language first")
    flipped = texts(await chat.tap(sofia, flip))  # asked for: her language, labels too
    assert "ecosistema" in flipped and "(sustantivo)" in flipped


async def test_level_one_checks_never_ask_to_read_an_english_definition(chat: Chat) -> None:
    for number, lang in enumerate(("ar", "es", "so")):
        user = chat.user(2001 + number, "Sami", lang=lang)
        await join(chat, user, lang, 1)
        await chat.send(user, "/words")
        await chat.send(user, "/check")
        while (stored := check_items.next_open_item(chat.db, user["id"])) is not None:
            assert stored.item.prompt not in DEFINITIONS, (lang, stored.item)
            index = stored.item.options.index(stored.item.answer) if stored.item.options else 0
            if stored.poll_id:
                await chat.vote(user, stored.poll_id, index)
            elif stored.item.typed:
                await chat.send(user, stored.item.answer)
            else:
                await chat.tap(user, f"an:{stored.id}:{index}")


def pick(question: int, right: bool = True) -> str:
    """A placement button: the right option, or the one after it."""
    item = PLACEMENT[question]
    return f"pl:{question}:{item.correct if right else (item.correct + 1) % len(item.options)}"


async def test_a_newcomer_who_misses_two_picture_words_is_placed_at_level_one_at_once(
        chat: Chat) -> None:
    ana = chat.user(lang="es")
    calls = await join(chat, ana, "es", None)
    assert ("🤷 No sé", "pl:0:4") in buttons(calls)
    await chat.tap(ana, pick(0, right=False))  # 📚: a guess
    calls = await chat.tap(ana, pick(1, right=False))  # and another: two misses, the end
    assert people.enrollments(chat.db, 1001)[0].wida_level == 1
    assert "nivel 1" in texts(calls)


async def test_one_slip_after_a_right_answer_asks_more_before_placing_her_low(
        chat: Chat) -> None:
    """Playtest: right on 📚 = book, a slip on "I ___ to school every day.", and after two
    answers she was told level 1. A child who knows everyday words slips; the placement asks
    the band's last question and its reserve (🍎 = ?) before it ends low, and the counter's
    "up to 11" never rises."""
    ana = chat.user(lang="es")
    await join(chat, ana, "es", None)
    await chat.tap(ana, pick(0))
    calls = await chat.tap(ana, pick(1, right=False))  # the slip
    assert people.enrollments(chat.db, 1001)[0].wida_level is None  # not over
    assert "Pregunta 3 (hasta 11)" in texts(calls)
    calls = await chat.tap(ana, pick(2))
    reserve = next(i for i, item in enumerate(PLACEMENT) if item.reserve and item.band == 1)
    assert "🍎 = ?" in texts(calls) and f"pl:{reserve}:4" in [d for _, d in buttons(calls)]
    assert "Pregunta 4 (hasta 11)" in texts(calls)
    await chat.tap(ana, pick(reserve))  # made up for: band 1 counts
    await chat.tap(ana, pick(3))
    calls = await chat.tap(ana, pick(4, right=False))  # band 2 forgives no slip
    assert people.enrollments(chat.db, 1001)[0].wida_level == 2
    assert "nivel 2" in texts(calls)


async def test_i_dont_know_ends_placement_at_level_one_after_one_question(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join(chat, ana, "es", None)
    await chat.tap(ana, f"pl:0:{len(PLACEMENT[0].options)}")
    assert people.enrollments(chat.db, 1001)[0].wida_level == 1


async def test_bundled_previews_at_levels_four_and_five_are_phone_sized_with_check_last(
        chat: Chat) -> None:
    for number, level in enumerate((4, 5)):
        user = chat.user(3001 + number, "Lu", lang="es")
        await join(chat, user, "es", level)
        messages = sent(await chat.send(user, "/words"))
        # level 5's cards are English only, and so are their labels
        words = texts(messages).count("(sustantivo)" if level == 4 else "(noun)")
        assert words > 1 and all(utf16(m.text) <= 900 for m in messages), level
        assert len(messages) <= 1 + (words + 1) // 2, (level, len(messages), words)
        lengths = [utf16(m.text) for m in messages]
        assert min(lengths) * 3 >= max(lengths), (level, lengths)  # evenly filled, no tail
        check = "✅ Ponme a prueba" if level == 4 else "✅ Check me"
        assert (check, "ck") in messages[-1].buttons
        assert not [d for _, d in buttons(messages) if d.startswith("cd:")]  # no Next


async def test_my_language_first_is_offered_only_where_cards_are_english_first(
        chat: Chat) -> None:
    beginner, developing = chat.user(1001, "Ana", lang="es"), chat.user(1002, "Bo", lang="es")
    await join(chat, beginner, "es", 2)
    await join(chat, developing, "es", 3)
    flip = "🔁 Mi idioma primero"
    assert flip not in [label for label, _ in buttons(await chat.send(beginner, "/words"))]
    assert flip in [label for label, _ in buttons(await chat.send(developing, "/words"))]


async def test_a_somali_card_without_somali_says_so_in_somali(chat: Chat) -> None:
    asha = chat.user(lang="so")
    await join(chat, asha, "so", 2)
    text = texts(await page_through(chat, asha, await chat.send(asha, "/words")))
    shown = [w for w in ECOSYSTEMS.words if f"<b>{w.term}</b>" in text]
    lacking = [w for w in shown if "so" not in w.glosses]
    assert lacking  # the shipped pack lacks Somali for some of the first words
    assert text.count("Eraygan weli ma laha tarjumaad Soomaali ah.") == len(lacking)


async def test_a_dari_speaker_is_not_promised_help_in_their_language(chat: Chat) -> None:
    omid = chat.user(lang="fa")
    calls = await join(chat, omid, "fa", 3)
    reply = texts(calls)
    assert "I will help you in Persian" not in reply
    assert "I don't have Persian (\u2068فارسی\u2069) yet" in reply


async def test_a_somali_speaker_is_told_how_many_class_words_have_somali(chat: Chat) -> None:
    asha = chat.user(lang="so")
    reply = texts(await join(chat, asha, "so", 3))
    have = sum("so" in w.glosses for w in ECOSYSTEMS.words)
    assert f"{have} ka mid ah {len(ECOSYSTEMS.words)} eray" in reply


async def test_pack_upload_names_student_languages_left_english_only(chat: Chat) -> None:
    await join(chat, chat.user(1001, "Rui", lang="pt"), "pt", 2)
    await join(chat, chat.user(1002, "Ana", lang="es"), "es", 2)
    people.upsert_teacher(chat.db, TEACHER, "Rivera", chat.clock())
    pack = ("term,pos,tier,definition,example,es_term\n"
            "volcano,noun,3,A mountain that can send out hot lava.,The volcano erupted.,volcán\n")
    chat.api.uploads["f1"] = pack.encode()
    teacher = chat.user(TEACHER, "Rivera", lang="en")
    reply = texts(await chat.process(chat.factory.document(teacher, "f1", "Volcanoes.csv",
                                                           len(pack))))
    assert "Portuguese: 1 of 1 word has no gloss" in reply
    assert "<code>pt_term</code>" in reply
    assert "Spanish: 1 of 1 word has no gloss" not in reply  # Spanish has its term


async def test_progress_for_an_arabic_reader_is_in_arabic_not_an_english_chart(
        chat: Chat) -> None:
    sami = chat.user(lang="ar")
    await join(chat, sami, "ar", 3)
    await page_through(chat, sami, await chat.send(sami, "/words"))
    calls = await chat.send(sami, "/progress")
    assert not [c for c in calls if c.method == "sendPhoto"]
    text = texts(calls)
    assert "أتقنتها" in text and "جديدة: \u20685\u2069" in text  # five new words (level 3)
    assert "جديدة · New ⬜⬜⬜" in text  # and their bar, in Arabic and English (level 3),
    assert "<b>كلماتي · My words</b>" in text  # with the figure said once


async def test_progress_chart_is_drawn_in_spanish_for_a_spanish_reader(chat: Chat) -> None:
    ana = chat.user(lang="es")
    await join(chat, ana, "es", 3)
    await chat.send(ana, "/words")
    calls = await chat.send(ana, "/progress")
    assert [c for c in calls if c.method == "sendPhoto"]


@pytest.mark.parametrize(("lang", "level"), [("so", 1), ("es", 2), ("ar", 1), ("en", 2)])
async def test_progress_at_levels_one_and_two_is_three_short_lines_and_no_chart(
        chat: Chat, lang: str, level: int) -> None:
    """The playtest: a chart plus 14 lines for a level-1 child. Now: her words by state, days
    in a row (reading her new cards was one), and what to do next, in her language and then
    in English."""
    ana = chat.user(lang=lang)
    await join(chat, ana, lang, level)
    await page_through(chat, ana, await chat.send(ana, "/words"))
    calls = await chat.send(ana, "/progress")
    assert [c.method for c in calls] == ["sendMessage"]  # no chart
    lines = calls[0].text.splitlines()
    assert len(lines) == (3 if lang == "en" else 6)
    english = "\n".join(lines[-3:]).replace("\u2068", "").replace("\u2069", "")
    words = level + 2  # three words at level 1, four at level 2: all read, none answered
    assert english == f"🆕 New: {words}\n🔥 Days in a row: 1\n👉 {words} words ready: /check"
    assert len(calls[0].text) <= 200


async def test_short_progress_points_to_the_cards_she_has_not_read_before_a_check(
        chat: Chat) -> None:
    ana = chat.user(lang="en")
    await join(chat, ana, "en", 1)
    await chat.send(ana, "/words")  # card 1 of 3 only
    chat.db.execute("UPDATE mastery SET mastered_at = '2026-09-14T15:00:00+00:00', "
                    "due_at = '2026-09-20T15:00:00+00:00' WHERE shown_at IS NOT NULL")
    # her one word read is mastered, far from due
    said = texts(await chat.send(ana, "/progress"))
    assert said.replace("\u2068", "").replace("\u2069", "").startswith("⭐ Mastered: 1\n")
    assert "👉 New cards to read: /words" in said  # cards 2 and 3 wait, so no check yet


async def test_push_names_the_words_a_somali_student_gets_in_english_only(chat: Chat) -> None:
    await join(chat, chat.user(1001, "Asha", lang="so"), "so", 2)
    people.upsert_teacher(chat.db, TEACHER, "Rivera", chat.clock())
    teacher = chat.user(TEACHER, "Rivera", lang="en")
    reply = texts(await chat.send(teacher, "/push science.ecosystems ecosystem organism habitat"))
    lacking = [w.term for w in ECOSYSTEMS.words[:3] if "so" not in w.glosses]
    assert f"Somali: no gloss for {', '.join(lacking)} ({len(lacking)} of 3" in reply
    assert "Español" not in reply


async def test_teacher_sets_a_whole_class_of_levels_from_pasted_screener_scores(
        chat: Chat) -> None:
    await join(chat, chat.user(1001, "Ana", lang="es"), "es", None)
    await join(chat, chat.user(1002, "Bo", lang="so"), "so", None)
    people.upsert_teacher(chat.db, TEACHER, "Rivera", chat.clock())
    teacher = chat.user(TEACHER, "Rivera", lang="en")
    reply = texts(await chat.send(teacher, "/level Ana 1, Zed 4"))
    assert "Zed" in reply
    assert [e.wida_level for e in people.enrollments(chat.db, 1001)] == [None]  # none set
    reply = texts(await chat.send(teacher, "/level Ana 1\nBo 2"))
    assert "Ana is now at WIDA level 1 in Science 7B." in reply
    assert "Bo is now at WIDA level 2 in Science 7B." in reply
    assert [e.wida_level for e in people.enrollments(chat.db, 1002)] == [2]
    assert "closed" in texts(await chat.tap(chat.user(1002, "Bo", lang="so"), "pl:0:1"))


async def test_a_teacher_gloss_reaches_the_somali_student_at_once(chat: Chat) -> None:
    asha = chat.user(1001, "Asha", lang="so")
    await join(chat, asha, "so", 2)
    people.upsert_teacher(chat.db, TEACHER, "Rivera", chat.clock())
    teacher = chat.user(TEACHER, "Rivera", lang="en")
    reply = texts(await chat.send(teacher, "/gloss ecosystem so nidaamka deegaanka"))
    assert "Saved: <b>ecosystem</b> in Somali" in reply
    card = sent(await chat.send(asha, "/words"))[0].text
    assert "nidaamka deegaanka" in card.split("\n\n")[1]  # the first card, no "no Somali yet"
    assert "Eraygan weli" not in card.split("\n\n")[1]
    row = chat.db.execute("SELECT engine, reviewed FROM translations WHERE target_lang = 'so'"
                          ).fetchone()
    assert tuple(row) == ("teacher", 1)


async def test_a_teacher_corrects_a_curated_gloss_for_a_multiword_term(chat: Chat) -> None:
    ana = chat.user(1001, "Ana", lang="es")
    await join(chat, ana, "es", 3)
    people.upsert_teacher(chat.db, TEACHER, "Rivera", chat.clock())
    teacher = chat.user(TEACHER, "Rivera", lang="en")
    assert "Saved" in texts(await chat.send(teacher, "/gloss Food Chain es cadena trófica"))
    assert "Saved" in texts(await chat.send(teacher, "/gloss habitat es hogar natural"))
    text = texts(await page_through(chat, ana, await chat.send(ana, "/words")))
    assert "hogar natural" in text and "<b>hábitat</b>" not in text
    assert chat.db.execute("SELECT text FROM translations WHERE source_text = 'food chain'"
                           ).fetchone()[0] == "cadena trófica"


async def test_gloss_explains_itself_and_is_for_teachers_only(chat: Chat) -> None:
    people.upsert_teacher(chat.db, TEACHER, "Rivera", chat.clock())
    teacher = chat.user(TEACHER, "Rivera", lang="en")
    assert "/gloss habitat so deegaan" in texts(await chat.send(teacher, "/gloss habitat"))
    assert "not in any pack" in texts(await chat.send(teacher, "/gloss volcano so fool"))
    ana = chat.user(1001, "Ana", lang="es")
    await join(chat, ana, "es", 3)
    await chat.send(ana, "/gloss habitat es casa")
    assert chat.db["translations"].count == 0


async def test_my_language_first_turns_the_card_in_place_and_stays_for_the_next_cards(
        chat: Chat) -> None:
    bo = chat.user(1002, "Bo", lang="es")
    await join(chat, bo, "es", 3)
    first = sent(await chat.send(bo, "/words"))[0]
    flip = next(d for label, d in first.buttons if label == "🔁 Mi idioma primero")
    (card,) = [c for c in await chat.tap(bo, flip) if c.method != "answerCallbackQuery"]
    assert card.method == "editMessageText"
    assert card.text.index("ecosistema") < card.text.index("ecosystem")
    assert "🔁 Mi idioma primero" not in [label for label, _ in card.buttons]
    cards = await page_through(chat, bo, [replace(card, method="sendMessage")])
    later = cards[-1].text  # the last card is flipped too, and offers the check
    gloss = next(w.glosses["es"].term for w in ECOSYSTEMS.words if f"<b>{w.term}</b>" in later)
    assert later.index(gloss) < later.index("</b> <i>(")
    assert ("✅ Ponme a prueba", "ck") in cards[-1].buttons


async def test_an_old_my_language_first_button_still_shows_the_cards_flipped(
        chat: Chat) -> None:
    bo = chat.user(1002, "Bo", lang="es")
    await join(chat, bo, "es", 3)
    await chat.send(bo, "/words")
    text = texts(await chat.tap(bo, "fl"))  # from a message sent before cards were turned
    # its first card (an unread one: /words opens on new cards first), home language first
    word = next(w for w in ECOSYSTEMS.words if f"<b>{w.term}</b>" in text)
    assert text.index(word.glosses["es"].term) < text.index(f"<b>{word.term}</b>")


@pytest.mark.parametrize(("ready", "waiting", "back", "said"), [  # (told on, back on) Sept
    (2, 3, (14, 15), "👉 2 words ready: /check"),
    (0, 3, (14, 15), "👉 New cards to read: /words"),
    (0, 0, (14, 15), "✅ All done for now. More words come back tomorrow."),
    (0, 0, (14, 16), "✅ All done for now. More words come back on Wednesday."),
    (0, 0, (18, 21), "✅ All done for now. More words come back on Monday."),  # Fri, not Sat
    (0, 0, (15, 21), "✅ All done for now. More words come back on Monday."),  # 6 days
    # not "on Monday" (today's), and the date, not a sum to work out (mid-level playtest)
    (0, 0, (14, 21), "✅ All done for now. More words come back in 7 days (Mon 21 Sep)."),
    (0, 0, None, "✅ All done for now.")])
def test_the_next_step_is_a_check_cards_to_read_or_when_reviews_return(
        catalog: Catalog, ready: int, waiting: int, back: tuple[int, int] | None,
        said: str) -> None:
    day = None if back is None else BackOn(date(2026, 9, back[1]), back[1] - back[0])
    report = Progress(0, 0, 2, 1, 0, 3, (), ready, waiting, day, short=True)
    text = progress_views.next_step(report.step, "en", catalog).replace("\u2068", "").replace(
        "\u2069", "")
    assert text == said
