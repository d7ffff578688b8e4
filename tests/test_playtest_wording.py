"""Wording a Haitian Creole grandmother and a French-speaking uncle read in the playtest
(Wideline's family): greetings that fit any hour, "the teacher" never read as a name, no
"this computer" on a phone, and French that says what the child did."""

from __future__ import annotations

import re

import pytest

from bot.presentation.i18n import Catalog, texts

# Greetings that belong to a time of day: a reminder goes at the hour each student sets.
TIME_BOUND = {
    "ht": ("Bonjou", "Bonswa"), "fr": ("Bonjour", "Bonsoir"),
    "es": ("Buenos días", "Buenas tardes", "Buenas noches"), "pt": ("Bom dia", "Boa tarde"),
    "en": ("Good morning", "Good afternoon", "Good evening"), "vi": ("buổi sáng", "buổi chiều"),
    "zh": ("早上好", "下午好", "晚上好"), "ko": ("좋은 아침",),
    "ru": ("Доброе утро", "Добрый день"),
    "tl": ("Magandang umaga", "Magandang hapon"), "so": ("Subax wanaagsan", "Galab wanaagsan"),
    "ar": ("صباح الخير", "مساء الخير"), "hmn": ("sawv ntxov",),
}


@pytest.mark.parametrize("lang", sorted(TIME_BOUND))
@pytest.mark.parametrize("key", ["reminder-due", "reminder-due-cards", "reminder-cards"])
def test_the_reminder_greets_in_words_that_fit_any_hour(catalog: Catalog, lang: str,
                                                        key: str) -> None:
    text = str(catalog.render(key, lang, name="Wideline", count=2))
    assert not [g for g in TIME_BOUND[lang] if g.casefold() in text.casefold()]


def test_the_haitian_reminder_reads_naturally(catalog: Catalog) -> None:
    assert catalog.render("reminder-due-cards", "ht", name="Wideline", count=2) == (
        "Alo Wideline! Gen 2 mo pou revize, epi gen nouvo kat k ap tann ou tou. Peze /check "
        "(2 minit).")


@pytest.mark.parametrize("key", ["reminder-due-cards", "reminder-due-cards-more"])
def test_a_reminder_with_cards_and_reviews_promises_no_order(catalog: Catalog, key: str) -> None:
    """At levels 1-2 the ✅ asks due reviews first and offers cards sent before after the
    check; "New cards wait for you, then words to review" promised the other order (playtest:
    Yousef, level 1, Arabic)."""
    text = str(catalog.render(key, "en", name="Yousef", count=3, today=3, later=2))
    assert "then" not in text and "new cards wait for you too" in text


def test_haitian_never_reads_the_student_as_the_teachers_name(catalog: Catalog) -> None:
    # "Pwofesè Wideline envite w" reads as "Teacher Wideline invites you"
    found = [key for key, template in catalog.messages["ht"].items()
             for text in texts(template) if re.search(r"[Pp]wofesè (<b>)?\{name\}", text)]
    assert found == []
    invitation = catalog.render("family-invitation", "ht", name="Wideline", days=14, link="L")
    assert invitation.startswith("👋 Alo! Pwofesè a, ki anseye Wideline, ekri w.")


@pytest.mark.parametrize("key", ["family-no-model-note", "ask-prompt-no-model",
                                 "answer-no-translation"])
def test_a_haitian_family_reads_what_puente_cannot_do_not_about_a_computer(
        catalog: Catalog, key: str) -> None:
    text = str(catalog.render(key, "ht", language="kreyòl ayisyen"))
    assert "òdinatè" not in text and "Puente poko ka tradui" in text


def test_french_update_says_what_the_child_did_in_neutral_words(catalog: Catalog) -> None:
    days = catalog.render("family-week-days", "fr", name="Wideline", days=4, total=5)
    assert days == "Wideline a travaillé ses mots 4 des 5 derniers jours d'école."
    assert catalog.render("family-week-other-days", "fr", count=1) == (
        "En plus\u202f: 1 jour d'entraînement pendant un week-end ou un jour férié.")
    assert catalog.render("family-week-other-days", "fr", count=2).startswith(
        "En plus\u202f: 2 jours d'entraînement")
    footer = catalog.render("family-week-footer", "fr")
    assert footer == ("/ask pour écrire au professeur ou à la professeure · /stop pour arrêter "
                      "ces bilans")
    french = " ".join(t for key, template in catalog.messages["fr"].items()
                      if key.startswith("family-week") for t in texts(template))
    assert "pratiqué" not in french


def test_the_somali_family_update_counts_days_without_a_guessed_case_ending(
        catalog: Catalog) -> None:
    # "4-da maalmood" (playtest): the ending follows the number's sound (afarta: 4-ta), so a
    # template cannot attach one; the count reads plainly instead
    for key in ("family-week-days", "family-week-days-since"):
        text = str(catalog.render(key, "so", name="Hodan", days=0, total=4, since=4))
        assert "4-" not in text and "4 maalmood" in text


def test_the_somali_reminder_puts_the_count_before_its_words(catalog: Catalog) -> None:
    text = str(catalog.render("reminder-due-cards", "so", name="Hodan", count=4))
    assert "4 eray" in text and "hore u imanaya" not in text


