"""Prompts: every key and placeholder in every language; right-to-left text renders right."""

from __future__ import annotations

import html
import re

import pytest

from bot.domain.language import SUPPORTED_UI, is_rtl
from bot.presentation.i18n import (
    FSI,
    PDI,
    RLM,
    Catalog,
    Counted,
    Markup,
    Plural,
    Said,
    escape,
    language_name,
    placeholders,
    texts,
)
from bot.standin.html_check import parse_html
from tests.screen import on_screen, tappable


def test_every_language_has_every_key_and_placeholder(catalog: Catalog) -> None:
    assert catalog.problems() == []


def test_the_twelve_languages_and_english_have_prompts(catalog: Catalog) -> None:
    assert set(SUPPORTED_UI) <= set(catalog.languages)


@pytest.mark.parametrize("lang", [c for c in SUPPORTED_UI if c != "en"])
def test_prompts_are_translated_not_copied(catalog: Catalog, lang: str) -> None:
    english = catalog.messages["en"]
    own = catalog.messages[lang]
    same = [k for k in english if own[k] == english[k] and not k.startswith("chart-")]
    assert len(same) <= len(english) // 10, same


def test_arabic_lines_start_right_to_left_and_isolate_english(catalog: Catalog) -> None:
    text = catalog.render("join-welcome", "ar", name="Ana", class_name="Science 7B")
    assert all(line.startswith(RLM) for line in text.split("\n") if line)
    assert f"{FSI}Science 7B{PDI}" in text
    assert is_rtl("ar") and not is_rtl("es")


def _arabic_with_commands() -> list[str]:
    return sorted(key for key, template in Catalog.load().messages["ar"].items()
                  if any(re.search(r"(?<!<)/[a-z]", text)  # not a closing tag
                         for text in texts(template)))


@pytest.mark.parametrize("key", _arabic_with_commands())
def test_a_command_in_an_arabic_line_reads_as_typed_and_stays_tappable(
        catalog: Catalog, key: str) -> None:
    template = catalog.messages["ar"][key]
    params: dict[str, object] = dict.fromkeys(placeholders(template), "Ana")
    counts = (0, 1, 2, 3, 11, 100) if isinstance(template, Plural) else ("Ana",)
    for count in counts:  # a count that reads each of the six forms
        if isinstance(template, Plural):
            params[template.argument] = count
        text = catalog.render(key, "ar", **params)
        typed = re.findall(r"/[a-z]\w*", parse_html(text).text)
        assert tappable(text) == typed  # a letter glued to the slash (و/family) hides a command
        screen = "\n".join(on_screen(text))
        for command in typed:
            assert command in screen and f"{command[1:]}/" not in screen, screen


def test_arabic_help_shows_each_command_and_its_example_as_typed(catalog: Catalog) -> None:
    lines = on_screen(catalog.render("help-student", "ar"))
    assert lines[2].endswith(" - /check") and lines[4].endswith(" - /remind 16:00")  # RTL
    assert on_screen(catalog.render("remind-usage", "ar"))[0].startswith(".)/remind off ")


def test_a_counter_in_arabic_reads_one_of_three_not_three_of_one(catalog: Catalog) -> None:
    from bot.domain.checks import Item
    from bot.domain.scaffold import ItemType
    from bot.presentation.check_views import poll_question
    from bot.services.checks import Question

    assert on_screen(catalog.render("item-counter", "ar", number=1, total=3))[0] \
        .startswith("1/3 ")
    assert on_screen(catalog.plain("button-next", "ar", number=2, total=3), None) == \
        ["2/3 ▶ يلاتلا"]  # the screen draws the line from its left: "التالي ▶ 2/3" read RTL
    item = Item(1, ItemType.POLL, "كائن حي", ("habitat", "organism"), "organism", True)
    asked = poll_question(Question(1, 2, 3, item, "ar", 2), catalog)
    assert on_screen(asked, None)[0].startswith("2/3 ")


