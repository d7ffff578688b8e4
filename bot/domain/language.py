"""The language catalogue, and a best guess at which language a short chat message is in."""

from __future__ import annotations

import enum
import functools
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.utils.ngram import NGram

from bot.domain.errors import PuenteError


class Capability(enum.Enum):
    """What Puente can do in a language."""

    DETECT = "detect"
    PROMPTS = "prompts"
    GLOSSES = "glosses"
    MACHINE_TRANSLATION = "mt"


@dataclass(frozen=True)
class Language:
    """One language: its code, names, direction and what Puente supports for it."""

    code: str
    english_name: str
    native_name: str
    rtl: bool
    capabilities: frozenset[Capability]


class UnknownLanguageError(PuenteError):
    """A language code that is not in the catalogue."""

    prompt_key = "error-unknown-language"


SUPPORTED_UI: tuple[str, ...] = (
    "en", "es", "ar", "zh", "vi", "hmn", "so", "ru", "ht", "tl", "ko", "pt", "fr",
)  # fmt: skip
_RTL = frozenset({"ar", "fa", "ur", "ps", "he"})
# Codes with a bundled langdetect profile, or a script of their own that the rules below read.
_DETECTABLE = frozenset(
    ["en", "es", "ar", "zh", "vi", "so", "ru", "tl", "ko", "pt", "fr", "uk", "fa", "ur", "hi", "ne", "sw", "ja", "de", "it", "pl", "tr", "ps", "bn", "pa", "he", "th", "el", "my", "km"]
)  # fmt: skip
# Languages Argos Translate publishes en<->xx models for (argospm index).
_ARGOS = frozenset(
    ["en", "es", "ar", "zh", "vi", "ru", "tl", "ko", "pt", "fr", "uk", "fa", "ur", "hi", "ja", "de", "it", "pl", "tr", "he", "th", "el", "bn"]
)  # fmt: skip
_NAMES = (
    ("en", "English", "English"), ("es", "Spanish", "Español"), ("ar", "Arabic", "العربية"),
    ("zh", "Chinese", "中文"), ("vi", "Vietnamese", "Tiếng Việt"), ("hmn", "Hmong", "Hmoob"),
    ("so", "Somali", "Soomaali"), ("ru", "Russian", "Русский"),
    ("ht", "Haitian Creole", "Kreyòl ayisyen"), ("tl", "Tagalog", "Tagalog"),
    ("ko", "Korean", "한국어"), ("pt", "Portuguese", "Português"), ("fr", "French", "Français"),
    ("uk", "Ukrainian", "Українська"), ("fa", "Persian (Farsi, Dari)", "فارسی"),
    ("ur", "Urdu", "اردو"), ("hi", "Hindi", "हिन्दी"), ("ne", "Nepali", "नेपाली"),
    ("sw", "Swahili", "Kiswahili"), ("ja", "Japanese", "日本語"), ("de", "German", "Deutsch"),
    ("it", "Italian", "Italiano"), ("pl", "Polish", "Polski"), ("tr", "Turkish", "Türkçe"),
    ("ps", "Pashto", "پښتو"), ("bn", "Bengali", "বাংলা"), ("pa", "Punjabi", "ਪੰਜਾਬੀ"),
    ("he", "Hebrew", "עברית"), ("th", "Thai", "ไทย"), ("el", "Greek", "Ελληνικά"),
    ("my", "Burmese", "မြန်မာ"), ("km", "Khmer", "ខ្មែរ"), ("am", "Amharic", "አማርኛ"),
    ("ti", "Tigrinya", "ትግርኛ"),
)  # fmt: skip


def _capabilities(code: str) -> frozenset[Capability]:
    caps = {Capability.PROMPTS, Capability.GLOSSES} if code in SUPPORTED_UI else set()
    if code in _DETECTABLE:
        caps.add(Capability.DETECT)
    if code in _ARGOS:
        caps.add(Capability.MACHINE_TRANSLATION)
    return frozenset(caps)


LANGUAGES: Mapping[str, Language] = MappingProxyType(
    {code: Language(code, en, native, code in _RTL, _capabilities(code)) for code, en, native in _NAMES}
)
_ALIASES = {"iw": "he", "fil": "tl", "prs": "fa", "pes": "fa", "zh-hans": "zh", "zh-hant": "zh"}


