"""Word cards as a student reads them: one card, a preview's messages and header, a
paged card, a word's home-language line."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.checks import WordRef
from bot.domain.cognates import Relation, relation_for, same_word
from bot.domain.gloss_lookup import EnglishWords
from bot.domain.scaffold import (
    STARTER_LEVEL,
    Scaffold,
    sentence_frame,
)
from bot.presentation.i18n import (
    REFERENCE,
    Catalog,
    Markup,
    escape,
    language_name,
)
from bot.presentation.views import (
    CARD_LIMIT,
    MESSAGE_LIMIT,
    PREVIEW_CHARS,
    cut,
    join_lines,
    utf16_len,
)
from bot.services.previews import Page


def label_language(lang: str, scaffold: Scaffold, flipped: bool = False) -> str:
    """The language of a card's labels, its header and the buttons under it: English at levels
    5-6, whose cards are English only (the home language comes on request, `flipped`); else
    the student's. A level-5 student read "Mi idioma primero" and "(sustantivo)" around an
    English-only card (mid-level playtest)."""
    return lang if scaffold.l1_inline or scaffold.l1_first or flipped else REFERENCE


def card(ref: WordRef, lang: str, scaffold: Scaffold, catalog: Catalog,
         flipped: bool = False) -> Markup:
    """One word card: English and home language, ordered and emphasised for the level."""
    word = ref.word
    gloss = word.glosses.get(lang) if lang != REFERENCE else None
    labels = label_language(lang, scaffold, flipped)
    english = f"<b>{escape(word.term)}</b>"
    if scaffold.part_of_speech:
        english += f" <i>({catalog.render(f'pos-{word.pos}', labels)})</i>"
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
        # levels 1-2: her language's newcomer definition where the pack has one
        meaning = gloss.definition if scaffold.english_definition else \
            gloss.newcomer_definition()
        own_block = [own] + ([escape(meaning)] if meaning else [])
        if not meaning and not scaffold.english_definition and not word.simple:
            # a teacher's pack with an English definition only: the card said "raíz / root"
            # and nothing of what it means (Carlos, level 2); the English one, marked so
            english_block = [english, catalog.render("card-meaning-english", labels,
                                                     definition=word.definition)]
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
        if same_word(word.term, gloss.term):  # not "solid looks like solid"
            out.append("🤝 " + catalog.render("cognate-same-word", lang, term=word.term))
        else:
            out.append("🤝 " + catalog.render("cognate-hint", lang, term=word.term,
                                             own=gloss.term))
    elif relation.relation is Relation.FALSE_FRIEND and gloss is not None:
        out.append("⚠️ " + catalog.render("false-friend-warning", lang, term=word.term,
                                         lookalike=relation.lookalike or "", own=gloss.term))
    frame = sentence_frame(word.term, word.pos, scaffold.level, word.frame) \
        if scaffold.sentence_frame else None
    if frame is not None:  # level 4 finishes a sentence's start; levels 1-3 fill a frame
        # a frame to say aloud gets a speaking mark; a sentence to finish, a writing one
        # ("✍️ Try saying" told a newcomer to write, playtest)
        starter = scaffold.level >= STARTER_LEVEL
        out.append(("✍️ " if starter else "🗣️ ") + catalog.render(
            "sentence-starter" if starter else "sentence-frame", labels, frame=frame))
    elif scaffold.own_sentence:  # level 5: her own sentence, no frame
        out.append("✍️ " + catalog.render("sentence-own", labels, term=word.term))
    return Markup("\n".join(out))


def preview_messages(refs: Sequence[WordRef], lang: str, scaffold: Scaffold, catalog: Catalog,
                     flipped: bool = False, new: int | None = None,
                     lead: Markup | None = None) -> list[Markup]:
    """Cards in phone-sized messages (levels 4-6; levels 1-3 get one card a message): a message
    holds cards up to PREVIEW_CHARS (one card per message when a card alone fills it), the
    header on the first.

    `new` counts the words shown for the first time (None: all of them are new). `lead` (why
    the check waits for these cards) opens the first message (`with_lead`)."""
    header = preview_header(len(refs), new, label_language(lang, scaffold, flipped), catalog)
    blocks = [cut(card(ref, lang, scaffold, catalog, flipped), MESSAGE_LIMIT - 2) for ref in refs]
    messages = _pack(header, blocks, PREVIEW_CHARS)
    # As many messages as the budget needs, filled evenly: no 150-character tail.
    average = sum(utf16_len(m) for m in messages) // len(messages)
    for budget in range(average, PREVIEW_CHARS, 50):
        even = _pack(header, blocks, budget)
        if len(even) <= len(messages):
            messages = even
            break
    return with_lead(lead, messages)


def with_lead(lead: Markup | None, messages: list[Markup]) -> list[Markup]:
    """`lead` over the first message, the first thing read: each message of its own is one
    more of the bot's 30 a second (a school's /checks at once waited 20 s for them). Packed
    without it, so the cards split as they always do; its own message only when the two
    together would pass Telegram's 4,096 (never with real cards: a message is ~900)."""
    if lead is None:
        return messages
    if not messages or utf16_len(lead) + 2 + utf16_len(messages[0]) > MESSAGE_LIMIT:
        return [lead, *messages]
    return [Markup(f"{lead}\n\n{messages[0]}"), *messages[1:]]


