"""A message that is only thanks is told apart from one that asks or says something."""

from __future__ import annotations

import pytest

from bot.domain.thanks import MAX_WORDS, asks_something, only_thanks, words
from bot.domain.thanks_words import THANKS_WORDS

# What families wrote in playtests and chats, as they typed it (accents or none, emoji, caps).
THANKS = [
    # English
    "Thank you", "thanks!", "Thanks so much!!", "Thank you Ms. Carter", "thank u teacher 🙏",
    "THANK YOU MS CARTER", "Thanks a lot, Mr. Lee", "Many thanks", "thx", "Ok thanks 👍",
    "Thank you for everything", "Thanks for letting me know!", "Much appreciated.",
    "Thank you very much, have a nice day", "Thank you again teacher ❤️",
    "Thank you for your help, Ms. Rivera", "God bless you, thank you", "Thanks Hodan",
    # Spanish
    "Gracias", "Muchas gracias maestra", "muchisimas gracias!!", "Gracias, Sra. García",
    "Mil gracias profe 🙏", "Gracias por todo, Dios la bendiga", "Gracias por avisarme",
    "Muy amable, gracias", "Buenas noches maestra, gracias", "Gracias teacher",
    # French
    "Merci", "Merci beaucoup madame !", "Merci M. Dupont, bonne journée",
    "Je vous remercie", "Merci pour votre aide", "Un grand merci à vous",
    "Merci enseignante !",
    # Portuguese
    "Obrigada", "Muito obrigado, professora!", "Obrigada pela ajuda", "valeu prof",
    # Haitian Creole
    "Mèsi", "Mesi anpil", "Mèsi anpil, madam!", "Mèsi bokou pwofesè", "Bondye beni w, mèsi",
    # Somali
    "Mahadsanid", "Mahadsanid macalin", "Waad mahadsantahay", "Aad baad u mahadsantahay",
    "mahadsanid walaal",
    # Hmong
    "Ua tsaug ntau!", "ua tsaug", "Ua tsaug xib fwb", "Ua tsaug ntau ntau os",
    "Ua tsaug kawg li", "Ua tsaug rau koj",
    # Vietnamese
    "Cảm ơn cô", "Cám ơn cô nhiều", "Em cảm ơn cô ạ", "cam on co", "Cảm ơn thầy",
    "Cảm ơn cô Lan", "Dạ cảm ơn cô nhiều lắm", "Xin cảm ơn", "Gia đình chúng tôi cảm ơn cô",
    "gia dinh chung toi cam on co",  # a phone with no Vietnamese keyboard: đ typed as d
    # Chinese
    "谢谢", "谢谢老师！", "谢谢王老师", "非常感谢", "老师辛苦了，谢谢！", "謝謝老師", "好的，谢谢",
    # Arabic
    "شكرا", "شكراً جزيلاً", "شكرا يا أستاذة", "شكرا أستاذة سارة", "جزاك الله خيرا",
    "ألف شكر", "مشكورة أستاذة", "شكرا يا استاذه",  # typed with a bare alef and ه for ة
    # Korean
    "감사합니다", "선생님 감사합니다!", "정말 감사합니다 선생님", "김 선생님 감사합니다",
    "김선생님 고맙습니다", "알려주셔서 감사합니다",
    # Russian
    "Спасибо", "Спасибо большое!", "Большое спасибо за помощь", "Спасибо, Мария Ивановна!",
    "Благодарю вас",
    # Tagalog
    "Salamat po", "Maraming salamat po, Ma'am!", "Thank you po teacher", "salamat ulit",
    # Other languages of the catalogue
    "Дякую", "Щиро дякую, пані Олено", "ممنون", "خیلی ممنون خانم احمدی", "سپاس‌گزارم",
    "بہت شکریہ", "धन्यवाद सर", "बहुत बहुत धन्यवाद", "धेरै धन्यवाद", "Asante sana mwalimu",
    "ありがとうございます", "田中先生、ありがとうございました", "Vielen Dank, Frau Müller",
    "Danke schön", "Grazie mille maestra", "Dziękuję bardzo", "Çok teşekkür ederim hocam",
    "ډېره مننه", "অনেক ধন্যবাদ", "ਬਹੁਤ ਧੰਨਵਾਦ ਜੀ", "תודה רבה המורה",
    "ขอบคุณครับ", "ขอบคุณค่ะครูสมศรี", "Ευχαριστώ πολύ κυρία Μαρία", "អរគុណច្រើន",
    "በጣም አመሰግናለሁ",
]

