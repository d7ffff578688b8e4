"""Migrations 0021 onward: mastery luck to today. New migrations are appended here."""

from __future__ import annotations

from sqlite_utils import Database

from bot.store.schema.registry import migrations, run_sql


@migrations(name="0021_mastery_luck")
def mastery_luck(db: Database) -> None:
    """The chance that a word's right answers since the last miss came from guessing (the
    product of each item's guess rate; see mastery.MASTERED_LUCK). A word answered before
    this migration starts its run again (1.0): never mastered on weaker evidence."""
    run_sql(db, "ALTER TABLE mastery ADD COLUMN luck REAL NOT NULL DEFAULT 1.0")


@migrations(name="0022_practice_estimate")
def practice_estimate(db: Database) -> None:
    """A miss on an answer counted as one option ("Practice again", an answer that stood out)
    set the knowledge estimate to exactly 1.0, where no later answer could move it: the word
    of a student who kept missing it read "sure". Knowledge tracing never reaches 1.0 on real
    evidence before mastery, so an unmastered word at 1.0 starts again from the prior (its
    attempts, misses and schedule stay as they are)."""
    run_sql(db, "UPDATE mastery SET p_known = 0.15 WHERE p_known >= 1.0 AND mastered_at IS NULL")


@migrations(name="0023_teacher_language_choice")
def teacher_language_choice(db: Database) -> None:
    """A teacher may choose the language Puente writes to her in (/language); until she does,
    it follows her phone's, as before. Many teachers keep an English phone and read faster in
    their first language (playtest 11)."""
    run_sql(db, "ALTER TABLE teachers ADD COLUMN language_chosen INTEGER NOT NULL DEFAULT 0")


@migrations(name="0024_family_replies_to_answers")
def family_replies_to_answers(db: Database) -> None:
    """A family member who answers a teacher's answer with Telegram's reply writes about the
    child that thread is about (a shared phone is not asked "which child?" again): the id of
    the delivered answer in their chat, on the answer's thread row. It goes with the thread
    (/deleteme, retention) and is cleared when the family member is unlinked."""
    run_sql(db, """
ALTER TABLE thread_messages ADD COLUMN answer_message_id INTEGER;
CREATE UNIQUE INDEX idx_thread_answer ON thread_messages(asker_id, answer_message_id)
""")


@migrations(name="0025_practice_answers")
def practice_answers(db: Database) -> None:
    """"Practice again" answers come right after the word's card and its answer were shown:
    no evidence, so no teacher's count ("correct 1 of 3") counts them. Each answer records
    whether it was practice, and each word keeps running totals of its practice answers (within
    attempts and correct, which knowledge tracing reads as every graded answer); listening
    totals count evidence only. Answers kept from before: an answer is practice when a practice
    item of the same student and word was answered at that very moment, as it was."""
    run_sql(db, """
ALTER TABLE attempts ADD COLUMN practice INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mastery ADD COLUMN practised INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mastery ADD COLUMN practised_right INTEGER NOT NULL DEFAULT 0;
UPDATE attempts SET practice = 1 WHERE EXISTS (
    SELECT 1 FROM check_items c WHERE c.practice = 1 AND c.student_id = attempts.student_id
    AND c.word_id = attempts.word_id AND c.answered_at = attempts.answered_at
    AND c.correct = attempts.correct);
UPDATE mastery SET
    practised = (SELECT count(*) FROM attempts a WHERE a.student_id = mastery.student_id
                 AND a.word_id = mastery.word_id AND a.practice = 1),
    practised_right = (SELECT coalesce(sum(a.correct), 0) FROM attempts a
                       WHERE a.student_id = mastery.student_id AND a.word_id = mastery.word_id
                       AND a.practice = 1),
    listened = max(0, listened - (SELECT count(*) FROM attempts a
                                  WHERE a.student_id = mastery.student_id
                                  AND a.word_id = mastery.word_id AND a.practice = 1
                                  AND a.item_type = 'listen')),
    listened_right = max(0, listened_right - (SELECT coalesce(sum(a.correct), 0) FROM attempts a
                                              WHERE a.student_id = mastery.student_id
                                              AND a.word_id = mastery.word_id
                                              AND a.practice = 1 AND a.item_type = 'listen'))
WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.student_id = mastery.student_id
              AND a.word_id = mastery.word_id AND a.practice = 1)
""")


