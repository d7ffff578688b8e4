"""Numbered schema migrations for the mastery store (sqlite-utils' Migrations helper)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("puente")

# Names these migrations shipped under before they were renumbered (old -> new). A store records
# the name each migration was applied under, so without this it would run them again.
# Never reuse a name on the left for a new migration.
RENAMED: dict[str, str] = {
    "0004_word_cloze_and_forms": "0005_word_cloze_and_forms",
    "0005_mastery_evidence": "0007_mastery_evidence",
    "0007_settings": "0008_settings",
    "0008_word_simple_definition": "0009_word_simple_definition",
}


def adopt_renamed(db: Database) -> list[str]:
    """Rewrite recorded old migration names to their new ones; return the old names rewritten."""
    table = migrations.migrations_table
    if not db[table].exists():
        return []  # a new store: nothing recorded under any name
    where = "migration_set = ? AND name = ?"
    rewritten = []
    with db.atomic():  # all or nothing: a half-renamed store would re-run what it lacks
        for old, new in RENAMED.items():
            if not db.execute(f"SELECT 1 FROM [{table}] WHERE {where}", [migrations.name, old]
                              ).fetchone():
                continue
            if db.execute(f"SELECT 1 FROM [{table}] WHERE {where}", [migrations.name, new]
                          ).fetchone():
                # Both names recorded (by hand?): one row says it ran, and the index allows one.
                db.execute(f"DELETE FROM [{table}] WHERE {where}", [migrations.name, old])
            else:
                # UPDATE keeps the rowid, so the recorded order (and applied_at) stay as they were.
                db.execute(f"UPDATE [{table}] SET name = ? WHERE {where}",
                           [new, migrations.name, old])
            rewritten.append(old)
    return rewritten


def _run(db: Database, script: str) -> None:
    # executescript() would COMMIT mid-migration; one execute per statement keeps it atomic.
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    """Create the people, packs, study and delivery tables."""
    _run(db, """
