"""Messages between families, students and teachers as Telegram HTML, through the catalogue.

What a person wrote is always shown as written (escaped, in a quote); a machine translation is
always marked as one, with the original beside it.
"""

from __future__ import annotations

from datetime import UTC, date, tzinfo

from bot.domain.chinese_script import simplified_characters
from bot.domain.family_notes import FAMILY_NOTES, STUDENT_LOST, label_key
from bot.domain.gaps import GAP
from bot.domain.language import is_rtl
from bot.domain.language_names import name_in
from bot.domain.packs import short_gloss
from bot.domain.scaffold import ItemType
from bot.presentation.i18n import (
    FSI,
    PDI,
    RLM,
    WEEKDAYS,
    Catalog,
    Counted,
    Day,
    LanguageName,
    Markup,
    escape,
    language_name,
    reader_language,
)
from bot.presentation.push_views import day, day_time
from bot.presentation.students import names_and, student_label
from bot.presentation.views import list_separator, pack, pieces, shown_len
from bot.services.announcements import AnnouncementPlan, Delivery, Version
from bot.services.askers import Announced, Asker
from bot.services.message_languages import UNKNOWN
from bot.services.relays import AtQuestion, Relay, Unread
from bot.services.teacher_answers import Answer
from bot.store.threads import ASK, FAMILY, ThreadMessage, own_note, was_voice
from bot.translation.translator import Translation

MESSAGE_LIMIT = 4096
QUOTE_PIECE = 3000  # a quote block at most: with the lines around it, one message holds it
def teacher_language(code: str) -> LanguageName:
    """A family's or student's language as the teacher calls it, in the teacher's own
    language ("árabe" to a Spanish-speaking teacher, "Arabic" in English)."""
    return reader_language(code)


def quote(text: str) -> Markup:
    """What a person wrote, escaped, in a quote block."""
    return Markup(f"<blockquote>{escape(text.strip())}</blockquote>")


def quotes(text: str) -> list[Markup]:
    """What a person wrote (or its translation), in quote blocks small enough that a message
    holds one with its other lines: a near-limit message's longer English is several."""
    return [quote(piece) for piece in pieces(text, QUOTE_PIECE)]


def word_list(words: list[tuple[str, str | None]], lang: str) -> Markup:
    """English words in bold with their gloss, separated the language's way; in a
    right-to-left language each item is isolated and the line starts right-to-left."""
    separator = list_separator(lang)
    # the gloss stands for the word: its bracketed explanation, if any, would nest brackets
    # ("sum (和（加法的得数）)", playtest)
    words = [(en, short_gloss(own) if own else own) for en, own in words]
    if is_rtl(lang):
        items = [(f"{escape(own)} " if own else "") + f"{FSI}<b>{escape(en)}</b>{PDI}"
                 for en, own in words]
        return Markup(RLM + separator.join(items))
    return Markup(separator.join(f"<b>{escape(en)}</b>" + (f" ({escape(own)})" if own else "")
                                 for en, own in words))


def _from(catalog: Catalog, lang: str, who: Asker, name: str, written: str,
          sender: str = "", voice: bool = False) -> Markup:
    """Who wrote about which student, and in which language: the one the message shows, else
    the one we know for someone who never chose one (written in, or their child's), as a
    guess, since the answer goes back in it; else that it is not known. A family member is
    named by the first name their message carries (`sender`): a teacher could not tell a
    grandmother from an uncle (playtest)."""
    key = "relay-family" if who.role == FAMILY else "relay-student"
    named: dict[str, str] = {"name": name}
    if sender and who.role == FAMILY:
        key, named["sender"] = "relay-family-named", sender
    if written == UNKNOWN and not who.chosen and who.language not in ("en", UNKNOWN):
        return catalog.render(f"{key}-language-likely", lang, **named,
                              language=teacher_language(who.language))
    # A voice note is said, never written: "a voice note in Haitian Creole" (playtest)
    if written == UNKNOWN:
        return catalog.render(f"{key}-{'voice' if voice else 'language'}-unknown", lang, **named)
    return catalog.render(f"{key}-voice" if voice else key, lang, **named,
                          language=teacher_language(written))


CLOSED = "ask-sent-closed"  # -mon ... -fri: the school day a message waits for; -day: a date