@migrations(name="0026_english_retries")
def english_retries(db: Database) -> None:
    """How many times a typed question said "write it in English" (the student typed another
    language): it says so once, and after that the answer is graded, a miss or not."""
    run_sql(db, "ALTER TABLE check_items ADD COLUMN english_retries INTEGER NOT NULL DEFAULT 0")


@migrations(name="0027_replaced_join_codes")
def replaced_join_codes(db: Database) -> None:
    """A class link replaced with /revoke is told apart from a mistyped one ("this link was
    replaced; ask your teacher for the new one"): a hash of each replaced code, its class, and
    when the code would have expired anyway (forgotten after). Nothing here names a child."""
    run_sql(db, """
CREATE TABLE replaced_join_codes (
    code_hash TEXT PRIMARY KEY,        -- sha256 of the old code: recognised, never usable
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
)
""")


@migrations(name="0028_gone_answers")
def gone_answers(db: Database) -> None:
    """Answers delivered to a family member about a student who has since deleted their data:
    a reply to one is told that conversation ended, never sent to another child's teacher
    (playtest 12). The row keeps the family member's chat and the answer's message id, never
    the student; it goes with their own /deleteme and with the retention of the thread."""
    run_sql(db, """
CREATE TABLE gone_answers (
    asker_id INTEGER NOT NULL,         -- the family member's Telegram id (their chat)
    answer_message_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,          -- when the answer was written (for retention)
    PRIMARY KEY (asker_id, answer_message_id)
)
""")


@migrations(name="0029_thanks")
def thanks(db: Database) -> None:
    """A family's message that was only thanks ("Ua tsaug ntau!") is marked on its thread row,
    so the teacher's /thread says no answer is owed instead of "waiting for your answer"
    (playtest finding). A flag, never the message's text."""
    run_sql(db, "ALTER TABLE thread_messages ADD COLUMN thanks INTEGER NOT NULL DEFAULT 0")


@migrations(name="0030_preview_messages")
def preview_messages(db: Database) -> None:
    """The Telegram message that shows each one-card preview (levels 1-3), so /check points to
    the cards a student has not read yet there instead of sending them again. Only the message
    id: a preview is sent in the student's private chat, whose id is the student's. NULL for a
    preview not sent yet (a push waiting in the outbox) or sent before this migration."""
    run_sql(db, "ALTER TABLE previews ADD COLUMN message_id INTEGER")


@migrations(name="0031_typed_intro")
def typed_intro(db: Database) -> None:
    """Whether a student at levels 1-2 has had the one-time line before her first typed
    question ("⭐ A mastery question: write the English word from your card"): a flag, so it
    is said once, never with every typed question."""
    run_sql(db, "ALTER TABLE students ADD COLUMN typed_intro INTEGER NOT NULL DEFAULT 0")


@migrations(name="0032_poll_message")
def poll_message(db: Database) -> None:
    """The Telegram message that shows a check item's quiz poll, so the poll is closed when
    the question is answered another way (typed, or on the buttons /check asks it again with),
    after a restart too. Only the message id: the poll is in the student's private chat. NULL
    for an item sent as no poll, or before this migration."""
    run_sql(db, "ALTER TABLE check_items ADD COLUMN poll_message_id INTEGER")


@migrations(name="0033_chosen_word")
def chosen_word(db: Database) -> None:
    """The pack word behind the wrong option a student tapped, so Puente can tell which two
    words she mixes up (domain/confusions.py). NULL for a right tap, a typed answer, a "🤷",
    an option that is no pack word, and every answer before this migration."""
    run_sql(db, "ALTER TABLE check_items ADD COLUMN chosen_word_id INTEGER "
             "REFERENCES words(id) ON DELETE SET NULL")


