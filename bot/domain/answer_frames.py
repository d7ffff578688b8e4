"""The word a typed answer gives, inside the small words a child writes around it.

A child asked to type the English word often answers the way she talks to a teacher: with a
politeness particle ("ecosystem po", "habitat이요"), an article or plural marker in her own
language ("ang population", "mga producer"), a copula or an answer frame ("It's population",
"The answer is population.", "I think habitat", "went extinct"), or a short example after it
("producer (plants)", "producer, like grass"). A playtest marked each of these a miss, told a
Tagalog speaker who wrote the English word "that looks like Tagalog", and re-taught the word.

`answer_core` takes those words off the edges of an answer, when nothing else is there, and
gives what is left for grading; `typed_answers.grade` asks for it only when the whole answer is
not right. What stays evidence is never taken off: a negation anywhere ("not population",
"hindi ecosystem") leaves the answer whole, and so does an example naming another candidate
word ("producer (consumer)"); two words ("population or habitat") and a longer sentence ("I
saw a habitat at the zoo") are not filler, so they stay and are graded whole, as before.
The lists are small, per language, in English and in each home language Puente speaks; the
English ones go with every language (a child mixes them in). See docs/typed-grading.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from bot.domain.cognates import fold
from bot.domain.dont_know import DONT_KNOW_PHRASES
from bot.domain.english_spelling import normalise, target_forms
from bot.domain.language import school_languages

# Written as people type them, "|" between phrases (folded on use: "c'est" matches "C'est").
# Articles, plural markers, politeness particles, copulas, hedges and answer frames: what a
# child may write before or after the word without saying anything else about it. Never a
# negation, a conjunction or a content word: those are evidence (a parity test checks that no
# filler is a pack term).
FILLERS: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "the|a|an|is|are|was|were|be|it|it's|its|it is|it was|this|this is|that|that is|"
          "that's|they are|they're|i think|i think it's|i think it is|i guess|i believe|"
          "maybe|probably|the answer is|answer is|my answer is|answer|the word is|"
          "it's called|it is called|called|went|go|goes|gone|become|became|becomes|"
          "um|uh|umm|hmm|well|ok|okay|yes|please|teacher|miss|sir",
    "tl": "po|ho|opo|oho|ang|mga|yung|iyong|iyung|ung|un|yun|ata|yata|siguro|baka|"
          "sa tingin ko|sa tingin ko po|ang sagot ay|ang sagot po ay|sagot|ay|ay ang|"
          "naman|lang|na|ba|eh|e|kasi|ito|ito ay|ito po ay|iyan ay|yan ay|"
          # pronouns and particles of Taglish (playtest: "habitat nya", "predator nga"):
          # "his/her/their" or "indeed/really/so" said about the word, never another answer
          "nya|niya|sya|siya|nila|sila|nga|diba|talaga|pala|daw|kaya|ano|ayun|oo|"
          "pa|yun na|yun po|ganun",
    "ko": "이요|요|입니다|이에요|예요|이야|야|이다|인데요|인 것 같아요|같아요|정답은|정답은요|"
          "답은|답은요|정답|답|음|저는|제 생각에는|아마|아마도|그냥|맞죠|맞나요",
    "es": "es|son|el|la|los|las|un|una|creo que|creo que es|la respuesta es|respuesta|"
          "sería|seria|pues|este|eh|sí|maestra|maestro|profe|verdad|o sea|bueno|creo|"
          "tal vez|quizás|quizas",
    "pt": "é|e|são|o|a|os|as|um|uma|acho que|acho que é|a resposta é|resposta|seria|"
          "professora|professor|sim|né|ne|tipo|talvez|acho|então|entao",
    "fr": "c'est|c est|ce sont|le|la|les|l|un|une|des|je pense|je pense que c'est|je crois|"
          "je crois que c'est|la réponse est|réponse|euh|oui|madame|monsieur|ben|bah|"
          "quoi|peut-être|voilà",
    "ht": "se|la|a|yo|yon|mwen panse|m panse|mwen kwè|m kwè|repons lan se|repons lan|wi|"
          "petèt|petet",
    "vi": "là|đó là|cái đó là|ạ|dạ|vâng|em nghĩ là|em nghĩ|con nghĩ là|tôi nghĩ là|"
          "câu trả lời là|đáp án là|một|những|các|nhé|nha|ạ thầy|ạ cô|à|chắc là|chắc",
    "so": "waa|waa in|jawaabtu waa|jawaabta|waxaan u maleynayaa|haa|macallin|macalin|"
          "ayaa|waa tan|malaha|laga yaabee",
    "hmn": "yog|nws yog|os|na|kuv xav tias|kuv xav tias yog|lo lus teb yog|xib fwb|xwb|"
           "tiag|tej zaum|kuj",
    "zh": "是|就是|这是|那是|答案是|答案|我觉得是|我觉得|应该是|吧|啊|呀|呢|嗯|老师|"
          "可能是|可能|哦|嘛|啦|对吧|是吧",
    "ar": "هو|هي|الجواب|الجواب هو|الإجابة|الإجابة هي|أظن|أعتقد|يعني|نعم|أستاذ|أستاذة|"
          "ربما|ممكن|طيب|يا أستاذ|يا أستاذة",
    "ru": "это|ответ|ответ это|мой ответ|наверное|думаю|я думаю|да|ну|вот|же|кажется|"
          "может быть|наверно|типа",
}
# Words that start a short example after the word ("producer, like grass"): the example may be
# left out of grading when it names no other word of her packs. (A bracketed example needs none:
# "producer (plants)".)
EXAMPLE_MARKERS: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "like|such as|e.g.|eg|for example|for instance|ex|as in",
    "tl": "gaya ng|tulad ng|katulad ng|halimbawa|parang",
    "ko": "예를 들어|예를 들면|처럼",
    "es": "como|por ejemplo|ej",
    "pt": "como|por exemplo|ex",
    "fr": "comme|par exemple|ex",
    "ht": "tankou|pa egzanp",
    "vi": "như|ví dụ",
    "so": "sida|tusaale",
    "hmn": "xws li|piv txwv",
    "zh": "比如|例如|像",
    "ar": "مثل|مثلا|مثلاً",
    "ru": "например|как",
}
# A negation anywhere in an answer keeps it whole: "not population" says the opposite.
NEGATIONS: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "not|no|never|nope|isn't|isnt|aren't|wasn't|don't|doesn't|didn't|nor|neither",
    "tl": "hindi|di|hinde|wala|huwag|ayaw",
    "ko": "아니|아니요|아니에요|아닙니다|아니야|안|못|없어요",
    "es": "no|nunca|tampoco|ni",
    "pt": "não|nunca|nem",
    "fr": "ne|pas|non|jamais|n'est",
    "ht": "pa|non|okenn",
    "vi": "không|chẳng|chả|ko",
    "so": "ma|maaha|maya|aan",
    "hmn": "tsis|tsis yog|tsis muaj",
    "zh": "不|不是|没|没有|別|别",
    "ar": "لا|ليس|ليست|مش|ما",
    "ru": "не|нет|ни",
}
# Tag questions after the word ("predator, di ba?", "habitat, não é?", "isn't it?"): they ask
# the teacher to confirm the word, so they are filler at the end of an answer, though they hold
# a negation word ("di", "não"); anywhere else that word is a negation ("não é predator").
TAG_QUESTIONS: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "isn't it|isnt it|is it not",
    "tl": "di ba|hindi ba|di po ba|hindi po ba",
    "pt": "não é|nao e",
    "fr": "n'est-ce pas",
    "ht": "pa vre|se pa vre",
    "vi": "phải không|đúng không|phải không ạ|đúng không ạ|không ạ",
    "zh": "对不对|是不是|不是吗|对吗",
    "ar": "أليس كذلك",
    "ru": "не так ли|не правда ли",
}
# Hedges: she is unsure of the word, she does not deny it ("hindi ko sure pero organism po ba?",
# "no sé si organism"). Said before the word, with or without a link word after it, or after
# the word and a comma ("organism po, di ko sure"); an "I don't know" phrase (dont_know.py) is a
# hedge only so, with a link word or a comma ("I don't know habitat": she does not know it).
HEDGES: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "not sure|i'm not sure|im not sure|i am not sure|not really sure|i'm not really sure",
    "tl": "hindi ko sure|di ko sure|hindi ko po sure|di ko po sure|hindi ako sure|di ako sure|"
          "hindi ako sigurado|di ako sigurado|hindi po ako sigurado|di po ako sigurado",
    "ko": "잘 모르겠지만|모르겠지만|잘 모르겠는데|확실하지 않지만",
    "es": "no estoy segura|no estoy seguro|no estoy segura pero|no sé bien",
    "pt": "não tenho certeza|nao tenho certeza|não sei bem",
    "fr": "pas sûr|pas sûre|je suis pas sûr|je suis pas sûre|je ne suis pas sûr|"
          "je ne suis pas sûre",
    "ht": "m pa sèten|mwen pa sèten|m pa fin sèten|mwen pa fin sèten",
    "vi": "không chắc|em không chắc|tôi không chắc|con không chắc|không chắc lắm",
    "so": "ma hubo|ma hubi|ma hubaa",
    "hmn": "tsis paub meej|kuv tsis paub meej",
    "zh": "不确定|我不确定|不太确定|我不太确定|不確定|我不確定|不知道是不是|我不知道是不是",
    "ar": "لست متأكدا|لست متأكدة|مش متأكد|مش متأكدة",
    "ru": "не уверен|не уверена|я не уверен|я не уверена|не знаю точно",
}
# Link words after a hedge ("di ko alam kung", "no sé si", "not sure but"): part of the hedge.
HEDGE_LINKS: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "if|but|whether",
    "tl": "kung|pero|pero po|kung po",
    "ko": "근데",
    "es": "si|pero",
    "pt": "se|mas",
    "fr": "si|mais",
    "ht": "si|men",
    "vi": "nhưng|có phải",
    "so": "laakiin|balse",
    "hmn": "tab sis",
    "zh": "但是|可能",
    "ar": "لكن|بس|إذا|اذا",
    "ru": "но|ли",
}
# Copula and polite endings a Korean student writes onto the Korean word itself ("생태계요",
# "서식지입니다"): the script does not change, so _tokens cannot split them off as it does
# "ecosystem이요". Taken off only when what is left is the word's gloss (korean_stems).
KO_ENDINGS = ("이에요", "입니다", "이요", "예요", "요")
_TRAILING = re.compile(r"[\s.!?。~]+$")
MAX_EXAMPLE_WORDS = 4  # an example longer than this is a sentence of its own: graded whole
# "producer, yung mga plants po": the word, a comma (period, dash), then why. Graded on the
# word when it is short (a pack term has three words at most) and the rest names no other word.
MAX_HEAD_WORDS = 3
MAX_EXPLANATION_WORDS = 12
_CLAUSE = re.compile(r"\s*(?:[,;:，、]|[.!?。](?=\s)|\s[-–—]+)\s*")
_NON_WORD = re.compile(r"[^\w\s]|_")
# A bracketed part at the end of an answer: "producer (plants)."
_BRACKETED_END = re.compile(r"^(.+?)\s*[(\[（]([^()\[\]（）]*)[)\]）]\s*[.!?。]*\s*$")


def _key(token: str) -> str:
    """A token as phrases are compared: case, accents and punctuation folded away."""
    return " ".join(_NON_WORD.sub(" ", fold(token)).split())


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _tokens(text: str) -> list[str]:
    """`text` split at spaces and where the script changes ("ecosystem이요" is two words:
    Korean particles and Chinese words are written onto the English word)."""
    spaced: list[str] = []
    for char in text:
        if spaced and char.isalpha() and spaced[-1].isalpha() \
                and _latin(char) != _latin(spaced[-1]):
            spaced.append(" ")
        spaced.append(char)
    return [token for token in "".join(spaced).split() if _key(token) or token.isalnum()]


@functools.cache
def _phrases(table: str, lang: str | None) -> tuple[tuple[str, ...], ...]:
    """The phrases of `table` for English, `lang` and the languages she is likely schooled in
    (a Haitian Creole student writes French filler too: "c'est photosynthesis"), as key
    sequences, longest first."""
    source = {"fillers": FILLERS, "markers": EXAMPLE_MARKERS, "negations": NEGATIONS,
              "tags": TAG_QUESTIONS, "hedges": HEDGES, "links": HEDGE_LINKS,
              "dont-know": DONT_KNOW_PHRASES}[table]
    found = {tuple(_key(t) for t in _tokens(phrase))
             for code in dict.fromkeys(("en", *school_languages(lang)))
             for phrase in source.get(code, "").split("|") if phrase.strip()}
    return tuple(sorted(found, key=len, reverse=True))


def _starts(keys: Sequence[str], phrase: tuple[str, ...], at: int = 0) -> bool:
    return tuple(keys[at:at + len(phrase)]) == phrase


def _strip(tokens: list[str], lang: str | None) -> list[str]:
    """`tokens` without filler phrases at either end and tag questions at the end (always
    leaving one token)."""
    fillers, tags = _phrases("fillers", lang), _phrases("tags", lang)
    keys = [_key(t) for t in tokens]
    start, end, moved = 0, len(tokens), True
    while moved:
        moved = False
        for phrase in tags:  # first: "ba" alone is filler, and would leave "di" of "di ba"
            if end - start > len(phrase) and tuple(keys[end - len(phrase):end]) == phrase:
                end, moved = end - len(phrase), True
        for phrase in fillers:
            if end - start > len(phrase) and _starts(keys[start:end], phrase):
                start, moved = start + len(phrase), True
            elif end - start > len(phrase) and tuple(keys[end - len(phrase):end]) == phrase:
                end, moved = end - len(phrase), True
            if moved:  # tags again before the next filler ("predator di ba po")
                break
    return tokens[start:end]


@functools.lru_cache(maxsize=256)  # a student's pack terms come back with every answer
def _candidates(terms: tuple[str, ...]) -> frozenset[str]:
    """Every accepted form of every pack term, as answers are folded."""
    return frozenset(form for term in terms for form in target_forms(term, ()))


def names_a_candidate(text: str, terms: tuple[str, ...]) -> bool:
    """True when `text` contains a pack term (or a regular form of one) as whole words."""
    words = normalise(text).split()
    spans = {" ".join(words[i:j]) for i in range(len(words))
             for j in range(i + 1, min(len(words), i + 3) + 1)}
    return bool(spans & _candidates(terms))


def _example_cut(text: str, tokens: list[str], lang: str | None) -> tuple[str, str] | None:
    """The answer and the example after it: "producer (plants)", "producer, like grass"."""
    bracketed = _BRACKETED_END.match(text)
    if bracketed:
        return bracketed[1], bracketed[2]
    keys = [_key(t) for t in tokens]
    for at in range(1, len(tokens)):
        for marker in _phrases("markers", lang):
            if _starts(keys, marker, at) and at + len(marker) < len(tokens):
                return " ".join(tokens[:at]), " ".join(tokens[at + len(marker):])
    return None


def negated(text: str, lang: str | None) -> bool:
    """True when `text` has a negation of English or `lang` ("not", "hindi", "아니에요")."""
    negations = _phrases("negations", lang)
    # a tag question at the end ("predator di ba", "habitat, não é?") asks, it does not deny
    keys = [_key(t) for t in _strip(_tokens(text), lang)]
    return any(tuple(keys[i:i + len(n)]) == n for n in negations for i in range(len(keys))) \
        or any((word,) in negations for key in keys for word in key.split())


def korean_stems(text: str, lang: str | None) -> tuple[str, ...]:
    """`text` without each Korean ending (KO_ENDINGS) it may end in, longest first ("먹이요":
    먹, then 먹이), for a Korean student's Hangul answer; the caller keeps a stem only when it is
    a gloss, so a word that ends so naturally ("필요") is never cut to another one."""
    word = _TRAILING.sub("", text)
    if lang != "ko" or not word:
        return ()
    return tuple(stem for ending in KO_ENDINGS if word.endswith(ending)
                 and (stem := word[:-len(ending)]) and unicodedata.name(stem[-1], "")
                 .startswith("HANGUL"))


def unhedged(answer: str, lang: str | None) -> str:
    """`answer` without a hedge before or after the word ("hindi ko sure pero organism po ba?",
    "no sé si organism", "organism, not sure"): uncertainty, not a negation (HEDGES)."""
    tokens = _tokens(answer)
    keys = [_key(t) for t in tokens]
    hedges, knows = _phrases("hedges", lang), _phrases("dont-know", lang)
    links = _phrases("links", lang)
    start, end = 0, len(tokens)
    for phrase in (*hedges, *knows):
        at = len(phrase)
        if end > at and _starts(keys, phrase):
            link = next((len(w) for w in links if _starts(keys, w, at)), 0)
            if phrase in hedges or link or tokens[at - 1][-1] in ",;:":
                start = at + link
                break
    for phrase in (*hedges, *knows):
        at = end - len(phrase)
        if at > start and tuple(keys[at:end]) == phrase and tokens[at - 1][-1] in ",;:.":
            end = at
            break
    return answer if (start, end) == (0, len(tokens)) else " ".join(tokens[start:end])


def _clauses(text: str) -> tuple[str, str] | None:
    """`text` cut at its first comma, period or dash: "prey po", "hindi predator"."""
    cut = _CLAUSE.search(text)
    if cut is None or not cut.start() or not text[cut.end():].strip(" .!?。"):
        return None
    return text[:cut.start()], text[cut.end():]


def _head(text: str, lang: str | None, expected: str, terms: tuple[str, ...]) -> str | None:
    """The word before a comma when what follows only explains it ("producer, yung mga plants
    po") or denies another word ("prey po, hindi predator"); None when it may change the
    answer: it names another word ("prey, ou predator"), denies this one ("prey, not
    predator" for predator), or the part before is itself negated or a sentence."""
    clauses = _clauses(text)
    if clauses is None:
        return None
    head, tail = clauses
    if negated(head, lang) or not 0 < len(_strip(_tokens(head), lang)) <= MAX_HEAD_WORDS:
        return None
    tail_keys = [_key(t) for t in _tokens(tail)]
    denial = next((len(n) for n in _phrases("negations", lang) if _starts(tail_keys, n)), 0)
    if denial:  # "X, hindi Y" / "X, not Y": right when X is the word, never when Y is
        rest = " ".join(_tokens(tail)[denial:])
        if rest and not negated(rest, lang) and expected \
                and not names_a_candidate(rest, (expected,)):
            return head
        return None
    if negated(tail, lang) or len(tail.split()) > MAX_EXPLANATION_WORDS \
            or names_a_candidate(tail, (*terms, expected)):
        return None
    return head


def answer_core(answer: str, lang: str | None, terms: Iterable[str] = (),
                expected: str = "") -> str | None:
    """The part of `answer` to grade once the filler around it is set aside (`lang`'s and
    English), or None when there is none to set aside or the answer must stay whole: it has a
    negation (but "X, not Y" is X, when Y is not the `expected` word), or its example names one
    of `terms` (the student's pack terms). A hedge ("not sure but") is filler, not negation."""
    text, terms = unhedged(answer, lang), tuple(terms)
    core = _head(text, lang, expected, terms)
    if core is None and negated(text, lang):
        return None
    cut = None if core is not None else _example_cut(text, _tokens(text), lang)
    if cut is not None:
        example = cut[1]
        if len(example.split()) > MAX_EXAMPLE_WORDS or names_a_candidate(example, terms):
            return None
        core = cut[0]
    kept = _strip(_tokens(core if core is not None else text), lang)
    text = " ".join(kept).strip(" ,;:.-–—")
    return text if kept and _key(text) != _key(answer) else None
