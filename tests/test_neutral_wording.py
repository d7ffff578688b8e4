"""Spanish and Portuguese never make a teacher, a student or a child male by default: a noun
with only a masculine form comes with its feminine ("maestro o maestra", "professor ou
professora", "hijo o hija"), or the wording avoids it ("docente", "estudante", "Aqui você dá
aulas"). Keys added after the gender sweep slipped back ("el maestro lo verá", "Aqui você é
professor"); this keeps them from slipping again. Quoted examples are left alone. Arabic
student and teacher lines take no masculine command, and neither Arabic nor Somali gives a named
student or co-teacher a masculine verb (docs/languages.md)."""

from __future__ import annotations

import re

import pytest

from bot.presentation.i18n import Catalog, texts

# Quoted examples, code and tags are not the bot's own wording.
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|<code>.*?</code>|<[^>]*>")

# A masculine-only noun for a person, unless its feminine stands right beside it.
MASCULINE_ONLY = {
    "es": [
        r"\bmaestros?\b(?! o (?:la |a la |su |tu )?maestras?\b)",
        r"\bprofesor(?:es)?\b(?! o (?:la |a la |su |tu )?profesoras?\b)",
        r"\balumnos?\b(?! o (?:la |a la )?alumnas?\b)",
        r"\bniños?\b(?! o (?:la )?niñas?\b)",
        r"\bhijos?\b(?! o hijas?\b)",
        r"\b(?:otro|ese|este|un|el|del|al) docente\b",  # docente is for both: no "el" on it
    ],
    "pt": [
        r"\bprofessor(?:es)?\b(?! ou (?:a |à |da |sua |à sua |a sua )?professoras?\b)",
        r"\bcoprofessor(?:es)?\b",
        r"\balunos?\b",  # "estudante" is for both
        r"\bfilhos?\b(?! ou filhas?\b)",
        r"\bmeninos?\b(?! ou (?:a )?meninas?\b)",
        r"\b(?:do|seu|um) estudante <b>\{name\}",  # a named student is not "seu estudante"
    ],
}


def masculine_only(lang: str, text: str) -> list[str]:
    """The masculine-only person nouns in `text`, quoted examples left out."""
    own = QUOTED.sub(" ", text)
    return [m.group(0) for rule in MASCULINE_ONLY[lang]
            for m in re.finditer(rule, own, re.IGNORECASE)]


@pytest.mark.parametrize("lang", sorted(MASCULINE_ONLY))
def test_no_prompt_makes_a_teacher_or_student_male_by_default(catalog: Catalog,
                                                              lang: str) -> None:
    found = {key: hits for key, template in catalog.messages[lang].items()
             for hits in [[h for text in texts(template) for h in masculine_only(lang, text)]]
             if hits}
    assert found == {}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "🌙 Ahora es horario de descanso en la escuela: el maestro lo verá después de las 7."),
    ("es", "Pídale un enlace nuevo al maestro."),
    ("es", "¿Sobre cuál de sus hijos es su mensaje?"),
    ("es", "en la clase de otro docente, Ana está en el nivel 2"),
    ("pt", "Aqui você é professor. /classes - suas turmas."),
    ("pt", "✉️ Do seu aluno <b>{name}</b>, um emoji:"),
    ("pt", "Comandos para professores:"),
])
def test_a_masculine_only_teacher_or_student_is_caught(lang: str, text: str) -> None:
    assert masculine_only(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "el maestro o la maestra lo verá después de las {time}."),
    ("es", "Pregunta a tu maestro o maestra."),
    ("es", "El progreso de su hijo o hija está en el resumen semanal."),
    ("es", "Escribe «mi maestro» en inglés."),  # a quoted example
    ("pt", "Aqui você dá aulas. Peça ao seu professor ou à sua professora."),
    ("pt", "Comandos para docentes: /roster - estudantes"),
])
def test_neutral_or_paired_wording_passes(lang: str, text: str) -> None:
    assert masculine_only(lang, text) == []


# Arabic has no neutral singular "you": a student's line says what to do with a verbal noun
# ("الضغط على", "كتابة") and uses no present "you" verb, so it reads the same to a girl and a
# boy (docs/languages.md). Masculine commands and verbs that slipped in before:
ARABIC_MASCULINE = re.compile(
    r"(?<![\w])(اضغط|اكتب|اكتبها|اختر|أرسل|جرّب|انتبه|استمر|تدرّب|اقرأ|اقرأها|استمع|انظر|"
    r"أكمل|حاول|انتظر|تحقّق|اطلب|افتح|اسأل|شغّل|تريد|تعرف|تعرفها|ترى|لترى|تراها|ستراها|"
    r"تتعلم|تتعلمها|تدرس|لتدرس|لتتدرب|تنضم|لتنضم|تقرأ|لتقرأها|تسمع|ستسمع|تتحدث|تتحدثها|"
    r"تخمّن|تقصد|تحتاج|تكتب|تُكمل|أنت جاهز|مستخدمًا)(?![\w])")

