"""Migration 0001: the tables Puente first shipped with."""

from __future__ import annotations

from sqlite_utils import Database

from bot.store.schema.registry import migrations, run_sql


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    """Create the people, packs, study and delivery tables."""
    run_sql(db, """
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

