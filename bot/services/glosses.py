"""Glosses for words that have no curated one in a language: from the translation memory, which
`prepare` (or the first push) fills through the offline engine."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.chinese_script import simplified
from bot.domain.errors import PuenteError
from bot.domain.language import LANGUAGES, Capability
from bot.domain.names import clean
from bot.domain.packs import Gloss
from bot.store import alerts
from bot.store import translations as memory
from bot.store.packs import list_packs, pack_words, words_by_id
from bot.store.reports import ClassMatrix, StudentRow
from bot.translation.translator import Translator

SOURCE = "en"  # pack words are English


@dataclass(frozen=True)
class Prepared:
    """What `prepare` found and did for one language."""

    lang: str
    words: int
    curated: int
    remembered: int  # already in the memory before this run
    translated: int  # filled by the engine in this run
    missing: int  # still without any gloss
    reason: str | None = None  # why the engine could not help, when it could not


def _texts(ref: WordRef) -> list[str]:
    return [ref.word.term, ref.word.definition]


def complete_glosses(db: Database, refs: Sequence[WordRef], lang: str) -> list[WordRef]:
    """Give words lacking a curated gloss in `lang` one from the memory (machine-marked), and
    a term a teacher wrote (/gloss) over a curated one; never calls an engine."""
    if lang == SOURCE or not refs:
        return list(refs)
    found = memory.recall_many(db, SOURCE, lang, (t for r in refs for t in _texts(r)))
    completed = []
    for ref in refs:
        term, curated = found.get(ref.word.term), ref.word.glosses.get(lang)
        if term is None or (curated is not None and term.engine != memory.TEACHER):
            completed.append(ref)
            continue
        if curated is not None:  # a teacher's correction: the curated cognate marks no longer hold
            gloss = Gloss(term.text, curated.definition)
        else:
            definition = found.get(ref.word.definition)
            gloss = Gloss(term.text, definition.text if definition else None,
                          machine=term.machine or bool(definition and definition.machine))
        word = replace(ref.word, glosses={**ref.word.glosses, lang: gloss})
        completed.append(WordRef(ref.id, word, ref.pack_id))
    return completed


def _unfilled(db: Database, refs: Sequence[WordRef], lang: str) -> list[WordRef]:
    """Words with no curated gloss whose term or definition the memory lacks."""
    lacking = [r for r in refs if lang not in r.word.glosses]
    found = memory.recall_many(db, SOURCE, lang, (t for r in lacking for t in _texts(r)))
    return [r for r in lacking if any(t not in found for t in _texts(r))]


async def glosses_for(db: Database, translator: Translator, refs: Sequence[WordRef],
                      lang: str) -> list[WordRef]:
    """Complete glosses from the memory, first translating (once per word) what it lacks."""
    if lang != SOURCE and translator.why_unavailable(lang) is None:
        todo = _unfilled(db, refs, lang)
        # One engine call per word (term and definition together); concurrent pushes share it.
        await asyncio.gather(*(translator.translate_many(_texts(r), lang) for r in todo))
    return complete_glosses(db, refs, lang)


@dataclass(frozen=True)
class Gap:
    """Words a language's students will see in English only: no curated gloss, none in the
    translation memory, and no engine on this machine to make one."""

    lang: str
    missing: int
    words: int
    terms: tuple[str, ...] = ()  # the English terms left without a gloss


def english_only(db: Database, refs: Sequence[WordRef], languages: Iterable[str],
                 translator: Translator | None) -> list[Gap]:
    """The languages (of `languages`) with words no gloss will reach, and how many."""
    gaps = []
    for lang in dict.fromkeys(code for code in languages if code != SOURCE):
        if translator is not None and translator.why_unavailable(lang) is None:
            continue  # the engine fills (or has filled) them
        terms = tuple(r.word.term for r in complete_glosses(db, refs, lang)
                      if lang not in r.word.glosses)
        if terms:
            gaps.append(Gap(lang, len(terms), len(refs), terms))
    return gaps


@dataclass(frozen=True)
class NoNewcomerDefinition:
    """Words a level 1-2 card gives no definition for in a student's language: a gloss (the
    file's or the memory's) with a term only. Her card shows the English definition instead."""

    languages: tuple[str, ...]  # the languages (of her classes) with such words
    words: int  # how many words lack one in at least one of them


def no_newcomer_definition(db: Database, refs: Sequence[WordRef],
                           languages: Iterable[str]) -> NoNewcomerDefinition | None:
    """The words of `refs` whose gloss in one of `languages` has no definition, if any."""
    found: list[str] = []
    word_ids: set[int] = set()
    for lang in dict.fromkeys(code for code in languages if code != SOURCE):
        ids = {r.id for r in complete_glosses(db, refs, lang) if lang in r.word.glosses
               and not r.word.glosses[lang].newcomer_definition()}
        if ids:
            found.append(lang)
            word_ids |= ids
    return NoNewcomerDefinition(tuple(found), len(word_ids)) if word_ids else None


@dataclass(frozen=True)
class Unchecked:
    """Words whose translation in a language no speaker of it has checked yet: a pack's gloss
    marked `reviewed = false`, or a machine translation. At levels 1-2 the gloss leads the card
    and the questions, so it is the meaning a newcomer learns: a bilingual colleague should
    look at it (92 of the shipped packs' 160 Hmong glosses, 73 of the Somali ones)."""

    lang: str
    count: int
    words: int
    word_ids: frozenset[int] = frozenset()  # the `count` words
    terms: tuple[str, ...] = ()  # their English terms, A-Z: /report names them to check


def unchecked(db: Database, refs: Sequence[WordRef], languages: Iterable[str]
              ) -> list[Unchecked]:
    """For each language (of `languages`) with any, how many of the words' translations no
    speaker has checked; a teacher's own (/gloss) counts as checked."""
    found = []
    for lang in dict.fromkeys(code for code in languages if code and code != SOURCE):
        words = {r.id: r.word.term for r in complete_glosses(db, refs, lang)
                 if (g := r.word.glosses.get(lang)) is not None
                 and (g.machine or not g.reviewed)}
        if words:
            found.append(Unchecked(lang, len(words), len(refs), frozenset(words),
                                   tuple(sorted(set(words.values()), key=str.casefold))))
    return found


UNCHECKED_REPEAT = timedelta(days=7)  # /push names the same words' warning once a week


def unchecked_news(db: Database, teacher_id: int, refs: Sequence[WordRef],
                   languages: Iterable[str], now: datetime) -> list[Unchecked]:
    """`unchecked`, without the languages whose every such word /push named to this teacher
    in the last week (remembered now for the others): every /push repeated "Somali: 4 of 5
    words ..." for the same words (teacher playtest)."""
    news = []
    with db.atomic():
        for found in unchecked(db, refs, languages):
            told = alerts.unchecked_told(db, teacher_id, found.lang, now - UNCHECKED_REPEAT)
            if found.word_ids <= told:
                continue
            alerts.record_unchecked_told(db, teacher_id, found.lang, found.word_ids, now)
            news.append(found)
    return news


def class_unchecked(db: Database, matrix: ClassMatrix) -> list[Unchecked]:
    """`unchecked` over a class report's words, in its students' languages."""
    words = words_by_id(db, [w.id for w in matrix.given])
    refs = [WordRef(w.id, w.word, w.pack_id) for w in words]
    return unchecked(db, refs, sorted({s.language for s in matrix.students if s.language}))


@dataclass(frozen=True)
class NoMessages:
    """A student's home language that Puente has no messages in: they read English. Only the
    code is stored (a child's data, kept to the minimum); the catalogue says the rest."""

    code: str
    machine: bool  # this computer machine-translates their words; else only glosses added


def no_messages(code: str | None, translator: Translator | None) -> NoMessages | None:
    """What a teacher should know about a student's home language: None when Puente speaks
    it (or English, or none is chosen yet), else whether their words still reach them
    translated by machine."""
    if not code or code == SOURCE:
        return None
    language = LANGUAGES.get(code)
    if language is not None and Capability.PROMPTS in language.capabilities:
        return None
    machine = (language is not None and translator is not None
               and translator.why_unavailable(code) is None)
    return NoMessages(code, machine)


def students_without_messages(students: Iterable[StudentRow], translator: Translator | None
                              ) -> dict[int, NoMessages]:
    """The students (of a class report) whose home language Puente has no messages in, by id."""
    found = {}
    for student in students:
        gap = no_messages(student.language, translator)
        if gap is not None:
            found[student.id] = gap
    return found


async def fill_machine_glosses(db: Database, translator: Translator | None, pack_id: str,
                               languages: Iterable[str]) -> int:
    """Fill a pack's glosses missing in `languages` (a teacher's students') by offline machine
    translation, kept in the translation memory and marked machine; return how many."""
    if translator is None:
        return 0
    refs = pack_refs(db, [pack_id])
    filled = 0
    for lang in languages:
        completed = await glosses_for(db, translator, refs, lang)
        filled += sum(1 for before, after in zip(refs, completed, strict=True)
                      if lang not in before.word.glosses and lang in after.word.glosses)
    return filled


class GlossError(PuenteError):
    """A /gloss the service cannot store (its prompt key says why)."""

    prompt_key = "gloss-usage"


MAX_GLOSS = 120  # a term with a short note, never a paragraph


def teacher_gloss(db: Database, teacher_id: int, text: str, now: datetime) -> tuple[str, str]:
    """Store a teacher's gloss from "WORD LANG TEXT" (the word may be several words): marked
    teacher-made in the memory and used at once where no curated gloss exists; return
    (English term, language code)."""
    tokens = text.split()
    split = next((i for i, t in enumerate(tokens) if i and t.lower() in LANGUAGES), None)
    if split is None and len(tokens) >= 3:  # "/gloss habitat zz deegaan": no code it knows
        raise GlossError(prompt_key="gloss-no-language",
                         codes=" ".join(sorted(c for c in LANGUAGES if c != SOURCE)))
    if split is None or split + 1 >= len(tokens):
        raise GlossError()
    term, lang = " ".join(tokens[:split]).casefold(), tokens[split].lower()
    written = " ".join(tokens[split + 1:])
    gloss = clean(written, MAX_GLOSS)
    if lang == SOURCE or not gloss or len(written) > MAX_GLOSS:
        raise GlossError()
    words = [w for p in list_packs(db, teacher_id) for w in pack_words(db, p.id)
             if w.word.term.casefold() == term]
    if not words:
        raise GlossError(prompt_key="gloss-unknown-word", word=term)
    if lang == "zh":  # Chinese is kept Simplified, as the packs' glosses are, and converted
        # for each reader: an aide's Traditional gloss reached a mainland student as typed,
        # above the pack's Simplified line (playtest)
        gloss = simplified(gloss)
    memory.remember(db, SOURCE, lang, words[0].word.term, gloss, memory.TEACHER, now)
    return words[0].word.term, lang


def pack_refs(db: Database, pack_ids: Iterable[str] | None = None,
              word_ids: Sequence[int] | None = None) -> list[WordRef]:
    """The words of some packs (all listed packs when none are named) or with some ids."""
    if word_ids is not None:
        return [WordRef(w.id, w.word) for w in words_by_id(db, list(word_ids))]
    ids = list(pack_ids) if pack_ids is not None else [p.id for p in list_packs(db)]
    return [WordRef(w.id, w.word) for pack_id in ids for w in pack_words(db, pack_id)]


def prepare(db: Database, translator: Translator, refs: Sequence[WordRef],
            languages: Iterable[str]) -> list[Prepared]:
    """Fill the memory for words lacking a curated gloss, so a push makes no engine calls."""
    report = []
    for lang in (code for code in languages if code != SOURCE):
        curated = sum(lang in r.word.glosses for r in refs)
        todo = _unfilled(db, refs, lang)
        reason = translator.why_unavailable(lang) if todo else None
        translated = 0
        if reason is None:
            for ref in todo:  # one engine call per word keeps a failure to that word
                results = translator.translate_many_sync(_texts(ref), lang)
                translated += all(r is not None for r in results)
        remembered = len(refs) - curated - len(todo)
        report.append(Prepared(lang, len(refs), curated, remembered, translated,
                               len(_unfilled(db, refs, lang)), reason))
    return report