def test_a_code_in_arabic_copies_without_direction_marks(catalog: Catalog) -> None:
    def copied(text: str) -> list[str]:
        parsed = parse_html(text)
        utf16 = parsed.text.encode("utf-16-le")
        return [utf16[2 * e["offset"]:2 * (e["offset"] + e["length"])].decode("utf-16-le")
                for e in parsed.entities if e["type"] == "code"]

    assert copied(catalog.render("invite-created", "ar", code="AB-12")) == ["AB-12"]
    assert copied(catalog.render("coteach-created", "ar", class_name="7B", days=3,
                                 code="AB-12")) == ["/teach AB-12"]
    invite = on_screen(catalog.render("invite-created", "ar", code="AB-12"))[0]
    assert invite.startswith("AB-12 :")


def test_a_language_name_is_lower_case_inside_a_spanish_sentence_not_at_its_start(
        catalog: Catalog) -> None:
    spanish = language_name("es")
    assert catalog.render("language-set", "es", language=spanish) == \
        "¡Genial! Te ayudaré en español y en inglés."
    assert catalog.render("language-confirm", "es", language=spanish) == \
        "🌍 ¿Hablas español en casa?"
    assert catalog.render("announce-version", "es", language=spanish, people=2) \
        .startswith("<b>Español</b>")  # a line's start keeps the capital
    assert catalog.bilingual("language-set", "es", language=spanish).endswith(
        "Great! I will help you in Spanish and English.")  # the line above says "español"
    assert catalog.render("language-set", "en", language=language_name("ar")) == \
        "Great! I will help you in Arabic (\u2068العربية\u2069) and English."  # English alone
    assert catalog.plain("language-set", "fr", language=language_name("fr")) == \
        "Super\u202f! Je vais t'aider en français et en anglais."
    assert "em português e em inglês" in catalog.render("language-set", "pt",
                                                        language=language_name("pt"))


def test_somali_calls_every_check_a_tijaabo_never_an_exam(catalog: Catalog) -> None:
    somali = catalog.messages["so"]
    assert not [key for key, template in somali.items()
                if any("imtixaan" in text.lower() for text in texts(template))]
    assert somali["check-done-all"].startswith("Tijaabadii way dhammaatay")
    assert catalog.render("check-done-low", "so", right=0, total=5).startswith(
        "Tijaabadii way dhammaatay")


def test_arabic_joins_a_language_name_to_its_letter_and_never_makes_a_student_male(
        catalog: Catalog) -> None:
    arabic = language_name("ar")
    welcome = catalog.render("family-welcome", "ar", language=arabic)
    assert "رسالة قصيرة بالعربية." in welcome  # one word: no tatweel, no isolate cutting it
    assert catalog.render("family-week-ask", "ar", name="Layla", word="ecosystem") == \
        f"{RLM}💬 اطلبوا من {FSI}Layla{PDI} شرح كلمة <b>{FSI}ecosystem{PDI}</b> لكم باللغة " \
        "التي تتحدثونها في البيت."
    assert catalog.render("family-week-days-since", "ar", name="Layla", days=3, since=4) == \
        f"{RLM}أيام تدرّب {FSI}Layla{PDI}: {FSI}3{PDI} من {FSI}4{PDI} أيام دراسية منذ البداية."
    assert catalog.render("family-week-first-day", "ar", name="Layla") == \
        f"{RLM}اليوم أول أيام {FSI}Layla{PDI} مع Puente."
    # not plural أرسلوا
    assert catalog.plain("button-ask", "ar") == "✉️ إرسال إلى المعلّم أو المعلّمة"


def test_french_keeps_question_marks_and_colons_on_their_line(catalog: Catalog) -> None:
    """A plain space before ? ! : ; lets a narrow phone wrap the mark alone onto the next
    line; French typography puts a narrow no-break space there (gloss review, row 71). So
    inside « »: a level-1 reader saw « photosynthèse » with its » wrapped alone (playtest)."""
    loose = {key for key, template in catalog.messages["fr"].items()
             if any(re.search(r" [?!:;](\s|$)| »|« ", text) for text in texts(template))}
    assert loose == set()
    assert catalog.render("language-confirm", "fr", language=language_name("fr")) == \
        "🌍 À la maison, tu parles français\u202f?"


