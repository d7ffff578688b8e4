"""Turn domain results into message text (Telegram HTML) through the prompt catalogue.

Every function here returns `Markup`: prompts rendered by the catalogue (which escapes their
values) joined with tags this module writes itself around `escape`d values. Nothing a person
typed reaches a message any other way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from bot.domain.checks import GAP, Grade, WordRef
from bot.domain.cognates import Relation, relation_for
from bot.domain.mastery import MasteryState, WordStatus
from bot.domain.names import clean_label, clean_name, inert
from bot.domain.placement import PLACEMENT, PlacementItem
from bot.domain.scaffold import (
    ItemType,
    Scaffold,
    letter_blanks,
    scaffold_for,
    sentence_frame,
)
from bot.domain.typed_answers import Verdict
from bot.presentation.i18n import (
    FSI,
    PDI,
    REFERENCE,
    RLM,
    Catalog,
    Markup,
    escape,
    language_name,
    own_line,
    reader_language,
)
from bot.presentation.message_views import word_list
from bot.presentation.push_views import WEEKDAYS
from bot.services.answers import Feedback, WriteInEnglish
from bot.services.checks import Question, ShortCheck
from bot.services.family import WEEK, FamilyUpdate
from bot.services.previews import Page
from bot.services.progress import Progress
from bot.services.readiness import BackOn, NextStep

MESSAGE_LIMIT = 4096
CARD_LIMIT = 900  # one card with its header, levels 1-3: a phone screen, never a scroll
PREVIEW_CHARS = 900  # a multi-card preview message (levels 4-6) holds cards up to this
CAPTION_LIMIT = 1024
_TAG_OR_ENTITY = re.compile(r"<(/?)([a-z-]+)[^>]*>|&[^;\s]*;")

__all__ = ["Markup", "escape"]  # re-exported: handlers escape through views


def name(text: str | None, catalog: Catalog, lang: str) -> str:
    """A person's name as shown: cleaned (old rows too), or a neutral word when none is left."""
    return clean_name(text) or catalog.plain("name-placeholder", lang)


def label(text: str | None) -> str:
    """A class name or pack title as shown: cleaned, even when stored before names were."""
    return clean_label(text) or "-"


def level_text(level: int | None, self_placed: bool, catalog: Catalog, lang: str) -> Markup:
    """A student's level for a teacher: a WIDA level only when a teacher set it; the student's
    own self-placement is labelled as such until the teacher confirms it with /level."""
    if level is None:
        return catalog.render("level-none", lang)
    return catalog.render("level-self-placed" if self_placed else "level-wida", lang, level=level)