@migrations(name="0034_thread_written")
def thread_written(db: Database) -> None:
    """The language each thread message was written in (`written`: the writer's, or English
    when they wrote English; for a teacher's answer, English or the family's language), and
    for an answer whether it went as a machine translation into the family's `language`
    (`machine`), so /thread says "sent in Spanish (machine translation)" or "sent as you wrote
    it". Codes and a flag, never text. NULL for a message from before this migration (and
    `written` for one in no language Puente could tell): /thread says nothing of it."""
    run_sql(db, """
ALTER TABLE thread_messages ADD COLUMN written TEXT;
ALTER TABLE thread_messages ADD COLUMN machine INTEGER
""")


@migrations(name="0035_family_languages")
def family_languages(db: Database) -> None:
    """A family member's language, kept per Telegram user rather than only on each link: one
    unlinked by a teacher (or whose child deleted their data) is still written to in the
    language they chose, never in English (playtest: a Somali father read "This phone is no
    longer linked" in English). It goes with their /deleteme. Filled from the links' choices."""
    run_sql(db, """
CREATE TABLE family_languages (
    telegram_id INTEGER PRIMARY KEY,   -- a family member, linked now or before
    language TEXT NOT NULL             -- the language they chose
);
INSERT INTO family_languages (telegram_id, language)
SELECT f.telegram_id, f.language FROM families f
WHERE f.language IS NOT NULL AND f.id = (SELECT min(o.id) FROM families o
    WHERE o.telegram_id = f.telegram_id AND o.language IS NOT NULL)
""")


@migrations(name="0036_started_messages_and_announcement_replies")
def started_messages_and_announcement_replies(db: Database) -> None:
    """A teacher may write first to a family member (from /families): the thread row of such a
    message is an answer to nothing, flagged `started`, so /thread says "you wrote first".
    And which Telegram messages carried which announcement, so a family member's reply to one
    reaches its teacher tagged with the announcement's date and first words (kept on the
    announcement when its text is dropped: the teacher's own words, a few of them)."""
    run_sql(db, """
ALTER TABLE thread_messages ADD COLUMN started INTEGER NOT NULL DEFAULT 0;
ALTER TABLE announcements ADD COLUMN beginning TEXT NOT NULL DEFAULT '';
CREATE TABLE announcement_messages (
    chat_id INTEGER NOT NULL,          -- the recipient's private chat (their Telegram id)
    message_id INTEGER NOT NULL,       -- the announcement's id in that chat
    announcement_id INTEGER NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
)
""")


@migrations(name="0037_word_kinds")
def word_kinds(db: Database) -> None:
    """A pack word's `kind_of` (JSON list of the pack's terms it is a kind of: "predator" is a
    consumer), so neither is a wrong option for the other; '[]' for words loaded before (the
    packs are loaded again at start-up)."""
    run_sql(db, "ALTER TABLE words ADD COLUMN kind_of TEXT NOT NULL DEFAULT '[]'")


@migrations(name="0038_attempts_by_student_time")
def attempts_by_student_time(db: Database) -> None:
    """An index of each student's answers in time order: /report's "🐢 Stalled" finds the
    school days a student answered on by seeking to each next day's first answer (a few
    lookups a student, not every answer: 365-734 ms on a class of a million answers), and
    "answered since" / the latest answers read a student's answers from a moment on."""
    run_sql(db, "CREATE INDEX idx_attempts_student_time ON attempts(student_id, answered_at)")


@migrations(name="0039_shared_relays")
def shared_relays(db: Database) -> None:
    """One relayed message may stand in several thread rows: a family's reply to a class
    announcement when two or more of their children are in the class (twins) is filed in each
    child's thread, so the teacher finds it under either name, and reads it once (one relay,
    naming them all). The relay's id in the teacher's chat is no longer unique to one row."""
    run_sql(db, """
DROP INDEX idx_thread_relay;
CREATE INDEX idx_thread_relay ON thread_messages(teacher_id, relay_message_id)
""")


