"""Turn domain results into message text (Telegram HTML) through the prompt catalogue."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from bot.domain.checks import GAP, WordRef
from bot.domain.cognates import Relation, relation_for
from bot.domain.language import LANGUAGES
from bot.domain.placement import PlacementItem
from bot.domain.scaffold import ItemType, Scaffold, sentence_frame
from bot.i18n import FSI, PDI, REFERENCE, RLM, Catalog
from bot.services.family import FamilyUpdate
from bot.services.study import Feedback, Progress, Question

MESSAGE_LIMIT = 4096


def escape(text: str) -> str:
    """Make text safe for Telegram HTML (quotes stay readable: they need no escaping)."""
    return html.escape(text, quote=False)


def language_name(code: str) -> str:
    """The language's own name, e.g. Español, for buttons and questions."""
    language = LANGUAGES.get(code)
    return language.native_name if language else code


def card(ref: WordRef, lang: str, scaffold: Scaffold, catalog: Catalog,
         flipped: bool = False) -> str:
    """One word card: English and home language, ordered and emphasised for the level."""
    word = ref.word
    gloss = word.glosses.get(lang) if lang != REFERENCE else None
    pos = catalog.render(f"pos-{word.pos}", lang)
    english = f"<b>{escape(word.term)}</b> <i>({escape(pos)})</i>"
    if scaffold.emoji and word.emoji:
        english = f"{escape(word.emoji)} {english}"
    lines = []
    english_block = [english, escape(word.definition),
                     f"<i>{escape(word.example)}</i>"]
    own_block: list[str] = []
    if gloss is not None:
        own = f"<b>{escape(gloss.term)}</b>"
        if gloss.machine:
            own += " " + escape(catalog.render("machine-translation-mark", lang))
        own_block = [own] + ([escape(gloss.definition)] if gloss.definition else [])
    if own_block and (scaffold.l1_first or flipped):
        lines += own_block + english_block
    elif own_block and scaffold.l1_inline:  # one tap away: a spoiler the learner can open
        lines += [*english_block, f"<tg-spoiler>{' — '.join(own_block)}</tg-spoiler>"]
    else:
        lines += english_block
    relation = relation_for(word, lang)
    if not (scaffold.l1_inline or flipped):
        pass  # English only at this level: the home language (and hints about it) on request
    elif relation.relation is Relation.COGNATE and gloss is not None:
        lines.append("🤝 " + catalog.render("cognate-hint", lang, term=escape(word.term),
                                           own=escape(gloss.term)))
    elif relation.relation is Relation.FALSE_FRIEND and gloss is not None:
        lines.append("⚠️ " + catalog.render("false-friend-warning", lang,
                                           term=escape(word.term),
                                           lookalike=escape(relation.lookalike or ""),
                                           own=escape(gloss.term)))
    if scaffold.sentence_frame:
        lines.append("✍️ " + catalog.render("sentence-frame", lang,
                                           frame=escape(sentence_frame(word.term, word.pos))))
    return "\n".join(lines)


def preview_messages(refs: Sequence[WordRef], lang: str, scaffold: Scaffold, catalog: Catalog,
                     flipped: bool = False) -> list[str]:
    """Bundle cards into as few messages as fit Telegram's 4096-character limit."""
    header = catalog.bilingual("preview-header", lang, count=len(refs))
    messages: list[str] = []
    current = header
    for ref in refs:
        block = card(ref, lang, scaffold, catalog, flipped)[:MESSAGE_LIMIT - 2]
        if len(current) + 2 + len(block) > MESSAGE_LIMIT:
            messages.append(current)
            current = block
        else:
            current = f"{current}\n\n{block}"
    messages.append(current)
    return messages


