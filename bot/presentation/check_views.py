"""A check as a student reads it: the question, a quiz poll's text, the feedback after an
answer, the check's last message, and a placement question."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Any

from bot.domain.checks import Grade
from bot.domain.cognates import same_word
from bot.domain.gaps import GAP
from bot.domain.names import inert
from bot.domain.packs import short_gloss
from bot.domain.placement import PlacementItem
from bot.domain.scaffold import (
    ItemType,
    scaffold_for,
)
from bot.domain.tiles import TILE_MARK, one_line
from bot.domain.typed_answers import Verdict
from bot.presentation.card_views import (
    card,
    pair_cards,
)
from bot.presentation.i18n import (
    REFERENCE,
    RLM,
    Catalog,
    Markup,
    Said,
    escape,
    language_name,
    own_line,
    reader_language,
)
from bot.presentation.keyboards import dont_know_label
from bot.presentation.progress_views import (
    LATER,
    comes_back,
    next_step_prompt,
)
from bot.presentation.views import (
    join_lines,
    utf16_len,
)
from bot.services.answers import ExplainQuestion, Feedback, WriteInEnglish
from bot.services.checks import Question, ShortCheck
from bot.services.readiness import BackOn, NextStep

# Items whose stem is a definition or a sentence: at levels 1-3 the instruction comes in both
# languages and the stem once, on its own line, so a newcomer never reads the longest text
# twice. Reverse and meaning items keep one line per language: their stem is one bold word,
# and the word inside the sentence reads better than on a line of its own.
_LONG_STEM = {"item-choice": "item-choice-ask", "item-cloze": "item-cloze-ask",
              "item-cloze-typed": "item-cloze-typed-ask", "item-typed": "item-typed-ask"}

# A level-1 tile screen's one line (tiles.one_line): the question and how to spell its answer
_ONE_LINE = {"item-choice": "item-tiles-choice", "item-reverse": "item-tiles-reverse"}


def question_text(question: Question, catalog: Catalog, tiles: bool = False) -> Markup:
    """The text of one check item, in both languages at low levels (its stem once). `tiles`:
    a typed question once "🔤" shows its letter tiles, which say how to answer with them
    instead of "Type the English word" (playtest, Hmong level 1: the type line stayed), as
    one whose tiles show from the start (level 1: Question.opens_with_tiles) does. At level 1
    a tile screen is one line in her language over the stem (tiles.one_line)."""
    item, lang = question.item, question.lang
    tiled = tiles or question.opens_with_tiles
    key = {ItemType.CHOICE: "item-choice", ItemType.POLL: "item-choice",
           ItemType.REVERSE: "item-reverse", ItemType.CLOZE: "item-cloze",
           ItemType.TYPED: "item-typed", ItemType.LISTEN: "item-listen"}[item.item_type]
    if item.item_type is ItemType.TYPED and tiled:  # the word is spelled, not typed
        key = "item-choice"
    if item.asks_meaning:
        key = "item-meaning"
    if item.item_type is ItemType.CLOZE and item.typed and not tiled:
        key = "item-cloze-typed"
    if item.item_type is ItemType.CLOZE:
        prompt = Markup(escape(item.prompt).replace(GAP, f"<b>{GAP}</b>"))
    else:  # a definition ends with a full stop; the question adds its own punctuation
        prompt = escape(item.prompt.rstrip(". "))
    first = question.english_first  # levels 5-6: "Question 1/5"
    counter = catalog.bilingual("item-practice", lang, english_first=first) \
        if question.practice else catalog.render("item-counter", REFERENCE if first else lang,
                                                 number=question.number, total=question.total)
    if question.level is not None and question.level > 3:  # English only from level 4 on
        return join_lines([counter, catalog.render(key, REFERENCE, prompt=prompt)])
    if tiled and key in _ONE_LINE and one_line(question.level):  # level 1: one line, hers
        stem = [own_line(Markup(f"<i>{prompt}</i>"))] if key in _LONG_STEM else []
        return join_lines([counter, catalog.render(_ONE_LINE[key], lang, prompt=prompt), *stem])
    # The first typed question's one-time line (levels 1-2) holds the question's own
    # instruction: one line in each language, not the line and then the instruction again
    # (four lines of instructions over one word to write: playtest, Hmong level 1)
    ask = Said(_LONG_STEM[key]) if key in _LONG_STEM else Said(key, (("prompt", prompt),))
    line = catalog.bilingual(question.intro, lang, ask=ask) if question.intro else \
        catalog.bilingual(ask.key, lang, **dict(ask.params))
    stem = [own_line(Markup(f"<i>{prompt}</i>"))] if key in _LONG_STEM else []
    if tiled:  # how to answer with tiles (the spelling line comes with them: tile_screen.py);
        # a typed question still takes a typed answer, and says so, except to a child marked
        # "letters first" (her Yes, or her teacher's switch): all Puente knows of a child with
        # no keyboard, who could not act on it (a child who types does so unasked)
        how = "item-tiles-typed" if item.typed and not question.letters_first else "item-tiles"
        return join_lines([counter, line, *stem, catalog.bilingual(how, lang)])
    return join_lines([counter, line, *stem])


def short_check_text(short: ShortCheck, lang: str, catalog: Catalog,
                     lead: str = "check-short", english_first: bool = False,
                     cards_read: bool = False, hers_alone: bool = False) -> Markup:
    """Why this check is short (few words are ready): kind, not a score. `lead`
    "check-not-yet": why there is no check yet (levels 1-2: no fair options), and when more
    words come. A short check that asks something leaves "when" to its last message, which
    knows the words just answered: "in 3 days" above the questions and "tomorrow" under them
    (playtest 14) told a child two different things. A check short because ready words to
    write wait for her next one (levels 1-2) says so: "only a few are ready" would be untrue.
    New cards just sent in one bundle (`cards_read`, levels 4-6) count as read: their words
    come in the very next check ("after you have read their cards", then "👉 3 words ready:
    /check" after one question, told a level-5 student two things, playtest). A level 1-2
    student who has read every card she was sent is told the new cards (this /check unlocked
    them) come after it: "after you have read their cards", over a check asking the words she
    had read, named cards she was never sent (playtest, Hmong level 2). It does not say she
    has read all her cards: the check before, /progress and the reminder had offered the new
    ones, unopened, and "You have read all your cards" contradicted them (playtest, Somali
    level 1). `hers_alone`: over a level-1 tile screen, which is one line in her language
    (tiles.one_line), the lines are hers alone: opening the screen's message, their English
    stayed over every tap of her spelling (playtest, Somali level 1)."""
    if lead == "check-short" and short.written_later:
        lead = "check-short-written"

    def said(key: str, **values: Any) -> Markup:
        return catalog.render(key, lang, **values) if hers_alone else \
            catalog.bilingual(key, lang, english_first=english_first, **values)

    lines = [said(lead)]
    if short.new_cards:  # their cards are just above, or come after it: the next check
        key = "check-short-new-cards-read" if cards_read else \
            "check-short-new-cards-after" if short.cards_after else "check-short-new-cards"
        lines.append(said(key))
    elif short.back is not None and lead != "check-short":
        key, values = comes_back(short.back, LATER[True])
        lines.append(said(key, **values))
    return join_lines(lines)


POLL_QUESTION_CHARS = 300  # Telegram: a poll question is 1-300 characters
POLL_OPTION_CHARS = 100  # a poll option 1-100 characters
MAX_POLL_OPTIONS = 10  # and a poll has 2-10 of them


def poll_question(question: Question, catalog: Catalog) -> str:
    """A quiz poll's question (plain text: send it without a parse mode; at most 300
    characters, no direction controls but a line's leading RLM, see `poll_text`).

    A check opens with its poll, so the poll says how many questions follow, as any item does.
    At levels 1-3 the instruction comes in the home language and then in English, and the
    definition once, on its own line, as in every other question (the English instruction is
    left out when all of it does not fit in Telegram's 300 characters). From level 4 on, one
    English line, the definition on a line of its own when it is written right to left.
    """
    first = question.english_first  # levels 5-6: "Question 1/5"
    counter = catalog.plain("item-counter", REFERENCE if first else question.lang,
                            number=question.number, total=question.total)
    prompt = question.item.prompt.rstrip(". ")
    if question.level is not None and question.level > 3:
        if _right_to_left_in(prompt):  # inside an English line it would read out of order
            ask = catalog.plain("poll-question", REFERENCE, prompt="").rstrip()
            return poll_text("\n".join([counter, ask, prompt]), POLL_QUESTION_CHARS)
        return poll_text(f"{counter}\n{catalog.plain('poll-question', REFERENCE, prompt=prompt)}",
                         POLL_QUESTION_CHARS)
    own = catalog.plain("item-choice-ask", question.lang)
    english = catalog.plain("item-choice-ask", REFERENCE)
    asked = [own] if english == own else [own, english]
    whole = "\n".join([counter, *asked, prompt])
    if utf16_len(_poll_lines(whole)) > POLL_QUESTION_CHARS:
        whole = "\n".join([counter, own, prompt])
    return poll_text(whole, POLL_QUESTION_CHARS)


def poll_text(text: str, limit: int) -> str:
    """Text for a poll, which Telegram shows as plain text, marks and all: each line without
    direction controls (an isolate some phones draw as a box, or an unpaired one left by a
    cut that turns the rest of the poll around; playtest, Arabic poll titles), a line with
    right-to-left words that opens with a left-to-right one led by one RLM, so it still reads
    right to left ("DNA في كل كائن حي"), and at most `limit` UTF-16 units, cut at a space
    with "…". Numbers need no isolate: "السؤال 2/3" reads "2/3" (Unicode's rules keep digits
    and the slash between them together, left to right)."""
    text = _poll_lines(text)
    if utf16_len(text) <= limit:
        return text
    kept = text
    while utf16_len(kept) > limit - 1:
        kept = kept[:-1]
    if " " in kept[len(kept) // 2:]:  # a word cut in two reads as another word
        kept = kept[:kept.rindex(" ")]
    return kept.rstrip(" \n" + RLM) + "…"


def _poll_lines(text: str) -> str:
    """`poll_text` without the cut: each line cleaned, and led by an RLM where it needs one."""
    lines = [inert(line).strip() for line in text.split("\n")]
    return "\n".join(RLM + line if _right_to_left_in(line) and not _opens_right_to_left(line)
                     else line for line in lines if line)


def _right_to_left_in(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _opens_right_to_left(line: str) -> bool:
    """Whether the line's first strong letter is right-to-left (Telegram's line direction)."""
    kind = next((k for c in line if (k := unicodedata.bidirectional(c)) in ("L", "R", "AL")),
                None)
    return kind in ("R", "AL")


def poll_options(question: Question, catalog: Catalog) -> list[str] | None:
    """A quiz poll's options (plain text, as `poll_text`), or None when an option is too long
    for a poll (the question is asked with buttons). At levels 1-2 "🤷 I don't know" comes
    last, the button's words, when Telegram's limits leave room: a vote on it grades as the
    button does (answers.answer_poll), and the poll's quiz answer is still the item's."""
    options = [_poll_lines(o) for o in question.item.options]
    if not all(0 < utf16_len(o) <= POLL_OPTION_CHARS for o in options):
        return None
    shrug = _poll_lines(dont_know_label(catalog, question.lang))
    if (scaffold_for(question.level).dont_know and len(options) < MAX_POLL_OPTIONS
            and utf16_len(shrug) <= POLL_OPTION_CHARS):
        options.append(shrug)
    return options


# A missed word's feedback names the day it is asked again (Feedback.back), as
# /progress names the day words come back: "soon" promised what 9 school days broke (playtest).
BACK = "feedback-back"
PRACTICE_FIRST = "feedback-back-practice"  # "You will practice it again in this check. {back}"
RETEACH_SHORT = "reteach-card-short"  # levels 1-2: the one line before a re-taught card


def back_said(back: BackOn | None) -> Said:
    """When a missed word is asked again: "tomorrow", "on Monday", "in 10 days (Mon 14 Dec)";
    "soon" only when no day is known."""
    if back is None:
        return Said(f"{BACK}-soon")
    key, values = comes_back(back, BACK)
    return Said(key, tuple(values.items()))


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
    first = scaffold_for(feedback.level).english_first  # levels 5-6: English, then hers
    # "gas (gas)" says the word twice: a home-language word written as the English one is
    # left out, as when there is none; and beside the English word, the gloss without its
    # bracketed explanation, as the question named it ("expression (식 (문자식))" read as
    # nested brackets: Korean playtest)
    l1_term = short_gloss(feedback.l1_term) if feedback.l1_term and not same_word(
        feedback.term, feedback.l1_term) else None
    params = {"answer": spelled(grade), "term": feedback.term, "own": l1_term or feedback.term}
    if grade.correct and grade.exact:
        key = "feedback-right"
    elif grade.correct:
        key = "feedback-right-typo"
    elif grade.verdict is Verdict.DONT_KNOW:  # 🤷, or "no sé": "That's OK. The word is ..."
        key = "feedback-dont-know" if l1_term else "feedback-dont-know-no-gloss"
    else:  # the answer with its home-language word, when there is one
        key = "feedback-wrong" if l1_term else "feedback-wrong-no-gloss"
    if not grade.correct:  # a word re-taught is practised in this check before it comes
        # back: "you will see it tomorrow" over "🔁 Practice again" told two things (playtest)
        back = back_said(feedback.back)
        params["back"] = Said(PRACTICE_FIRST, (("back", back),)) \
            if feedback.reteach is not None else back
    if _short_reteach(feedback):
        return _reteach_short(feedback, catalog)
    parts = [join_lines([catalog.bilingual(key, lang, english_first=first, **params),
                         *_tile_spelling(feedback)])]
    if (feedback.chosen is not None and not feedback.false_friend
            and not same_word(*feedback.chosen)):  # what her tap means, so a mix-up (food
        # web for food chain) is seen as one ("solid means solid" says nothing), in her
        # language and English, as every other line of the feedback (playtest: a Hmong
        # level-1 child read this one line in Hmong alone)
        chosen, meaning = feedback.chosen
        parts[0] = join_lines([parts[0], catalog.bilingual(
            "feedback-you-chose", lang, english_first=first, chosen=chosen, meaning=meaning)])
    if feedback.false_friend:  # the trap the card warned about: the same warning, again
        parts.append("⚠️ " + catalog.render("false-friend-warning", lang, term=feedback.term,
                                           lookalike=feedback.false_friend,
                                           own=params["own"]))
    if feedback.newly_mastered:
        parts.append("🏅 " + catalog.bilingual("word-mastered", lang, english_first=first,
                                              term=params["term"]))
    elif feedback.spelling_held:  # "Check the spelling" alone left mastery waiting unsaid
        parts.append("⭐ " + catalog.bilingual("word-mastered-spelling", lang, english_first=first,
                                              term=params["term"]))
    if feedback.reteach is not None and feedback.mixed_with is not None:  # two words she
        # mixes up: both, side by side, before "Practice again" asks which is which
        parts.append(join_lines([catalog.bilingual("mixed-up-card", lang, english_first=first),
                                 pair_cards((feedback.reteach, feedback.mixed_with), lang,
                                            scaffold_for(feedback.level), catalog)]))
    elif feedback.reteach is not None:  # missed again: the card again, home language first
        parts.append(join_lines([catalog.bilingual("reteach-card", lang, english_first=first),
                                 card(feedback.reteach, lang, scaffold_for(feedback.level),
                                      catalog, flipped=True)]))
    if feedback.score is not None:
        right, asked = feedback.score
        level = scaffold_for(feedback.level).level
        # a 🤷 on the one word missed: she said she did not know it; nothing slipped
        said = asked - right == 1 and feedback.grade.verdict is Verdict.DONT_KNOW
        parts.append(catalog.bilingual(check_done_key(right, asked, feedback.slipped, level,
                                                      said_dont_know=said),
                                       lang, english_first=first, right=right, total=asked))
        if feedback.practice_right:  # told "✅ Right!" on a practice item, then "0 of 3
            # right": the practice is said apart, as the score leaves it out (playtest)
            parts[-1] = join_lines([parts[-1], catalog.bilingual(
                "check-done-practice", lang, english_first=first,
                count=feedback.practice_right)])
        after = after_check_prompt(feedback.next, low_score(right, asked), level)
        if after is not None:
            key, values = after
            parts[-1] = join_lines([parts[-1], catalog.bilingual(key, lang, english_first=first,
                                                                 **values)])
    if feedback.offer_letters:  # once, at level 2: its ✅ Yes and No are under the message
        parts.append(catalog.bilingual("letters-offer", lang, english_first=first))
    return Markup("\n\n".join(parts))


RIGHT_MARK = "✔️"  # the word as it is spelled, bare, above her tiles' letters


def _tile_spelling(feedback: Feedback) -> list[Markup]:
    """A tiles answer missed or forgiven a slip: what she spelled, under the right word, its
    letters that differ from the word's underlined ("🔤 <u>c</u><u>e</u>osystem"), so a
    level-1 reader compares them letter by letter (the spelling line she tapped is gone: the
    feedback takes its place). No words: the mark and the letters say it in any language."""
    spelling, grade = feedback.spelled, feedback.grade
    if not spelling or (grade.correct and grade.exact):
        return []
    word = grade.expected
    kept = _letters_in_place(word.casefold(), spelling.casefold())
    letters = "".join(escape(c) if i in kept else f"<u>{escape(c)}</u>"
                      for i, c in enumerate(spelling))
    # the word bare above her letters: a sentence around it left nothing to compare against
    return [Markup(f"{RIGHT_MARK} <b>{escape(word)}</b>\n{TILE_MARK} {letters}")]


def _letters_in_place(word: str, spelling: str) -> set[int]:
    """The positions of `spelling` that match `word` in order (difflib's longest matching
    blocks): one extra letter first no longer marks every letter after it (a re-playtest's
    "pecosyste" under "ecosystem" showed 9 of 9 underlined beside "Right!")."""
    blocks = SequenceMatcher(None, word, spelling, autojunk=False).get_matching_blocks()
    return {b.b + k for b in blocks for k in range(b.size)}


def _short_reteach(feedback: Feedback) -> bool:
    """Levels 1-2, one word re-taught mid-check: four lines of feedback, then its whole card,
    then the next question were too long for an 8-year-old (playtest): the card says the
    answer, so one line (and its English) leads to it."""
    return (feedback.reteach is not None and feedback.mixed_with is None
            and feedback.score is None and scaffold_for(feedback.level).level <= 2
            and not feedback.false_friend and not feedback.newly_mastered)


def _reteach_short(feedback: Feedback, catalog: Catalog) -> Markup:
    """A level 1-2 miss re-taught: at most two short lines (home language, then English)
    before the card, home language first."""
    assert feedback.reteach is not None
    key = RETEACH_SHORT + ("-dont-know" if feedback.grade.verdict is Verdict.DONT_KNOW else "")
    return join_lines([catalog.bilingual(key, feedback.lang), *_tile_spelling(feedback),
                       card(feedback.reteach, feedback.lang, scaffold_for(feedback.level),
                            catalog, flipped=True)])


_COMMAND = re.compile(r"(?<![\w/])/(check|words)\b")


def commands_named(text: str) -> list[str]:
    """The commands ("/words", "/check") a check's last paragraph tells the student to send,
    in order and once each: under it, a button for each (a child cannot type "/words")."""
    last = text.rsplit("\n\n", 1)[-1]
    return list(dict.fromkeys(f"/{m}" for m in _COMMAND.findall(last)))


def check_done_key(right: int, asked: int, slipped: bool = False, level: int = 3,
                   said_dont_know: bool = False) -> str:
    """The end-of-check message depends on the score: no "keep going" on 0 of 5. A low score
    calls the words "still new" only when none of the missed ones was ever answered right
    (`slipped`: one was, so it slipped away, which practice brings back); a 🤷 on the one
    word missed (`said_dont_know`) is neither: she said so, which is fine. At levels 1-2 a
    low score gets one short, kind line either way: the why is too much to read in a new
    language, twice. Each counts its words ("this word" for a check of one)."""
    if asked and right == asked:
        return "check-done-all"
    if not low_score(right, asked):
        return "check-done"
    if level <= 2:
        return "check-done-low-short"
    if said_dont_know:
        return "check-done-dont-know"
    return "check-done-slipped" if slipped else "check-done-low"


def low_score(right: int, asked: int) -> bool:
    """Under half right: the check's end points to the cards (/words), not to a new check."""
    return right * 2 < asked


def after_check_prompt(step: NextStep | None, low: bool, level: int = 3
                       ) -> tuple[str, dict[str, object]] | None:
    """The line under a check's score: what comes next, as /progress says it (None: no line).
    After a low score the cards come first (the score's line says /words), so words ready
    for a check wait "after the cards"; at levels 1-2 that line is left out, one less to read
    in a new language: the cards end with ✅ Check, which asks those words. At levels 1-2
    more words ready after a check are offered, not owed: "👉 4 words ready: /check" right
    after five questions read to newcomers as work left undone (playtest), so the line says
    she is done for today and more is there if she wants it (and no reminder comes today)."""
    if step is None:
        return None
    if step.ready and level <= 2:
        return None if low else ("check-done-more", {})
    if low and step.ready:
        return "check-done-low-next-check", {"count": step.ready}
    if not (step.ready or step.waiting or step.more or step.back is not None):
        return None
    return next_step_prompt(step, after_check=True)


def write_in_english(ask: WriteInEnglish) -> tuple[str, dict[str, object]]:
    """What a typed answer that is not English gets, and its values: this word's own gloss is
    praised as the student's word (or her school language's, named as she calls it); other
    text is named as the language it looks like, in the reader's words ("That looks like
    Arabic"), or not named when no rule can tell."""
    if ask.own_word and ask.lang is not None:
        # her school's language named as she calls it ("fransè" for a Creole reader)
        named = reader_language(ask.lang) if ask.school else language_name(ask.lang)
        return "typed-home-language-tap" if ask.tap else "typed-home-language", {
            "typed": ask.typed, "language": named}
    if ask.lang is None:
        return "typed-not-english-unnamed", {}
    return "typed-not-english", {"language": reader_language(ask.lang)}


def explain_question(ask: ExplainQuestion) -> tuple[str, dict[str, object]]:
    """What "I don't understand" at a question gets: the meaning it asks by, in her language
    (her school's named as she calls it), or only the way on when there is none."""
    if ask.meaning is None or ask.lang is None:
        return "question-explain-none", {}
    named = reader_language(ask.lang) if ask.school else language_name(ask.lang)
    return "question-explain", {"meaning": ask.meaning, "language": named}


def nothing_to_check(step: NextStep | None) -> tuple[str, dict[str, object]]:
    """What /check says when no word is ready and no card waits: when words come back, or
    that there are none to study ("no-words") when none will."""
    if step is None or (step.back is None and not step.more):
        return "no-words", {}
    return next_step_prompt(step)


def placement_text(shown: tuple[int, int], item: PlacementItem, lang: str, catalog: Catalog
                   ) -> Markup:
    """One placement question, `shown` as (its number, the most there can be now). Its counter
    says "up to" the total: the placement stops at a second miss in a band or a 🤷 ("Question
    1/9" that ended after 6 read as skipped questions, playtest), and the total is the most
    it can still ask, so it never rises (placement.counter)."""
    number, total = shown
    counter = catalog.render("placement-counter", lang, number=number, total=total)
    if number > 1 and (lang == "en" or scaffold_for(item.band).english_definition):
        # the instructions once, on the first question: later ones stay short
        return Markup(f"{counter}\n\n<b>{escape(item.question)}</b>")
    if number > 1:  # a band of a level that reads no English: what to do, in her language
        # alone, under each question (playtest: Yousef, WIDA 1, saw only the counter above an
        # English sentence from question 2 on)
        return Markup(f"{counter}\n{catalog.render('placement-ask', lang)}\n\n"
                      f"<b>{escape(item.question)}</b>")
    return Markup(f"{counter}\n{catalog.bilingual('placement-ask', lang)}\n\n"
                  f"<b>{escape(item.question)}</b>")
