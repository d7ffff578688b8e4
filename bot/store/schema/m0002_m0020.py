"""Migrations 0002-0020: co-teachers to retired words."""

from __future__ import annotations

from sqlite_utils import Database

from bot.store.schema.registry import migrations, run_sql


@migrations(name="0002_co_teachers_and_invite_expiry")
def co_teachers(db: Database) -> None:
    """Co-teachers of a class, their single-use codes, and teacher invites that expire."""
    run_sql(db, """
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
    run_sql(db, """
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
ALTER TABLE outbox ADD COLUMN attempted_at TEXT;
CREATE INDEX idx_outbox_chat ON outbox(chat_id, status, id)
""")


@migrations(name="0004_voice_clips")
def voice_clips(db: Database) -> None:
    """Telegram file_ids of uploaded pronunciation clips, so each clip is uploaded once."""
    run_sql(db, """
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
    run_sql(db, """
ALTER TABLE words ADD COLUMN cloze TEXT;
ALTER TABLE words ADD COLUMN forms TEXT NOT NULL DEFAULT '[]'
""")


@migrations(name="0006_family_messages")
def family_messages(db: Database) -> None:
    """Threads between families or students and teachers (no message text), announcements
    waiting for the teacher's confirmation, and family links several caregivers may use."""
    run_sql(db, """
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
    run_sql(db, """
ALTER TABLE mastery ADD COLUMN first_correct_at TEXT;
ALTER TABLE mastery ADD COLUMN first_seen TEXT
""")


@migrations(name="0008_settings")
def settings(db: Database) -> None:
    """Small facts about the store itself (e.g. which shipped packs it holds)."""
    run_sql(db, """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
""")


@migrations(name="0009_word_simple_definition")
def word_simple_definition(db: Database) -> None:
    """A newcomer's definition of each word (at most 12 common words)."""
    run_sql(db, "ALTER TABLE words ADD COLUMN simple TEXT")


@migrations(name="0010_previews")
def previews(db: Database) -> None:
    """Previews shown one card at a time (levels 1-3): which words, in which order, whose."""
    run_sql(db, """
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
    run_sql(db, "CREATE INDEX idx_check_items_check ON check_items(check_id, id)")


@migrations(name="0012_practice_items")
def practice_items(db: Database) -> None:
    """Re-teaching items are practice: shown as "Practice again", outside the check's n/N."""
    run_sql(db, "ALTER TABLE check_items ADD COLUMN practice INTEGER NOT NULL DEFAULT 0")


@migrations(name="0013_listening_totals")
def listening_totals(db: Database) -> None:
    """Running totals of listening answers ("hear the word, choose it"), within attempts and
    correct: reports show recognition of the spoken word apart, and never scan attempts."""
    run_sql(db, """
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
    run_sql(db, """
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
    run_sql(db, """
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
    run_sql(db, """
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
    run_sql(db, """
ALTER TABLE family_links ADD COLUMN revoked_at TEXT;
ALTER TABLE families ADD COLUMN link_code TEXT
""")


@migrations(name="0018_gone_relays")
def gone_relays(db: Database) -> None:
    """Relayed messages whose writer has deleted their data (or whose student has): a reply to
    one tells the teacher so. The row keeps the teacher's message id and the writer's role
    (student or family), never who wrote; it goes with the retention of the message's thread."""
    run_sql(db, """
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
    run_sql(db, "CREATE INDEX idx_pushes_class ON pushes(class_id)")


@migrations(name="0020_retired_words")
def retired_words(db: Database) -> None:
    """A word left out of a new version of its pack is retired, never deleted: its students'
    answers and mastery stay (reports keep them), no one new is shown it, and putting the word
    back in the pack (same term) brings back the same word and its history."""
    run_sql(db, "ALTER TABLE words ADD COLUMN retired_at TEXT")
