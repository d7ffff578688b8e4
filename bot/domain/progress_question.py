"""Whether a family's own words ask how their child is doing at school ("Kijan Jb ap fè nan
lekòl la?", "¿Cómo va Ana en la escuela?", "How is she doing?"). The teacher's answer may take
days, and the teacher may not read the family's language (Haitian playtest: an English-only
teacher got Kreyòl); Puente already has the child's week (/now), so it is shown first, and the
words can still go to the teacher. A pattern per language, read in the family's language and
English; a false hit costs the family a summary they may read, never their message."""

from __future__ import annotations

import re
import unicodedata

from bot.domain.language import school_languages

PROGRESS_ASKED: dict[str, tuple[str, ...]] = {  # pragma: no mutate block (data)
    "en": (r"\bhow (?:is|'s|are) .{0,30}\b(?:doing|going|progressing|getting on)\b",
           r"\bhow (?:is|are) (?:his|her|their|my \w+'s) (?:grades|progress|english)\b"),
    "es": (r"c[oó]mo (?:le )?(?:va|est[aá] yendo|le est[aá] yendo)\b",
           r"c[oó]mo (?:est[aá]|anda) .{0,30}en (?:la escuela|clase|ingl[eé]s)"),
    "fr": (r"comment (?:va|avance|se d[eé]brouille|travaille) \w+",
           r"comment [çc]a se passe pour", r"comment (?:il|elle) (?:va|travaille|avance)"),
    "pt": (r"como .{0,30}est[aá] (?:indo|se saindo)", r"como vai .{0,30}(?:escola|aulas)"),
    "ht": (r"(?:kijan|ki jan|kòman|koman) .{0,30}\b(?:ap fè|ap mache|ap boule|ap aprann)\b",),
    "so": (r"sidee .{0,30}(?:u socdaa|u socotaa|wax u baranayaa|wax u barataa)",),
    "hmn": (r"kawm(?: ntawv)? tau (?:li cas|zoo li cas)",),
    "vi": (r"học (?:hành )?(?:thế nào|ra sao)", r"(?:thế nào|ra sao) ở trường"),
    "zh": (r"(?:学习|學習|在学校|在學校|表现|表現).{0,6}(?:怎么样|怎麼樣|如何)",
           r"(?:学得|學得|学习得|學習得)(?:怎么样|怎麼樣|好吗|好嗎|好不好)"),
    "ar": (r"كيف (?:مستوى|أداء|اداء|دراسة)", r"كيف حال .{0,20}في (?:المدرسة|الدراسة)"),
    "ko": (r"(?:학교에서|공부|학교 생활).{0,10}(?:어때요|어떤가요|어떻게 지내|잘 ?하고|잘 ?해요|"
           r"잘 ?하나요|잘 ?합니까|잘 ?하니)",
           # "지우 잘 하고 있나요?" (a grandmother, Korean playtest): is he doing well?
           r"잘 ?(?:하고|지내고|적응하고|따라가고) ?(?:있나요|있어요|있습니까|있는지|있니)"),
    "ru": (r"как (?:успехи|учится|успевает)", r"как дела у .{0,20}в школе"),
    "tl": (r"kumusta (?:na )?(?:si|ang pag-?aaral)",),
}


def asks_progress(text: str, language: str) -> bool:
    """Whether `text`, written by a family member who reads `language`, asks how the child is
    doing at school (in that language, the one of her school, school_languages, or
    English)."""
    return _asks(PROGRESS_ASKED, text, language)


def _asks(table: dict[str, tuple[str, ...]], text: str, language: str) -> bool:
    """Whether one of `table`'s patterns, for `language`, its school's or English, matches."""
    folded = " ".join(unicodedata.normalize("NFC", text).casefold().replace("’", "'").split())
    patterns = [pattern for code in (*school_languages(language), "en")
                for pattern in table.get(code, ())]
    return any(re.search(pattern, folded) for pattern in patterns)