@migrations(name="0040_ready_replies_and_family_names")
def ready_replies_and_family_names(db: Database) -> None:
    """A family message's ready-made reply (one of Puente's own texts, by its id: no words of
    anyone's) on its thread row, so it is sent once and /thread names it; and a family
    member's first name on their link, as Telegram gives it (kept as a student's first name
    is, refreshed by each message they write, deleted with the link), so /families, its
    buttons and /thread tell a grandfather from a cousin."""
    run_sql(db, """
ALTER TABLE thread_messages ADD COLUMN ready TEXT;
ALTER TABLE families ADD COLUMN first_name TEXT
""")


@migrations(name="0041_word_frame")
def word_frame(db: Database) -> None:
    """A pack word's own sentence frame ("___ is matter."), for levels 1-2 where the part of
    speech's frame reads wrong ("The matter is ___."); NULL where the pack gives none (the
    packs are loaded again at start-up)."""
    run_sql(db, "ALTER TABLE words ADD COLUMN frame TEXT")


@migrations(name="0042_remembered_prompt")
def remembered_prompt(db: Database) -> None:
    """1 where the item's word was asked with the same prompt (its answer then shown) within
    mastery.PROMPT_MEMORY before it: a right answer may be memory of that screen, so it is
    not the evidence that masters the word. Items stored before are taken as not remembered."""
    run_sql(db, "ALTER TABLE check_items ADD COLUMN remembered INTEGER NOT NULL DEFAULT 0")


@migrations(name="0043_card_seen_at")
def card_seen_at(db: Database) -> None:
    """When a word's card was last shown to the student (every /words page, Next/Back, 🔁,
    card sent again by /check), beside shown_at, the first time: a deciding review answered
    the school day its card was re-read is not the answer that masters the word. NULL for
    rows before: their last showing is unknown, and shown_at stands in for it."""
    run_sql(db, "ALTER TABLE mastery ADD COLUMN card_seen_at TEXT")


@migrations(name="0044_days_off")
def days_off(db: Database) -> None:
    """Days off a teacher set in Puente (a ready-made "There is no school on ___" sent, then
    "🏫 Also a day off in Puente"): no reminders, not counted as school days, as config.toml's
    holidays. School data, not a person's: a teacher's /deleteme keeps the day and forgets who
    set it (no message text is kept). And the day a ready-made "no school" announcement names,
    so the offer's button carries only the announcement's id (checked as the teacher's)."""
    run_sql(db, """
CREATE TABLE days_off (
    day TEXT PRIMARY KEY,              -- YYYY-MM-DD, the school's date
    set_by INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
    set_at TEXT NOT NULL
);
ALTER TABLE announcements ADD COLUMN closed_day TEXT
""")


@migrations(name="0045_erasures")
def erasures(db: Database) -> None:
    """Who was erased (a keyed hash of their Telegram id, never the id: the key lives in a file
    beside the store, not in it) and when, so a backup restored over the store, which brings
    the erased back, has them erased again (store.erasures). A copy of each row is kept in a
    file beside the store too, which a restore does not replace."""
    run_sql(db, """
CREATE TABLE erasures (
    telegram_id_hash TEXT PRIMARY KEY, -- HMAC-SHA256 of the Telegram id, key beside the store
    erased_at TEXT NOT NULL            -- the last erasure: who joined again after it stays
)
""")


@migrations(name="0046_typed_misses")
def typed_misses(db: Database) -> None:
    """A typed answer marked wrong keeps its text (at most 200 characters) for 14 days, so a
    teacher can count it as right from /student (grading still misses some right answers: a
    synonym, a phrase the lists do not know); the retention job empties it after that, and
    with it the word's mastery as it stood before that answer (JSON), from which the answers
    since are folded again when a teacher counts it. Every graded answer keeps how it was
    graded (`grading`, bits: overrule.py), which that fold needs. `overruled_at`: when a
    teacher counted the miss as right (the mark /student and the records export show; who did
    it is not kept), and on the word's mastery how many such answers it has (/student and the
    CSV show it, long after the text is gone). And the answers a class's teachers counted as
    right for a word, accepted next time for that word in that class (overrule.answer_key)."""
    run_sql(db, """
ALTER TABLE attempts ADD COLUMN typed TEXT;
ALTER TABLE attempts ADD COLUMN before TEXT;
ALTER TABLE attempts ADD COLUMN grading INTEGER;
ALTER TABLE attempts ADD COLUMN overruled_at TEXT;
ALTER TABLE mastery ADD COLUMN counted_by_teacher INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idx_attempts_typed ON attempts(answered_at) WHERE typed IS NOT NULL;
CREATE TABLE accepted_answers (
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    answer TEXT NOT NULL,              -- folded (overrule.answer_key): no link to who typed it
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (class_id, word_id, answer)
)
""")