def get_language(code: str) -> Language:
    """Return the catalogue entry for a code such as "es", "pt-BR" or "zh_Hant"."""
    key = str(code).strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key).split("-", 1)[0]
    key = _ALIASES.get(key, key)
    if key not in LANGUAGES:
        raise UnknownLanguageError(f"unknown language code {code!r}", code=code)
    return LANGUAGES[key]


def is_rtl(code: str) -> bool:
    """Tell whether a language is written right to left."""
    return get_language(code).rtl


# ---------------------------------------------------------------------------------------------
# Detection


@dataclass(frozen=True)
class Detection:
    """A guess: `lang` is None when unsure; `candidates` rank catalogue languages for a menu."""

    lang: str | None
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()


_THRESHOLD = 0.75  # below this top probability the answer is "unsure"
_MAX_CHARS = 240  # the head of a long text says as much as the whole
_HINT_BONUS, _CANDIDATE_BONUS = 0.7, 1.5  # log-odds; the phone's UI language is a weak prior
_WORD_WEIGHT, _NGRAM_TEMPERATURE, _NGRAM_SMOOTHING = 1.6, 6.0, 0.5 / 10000

# Scripts by code-point range: (first, last, script).
_RANGES = sorted([
    (0x41, 0x5A, "latin"), (0x61, 0x7A, "latin"), (0xC0, 0x24F, "latin"),
    (0x1E00, 0x1EFF, "latin"), (0x370, 0x3FF, "greek"), (0x1F00, 0x1FFF, "greek"),
    (0x400, 0x52F, "cyrillic"), (0x590, 0x5FF, "hebrew"), (0x600, 0x6FF, "arabic"),
    (0x750, 0x77F, "arabic"), (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x900, 0x97F, "devanagari"), (0x980, 0x9FF, "bengali"), (0xA00, 0xA7F, "gurmukhi"),
    (0xE00, 0xE7F, "thai"), (0x1000, 0x109F, "myanmar"), (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"), (0x1100, 0x11FF, "hangul"), (0x3130, 0x318F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"), (0x3040, 0x30FF, "kana"), (0xFF66, 0xFF9D, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xF900, 0xFAFF, "han"),
])  # fmt: skip
_STARTS = [start for start, _, _ in _RANGES]
# A script used by one catalogue language settles the question.
_SCRIPT_ONLY = {
    "greek": "el", "hebrew": "he", "bengali": "bn", "gurmukhi": "pa", "thai": "th",
    "myanmar": "my", "khmer": "km", "hangul": "ko", "kana": "ja",
}  # fmt: skip
# Scripts whose languages no rule tells apart: a menu order, never an answer.
_SCRIPT_MENU = {"ethiopic": (("am", 0.5), ("ti", 0.5))}
# Scripts shared by several languages: the languages scored, catalogue codes or profile names.
_SHARED = {
    "latin": "en es pt fr it de tl so sw tr pl vi ht hmn af ca cs cy da et fi hr hu id lt lv "
    "nl no ro sk sl sq sv",
    "arabic": "ar fa ur ps",
    "cyrillic": "ru uk bg mk",
    "devanagari": "hi ne mr",
    "han": "zh ja",
}
_PROFILE_NAMES = {"zh-cn": "zh", "zh-tw": "zh"}
_NGRAM_PROXY = {"ps": "fa"}
# Letters that point at one language; each distinct one present adds its weight.
_LETTER_CUES: dict[str, tuple[str, float]] = {
    **dict.fromkeys("ñ¿¡", ("es", 3.0)), **dict.fromkeys("ãõ", ("pt", 3.5)),
    **dict.fromkeys("ùœèêëïîûâ", ("fr", 1.0)), **dict.fromkeys("ìò", ("it", 2.0)),
    **dict.fromkeys("ßä", ("de", 2.5)), **dict.fromkeys("şğı", ("tr", 4.0)),
    **dict.fromkeys("ąęłńśźżć", ("pl", 4.0)), "ă": ("vi", 4.0), "đ": ("vi", 4.0),
    **dict.fromkeys("ٹڈڑںےہھۓ", ("ur", 4.0)), **dict.fromkeys("ټډړږښګڼېۍځڅ", ("ps", 5.0)),
    **dict.fromkeys("پچژگکی", ("fa", 0.8)), **dict.fromkeys("ةىيكأإ", ("ar", 1.5)),
    **dict.fromkeys("іїєґ", ("uk", 5.0)), **dict.fromkeys("ыэъё", ("ru", 5.0)),
    **dict.fromkeys("这们么说吗还为时谢师问题习边过让从关给开见钱买车东长门间话语读写听样觉认识发现经难错懂吧呢啊哪您", ("zh", 3.0)),
}  # fmt: skip
# Shared letters: Persian letters are Urdu and Pashto letters too; ö ü ç are Turkish as well.
_SHARED_CUES = {"ç": ("pt", "fr", "tr"), "ö": ("de", "tr"), "ü": ("de", "tr"), "ô": ("pt",)}
# Everyday chat words per language, unaccented spellings included. ht and hmn have no detector:
# their words are here so that a Kreyòl or Hmong message leaves us unsure instead of wrong.
_WORDS = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the an and or but is are was were be am i im i'm you u your ur he she it its we "
        "they me my this that what whats how why when where who do does did dont don't doesnt "
        "didnt cant can't can could would should will have has had not yes yeah yep nope to of "
        "in on at for with from please pls plz thanks thank thx ty help mean means meaning know "
        "idk get got understand word answer question teacher miss hard easy done finished again "
        "sorry so too very really just like say said one next page quiz homework right wrong "
        "wait bro dude lol omg wtf hi hello hey good bad sure nvm gonna wanna if because",
        "es": "el la los las un una de del que qué q y en con por para porque pq como cómo cual "
        "cuál donde dónde es son esta está estoy esto eso ese yo tu tú te me mi se no si sí ya "
        "muy mas más pero hola gracias profe maestra maestro ayuda ayudame ayúdame porfa favor "
        "entiendo entendi entendí sé significa palabra respuesta pregunta dificil difícil facil "
        "tengo tiene hacer hice termine terminé acabe bien nada algo otra vez ahora dice decir "
        "ingles inglés hablo puedo puede quiero necesito tarea examen mañana hoy sale bueno",
        "pt": "o a os as um uma de do da dos das que e é em no na com por para pra porque não "
        "nao sim eu você voce vc te me meu minha isso isto esse essa esta está estou tô ta tá "
        "muito mais mas oi olá ola obrigado obrigada ajuda ajudar professor professora entendi "
        "entendo sei significa palavra resposta pergunta difícil dificil tenho tem fazer fiz "
        "terminei acabei bem nada tudo outra vez agora fala falar falo inglês ingles posso pode "
        "quero preciso tarefa dever prova amanhã hoje cadê cade então tambem também acho já ja",
        "fr": "le la les un une des de du que qui quoi est c'est cest suis sont et ou où en dans "
        "avec pour par pas ne je j'ai jai tu vous il elle on nous moi toi ce ça ca cette mon ma "
        "mes bonjour salut merci beaucoup madame monsieur prof aide aider comprends comprend "
        "compris sais connais mot réponse reponse question difficile facile dur trop fini bien "
        "rien tout encore maintenant comment pourquoi dit dire parle anglais peux peut veux "
        "besoin faire faut doit devoirs stp svp oui non juste",
        "it": "il lo la gli le un una di del della che e è o in con per non si sì sono sei ho "
        "hai ha io tu mi ti questo questa quello cosa come perché perche dove ciao grazie mille "
        "prof professoressa maestra aiuto aiutami capito capisco so parola risposta domanda "
        "difficile facile troppo finito fatto bene niente tutto ancora adesso dire dice vuol "
        "parlo inglese puoi può posso voglio bisogno fare compito compiti favore scusa "
        "sbagliato giusto va anche molto",
        "de": "der die das den dem ein eine und oder aber ist sind bin bist ich du er sie es "
        "wir mich mir dich dir mein nicht nein ja doch was wie warum wo wer hallo danke schön "
        "bitte lehrer lehrerin frau herr hilfe helfen verstehe verstanden weiß weiss wort "
        "antwort frage schwer leicht zu fertig gemacht gut nichts alles noch wieder jetzt sagt "
        "sagen spreche englisch kannst kann können will machen hausaufgaben keine kein ahnung "
        "auf mit von für auch sehr falsch richtig heißt heisst bedeutet dieses diese man",
        "tl": "ang ng mga sa si ni ay na ako ko ikaw ka mo siya kami tayo sila ito yan yun yung "
        "ano bakit paano saan sino hindi di oo opo po salamat maraming tulong tulungan intindi "
        "maintindihan naintindihan alam sagot tanong mahirap madali tapos naman din rin lang "
        "talaga pwede puwede ba ulitin sabihin ibig sabi nito dito wala meron marunong mag "
        "kasi pero tama mali sige ulit",
        "so": "waan ma maxay maxaa sidee sida ka ku u iyo oo ah aan waa wax waxba yahay tahay "
        "baan bay ayaan macallin macalin mahadsanid mahadsanahay fahmin fahmay garanayo aqaan "
        "aqaano jawaab jawaabta erayga eray dhigan khaldan sax adag fadlan celi dhameeyay "
        "dhammeeyay qoraa ingiriisi ingiriis af haa maya hadda kale mar ii aniga",
        "sw": "mimi wewe yeye sisi na ni ya wa za kwa katika hii hili huu nini gani vipi asante "
        "sana tafadhali mwalimu sielewi naelewa sijui najua jibu swali neno maana ngumu rahisi "
        "nimemaliza kazi nyumbani sawa ndiyo hapana tena sasa kuongea kiingereza siwezi naweza "
        "nisaidie msaada vizuri vibaya unasemaje inaandikwaje habari pole nimechoka sahihi je",
        "tr": "ben sen bu şu bir ve ile mi mı mu mü neden niye nasıl nasil nerede kim hocam hoca "
        "öğretmen teşekkürler tesekkurler sağol sagol lütfen lutfen yardım yardim anlamadım "
        "anlamadim anlamıyorum bilmiyorum biliyorum cevap soru kelime zor kolay bitirdim "
        "yaptım tamam evet hayır hayir yok var çok cok iyi yanlış yanlis doğru dogru tekrar "
        "eder misiniz misin demek denir ingilizce şimdi simdi değil degil ödev odev yine",
        "pl": "ja ty on ona my to ten jest są nie tak i w z ze na do od po że co czy jak "
        "dlaczego gdzie dzień dobry cześć dziękuję dziekuje dzięki dzieki proszę prosze pomóc "
        "pomoże pani pan rozumiem wiem odpowiedź odpowiedz pytanie słowo slowo trudne trudno "
        "skończyłem zrobiłem dobrze źle zle nic wszystko znowu teraz powiedzieć mówię mowie "
        "angielsku mogę moge chcę zadanie domowe bardzo za jaka jaki znaczy może moze",
        "vi": "toi tôi em anh chị co cô thay thầy ban bạn minh mình khong không ko hieu hiểu "
        "biet biết bai bài nay này la là gi gì sao vay vậy roi rồi chua chưa lam làm xong "
        "duoc được cua của cho voi với oi ơi nha nhé qua quá kho khó tieng tiếng viet việt "
        "cam cảm on ơn giup giúp tu từ nghia nghĩa cau câu tra trả loi lời dung đúng sai hoc "
        "học nhieu nhiều lai lại nua nữa chut chút hoi hỏi het hết",
        "ht": "mwen nou konprann konnen konn mèsi mesi anpil pwofesè pwofese kijan kisa "
        "poukisa vle twò difisil repons tanpri ede angle kreyòl kreyol lan ki sa li pa ou",
        "hmn": "kuv koj nws peb lawv tsis paub yog thiab nyob muaj ua tsaug lus txhais cas hais "
        "xib fwb txog nyuaj heev hnub askiv hmoob taub teb thov pab ntawv kawm qhia twg",
        "ar": "في من على الى انا ما لا هذا هذه كيف شو ليش ايش ممكن يا شكرا استاذ استاذة معنى "
        "كلمة جدا مش مو اعرف فهمت الجواب صعب غلط بالانجليزي",
        "fa": "من نمی است این که را چی چرا خیلی ممنون میشه کردم نمیدونم یعنی هست خوبه مرسی "
        "رو تو چطوری بگید سخته غلطه",
        "ur": "ہے میں نہیں کیا کا کی کے اور ہیں یہ مجھے ہوں تھا شکریہ کیسے کیوں بہت",
        "ps": "زه نه ده دی څه په د کې مننه ډېر ډېره",
        "ru": "что это как спасибо пожалуйста почему очень понимаю ответ привет хорошо мне "
        "сложно можно нет да слово значит я",
        "uk": "що це як дякую будь ласка чому дуже розумію відповідь привіт добре мені складно "
        "можна ні так слово означає я",
        "hi": "है हैं नहीं मैं मुझे क्या का की में यह और हूँ हूं कैसे आया बहुत था से",
        "ne": "छ छैन छु म मलाई यो मा गर्नुहोस् भयो धेरै थाहा कसरी किन र पनि हुन्छ मैले",
    }.items()
}
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#/]\w+")
_UNIVERSAL = frozenset(["ok", "okay", "okey", "k", "kk", "xd", "lol", "haha", "hahaha", "hmm", "hm", "jaja", "jajaja"])
_FRENCH_ELISION = frozenset(["c", "j", "qu", "n", "s", "m", "t", "l", "d"])


