"""Whether a family member's own words say the child is sick today ("林林今天生病了，不去学校",
"Ana está enferma", "Omar مريض اليوم"), or away from school today for another reason ("he
can't come today, we are at the hospital", "no va a ir a la escuela hoy"): then the offer to
send them also offers the ready-made "🤒 sick today" (or "📅 not at school today"), which
excuses the day (no reminder to a child who is not there, no school day counted against her).
Families type; they do not hunt for the ready-made list (zh playtest).

A text is read in the family's language, in English, and in the language it is written in
when the detector finds it likely (languages_of): a Kreyòl-reading mother schooled in French
wrote "Jean-Baptiste est malade aujourd'hui" (Haitian playtest).

A small list per language, with English always (families mix it in). In a script with spaces
a word must be whole ("sick", not "homesick"); a word ending in "*" is a stem, for languages
that add endings (Korean 아파요/아파서, Russian заболела), in a phrase too; words with a space
between them are matched as a phrase ("may sakit"). In a script without spaces (Chinese) a
word is found anywhere. A false hit costs one extra button; the family's own message still
goes as it is, and a missed one leaves the ready-made list one tap away under /help.

Sick, but not: a recovery ("she is better now", "她病好了", "ya se mejoró") anywhere says
nothing sick; a negator just before the sick word, in the same clause ("not sick", "ya no
está enferma", "n'est plus malade", "没生病", "не болеет"), makes that mention not count.
The window is short (two words; one in Russian and Korean, whose negator stands right before
the verb; three in Portuguese) so "she can't come, she is sick" and "he won't come today he is
sick" still count. "bệnh viện" (hospital) and "kho mob" (medicine) are no illness.

Away: an absence phrase ("can't come", "absent", "no va a ir", "请假") or a reason to be away
(hospital, doctor, dentist, emergency, funeral) counts only with a word for today ("today",
"hoy", "今天"): "the doctor said she can read more" says no absence, and "she can't come on
Friday" is no absence today (the ready-made note with a day is for that). A vocabulary
question about "hospital" that also says "today" gets the extra button: a cost of one button.
"""

from __future__ import annotations

import re
import unicodedata

from bot.domain.language import detect_language

