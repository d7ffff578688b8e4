"""What a student's free message outside a check does with their words: a short question
about one of them ("what does ecosystem mean?", "ano po ibig sabihin ng ecosystem?") wants
that word's card; an English sentence using one ("A pond is a small ecosystem.") is the
sentence their level-5 card asked them to write. Neither is graded, and neither is kept.

Before, both were refused as "messages like this" (playtest: a WIDA 5 student wrote the
sentence the card asked for, a WIDA 3 student asked what a word means). A card's own sentence
start finished in her words ("In my own words, predator means hayop na nanghuhuli") is such a
sentence too, whatever language she finishes it in: the card asked for exactly that (playtest,
a WIDA 4 Tagalog speaker was told "I only help with words and cannot chat")."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from bot.domain.dont_know import says_not_understood
from bot.domain.scaffold import FRAME_STEPS
from bot.domain.thanks import words as folded_words

SENTENCE_WORDS = 4    # "Plants live in ecosystems." is a sentence; "big ecosystem" is not
QUESTION_WORDS = 12   # longer than this, a question is more than "what does X mean?"
ENGLISH_SHARE = 0.8   # of a sentence's other words: "ano po ... ecosystem" is not English
# A question's mark in the scripts Puente's languages use (Latin, Arabic, CJK full width)
QUESTION_MARKS = ("?", "؟", "？")
# English questions typed without their mark ("what does ecosystem mean")
QUESTION_STARTS = frozenset({"what", "whats", "what's", "how", "which", "who", "why", "where",
                             "when", "is", "does", "do", "can", "could"})
# "What does X mean?" in her language, folded as thanks.py folds (no accents, Arabic letter
# forms): before X ("ما معنى خلية", "شو يعني nucleus", "shu ya3ni") or after it ("cell la gi",
# typed without Vietnamese's accents; "membrane يعني ايه"). Playtest: each got the chat offer,
# and only "cell là gì?" (its question mark) and "خلية" alone were read as about a word.
MEANING_BEFORE = frozenset({  # pragma: no mutate
    "ما معني", "شو معني", "شو يعني", "شنو يعني", "شنو معني", "ايش يعني", "ايش معني",
    "ايه معني", "يعني ايه", "يعني شو", "معني", "يعني", "شو", "شنو", "ايش", "ما هو", "ما هي",
    "شو هو", "شو هي", "الكلمه", "كلمه", "ya3ni", "shu ya3ni", "shu", "shinu", "shno",
    "shinu ya3ni", "shno ya3ni", "eh ya3ni", "ma3na", "ma ma3na", "shu ma3na", "nghia cua",
    "nghia cua tu", "tu", "chu", "the word", "what does", "what is", "whats", "what's",
    "meaning of", "什么是", "什么叫", "啥是",
    # Tagalog and Taglish, Russian, Ukrainian and Russian on a Latin keyboard, typed without a
    # question mark (playtest: "ano ibig sabihin ng constitution" and "что значит law" got
    # the chat offer, and an English-only teacher a message she could not read)
    "ano ibig sabihin ng", "ano ang ibig sabihin ng", "ano po ibig sabihin ng",
    "ano po ang ibig sabihin ng", "anong ibig sabihin ng", "ibig sabihin ng", "ano ang",
    "ano po ang", "ano yung", "ano ba ang", "ano ba yung", "meaning ng", "ano meaning ng",
    "что такое", "что значит", "что означает", "как переводится", "що таке", "що означає",
    "шо такое", "chto takoe", "chto znachit", "shto takoe", "shcho take"})
MEANING_AFTER = frozenset({  # pragma: no mutate
    "يعني ايه", "يعني شو", "شو يعني", "معناها ايه", "معناها شو", "معناها", "يعني", "ايه",
    "ya3ni eh", "ya3ni shu", "ya3ni", "ma3naha eh", "la gi", "nghia la gi", "co nghia la gi",
    "nghia gi", "la cai gi", "la j", "nghia la j", "co nghia gi", "nghia la sao", "means",
    "mean", "meaning", "ibig sabihin", "ibig sabihin ba", "это что", "что это", "це що",
    "що це", "eto chto", "chto eto",
    # Chinese and Korean, set apart from the English word they follow ("ratio是什么意思",
    # "integer가 뭐예요": Korean writes its particle on the word; playtest, Hao and Ji-woo)
    "是什么意思", "什么意思", "是什么", "是啥", "啥意思", "是啥意思", "是什么意思啊",
    "什么意思啊", "什么意思呀", "是什么啊", "是什么呀",
    "뭐예요", "뭐에요", "뭐야", "뭐지", "무슨 뜻이에요", "무슨 뜻이야", "무슨 뜻", "뜻이 뭐예요",
    "뜻이 뭐야", "가 뭐예요", "가 뭐에요", "가 뭐야", "는 뭐예요", "는 뭐야", "이 뭐예요",
    "이 뭐야", "은 뭐예요", "은 뭐야", "가 무슨 뜻이에요", "는 무슨 뜻이에요", "이 무슨 뜻이에요",
    "은 무슨 뜻이에요", "의 뜻이 뭐예요", "뜻"})
MEANING_WORDS = 4  # what is left of such a question: a word or a short term, never a sentence
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Chinese, Japanese and Korean letters: an English word written against them ("ratio是",
# "integer가") still ends there, as Chinese has no spaces and Korean writes its particles on
_CJK = "\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_LATIN_CJK = re.compile(rf"(?<=[a-zA-Z\u00c0-\u024f])(?=[{_CJK}])|(?<=[{_CJK}])(?=[a-zA-Z])")
# A letter an English term may not touch: any letter but a Chinese, Japanese or Korean one
_LETTER = rf"[^\W\d_{_CJK}]"


def tokens(text: str) -> list[str]:
    """The words of a message, lower case (digits and punctuation dropped)."""
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def says_little(text: str) -> bool:
    """Whether a text says nothing a menu could read: no word ("?", "👍"), or one short one
    ("ok", "yes", "hi")."""
    words = tokens(text)
    return not words or (len(words) == 1 and len(words[0]) <= 4)


def named_terms(text: str, terms: Sequence[str]) -> list[str]:
    """The terms `text` uses (as written, or with a plural -s/-es), in the order they come."""
    found: list[tuple[int, str]] = []
    lowered = text.lower()
    for term in dict.fromkeys(terms):
        match = re.search(rf"(?<!{_LETTER}){re.escape(term.lower())}(?:e?s)?(?!{_LETTER})",
                          lowered)
        if match:
            found.append((match.start(), term))
    return [term for _, term in sorted(found)]


@dataclass(frozen=True)
class AboutWord:
    """A free message about one of the student's words."""

    term: str
    question: bool  # True: asks about it (show its card); False: a sentence using it