@dataclass(frozen=True)
class _Profiles:
    """langdetect's bundled n-gram profiles, read once into our own factory instance."""

    names: tuple[str, ...]
    table: Mapping[str, list[float]]


@functools.cache
def _profiles() -> _Profiles:
    # Our own factory instance: no shared global detector, and we never sample at random, so
    # the same text always gets the same answer.
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    names = tuple(_PROFILE_NAMES.get(name, name) for name in factory.langlist)
    return _Profiles(names, factory.word_lang_prob_map)


def _script_of(ch: str) -> str | None:
    index = bisect_right(_STARTS, ord(ch)) - 1
    if index >= 0 and ord(ch) <= _RANGES[index][1]:
        return _RANGES[index][2]
    return None


def _dominant_script(text: str) -> str | None:
    weights: dict[str, float] = {}
    for ch in text:
        if ch.isalpha() and (script := _script_of(ch)):
            # One Han, kana or Hangul character carries about as much as a Latin word.
            weight = 3.0 if script in ("han", "kana", "hangul") else 1.0
            weights[script] = weights.get(script, 0.0) + weight
    if not weights:
        return None
    if "kana" in weights and "han" in weights:
        weights["kana"] += weights.pop("han")
    best = max(weights, key=weights.__getitem__)
    return None if best == "latin" and weights[best] < 2 else best


