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

Not today (playtest): a sick word in a clause that names a day gone ("sick yesterday", "hier",
"昨天") says nothing of today, unless that clause says today too or that it goes on ("since
yesterday", "still sick"); a child "fine today" / "bien hoy" / "今天没事" (a word for well with
a word for today or now in one clause) is well again; a message that names a day to come
("tomorrow", "mañana", "明天", a weekday) and not today is about that day, so no today note
(coming_days.py offers to excuse that day); a short question ("Is she sick?") asks and says
nothing, while "Is Ana sick? She said her stomach hurts today" says it in its second half.
Symptoms count as sick: fever, vomiting, flu, a cold, stomach ache, headache.

Away: an absence phrase ("can't come", "absent", "no va a ir", "请假") or a reason to be away
(hospital, doctor, dentist, emergency, funeral) counts only with a word for today ("today",
"hoy", "今天"): "the doctor said she can read more" says no absence, and "she can't come on
Friday" is no absence today (the ready-made note with a day is for that). A vocabulary
question about "hospital" that also says "today" gets the extra button: a cost of one button.
"""

from __future__ import annotations

from bot.domain.day_words import coming_day_words
from bot.domain.language import detect_language
from bot.domain.word_lists import any_in as _any
from bot.domain.word_lists import clauses as _clauses
from bot.domain.word_lists import has as _has
from bot.domain.word_lists import marked as _marked
from bot.domain.word_lists import places as _places
from bot.domain.word_lists import spaced as _spaced
from bot.domain.word_lists import words as _words

SICK_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("sick", "ill", "unwell", "not well", "not feeling well", "not feel well", "fever",
           "a temperature", "vomiting", "vomited", "throwing up", "threw up", "flu", "has a cold",
           "have a cold", "got a cold", "caught a cold", "stomach ache", "stomachache",
           "tummy ache", "stomach hurts", "tummy hurts", "headache", "head hurts"),
    "es": ("enfermo", "enferma", "enfermito", "enfermita", "se siente mal", "fiebre",
           "calentura", "vómito", "vómitos", "vomitó", "vomito", "vomitando", "gripe",
           "gripa", "resfriado", "resfriada", "catarro", "dolor de estómago",
           "dolor de estomago", "dolor de panza", "dolor de barriga", "dolor de cabeza",
           "le duele", "no se siente bien"),
    "fr": ("malade", "fièvre", "vomi", "vomit*", "grippe", "rhume", "enrhumé*", "gastro",
           "mal au ventre", "mal à la tête", "mal a la tete", "mal à la gorge",
           "se sent pas bien"),
    "pt": ("doente", "febre", "vomit*", "gripe", "gripado", "gripada", "resfriado",
           "resfriada", "dor de barriga", "dor de estômago", "dor de estomago",
           "dor de cabeça", "dor de cabeca", "não está bem", "não se sente bem",
           "não está se sentindo bem"),
    "ht": ("malad", "maladi", "lafyèv", "fyèv", "vomi", "grip", "anrimen", "fè l mal",
           "fè li mal", "maltèt", "mal tèt", "mal vant", "pa santi l byen",
           "pa santi li byen"),
    # jiran/jirran (sick): stems, for jirantahay, jiranyahay, jirranayaa (Somali playtest)
    "so": ("xanuunsan*", "buka", "bukaan", "jiran*", "jirran*", "qandh*", "matag*", "hargab*",
           "calool xanuun*", "madax xanuun*"),
    "hmn": ("mob", "ua npaws", "kub cev", "ntuav", "khaub thuas"),
    "vi": ("ốm", "bệnh", "sốt", "ói", "nôn", "bị cảm", "cảm cúm", "cúm", "đau bụng",
           "đau đầu", "nhức đầu", "không khỏe", "không khoẻ"),
    "zh": ("生病", "病了", "发烧", "發燒", "发热", "吐了", "呕吐", "嘔吐", "感冒", "流感",
           "肚子疼", "肚子痛", "头疼", "头痛", "頭痛", "頭疼", "不舒服"),
    "ar": ("مريض", "مريضة", "مريضه", "ومريض", "ومريضة", "حمى", "حرارة", "سخونة", "سخونية",
           "تستفرغ", "يستفرغ", "استفرغ", "استفرغت", "تتقيأ", "يتقيأ", "ترجيع", "انفلونزا",
           "إنفلونزا", "زكام", "مغص", "وجع بطن", "صداع", "وجع راس", "وجع رأس"),
    "ko": ("아파*", "아프*", "아픕*", "아픈", "열이*", "열나*", "열이나*", "토했*", "토해*",
           "구토*", "감기*", "독감*", "배탈*", "두통*"),
    "ru": ("болен", "больна", "болеет", "заболел*", "приболел*", "нездоров*", "температур*",
           "жар", "рвот*", "вырвало", "тошнит", "простуд*", "грипп*", "болит"),
    "tl": ("may sakit", "maysakit", "nagkasakit", "lagnat", "nilalagnat", "nagsusuka",
           "sumuka", "nagsuka", "trangkaso", "sipon", "sakit ng tiyan", "masakit ang tiyan",
           "sakit ng ulo", "masakit ang ulo", "masama ang pakiramdam"),
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
           "off school", "out of school", "away", "not be in school", "not be in class",
           "miss class", "not attend", "keep her home", "keep him home", "keeping her home",
           "keeping him home"),
    "es": ("no va a ir", "no va a venir", "no va a la escuela", "no irá", "no ira", "no viene",
           "no vendrá", "no vendra", "no puede ir", "no puede venir", "va a faltar",
           "faltará", "faltara", "faltó", "ausente", "no asistirá", "se queda en casa",
           "falta a la escuela", "faltar a la escuela", "falta a clases", "no va a asistir"),
    "fr": ("absent", "absente", "ne viendra pas", "ne vient pas", "ne peut pas venir",
           "ne pourra pas venir", "n ira pas", "ne va pas à l école", "pas à l école",
           "reste à la maison", "manquera", "manque l école", "ne sera pas à l école",
           "ne sera pas là"),
    "pt": ("não vai", "nao vai", "não vem", "nao vem", "não pode ir", "não pode vir",
           "vai faltar", "faltará", "faltou", "ausente", "fica em casa", "ficar em casa"),
    "ht": ("p ap vini", "pap vini", "p ap ka vini", "pa ka vini", "p ap al lekòl",
           "pap al lekòl", "p ap ale", "pap ale", "absan", "rete lakay"),
    "so": ("maqan", "maqnaan*", "ma imaan*", "ma iman*", "ma tagi*", "ma aadi*",
           "guriga joog*"),
    "hmn": ("tsis tuaj", "tsis mus kawm ntawv", "tsis mus tsev kawm ntawv", "nyob tsev"),
    "vi": ("nghỉ học", "không đi học", "không đến trường", "không tới trường", "vắng",
           "xin nghỉ"),
    "zh": ("请假", "請假", "不去学校", "不去上学", "不能去学校", "不能上学", "不能来", "来不了",
           "去不了", "缺课", "缺席", "不上学", "没去学校", "不来学校"),
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
# Well today: a child "fine today" ("bien hoy", "今天没事") is well again, whatever was said of
# yesterday (playtest: "She was sick yesterday but she is fine today" got 🤒 and excused the
# day). Counted with a word for today or now in the same clause, not negated ("not well"),
# not asked ("is she ok today?"), not the clause's first word ("Well, today she is sick") and
# not just before a sick word ("bien enferma": very sick).
WELL: dict[str, tuple[str, ...]] = {
    "en": ("fine", "well", "healthy", "much better", "better today", "back to normal"),
    "es": ("bien", "sana", "sano", "mejor hoy"),
    "fr": ("bien", "en forme", "mieux aujourd hui"),
    "pt": ("bem", "saudável", "melhor hoje"),
    "ht": ("byen", "anfòm"),
    "so": ("fiican", "caafimaad*", "ladan"),
    "hmn": ("zoo lawm", "noj qab"),
    "vi": ("khỏe", "khoẻ", "bình thường"),
    "zh": ("好了", "没事", "沒事", "好多了"),
    "ar": ("بخير", "كويس", "كويسة", "منيح", "منيحة", "بصحة جيدة", "أحسن", "احسن"),
    "ko": ("괜찮아*", "괜찮습니*", "건강해*", "건강합*", "멀쩡*"),
    "ru": ("здоров*", "в порядке", "хорошо себя чувствует", "лучше сегодня"),
    "tl": ("okay na", "ok na", "mabuti na", "maayos na", "magaling", "malusog"),
}
# Not a word for well here: "as well" (also), "khỏe không?" (how are you?), nor when it is
# of the teacher ("I hope you are well today"), not the child
NOT_WELL: dict[str, tuple[str, ...]] = {
    "en": ("as well", "you are well", "you are fine", "you are doing well", "you re well",
           "you re fine", "you re doing well", "you well"),
    "es": ("usted esté bien", "usted este bien", "que esté bien", "que este bien",
           "que estés bien", "que estes bien"),
    "fr": ("vous allez bien", "vous portez bien", "tu vas bien"),
    "pt": ("tudo bem", "você esteja bem", "que esteja bem"),
    "vi": ("khỏe không", "khoẻ không", "cô khỏe", "cô khoẻ", "thầy khỏe", "thầy khoẻ"),
    # God willing, fine (a hope): not fine yet
    "ar": ("إن شاء الله بخير", "ان شاء الله بخير", "إن شاء الله يكون بخير",
           "ان شاء الله يكون بخير", "إن شاء الله تكون بخير", "ان شاء الله تكون بخير"),
}
NOW: dict[str, tuple[str, ...]] = {
    "en": ("now",), "es": ("ahora", "ya"), "fr": ("maintenant", "déjà"), "pt": ("agora", "já"),
    "ht": ("kounye a", "kounya", "kounyeya"), "so": ("hadda",), "hmn": ("tam sim no", "nim no"),
    "vi": ("bây giờ",), "zh": ("现在", "現在", "已经", "已經"),
    "ar": ("الآن", "الان", "هلق", "دلوقتي", "حاليا"), "ko": ("이제*", "지금*"),
    "ru": ("сейчас", "уже", "теперь"), "tl": ("ngayon",),
}
# A day gone: a sick word in a clause with one says nothing of today ("sick yesterday"),
# unless that clause also says today, or that it goes on (SINCE: "sick since yesterday")
PAST_DAYS: dict[str, tuple[str, ...]] = {
    "en": ("yesterday", "last week", "last weekend"),
    "es": ("ayer", "anteayer", "antier", "semana pasada"),
    "fr": ("hier", "semaine dernière", "semaine passée"),
    "pt": ("ontem", "anteontem", "semana passada"),
    "ht": ("yè", "ayè", "semèn pase", "semèn dènye"),
    "so": ("shalay*", "doraad", "toddobaadkii hore", "usbuucii hore"),
    "hmn": ("nag hmo", "nagmo", "lub lim tiam dhau los", "vas thiv dhau los"),
    "vi": ("hôm qua", "hôm kia", "tuần trước"),
    "zh": ("昨天", "昨日", "前天", "上周", "上星期", "上个星期", "上個星期", "上礼拜", "上禮拜"),
    "ar": ("أمس", "امس", "بالأمس", "بالامس", "البارحة", "مبارح", "امبارح", "الأسبوع الماضي",
           "الاسبوع الماضي"),
    "ko": ("어제*", "그저께*", "그제*", "지난주*", "지난 주*"),
    "ru": ("вчера", "позавчера", "прошлой неделе"),
    "tl": ("kahapon", "noong isang araw", "noong isang linggo", "nakaraang linggo"),
}
SINCE: dict[str, tuple[str, ...]] = {
    "en": ("since", "still"), "es": ("desde", "todavía", "todavia", "sigue", "aún", "aun"),
    "fr": ("depuis", "toujours", "encore"), "pt": ("desde", "ainda", "continua"),
    "ht": ("depi", "toujou"), "so": ("tan iyo", "weli", "wali"), "hmn": ("txij", "tseem"),
    "vi": ("từ", "vẫn", "còn"),
    "zh": ("从", "從", "开始", "開始", "以来", "一直", "还", "還", "仍"),
    "ar": ("منذ", "من امس", "من أمس", "من البارحة", "لا يزال", "لا تزال", "مازال", "ما زال",
           "مازالت", "ما زالت", "لسه", "لسا"),
    "ko": ("어제부터*", "지난주부터*", "그저께부터*", "아직*", "계속*"),
    "ru": ("со вчера", "с вчерашнего*", "с прошлой", "всё ещё", "все еще", "до сих пор",
           "по прежнему"),
    "tl": ("mula", "simula", "magmula", "pa rin", "parin", "hanggang"),
}
# Another day to come: a message that names one and not today is about that day ("She won't
# be at school tomorrow, she is sick" got 🤒 and excused TODAY, playtest): no today note
LATER: dict[str, tuple[str, ...]] = {
    "en": ("next week",), "es": ("próxima semana", "semana que viene"),
    "fr": ("semaine prochaine",), "pt": ("semana que vem", "próxima semana"),
    "ht": ("semèn pwochèn",), "so": ("berrito", "toddobaadka soo socda"),
    "hmn": ("lub lim tiam tom ntej",), "vi": ("tuần sau", "tuần tới"),
    "zh": ("下周", "下星期", "下个星期", "下個星期"), "ar": ("الأسبوع القادم", "الاسبوع القادم"),
    "ko": ("다음 주*", "다음주*"), "ru": ("следующей неделе",), "tl": ("susunod na linggo",),
}
# tomorrow, the day after, a weekday (day_words.py), or later
OTHER_DAYS: dict[str, tuple[str, ...]] = {
    language: (*coming_day_words(language), *later) for language, later in LATER.items()}
# Not another day: the morning ("esta mañana": this morning, "por la mañana")
NOT_OTHER_DAY: dict[str, tuple[str, ...]] = {
    "es": ("la mañana", "esta mañana", "la manana", "esta manana")}
# "Is she sick?": a short question asks, it says nothing (a longer one, "can she stay home
# today because she is sick?", still says it); counted in words, or characters in Chinese
ASKED_WORDS, ASKED_CHARACTERS = 6, 10
# A negator this many words before a word for well ("no se siente bien", "não está se
# sentindo bem")
WELL_NEAR = {"pt": 4}
def negated(at: int, word: str, clause: str, tokens: list[str], language: str,
             near: int | None = None) -> bool:
    """Whether a negator stands just before the word found at `at` (`near` words before)."""
    near = NEAR_BY_LANGUAGE.get(language, NEAR) if near is None else near
    negators = _words(NEGATORS, language)
    if not _spaced(word):
        before = clause[max(0, at - near):at]
        return any(negator in before for negator in negators if not _spaced(negator))
    return any(token in negators for token in tokens[max(0, at - near):at])


def _elsewhen(clause: str, tokens: list[str], language: str, *,
              ahead: bool = True) -> bool:
    """Whether a clause speaks of another day than today: one gone ("sick yesterday"), or
    (`ahead`) one to come ("tomorrow"), and not of today too, nor of an illness that goes
    on ("since yesterday", "still")."""
    days = _has(PAST_DAYS, clause, tokens, language) or (
        ahead and _has(OTHER_DAYS, clause, tokens, language))
    return days and not _has(TODAY, clause, tokens, language) and not _has(
        SINCE, clause, tokens, language)


def _today(language: str) -> tuple[str, ...]:
    """The phrases for today, read "today" before a negator is looked for: the "no" of "hnub
    no" (Hmong: today) negates nothing ("Nyob zoo xib fwb, hnub no Tou mob")."""
    return tuple(word for word in _words(TODAY, language) if " " in word and "*" not in word)