def preview_header(count: int, new: int | None, lang: str, catalog: Catalog) -> Markup:
    """What the cards are: "New words: 5", "Words to look at again: 5" when none is new (a
    push of cards she has read), or "New words: 2 · Words to look at again: 3". "Your words:
    4 (new today: 1)" read as all her words (she had 6) and as new the card read a week
    before, on a day all five came (playtest, level 1): /words shows only the words being
    learned, and `new` counts cards first shown today and never answered."""
    if new is None or new == count:
        return catalog.bilingual("preview-header", lang, count=count)
    if new == 0:
        return catalog.bilingual("preview-header-again", lang, count=count)
    return catalog.bilingual("preview-header-words", lang, new=new, again=count - new)


def card_page(page: Page, catalog: Catalog, lead: Markup | None = None) -> Markup:
    """One card of a one-card-a-message preview; the first carries the preview's header.
    `lead` (why the check waits for the cards: one line in each language) opens the message
    that first shows it, over the card cut to CARD_LIMIT, far under Telegram's 4,096. Next ▶
    edits the message to the next card without it: the card it led is not shown then."""
    block = card(page.ref, page.lang, page.scaffold, catalog, page.flipped)
    if page.index == 0:
        block = Markup(f"{preview_header(page.total, page.new, page.lang, catalog)}\n\n{block}")
    block = cut(block, CARD_LIMIT)
    return block if lead is None else Markup(f"{lead}\n\n{block}")


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


def home_word_text(refs: Sequence[WordRef], lang: str, catalog: Catalog,
                   english_first: bool = False, gloss_in: str | None = None) -> Markup:
    """A home-language word the student typed (in `gloss_in`, her school's language, when not
    hers: "cellule = cell"), answered with the English word(s) it means (its hint English
    first at levels 5-6: `english_first`)."""
    code = gloss_in or lang
    lines = [catalog.render("home-word", lang, gloss=ref.word.glosses[code].term,
                            term=ref.word.term,
                            emoji=f" {ref.word.emoji}" if ref.word.emoji else "")
             for ref in refs if code in ref.word.glosses]
    return join_lines([*lines, catalog.bilingual("home-word-hint", lang,
                                                 english_first=english_first)])


def english_word_text(found: EnglishWords, lang: str, scaffold: Scaffold,
                      catalog: Catalog) -> Markup:
    """A word of theirs a student typed outside a check, or misspelled: "Did you mean
    analyze?" (or "analyze is one of your words"), in her language and English, then its card
    as her level shows it: a misspelled word is no message for the teacher (playtest: a
    level-1 child typing "analize" was offered ✉️ Send to teacher)."""
    terms = " / ".join(ref.word.term for ref in found.refs)
    head = catalog.bilingual("word-yours" if found.exact else "word-meant", lang,
                             english_first=scaffold.english_first, terms=terms)
    return Markup("\n\n".join([head, *(card(ref, lang, scaffold, catalog)
                                        for ref in found.refs)]))


def pair_cards(pair: tuple[WordRef, WordRef], lang: str, scaffold: Scaffold,
               catalog: Catalog) -> Markup:
    """Two words a student mixes up, one under the other as short cards: each its English term
    and home-language term (as its card shows them: home language first where the cards lead
    with it), then its short definition (the home-language one where the card gives it, else
    the newcomer's English one, else the English definition), so the difference is read at a
    glance."""
    blocks = []
    for ref in pair:
        word = ref.word
        gloss = word.glosses.get(lang) if lang != REFERENCE else None
        english = f"<b>{escape(word.term)}</b>"
        if scaffold.emoji and word.emoji:
            english = f"{escape(word.emoji)} {english}"
        names = [english]
        meaning = word.definition
        if not scaffold.english_definition and word.simple:  # levels 1-2: the newcomer's one
            meaning = word.simple
        if gloss is not None:
            own = f"<b>{escape(gloss.term)}</b>"
            if gloss.machine:
                own += " " + catalog.render("machine-translation-mark", lang)
            names = [own, english] if scaffold.l1_first else [english, own]
            if scaffold.l1_first and gloss.newcomer_definition():
                meaning = (gloss.newcomer_definition() if not scaffold.english_definition
                           else gloss.definition) or meaning
        blocks.append(f"{' · '.join(names)}\n<i>{escape(meaning)}</i>")
    return Markup("\n↔\n".join(blocks))
