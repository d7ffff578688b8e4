"""A re-uploaded pack that leaves out one word says "it", not "them": one word retired reads
"leaves it out" and "answered it", two words still read "leaves them out"."""

from __future__ import annotations

from bot.domain.pack_changes import PackChanges
from bot.presentation.i18n import Catalog
from bot.presentation.pack_views import saved_text


def retired(catalog: Catalog, lang: str, terms: tuple[str, ...], answered: int = 0) -> str:
    return str(saved_text(catalog, lang, "t9001.eld-words", 5, 0,
                          PackChanges(retired=terms, answered=answered)))


def test_one_retired_word_nobody_answered_is_it_not_them(catalog: Catalog) -> None:
    text = retired(catalog, "en", ("habitat",))
    assert ("📦 Retired, because this file leaves it out: habitat. No student has answered it. "
            "Put it back in the file to bring it back.") in text
    assert "them" not in text
    spanish = retired(catalog, "es", ("habitat",))
    assert ("📦 Retirada, porque este archivo no la incluye: habitat. Ningún estudiante la ha "
            "respondido. Vuelva a ponerla en el archivo para recuperarla.") in spanish
    assert "Retiradas" not in spanish


def test_one_retired_word_with_answers_is_it_and_counts_the_students(catalog: Catalog) -> None:
    one = retired(catalog, "en", ("habitat",), answered=1)
    assert ("📦 Retired, because this file leaves it out: habitat. 1 student has answers on it: "
            "those answers stay in /report and /student, but no student is shown or asked this "
            "word any more. Put it back in the file to bring it back.") in one
    assert "them" not in one
    assert "3 students have answers on it:" in retired(catalog, "en", ("habitat",), answered=3)
    spanish = retired(catalog, "es", ("habitat",), answered=2)
    assert ("Retirada, porque este archivo no la incluye: habitat. 2 estudiantes tienen "
            "respuestas en ella:") in spanish
    assert "ya no se mostrará ni se preguntará a nadie" in spanish


def test_two_retired_words_still_read_them(catalog: Catalog) -> None:
    assert ("📦 Retired, because this file leaves them out: habitat, adapt. No student has "
            "answered them. Put them back in the file to bring them back."
            ) in retired(catalog, "en", ("habitat", "adapt"))
    assert ("leaves them out: habitat, adapt. 2 students have answers on them:"
            ) in retired(catalog, "en", ("habitat", "adapt"), answered=2)
    assert "Retiradas, porque este archivo no las incluye: habitat, adapt." in retired(
        catalog, "es", ("habitat", "adapt"))