def closed_until(first: date, today: date) -> tuple[str, dict[str, object]]:
    """What a family is told of a message that waits for the school day `first`: "by Monday
    morning" within the week, "by Mon 4 Jan" after a long break."""
    if (first - today).days < 7:
        return f"{CLOSED}-{WEEKDAYS[first.weekday()]}", {}
    return f"{CLOSED}-day", {"day": Day(first)}


def relay_text(catalog: Catalog, lang: str, who: Asker, relay: Relay, name: str,
               tz: tzinfo = UTC, sender: str = "", install: str | None = None
               ) -> list[Markup]:
    """What a teacher reads: who wrote (a family member's first name, `sender`) about which
    student (`name`, as this teacher tells their students apart), which announcement it
    replies to (its day and first words), the original, the English (or that there is none,
    and who can add the `install` language's model), and, before they answer, whether their
    answer can be translated. In one message, or, when the original and a longer English
    (Chinese's, or a verbose model's) are more than Telegram takes, in several, each after
    the first saying it continues: nothing of either is cut."""
    parts = [catalog.render("relay-student-lost", lang, name=name,
                            language=teacher_language(relay.written))
             if relay.note == STUDENT_LOST else  # tapped 🆘, not typed: said so (playtest)
             _from(catalog, lang, who, name, relay.written, sender) if relay.emoji is None else
             _emoji_from(catalog, lang, who, name, sender)]
    if relay.about is not None:
        parts.append(_about(catalog, lang, relay.about, tz))
    if relay.unread is not None:
        parts.append(_unread(catalog, lang, relay.unread, tz))
    parts += quotes(relay.original)
    if relay.emoji:  # "(thanks)": a teacher may not read 🙏 as thanks
        parts.append(catalog.render("relay-emoji-meaning", lang, meaning=", ".join(
            catalog.plain(f"emoji-{meaning}", lang) for meaning in relay.emoji)))
    if relay.english is not None:  # a ready-made message's English is people's, no machine's
        english = "relay-english" if relay.note is None else \
            "relay-english-note-student" if relay.note == STUDENT_LOST else "relay-english-note"
        parts += [catalog.render(english, lang), *quotes(relay.english.text)]
    elif relay.written not in ("en", UNKNOWN):
        # "this computer" where the install command follows (the teacher may run it), else
        # "the school's translator", as the families and students read it
        parts.append(catalog.render("relay-no-english" if install is None
                                    else "relay-no-english-install", lang,
                                    language=teacher_language(relay.written)))
        if install is not None:  # how to fix it, once a week (relays.install_hint)
            parts.append(catalog.render("relay-install-hint", lang, code=install))
    if relay.thanks:  # it still may be answered, but nobody waits for one
        parts.append(catalog.render("relay-thanks", lang))
    if relay.excused is not None:  # what Puente did with it: the teacher can undo it (↩️)
        parts.append(catalog.render("relay-excused", lang, day=Day(relay.excused), name=name))
    elif relay.recognised is not None and relay.recognised.when != "today":
        # the gist of words the teacher may not read: which day, with 📅 Excuse below
        parts.append(catalog.render(f"relay-recognised-{relay.recognised.when}", lang,
                                    day=Day(relay.recognised.day), name=name))
    if relay.cannot_read and relay.english is None and relay.written not in ("en", UNKNOWN):
        parts.append(catalog.render("relay-gist-cannot-read", lang))  # "Mwen pa li angle"
    if relay.gist is not None:  # the gist of words nobody translated
        parts.append(catalog.render(f"relay-gist-{relay.gist}", lang, name=name))
    if relay.at_question is not None:  # written mid-check: which question (playtest)
        parts.append(at_question_text(catalog, lang, relay.at_question))
    parts += _how_to_answer(catalog, lang, relay, who.role == FAMILY)
    return pack(parts, catalog.render("message-continued", lang))


# What a teacher reads of a student's open question, by its kind (the student's own keys,
# rendered in the teacher's language)
_QUESTION_KEYS = {ItemType.CHOICE: "item-choice", ItemType.POLL: "item-choice",
                  ItemType.TYPED: "item-choice", ItemType.REVERSE: "item-reverse",
                  ItemType.CLOZE: "item-cloze", ItemType.LISTEN: "item-listen"}