# Lines a family member reads: the English word for a link read as a slip where the language
# has its own ("Macallinka waad ka codsan kartaa link cusub." after /deleteme, while the other
# Somali lines say "xiriir qoys"). Lines a teacher reads about families are left out.
TEACHER_READS = ("family-link-created", "family-link-created-shared", "family-here-note")
FAMILY_TOO = ("deleteme-confirm-family", "deleteme-confirm-family-unlinked",
              "deleteme-done-family", "deleteme-family-told", "reply-child-unlinked",
              "student-command-family", "teacher-only-family", "help-family", "answer-header",
              "answer-no-translation", "announce-header", "write-header", "ask-prompt-told",
              "ask-sent", "ask-sent-thanks", "ask-sent-quiet", "ask-nobody")
OWN_WORD = {"so": r"(?i)(?<![a-z])(link\w*|iskaan)", "vi": r"(?i)(?<![a-z])link",
            "hmn": r"(?i)(?<![a-z])link"}


def family_keys(catalog: Catalog) -> list[str]:
    """The keys whose lines a family member reads."""
    return [key for key in catalog.messages["en"]
            if (key.startswith("family-") and key not in TEACHER_READS) or key in FAMILY_TOO]


@pytest.mark.parametrize("lang", sorted(OWN_WORD))
def test_a_family_reads_its_own_word_for_a_link(catalog: Catalog, lang: str) -> None:
    own = re.sub(r"\{\w+\}|/\w+", "", " ".join(
        t for key in family_keys(catalog) for t in texts(catalog.messages[lang][key])))
    assert re.findall(OWN_WORD[lang], own) == []
    assert len(family_keys(catalog)) > 60


def test_the_somali_goodbye_after_deleteme_asks_for_a_family_link_in_somali(
        catalog: Catalog) -> None:
    goodbye = catalog.render("deleteme-done-family", "so")
    assert goodbye.endswith("Macallinka waad ka codsan kartaa xiriir qoys oo cusub.")
    assert "xiriir qoys oo cusub" in catalog.render("family-link-ended", "so", name="Hodan")


def test_the_korean_sentence_task_guesses_no_particle(catalog: Catalog) -> None:
    # "population(으)로 나만의 문장을 써 보세요": a hedge a Korean reader stumbles on
    for key in ("sentence-own", "sentence-seen"):
        assert not re.search(r"\((으|이|을|은|과)\)", str(catalog.messages["ko"][key]))


def test_a_korean_student_reads_a_teachers_reply_in_the_register_of_their_messages(
        catalog: Catalog) -> None:
    # the note under a teacher's untranslated reply switched to the families' formal register
    for key in ("answer-no-translation-student", "answer-reply-hint", "ask-prompt-student",
                "ask-prompt-as-written-student"):
        text = str(catalog.messages["ko"][key])
        assert not re.search(r"습니다|하시|쓰신|주세요|드리", text), key


def test_a_tagalog_student_is_asked_with_mo_not_the_adults_po_ninyo(catalog: Catalog) -> None:
    for key in ("ask-prompt-student", "ask-prompt-as-written-student",
                "answer-no-translation-student", "answer-reply-hint"):
        text = str(catalog.messages["tl"][key])
        assert "po" not in text.split() and "ninyo" not in text and "inyong" not in text, key


def test_the_footer_under_a_teachers_reply_addresses_a_student_as_a_student(
        catalog: Catalog) -> None:
    # "answer-reply-hint" is only ever read by a student (families get -family): the
    # playtest's Tagalog footer said "po ... inyong", as to an adult; the same slip elsewhere
    hint = {lang: str(catalog.messages[lang]["answer-reply-hint"])
            for lang in ("vi", "fr", "ru", "zh")}
    assert "bạn" in hint["vi"] and "xin" not in hint["vi"]
    assert not re.search(r"\b(vous|votre|envoyez)\b", hint["fr"]) and "ton" in hint["fr"]
    assert not re.search(r"\b(вы|ваше|отправьте)\b", hint["ru"])
    assert "您" not in hint["zh"] and "你" in hint["zh"]


@pytest.mark.parametrize("lang", ["ht", "so", "en", "es", "fr", "pt", "hmn", "vi", "ar", "ru",
                                  "tl", "zh", "ko"])
def test_the_family_invitation_is_short_enough_for_a_slow_reader(catalog: Catalog,
                                                                  lang: str) -> None:
    # ~70 words in Haitian Creole and Somali (playtest): who it is from, what Puente is in one
    # line, "open this link"; the translation details come after linking. (Vietnamese and
    # Hmong write a space between syllables: more "words" for as much to read.)
    invitation = re.sub("[\u2068\u2069]", "", catalog.plain(
        "family-invitation", lang, name="Widlene", link="L"))
    limit = {"ht": 25, "so": 25, "vi": 40, "hmn": 40}.get(lang, 32)
    assert len(invitation.split()) <= limit, len(invitation.split())
    assert invitation.count("\n") == 3 and invitation.endswith("\nL")