@migrations(name="0048_excused_days")
def excused_days(db: Database) -> None:
    """School days a family member excused for their child with a ready-made message ("🤒 sick
    today", "📅 will not be at school on ___"): for that student alone, no reminder and not a
    school day (streak, family update, /report, the "gone quiet" note), as a day off is for
    everyone. Only the student, the day, who set it (the family member's Telegram id, emptied
    when they are erased) and when; no message text. Erased with the student (cascade); a
    teacher's undo deletes the row."""
    run_sql(db, """
CREATE TABLE excused_days (
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    day TEXT NOT NULL,                 -- YYYY-MM-DD, the school's date
    set_by INTEGER,                    -- the family member's Telegram id (NULL once erased)
    set_at TEXT NOT NULL,
    PRIMARY KEY (student_id, day)
)
""")


@migrations(name="0049_counted_answers_back_in_totals")
def counted_answers_back_in_totals(db: Database) -> None:
    """A typed miss a teacher counted as right stays among the answers it was graded in
    (typed_misses.count_as_right). Until then a count re-decided practice as for a live right
    answer, and a miss typed just after a wrong tap showed the word's meaning went into
    practice, out of every total: "correct 3 of 8" read "3 of 7" (re-playtest). Put those back:
    counted, practice, and neither a "Practice again" item nor the day its card was read
    (attempts.grading bits 8 and 2, overrule.Graded), with the word's practice totals."""
    def moved(at: str) -> str:  # the counted answers a count took out of every total
        return (f"{at}overruled_at IS NOT NULL AND {at}practice = 1 "
                f"AND {at}grading IS NOT NULL AND ({at}grading & 10) = 0")

    these = (f"FROM attempts a WHERE {moved('a.')} "
             "AND a.student_id = mastery.student_id AND a.word_id = mastery.word_id")
    run_sql(db, f"""
UPDATE mastery SET practised = practised - (SELECT count(*) {these}),
    practised_right = practised_right - (SELECT count(*) {these})
WHERE EXISTS (SELECT 1 {these});
UPDATE attempts SET practice = 0 WHERE {moved('')};
""")


@migrations(name="0050_letters_first")
def letters_first(db: Database) -> None:
    """A level-2 student's typed questions may open on their letter tiles, as at level 1
    (tiles.first): her teacher's choice, or hers when offered. NULL: never asked nor set;
    -1: asked, no answer yet; 0: off (her No, or her teacher's); 1: on."""
    run_sql(db, "ALTER TABLE students ADD COLUMN letters_first INTEGER")


@migrations(name="0051_word_recordings")
def word_recordings(db: Database) -> None:
    """A word's home-language line said by a teacher or a bilingual aide (a co-teacher) in a
    Telegram voice note, for the languages no offline voice speaks (Hmong, Somali, Tagalog):
    only Telegram's file_id, its length, the line said (a changed gloss is a new line to
    record), who recorded it and when. One recording a word and language; it goes with the
    teacher who recorded it (their voice) and with the word. `recording_prompts` remembers
    which word each "🎙️ Say in ..." message asked for, so a voice note replying to it (even
    after a restart) is that word's."""
    run_sql(db, """
CREATE TABLE word_recordings (
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    line TEXT NOT NULL,                -- the gloss line said, as the card shows it
    file_id TEXT NOT NULL,             -- Telegram's: the audio itself is never stored here
    seconds INTEGER NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (word_id, language)
);
CREATE TABLE recording_prompts (
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL,       -- the "🎙️ Say in ..." message in the teacher's chat
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (teacher_id, message_id)
)
""")