def at_question_text(catalog: Catalog, lang: str, at: AtQuestion) -> Markup:
    """"📝 Sent during a check, while this question was open: Which word means: …? (the
    answer: habitat)", in the teacher's language: a definition in English (hers may be in
    Somali, or a picture), a sentence with its gap, a home-language word as she read it."""
    item = at.item
    key = "item-meaning" if item.asks_meaning else _QUESTION_KEYS[item.item_type]
    if key == "item-choice":
        prompt: str | Markup = (at.definition or item.prompt).rstrip(". ")
    elif key == "item-cloze":
        prompt = Markup(escape(item.prompt).replace(GAP, f"<b>{GAP}</b>"))
    else:
        prompt = item.prompt.rstrip(". ")
    return catalog.render("relay-at-question", lang, word=item.answer,
                          question=catalog.render(key, lang, prompt=prompt))


def _emoji_from(catalog: Catalog, lang: str, who: Asker, name: str, sender: str) -> Markup:
    """Who sent an emoji alone, about which student."""
    if sender and who.role == FAMILY:
        return catalog.render("relay-family-named-emoji", lang, name=name, sender=sender)
    return catalog.render(f"relay-{who.role}-emoji", lang, name=name)


def _how_to_answer(catalog: Catalog, lang: str, relay: Relay, family: bool = False
                   ) -> list[Markup]:
    """How to answer. The answer goes back in their language only when this machine can
    translate into it; otherwise as the teacher writes it (not necessarily English: playtest
    10), which the teacher reads on a line of its own before answering, with what to do about
    it: a teacher told only after sending had already answered in long English (playtest);
    and, to a `family` member, the ready-made replies Puente has in their language."""
    language = teacher_language(relay.language)
    if relay.answer_in == relay.language:
        return [catalog.render("relay-how", lang, language=language)]
    offers = offers_ready(catalog, relay)
    offer = [catalog.render("relay-ready-offer", lang, language=language)] if offers else []
    # Written in another language than theirs (a Kreyòl-reading mother's French): they read
    # that one too, so an answer in it reaches them; "use simple English" alone hid that
    # (Haitian playtest)
    other = [catalog.render("relay-wrote-other", lang,
                            written=teacher_language(relay.written))] \
        if relay.written not in ("en", UNKNOWN, relay.language) else []
    # a teacher who reads Puente in Spanish is told her Spanish goes untranslated too, not
    # only "use simple English" (playtest); one who reads their language needs no warning
    cannot = [] if lang == relay.language else \
        [catalog.render("relay-cannot-translate", lang, language=language)] if lang == "en" \
        else [catalog.render("relay-cannot-translate-teacher", lang, language=language,
                             teacher=teacher_language(lang))]
    if not family and offers:  # a newcomer reads none of the English: the replies come first
        return [catalog.render("relay-ready-offer-student", lang, language=language),
                *cannot, *other, catalog.render("relay-how-as-written", lang)]
    return [*cannot, *other, *offer, catalog.render("relay-how-as-written", lang)]


def offers_ready(catalog: Catalog, relay: Relay) -> bool:
    """Whether a family message comes with ready-made replies: no model translates into the
    family's language, and Puente has its own messages in it (a Somali grandfather reads
    none of the teacher's English; playtest)."""
    return relay.answer_in != relay.language and relay.language != "en" \
        and relay.language in catalog.languages and not relay.thanks  # thanks want no answer


def ready_sent(catalog: Catalog, lang: str, name: str, answer: Answer,
               later: str | None, voice: bool = False) -> Markup:
    """What the teacher reads after a ready-made reply: to whom it went, in which language
    (as a 🎙️ voice note, `voice`: the class's recording of it), exactly what was sent and
    the English beneath, and when it goes out in quiet hours."""
    key = "ready-sent" if answer.asked.asker_role == FAMILY else "ready-sent-student"
    key = f"{key}-voice" if voice else key
    parts = [catalog.render(key, lang, name=name,
                            language=teacher_language(answer.asked.language))]
    if answer.translation is not None:
        parts.append(quote(answer.translation.text))
    parts.append(quote(answer.original))
    if later is not None:
        parts.append(catalog.render("answer-queued-quiet", lang, time=later))
    return Markup("\n".join(parts))