def join_lines(parts: Iterable[Markup]) -> Markup:
    """Join Markup lines into one message."""
    return Markup("\n".join(escape(part) for part in parts))


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def cut(text: Markup, limit: int = MESSAGE_LIMIT) -> Markup:
    """Shorten Telegram HTML to `limit` UTF-16 units without breaking a tag or an entity."""
    if utf16_len(text) <= limit:
        return text
    kept = text[:limit - 40]  # room to close the tags left open, and an ellipsis
    while utf16_len(kept) > limit - 40:
        kept = kept[:-max(1, (utf16_len(kept) - limit + 40) // 2)]
    kept = re.sub(r"<[^>]*$|&[^;\s]*$", "", kept)
    open_tags: list[str] = []
    for match in _TAG_OR_ENTITY.finditer(kept):
        closing, tag = match.group(1), match.group(2)
        if tag and closing and open_tags and open_tags[-1] == tag:
            open_tags.pop()
        elif tag and not closing:
            open_tags.append(tag)
    return Markup(kept + "…" + "".join(f"</{tag}>" for tag in reversed(open_tags)))


def split_message(text: Markup, limit: int = MESSAGE_LIMIT) -> list[Markup]:
    """Split a long message into Telegram-sized parts at line breaks (a 120-student roster
    is several messages, not one Telegram refuses); a single overlong line is cut."""
    parts: list[Markup] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        length = utf16_len(line) + 1
        if current and size + length > limit:
            parts.append(Markup("\n".join(current)))
            current, size = [], 0
        if length > limit:
            line = cut(Markup(line), limit)
            length = utf16_len(line) + 1
        current.append(line)
        size += length
    if current:
        parts.append(Markup("\n".join(current)))
    return parts


def card(ref: WordRef, lang: str, scaffold: Scaffold, catalog: Catalog,
         flipped: bool = False) -> Markup:
    """One word card: English and home language, ordered and emphasised for the level."""
    word = ref.word
    gloss = word.glosses.get(lang) if lang != REFERENCE else None
    pos = catalog.render(f"pos-{word.pos}", lang)
    english = f"<b>{escape(word.term)}</b> <i>({pos})</i>"
    out: list[str] = []
    english_block = [english, escape(word.definition), f"<i>{escape(word.example)}</i>"]
    if not scaffold.english_definition:  # levels 1-2: the meaning is in the home language,
        # beside a newcomer's English definition (at most 12 common words) when the pack has one
        plain = [escape(word.simple)] if word.simple else []
        english_block = [english, *plain] if gloss is not None or plain else english_block[:2]
    own_block: list[str] = []
    if gloss is not None:
        own = f"<b>{escape(gloss.term)}</b>"
        if gloss.machine:
            own += " " + catalog.render("machine-translation-mark", lang)
        own_block = [own] + ([escape(gloss.definition)] if gloss.definition else [])
    if own_block and (scaffold.l1_first or flipped):
        out += own_block + english_block
    elif own_block and scaffold.l1_inline:  # one tap away: a spoiler the learner can open
        out += [*english_block, f"<tg-spoiler>{' — '.join(own_block)}</tg-spoiler>"]
    else:
        out += english_block
    if scaffold.emoji and word.emoji:  # the picture leads the card
        out[0] = f"{escape(word.emoji)} {out[0]}"
    if gloss is None and lang != REFERENCE and (scaffold.l1_inline or flipped):
        # Say plainly that this word has no home-language gloss yet, in that language.
        out.append("ℹ️ " + catalog.render("gloss-missing", lang, language=language_name(lang)))
    relation = relation_for(word, lang)
    if not (scaffold.l1_inline or flipped):
        pass  # English only at this level: the home language (and hints about it) on request
    elif relation.relation is Relation.COGNATE and gloss is not None:
        out.append("🤝 " + catalog.render("cognate-hint", lang, term=word.term, own=gloss.term))
    elif relation.relation is Relation.FALSE_FRIEND and gloss is not None:
        out.append("⚠️ " + catalog.render("false-friend-warning", lang, term=word.term,
                                         lookalike=relation.lookalike or "", own=gloss.term))
    if scaffold.sentence_frame:
        frame = sentence_frame(word.term, word.pos, scaffold.level)
        out.append("✍️ " + catalog.render("sentence-frame", lang, frame=frame))
    return Markup("\n".join(out))


def preview_messages(refs: Sequence[WordRef], lang: str, scaffold: Scaffold, catalog: Catalog,
                     flipped: bool = False, new: int | None = None) -> list[Markup]:
    """Cards in phone-sized messages (levels 4-6; levels 1-3 get one card a message): a message
    holds cards up to PREVIEW_CHARS (one card per message when a card alone fills it), the
    header on the first.

    `new` counts the words shown for the first time (None: all of them are new)."""
    header = preview_header(len(refs), new, lang, catalog)
    blocks = [cut(card(ref, lang, scaffold, catalog, flipped), MESSAGE_LIMIT - 2) for ref in refs]
    messages = _pack(header, blocks, PREVIEW_CHARS)
    # As many messages as the budget needs, filled evenly: no 150-character tail.
    average = sum(utf16_len(m) for m in messages) // len(messages)
    for budget in range(average, PREVIEW_CHARS, 50):
        even = _pack(header, blocks, budget)
        if len(even) <= len(messages):
            return even
    return messages


def preview_header(count: int, new: int | None, lang: str, catalog: Catalog) -> Markup:
    """"Your 5 new words", "Your 5 words (2 new today)" when some were seen before, or
    "Words to look at again: 5" when none is new (a push of cards she has read)."""
    if new is None or new == count:
        return catalog.bilingual("preview-header", lang, count=count)
    if new == 0:
        return catalog.bilingual("preview-header-again", lang, count=count)
    return catalog.bilingual("preview-header-words", lang, count=count, new=new)


def card_page(page: Page, catalog: Catalog) -> Markup:
    """One card of a one-card-a-message preview; the first carries the preview's header."""
    block = card(page.ref, page.lang, page.scaffold, catalog, page.flipped)
    if page.index == 0:
        block = Markup(f"{preview_header(page.total, page.new, page.lang, catalog)}\n\n{block}")
    return cut(block, CARD_LIMIT)


def _pack(header: Markup, blocks: Sequence[Markup], budget: int) -> list[Markup]:
    """Cards after the header, a new message whenever the next card would pass `budget`."""
    messages: list[Markup] = []
    current, cards = header, 0
    for block in blocks:
        if cards and utf16_len(current) + 2 + utf16_len(block) > budget:
            messages.append(current)
            current, cards = block, 1
        else:
            current, cards = Markup(f"{current}\n\n{block}"), cards + 1
    messages.append(cut(current))
    return messages


# Items whose stem is a definition or a sentence: at levels 1-3 the instruction comes in both
# languages and the stem once, on its own line, so a newcomer never reads the longest text
# twice. Reverse and meaning items keep one line per language: their stem is one bold word,
# and the word inside the sentence reads better than on a line of its own.
_LONG_STEM = {"item-choice": "item-choice-ask", "item-cloze": "item-cloze-ask",
              "item-cloze-typed": "item-cloze-typed-ask", "item-typed": "item-typed-ask"}


def question_text(question: Question, catalog: Catalog) -> Markup:
    """The text of one check item, in both languages at low levels (its stem once)."""
    item, lang = question.item, question.lang
    key = {ItemType.CHOICE: "item-choice", ItemType.POLL: "item-choice",
           ItemType.REVERSE: "item-reverse", ItemType.CLOZE: "item-cloze",
           ItemType.TYPED: "item-typed", ItemType.LISTEN: "item-listen"}[item.item_type]
    if item.asks_meaning:
        key = "item-meaning"
    if item.item_type is ItemType.CLOZE and item.typed:
        key = "item-cloze-typed"
    if item.item_type is ItemType.CLOZE:
        prompt = Markup(escape(item.prompt).replace(GAP, f"<b>{GAP}</b>"))
    else:  # a definition ends with a full stop; the question adds its own punctuation
        prompt = escape(item.prompt.rstrip(". "))
    counter = catalog.render("item-practice", lang) if question.practice else catalog.render(
        "item-counter", lang, number=question.number, total=question.total)
    if question.level is not None and question.level > 3:  # English only from level 4 on
        return join_lines([counter, catalog.render(key, REFERENCE, prompt=prompt)])
    intro = [catalog.bilingual("item-typed-intro", lang)] if question.intro else []
    if key in _LONG_STEM:
        return join_lines([counter, *intro, catalog.bilingual(_LONG_STEM[key], lang),
                           own_line(Markup(f"<i>{prompt}</i>")), *_letters(question, catalog)])
    return join_lines([counter, *intro, catalog.bilingual(key, lang, prompt=prompt),
                       *_letters(question, catalog)])


def _letters(question: Question, catalog: Catalog) -> list[Markup]:
    """Levels 1-2, a typed question: "✏️ _ _ _ _ _ _ _ (7 letters)" (scaffold.letter_blanks
    says why blanks), in the home language only: the blanks say it to any reader."""
    if not question.item.typed or not scaffold_for(question.level).letter_blanks:
        return []
    blanks, count = letter_blanks(question.item.answer)
    # (a right-to-left prompt isolates the blanks, so a phrase's words keep their order)
    return [catalog.render("item-letters", question.lang, count=count, blanks=blanks)]


def short_check_text(short: ShortCheck, lang: str, catalog: Catalog,
                     lead: str = "check-short") -> Markup:
    """Why this check is short (few words are ready): kind, not a score. `lead`
    "check-not-yet": why there is no check yet (levels 1-2: no fair options), and when more
    words come. A short check that asks something leaves "when" to its last message, which
    knows the words just answered: "in 3 days" above the questions and "tomorrow" under them
    (playtest 14) told a child two different things. A check short because ready words to
    write wait for her next one (levels 1-2) says so: "only a few are ready" would be untrue."""
    if lead == "check-short" and short.written_later:
        lead = "check-short-written"
    lines = [catalog.bilingual(lead, lang)]
    if short.new_cards:  # their cards are just above: they come in the next check
        lines.append(catalog.bilingual("check-short-new-cards", lang))
    elif short.back is not None and lead != "check-short":
        key, values = comes_back(short.back, after_check=True)
        lines.append(catalog.bilingual(key, lang, **values))
    return join_lines(lines)


def poll_question(question: Question, catalog: Catalog) -> str:
    """A quiz poll's question (plain text: send it without a parse mode; at most 300 chars).

    A check opens with its poll, so the poll says how many questions follow, as any item does.
    At levels 1-3 the instruction comes in the home language and then in English, and the
    definition once, on its own line, as in every other question (the English instruction is
    left out when all of it does not fit in Telegram's 300 characters). From level 4 on, one
    English line.
    """
    counter = catalog.plain("item-counter", question.lang, number=question.number,
                            total=question.total)
    prompt = question.item.prompt.rstrip(". ")
    if question.level is not None and question.level > 3:
        text = f"{counter}\n{catalog.plain('poll-question', REFERENCE, prompt=prompt)}"
    else:
        own = catalog.plain("item-choice-ask", question.lang)
        english = catalog.plain("item-choice-ask", REFERENCE)
        asked = [own] if english == own else [own, english]
        stem = own_line(inert(prompt))
        text = "\n".join([counter, *asked, stem])
        if len(text) > 300:
            text = "\n".join([counter, own, stem])
    return text if len(text) <= 300 else text[:297] + "..."


def spelled(grade: Grade) -> str | Markup:
    """The right answer, its letters the student wrote otherwise underlined (a forgiven slip:
    "ecos<u>y</u>stem"), so a child who always slips the same letter sees which one."""
    if not grade.slip:
        return grade.expected
    return Markup("".join(f"<u>{escape(text)}</u>" if differs else escape(text)
                          for text, differs in grade.slip))


def feedback_text(feedback: Feedback, catalog: Catalog) -> Markup:
    """Immediate, kind feedback with the right answer, in both languages."""
    lang, grade = feedback.lang, feedback.grade
    params = {"answer": spelled(grade), "term": feedback.term,
              "own": feedback.l1_term or feedback.term}
    if grade.correct and grade.exact:
        key = "feedback-right"
    elif grade.correct:
        key = "feedback-right-typo"
    elif grade.verdict is Verdict.DONT_KNOW:  # 🤷, or "no sé": "That's OK. The word is ..."
        key = "feedback-dont-know" if feedback.l1_term else "feedback-dont-know-no-gloss"
    else:  # the answer with its home-language word, when there is one ("compare (compare)")
        key = "feedback-wrong" if feedback.l1_term else "feedback-wrong-no-gloss"
    parts = [catalog.bilingual(key, lang, **params)]
    if feedback.chosen is not None and not feedback.false_friend:  # what her tap means, in
        # her language (one line): a mix-up (food web for food chain) is seen as one
        chosen, meaning = feedback.chosen
        parts[0] = join_lines([parts[0], catalog.render("feedback-you-chose", lang,
                                                        chosen=chosen, meaning=meaning)])
    if feedback.false_friend:  # the trap the card warned about: the same warning, again
        parts.append("⚠️ " + catalog.render("false-friend-warning", lang, term=feedback.term,
                                           lookalike=feedback.false_friend,
                                           own=params["own"]))
    if feedback.newly_mastered:
        parts.append("🏅 " + catalog.bilingual("word-mastered", lang, term=params["term"]))
    if feedback.reteach is not None:  # missed again: the card again, home language first
        parts.append(join_lines([catalog.bilingual("reteach-card", lang), card(
            feedback.reteach, lang, scaffold_for(feedback.level), catalog, flipped=True)]))
    if feedback.score is not None:
        right, asked = feedback.score
        level = scaffold_for(feedback.level).level
        parts.append(catalog.bilingual(check_done_key(right, asked, feedback.slipped, level),
                                       lang, right=right, total=asked))
        after = after_check_prompt(feedback.next, low_score(right, asked), level)
        if after is not None:
            key, values = after
            parts[-1] = join_lines([parts[-1], catalog.bilingual(key, lang, **values)])
    return Markup("\n\n".join(parts))


def home_word_text(refs: Sequence[WordRef], lang: str, catalog: Catalog) -> Markup:
    """A home-language word the student typed, answered with the English word(s) it means."""
    lines = [catalog.render("home-word", lang, gloss=ref.word.glosses[lang].term,
                            term=ref.word.term,
                            emoji=f" {ref.word.emoji}" if ref.word.emoji else "")
             for ref in refs if lang in ref.word.glosses]
    return join_lines([*lines, catalog.bilingual("home-word-hint", lang)])


def check_done_key(right: int, asked: int, slipped: bool = False, level: int = 3) -> str:
    """The end-of-check message depends on the score: no "keep going" on 0 of 5. A low score
    calls the words "still new" only when none of the missed ones was ever answered right
    (`slipped`: one was, so it slipped away, which practice brings back). At levels 1-2 a low
    score gets one short, kind line either way: the why is too much to read in a new
    language, twice."""
    if asked and right == asked:
        return "check-done-all"
    if not low_score(right, asked):
        return "check-done"
    if level <= 2:
        return "check-done-low-short"
    return "check-done-slipped" if slipped else "check-done-low"


def low_score(right: int, asked: int) -> bool:
    """Under half right: the check's end points to the cards (/words), not to a new check."""
    return right * 2 < asked


def after_check_prompt(step: NextStep | None, low: bool, level: int = 3
                       ) -> tuple[str, dict[str, int]] | None:
    """The line under a check's score: what comes next, as /progress says it (None: no line).
    After a low score the cards come first (the score's line says /words), so words ready
    for a check wait "after the cards"; at levels 1-2 that line is left out, one less to read
    in a new language: the cards end with ✅ Check, which asks those words."""
    if step is None:
        return None
    if low and step.ready:
        return None if level <= 2 else ("check-done-low-next-check", {"count": step.ready})
    if not (step.ready or step.waiting or step.back is not None):
        return None
    return next_step_prompt(step, after_check=True)


def progress_text(p: Progress, lang: str, catalog: Catalog) -> Markup:
    """/progress: at levels 1-2 three short lines (words by state, days in a row, what to do
    next); else the words met by state (the four add up), reviews due and the streak."""
    build = _short_progress if p.short else _full_progress
    lines = build(p, lang, catalog)
    if lang == REFERENCE or lines == (english := build(p, REFERENCE, catalog)):
        return lines
    return join_lines([lines, english])


def _short_progress(p: Progress, lang: str, catalog: Catalog) -> Markup:
    step = catalog.render("progress-question-waiting", lang) if p.open_question \
        else next_step(p.step, lang, catalog)  # not "All done" under an unanswered question
    return join_lines([word_states(p.counts, lang, catalog), *_streak(p, lang, catalog), step])


def _full_progress(p: Progress, lang: str, catalog: Catalog) -> Markup:
    waiting = [catalog.render("progress-question-waiting", lang)] if p.open_question else []
    return join_lines([catalog.render("progress-summary", lang, met=p.met, new=p.new,
                                      learning=p.learning, reviewing=p.reviewing,
                                      mastered=p.mastered, due=p.due),
                       *_streak(p, lang, catalog), *waiting])


def _streak(p: Progress, lang: str, catalog: Catalog) -> list[Markup]:
    """The days in a row, once there is one: "Days in a row: 0" greets a student who has just
    joined or come back with a zero."""
    return [catalog.render("progress-streak", lang, streak=p.streak_days)] \
        if p.streak_days else []


def next_step(step: NextStep, lang: str, catalog: Catalog) -> Markup:
    """What to do now, in one line of the student's language."""
    key, values = next_step_prompt(step)
    return catalog.render(key, lang, **values)


# When words come back: /progress and an empty /check say "✅ All done for now" first; under a
# check's score the ✅ would read as "right" after a miss, so the plain line comes instead.
LATER = {False: "progress-next", True: "check-short-next"}
# A school day this week is named ("on Monday"): a child at levels 1-2 reads a weekday more
# easily than "in 3 days", and works out no sum. A week or more away is counted in days, since
# "on Monday" would not say which one.
NAMED_DAYS = 7


def next_step_prompt(step: NextStep, after_check: bool = False) -> tuple[str, dict[str, int]]:
    """What to do now: a check when words are ready, cards to read, or when words come back
    (/progress, a check's last message and an empty /check all say it this one way)."""
    if step.ready:
        return "progress-next-check", {"count": step.ready}
    if step.waiting:
        return "progress-next-words", {}
    if step.back is None:
        return "progress-next-none", {}
    return comes_back(step.back, after_check)


def comes_back(back: BackOn, after_check: bool = False) -> tuple[str, dict[str, int]]:
    """The school day words come back, never a weekend or a holiday (BackOn): "later today",
    "tomorrow", the weekday within a week ("on Monday"), else "in 10 days"."""
    later = LATER[after_check]
    if back.in_days == 0:
        return f"{later}-today", {}
    if back.in_days == 1:
        return f"{later}-tomorrow", {}
    if back.in_days < NAMED_DAYS:  # a school day: Monday to Friday
        return f"{later}-{WEEKDAYS[back.day.weekday()]}", {}
    return f"{later}-days", {"days": back.in_days}


def write_in_english(ask: WriteInEnglish) -> tuple[str, dict[str, object]]:
    """What a typed answer that is not English gets, and its values: this word's own gloss is
    praised as the student's word; other text is named as the language it looks like, in the
    reader's words ("That looks like Arabic"), or not named when no rule can tell."""
    if ask.own_word and ask.lang is not None:
        return "typed-home-language", {"typed": ask.typed, "language": language_name(ask.lang)}
    if ask.lang is None:
        return "typed-not-english-unnamed", {}
    return "typed-not-english", {"language": reader_language(ask.lang)}


def nothing_to_check(step: NextStep | None) -> tuple[str, dict[str, int]]:
    """What /check says when no word is ready and no card waits: when words come back, or
    that there are none to study ("no-words") when none will."""
    if step is None or step.back is None:
        return "no-words", {}
    return next_step_prompt(step)


# The four states as every view marks and names them: a student's /progress, the teacher's
# /student (and /roster, through STATUS_MARKS), the chart's bars (chart-<state> prompts).
STATE_MARKS = {MasteryState.NEW: "🆕", MasteryState.LEARNING: "📖",
               MasteryState.REVIEWING: "🔁", MasteryState.MASTERED: "⭐"}


def word_states(counts: Sequence[int], lang: str, catalog: Catalog) -> Markup:
    """Words by state in one line, the states that have any ("🆕 New: 1 · 🔁 Reviewing: 3"):
    the same names and marks for the student and the teacher. `counts` in MasteryState order."""
    parts = [Markup(f"{STATE_MARKS[state]} ") + catalog.render(
        "state-count", lang, state=catalog.render(f"chart-{state}", lang), count=count)
             for state, count in zip(MasteryState, counts, strict=True) if count]
    return Markup(" · ".join(parts)) if parts else catalog.render("state-count-none", lang)


# The five statuses a teacher reads (word_status): /roster counts them, /report groups by them
# and /student marks each word with them; a word whose card was opened but not answered yet reads
# "Opened, not answered yet" on /roster ("New: 13" read as nothing done: teacher playtest).
STATUS_MARKS = {WordStatus.NOT_STARTED: ("🆕", "status-opened-unanswered"),
                WordStatus.LEARNING: ("📖", "chart-learning"),
                WordStatus.REVIEWING: ("🔁", "chart-reviewing"),
                WordStatus.NEEDS_HELP: ("⚠️", "status-needs-help"),
                WordStatus.MASTERED: ("⭐", "chart-mastered")}


def word_statuses(counts: Sequence[int], lang: str, catalog: Catalog) -> Markup:
    """A student's words by status in one line, the statuses that have any ("📖 Learning: 2 ·
    ⚠️ Needs help: 1"): /report's rule, so /roster and /report agree. `counts` in WordStatus
    order."""
    parts = [Markup(f"{STATUS_MARKS[status][0]} ") + catalog.render(
        "state-count", lang, state=catalog.render(STATUS_MARKS[status][1], lang), count=count)
             for status, count in zip(WordStatus, counts, strict=True) if count]
    return Markup(" · ".join(parts)) if parts else catalog.render("state-count-none", lang)


PROGRESS_BARS = (("chart-new", "⬜"), ("chart-learning", "🟨"), ("chart-reviewing", "🟦"),
                 ("chart-mastered", "🟩"))


def progress_counts(p: Progress) -> tuple[int, int, int, int]:
    """The four states in the chart's order: new, learning, reviewing, mastered."""
    return p.new, p.learning, p.reviewing, p.mastered


def progress_bars(p: Progress, lang: str, catalog: Catalog) -> Markup:
    """The progress chart as text bars in the learner's language, for scripts the chart font
    cannot draw (Arabic, Chinese, Korean)."""
    rows = [(key, count, block) for (key, block), count in zip(PROGRESS_BARS,
                                                                progress_counts(p), strict=True)]
    peak = max(1, *(count for _, count, _ in rows))
    lines = [Markup(f"<b>{catalog.render('chart-progress-title', lang)}</b>")]
    for key, count, block in rows:
        bar = block * max(1, round(10 * count / peak)) if count else "▫️"
        lines.append(Markup(f"{catalog.render(key, lang)}: {count} {bar}"))
    return join_lines(lines)


def placement_text(number: int, item: PlacementItem, lang: str, catalog: Catalog) -> Markup:
    counter = catalog.render("item-counter", lang, number=number + 1, total=len(PLACEMENT))
    if number:  # the instructions once, on the first question: later ones stay short
        return Markup(f"{counter}\n\n<b>{escape(item.question)}</b>")
    return Markup(f"{counter}\n{catalog.bilingual('placement-ask', lang)}\n\n"
                  f"<b>{escape(item.question)}</b>")


def family_update_text(update: FamilyUpdate, catalog: Catalog) -> Markup:
    """A short weekly update in the family's language only: the English words stand out in
    bold beside their gloss, listed the language's way; no scores, no classmates."""
    lang = update.language
    child = name(update.student_name, catalog, lang)
    parts = [catalog.render("family-week-header", lang, name=child), _practised(update, child,
                                                                                catalog)]
    if update.learned:
        parts += [catalog.render("family-week-learned", lang, name=child,
                                 count=len(update.learned)),
                  word_list(update.learned, lang)]
    if update.practising:
        parts += [catalog.render("family-week-practising", lang),
                  word_list(update.practising, lang),
                  catalog.render("family-week-ask", lang, name=child,
                                 word=update.practising[0][0], language=language_name(lang))]
    parts.append(catalog.render("family-week-footer", lang))
    return Markup("\n".join(parts))


def _practised(update: FamilyUpdate, child: str, catalog: Catalog) -> Markup:
    """How many of the school days in the last 7 days (or since they started) the child
    practised, and apart the other days they practised (a weekend, a holiday): a child who
    joined today has not missed six days, a weekend without practice is no day missed, and a
    weekend with practice is no school day."""
    lang = update.language
    other = [catalog.render("family-week-other-days", lang, count=update.other_days)] \
        if update.other_days else []
    if update.since <= 1 or not (update.out_of or other):  # started today, or no day yet
        return catalog.render("family-week-first-day", lang, name=child)
    if not update.out_of:  # started on a weekend, and practised on it
        return join_lines(other)
    if update.since < WEEK:
        days = catalog.render("family-week-days-since", lang, name=child, days=update.days,
                              since=update.out_of)
    else:
        days = catalog.render("family-week-days", lang, name=child, days=update.days,
                              total=update.out_of)
    return join_lines([days, *other])


def plain_text(text: str) -> str:
    """Telegram HTML -> terminal text (spoilers shown as ||...||, direction marks removed)."""
    text = text.replace("<tg-spoiler>", "||").replace("</tg-spoiler>", "||")
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.replace(RLM, "").replace(FSI, "").replace(PDI, "")
