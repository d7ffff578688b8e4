"""Glosses for words that have no curated one in a language: from the translation memory, which
`prepare` (or the first push) fills through the offline engine."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.packs import Gloss
from bot.store import translations as memory
from bot.store.packs import list_packs, pack_words, words_by_id
from bot.translate import Translator

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
    """Give words lacking a curated gloss in `lang` one from the memory (machine-marked);
    never calls an engine."""
    lacking = [r for r in refs if lang != SOURCE and lang not in r.word.glosses]
    if not lacking:
        return list(refs)
    found = memory.recall_many(db, SOURCE, lang, (t for r in lacking for t in _texts(r)))
    lacking_ids = {r.id for r in lacking}
    completed = []
    for ref in refs:
        term = found.get(ref.word.term) if ref.id in lacking_ids else None
        if term is None:
            completed.append(ref)
            continue
        definition = found.get(ref.word.definition)
        gloss = Gloss(term.text, definition.text if definition else None,
                      machine=term.machine or bool(definition and definition.machine))
        word = replace(ref.word, glosses={**ref.word.glosses, lang: gloss})
        completed.append(WordRef(ref.id, word))
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