SICK_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("sick", "ill", "unwell"),
    "es": ("enfermo", "enferma", "enfermito", "enfermita", "se siente mal"),
    "fr": ("malade",),
    "pt": ("doente",),
    "ht": ("malad", "maladi"),
    "so": ("xanuunsan*", "buka", "bukaan"),
    "hmn": ("mob",),
    "vi": ("ốm", "bệnh"),
    "zh": ("生病", "病了"),
    "ar": ("مريض", "مريضة", "مريضه", "ومريض", "ومريضة"),
    "ko": ("아파*", "아프*", "아픕*", "아픈"),
    "ru": ("болен", "больна", "болеет", "заболел*", "приболел*"),
    "tl": ("may sakit", "maysakit", "nagkasakit"),
}
# Words that negate the sick word they stand just before ("not sick"; "n't" is read as "not")
NEGATORS: dict[str, tuple[str, ...]] = {
    "en": ("not", "no", "never"),
    "es": ("no", "ni", "nunca"),
    "fr": ("pas", "plus", "jamais"),  # "n'est plus malade": no longer
    "pt": ("não", "nao", "nem", "nunca"),
    "ht": ("pa", "p"),
    "so": ("ma", "aan"),
    "hmn": ("tsis",),
    "vi": ("không", "hết", "khỏi", "chẳng"),  # hết ốm: no longer sick; khỏi bệnh: recovered
    "zh": ("不", "没", "沒", "未"),
    "ar": ("ليس", "ليست", "لست", "لم", "لا", "غير", "مش", "مو", "ما", "مب"),
    "ko": ("안",),
    "ru": ("не", "ни"),
    "tl": ("hindi", "di", "wala"),
}
# A text is read in a language it is this likely written in (besides the family's own)
MESSAGE_LIKELY = 0.5
NEAR = 2  # a negator counts this many words before the sick word (Chinese: characters)
# Russian and Korean put the negator right before the verb; Portuguese puts "mais" between
# ("não está mais doente": no longer sick)
NEAR_BY_LANGUAGE = {"ru": 1, "ko": 1, "pt": 3}
# A sick word inside another word: medicine, not an illness (a hospital, a doctor)
NOT_SICK: dict[str, tuple[str, ...]] = {"vi": ("bệnh viện",), "hmn": ("kho mob",)}
# Said of a child who is well again: nothing sick is said, whatever else the text holds
RECOVERED: dict[str, tuple[str, ...]] = {
    "en": ("better now", "feels better", "feeling better", "recovered", "well again",
           "no longer sick", "sick any more", "sick anymore"),
    "es": ("se mejoró", "se mejoro", "está mejor", "esta mejor", "ya está bien",
           "ya esta bien", "se recuperó", "se recupero", "se curó", "se curo", "ya sanó"),
    "fr": ("va mieux", "guéri", "guérie", "rétabli", "rétablie"),
    "pt": ("melhorou", "está melhor", "esta melhor", "já está bem", "sarou", "recuperou*"),
    "ht": ("geri", "refè", "pi byen", "malad ankò"),  # "pa malad ankò": not sick any more
    "so": ("bogsa*", "fiicnaa*"),  # wuu bogsaday, way fiicnaatay: recovered, got better
    "hmn": ("kho lawm", "mob zoo lawm", "zoo zog lawm"),
    "vi": ("khỏe rồi", "khoẻ rồi", "khỏe lại", "khoẻ lại", "đỡ rồi", "khỏi rồi"),
    "zh": ("病好了", "病已经好了", "病好多了", "好多了", "康复", "痊愈", "不再生病"),
    "ar": ("تعافى", "تعافت", "شفي", "شفيت", "تحسن", "تحسنت", "لم يعد مريض", "لم تعد مريضة"),
    "ko": ("나았*", "괜찮아졌*", "아프지 않*", "안 아파*"),
    "ru": ("выздоровел*", "поправил*", "не болеет", "не болен", "не больна"),
    "tl": ("gumaling*", "magaling na", "wala nang sakit", "okay na siya", "ok na siya"),
}
# Not there today: said alone ("absent") or as its cause ("hospital"), with a word for today
ABSENT: dict[str, tuple[str, ...]] = {
    "en": ("absent", "not come", "not coming", "cannot come", "not go", "not going",
           "cannot go", "not at school", "not be at school", "not in school", "miss school",
           "missing school", "stay home", "staying home", "stays home", "stay at home",
           "off school", "out of school", "away"),
    "es": ("no va a ir", "no va a venir", "no va a la escuela", "no irá", "no ira", "no viene",
           "no vendrá", "no vendra", "no puede ir", "no puede venir", "va a faltar",
           "faltará", "faltara", "faltó", "ausente", "no asistirá", "se queda en casa"),
    "fr": ("absent", "absente", "ne viendra pas", "ne vient pas", "ne peut pas venir",
           "ne pourra pas venir", "n ira pas", "ne va pas à l école", "pas à l école",
           "reste à la maison", "manquera", "manque l école"),
    "pt": ("não vai", "nao vai", "não vem", "nao vem", "não pode ir", "não pode vir",
           "vai faltar", "faltará", "faltou", "ausente", "fica em casa", "ficar em casa"),
    "ht": ("p ap vini", "pap vini", "p ap ka vini", "pa ka vini", "p ap al lekòl",
           "pap al lekòl", "absan", "rete lakay"),
    "so": ("maqan", "maqnaan*", "ma imaan*", "ma iman*", "ma tagi*", "ma aadi*",
           "guriga joog*"),
    "hmn": ("tsis tuaj", "tsis mus kawm ntawv", "tsis mus tsev kawm ntawv", "nyob tsev"),
    "vi": ("nghỉ học", "không đi học", "không đến trường", "không tới trường", "vắng",
           "xin nghỉ"),
    "zh": ("请假", "請假", "不去学校", "不去上学", "不能去学校", "不能上学", "不能来", "来不了",
           "去不了", "缺课", "缺席", "不上学", "没去学校"),
    "ar": ("غائب", "غائبة", "غايب", "غايبة", "غياب", "يتغيب", "تتغيب", "لن يحضر", "لن تحضر",
           "لن يذهب", "لن تذهب", "لن يأتي", "لن تأتي", "لا يستطيع الحضور",
           "لا تستطيع الحضور", "في البيت"),
    "ko": ("결석*", "못 가*", "못 와*", "안 가*", "쉬어*", "쉽니다"),
    "ru": ("не придёт", "не придет", "не пойдёт", "не пойдет", "не сможет", "не будет",
           "пропуст*", "пропускает", "отсутств*", "останется дома"),
    "tl": ("hindi makakapasok", "hindi papasok", "di makakapasok", "di papasok",
           "hindi makapasok", "liliban", "lumiban", "absent", "nasa bahay"),
}
AWAY_REASONS: dict[str, tuple[str, ...]] = {
    "en": ("hospital", "doctor", "doctors", "dentist", "clinic", "appointment", "emergency",
           "funeral"),
    "es": ("hospital", "médico", "medico", "doctor", "dentista", "clínica", "clinica", "cita",
           "emergencia", "funeral", "entierro", "velorio"),
    "fr": ("hôpital", "hopital", "médecin", "medecin", "docteur", "dentiste", "clinique",
           "rendez vous", "urgence", "urgences", "enterrement", "funérailles", "obsèques"),
    "pt": ("hospital", "médico", "medico", "dentista", "clínica", "clinica", "consulta",
           "emergência", "urgência", "funeral", "enterro", "velório"),
    "ht": ("lopital", "doktè", "dantis", "klinik", "randevou", "ijans", "antèman", "fineray"),
    "so": ("isbitaal*", "cisbitaal*", "dhakhtar*", "ballan*", "degdeg*", "aas", "aaska"),
    "hmn": ("tsev kho mob", "kws kho mob", "kws kho hniav", "pam tuag", "xwm txheej ceev",
            "teem caij"),
    "vi": ("bệnh viện", "bác sĩ", "nha sĩ", "phòng khám", "cấp cứu", "đám tang", "đám ma",
           "lịch hẹn"),
    "zh": ("医院", "醫院", "医生", "醫生", "看病", "牙医", "牙醫", "诊所", "診所", "急事", "急诊",
           "葬礼", "葬禮", "丧事", "喪事", "家里有事", "家裡有事"),
    "ar": ("مستشفى", "المستشفى", "بالمستشفى", "طبيب", "الطبيب", "دكتور", "الدكتور", "عيادة",
           "العيادة", "موعد", "طوارئ", "الطوارئ", "جنازة", "عزاء"),
    "ko": ("병원*", "의사*", "치과*", "응급*", "장례*", "진료*"),
    "ru": ("больниц*", "врач*", "доктор*", "стоматолог*", "зубно*", "поликлиник*", "клиник*",
           "похорон*"),
    "tl": ("ospital", "hospital", "doktor", "duktor", "dentista", "klinika", "check up",
           "libing", "lamay", "burol"),
}
TODAY: dict[str, tuple[str, ...]] = {
    "en": ("today", "this morning"), "es": ("hoy", "esta mañana"),
    "fr": ("aujourd hui", "ce matin"), "pt": ("hoje", "esta manhã"),
    "ht": ("jodi a", "jodia", "jodi"), "so": ("maanta",), "hmn": ("hnub no",),
    "vi": ("hôm nay", "sáng nay"), "zh": ("今天", "今日", "今早"), "ar": ("اليوم",),
    "ko": ("오늘*",), "ru": ("сегодня",), "tl": ("ngayon", "ngayong araw"),
}
# Arabic short vowels and shadda ("مريضٌ"): not letters of the word, dropped before matching
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
_WORD = re.compile(r"\w+")
_NOT = re.compile(r"n['’]t\b")  # "isn't", "can't", "won't": "is not", "ca not", "wo not"
# A clause ends at these: a negator in the previous clause ("she won't come, she's sick")
# says nothing of the sick word
_CLAUSE = re.compile(r"[,.;:!?\n，。；：！？、،؛؟]")


