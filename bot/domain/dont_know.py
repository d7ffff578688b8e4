"""A typed answer that says "I don't know": "no sé", "m pa konnen", "不知道", "idk", "?", "🤷".

At levels 1-2 a deciding review is often typed (a cognate's, or one with too few fair options),
and placement's "🤷 I don't know" taught the child that saying so is welcome. Typed at a typed
question, such a phrase is what the question's 🤷 button is: a miss, with the answer shown,
never "write it in English" (which spent her one retry) nor "I don't see a word" (which left
her stuck on the question). See docs/typed-grading.md.

A message says "I don't know" when, folded as `bot/domain/thanks.py` folds words (case,
accents, Arabic letter forms; emoji and punctuation dropped), it is one of these phrases and
nothing else but what she says she does not know ("no sé la palabra", "erayga ma aqaan"), or
when it is only question marks and shrugs. "I don't know habitat", "nose" (an English word,
though Spanish chat spells "no sé" so) and "no" stay answers to grade; and a phrase that grades
right (a pack word "not sure") is right: `typed_answers.grade` asks here only about an answer
it did not accept.
"""

from __future__ import annotations

import functools
import re

from bot.domain.chinese_script import simplified
from bot.domain.thanks import QUESTION_MARKS, words

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # Chinese characters

# Written as people type them, "|" between phrases: folding makes "no se" of "No sé" and
# "nao sei" of "Não sei", so a phrase needs no accentless twin.
DONT_KNOW_PHRASES: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "idk|i dk|i dont know|i don't know|i do not know|dont know|don't know|dunno|i dunno|"
          "no idea|i have no idea|not sure|i'm not sure|im not sure|i forgot|i forget|"
          "i don't remember|i dont remember",
    "es": "no sé|yo no sé|no lo sé|yo no lo sé|ni idea|no tengo idea|no me acuerdo|no recuerdo|"
          "no lo recuerdo",
    # and chat's "jsp" and "je c pas", as a newcomer schooled in French types them (playtest,
    # Aissatou, level 1: "jsp" got "tap one of the answers")
    "fr": "je sais pas|je ne sais pas|j'sais pas|jsais pas|sais pas|chais pas|chépa|"
          "aucune idée|je sais plus|je ne sais plus|je me souviens pas|"
          "je ne me souviens pas|jsp|je c pas|ché pas|chai pas|je sais rien|j'en sais rien",
    "ht": "m pa konnen|mwen pa konnen|m pa konn|mwen pa konn|pa konnen|m pa konnen non|"
          "m pa sonje|mwen pa sonje",
    "pt": "não sei|eu não sei|não sei não|não faço ideia|nem ideia|não lembro|não me lembro",
    "so": "ma garanayo|ma garanaayo|ma aqaan|ma aqaano|anigu ma aqaan|ma xasuusto|"
          "ma xusuusto",
    # with chat's shorthand typed without its marks ("kb", "ko bit", "hok biet": playtest,
    # Minh, level 2, who types Vietnamese without diacritics)
    "vi": "không biết|tôi không biết|em không biết|con không biết|mình không biết|ko biết|"
          "k biết|hông biết|không nhớ|em không nhớ|tôi không nhớ|kb|k bit|ko bit|không bít|"
          "hok biết|hok bít|hk biết|hông bít|ko bik|k bik|khum biết|em ko biết|em k biết|em kb",
    "ar": "لا أعرف|ما أعرف|ما بعرف|ما بعرفش|مش عارف|مش عارفة|معرفش|لا أدري|ما أدري|"
          "لا أتذكر|ما بتذكر|ما عارف|ما عارفة|ماعارف|مو عارف|مابعرف|ماعرف|ما اعرف شي|"
          "mish 3aref|msh 3aref|mesh 3aref|mish 3arif|msh 3arif|mesh 3arif|ma 3aref|"
          "ma 3arif|ma3rafsh|ma3rafch|ma 3rafsh|mish 3arfa|ma 3arfa|ma ba3rif|ma ba3ref|"
          "mabaarif",
    "zh": "不知道|我不知道|不晓得|我不晓得|不曉得|我不曉得|不记得|我不记得|不記得|我不記得|"
          "不会|我不会|不會|我不會|我也不知道|也不知道|不清楚|我不清楚|不太清楚|不确定|"
          "我不确定|不確定|忘了|我忘了|忘记了|我忘记了|忘記了|"
          # Cantonese, as Hong Kong writes it (folded to Simplified characters, as all is)
          "唔知|我唔知|唔知道|我唔知道|唔识|我唔识|唔记得|我唔记得|"
          # toneless pinyin, as typed on a Latin keyboard, and chat's "bzd" (不知道)
          "bu zhi dao|wo bu zhi dao|bu zhidao|wo bu zhidao|bzd|bu hui|wo bu hui|bu ji de|"
          "wo bu ji de|bu jide|wang le|wo wang le|bu qing chu|bu qingchu",
    "ko": "모르겠어요|모르겠어|모르겠습니다|몰라요|몰라|잘 모르겠어요|잘 몰라요|"
          "기억이 안 나요|기억 안 나요|잘 모르겠습니다|잘 모르겠어|잘 몰라|모름|모르겠음|"
          "모르겠다|모르겠는데|모르겠는데요|몰라여|몰라용|몰라유|저도 몰라요|나도 몰라|ㅁㄹ|"
          "까먹었어요|까먹었어|잊어버렸어요|기억이 안 나|기억 안 나",
    # Ukrainian (a child from Ukraine reads Russian, or picked it: "не пам'ятаю"), Russian
    # typed on a Latin keyboard ("ne znayu") and chat shorthand ("хз"), as a grade-10 student
    # from Ukraine typed them (playtest, Artem): "ne znayu" was graded as a try at the word
    # and listed for the teacher among the typed misses to count as right
    "ru": "не знаю|я не знаю|незнаю|не помню|я не помню|хз|я хз|не пам'ятаю|я не пам'ятаю|"
          "не памятаю|ne znayu|ne znaju|ne znaiu|ne znau|neznayu|ya ne znayu|ya ne znaju|"
          "ne pomnyu|ne pomnju|ne pamyatayu",
    "tl": "hindi ko alam|hindi ko po alam|hindi ko alam po|di ko alam|di ko po alam|di ko alam po|"
          "ewan|ewan po|ewan ko|ewan ko po|"
          "hindi ko maalala",
    "hmn": "kuv tsis paub|tsis paub|kuv tsis paub os|kuv tsis nco|tsis nco|kuv tsis nco qab|"
           "tsis nco qab",
}
# What a child may add to say which thing she does not know ("no sé la palabra", "erayga ma
# aqaan", "단어를 모르겠어요"): a phrase with one of these before or after it still says only
# "I don't know". English ones go with every language (a child's chat mixes them in).
DONT_KNOW_OBJECTS: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "the word|this word|that word|it|this|that|this one|that one|the answer",
    "es": "la palabra|esa palabra|esta palabra|la respuesta|eso|esto",
    "fr": "le mot|ce mot|la réponse|ça",
    "ht": "mo a|mo sa a|mo sa|repons lan|sa a",
    "pt": "a palavra|essa palavra|esta palavra|a resposta|isso|isto",
    "so": "erayga|ereyga|kelmadda|jawaabta",
    "vi": "từ này|từ đó|chữ này|câu trả lời",
    "ar": "الكلمة|هذه الكلمة|الجواب|الإجابة",
    "zh": "这个词|這個詞|这个单词|這個單詞|答案",
    "ko": "단어|단어를|이 단어|이 단어를|답|답을",
    "ru": "слово|это слово|ответ|это|це слово|відповідь|це|slovo|eto slovo",
    "tl": "ang salita|ang sagot|iyan|ito",
    "hmn": "lo lus no|lo lus|lus no|cov lus no",
}
# "I" a phrase may start with where the phrases above leave it out: "أنا ما فاهم", "انا مش
# عارف", "ana mish fahem" (Sudanese and Egyptian chat, and Arabizi: playtest, Yousef)
# ... and who she says it to: "老师我不懂", "선생님 몰라요" (Chinese and Korean playtest)
SUBJECTS: dict[str, str] = {"ar": "أنا|ana|ena", "zh": "老师|老師|laoshi|lao shi",
                            "ko": "선생님|쌤"}  # pragma: no mutate