@migrations(name="0052_reads_aloud")
def reads_aloud(db: Database) -> None:
    """A student who cannot read yet (in her language or English) has her level 1-2 choice
    questions checked orally: numbered options, read aloud in English under her 🔊. Her
    teacher's switch (/readaloud); 0: off, 1: on. Kept on her row, so it goes with her."""
    run_sql(db, "ALTER TABLE students ADD COLUMN reads_aloud INTEGER NOT NULL DEFAULT 0")


@migrations(name="0053_reply_recordings")
def reply_recordings(db: Database) -> None:
    """A class's ready-made replies said in a language no voice speaks (Hmong, Somali,
    Tagalog), by its teacher or a bilingual aide (a co-teacher), for a family member or student
    who reads little: Telegram's file_id only, its length, who recorded it and when. One a
    class, reply and language (the class's teachers share it, as they share its words' lines);
    it goes with the class and with the teacher who recorded it (their voice). A "🎙️ Say in
    ..." prompt now asks for a word's line or for a reply: `recording_prompts` is rebuilt with
    `word_id` optional and a `reply`, its open prompts kept."""
    run_sql(db, """
CREATE TABLE reply_recordings (
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    reply TEXT NOT NULL,               -- a ready-made reply's key: "sick", "call", "great", ...
    language TEXT NOT NULL,
    file_id TEXT NOT NULL,             -- Telegram's: the audio itself is never stored here
    seconds INTEGER NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (class_id, reply, language)
);
CREATE TABLE recording_prompts_new (
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL,       -- the "🎙️ Say in ..." message in the teacher's chat
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    word_id INTEGER REFERENCES words(id) ON DELETE CASCADE,
    reply TEXT,                        -- a ready-made reply's key (then no word)
    language TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (teacher_id, message_id),
    CHECK ((word_id IS NULL) != (reply IS NULL))
);
INSERT INTO recording_prompts_new (teacher_id, message_id, class_id, word_id, language, asked_at)
SELECT teacher_id, message_id, class_id, word_id, language, asked_at FROM recording_prompts;
DROP TABLE recording_prompts;
ALTER TABLE recording_prompts_new RENAME TO recording_prompts
""")


@migrations(name="0054_tile_decoys")
def tile_decoys(db: Database) -> None:
    """A level 1-2 question's decoys: other English words of her list that its letter tiles
    spell too, so the deal names no one word (bot/domain/tiles.py). Kept with the question
    because the deal is made again when ✅ is graded, and her list grows meanwhile. A JSON
    list; NULL: none (an older question, or one above level 2)."""
    run_sql(db, "ALTER TABLE check_items ADD COLUMN decoys TEXT")


@migrations(name="0055_dont_know_attempts")
def dont_know_attempts(db: Database) -> None:
    """Whether a graded answer was "I don't know" (the 🤷 button, a quiz poll's 🤷 option, or
    a typed "no sé" / "je sais pas" taken as it): a flag, never the text. /report, /student
    and the CSV tell a teacher how many misses were 🤷, so a child who skips the typed
    questions is not read as one who tries and misses. 1: 🤷, 0: any other answer; NULL:
    answered before Puente kept it (unknown, and counted as no 🤷)."""
    run_sql(db, "ALTER TABLE attempts ADD COLUMN dont_know INTEGER")


@migrations(name="0056_chinese_scripts")
def chinese_scripts(db: Database) -> None:
    """The script of Chinese a person reads, whatever their role (student, family member,
    teacher): Traditional from a zh-TW, zh-Hant or zh-HK phone, or the one she tapped
    ("繁體中文", "简体中文"), which a phone's never replaces. Only those a Traditional phone or
    a tap told of have a row: no row reads Simplified, the catalogue's own
    (bot/domain/chinese_script.py)."""
    run_sql(db, """
CREATE TABLE chinese_scripts (
    telegram_id INTEGER PRIMARY KEY,
    script TEXT NOT NULL               -- Hans, Hant, Hant-TW or Hant-HK
)""")
