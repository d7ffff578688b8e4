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
    "zh": (r"(?:学习|學習|在学校|在學校|表现|表現).{0,6}(?:怎么样|怎麼樣|如何)",),
    "ar": (r"كيف (?:مستوى|أداء|اداء|دراسة)", r"كيف حال .{0,20}في (?:المدرسة|الدراسة)"),
    "ko": (r"(?:학교에서|공부|학교 생활).{0,10}(?:어때요|어떤가요|어떻게 지내|잘 하고)",),
    "ru": (r"как (?:успехи|учится|успевает)", r"как дела у .{0,20}в школе"),
    "tl": (r"kumusta (?:na )?(?:si|ang pag-?aaral)",),
}


def asks_progress(text: str, language: str) -> bool:
    """Whether `text`, written by a family member who reads `language`, asks how the child is
    doing at school (in that language, the one of her school, school_languages, or
    English)."""
    folded = " ".join(unicodedata.normalize("NFC", text).casefold().replace("’", "'").split())
    patterns = [pattern for code in (*school_languages(language), "en")
                for pattern in PROGRESS_ASKED.get(code, ())]
    return any(re.search(pattern, folded) for pattern in patterns)