def _spaced(word: str) -> bool:
    """Whether a word's script puts spaces between words (all but Chinese here)."""
    return not any(0x3400 <= ord(char) <= 0x9FFF for char in word)


def _at(part: str, token: str) -> bool:
    return token.startswith(part[:-1]) if part.endswith("*") else token == part


def _places(word: str, clause: str, tokens: list[str]) -> list[int]:
    """Where one listed word (a stem, a phrase, a word) starts in a clause: token indexes, or
    character indexes in a script without spaces."""
    if not _spaced(word):
        return [m.start() for m in re.finditer(re.escape(word), clause)]
    parts = word.split()
    return [i for i in range(len(tokens) - len(parts) + 1)
            if all(_at(part, tokens[i + j]) for j, part in enumerate(parts))]


def _clauses(text: str, drop: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    """The text folded (case, "n't", Arabic marks), cut into clauses, each with its words;
    the phrases `drop` blanked out."""
    folded = _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text).casefold())
    folded = _NOT.sub(" not", folded)
    for phrase in drop:
        folded = folded.replace(unicodedata.normalize("NFC", phrase), " ")
    return [(clause, _WORD.findall(clause)) for clause in _CLAUSE.split(folded)]


def _words(table: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    """A table's words for `language` and English, NFC like the text they are looked for in."""
    listed = table.get(language, ()) + (table["en"] if language != "en" else ())
    return tuple(unicodedata.normalize("NFC", word) for word in listed)


def _any(table: dict[str, tuple[str, ...]], clauses: list[tuple[str, list[str]]],
         language: str) -> bool:
    return any(_places(word, clause, tokens) for word in _words(table, language)
               for clause, tokens in clauses)


def _negated(at: int, word: str, clause: str, tokens: list[str], language: str) -> bool:
    """Whether a negator stands just before the sick word found at `at`."""
    near = NEAR_BY_LANGUAGE.get(language, NEAR)
    negators = _words(NEGATORS, language)
    if not _spaced(word):
        before = clause[max(0, at - near):at]
        return any(negator in before for negator in negators if not _spaced(negator))
    return any(token in negators for token in tokens[max(0, at - near):at])


def languages_of(text: str, language: str) -> tuple[str, ...]:
    """The languages to read `text` in: the family's own, then those the text is likely
    written in (MESSAGE_LIKELY or more). A Kreyòl-reading mother schooled in French wrote
    "Jean-Baptiste est malade aujourd'hui" and got no sick option (Haitian playtest): a
    family writes in the language of school too. One detection, about a millisecond."""
    found = detect_language(text).candidates
    return tuple(dict.fromkeys((language, *(code for code, chance in found
                                             if chance >= MESSAGE_LIKELY
                                             and code in SICK_WORDS))))


def _sick_in(text: str, language: str) -> bool:
    """says_sick in one language (and English)."""
    clauses = _clauses(text, NOT_SICK.get(language, ()))
    return any(not _negated(at, word, clause, tokens, language)
               for word in _words(SICK_WORDS, language) for clause, tokens in clauses
               for at in _places(word, clause, tokens))


def says_sick(text: str, language: str) -> bool:
    """Whether `text`, written by a family member who reads `language`, says the child is sick
    (in that language, in English, or in the language the text is written in: languages_of):
    not that she is well again, nor "not sick"."""
    languages = languages_of(text, language)
    recovered = _clauses(text)
    if any(_any(RECOVERED, recovered, code) for code in languages):
        return False
    return any(_sick_in(text, code) for code in languages)


def says_away_today(text: str, language: str) -> bool:
    """Whether `text` says the child is not at school today ("absent today", "we are at the
    hospital today", "no va a ir a la escuela hoy"), in `language`, English, or the language
    it is written in."""
    clauses = _clauses(text)
    return any(_any(TODAY, clauses, code) and (
        _any(ABSENT, clauses, code) or _any(AWAY_REASONS, clauses, code))
        for code in languages_of(text, language))
