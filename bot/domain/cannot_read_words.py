"""Whether a family's own words say they cannot read English ("Mwen pa li angle", "No leo
inglés", "我看不懂英文"): such a message marks them as the 🔤 "I cannot read this" button does
(Haitian playtest: a mother wrote it in Kreyòl, and the teacher's next English answer went
without the "they said they cannot read English" warning).

A few phrases per language, written by the Puente team and read by no native speaker yet
(docs/family-messages.md says so). Every list is read, whatever the family's language: a
Kreyòl-reading mother on a French phone writes Kreyòl. Each phrase says "I" (a verb in the
first person, or the pronoun where the verb does not say it), so "Ana can't read English" marks
nobody. The text and the phrases are folded alike: case, accents and Arabic marks dropped,
apostrophes dropped ("don't" = "dont", "l'anglais" = "langlais"), other punctuation a space.

A phrase's syntax: words; "(a|b c)" one of these; "[a|b]" one of these or nothing; "word*" a
word starting so ("ingiriis*": Ingiriisi, Ingiriisiga); a leading "^" only at a clause's start
(Korean drops the subject: "영어를 못 읽어요" says "I" only when nothing comes before it). A
phrase in Chinese matches anywhere, spaces ignored."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

CANNOT_READ_ENGLISH: dict[str, tuple[str, ...]] = {  # pragma: no mutate block (data)
    "en": ("i (don't|do not|can't|cannot|can not|couldn't|could not|no) (read|speak|understand|"
           "know) [or read|or speak|and read|and speak|or write|any|much] (english|inglish)",
           "(i am|i'm) (unable|not able) to (read|speak|understand) [any] english",
           "i (can't|cannot|can not|don't|do not) (read|understand) [your|the] (message*|text*) "
           "(in|written in) english",
           "i (read|speak|know) no english"),
    "es": ("no (leo|hablo|entiendo|comprendo|sé|se|puedo leer|puedo entender|sé leer|se leer|"
           "sé hablar|se hablar|hablo ni leo|leo ni hablo) [el|en|nada de|nada en] inglés",
           "no (puedo leer|entiendo|leo) [los|sus|tus] mensajes en inglés"),
    "fr": ("je [ne] (lis|parle|comprends|sais|connais) pas (anglais|l'anglais|en anglais)",
           "je [ne] (sais|peux) pas (lire|parler|comprendre) (anglais|l'anglais|en anglais)",
           "je (n'arrive|narrive|arrive) pas a (lire|comprendre) (anglais|l'anglais|en anglais)"),
    "pt": ("[eu] não (leio|falo|entendo|compreendo|sei|sei ler|sei falar|consigo ler|"
           "consigo entender|posso ler) [o|em] inglês",),
    "ht": ("(mwen|m|mw|mwen menm) (pa|paka|pakab|pakapab) [konn|ka|kab|kapab|fouti] "
           "(li|pale|konprann|konnen|konn) [an|nan|en] angle",
           "(mpa|mpaka) [konn|ka|kab|kapab|fouti] (li|pale|konprann|konnen|konn) [an|nan|en] "
           "angle"),
    "so": ("[af] ingiriis* ma (akhriyi|akhrin|aqrin|akhri|aqri|fahmi|ku hadli) karo",
           "ma (akhriyi|akhrin|aqrin|akhri|aqri|fahmi|ku hadli) karo [af] ingiriis*",
           "[af] ingiriis* ma (aqaan|aqaano|aqoon)",
           "ma (aqaan|aqaano|aqoon) [af] ingiriis*"),
    "hmn": ("kuv (nyeem|hais|mloog) tsis (tau|taus) [lus|ntawv] askiv",
            "kuv tsis (paub|txawj|to taub|nkag siab) [nyeem|hais] [lus|ntawv] askiv",
            "kuv tsis muaj peev xwm nyeem [lus|ntawv] askiv"),
    "vi": ("(tôi|tui|em|mình|ba|bố|mẹ|má) không (đọc|nói|hiểu|biết|biết đọc|biết nói|thể đọc|"
           "thể hiểu|rành) [được] [tin nhắn] [bằng] tiếng anh",
           "(tôi|tui|em|mình|ba|bố|mẹ|má) (đọc|nói|hiểu) (không được|không nổi) tiếng anh"),
    "zh": ("我[们|們](看不懂|读不懂|讀不懂|不懂|不太懂|不会|不會|不太会|不太會|"
           "不会读|不會讀|不会看|不會看|不会说|不會說|不识|不識|不认识|不認識)"
           "(英文|英语|英語)",),
    # hamza seats and ة are folded (أقرأ = اقرا, الإنجليزية = الانجليزيه): one spelling each
    "ar": ("(لا|ما) (أقرأ|أتكلم|أتحدث|أفهم|أعرف|بعرف|أجيد|أحسن|أستطيع قراءة|أقدر أقرأ|"
           "أعرف أقرأ|بعرف أقرأ|بقرأ|بفهم) [اللغة|باللغة] (الإنجليزي*|الإنكليزي*|إنجليزي*|"
           "إنكليزي*|بالإنجليزي*|بالإنكليزي*)",
           "لا يمكنني (قراءة|فهم) [اللغة] (الإنجليزي*|الإنكليزي*)"),
    "ko": ("(저는|제가|나는|내가|전|저도|나도|저희는|우리는) 영어* [잘] (못 읽*|못읽*|못해*|"
           "못 해*|못합*|못 합*|몰라*|모릅*|읽을 수 없*|읽지 못*|이해 못*|이해하지 못*|이해를 못*|"
           "읽을 줄 몰라*|읽을 줄 모릅*|할 줄 몰라*|할 줄 모릅*)",
           "^영어* [잘] (못 읽*|못읽*|읽을 수 없*|읽지 못*|이해하지 못해*|읽을 줄 몰라*|"
           "읽을 줄 모릅*)"),
    "ru": ("[я] не (читаю|говорю|понимаю|знаю|умею читать|умею говорить|могу читать|"
           "могу прочитать|могу понять) (по английски|на английском|английский|английского)",),
    "tl": ("(hindi|di) ako (marunong|nakakabasa|nakakaintindi|nakakaunawa|nagbabasa|"
           "nakakapagbasa|makabasa|makaintindi|marunong magbasa|marunong bumasa|"
           "marunong magsalita|marunong umintindi) [ng|sa|mag] (ingles|english)",
           "(hindi|di) ko (mabasa|maintindihan|naiintindihan|nababasa|maunawaan) [ang|ng|yung] "
           "(ingles|english)"),
}

# Words after a phrase that make it "not well", not "not at all" ("I don't speak English very
# well", written in English: such a family reads some English), or about something else
NOT_AFTER: dict[str, tuple[str, ...]] = {  # pragma: no mutate block (data)
    "en": ("well", "very", "so well", "too well", "fluently", "perfectly", "that well",
           # "I don't understand English homework": the homework, not the language
           "homework", "class", "classes", "grade", "grades", "test", "tests", "word", "words",
           "teacher", "assignment", "assignments"),
    "es": ("bien", "muy", "tan bien", "perfectamente"),
    "fr": ("bien", "tres", "parfaitement"),
    "pt": ("bem", "muito", "perfeitamente"),
    "ht": ("byen", "tre byen", "twò byen"),
}

# Where a clause ends: "Mwen pa li angle… Eskè ou ka voye mesaj an kreyòl?"
_CLAUSE = re.compile(r"[,.;:!?\n…，。；：！？、،؛؟]")
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_NOT_WORD = re.compile(r"[^\w]+")
# Letters no decomposition takes its mark from (Vietnamese đ), and Arabic letters written
# either way ("الإنجليزية" / "الانجليزيه"; ى for ي)
_LETTERS = str.maketrans({"đ": "d", "ة": "ه", "ى": "ي", "ـ": None})


def fold(text: str) -> str:
    """Text as the phrases are read: lower case, no accents or Arabic marks, no apostrophes
    (Hangul syllables kept whole)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _APOSTROPHES.sub("", unicodedata.normalize("NFC", plain).translate(_LETTERS))