def _ngram_scores(text: str, langs: list[str]) -> dict[str, float]:
    """Score languages by their langdetect n-gram profiles, deterministically (no sampling)."""
    profiles = _profiles()
    columns = [i for i, lang in enumerate(profiles.names) if lang in langs]
    totals = [0.0] * len(columns)
    ngram, log, table = NGram(), math.log, profiles.table
    for ch in NGram.normalize_vi(text):
        ngram.add_char(ch)
        for n in (1, 2, 3):
            gram = ngram.grams[-n:]
            if len(ngram.grams) < n or gram == " " or gram not in table:
                continue
            probs = table[gram]
            for k, i in enumerate(columns):
                totals[k] += log(probs[i] + _NGRAM_SMOOTHING)
    best_by_lang: dict[str, float] = {}
    for k, i in enumerate(columns):  # zh has two profiles, simplified and traditional
        lang = profiles.names[i]
        best_by_lang[lang] = max(best_by_lang.get(lang, -math.inf), totals[k])
    if not best_by_lang:
        return dict.fromkeys(langs, 0.0)
    # Pashto has no profile but shares Persian's letters; Kreyòl and Hmong get a middling score.
    mean = sum(best_by_lang.values()) / len(best_by_lang)
    best = max(best_by_lang.values())
    return {
        lang: max(best_by_lang.get(_NGRAM_PROXY.get(lang, lang), mean) - best, -50.0)
        / _NGRAM_TEMPERATURE
        for lang in langs
    }