def _well_today(text: str, language: str) -> bool:
    """Whether the text says the child is well today or now ("she is fine today", "hoy está
    bien", "今天没事了"), not asked nor negated ("not well today")."""
    near = WELL_NEAR.get(language, NEAR + 1)
    for clause, tokens, asked in _marked(text, NOT_WELL.get(language, ()), _today(language)):
        if asked or not (_has(TODAY, clause, tokens, language)
                         or _has(NOW, clause, tokens, language)):
            continue
        sick = {at for word in _words(SICK_WORDS, language)
                for at in _places(word, clause, tokens) if _spaced(word)}
        for word in _words(WELL, language):
            for at in _places(word, clause, tokens):
                spaced = _spaced(word)
                if spaced and (at == 0 or at + len(word.split()) in sick):
                    continue  # "Well, …"; "bien enferma" (very sick)
                if not negated(at, word, clause, tokens, language, near):
                    return True
    return False


def _about_another_day(text: str, language: str) -> bool:
    """Whether the text names a day to come ("tomorrow", "on Monday") and not today."""
    clauses = _clauses(text, NOT_OTHER_DAY.get(language, ()))
    return not _any(TODAY, _clauses(text), language) and any(
        _has(OTHER_DAYS, clause, tokens, language)
        and not _has(SINCE, clause, tokens, language) for clause, tokens in clauses)