CREATE TABLE teachers (
    id INTEGER PRIMARY KEY,            -- Telegram user id
    first_name TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    created_at TEXT NOT NULL
);
CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    code_expires_at TEXT NOT NULL,
    pack_id TEXT REFERENCES packs(id),
    created_at TEXT NOT NULL,
    UNIQUE (teacher_id, name)
);
CREATE TABLE students (
    id INTEGER PRIMARY KEY,            -- Telegram user id
    first_name TEXT NOT NULL,
    language TEXT,                     -- confirmed primary language, NULL until confirmed
    reminder_time TEXT,                -- HH:MM local, NULL = the school's time, 'off' = none
    blocked_at TEXT,                   -- set when Telegram says the student blocked the bot
    created_at TEXT NOT NULL
);
CREATE TABLE enrollments (
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    wida_level INTEGER CHECK (wida_level BETWEEN 1 AND 6),
    level_source TEXT,                 -- 'placement' | 'teacher'
    joined_at TEXT NOT NULL,
    PRIMARY KEY (student_id, class_id)
);
CREATE INDEX idx_enrollments_class ON enrollments(class_id);
CREATE TABLE families (
    id INTEGER PRIMARY KEY,
    telegram_id INTEGER NOT NULL,
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    language TEXT,
    updates_on INTEGER NOT NULL DEFAULT 1,
    linked_at TEXT NOT NULL,
    UNIQUE (telegram_id, student_id)
);
CREATE TABLE family_links (
    code TEXT PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE TABLE packs (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    grade_min INTEGER NOT NULL,
    grade_max INTEGER NOT NULL,
    owner_teacher_id INTEGER REFERENCES teachers(id) ON DELETE CASCADE,  -- NULL = shipped pack
    shared INTEGER NOT NULL DEFAULT 1,
    loaded_at TEXT NOT NULL
);
CREATE TABLE words (
    id INTEGER PRIMARY KEY,
    pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    term TEXT NOT NULL,
    pos TEXT NOT NULL,
    tier INTEGER NOT NULL,
    definition TEXT NOT NULL,
    example TEXT NOT NULL,
    emoji TEXT,
    glosses TEXT NOT NULL DEFAULT '{}',  -- JSON: lang -> {term, definition, cognate, ...}
    UNIQUE (pack_id, term)
);
CREATE TABLE pushes (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    pack_id TEXT NOT NULL REFERENCES packs(id),
    word_ids TEXT NOT NULL,            -- JSON list of word ids
    send_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    reported_at TEXT
);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    push_id INTEGER REFERENCES pushes(id) ON DELETE CASCADE,
    chat_id INTEGER NOT NULL,
    kind TEXT NOT NULL,                -- what to render: 'preview', 'family-update', ...
    payload TEXT NOT NULL,             -- JSON parameters for the renderer
    status TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | blocked | failed
    tries INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    not_before TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX idx_outbox_pending ON outbox(status, not_before);
CREATE INDEX idx_outbox_push ON outbox(push_id, status);
CREATE TABLE check_items (
    id INTEGER PRIMARY KEY,
    check_id INTEGER,                  -- id of the check's first item: groups one check
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL,           -- choice | reverse | cloze | typed | poll
    prompt_lang TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',  -- JSON list of choices shown, in order
    prompt TEXT NOT NULL,              -- what was asked (pack text, never the student's)
    answer TEXT NOT NULL,              -- the expected answer
    asks_meaning INTEGER NOT NULL DEFAULT 0,
    poll_id TEXT UNIQUE,
    correct INTEGER,
    created_at TEXT NOT NULL,
    answered_at TEXT
);
CREATE INDEX idx_check_items_open ON check_items(student_id, answered_at);
CREATE TABLE placements (
    student_id INTEGER PRIMARY KEY REFERENCES students(id) ON DELETE CASCADE,
    answers TEXT NOT NULL DEFAULT '[]'  -- JSON list of correct (1) / wrong (0), in order
);
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    item_type TEXT NOT NULL,
    prompt_lang TEXT NOT NULL,
    correct INTEGER NOT NULL,
    answered_at TEXT NOT NULL
);
CREATE INDEX idx_attempts_student_word ON attempts(student_id, word_id, answered_at);
CREATE INDEX idx_attempts_word ON attempts(word_id);
CREATE TABLE mastery (
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    word_id INTEGER NOT NULL REFERENCES words(id) ON DELETE CASCADE,
    p_known REAL NOT NULL,
    card TEXT NOT NULL,                -- JSON of the FSRS card
    due_at TEXT NOT NULL,
    successes INTEGER NOT NULL DEFAULT 0,
    misses_in_row INTEGER NOT NULL DEFAULT 0,
    success_days TEXT NOT NULL DEFAULT '[]',  -- JSON: local dates with a correct answer
    mastered_at TEXT,
    alerted_at TEXT,                   -- teacher told about repeated misses
    attempts INTEGER NOT NULL DEFAULT 0,  -- running totals, so reports never scan attempts
    correct INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (student_id, word_id)
);
CREATE INDEX idx_mastery_due ON mastery(student_id, due_at);
CREATE INDEX idx_mastery_word ON mastery(word_id);
CREATE TABLE translations (
    id INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_text TEXT NOT NULL,
    text TEXT NOT NULL,
    engine TEXT NOT NULL,              -- 'argos' | 'teacher' | ...
    reviewed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source_text)
);
CREATE TABLE teacher_invites (
    code TEXT PRIMARY KEY,
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    used_by INTEGER,
    used_at TEXT
)
""")


@migrations(name="0002_co_teachers_and_invite_expiry")
def co_teachers(db: Database) -> None:
    """Co-teachers of a class, their single-use codes, and teacher invites that expire."""
    _run(db, """