def relay_voice_caption(catalog: Catalog, lang: str, who: Asker, relay: Relay,
                        name: str, tz: tzinfo = UTC, sender: str = "") -> Markup:
    """The caption of a relayed voice note: who (a family member's first name, `sender`),
    about which student (`name`, as this teacher tells their students apart), which
    announcement it answers, how to answer."""
    spoken = who.language if who.chosen else UNKNOWN  # the bot cannot listen
    about = [] if relay.about is None else [_about(catalog, lang, relay.about, tz)]
    if relay.answer_in == relay.language:
        how = [catalog.render("relay-voice", lang, language=teacher_language(relay.answer_in))]
    else:  # no model: the answer goes as the teacher writes it, not "in English"
        how = [catalog.render("relay-voice-note", lang),
               *_how_to_answer(catalog, lang, relay, who.role == FAMILY)]
    at = [] if relay.at_question is None else [at_question_text(catalog, lang,
                                                                relay.at_question)]
    return Markup("\n".join([_from(catalog, lang, who, name, spoken, sender, voice=True),
                             *about, *at, *how]))


def _about(catalog: Catalog, lang: str, about: Announced, tz: tzinfo) -> Markup:
    """The announcement a family's message answers: its day and first words."""
    return catalog.render("relay-about-announcement", lang, words=about.beginning,
                          date=day(catalog, lang, about.sent_at.astimezone(tz).date()))


def _unread(catalog: Catalog, lang: str, unread: Unread, tz: tzinfo) -> Markup:
    """The teacher's message a family could not read: its day and first words, else its day
    and time (a teacher who wrote to them twice knew neither which one)."""
    local = unread.sent_at.astimezone(tz)
    if unread.words:
        return catalog.render("relay-about-message-words", lang, words=unread.words,
                              date=day(catalog, lang, local.date()))
    return catalog.render("relay-about-message", lang, date=day(catalog, lang, local.date()),
                          time=f"{local:%H:%M}")


def _english_first(catalog: Catalog, lang: str, english: str,
                   translation: Translation) -> list[str]:
    """The teacher's English, then the text in `lang` (marked when a machine made it): a
    student at levels 5-6, under a heading in both languages, English first."""
    marks = [catalog.render("machine-translation-mark", lang)] if translation.machine else []
    return [*quotes(english), *quotes(translation.text), *marks]


def _translated(catalog: Catalog, lang: str, english: str,
                translation: Translation | None, source: str = "en", student: bool = False,
                ready: bool = False) -> list[str]:
    """The text in `lang` (marked when a machine made it) with the teacher's own words (in
    English, or the `source` language they wrote in) beneath; a `student` reads the note in
    the register of their other messages (Korean 해요체, not the families' formal one). A
    `ready` reply's English is Puente's, not the teacher's own words: "In English:", as under
    a ready-made announcement."""
    if lang == source:
        return quotes(english)
    if translation is None:
        key = "answer-no-translation-student" if student else "answer-no-translation"
        return [*quotes(english), catalog.render(key, lang, language=language_name(lang))]
    parts = quotes(translation.text)
    if translation.machine:
        parts.append(catalog.render("machine-translation-mark", lang))
    original = catalog.render("announce-ready-english", lang) if ready else \
        catalog.render("answer-original", lang) if source == "en" else \
        catalog.render("announce-original", lang, language=language_name(source))
    return [*parts, original, *quotes(english)]


def answer_queued(catalog: Catalog, lang: str, answer: Answer, later: str | None,
                  name: str | None = None) -> Markup:
    """The teacher's confirmation: in which language the answer goes (as written to an English
    reader or when written in the reader's language, translated with their English below, or
    as the teacher wrote it when this computer cannot translate, which the message they
    answered said already), and at what time when quiet hours hold it (`later`, HH:MM). `name`
    is the student as the teacher reads them ("Ana #3" beside another Ana)."""
    written = answer.asked.language
    key = "answer-queued-as-written" if written == "en" else \
        "answer-queued-own-language" if answer.own_language else \
        "answer-queued" if answer.translation is not None else "answer-queued-english"
    if answer.asked.started:  # a message the teacher wrote first: "your message", not "answer"
        key = key.replace("answer-", "write-", 1)
    elif key == "answer-queued-english":  # the relay said so before they answered: no news
        key = "answer-queued-as-written"
    text = catalog.render(key, lang, name=name or answer.student_name,
                          language=teacher_language(written))
    if later is None:
        return text
    return Markup(f"{text} {catalog.render('answer-queued-quiet', lang, time=later)}")