def question_text(question: Question, catalog: Catalog) -> str:
    """The text of one check item, in both languages at low levels."""
    item, lang = question.item, question.lang
    key = {ItemType.CHOICE: "item-choice", ItemType.POLL: "item-choice",
           ItemType.REVERSE: "item-reverse", ItemType.CLOZE: "item-cloze",
           ItemType.TYPED: "item-typed"}[item.item_type]
    if item.asks_meaning:
        key = "item-meaning"
    if item.item_type is ItemType.CLOZE and item.typed:
        key = "item-cloze-typed"
    if item.item_type is ItemType.CLOZE:
        prompt = escape(item.prompt).replace(GAP, f"<b>{GAP}</b>")
    else:  # a definition ends with a full stop; the question adds its own punctuation
        prompt = escape(item.prompt.rstrip(". "))
    counter = catalog.render("item-counter", lang, number=question.number,
                             total=question.total)
    if question.level is None or question.level <= 3:
        return f"{counter}\n{catalog.bilingual(key, lang, prompt=prompt)}"
    return f"{counter}\n{catalog.render(key, REFERENCE, prompt=prompt)}"  # English from 4 on


def poll_question(question: Question, catalog: Catalog) -> str:
    """A quiz poll's question (plain text, at most 300 characters)."""
    lang = question.lang if question.level is None or question.level <= 3 else REFERENCE
    text = catalog.render("poll-question", lang, prompt=question.item.prompt.rstrip(". "))
    return text if len(text) <= 300 else text[:297] + "..."


def feedback_text(feedback: Feedback, catalog: Catalog) -> str:
    """Immediate, kind feedback with the right answer, in both languages."""
    lang, grade = feedback.lang, feedback.grade
    params = {"answer": escape(grade.expected), "term": escape(feedback.term),
              "own": escape(feedback.l1_term or feedback.term)}
    if grade.correct and grade.exact:
        key = "feedback-right"
    elif grade.correct:
        key = "feedback-right-typo"
    else:
        key = "feedback-wrong"
    lines = [catalog.bilingual(key, lang, **params)]
    if feedback.newly_mastered:
        lines.append("🏅 " + catalog.bilingual("word-mastered", lang, term=params["term"]))
    if feedback.score is not None:
        right, asked = feedback.score
        lines.append(catalog.bilingual("check-done", lang, right=right, total=asked))
    return "\n\n".join(lines)


def progress_text(p: Progress, lang: str, catalog: Catalog) -> str:
    return catalog.bilingual("progress-summary", lang, mastered=p.mastered,
                             learning=p.learning, due=p.due, streak=p.streak_days)


def placement_text(number: int, item: PlacementItem, lang: str, catalog: Catalog) -> str:
    counter = catalog.render("item-counter", lang, number=number + 1, total=4)
    return f"{counter}\n{catalog.bilingual('placement-question', lang)}\n\n" \
           f"<b>{escape(item.question)}</b>"


def family_update_text(update: FamilyUpdate, catalog: Catalog) -> str:
    """A short weekly update in the family's language and English: no scores, no classmates."""
    lang = update.language

    def listing(words: list[tuple[str, str | None]]) -> str:
        return ", ".join(f"<b>{escape(en)}</b>" + (f" ({escape(own)})" if own else "")
                         for en, own in words)

    parts = [catalog.bilingual("family-update-header", lang, name=escape(update.student_name))]
    if update.learned:
        parts.append(catalog.bilingual("family-update-learned", lang, count=len(update.learned),
                                       words=listing(update.learned)))
    if update.practising:
        parts.append(catalog.bilingual("family-update-practising", lang,
                                       words=listing(update.practising)))
        first = update.practising[0]
        parts.append("💬 " + catalog.bilingual("family-question", lang,
                                               word=escape(first[0])))
    parts.append(catalog.bilingual("family-encouragement", lang))
    return "\n\n".join(parts)


def plain_text(text: str) -> str:
    """Telegram HTML -> terminal text (spoilers shown as ||...||, direction marks removed)."""
    text = text.replace("<tg-spoiler>", "||").replace("</tg-spoiler>", "||")
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.replace(RLM, "").replace(FSI, "").replace(PDI, "")