def test_the_review_s_prompt_rows_read_as_the_reviewers_asked(catalog: Catalog) -> None:
    """Gloss review rows 74, 76-79: wording a native reader flagged."""
    mastered = catalog.messages["ar"]["report-mastered"]
    assert "كلمات متقنة: {mastered}" in mastered and "نسبة" not in mastered  # a count, not a rate
    assert "소리가 비슷하고" in catalog.messages["ko"]["cognate-hint"]  # loanwords sound alike
    assert catalog.render("language-confirm", "zh", language=language_name("zh")) == \
        "🌍 你在家说的语言是中文吗？"
    assert catalog.plain("button-flip", "vi") == "🔁 Ngôn ngữ của tôi trước"
    assert "/help để xem tất cả" in catalog.messages["vi"]["help-short"]
    assert catalog.plain("button-check", "tl") == "✅ I-check mo ako"  # not a dare


# What a student and a family both read (their /ask, a message over the limit) says neither
# tú nor usted: a child is tú everywhere else, a family usted.
SHARED_WITH_FAMILIES = ("message-too-long-offer", "ask-prompt", "ask-prompt-as-written",
                        "ask-not-sent", "ask-draft-gone", "answer-reply-hint")


@pytest.mark.parametrize("key", SHARED_WITH_FAMILIES)
def test_spanish_never_calls_a_student_usted(catalog: Catalog, key: str) -> None:
    usted = re.compile(r"\b(su|sus|usted|envíe|escriba|responda)\b|\w+(elo|ela)\b", re.I)
    assert usted.search(catalog.messages["es"][key]) is None
    assert "quý vị" not in catalog.messages["vi"][key]  # the families' word in Vietnamese
    assert not re.search(r"[ك]م\b|وا\b", catalog.messages["ar"][key])  # plural "you"


def test_vietnamese_calls_a_student_ban_never_em(catalog: Catalog) -> None:
    """Em only for children spoken about (các em, con em), never to the reader."""
    vietnamese = catalog.messages["vi"]
    addressed = [key for key, template in vietnamese.items() for text in texts(template)
                 if re.search(r"(?<!con )(?<!các )\bem\b", text, re.I)]
    assert addressed == []
    assert vietnamese["progress-next-none"] == "✅ Hiện giờ bạn đã xong."


# Lines only a teacher reads: Vietnamese calls her thầy cô, as every other teacher line does
# (playtest 12: some said bạn, the students' word, or quý vị, the families')
VIETNAMESE_TEACHER_KEYS = ("start-teacher", "answer-too-long-offer", "deleteme-confirm-teacher",
                           "deleteme-done-teacher", "coteach-joined", "answer-gone-student",
                           "answer-queued", "answer-queued-as-written", "relay-cannot-translate",
                           "answer-queued-own-language", "scheduled-cancelled-by",
                           "answer-confirm-student", "relay-cannot-translate-teacher")


@pytest.mark.parametrize("key", VIETNAMESE_TEACHER_KEYS)
def test_vietnamese_calls_a_teacher_thay_co(catalog: Catalog, key: str) -> None:
    text = catalog.messages["vi"][key]
    assert "thầy cô" in text and not re.search(r"\b(bạn|quý vị)\b", text, re.I)


# Teachers read usted in Spanish everywhere; a tú here and there reads as a slip.
TEACHER_COVERAGE_KEYS = ("newpack-coverage", "newpack-gloss-missing", "push-coverage",
                         "gloss-saved")