def _word_scores(tokens: list[str], langs: list[str]) -> dict[str, float]:
    scores = dict.fromkeys(langs, 0.0)
    for token in tokens:
        head, _, tail = token.partition("'")
        for lang in langs:
            if token in _WORDS.get(lang, ()):
                scores[lang] += _WORD_WEIGHT
        if tail and head in _FRENCH_ELISION and len(tail) > 1 and "fr" in scores:
            scores["fr"] += _WORD_WEIGHT
    return scores


def _cue_scores(text: str, langs: list[str]) -> dict[str, float]:
    scores = dict.fromkeys(langs, 0.0)
    for ch in set(text):
        if ch in _LETTER_CUES:
            lang, weight = _LETTER_CUES[ch]
            if lang in scores:
                scores[lang] += weight
        for lang in _SHARED_CUES.get(ch, ()):
            if lang in scores:
                scores[lang] += 1.0
    if "fa" in scores:  # Persian letters are Urdu and Pashto letters as well
        scores["ur"] += scores["fa"]
        scores["ps"] += scores["fa"]
    return scores


def _is_vietnamese(text: str) -> bool:
    # ơ ư and the stacked tone marks of Latin Extended Additional are Vietnamese alone.
    return any(ch in "ơư" or "\u1ea0" <= ch <= "\u1ef9" for ch in text)