def in_chinese_script(text: str, lang: str) -> str:
    """A teacher's own words in a reader's language: Chinese kept in Simplified characters,
    which the bot converts for a Traditional reader as it leaves (others: unchanged)."""
    return simplified_characters(text) if lang == "zh" else text


def answer_text(catalog: Catalog, answer: Answer) -> Markup:
    """What the family member or student reads (a ready-made reply: Puente's own words, which
    one message always holds)."""
    return Markup("\n".join(_answer_lines(catalog, answer)))


def answer_texts(catalog: Catalog, answer: Answer) -> list[Markup]:
    """What the family member or student reads of a teacher's own answer, in one message, or
    in several when its translation and the teacher's words are more than Telegram takes
    (each after the first saying, in their language, that it continues): nothing is cut."""
    return pack(_answer_lines(catalog, answer),
                catalog.render("message-continued", answer.asked.language))


def _answer_lines(catalog: Catalog, answer: Answer) -> list[Markup]:
    """The answer's lines: in their language, English beneath (one the teacher wrote in their
    language, as written)."""
    lang, asked = answer.asked.language, answer.asked
    # a student at levels 5-6 reads English first, as in her other messages (a level-5
    # student read a ready-made reply's Arabic first, under an Arabic-only heading: playtest)
    english_first = asked.asker_role != FAMILY and answer.english_first and lang != "en"
    header = catalog.render("write-header" if asked.started else "answer-header", lang,
                            name=answer.student_name) \
        if asked.asker_role == FAMILY else \
        catalog.bilingual("answer-header-student", lang, english_first=True) \
        if english_first else catalog.render("answer-header-student", lang)
    # Written in their own language, it is theirs to read as it is: nothing to mark or add
    # (Chinese in the script they read: a teacher's Traditional reached a mainland child so)
    body = quotes(in_chinese_script(answer.original, lang)) if answer.own_language else \
        _english_first(catalog, lang, answer.original, answer.translation) \
        if english_first and answer.translation is not None else \
        _translated(catalog, lang, answer.original, answer.translation,
                    student=asked.asker_role != FAMILY, ready=answer.ready)
    # A family member's Telegram reply to the answer reaches that child's teacher; a student's
    # reply is read as a typed answer to their check, so they write back with /ask.
    # (a student reads it in their language and English, as their other lines; a family
    # member in theirs, the register of the families' messages)
    hint = catalog.render("answer-reply-hint-family", lang) if asked.asker_role == FAMILY \
        else catalog.bilingual("answer-reply-hint", lang, english_first=answer.english_first)
    return [header, *body, hint]