@pytest.mark.parametrize("key", TEACHER_COVERAGE_KEYS)
def test_spanish_calls_a_teacher_usted(catalog: Catalog, key: str) -> None:
    tu = re.compile(r"\b(tu|tus|te|ti|agrega|añade|puedes|tienes)\b", re.I)
    for text in texts(catalog.messages["es"][key]):
        assert tu.search(text) is None
        assert re.search(r"\bSus estudiantes\b", text, re.I)


def test_vietnamese_puente_calls_itself_minh_to_a_student_choosing_a_language(
        catalog: Catalog) -> None:
    keys = ("language-set", "language-set-partial", "language-set-machine",
            "language-set-english")
    vietnamese = catalog.messages["vi"]
    assert [key for key in keys if re.search(r"\btôi\b", vietnamese[key], re.I)] == []
    assert catalog.render("language-set-english", "vi", language="Kiswahili") == (
        "Cảm ơn bạn! Mình chưa có Kiswahili: chưa có tin nhắn và chưa có bản dịch từ. Mình sẽ "
        "giúp bạn bằng tiếng Anh, có hình ảnh, và giáo viên cũng có thể giúp bạn.")


# A student is bạn, and Puente is Mình to them; a family or a teacher is quý vị, to whom it is a
# formal tôi. A message that calls its reader bạn never mixes in tôi (the student's own voice on
# a button, "Xóa dữ liệu của tôi", is theirs, not Puente's).
def test_vietnamese_puente_calls_itself_minh_to_whoever_it_calls_ban(catalog: Catalog) -> None:
    vietnamese = catalog.messages["vi"]
    mixed = [key for key, template in vietnamese.items() for text in texts(template)
             if re.search(r"\bbạn\b", text, re.I) and re.search(r"\btôi\b", text, re.I)]
    assert mixed == []
    assert vietnamese["placement-ask"] == (
        "Bạn hãy chọn câu trả lời. Nếu không chắc, bạn bấm “🤷 Không biết” nhé: như vậy giúp "
        "mình hơn là đoán.")


# Sentences that count two things take each count with its own noun (count-words,
# count-students, ...), so neither reads "word(s)" in any language.
COUNTING_KEYS = ("push-queued", "push-report", "report-summary", "report-word", "newpack-saved",
                 "newpack-filled", "announce-preview", "announce-version", "announce-queued",
                 "announce-queued-families", "count-words", "count-students",
                 "count-family-members", "classes-line", "deleteme-class-removed",
                 "newpack-audit", "newpack-coverage", "push-coverage", "heatmap-recent-words",
                 "report-listening-few", "check-done")


def test_counting_sentences_never_write_word_s_in_any_language(catalog: Catalog) -> None:
    hedged = re.compile(r"\w\((s|es|ões|m|e|а)\)|\(es\)|يوم/أيام")
    found = [f"{lang}: {key}" for lang, own in catalog.messages.items() for key in COUNTING_KEYS
             for text in texts(own[key]) if hedged.search(text)]
    assert found == []



def test_a_level_range_is_written_as_every_other_line_of_its_language_writes_it(
        catalog: Catalog) -> None:
    """Every line writes "levels 1-2" with a hyphen; the cannot-read note alone wrote "1–2"
    with an en dash, in all 13 languages."""
    dashed = [f"{lang}: {key}" for lang, own in catalog.messages.items()
              for key, template in own.items() for text in texts(template)
              if re.search(r"\d–\d", text)]
    assert dashed == []
    assert "At levels 1-2 cards" in catalog.messages["en"]["teacher-alert-cannot-read"]