NOT_ONLY_THANKS = [
    "Thanks, but why did she get 2/5?",
    "Thanks, but why did she get 2/5",       # no question mark: still more than thanks
    "Thank you. Is there homework tomorrow?",
    "Thanks?",
    "Thank you, she will be absent tomorrow",
    "Thanks, I will talk to him",
    "No thanks",                             # declines something: not a capitalised name
    "No, thank you",
    "Sorry, thanks",
    "Thanks Ana Maria",                      # two names
    "Thank you Mr. and Mrs. Smith",
    "Ms. Carter",                            # a title and a name, no thanks
    "Teacher",
    "🙏",
    "",
    "thanks 2",
    "Thank you " * 6,                        # twelve words
    "¿Gracias?",
    "Gracias, ¿hay tarea mañana?",
    "Gracias, mañana no va a ir a la escuela",
    "Merci, mais pourquoi 2 sur 5 ?",
    "Obrigada, ela está doente hoje",
    "Mèsi, men li malad jodi a",
    "Mahadsanid, wiilkaygu waa jiran yahay maanta",
    "Ua tsaug, tab sis nws mob hnub no",
    "Cảm ơn cô, mai cháu nghỉ học",
    "cảm ơn cô lan",                         # no capital: not sure "lan" is a name
    "谢谢，明天他不来",
    "谢谢老师明天见",                         # 明天见 after 老师 is no name
    "谢谢老师？",
    "شكرا، ابني مريض اليوم",
    "شكرا؟",
    "감사합니다만 질문이 있어요",
    "Спасибо, но почему двойка",
    "Salamat po, pero bakit 2/5",
    "Ευχαριστώ;",                            # the Greek question mark
]


@pytest.mark.parametrize("text", THANKS)
def test_a_message_that_is_only_thanks_is_recognised(text: str) -> None:
    assert only_thanks(text)


@pytest.mark.parametrize("text", NOT_ONLY_THANKS)
def test_a_message_that_asks_or_says_more_is_a_normal_message(text: str) -> None:
    assert not only_thanks(text)


def test_ten_words_of_thanks_are_thanks_and_eleven_are_not() -> None:
    assert MAX_WORDS == 10
    assert only_thanks("Thank you so much, Ms. Carter, for all your help 🙏")  # 10 words
    assert not only_thanks("Thank you so much, Ms. Carter, for all your help again")


def test_a_name_and_patronymic_are_one_person_but_two_names_are_not() -> None:
    assert only_thanks("Спасибо, Анна Петровна")
    assert not only_thanks("Спасибо, Анна Мария")


def test_a_name_needs_its_capital_except_just_after_a_title() -> None:
    assert only_thanks("Thanks Carter")
    assert not only_thanks("thanks carter")
    assert not only_thanks("Thanks Will")         # an everyday word: "will" is no name alone
    assert only_thanks("Thanks Mr. Will")         # after a title it is one


def test_an_east_asian_name_comes_before_the_title_and_an_arabic_one_after() -> None:
    assert only_thanks("谢谢李老师")
    assert not only_thanks("谢谢李")                # no title: 李 could be anything
    assert only_thanks("شكرا أستاذ أحمد")
    assert not only_thanks("شكرا أحمد محمد")


def test_each_language_reads_with_english_not_with_every_other_language() -> None:
    assert only_thanks("Gracias teacher")
    assert only_thanks("Maraming salamat, Miss")
    assert not only_thanks("Gracias xib fwb")     # Spanish thanks, a Hmong title


def test_question_marks_of_every_script_ask() -> None:
    assert [asks_something(t) for t in ("ok?", "好？", "¿ok", "شكرا؟", "Ευχαριστώ;", "a;b")] == [
        True, True, True, True, True, False]


def test_words_drop_emoji_and_keep_what_joins_a_word() -> None:
    assert [w.folded for w in words("Thank you, Ma’am!! 🙏🏽 García-López")] == [
        "thank", "you", "ma'am", "garcia-lopez"]
    assert [w.capital for w in words("thanks Ana")] == [False, True]


def test_every_language_list_has_thanks_and_folds_to_something() -> None:
    for code, (thanks, _with, _titles) in THANKS_WORDS.items():
        for phrase in thanks.split("|"):
            assert only_thanks(phrase), (code, phrase)