# Languages written without spaces between words: "我 不知道" and "잘모르겠어요" are the same
# phrase as 我不知道 and 잘 모르겠어요, so their phrases also match with the spaces taken out
# (never a Latin-script one: "no se" without its space is the English word "nose").
UNSPACED = ("zh", "ko")
# What Chinese chat ends a sentence with ("不知道啊", "看不懂呀"): the same phrase
ZH_PARTICLES = "啊呀呢耶诶欸哦喔啦嘛"
SHRUG = "\U0001F937"
# What goes with a shrug emoji: skin tones, the joiner and sign of a woman's or a man's shrug,
# the emoji presentation selector
_SHRUG_PARTS = frozenset({SHRUG, "\u200d", "\u2640", "\u2642", "\ufe0f",
                          *map(chr, range(0x1F3FB, 0x1F400))})


def _folded(text: str) -> str:
    if _HAN.search(text):  # Traditional (什麼意思, 聽不懂) is the Simplified a list holds
        text = simplified(text)
    return " ".join(w.folded for w in words(text))


def _said_so(table: dict[str, str], code: str) -> set[str]:
    """A language's phrases in `table`, folded, with and without the "I" it may start with."""
    phrases = {_folded(p) for p in table[code].split("|")}
    subjects = [_folded(s) for s in SUBJECTS.get(code, "").split("|") if s]
    return phrases | {f"{s} {p}" for s in subjects for p in phrases}