def _asks(word: str, clause: str, tokens: list[str], asked: bool) -> bool:
    """Whether the sick word stands in a short question ("Is she sick?")."""
    size = len(tokens) if _spaced(word) else len(clause.strip())
    return asked and size <= (ASKED_WORDS if _spaced(word) else ASKED_CHARACTERS)


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
    """says_sick in one language (and English): the child is sick today, not well again or
    today, nor "not sick", nor sick yesterday, nor about tomorrow, nor "Is she sick?"."""
    if _any(RECOVERED, _clauses(text), language) or _well_today(text, language) \
            or _about_another_day(text, language):
        return False
    return any(not negated(at, word, clause, tokens, language)
               and not _elsewhen(clause, tokens, language)
               and not _asks(word, clause, tokens, asked)
               for clause, tokens, asked in _marked(text, NOT_SICK.get(language, ()),
                                                    _today(language))
               for word in _words(SICK_WORDS, language)
               for at in _places(word, clause, tokens))


def says_sick(text: str, language: str) -> bool:
    """Whether `text`, written by a family member who reads `language`, says the child is sick
    today (in that language, in English, or in the language the text is written in:
    languages_of): not that she is well again or today, nor "not sick", nor sick yesterday,
    nor a message about tomorrow, nor "Is she sick?"."""
    languages = languages_of(text, language)
    recovered = _clauses(text)
    if any(_any(RECOVERED, recovered, code) for code in languages):
        return False
    return any(_sick_in(text, code) for code in languages)


def says_away_today(text: str, language: str) -> bool:
    """Whether `text` says the child is not at school today ("absent today", "we are at the
    hospital today", "no va a ir a la escuela hoy"), in `language`, English, or the language
    it is written in (languages_of): not of another day ("she was absent yesterday", "she
    can't come tomorrow"), nor well today."""
    return any(_away_in(text, code) for code in languages_of(text, language))


def _away_in(text: str, language: str) -> bool:
    """says_away_today in one language (and English)."""
    if not _any(TODAY, _clauses(text), language) or _well_today(text, language):
        return False
    return any((_has(ABSENT, clause, tokens, language)
                or _has(AWAY_REASONS, clause, tokens, language))
               and not _elsewhen(clause, tokens, language)
               for clause, tokens in _clauses(text, NOT_OTHER_DAY.get(language, ())))