def test_two_counts_in_one_sentence_each_take_their_own_plural(catalog: Catalog) -> None:
    push = {"class_name": "7B", "when": "Wed 15:00"}
    assert catalog.plain("push-queued", "en", words=Counted("count-words", 2),
                         students=Counted("count-students", 1), **push) == (
        "Sending 2 words to 1 student of <b>7B</b> (Wed 15:00).")
    assert catalog.plain("push-queued", "ru", words=Counted("count-words", 5),
                         students=Counted("count-students", 21), **push) == (
        "Отправка в класс <b>7B</b> (Wed 15:00): 5 слов, 21 ученик.")
    assert catalog.plain("announce-queued", "es", families=Counted("count-family-members", 1),
                         students=Counted("count-students", 3)).startswith(
        "En cola para 1 familiar y 3 estudiantes.")
    assert catalog.plain("newpack-saved", "en", pack="p", count=1) == (
        "Your pack <b>p</b> is ready with 1 word. Send it with /push p")
    assert catalog.plain("newpack-filled", "es", count=3) == (
        "La traducción automática completó 3 traducciones que faltaban.")
    assert catalog.plain("report-word", "fr", term="proie", right=2, total=3, days=1) == (
        "proie\u202f: 2 sur 3 justes en 1 jour")
    assert catalog.plain("announce-version", "en", language="Somali", people=1) == (
        "<b>Somali</b> · 1 person")


def test_counts_once_written_word_s_read_as_real_plurals(catalog: Catalog) -> None:
    coverage = {"language": "Somali", "code": "so"}
    assert catalog.plain("newpack-coverage", "en", missing=1, words=Counted("count-words", 5),
                         **coverage).startswith("⚠️ Somali: 1 of 5 words has no gloss,")
    assert catalog.plain("newpack-coverage", "es", missing=1, words=Counted("count-words", 1),
                         **coverage).startswith("⚠️ Somali: 1 de 1 palabra no tiene glosa,")
    assert catalog.plain("push-coverage", "ru", missing=1, words=Counted("count-words", 2),
                         language="сомали", terms="prey").startswith(
        "⚠️ сомали: нет перевода для prey (это 1, а всего в отправке 2 слова)")
    assert catalog.plain("classes-line", "en", class_name="7B", link="L",
                         students=Counted("count-students", 1)) == "<b>7B</b>: 1 student - L"
    assert catalog.plain("deleteme-class-removed", "fr", class_name="7B", students=3) == (
        "• 7B\u202f: supprimée\u202f; ses 3 élèves quittent la classe.")
    assert catalog.plain("newpack-audit", "ru", no_cloze=21, giveaways=0, items=4,
                         rules="-").startswith("Качество заданий: у 21 слова нет предложения")
    assert catalog.plain("heatmap-recent-words", "pt", shown=1, days=21, words=9) == (
        "O gráfico mostra 1 palavra praticada nos últimos 21 dias; o relatório e o CSV contam "
        "todas as 9.")
    assert catalog.plain("report-listening-few", "en", total=1).endswith(
        ": 1 answer, too few to tell")
    assert catalog.plain("check-done", "fr", right=1, total=5).startswith(
        "Test terminé\u202f: 1 bonne réponse sur 5.")


def test_missing_language_falls_back_to_english(catalog: Catalog) -> None:
    assert catalog.render("ready", "xx") == catalog.render("ready", "en")
    assert catalog.bilingual("ready", "en") == catalog.render("ready", "en")


def test_bilingual_puts_home_language_first(catalog: Catalog) -> None:
    text = catalog.bilingual("ready", "es")
    assert text.split("\n")[-1] == catalog.render("ready", "en")
    assert text.split("\n")[0] == catalog.render("ready", "es")


@pytest.mark.parametrize("typed", ["Jo & <3", "</b>", '<a href="http://x">y</a>', "a > b"])
def test_every_value_is_escaped_by_default(catalog: Catalog, typed: str) -> None:
    text = catalog.render("join-welcome", "en", name=typed, class_name="7B")
    assert html.escape(typed, quote=False) in text
    assert html.unescape(text) == catalog.render("join-welcome", "en", name="@",
                                                 class_name="7B").replace("@", typed)


def test_markup_is_trusted_and_never_escaped_twice(catalog: Catalog) -> None:
    inner = catalog.render("word-mastered", "en", term="A&B")
    outer = catalog.render("join-welcome", "en", name=inner, class_name=Markup("<i>7B</i>"))
    assert "<b>A&amp;B</b>" in outer and "<i>7B</i>" in outer
    assert "&amp;amp;" not in outer and escape(escape("<")) == "&lt;"