def _starts(frame: str, term: str) -> list[str]:
    """The words of a card's frame for `term` before its first gap, when they name the term
    ("In my own words, predator means ___": in my own words predator means)."""
    before = frame.format(term=term).partition("___")[0] if "___" in frame else ""
    words = tokens(before)
    return words if set(tokens(term)) <= set(words) else []


def finishes_a_frame(text: str, term: str) -> bool:
    """True when `text` is a card's sentence start for `term` with her own words after it
    (in any language: the start is the card's, the rest is what she means)."""
    words = tokens(text)
    return any(start and words[:len(start)] == start and len(words) > len(start)
               for frames in FRAME_STEPS.values() for frame in frames.values()
               if (start := _starts(frame, term)))


def _trimmed(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`parts` (as typed, as folded) without one "what does it mean" or "I don't understand"
    at their start or their end (the longest that is one), as they are when there is none."""
    for n in range(len(parts) - 1, 0, -1):
        head = " ".join(f for _, f in parts[:n])
        if head in MEANING_BEFORE or says_not_understood(head):
            return parts[n:]
        if " ".join(f for _, f in parts[-n:]) in MEANING_AFTER:
            return parts[:-n]
    return parts


def meaning_asked(text: str) -> str | None:
    """The word a short "what does X mean?" asks about, as typed ("ما معنى خلية": خلية;
    "cell nghia la gi", "ana mish fahem membrane", "شو يعني nucleus"); None for any other
    text, and for such words alone."""
    parts = [(raw, folded) for raw in _LATIN_CJK.sub(" ", text).split()
             if (folded := " ".join(w.folded for w in folded_words(raw)))]
    left = parts
    while (trimmed := _trimmed(left)) != left:
        left = trimmed
    if left == parts or not left or len(left) > MEANING_WORDS:
        return None
    return " ".join(raw for raw, _ in left).strip(" ?？؟!.¿¡«»“”\"'")


def about_word(text: str, terms: Sequence[str], english: Collection[str]) -> AboutWord | None:
    """A short question naming exactly one of `terms`, in any language; else an English
    sentence (SENTENCE_WORDS words or more, nearly all of the others in `english`, the English
    word list) using one of them; else None."""
    words = tokens(text)
    named = named_terms(text, terms)
    if not named or not words:
        return None
    asks = text.strip().endswith(QUESTION_MARKS) or words[0] in QUESTION_STARTS \
        or meaning_asked(text) is not None
    if asks and len(named) == 1 and len(words) <= QUESTION_WORDS:
        return AboutWord(named[0], question=True)
    if asks or len(words) < SENTENCE_WORDS:
        return None
    framed = [term for term in named if finishes_a_frame(text, term)]
    if framed:  # the card's sentence start, finished in her words ("predator means hayop na")
        return AboutWord(framed[0], question=False)
    own = {part for term in named for part in tokens(term)}
    others = [w for w in words if w not in own and w.rstrip("s") not in own]
    english_share = sum(w in english or w.replace("'", "") in english for w in others)
    if others and english_share < ENGLISH_SHARE * len(others):
        return None
    return AboutWord(named[0], question=False)


# "More (new) words, please" in the languages Puente speaks, as typed (folded as thanks.py
# folds, so "cho em them tu moi" is "cho em thêm từ mới"): /words, not the chat offer
# (playtest: Linh, Vietnamese, level 3-4). A short message with one of these in it.
MORE_WORDS: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "more words|new words|next words|more new words|other words",
    "es": "más palabras|palabras nuevas|nuevas palabras|otras palabras",
    "fr": "plus de mots|nouveaux mots|mots nouveaux|d'autres mots|autres mots|encore des mots",
    "pt": "mais palavras|palavras novas|novas palavras|outras palavras",
    "ht": "plis mo|lòt mo|mo nouvo|nouvo mo|lot mo yo",
    "so": "erayo kale|erayo cusub|ereyo kale|ereyo cusub|erayo dheeri ah",
    "hmn": "lo lus ntxiv|lo lus tshiab|cov lus tshiab|lus tshiab",
    "vi": "thêm từ|từ mới|thêm từ mới|từ vựng mới|thêm từ vựng",
    "zh": "更多单词|更多單詞|新单词|新單詞|新的单词|新的單詞|更多的词|更多的詞",
    "ar": "كلمات جديدة|كلمات أكثر|كلمات اكتر|المزيد من الكلمات|كلمات زيادة|كلمات تانية|"
          "كلمات ثانية|كلمات أخرى|kalimat jdida|kalimat jadida",
    "ko": "단어 더|새 단어|새로운 단어|더 많은 단어|다른 단어",
    "ru": "ещё слова|еще слова|больше слов|новые слова|новых слов|другие слова",
    "tl": "dagdag na salita|bagong salita|bagong mga salita|iba pang salita|"
          "mas maraming salita|iba pang mga salita",
}
MORE_WORDS_LENGTH = 7  # longer, it says more than "more words" (a message for the teacher)


def _folded_text(text: str) -> str:
    return " ".join(w.folded for w in folded_words(text))


@functools.cache
def _more_words() -> tuple[str, ...]:
    return tuple(_folded_text(p) for table in MORE_WORDS.values() for p in table.split("|"))


def asks_for_words(text: str) -> bool:
    """Whether a short message asks for more (new) words, in any language Puente speaks
    ("cho em them tu moi", "más palabras por favor", "新单词"): /words shows them."""
    folded = _folded_text(text)
    if not folded or len(folded.split()) > MORE_WORDS_LENGTH:
        return False
    padded, bare = f" {folded} ", folded.replace(" ", "")
    return any(f" {phrase} " in padded or (_cjk(phrase) and phrase in bare)
               for phrase in _more_words())


def _cjk(phrase: str) -> bool:
    """Chinese, written without spaces: found anywhere in the message."""
    return any(0x3400 <= ord(c) <= 0x9FFF for c in phrase)
