"""Spanish and Portuguese never make a teacher, a student or a child male by default: a noun
with only a masculine form comes with its feminine ("maestro o maestra", "professor ou
professora", "hijo o hija"), or the wording avoids it ("docente", "estudante", "Aqui você dá
aulas"). Keys added after the gender sweep slipped back ("el maestro lo verá", "Aqui você é
professor"); this keeps them from slipping again. Quoted examples are left alone."""

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