def test_values_lose_direction_overrides_and_invisible_characters(catalog: Catalog) -> None:
    text = catalog.render("join-welcome", "ar", name="\u202eA\u200bna\u2069",
                          class_name="7B")
    assert f"{FSI}Ana{PDI}" in text and "\u202e" not in text and "\u200b" not in text


def test_rendered_prompts_are_markup_and_plain_text_is_not_escaped(catalog: Catalog) -> None:
    assert isinstance(catalog.render("ready", "es"), Markup)
    assert isinstance(catalog.bilingual("ready", "es"), Markup)
    assert catalog.plain("poll-question", "en", prompt="a < b & c") == \
        "Which word means: a < b & c"


def test_numbers_are_shown_as_numbers(catalog: Catalog) -> None:
    assert "3" in catalog.render("item-counter", "en", number=3, total=5)


def test_a_long_message_is_cut_without_breaking_a_tag_or_an_entity() -> None:
    from bot.presentation.views import cut
    from bot.standin.html_check import parse_html

    long = Markup("<b>" + "a &amp; b " * 600 + "</b><i>" + "x" * 100 + "</i>")
    for limit in range(1000, 1020):
        short = cut(long, limit)
        assert len(short) <= limit and parse_html(short).text.endswith("…")
    assert cut(Markup("<b>short</b>")) == "<b>short</b>"


def test_a_name_with_nothing_visible_becomes_a_word_in_the_readers_language(
        catalog: Catalog) -> None:
    from bot.presentation.views import name

    assert name("\u200b\u202e ", catalog, "es") == "Estudiante"
    assert name(" A\u200bna ", catalog, "es") == "Ana"


def test_a_checks_quiz_poll_asks_in_the_home_language_and_then_in_english(
        catalog: Catalog) -> None:
    from bot.domain.checks import Item
    from bot.domain.scaffold import ItemType
    from bot.presentation.check_views import poll_question
    from bot.services.checks import Question

    item = Item(1, ItemType.POLL, "Un ser vivo", ("habitat", "organism", "predator"),
                "organism", True)
    asked = poll_question(Question(1, 1, 3, item, "es", 2), catalog).split("\n")
    assert asked == ["Pregunta 1/3", "¿Qué palabra significa esto?", "Which word means this?",
                     "Un ser vivo"]  # the definition once, on its own line
    long = Item(1, ItemType.POLL, "x" * 240, ("habitat", "organism"), "organism", True)
    asked = poll_question(Question(1, 1, 3, long, "es", 2), catalog)
    assert len(asked) <= 300 and "Which word" not in asked and "x" * 240 in asked
    assert poll_question(Question(1, 1, 3, item, "es", 5), catalog).split("\n") == \
        ["Question 1/3", "Which word means: Un ser vivo"]  # English only from level 5 on
    assert poll_question(Question(1, 1, 3, item, "es", 4), catalog).split("\n") == \
        ["Pregunta 1/3", "Which word means: Un ser vivo"]  # the question alone from level 4
    assert poll_question(Question(1, 1, 3, item, "en", 2), catalog).split("\n") == \
        ["Question 1/3", "Which word means this?", "Un ser vivo"]