@functools.cache
def _phrases() -> tuple[frozenset[str], frozenset[str]]:
    """Every language's phrases as folded, and the unspaced languages' without spaces."""
    def said(code: str) -> set[str]:
        phrases = _said_so(DONT_KNOW_PHRASES, code)
        objects = {_folded(o) for c in dict.fromkeys((code, "en"))
                   for o in DONT_KNOW_OBJECTS[c].split("|")}
        return phrases | {f"{p} {o}" for p in phrases for o in objects} \
            | {f"{o} {p}" for p in phrases for o in objects}

    spaced = {phrase for code in DONT_KNOW_PHRASES for phrase in said(code)}
    unspaced = {phrase.replace(" ", "") for code in UNSPACED for phrase in said(code)}
    return frozenset(spaced), frozenset(unspaced)


def _run_together(folded: str) -> set[str]:
    """A folded message as the unspaced languages' phrases are compared: its spaces taken out,
    with and without the particles Chinese chat ends a sentence with."""
    bare = folded.replace(" ", "")
    return {bare, bare.rstrip(ZH_PARTICLES)}


def says_dont_know(text: str) -> bool:
    """Whether typed text only says "I don't know", in any language Puente writes in (the
    child may write English, or the language of her school before this one), or only with
    question marks and shrugs ("?", "¿?", "🤷‍♀️")."""
    folded = _folded(text)
    if not folded:
        marks = [c for c in text if not c.isspace()]
        return bool(marks) and all(c in QUESTION_MARKS or c in _SHRUG_PARTS for c in marks) \
            and any(c in QUESTION_MARKS or c == SHRUG for c in marks)
    spaced, unspaced = _phrases()
    return folded in spaced or not unspaced.isdisjoint(_run_together(folded))