# Lines only a student reads (a family's and a teacher's have their own forms).
ARABIC_STUDENT_KEYS = (
    "error-config", "not-enrolled", "language-needed", "check-stale", "check-stale-finished",
    "join-code-missing", "join-code-unknown", "join-code-expired", "join-code-replaced",
    "welcome-back", "ready", "language-ask", "language-menu", "language-stale", "language-more",
    "placement-question", "placement-done", "item-practice", "no-words", "false-friend-warning",
    "sentence-frame", "sentence-starter", "sentence-own", "item-cloze-typed", "item-typed",
    "item-cloze-typed-ask", "item-typed-ask", "item-typed-intro", "feedback-right-typo",
    "feedback-wrong", "feedback-wrong-no-gloss", "feedback-dont-know",
    "feedback-dont-know-no-gloss", "word-mastered-spelling", "check-done", "progress-summary",
    "progress-next-check", "progress-next-words", "progress-next-more", "help-student",
    "help-short", "tap-an-answer", "deleteme-confirm", "remind-usage", "remind-quiet",
    "reminder-due", "reminder-due-cards", "command-start", "command-words", "command-language",
    "command-deleteme", "command-ask", "student-family-stopped", "student-family-stopped-many",
    "button-listen", "audio-no-home-voice", "audio-unavailable", "item-listen",
    "placement-listen-caption", "placement-closed", "too-many-attempts", "slow-down",
    "typed-home-language", "typed-not-english", "typed-not-english-unnamed", "typed-empty",
    "typed-too-long", "check-done-low", "check-done-low-short", "check-done-slipped",
    "check-done-more", "check-done-more-words", "mixed-up-card", "placement-ask",
    "placement-paused", "placement-paused-level", "button-placement-continue",
    "check-short-new-cards", "check-short-written", "check-after-cards", "check-cards-above",
    "check-cards-later", "check-not-yet", "card-stale",
    "teacher-only-student", "command-unknown-student-suggest")


def test_arabic_speaks_to_a_student_with_no_masculine_command(catalog: Catalog) -> None:
    arabic = catalog.messages["ar"]
    found = {key: ARABIC_MASCULINE.findall(text) for key in ARABIC_STUDENT_KEYS
             for text in texts(arabic[key]) if ARABIC_MASCULINE.search(text)}
    assert found == {}
    assert ARABIC_MASCULINE.search("اضغط /words لترى كلماتك.")  # the old wording is caught
    assert catalog.plain("tap-an-answer", "ar").startswith("الضغط على إحدى الإجابات")


# A teacher reads the singular too (docs/languages.md), so a teacher's line says what to do the
# same way: "يُرجى إرسال", "لإنشاء صف: /newclass", "إلغاء الربط", never أرسل، أنشئ، أضف or the
# families' plural (ردّوا، أرسلوا). Commands and verbs the teacher lines had before:
ARABIC_TEACHER_MASCULINE = re.compile(
    r"(?<![\w])(أرسل|أنشئ|أضف|حدّد|استخدم|أصلح|أعِدها|ألغِه|ألغِ|فكّر|ابدأ|أعطِ|"
    r"ضعه|افصل|اكتب|اكتبه|اكتبها|اطلب|تريد|تقصد|ترسلها|تكتبها|تفصل|كتبتَ|معلّمًا|"
    r"معلّم مشارك|ردّوا|أرسلوا|أرسلوه|اسحبوها|اضغطوا|اختاروا|ردّكم|نصّكم|طالبكم|طالبك|"
    r"إعلانكم|فصولكم|كتبتموه|اخترتم|محادثتكم)(?![\w])")

# A named student or co-teacher is no "he": "{name}: إلغاء…", "بحجز من {name}", "أخطاء {name}".
ARABIC_NAMED_MASCULINE = re.compile(
    r"(?:ألغى|حجزه|يزال|يدرس به|طالبك|طالبكم) (?:<b>)?\{name\}|المعلّم المشارك \{name\}|"
    r"\{name\}(?:</b>)? · \{language\} · مرتبط")