def test_a_long_stem_is_shown_once_with_the_instruction_in_both_languages(
        catalog: Catalog) -> None:
    from bot.domain.checks import Item
    from bot.domain.gaps import GAP
    from bot.domain.scaffold import ItemType
    from bot.presentation.check_views import question_text
    from bot.services.checks import Question
    from tests.telegram_html import visible

    somali = ("Waxa nool iyo waxa aan noolayn ee hal meel ku wada jira oo midba midka kale "
              "saameeyo")
    choice = Item(1, ItemType.CHOICE, somali + ".", ("habitat", "ecosystem"), "ecosystem")
    text = question_text(Question(1, 2, 3, choice, "so", 2), catalog)
    # (then how to spell it with letter tiles, in both languages: levels 1-2 spell the word)
    assert visible(text).split("\n") == [
        "Su'aal 2/3", "Erayga kee ayaa macnihiisu yahay kan?", "Which word means this?", somali,
        "🔤 Taabo xarfaha si aad u qorto erayga Ingiriisiga, kadibna taabo ✅. Xarfaha "
        "qaarkood kuma jiraan erayga.",
        "🔤 Tap the letters to spell the English word, then tap ✅. Some letters are not in "
        "the word."]
    assert f"<i>{somali}</i>\n" in text
    # level 1: one line in her language that asks and says how, then the stem (tiles.one_line)
    text = question_text(Question(1, 2, 3, choice, "so", 1), catalog)
    assert visible(text).split("\n") == [
        "Su'aal 2/3", "🔤 Waa kee erayga Ingiriisiga ah ee macnihiisu yahay kan? Taabo xarfaha, "
        "kadibna taabo ✅. Xarfaha qaarkood kuma jiraan erayga.", somali]
    assert text.endswith(f"<i>{somali}</i>")

    sentence = f"A coral reef is an {GAP} where fish live."
    cloze = Item(1, ItemType.CLOZE, sentence, ("ecosystem", "organism"), "ecosystem")
    text = question_text(Question(1, 2, 3, cloze, "es", 3), catalog)
    assert visible(text).split("\n") == ["Pregunta 2/3", "¿Qué palabra completa el espacio?",
                                         "Which word fills the gap?", sentence]
    assert text.endswith(f"<i>A coral reef is an <b>{GAP}</b> where fish live.</i>")
    typed = Item(1, ItemType.CLOZE, sentence, (), "ecosystem")
    assert visible(question_text(Question(1, 2, 3, typed, "es", 3), catalog)).count(
        "coral reef") == 1
    definition = Item(1, ItemType.TYPED, "A living thing.", (), "organism")
    assert visible(question_text(Question(1, 2, 3, definition, "es", 3), catalog)).split(
        "\n")[1:] == ["Escribe la palabra en inglés que significa esto.",
                      "Type the English word that means this.", "A living thing"]

    # English: one instruction line; from level 4 on: one English line, as before
    assert visible(question_text(Question(1, 2, 3, cloze, "en", 3), catalog)).split("\n") == \
        ["Question 2/3", "Which word fills the gap?", sentence]
    assert visible(question_text(Question(1, 2, 3, cloze, "es", 4), catalog)).split("\n") == \
        ["Pregunta 2/3", f"Which word fills the gap? {sentence}"]
    # a one-word stem stays inside its sentence, in both languages
    reverse = Item(1, ItemType.REVERSE, "hábitat", ("habitat", "organism"), "habitat")
    assert visible(question_text(Question(1, 2, 3, reverse, "es", 2), catalog)).split(
        "\n")[1:3] == ["¿Cuál es la palabra en inglés para hábitat?",
                       "Which English word is hábitat?"]


def test_an_arabic_stem_on_its_own_line_reads_right_to_left(catalog: Catalog) -> None:
    from bot.domain.checks import Item
    from bot.domain.gaps import GAP
    from bot.domain.scaffold import ItemType
    from bot.presentation.check_views import poll_question, question_text
    from bot.services.checks import Question

    stem = Item(1, ItemType.CHOICE, "DNA في كل كائن حي.", ("habitat", "organism"), "organism")
    lines = on_screen(question_text(Question(1, 2, 3, stem, "ar", 2), catalog))
    assert lines[0].startswith("2/3 ") and lines[1].endswith("أ")  # "أي كلمة" read RTL
    assert lines[2] == "Which word means this?" and lines[3].endswith("DNA")  # RTL: DNA first
    lines = on_screen(question_text(Question(1, 2, 3, stem, "ar", 1), catalog))  # one line
    assert lines[1].endswith("أ 🔤") and lines[2].endswith("DNA")
    poll = Item(1, ItemType.POLL, "DNA في كل كائن حي.", ("habitat", "organism"), "organism")
    assert on_screen(poll_question(Question(1, 2, 3, poll, "ar", 1), catalog), None)[3] \
        .endswith("DNA")
    english = Item(1, ItemType.CLOZE, f"Fish live in a {GAP}.", ("reef", "habitat"), "reef")
    lines = on_screen(question_text(Question(1, 2, 3, english, "ar", 3), catalog))
    assert lines[3] == f"Fish live in a {GAP}."  # an English sentence stays left to right