def announcement_preview(catalog: Catalog, lang: str, plan: AnnouncementPlan) -> list[Markup]:
    """What the teacher checks before confirming: every language's version, marked, in as
    few messages as Telegram's limit allows (eight languages of a long text need several)."""
    blocks: list[Markup | list[Markup]] = [catalog.render(
        "announce-preview-ready" if plan.ready else "announce-preview", lang,
        class_name=plan.class_name, families=Counted("count-family-members", plan.families),
        students=Counted("count-students", plan.students))]
    if plan.unreachable and not plan.ready:  # why the class has more students than counted
        blocks[0] = Markup(f"{blocks[0]}\n" + catalog.render("announce-unreachable", lang,
                                                             count=plan.unreachable))
    if not plan.families:  # why there is no "Send to families" button
        blocks[0] = Markup(f"{blocks[0]}\n" + catalog.render("announce-no-families", lang))
    elif plan.unlinked and plan.ready:  # who a message to families does not reach
        blocks[0] = Markup(f"{blocks[0]}\n" + catalog.render(
            "announce-unlinked", lang, count=len(plan.unlinked), names=names_and(
                [student_label(who, catalog, lang) for who in plan.unlinked], catalog, lang)))
    if plan.ready and all(v.language != "en" for v in plan.versions):
        # The teacher checks what she sends in words she reads: each family gets it too
        blocks.append(Markup("\n".join([catalog.render("announce-ready-preview-english", lang),
                                        quote(plan.english)])))
    untranslated = untranslated_versions(plan)
    for version in plan.versions:
        if len(untranslated) > 1 and version in untranslated:
            continue  # shown once, below, for all of them (playtest: the same English 4 times)
        parts = [catalog.render("announce-version", lang,
                                language=teacher_language(version.language),
                                people=version.recipients), *quotes(version.text)]
        if version.machine:
            parts.append(catalog.render("machine-translation-mark", lang))
        elif version.ready:
            parts.append(catalog.render("announce-ready-mark", lang,
                                        language=teacher_language(version.language)))
        elif version.language == version.source != "en":  # as answers: already theirs
            parts.append(catalog.render("announce-own-language", lang,
                                        language=teacher_language(version.language)))
        elif version.language != version.source:
            key = "announce-no-translation" if version.source == "en" else \
                "announce-no-translation-as-written"
            parts.append(catalog.render(key, lang, language=teacher_language(version.language)))
        if version.glossary:
            parts.append(word_list(list(version.glossary), version.language))
        blocks.append(Markup("\n".join(parts)) if shown_len(Markup("\n".join(parts)))
                      < MESSAGE_LIMIT // 2 else parts)  # a long translation: its lines
    if len(untranslated) > 1:
        blocks.append(_untranslated_block(catalog, lang, untranslated))
    if offers_ready_announcements(plan):  # a ready-made one reaches them in their language
        blocks.append(catalog.render("announce-ready-hint", lang))
    messages = [blocks[0]]
    for block in blocks[1:]:  # most are short: the text itself is at most 1000 characters
        if isinstance(block, list):  # a translation longer than that: in as many as it needs
            messages += pack(block, catalog.render("message-continued", lang))
        elif _units(messages[-1]) + 1 + _units(block) > MESSAGE_LIMIT:
            messages.append(block)
        else:
            messages[-1] = Markup(f"{messages[-1]}\n{block}")
    return messages


def untranslated_versions(plan: AnnouncementPlan) -> list[Version]:
    """The versions of an announcement that reach readers in words they do not read."""
    return [v for v in plan.versions if _untranslated(v)]


def offers_ready_announcements(plan: AnnouncementPlan) -> bool:
    """Whether to offer the ready-made announcements: the teacher's own words would reach
    some readers, families among them, in a language they do not read."""
    return bool(plan.families and not plan.ready and untranslated_versions(plan))


def _untranslated(version: Version) -> bool:
    """Whether this version goes to its readers in a language they do not read: the
    teacher's words, untranslated (no model), never people's own ready-made words."""
    return not version.machine and not version.ready and \
        version.language not in (version.source, "en")


def _untranslated_block(catalog: Catalog, lang: str, versions: list[Version]) -> Markup:
    """The teacher's words once, for every language that gets them untranslated, and one line
    naming those languages."""
    names = ", ".join(name_in(v.language, lang) for v in versions)
    key = "announce-no-translation-many" if versions[0].source == "en" else \
        "announce-no-translation-many-as-written"
    return Markup("\n".join([
        catalog.render("announce-version-many", lang, languages=names,
                       people=sum(v.recipients for v in versions)),
        quote(versions[0].text), catalog.render(key, lang, languages=names)]))


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2  # Telegram counts UTF-16 code units


def announcement_text(catalog: Catalog, class_name: str, english: str,
                      delivery: Delivery) -> list[Markup]:
    """One family member's or student's announcement, in their language, the teacher's own
    words beneath (none when the teacher wrote it in their language): one message, or
    several when a long translation needs them, each after the first saying it continues."""
    lang = delivery.language
    if delivery.ready:  # people's words in their language, the English beneath
        return [Markup("\n".join([catalog.render("announce-header", lang,
                                                 class_name=class_name),
                                  quote(delivery.text),
                                  catalog.render("announce-ready-english", lang),
                                  quote(english)]))]
    translation = Translation(delivery.text, "argos" if delivery.machine else "source",
                              delivery.machine) if delivery.text != english else None
    parts = [catalog.render("announce-header", lang, class_name=class_name),
             *_translated(catalog, lang, english, translation, delivery.source)]
    if delivery.glossary:
        parts += [catalog.render("announce-words", lang),
                  word_list(list(delivery.glossary), lang)]
    return pack(parts, catalog.render("message-continued", lang))


def thread_text(catalog: Catalog, lang: str, name: str, thread: list[ThreadMessage],
                tz: tzinfo, senders: dict[int, str] | None = None,
                colleagues: dict[int, str] | None = None) -> Markup:
    """A teacher's view of one student's thread: who wrote and when, never what (Puente
    keeps no text; the words are in the teacher's own chat), the language each message was
    written in, how each answer reached its reader (in their language by machine translation,
    or as the teacher wrote it), and what waits for an answer (a message that was only thanks
    waits for none). A message from before Puente kept its language says none. A family
    member is named by first name where it is known (`senders`, by Telegram id); a
    co-teacher's answer by theirs (`colleagues`, by teacher id)."""
    if not thread:
        return catalog.render("thread-none", lang, name=name)
    lines = [catalog.render("thread-header", lang, name=name)]
    for message in thread:
        date = day_time(catalog, lang, message.created_at, tz)
        if message.direction == ASK:
            lines.append(_thread_ask(catalog, lang, message, date,
                                     (senders or {}).get(message.asker_id), name))
        elif message.teacher_id in (colleagues or {}):  # a co-teacher answered, or wrote
            lines.append(catalog.render(
                "thread-line-started-by" if message.started else "thread-line-answer-by",
                lang, date=date, teacher=(colleagues or {})[message.teacher_id]))
        elif message.started:  # the teacher wrote first (or sent a ready-made first
            # message): nobody waits for anything
            lines.append(catalog.render("thread-line-started", lang, date=date,
                                        language=teacher_language(message.language)))
        elif message.ready:  # Puente's own words in their language: no machine, no English
            lines.append(catalog.render("thread-line-ready", lang, date=date,
                                        language=teacher_language(message.language)))
        else:
            lines.append(_thread_answer(catalog, lang, message, date))
    return Markup("\n".join(lines))


def _thread_ask(catalog: Catalog, lang: str, message: ThreadMessage, date: str,
                sender: str | None = None, name: str = "") -> Markup:
    """A family's or student's message in /thread: when, who (a family member by first name,
    `sender`, where known), the language it was written in (else, from before, the
    writer's), which ready-made message it was (naming the child, `name`), and whether it
    waits for an answer; a voice note says it is one (someone must listen: an interpreter).
    (Playtest: a parent's typed question and two ready-made messages read as three identical
    lines.)"""
    family = message.asker_role == FAMILY
    who = catalog.plain("thread-who-family-named", lang, sender=sender) if family and sender \
        else catalog.plain("thread-who-family" if family else "thread-who-student", lang)
    key, language = ("thread-line-ask-written", message.written) if message.written else \
        ("thread-line-ask-voice" if was_voice(message) else "thread-line-ask", message.language)
    line = catalog.render(key, lang, date=date, who=who, language=teacher_language(language))
    note = own_note(message)
    if note in FAMILY_NOTES or note == STUDENT_LOST:  # a student's 🆘 is one too, not her words
        label = catalog.plain("button-student-lost", lang) if note == STUDENT_LOST \
            else catalog.plain(label_key(note or ""), lang, name=name)
        line = Markup(line + " " + catalog.render("thread-note", lang, note=label))
    if message.answered_at is None:  # a thank-you waits for nothing
        line = Markup(line + " " + catalog.render(
            "thread-thanks" if message.thanks else "thread-open", lang))
    return line


def _thread_answer(catalog: Catalog, lang: str, message: ThreadMessage, date: str) -> Markup:
    """The teacher's answer in /thread: when, the language they wrote it in, and how it was
    sent: "sent in Spanish (machine translation)", or "sent as you wrote it" (written in the
    reader's language, or in English to an English reader or where this computer had no
    model). An answer from before Puente kept this says when alone."""
    if message.written is None or message.machine is None:
        return catalog.render("thread-line-answer", lang, date=date)
    line = catalog.render("thread-line-answer-written", lang, date=date,
                          language=teacher_language(message.written))
    sent = catalog.render("thread-sent-machine", lang,
                          language=teacher_language(message.language)) if message.machine \
        else catalog.render("thread-sent-as-written", lang)
    return Markup(f"{line} {sent}")