# "I don't understand" at a question (Haitian playtest: "mwen pa konprann" was offered to the
# teacher as chat): the question is explained, never graded. Alone, or with what she does not
# understand ("la question"); a longer message ("je ne comprends pas le mot contrast, pouvez
# vous…") is still a message the teacher may get.
NOT_UNDERSTOOD_PHRASES: dict[str, str] = {  # pragma: no mutate block (data)
    "en": "i don't understand|i dont understand|i do not understand|don't understand|"
          "dont understand|i don't get it|i dont get it|i don't understand it",
    "es": "no entiendo|yo no entiendo|no comprendo|no le entiendo|no entendí|no entendi",
    "fr": "je ne comprends pas|je comprends pas|j'comprends pas|comprends pas|"
          "je ne comprend pas|je comprend pas|j'ai pas compris|je n'ai pas compris",
    "ht": "m pa konprann|mwen pa konprann|pa konprann|m pa konprann anyen|"
          "mwen pa konprann anyen|m pa konprann non",
    "pt": "não entendo|não entendi|eu não entendo|eu não entendi|não compreendo",
    "so": "ma fahmin|ma fahmi|ma fahmo|ma fahmay|anigu ma fahmin",
    "vi": "không hiểu|em không hiểu|tôi không hiểu|con không hiểu|mình không hiểu|ko hiểu",
    "ar": "لا أفهم|ما فهمت|مش فاهم|مش فاهمة|لم أفهم|ما بفهم|ما فاهم|ما فاهمة|مافاهم|مافهمت|"
          "مو فاهم|مش فاهمه|ما فهمت حاجة|ما فهمت شي|ما فهمت شيء|ما فهمت اي شي|مش فاهم حاجة|"
          "ما فهمت حاجه|مافهمت شي|ما فهمتش|مفهمتش|"
          "mish fahem|msh fahem|mesh fahem|mish fahim|msh fahim|mish fahma|ma fahem|ma fahim|"
          "ma fahmt|ma fhmt|ma fahamt|mafahem|mish fahmeen|ma fahmt 7aga|ma fahmt shi|"
          "mafhemtesh|ma fhemtesh",
    "zh": "不懂|我不懂|看不懂|我看不懂|不明白|我不明白|听不懂|我听不懂|不太懂|我不太懂|"
          "不太明白|没懂|没看懂|我没懂|我没看懂|什么意思|啥意思|是什么意思|"
          "唔明|我唔明|唔明白|我唔明白|睇唔明|我睇唔明|听唔明|我听唔明|咩意思|乜嘢意思|"
          "系咩意思|"
          # toneless pinyin, as typed on a Latin keyboard
          "bu dong|wo bu dong|kan bu dong|wo kan bu dong|bu ming bai|wo bu ming bai|"
          "bu mingbai|ting bu dong|shen me yi si|shenme yisi|sha yi si",
    "ko": "이해가 안 돼요|이해 안 돼요|이해가 안 가요|이해 안 가요|이해가 안 돼|"
          "이해가 안 됩니다|이해 못 했어요|이해 못 해요|무슨 뜻이에요|무슨 뜻이야|무슨 말이에요|"
          "무슨 말이야|뭔 말이야|뭔 말이에요",
    # with Ukrainian, Russian on a Latin keyboard, and "what is this?" at a question (playtest,
    # Artem: "не розумію" and "ne ponimayu" were offered to the teacher as chat)
    "ru": "не понимаю|я не понимаю|не понял|не поняла|я не понял|я не поняла|не розумію|"
          "я не розумію|не зрозумів|не зрозуміла|я не зрозумів|я не зрозуміла|ne ponimayu|"
          "ne ponimaju|ya ne ponimayu|ya ne ponimaju|ne ponyal|ne ponyala|ne rozumiyu|"
          "ne rozumiju|что это|что это значит|шо это|що це|що це таке|шо це|chto eto|"
          "chto eto znachit|shto eto|shcho tse|sho tse",
    # and "what does it mean?", "what is this?" (playtest, Maricel: "ano ibig sabihin" alone)
    "tl": "hindi ko maintindihan|hindi ko naiintindihan|di ko maintindihan|di ko gets|"
          "hindi ko gets|ano ibig sabihin|ano ibig sabihin nito|ano ang ibig sabihin|"
          "ano ang ibig sabihin nito|ano po ibig sabihin|ano po ang ibig sabihin|ano ito|"
          "ano po ito|ano to|ano po to",
    "hmn": "kuv tsis to taub|tsis to taub|tsis nkag siab|kuv tsis nkag siab",
}
# What she may add: the question, the word, this
NOT_UNDERSTOOD_OBJECTS = ("the question", "this question", "it", "this", "la question",
                          "cette question", "la pregunta", "esta pregunta", "a pergunta",
                          "kesyon an", "kesyon sa a", "sa a", "mo a", "le mot", "la palabra",
                          "the word", "anyen", "su'aasha", "su'aashan", "erayga",
                          "السؤال", "الكلمة", "السؤال ده", "el so2al", "що це", "что это",
                          "это слово", "це слово", "вопрос", "питання", "ang tanong",
                          "ang salita")


@functools.cache
def _not_understood() -> tuple[frozenset[str], frozenset[str]]:
    """Every language's "I don't understand", folded, with what may follow it."""
    phrases = {p for code in NOT_UNDERSTOOD_PHRASES
               for p in _said_so(NOT_UNDERSTOOD_PHRASES, code)}
    objects = {_folded(o) for o in NOT_UNDERSTOOD_OBJECTS}
    spaced = phrases | {f"{p} {o}" for p in phrases for o in objects}
    unspaced = {p.replace(" ", "") for code in UNSPACED
                for p in _said_so(NOT_UNDERSTOOD_PHRASES, code)}
    return frozenset(spaced), frozenset(unspaced)


def says_not_understood(text: str) -> bool:
    """Whether typed text only says "I don't understand" (the question), in any language
    Puente writes in: help with the question, not a message for the teacher."""
    folded = _folded(text)
    spaced, unspaced = _not_understood()
    return bool(folded) and (folded in spaced or not unspaced.isdisjoint(_run_together(folded)))
