"""Language names as people write them: a name typed in a message ("I speak Spanish", "Af
Soomaali") found in the catalogue, a language's own name as a sentence of it writes it, and a
language named in the reader's language ("somalí" for a Spanish-speaking teacher)."""

from __future__ import annotations

import functools
import re
import unicodedata

from bot.domain.language import LANGUAGES

# Names people use besides the catalogue's English and own names: the short form a child
# types ("kreyòl", "creole"), and common other names of the same language.
_OTHER_NAMES = (
    ("ht", "Kreyòl"), ("ht", "Creole"), ("ht", "Haitian"), ("zh", "Mandarin"), ("zh", "汉语"),
    ("zh", "普通话"), ("tl", "Filipino"), ("es", "Castellano"), ("ar", "عربي"),
    ("fa", "دری"),
)  # fmt: skip
# Scripts written without spaces between words: a name is found inside a longer run.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff"
                       r"\u3400-\u9fff\uac00-\ud7af]")  # Thai, Burmese, Hangul, Khmer, kana, Han
# Languages whose sentences write language names in lower case ("te ayudaré en español",
# "an kreyòl", "bằng tiếng Việt", "на русском"): their own name is lowered inside a sentence.
_LOWER_INSIDE = frozenset({"es", "fr", "pt", "ht", "vi", "ru"})


