"""What the 🔊 under a level 1-2 choice question reads: the home-language question and the
home-language definition it shows (one people wrote, checked by the item rules), never the
English options (hearing them would not help a newcomer who cannot read the question, and a
sound-alike option could give the answer away). Under a gap sentence, the sentence itself,
which is English: the English voice reads it, the gap a pause, for every student (Somali has
no voice of its own, and Hodan's "_____ the two shirts: are they the same?" had no 🔊).

For a student who cannot read yet (her teacher's /readaloud, read_aloud.py) a choice, reverse
or listening question's 🔊 reads its English options too, numbered in button order, after what
it reads for everyone: every option alike, so the note tells her no more than the buttons
tell a reader. A reverse question's home-language word is read in her language's voice (she
cannot read it either); a listening item's own voice note says the English word."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from bot.domain import item_rules as rules
from bot.domain import read_aloud
from bot.domain.errors import PuenteError
from bot.domain.scaffold import ItemType
from bot.services.learners import learner
from bot.services.listen import Recorded
from bot.store import check_items, recordings
from bot.store.packs import words_by_id


class NoQuestionAudioError(PuenteError):
    """A 🔊 for a question that is not her open choice question (answered, forged, or one
    with nothing to read aloud)."""

    prompt_key = "check-stale"


@dataclass(frozen=True)
class QuestionReading:
    lang: str          # the home language the question is asked in
    stem: str | None   # the definition shown, where people wrote it in `lang`; None: the
    #                    picture, or an English definition (not read: hers is the question)
    sentence: str | None = None  # a gap sentence (English, its gap as shown): read in English
    # the definition shown, as her teacher said it in a voice note (a language no voice
    # speaks: Hmong, Somali, Tagalog); played in place of a machine voice
    recorded: Recorded | None = None
    # her options in button order, read aloud in English after the rest (/readaloud); ()
    # for everyone else
    options: tuple[str, ...] = ()
    # the prompt key asking the question in her language ("item-reverse": with its word);
    # None: nothing asked aloud (a listening item's own voice note says its word)
    ask_key: str | None = "item-choice-ask"


def offers_audio(item_type: ItemType, asks_meaning: bool) -> bool:
    """Whether a level 1-2 question's message carries the 🔊: a choice question asking for
    the English word, or a gap sentence (a quiz poll cannot carry a button; a listening item
    is a voice note)."""
    return (item_type is ItemType.CHOICE and not asks_meaning) or item_type is ItemType.CLOZE


def needs_home_voice(item_type: ItemType) -> bool:
    """Whether its 🔊 needs a voice for her language: a choice question is hers; a gap
    sentence is English, which every installation with speech reads."""
    return item_type is not ItemType.CLOZE


def recording_for(db: Database, word_id: int, prompt: str, lang: str, item_type: ItemType,
                  asks_meaning: bool) -> Recorded | None:
    """Her teacher's recording of the definition a choice question shows in `lang` (the line
    her level 1-2 card shows, recorded with /record), or None. Read from memory: no statement
    on the graded answer path, which sends the next question."""
    if item_type is not ItemType.CHOICE or asks_meaning:
        return None
    found = recordings.recording(db, word_id, lang)
    if found is None or found.line != prompt:
        return None
    return Recorded(found.file_id, found.line, lang, found.recorder_name, found.recorded_by)


def question_reading(db: Database, user_id: int, item_id: int) -> QuestionReading:
    """What her open question's 🔊 reads; NoQuestionAudioError for anything else."""
    stored = check_items.get_item(db, item_id)
    if stored is None or stored.student_id != user_id or stored.answered:
        raise NoQuestionAudioError(item_id)
    item = stored.item
    who = learner(db, user_id)
    options = item.options if read_aloud.applies(item, who.level, who.reads_aloud) else ()
    if not options and not offers_audio(item.item_type, item.asks_meaning):
        raise NoQuestionAudioError(item_id)
    if item.item_type is ItemType.CLOZE:  # the options are never read
        return QuestionReading(stored.prompt_lang, None, item.prompt)
    if item.item_type is ItemType.LISTEN:  # its voice note says the word; the options alone
        return QuestionReading(stored.prompt_lang, None, options=options, ask_key=None)
    found = words_by_id(db, [item.word_id])
    if not found:
        raise NoQuestionAudioError(item_id)
    word, prompt = found[0].word, item.prompt
    gloss = word.glosses.get(stored.prompt_lang)
    if item.item_type is ItemType.REVERSE:  # her language's word, shown in writing: read it
        said = gloss is not None and not gloss.machine and prompt in (gloss.term, gloss.short)
        return QuestionReading(stored.prompt_lang, prompt if said else None, options=options,
                               ask_key="item-reverse")
    recorded = recording_for(db, item.word_id, prompt, stored.prompt_lang,
                             item.item_type, item.asks_meaning)
    written = gloss is not None and not gloss.machine and prompt in (
        gloss.definition, gloss.simple, gloss.short)
    # the item rules again (the builder applied them): a cognate or the answer inside the
    # definition would be heard as the answer
    fair = written and not (rules.cognate_in(prompt, word) or rules.answer_in_text(prompt, word))
    return QuestionReading(stored.prompt_lang, prompt if fair else None, recorded=recorded,
                           options=options)