# "Which words can she practise at home?" (Somali playtest: "Erayadee ayay Hodan guriga ku
# celcelin kartaa?" got a generic "Send to the teacher?"): a word for words AND one for
# practising, so a message that only mentions words asks nothing. The weekly update's list
# answers it at once; the question can still go to the teacher.
_EN_PRACTISE = r"(?:practi[cs]|stud(?:y|ies)|review|revise|learn|work on)"
PRACTICE_ASKED: dict[str, tuple[str, ...]] = {  # pragma: no mutate block (data)
    "en": (rf"\b(?:what|which) (?:english )?words?\b.{{0,40}}\b{_EN_PRACTISE}",
           rf"\bwords? (?:\w+ )?(?:to|can|could|should) .{{0,20}}\b{_EN_PRACTISE}"),
    "es": (r"qu[eé] palabras?\b.{0,40}(?:practic|estudi|repas|aprend)",
           r"(?:cu[aá]les|las) palabras? .{0,30}(?:practic|estudi|repas)"),
    "fr": (r"quels? mots?\b.{0,40}(?:pratiqu|travaill|r[eé]vis|apprend|entra[iî]n)",
           r"(?:les|des) mots? .{0,20}(?:à|a) (?:r[eé]viser|pratiquer|travailler)"),
    "pt": (r"(?:quais|que) palavras?\b.{0,40}(?:pratic|estud|trein|revis|aprend)",
           r"palavras? .{0,20}para (?:praticar|estudar|treinar|revisar)"),
    "ht": (r"ki (?:mo|mo yo)\b.{0,40}(?:pratike|etidye|repase|aprann|travay)",
           r"\bmo .{0,20}(?:pou|ka) (?:li )?(?:pratike|etidye|repase)"),
    "so": (r"\beray\w*\b.{0,60}(?:celcel|\bbar(?:o|to|at\w*|an\w*)\b|\bku tababar)",
           r"(?:celcel|\bbar(?:o|to|at\w*)\b|\btababar\w*).{0,60}\beray"),
    "hmn": (r"lo lus.{0,40}(?:xyaum|kawm|nco)", r"(?:xyaum|kawm).{0,40}lo lus"),
    "vi": (r"(?:từ (?:vựng|nào|gì)|những từ).{0,40}(?:luyện|ôn|học)",
           r"(?:luyện|ôn) (?:tập )?(?:những )?từ (?:vựng|nào|gì)"),
    "zh": (r"(?:练习|練習|复习|複習|背|学|學).{0,8}(?:哪些|什么|什麼)(?:英文|英语|英語)?"
           r"(?:单词|單詞|生词|生詞|词|詞)",
           r"(?:哪些|什么|什麼)(?:英文|英语|英語)?(?:单词|單詞|生词|生詞|词|詞).{0,8}"
           r"(?:练习|練習|复习|複習|背|学|學)"),
    "ar": (r"(?:أي|اي|ما|ماهي|ما هي) (?:ال)?كلمات.{0,40}(?:تدرب|يراجع|تراجع|يمارس|تمارس|"
           r"يذاكر|تذاكر|يحفظ|تحفظ|مراجع|تمرين)",),
    "ko": (r"(?:어떤|무슨|어느) 단어.{0,20}(?:연습|복습|공부)", r"(?:연습|복습)할 단어"),
    "ru": (r"как(?:ие|ие именно) слова.{0,40}(?:повтор|практик|учить|занима|тренир|выуч)",),
    "tl": (r"(?:anong|ano ang|anu-anong|aling|alin ang) (?:mga )?salita.{0,40}"
           r"(?:praktis|pag-?aral|aralin|sanay|ensayo|practice)",),
}


def asks_practice_words(text: str, language: str) -> bool:
    """Whether `text`, written by a family member who reads `language`, asks which words the
    child can practise at home (in that language, the one of her school, or English)."""
    return _asks(PRACTICE_ASKED, text, language)