def _priors(hint: str | None, candidates: Iterable[str] | None) -> dict[str, float]:
    priors: dict[str, float] = {}
    for code in candidates or ():
        if (lang := _known(code)) is not None:
            priors[lang] = _CANDIDATE_BONUS
    if hint and (lang := _known(hint)) is not None:
        priors[lang] = priors.get(lang, 0.0) + _HINT_BONUS
    return priors


def _known(code: str) -> str | None:
    try:
        return get_language(code).code
    except UnknownLanguageError:
        return None


def _scores(script: str, text: str, priors: dict[str, float]) -> dict[str, float]:
    langs = _SHARED[script].split()
    chars = "".join(ch if _script_of(ch) in (script, "kana") else " " for ch in text)
    tokens = [t for t in _TOKEN.findall(chars) if t not in _UNIVERSAL]
    if script == "latin" and not tokens:
        return {}
    parts = [_ngram_scores(f" {chars} ", langs), _word_scores(tokens, langs)]
    parts.append(_cue_scores(text, langs))
    if script == "han":
        parts.append({"zh": 1.5})  # Chinese is far likelier than kanji-only Japanese
    return {
        lang: sum(part.get(lang, 0.0) for part in parts) + priors.get(lang, 0.0)
        for lang in langs
    }


def _decide(scores: dict[str, float]) -> Detection:
    top = max(scores.values())
    weights = {lang: math.exp(score - top) for lang, score in scores.items()}
    total = sum(weights.values())
    ranked = sorted(
        ((lang, weight / total) for lang, weight in weights.items() if lang in LANGUAGES),
        key=lambda pair: -pair[1],
    )
    best, confidence = max(weights, key=weights.__getitem__), max(weights.values()) / total
    sure = confidence >= _THRESHOLD and best in _DETECTABLE
    ranked3 = tuple((lang, round(p, 3)) for lang, p in ranked[:3])
    return Detection(best if sure else None, round(confidence, 3), ranked3)


def detect_language(
    text: str, *, hint: str | None = None, candidates: Iterable[str] | None = None
) -> Detection:
    """Guess the language of a short message; `lang` is None rather than a likely wrong guess."""
    sample = _NOISE.sub(" ", text[:_MAX_CHARS].replace("’", "'")).lower()
    script = _dominant_script(sample)
    if script is None:
        return Detection(None, 0.0)
    if script in _SCRIPT_ONLY:
        return Detection(_SCRIPT_ONLY[script], 0.99, ((_SCRIPT_ONLY[script], 0.99),))
    if script in _SCRIPT_MENU:
        return Detection(None, 0.5, _SCRIPT_MENU[script])
    if script == "latin" and _is_vietnamese(sample):
        return Detection("vi", 0.99, (("vi", 0.99),))
    scores = _scores(script, sample, _priors(hint, candidates))
    return _decide(scores) if scores else Detection(None, 0.0)