def _spaced(phrase: str) -> bool:
    return not any(0x3400 <= ord(char) <= 0x9FFF for char in phrase)


def _words(wording: str, spaced: bool) -> str:
    """Folded words as a regex: whole words, "*" a word's start."""
    if not spaced:
        return re.escape(fold("".join(wording.split())))
    return " ".join(re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "")
                    for word in fold(wording).split())


def pattern(phrase: str) -> str:
    """A phrase as a regex over a folded clause whose words one space parts (a Chinese one's
    over a clause with no spaces)."""
    spaced = _spaced(phrase)
    anchored = phrase.startswith("^")
    parts: list[str] = []
    gap = ""  # what goes before the next part: a space, or none after an optional first one
    for piece in re.split(r"(\([^)]*\)|\[[^\]]*\])", phrase.lstrip("^")):
        if not piece.strip():
            continue
        if piece[0] in "([":
            either = "|".join(_words(choice, spaced) for choice in piece[1:-1].split("|"))
            if piece[0] == "(":
                parts.append(f"{gap}(?:{either})")
            elif not parts and spaced:  # "[eu] não leio": "eu " or nothing
                parts.append(f"(?:(?:{either}) )?")
                gap = ""
                continue
            else:
                parts.append(f"(?:{gap}(?:{either}))?")
        else:
            parts.append(gap + _words(piece, spaced))
        gap = " " if spaced else ""
    body = "".join(parts)
    if not spaced:
        return body
    return ("^" if anchored else r"(?:^| )") + body + r"(?= |$)"


@cache
def _compiled(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A language's phrases as one regex over spaced clauses and one over unspaced ones."""
    phrases = CANNOT_READ_ENGLISH[language]
    after = "|".join(re.escape(fold(word)) for word in NOT_AFTER.get(language, ()))
    tail = rf"(?! (?:{after})(?: |$))" if after else ""
    spaced = "|".join(pattern(p) for p in phrases if _spaced(p)) or "(?!)"
    unspaced = "|".join(pattern(p) for p in phrases if not _spaced(p)) or "(?!)"
    return re.compile(f"(?:{spaced}){tail}"), re.compile(unspaced)


def says_cannot_read_english(text: str) -> bool:
    """Whether a family's words say they cannot read (or speak, understand, know) English, in
    any catalogue language: not "not well", not someone else."""
    for clause in _CLAUSE.split(fold(text)):
        words = " ".join(_NOT_WORD.sub(" ", clause).split())
        if not words:
            continue
        for language in CANNOT_READ_ENGLISH:
            spaced, unspaced = _compiled(language)
            if spaced.search(words) or unspaced.search(words.replace(" ", "")):
                return True
    return False