def _fold(text: str) -> str:
    """Lower case without accents, every run of non-letters one space: "Español!" -> "espanol"."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


@functools.cache
def _names() -> tuple[tuple[str, str], ...]:
    """(folded name, code) for every name of every catalogue language, longest first."""
    found = []
    for code, language in LANGUAGES.items():
        english = re.split(r"[(),]", language.english_name)
        found += [(code, name) for name in (*english, language.native_name)]
    found += list(_OTHER_NAMES)
    folded = {(_fold(name), code) for code, name in found if _fold(name)}
    return tuple(sorted(folded, key=lambda pair: -len(pair[0])))


def language_alone(text: str) -> str | None:
    """The catalogue language these words are and nothing more: its code ("pt") or one of its
    whole names ("Português", "Haitian Creole"); None when other words come with it ("Thiago
    Portuguese": a student's name and a language)."""
    code = text.strip().casefold()
    if code in LANGUAGES:
        return code
    folded = _fold(text[:200])
    return next((code for name, code in _names() if name == folded), None)


def named_languages(text: str) -> tuple[str, ...]:
    """The catalogue languages a message names, in the order it names them ("I speak Spanish
    and English" -> es, en); a name counts as whole words, or inside a run of a script written
    without spaces ("我说中文")."""
    folded = f" {_fold(text[:200])} "
    found: dict[int, str] = {}
    for name, code in _names():
        spaced = _UNSPACED.search(name) is None
        start = folded.find(f" {name} " if spaced else name)
        if start >= 0 and code not in found.values():
            found[start] = code
            folded = folded.replace(name, " " * len(name), 1)  # "haitian creole" is one name
    return tuple(code for _, code in sorted(found.items()))


def home_language_named(text: str) -> str | None:
    """The one home language a message names: English only when it names nothing else (a
    child who speaks Somali and English at home studies with Somali); None when it names no
    language, or more than one besides English."""
    named = named_languages(text)
    own = [code for code in named if code != "en"] or list(named)
    return own[0] if len(own) == 1 else None


def name_inside(code: str, sentence_lang: str, opens: bool = False) -> str:
    """A language's own name as a sentence in `sentence_lang` writes it: lower case inside a
    Spanish, French, Portuguese, Haitian Creole, Vietnamese or Russian sentence about that
    language ("¿Hablas español en casa?"); in English, the English name with the own one
    ("Arabic (العربية)"); as the language writes its name anywhere else (a button, the start
    of a sentence, another language's sentence)."""
    language = LANGUAGES.get(code)
    if language is None:
        return code
    name = language.native_name
    if sentence_lang == "en" and code != "en":
        return _english_and_own(language.english_name, name, language.rtl)
    own_word = _NAMES_IN.get(code, {}).get(code) if code == sentence_lang else None
    if own_word and not opens:  # Hmong says "lus Hmoob" (Hmong speech), not bare "Hmoob"
        return own_word
    if opens or code != sentence_lang or sentence_lang not in _LOWER_INSIDE:
        return name
    return name[:1].lower() + name[1:]


def _english_and_own(english: str, own: str, rtl: bool) -> str:
    """An English sentence names a language in English, then as it names itself: "Arabic
    (العربية)" reads as English, and a newcomer who reads only the English line still finds
    her language ("Swahili (Kiswahili)"). A right-to-left name is isolated, so it cannot
    reorder the English words around it."""
    english = english.split(" (")[0]  # "Persian (Farsi, Dari)": one pair of brackets only
    if own == english:
        return english
    return f"{english} (\u2068{own}\u2069)" if rtl else f"{english} ({own})"


# What each language the bot speaks calls the catalogue's languages, as a sentence writes them
# inside ("somalí", "tiếng Somali", "lus Askiv"); English reads the catalogue's English names.
# Only names we are sure of: a language missing here is named in English, with its code.
_NAMES_IN: dict[str, dict[str, str]] = {
    "es": {
        "en": "inglés", "es": "español", "ar": "árabe", "zh": "chino", "vi": "vietnamita",
        "hmn": "hmong", "so": "somalí", "ru": "ruso", "ht": "criollo haitiano", "tl": "tagalo",
        "ko": "coreano", "pt": "portugués", "fr": "francés", "uk": "ucraniano", "fa": "persa",
        "ur": "urdu", "hi": "hindi", "ne": "nepalí", "sw": "suajili", "ja": "japonés",
        "de": "alemán", "it": "italiano", "pl": "polaco", "tr": "turco", "ps": "pastún",
        "bn": "bengalí", "pa": "panyabí", "he": "hebreo", "th": "tailandés", "el": "griego",
        "my": "birmano", "km": "jemer", "am": "amárico", "ti": "tigriña",
    },
    "fr": {
        "en": "anglais", "es": "espagnol", "ar": "arabe", "zh": "chinois", "vi": "vietnamien",
        "hmn": "hmong", "so": "somali", "ru": "russe", "ht": "créole haïtien", "tl": "tagalog",
        "ko": "coréen", "pt": "portugais", "fr": "français", "uk": "ukrainien", "fa": "persan",
        "ur": "ourdou", "hi": "hindi", "ne": "népalais", "sw": "swahili", "ja": "japonais",
        "de": "allemand", "it": "italien", "pl": "polonais", "tr": "turc", "ps": "pachto",
        "bn": "bengali", "pa": "pendjabi", "he": "hébreu", "th": "thaï", "el": "grec",
        "my": "birman", "km": "khmer", "am": "amharique", "ti": "tigrigna",
    },
    "pt": {
        "en": "inglês", "es": "espanhol", "ar": "árabe", "zh": "chinês", "vi": "vietnamita",
        "hmn": "hmong", "so": "somali", "ru": "russo", "ht": "crioulo haitiano", "tl": "tagalo",
        "ko": "coreano", "pt": "português", "fr": "francês", "uk": "ucraniano", "fa": "persa",
        "ur": "urdu", "hi": "hindi", "ne": "nepalês", "sw": "suaíli", "ja": "japonês",
        "de": "alemão", "it": "italiano", "pl": "polonês", "tr": "turco", "ps": "pashto",
        "bn": "bengali", "pa": "punjabi", "he": "hebraico", "th": "tailandês", "el": "grego",
        "my": "birmanês", "km": "khmer", "am": "amárico", "ti": "tigrínia",
    },
    "ru": {
        "en": "английский", "es": "испанский", "ar": "арабский", "zh": "китайский",
        "vi": "вьетнамский", "hmn": "хмонг", "so": "сомалийский", "ru": "русский",
        "ht": "гаитянский креольский", "tl": "тагальский", "ko": "корейский",
        "pt": "португальский", "fr": "французский", "uk": "украинский", "fa": "персидский",
        "ur": "урду", "hi": "хинди", "ne": "непальский", "sw": "суахили", "ja": "японский",
        "de": "немецкий", "it": "итальянский", "pl": "польский", "tr": "турецкий",
        "ps": "пушту", "bn": "бенгальский", "pa": "панджаби", "he": "иврит", "th": "тайский",
        "el": "греческий", "my": "бирманский", "km": "кхмерский", "am": "амхарский",
        "ti": "тигринья",
    },
    "vi": {
        "en": "tiếng Anh", "es": "tiếng Tây Ban Nha", "ar": "tiếng Ả Rập", "zh": "tiếng Trung",
        "vi": "tiếng Việt", "hmn": "tiếng H'Mông", "so": "tiếng Somali", "ru": "tiếng Nga",
        "ht": "tiếng Creole Haiti", "tl": "tiếng Tagalog", "ko": "tiếng Hàn",
        "pt": "tiếng Bồ Đào Nha", "fr": "tiếng Pháp", "uk": "tiếng Ukraina", "fa": "tiếng Ba Tư",
        "ur": "tiếng Urdu", "hi": "tiếng Hindi", "ne": "tiếng Nepal", "sw": "tiếng Swahili",
        "ja": "tiếng Nhật", "de": "tiếng Đức", "it": "tiếng Ý", "pl": "tiếng Ba Lan",
        "tr": "tiếng Thổ Nhĩ Kỳ", "ps": "tiếng Pashto", "bn": "tiếng Bengal",
        "pa": "tiếng Punjab", "he": "tiếng Do Thái", "th": "tiếng Thái", "el": "tiếng Hy Lạp",
        "my": "tiếng Miến Điện", "km": "tiếng Khmer", "am": "tiếng Amharic",
        "ti": "tiếng Tigrinya",
    },
    "zh": {
        "en": "英语", "es": "西班牙语", "ar": "阿拉伯语", "zh": "中文", "vi": "越南语",
        "hmn": "苗语", "so": "索马里语", "ru": "俄语", "ht": "海地克里奥尔语", "tl": "他加禄语",
        "ko": "韩语", "pt": "葡萄牙语", "fr": "法语", "uk": "乌克兰语", "fa": "波斯语",
        "ur": "乌尔都语", "hi": "印地语", "ne": "尼泊尔语", "sw": "斯瓦希里语", "ja": "日语",
        "de": "德语", "it": "意大利语", "pl": "波兰语", "tr": "土耳其语", "ps": "普什图语",
        "bn": "孟加拉语", "pa": "旁遮普语", "he": "希伯来语", "th": "泰语", "el": "希腊语",
        "my": "缅甸语", "km": "高棉语", "am": "阿姆哈拉语", "ti": "提格利尼亚语",
    },
    "ko": {
        "en": "영어", "es": "스페인어", "ar": "아랍어", "zh": "중국어", "vi": "베트남어",
        "hmn": "몽어", "so": "소말리어", "ru": "러시아어", "ht": "아이티 크리올어",
        "tl": "타갈로그어", "ko": "한국어", "pt": "포르투갈어", "fr": "프랑스어",
        "uk": "우크라이나어", "fa": "페르시아어", "ur": "우르두어", "hi": "힌디어", "ne": "네팔어",
        "sw": "스와힐리어", "ja": "일본어", "de": "독일어", "it": "이탈리아어", "pl": "폴란드어",
        "tr": "튀르키예어", "ps": "파슈토어", "bn": "벵골어", "pa": "펀자브어", "he": "히브리어",
        "th": "태국어", "el": "그리스어", "my": "미얀마어", "km": "크메르어", "am": "암하라어",
        "ti": "티그리냐어",
    },
    "ar": {
        "en": "الإنجليزية", "es": "الإسبانية", "ar": "العربية", "zh": "الصينية",
        "vi": "الفيتنامية", "hmn": "الهمونغية", "so": "الصومالية", "ru": "الروسية",
        "ht": "الكريولية الهايتية", "tl": "التاغالوغية", "ko": "الكورية", "pt": "البرتغالية",
        "fr": "الفرنسية", "uk": "الأوكرانية", "fa": "الفارسية", "ur": "الأردية", "hi": "الهندية",
        "ne": "النيبالية", "sw": "السواحيلية", "ja": "اليابانية", "de": "الألمانية",
        "it": "الإيطالية", "pl": "البولندية", "tr": "التركية", "ps": "البشتوية",
        "bn": "البنغالية", "pa": "البنجابية", "he": "العبرية", "th": "التايلاندية",
        "el": "اليونانية", "my": "البورمية", "km": "الخميرية", "am": "الأمهرية",
        "ti": "التيغرينية",
    },
    "tl": {
        "en": "Ingles", "es": "Espanyol", "ar": "Arabe", "zh": "Tsino", "vi": "Vietnamese",
        "hmn": "Hmong", "so": "Somali", "ru": "Ruso", "ht": "Haitian Creole", "tl": "Tagalog",
        "ko": "Koreano", "pt": "Portuges", "fr": "Pranses", "uk": "Ukrainian", "fa": "Persian",
        "ur": "Urdu", "hi": "Hindi", "ne": "Nepali", "sw": "Swahili", "ja": "Hapon",
        "de": "Aleman", "it": "Italyano", "pl": "Polish", "tr": "Turko", "ps": "Pashto",
        "bn": "Bengali", "pa": "Punjabi", "he": "Hebreo", "th": "Thai", "el": "Griyego",
        "my": "Burmese", "km": "Khmer", "am": "Amharic", "ti": "Tigrinya",
    },
    "ht": {
        "en": "angle", "es": "panyòl", "ar": "arab", "zh": "chinwa", "vi": "vyetnamyen",
        "hmn": "hmong", "so": "somali", "ru": "ris", "ht": "kreyòl ayisyen", "tl": "tagalog",
        "ko": "koreyen", "pt": "pòtigè", "fr": "fransè", "ja": "japonè", "de": "alman",
        "it": "italyen", "he": "ebre", "el": "grèk", "sw": "swahili",
    },
    "so": {
        "en": "Ingiriisi", "es": "Isbaanish", "ar": "Carabi", "zh": "Shiinees", "so": "Soomaali",
        "ru": "Ruush", "fr": "Faransiis", "it": "Talyaani", "de": "Jarmal", "pt": "Bortuqiis",
        "fa": "Faarisi", "sw": "Sawaaxili", "am": "Amxaari", "hi": "Hindi", "ur": "Urdu",
    },
    "hmn": {
        "en": "lus Askiv", "es": "lus Mev", "zh": "lus Suav", "vi": "lus Nyab Laj",
        "hmn": "lus Hmoob", "fr": "lus Fab Kis", "th": "lus Thaib", "ko": "lus Kaus Lim",
        "ja": "lus Nyij Pooj", "ru": "lus Lavxias", "de": "lus Yelemees",
    },
}  # fmt: skip


def name_in(code: str, reader: str, opens: bool = False) -> str:
    """A language as a reader of `reader` calls it, written for a sentence ("somalí" inside a
    Spanish one, "Somalí" when it `opens` it); its English name and code ("Tigrinya (ti)")
    when `reader` has no name for it, the code alone when the catalogue lacks it."""
    language = LANGUAGES.get(code)
    if language is None:
        return code
    if reader == "en":
        return language.english_name
    name = _NAMES_IN.get(reader, {}).get(code)
    if name is None:
        return f"{language.english_name} ({code})"
    return name[:1].upper() + name[1:] if opens else name