CREATE TABLE class_teachers (
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    PRIMARY KEY (class_id, teacher_id)
);
CREATE INDEX idx_class_teachers_teacher ON class_teachers(teacher_id);
CREATE TABLE coteach_codes (
    code TEXT PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    created_by INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
ALTER TABLE teacher_invites ADD COLUMN expires_at TEXT
""")


@migrations(name="0003_outbox_leases")
def outbox_leases(db: Database) -> None:
    """Outbox leases (one sender per row), the moment a send began, and per-chat ordering."""
    _run(db, """
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
ALTER TABLE outbox ADD COLUMN attempted_at TEXT;
CREATE INDEX idx_outbox_chat ON outbox(chat_id, status, id)
""")


@migrations(name="0004_voice_clips")
def voice_clips(db: Database) -> None:
    """Telegram file_ids of uploaded pronunciation clips, so each clip is uploaded once."""
    _run(db, """
CREATE TABLE voice_clips (
    clip_key TEXT PRIMARY KEY,         -- content hash of the clip (bot/speech)
    file_id TEXT NOT NULL,             -- Telegram's id for the uploaded voice note
    seconds REAL NOT NULL,
    bytes INTEGER NOT NULL,
    uploaded_at TEXT NOT NULL
)
""")


@migrations(name="0005_word_cloze_and_forms")
def word_cloze_and_forms(db: Database) -> None:
    """Each word's own fill-in-the-gap sentence and the inflected forms it may use."""
    _run(db, """
ALTER TABLE words ADD COLUMN cloze TEXT;
ALTER TABLE words ADD COLUMN forms TEXT NOT NULL DEFAULT '[]'
""")


@migrations(name="0006_family_messages")
def family_messages(db: Database) -> None:
    """Threads between families or students and teachers (no message text), announcements
    waiting for the teacher's confirmation, and family links several caregivers may use."""
    _run(db, """
CREATE TABLE thread_messages (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    asker_id INTEGER NOT NULL,         -- Telegram id of the student or family member
    asker_role TEXT NOT NULL,          -- 'student' | 'family'
    direction TEXT NOT NULL,           -- 'ask' (to the teacher) | 'answer' (the teacher's)
    language TEXT NOT NULL,            -- the asker's language
    relay_message_id INTEGER,          -- the relayed message in the teacher's chat
    created_at TEXT NOT NULL,
    answered_at TEXT
);
CREATE INDEX idx_thread_student ON thread_messages(student_id, created_at);
CREATE INDEX idx_thread_asker ON thread_messages(asker_id);
CREATE UNIQUE INDEX idx_thread_relay ON thread_messages(teacher_id, relay_message_id);
CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    text TEXT NOT NULL,                -- emptied once queued: the outbox holds what is sent
    translations TEXT NOT NULL DEFAULT '{}',  -- JSON: lang -> {text, machine}
    created_at TEXT NOT NULL,
    sent_at TEXT
);
ALTER TABLE family_links ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
UPDATE family_links SET uses = 1 WHERE used_at IS NOT NULL
""")


@migrations(name="0007_mastery_evidence")
def mastery_evidence(db: Database) -> None:
    """Evidence over time: when a word was first right (since its last miss) and first seen."""
    _run(db, """
ALTER TABLE mastery ADD COLUMN first_correct_at TEXT;
ALTER TABLE mastery ADD COLUMN first_seen TEXT
""")


@migrations(name="0008_settings")
def settings(db: Database) -> None:
    """Small facts about the store itself (e.g. which shipped packs it holds)."""
    _run(db, """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
""")


@migrations(name="0009_word_simple_definition")
def word_simple_definition(db: Database) -> None:
    """A newcomer's definition of each word (at most 12 common words)."""
    _run(db, "ALTER TABLE words ADD COLUMN simple TEXT")


@migrations(name="0010_previews")
def previews(db: Database) -> None:
    """Previews shown one card at a time (levels 1-3): which words, in which order, whose."""
    _run(db, """
CREATE TABLE previews (
    id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    word_ids TEXT NOT NULL,            -- JSON list of word ids, in card order
    new INTEGER,                       -- words shown for the first time (NULL: all of them)
    offer_check INTEGER NOT NULL DEFAULT 1,  -- the last card offers "Check" (0: a check follows)
    created_at TEXT NOT NULL
);
CREATE INDEX idx_previews_student ON previews(student_id, id)
""")


@migrations(name="0011_check_items_by_check")
def check_items_by_check(db: Database) -> None:
    """Find a check's items by check_id: every graded answer reads its check, and without this
    index that read scanned every item any student was ever sent."""
    _run(db, "CREATE INDEX idx_check_items_check ON check_items(check_id, id)")


@migrations(name="0012_practice_items")
def practice_items(db: Database) -> None:
    """Re-teaching items are practice: shown as "Practice again", outside the check's n/N."""
    _run(db, "ALTER TABLE check_items ADD COLUMN practice INTEGER NOT NULL DEFAULT 0")


@migrations(name="0013_listening_totals")
def listening_totals(db: Database) -> None:
    """Running totals of listening answers ("hear the word, choose it"), within attempts and
    correct: reports show recognition of the spoken word apart, and never scan attempts."""
    _run(db, """
ALTER TABLE mastery ADD COLUMN listened INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mastery ADD COLUMN listened_right INTEGER NOT NULL DEFAULT 0;
UPDATE mastery SET
    listened = (SELECT count(*) FROM attempts a WHERE a.student_id = mastery.student_id
                AND a.word_id = mastery.word_id AND a.item_type = 'listen'),
    listened_right = (SELECT coalesce(sum(a.correct), 0) FROM attempts a
                      WHERE a.student_id = mastery.student_id AND a.word_id = mastery.word_id
                      AND a.item_type = 'listen')
WHERE attempts > 0
""")


@migrations(name="0014_roster_numbers")
def roster_numbers(db: Database) -> None:
    """A student's number in a class, given once at enrolment and never given again in that
    class (a counter on the class), so "3" means the same student whoever joins or leaves.
    Existing enrolments are numbered in the name order /roster numbered them by until now."""
    _run(db, """
ALTER TABLE classes ADD COLUMN last_roster_no INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrollments ADD COLUMN roster_no INTEGER;
WITH numbered AS (
    SELECT e.student_id, e.class_id, row_number() OVER (
        PARTITION BY e.class_id ORDER BY s.first_name COLLATE NOCASE, s.id) AS n
    FROM enrollments e JOIN students s ON s.id = e.student_id)
UPDATE enrollments SET roster_no = (
    SELECT n FROM numbered WHERE numbered.student_id = enrollments.student_id
    AND numbered.class_id = enrollments.class_id);
UPDATE classes SET last_roster_no = (
    SELECT count(*) FROM enrollments WHERE class_id = classes.id);
CREATE UNIQUE INDEX idx_enrollments_roster_no ON enrollments(class_id, roster_no)
""")


@migrations(name="0015_cards_shown")
def cards_shown(db: Database) -> None:
    """When a word's card was first shown to the student: unlocking a word keeps its place, but
    a check asks only words whose cards the student has seen (one card a message at levels 1-3,
    so a preview's later cards may never be opened). Existing rows count as shown unless they
    were never answered and sit in one of the student's previews, never as its first card."""
    _run(db, """
ALTER TABLE mastery ADD COLUMN shown_at TEXT;
UPDATE mastery SET shown_at = coalesce(first_seen, updated_at)
WHERE attempts > 0
   OR NOT EXISTS (SELECT 1 FROM previews p, json_each(p.word_ids) j
                  WHERE p.student_id = mastery.student_id AND j.value = mastery.word_id)
   OR EXISTS (SELECT 1 FROM previews p WHERE p.student_id = mastery.student_id
              AND json_extract(p.word_ids, '$[0]') = mastery.word_id)
""")


@migrations(name="0016_first_answers_backfilled")
def first_answers_backfilled(db: Database) -> None:
    """A word's first answer from the answers themselves, where 0007 left it empty (answered
    before then) or too late (the first answer after it): "correct N of M over D day(s)" counts
    the days from the first answer, and read "over 1 day(s)" for weeks of answers."""
    _run(db, """
UPDATE mastery SET first_seen = (
    SELECT min(a.answered_at) FROM attempts a
    WHERE a.student_id = mastery.student_id AND a.word_id = mastery.word_id)
WHERE attempts > 0 AND EXISTS (
    SELECT 1 FROM attempts a
    WHERE a.student_id = mastery.student_id AND a.word_id = mastery.word_id
    AND (mastery.first_seen IS NULL OR a.answered_at < mastery.first_seen))
""")


@migrations(name="0017_revocable_family_links")
def revocable_family_links(db: Database) -> None:
    """A teacher may cancel a family link, and unlinking someone cancels the link they opened
    (so it cannot link them again): when each link was cancelled, and which link each family
    member opened (NULL for those linked before this)."""
    _run(db, """
ALTER TABLE family_links ADD COLUMN revoked_at TEXT;
ALTER TABLE families ADD COLUMN link_code TEXT
""")


@migrations(name="0018_gone_relays")
def gone_relays(db: Database) -> None:
    """Relayed messages whose writer has deleted their data (or whose student has): a reply to
    one tells the teacher so. The row keeps the teacher's message id and the writer's role
    (student or family), never who wrote; it goes with the retention of the message's thread."""
    _run(db, """
CREATE TABLE gone_relays (
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    relay_message_id INTEGER NOT NULL,
    asker_role TEXT NOT NULL,          -- 'student' | 'family'
    created_at TEXT NOT NULL,          -- when the message was written (for retention)
    PRIMARY KEY (teacher_id, relay_message_id)
)
""")


@migrations(name="0019_pushes_by_class")
def pushes_by_class(db: Database) -> None:
    """Find a class's pushes by class_id: class views (/report and its CSV, /roster, the daily
    alert) read the words pushed to the class, and without this index each read scanned every
    push any teacher ever made; deleting a class (its pushes cascade) scanned them too."""
    _run(db, "CREATE INDEX idx_pushes_class ON pushes(class_id)")


@migrations(name="0020_retired_words")
def retired_words(db: Database) -> None:
    """A word left out of a new version of its pack is retired, never deleted: its students'
    answers and mastery stay (reports keep them), no one new is shown it, and putting the word
    back in the pack (same term) brings back the same word and its history."""
    _run(db, "ALTER TABLE words ADD COLUMN retired_at TEXT")


@migrations(name="0021_mastery_luck")
def mastery_luck(db: Database) -> None:
    """The chance that a word's right answers since the last miss came from guessing (the
    product of each item's guess rate; see mastery.MASTERED_LUCK). A word answered before
    this migration starts its run again (1.0): never mastered on weaker evidence."""
    _run(db, "ALTER TABLE mastery ADD COLUMN luck REAL NOT NULL DEFAULT 1.0")


@migrations(name="0022_practice_estimate")
def practice_estimate(db: Database) -> None:
    """A miss on an answer counted as one option ("Practice again", an answer that stood out)
    set the knowledge estimate to exactly 1.0, where no later answer could move it: the word
    of a student who kept missing it read "sure". Knowledge tracing never reaches 1.0 on real
    evidence before mastery, so an unmastered word at 1.0 starts again from the prior (its
    attempts, misses and schedule stay as they are)."""
    _run(db, "UPDATE mastery SET p_known = 0.15 WHERE p_known >= 1.0 AND mastered_at IS NULL")


@migrations(name="0023_teacher_language_choice")
def teacher_language_choice(db: Database) -> None:
    """A teacher may choose the language Puente writes to her in (/language); until she does,
    it follows her phone's, as before. Many teachers keep an English phone and read faster in
    their first language (playtest 11)."""
    _run(db, "ALTER TABLE teachers ADD COLUMN language_chosen INTEGER NOT NULL DEFAULT 0")


@migrations(name="0024_family_replies_to_answers")
def family_replies_to_answers(db: Database) -> None:
    """A family member who answers a teacher's answer with Telegram's reply writes about the
    child that thread is about (a shared phone is not asked "which child?" again): the id of
    the delivered answer in their chat, on the answer's thread row. It goes with the thread
    (/deleteme, retention) and is cleared when the family member is unlinked."""
    _run(db, """
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
    _run(db, """
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
    _run(db, "ALTER TABLE check_items ADD COLUMN english_retries INTEGER NOT NULL DEFAULT 0")


@migrations(name="0027_replaced_join_codes")
def replaced_join_codes(db: Database) -> None:
    """A class link replaced with /revoke is told apart from a mistyped one ("this link was
    replaced; ask your teacher for the new one"): a hash of each replaced code, its class, and
    when the code would have expired anyway (forgotten after). Nothing here names a child."""
    _run(db, """
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
    _run(db, """
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
    _run(db, "ALTER TABLE thread_messages ADD COLUMN thanks INTEGER NOT NULL DEFAULT 0")


@migrations(name="0030_preview_messages")
def preview_messages(db: Database) -> None:
    """The Telegram message that shows each one-card preview (levels 1-3), so /check points to
    the cards a student has not read yet there instead of sending them again. Only the message
    id: a preview is sent in the student's private chat, whose id is the student's. NULL for a
    preview not sent yet (a push waiting in the outbox) or sent before this migration."""
    _run(db, "ALTER TABLE previews ADD COLUMN message_id INTEGER")


@migrations(name="0031_typed_intro")
def typed_intro(db: Database) -> None:
    """Whether a student at levels 1-2 has had the one-time line before her first typed
    question ("⭐ A mastery question: write the English word from your card"): a flag, so it
    is said once, never with every typed question."""
    _run(db, "ALTER TABLE students ADD COLUMN typed_intro INTEGER NOT NULL DEFAULT 0")


@migrations(name="0032_poll_message")
def poll_message(db: Database) -> None:
    """The Telegram message that shows a check item's quiz poll, so the poll is closed when
    the question is answered another way (typed, or on the buttons /check asks it again with),
    after a restart too. Only the message id: the poll is in the student's private chat. NULL
    for an item sent as no poll, or before this migration."""
    _run(db, "ALTER TABLE check_items ADD COLUMN poll_message_id INTEGER")


@migrations(name="0033_chosen_word")
def chosen_word(db: Database) -> None:
    """The pack word behind the wrong option a student tapped, so Puente can tell which two
    words she mixes up (domain/confusions.py). NULL for a right tap, a typed answer, a "🤷",
    an option that is no pack word, and every answer before this migration."""
    _run(db, "ALTER TABLE check_items ADD COLUMN chosen_word_id INTEGER "
             "REFERENCES words(id) ON DELETE SET NULL")


@migrations(name="0034_thread_written")
def thread_written(db: Database) -> None:
    """The language each thread message was written in (`written`: the writer's, or English
    when they wrote English; for a teacher's answer, English or the family's language), and
    for an answer whether it went as a machine translation into the family's `language`
    (`machine`), so /thread says "sent in Spanish (machine translation)" or "sent as you wrote
    it". Codes and a flag, never text. NULL for a message from before this migration (and
    `written` for one in no language Puente could tell): /thread says nothing of it."""
    _run(db, """
ALTER TABLE thread_messages ADD COLUMN written TEXT;
ALTER TABLE thread_messages ADD COLUMN machine INTEGER
""")


@migrations(name="0035_family_languages")
def family_languages(db: Database) -> None:
    """A family member's language, kept per Telegram user rather than only on each link: one
    unlinked by a teacher (or whose child deleted their data) is still written to in the
    language they chose, never in English (playtest: a Somali father read "This phone is no
    longer linked" in English). It goes with their /deleteme. Filled from the links' choices."""
    _run(db, """
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
    _run(db, """
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
    _run(db, "ALTER TABLE words ADD COLUMN kind_of TEXT NOT NULL DEFAULT '[]'")


@migrations(name="0038_attempts_by_student_time")
def attempts_by_student_time(db: Database) -> None:
    """An index of each student's answers in time order: /report's "🐢 Stalled" finds the
    school days a student answered on by seeking to each next day's first answer (a few
    lookups a student, not every answer: 365-734 ms on a class of a million answers), and
    "answered since" / the latest answers read a student's answers from a moment on."""
    _run(db, "CREATE INDEX idx_attempts_student_time ON attempts(student_id, answered_at)")


@migrations(name="0039_shared_relays")
def shared_relays(db: Database) -> None:
    """One relayed message may stand in several thread rows: a family's reply to a class
    announcement when two or more of their children are in the class (twins) is filed in each
    child's thread, so the teacher finds it under either name, and reads it once (one relay,
    naming them all). The relay's id in the teacher's chat is no longer unique to one row."""
    _run(db, """
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
    _run(db, """
ALTER TABLE thread_messages ADD COLUMN ready TEXT;
ALTER TABLE families ADD COLUMN first_name TEXT
""")


@migrations(name="0041_word_frame")
def word_frame(db: Database) -> None:
    """A pack word's own sentence frame ("___ is matter."), for levels 1-2 where the part of
    speech's frame reads wrong ("The matter is ___."); NULL where the pack gives none (the
    packs are loaded again at start-up)."""
    _run(db, "ALTER TABLE words ADD COLUMN frame TEXT")


@migrations(name="0042_remembered_prompt")
def remembered_prompt(db: Database) -> None:
    """1 where the item's word was asked with the same prompt (its answer then shown) within
    mastery.PROMPT_MEMORY before it: a right answer may be memory of that screen, so it is
    not the evidence that masters the word. Items stored before are taken as not remembered."""
    _run(db, "ALTER TABLE check_items ADD COLUMN remembered INTEGER NOT NULL DEFAULT 0")


@migrations(name="0043_card_seen_at")
def card_seen_at(db: Database) -> None:
    """When a word's card was last shown to the student (every /words page, Next/Back, 🔁,
    card sent again by /check), beside shown_at, the first time: a deciding review answered
    the school day its card was re-read is not the answer that masters the word. NULL for
    rows before: their last showing is unknown, and shown_at stands in for it."""
    _run(db, "ALTER TABLE mastery ADD COLUMN card_seen_at TEXT")


@migrations(name="0044_days_off")
def days_off(db: Database) -> None:
    """Days off a teacher set in Puente (a ready-made "There is no school on ___" sent, then
    "🏫 Also a day off in Puente"): no reminders, not counted as school days, as config.toml's
    holidays. School data, not a person's: a teacher's /deleteme keeps the day and forgets who
    set it (no message text is kept). And the day a ready-made "no school" announcement names,
    so the offer's button carries only the announcement's id (checked as the teacher's)."""
    _run(db, """
CREATE TABLE days_off (
    day TEXT PRIMARY KEY,              -- YYYY-MM-DD, the school's date
    set_by INTEGER REFERENCES teachers(id) ON DELETE SET NULL,
    set_at TEXT NOT NULL
);
ALTER TABLE announcements ADD COLUMN closed_day TEXT
""")