# Every line only a teacher reads (prompts/en.toml says who reads each key).
_TEACHER_PREFIXES = (
    "teacher-", "teach-", "class-", "classes-", "newclass-", "push-", "report-", "roster-",
    "announce-", "families-", "thread-", "newpack-", "pack-problem-", "scheduled-",
    "button-scheduled-", "level-", "gloss-", "coteach-", "remove-", "write-", "relay-",
    "answer-queued", "help-teacher", "student-", "button-unlink", "button-cancel-link",
    "button-announce-", "button-answer-", "button-push-")
_NOT_FOR_TEACHERS = {
    "teacher-only", "teacher-only-student", "teacher-only-family", "announce-header",
    "announce-words", "write-header", "student-family-stopped", "student-family-stopped-many",
    "student-thanks-offer", "level-wida"}
ARABIC_TEACHER_KEYS = (
    *sorted(key for key in Catalog.load().messages["en"]
            if key.startswith(_TEACHER_PREFIXES) and key not in _NOT_FOR_TEACHERS),
    "start-teacher", "start-roles", "family-link-created", "family-link-created-shared",
    "family-here-note", "family-language-no-model", "deleteme-confirm-teacher",
    "deleteme-class-handed", "deleteme-teacher-told", "answer-gone-family",
    "answer-not-sent-unlinked", "announcement-not-sent-unlinked", "ask-teacher",
    "command-unknown-teacher", "command-unknown-teacher-suggest", "chart-needs-help",
    "emoji-happy", "emoji-sad", "invite-created", "member-gone", "heatmap-recent-words",
    "heatmap-capped-words", "translations-unchecked")


def test_arabic_speaks_to_a_teacher_with_no_masculine_command(catalog: Catalog) -> None:
    arabic = catalog.messages["ar"]
    found = {key: hits for key in ARABIC_TEACHER_KEYS
             for hits in [[h for text in texts(arabic[key])
                           for h in ARABIC_TEACHER_MASCULINE.findall(text)
                           + ARABIC_NAMED_MASCULINE.findall(text)]] if hits}
    assert found == {}
    assert len(ARABIC_TEACHER_KEYS) > 150  # the teacher's whole side, not a handful of keys
    old = ("أنشئ صفك الأول بالأمر /newclass NAME.", "ألغى {name} إرسالك {when}",
           "ردّوا على هذه الرسالة (اسحبوها إلى اليسار) للإجابة.")
    assert all(ARABIC_TEACHER_MASCULINE.search(t) or ARABIC_NAMED_MASCULINE.search(t)
               for t in old)  # the old wording is caught
    assert catalog.plain("button-announce-families", "ar") == "إرسال إلى الأسر"
    assert "«إرسال إلى الأسر»" in arabic["announce-queued-families"]  # quotes its own button
    assert arabic["deleteme-teacher-told"] == \
        "ℹ️ <b>{name}</b>: مغادرة <b>{class_name}</b> وحذف بيانات Puente."


# Somali gives a named student or co-teacher no "he" (wuxuu, uu, -kiisa): "{name}: …" with the
# impersonal la ("waa la joojiyay"), as the student and family lines already do.
SOMALI_MASCULINE = re.compile(
    r"\b(wuxuu|wuxuuna|wuu|uu|uusan|inuu|ayuu|\w+(?:k|t|g)iis(?:a|u|ii))\b", re.IGNORECASE)
SOMALI_PERSON_KEYS = (
    "deleteme-teacher-told", "remove-confirm", "teacher-alert", "teacher-alert-daily",
    "teacher-alert-still", "teacher-suggest-level", "roster-blocked", "push-not-joined",
    "scheduled-line-by", "scheduled-cancel-confirm-by", "scheduled-cancel-confirm-choosing",
    "scheduled-cancelled-by", "scheduled-cancelled-by-nobody", "scheduled-cancelled-by-choosing",
    "deleteme-class-handed", "families-link-cancelled", "thread-header", "thread-none",
    "thread-open", "report-mastered-students", "announcement-not-sent-unlinked",
    "level-set", "level-set-held-lower", "remove-done", "family-here-note")


def test_somali_names_a_student_or_co_teacher_with_no_masculine_verb(catalog: Catalog) -> None:
    somali = catalog.messages["so"]
    # "wuu sugayay" there is the announcement waiting, not a person.
    own = {key: [t.replace("weli wuu sugayay", "") for t in texts(somali[key])]
           for key in SOMALI_PERSON_KEYS}
    found = {key: hits for key, lines in own.items()
             for hits in [[h for t in lines for h in SOMALI_MASCULINE.findall(t)]] if hits}
    assert found == {}
    assert SOMALI_MASCULINE.search("{name} wuxuu joojiyay dirkaagii")  # the old wording
    assert str(somali["scheduled-cancelled-by"]).startswith(
        "{name}: dirkaagii {when} ee <b>{class_name}</b> ({terms}) waa la joojiyay")