def test_a_family_reads_one_school_day_since_starting_in_the_singular(catalog: Catalog) -> None:
    def since(lang: str, count: int) -> str:
        return catalog.plain("family-week-days-since", lang, name="Ana", days=0, since=count)

    assert since("en", 1) == "Ana practised on 0 of 1 school day since starting."
    assert since("en", 3) == "Ana practised on 0 of the 3 school days since starting."
    assert "1 día de clase" in since("es", 1) and "3 días de clase" in since("es", 3)
    assert "учебного дня" in since("ru", 1) and "учебных дней" in since("ru", 2)
    assert "يوم دراسي واحد" in since("ar", 1) and "يومين دراسيين" in since("ar", 2)


def test_a_kept_rendering_is_never_served_for_other_values(catalog: Catalog) -> None:
    """Renderings are kept (a graded tap renders the same few again and again); a value that
    is equal but of another kind, another language or another count still renders anew."""
    typed = catalog.render("feedback-right", "es", answer="a<b", term="x", own="y")
    built = catalog.render("feedback-right", "es", answer=Markup("<u>a</u>b"), term="x", own="y")
    assert "a&lt;b" in typed and "<u>a</u>b" in built
    assert catalog.render("feedback-right", "es", answer="a<b", term="x", own="y") == typed
    assert "a&lt;b" in catalog.render("feedback-right", "fr", answer="a<b", term="x", own="y")
    assert catalog.render("item-counter", "en", number=2, total=5) != catalog.render(
        "item-counter", "en", number=3, total=5)
    assert catalog.bilingual("item-choice-ask", "es") != catalog.bilingual(
        "item-choice-ask", "es", english_first=True)
    assert catalog.plain("button-dont-know", "vi") != catalog.plain("button-dont-know", "es")


def test_a_kept_sentence_value_is_never_served_for_other_values(catalog: Catalog) -> None:
    """A sentence given as a value (Said: a wrong answer's "You will see it again ...") is
    kept with its rendering too, told apart by its key and by each of its values' kind."""
    def wrong(back: Said) -> str:
        return catalog.render("feedback-wrong", "es", answer="a", term="x", own="y", back=back)

    tomorrow = wrong(Said("feedback-back-tomorrow"))
    assert wrong(Said("feedback-back-tomorrow")) is tomorrow  # kept, not rendered again
    assert wrong(Said("feedback-back-mon")) != tomorrow
    text = wrong(Said("feedback-you-chose", (("chosen", "a<b"), ("meaning", "m"))))
    built = wrong(Said("feedback-you-chose", (("chosen", Markup("a<b")), ("meaning", "m"))))
    assert "a&lt;b" in text and "a<b" in built
    assert wrong(Said("feedback-you-chose", (("chosen", "a<b"), ("meaning", "m")))) == text


def test_a_value_of_an_unknown_kind_is_rendered_every_time(catalog: Catalog) -> None:
    """A value the catalogue cannot key safely (its equal instances may read otherwise) is
    rendered as it reads now, never from what was kept."""

    class Shifting:
        def __init__(self) -> None:
            self.text = "before"

        def __str__(self) -> str:
            return self.text

    value = Shifting()
    assert "before" in catalog.render("feedback-right", "en", answer=value, term="x", own="y")
    value.text = "after"
    assert "after" in catalog.render("feedback-right", "en", answer=value, term="x", own="y")
