"""The words families write for a coming day, in each language Puente speaks: tomorrow and the
day after (days ahead of today), and the weekdays (Monday 0); and for a day gone (yesterday,
the day before: DAYS_BACK, read by past_days.py). One list for both readers: a
message about a coming day offers no "sick today" (sick_words.py), and one that says the child
will miss it offers to excuse that day (coming_days.py). Written as sick_words' lists are: a
word ending in "*" is a stem (Korean particles, Russian cases, Somali articles), words with
a space between them a phrase; a longer phrase wins over a word inside it ("pasado mañana",
"après-demain", "后天" beside "明天")."""

from __future__ import annotations

# Days ahead of today: 1 is tomorrow, 2 the day after
DAYS_AHEAD: dict[str, dict[str, int]] = {
    "en": {"tomorrow": 1, "tmrw": 1, "tmr": 1, "tomorow": 1, "day after tomorrow": 2},
    "es": {"mañana": 1, "manana": 1, "pasado mañana": 2, "pasado manana": 2},
    "fr": {"demain": 1, "après demain": 2, "apres demain": 2},
    "pt": {"amanhã": 1, "amanha": 1, "depois de amanhã": 2, "depois de amanha": 2},
    "ht": {"demen": 1, "apredemen": 2, "apre demen": 2},
    "so": {"berri": 1, "saadambe": 2},
    "hmn": {"tag kis": 1, "tagkis": 1},
    "vi": {"ngày mai": 1, "ngày mốt": 2, "ngày kia": 2},
    "zh": {"明天": 1, "明日": 1, "后天": 2, "後天": 2},
    "ar": {"غدا": 1, "بكرة": 1, "بكره": 1, "الغد": 1, "بعد غد": 2, "بعد بكرة": 2,
           "بعد بكره": 2},
    "ko": {"내일*": 1, "모레*": 2},
    "ru": {"завтра": 1, "послезавтра": 2},
    "tl": {"bukas": 1, "sa makalawa": 2},
}
# Days back from today: 1 is yesterday (the last school day before today), 2 the day before
# (past_days.py: "Jb pa t ale lekòl yè" excused TODAY, Haitian playtest)
DAYS_BACK: dict[str, dict[str, int]] = {
    "en": {"yesterday": 1, "day before yesterday": 2},
    "es": {"ayer": 1, "anteayer": 2, "antier": 2, "antes de ayer": 2},
    "fr": {"hier": 1, "avant hier": 2},
    "pt": {"ontem": 1, "anteontem": 2, "antes de ontem": 2},
    "ht": {"yè": 1, "ayè": 1, "avan yè": 2, "avanyè": 2},
    "so": {"shalay*": 1, "doraad": 2},
    "hmn": {"nag hmo": 1, "nagmo": 1},
    "vi": {"hôm qua": 1, "hôm kia": 2},
    "zh": {"昨天": 1, "昨日": 1, "前天": 2},
    "ar": {"أمس": 1, "امس": 1, "بالأمس": 1, "بالامس": 1, "البارحة": 1, "مبارح": 1,
           "امبارح": 1, "أول أمس": 2, "اول امس": 2},
    "ko": {"어제*": 1, "그저께*": 2, "그제*": 2},
    "ru": {"вчера": 1, "позавчера": 2},
    "tl": {"kahapon": 1},
}
WEEKDAY_NAMES: dict[str, dict[str, int]] = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
           "saturday": 5, "sunday": 6},
    "es": {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
           "sábado": 5, "sabado": 5, "domingo": 6},
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
    "pt": {"segunda feira": 0, "terça feira": 1, "terca feira": 1, "quarta feira": 2,
           "quinta feira": 3, "sexta feira": 4, "na segunda": 0, "na terça": 1,
           "na terca": 1, "na quarta": 2, "na quinta": 3, "na sexta": 4, "sábado": 5,
           "sabado": 5, "domingo": 6},
    "ht": {"lendi": 0, "madi": 1, "mèkredi": 2, "mekredi": 2, "jedi": 3, "vandredi": 4,
           "samdi": 5, "dimanch": 6},
    "so": {"isniin*": 0, "talaado*": 1, "arbaco*": 2, "khamiis*": 3, "jimce*": 4,
           "sabti*": 5, "axad*": 6},
    "hmn": {"hnub ib": 0, "hnub ob": 1, "hnub peb": 2, "hnub plaub": 3, "hnub tsib": 4,
            "hnub rau": 5, "hnub xya": 6},
    "vi": {"thứ hai": 0, "thứ ba": 1, "thứ tư": 2, "thứ năm": 3, "thứ sáu": 4, "thứ bảy": 5,
           "chủ nhật": 6, "thứ 2": 0, "thứ 3": 1, "thứ 4": 2, "thứ 5": 3, "thứ 6": 4,
           "thứ 7": 5},
    "zh": {"星期一": 0, "星期二": 1, "星期三": 2, "星期四": 3, "星期五": 4, "星期六": 5,
           "星期日": 6, "星期天": 6, "周一": 0, "周二": 1, "周三": 2, "周四": 3, "周五": 4,
           "周六": 5, "周日": 6, "週一": 0, "週二": 1, "週三": 2, "週四": 3, "週五": 4,
           "礼拜一": 0, "礼拜二": 1, "礼拜三": 2, "礼拜四": 3, "礼拜五": 4, "禮拜一": 0,
           "禮拜二": 1, "禮拜三": 2, "禮拜四": 3, "禮拜五": 4},
    "ar": {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2,
           "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6},
    "ko": {"월요일*": 0, "화요일*": 1, "수요일*": 2, "목요일*": 3, "금요일*": 4, "토요일*": 5,
           "일요일*": 6},
    "ru": {"понедельник*": 0, "вторник*": 1, "среду": 2, "среда": 2, "четверг*": 3,
           "пятниц*": 4, "суббот*": 5, "воскресень*": 6},
    # no "Linggo" (Sunday): it is also "week"
    "tl": {"lunes": 0, "martes": 1, "miyerkules": 2, "huwebes": 3, "biyernes": 4,
           "sabado": 5},
}


def coming_day_words(language: str) -> tuple[str, ...]:
    """Every word for a coming day in `language` (not English's: the reader adds those)."""
    return (*DAYS_AHEAD.get(language, {}), *WEEKDAY_NAMES.get(language, {}))
