"""Read pack files from disk, validate them together, and load them into the store."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from bot.domain.checks import WordRef
from bot.domain.errors import PuenteError
from bot.domain.item_audit import LEVELS, AuditReport, audit
from bot.domain.names import clean_label, inert
from bot.domain.pack_changes import PackChanges
from bot.domain.pack_csv import parse_csv_pack, sample_csv
from bot.domain.pack_validation import parse_pack
from bot.domain.packs import DEFAULT_PACK, Pack, PackError, Problem, pack_name
from bot.domain.variety import same_definition_words, single_sentence_words
from bot.paths import PACKS_DIR
from bot.services.pushes import UnknownPackError, similar_packs
from bot.services.teaching import BadInputError, require_teacher, teacher_classes
from bot.store.packs import (
    PackSummary,
    list_packs,
    pack_owner,
    pack_words,
    practised_words,
    save_pack,
    set_shipped_fingerprint,
    shipped_fingerprint,
)
from bot.store.people import teacher_student_languages


@dataclass(frozen=True)
class PackLoad:
    packs: tuple[Pack, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def pack_files(paths: Iterable[Path]) -> list[Path]:
    """Expand directories into the .toml files below them, sorted, each file once: `packs
    validate FILE FOLDER` with the file inside the folder said its problems twice (playtest)."""
    found: dict[Path, Path] = {}
    for path in paths:
        for file in sorted(path.rglob("*.toml")) if path.is_dir() else [path]:
            found.setdefault(file.resolve(), file)
    return list(found.values())


def shipped_owners(folder: Path) -> dict[str, Path]:
    """Each shipped pack id and its file: a shipped pack lives at <subject>/<name>.toml with
    id "<subject>.<name>" (tests/cli/test_district_packs.py keeps it so)."""
    return {f"{path.parent.name}.{path.stem}": path.resolve()
            for path in pack_files([folder]) if path.parent != folder}


def load_packs(paths: Sequence[Path] | None = None, shipped: Path | None = None) -> PackLoad:
    """Parse every pack file; a broken file contributes problems and no pack.

    A shipped pack's id is its own wherever the other file sits or whichever is read first: a
    district's copy that kept it would replace the shipped words (retiring them in every
    class), so the copy is the one skipped, and the problem names it.
    """
    packs: list[Pack] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    owners = shipped_owners(shipped or PACKS_DIR)
    for path in pack_files([PACKS_DIR] if paths is None else paths):
        try:
            too_big = _too_big(path.stat().st_size)
            text = "" if too_big else path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), 1, f"cannot read the file: {exc}"))
            continue
        if too_big:  # refused unread: a 66 MB pack took 29 s and 590 MB to load
            problems.append(Problem(str(path), 1, too_big))
            continue
        try:
            pack = parse_pack(text, str(path))
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        line = next((i + 1 for i, row in enumerate(text.splitlines())
                     if row.strip().startswith("id")), 1)
        owner = owners.get(pack.id)
        if owner is not None and owner != path.resolve():
            problems.append(Problem(str(path), line, f"pack id {pack.id} belongs to a shipped "
                                    f"pack ({owner}); give your pack its own id"))
            continue
        if pack.id in seen:
            problems.append(Problem(str(path), line,
                                    f"pack id '{pack.id}' is already used by {seen[pack.id]}"))
            continue
        seen[pack.id] = str(path)
        packs.append(pack)
    return PackLoad(tuple(packs), tuple(problems))


# A district's pack file (shipped: 60 KB at most, a teacher's upload: 256 KB). A pack is one
# unit's words; every pack is parsed at start-up whenever a file changes and held in memory,
# so one oversized file slows every start and can exhaust a small school server's memory.
MAX_ADMIN_PACK_BYTES = 1024 * 1024
LARGE_PACK_WORDS = 200  # `packs validate` suggests splitting a pack longer than this


def _too_big(size: int) -> str:
    """The problem with a pack file of `size` bytes, or "" when it is small enough."""
    if size <= MAX_ADMIN_PACK_BYTES:
        return ""
    return (f"the file is {_size(size)}, over the {_size(MAX_ADMIN_PACK_BYTES)} limit for one "
            "pack: split it into one pack a unit (a unit is 10-40 words; the largest shipped "
            "pack is 60 KB), each file with its own [pack] id (docs/packs.md)")


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def install_packs(db: Database, packs: Iterable[Pack], now: datetime) -> int:
    """Load shipped packs into the store (idempotent); return how many were saved."""
    count = 0
    for pack in packs:
        save_pack(db, pack, now)
        count += 1
    return count


def install_shipped_packs(db: Database, now: datetime, folder: Path | None = None,
                          extra_dirs: Sequence[Path] = ()) -> PackLoad | None:
    """Load the shipped packs, and the district's from `extra_dirs`, into the store unless it
    already holds these exact files.

    Parsing and validating every pack takes a noticeable share of start-up; the files change
    only with an upgrade or a district's edit, so a fingerprint of their bytes decides.
    None: nothing to do.
    """
    folder = folder or PACKS_DIR
    digest = hashlib.sha256()
    for root in (folder, *extra_dirs):
        if root != folder:  # the shipped folder alone hashes as before: no reload on upgrade
            digest.update(str(root).encode() + b"\0")
        for path in pack_files([root]):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    fingerprint = digest.hexdigest()
    if shipped_fingerprint(db) == fingerprint:
        return None
    result = load_packs([folder, *extra_dirs], shipped=folder)
    install_packs(db, result.packs, now)
    if result.ok:
        set_shipped_fingerprint(db, fingerprint)
    return result


def pack_folders(extra_dirs: Sequence[Path]) -> list[Path]:
    """Where packs are read from: the shipped folder, then the district's own."""
    return [PACKS_DIR, *extra_dirs]


@dataclass(frozen=True)
class Coverage:
    lang: str
    glossed: int
    total: int
    missing: tuple[str, ...]
    unreviewed: int = 0  # glosses no native speaker has checked yet

    @property
    def share(self) -> float:
        return self.glossed / self.total if self.total else 0.0


def coverage(packs: Iterable[Pack], languages: Iterable[str]) -> list[Coverage]:
    """Count, per language, the words with a curated gloss and list the missing ones."""
    words = [(pack.id, w) for pack in packs for w in pack.words]
    result = []
    for lang in languages:
        missing = tuple(f"{pid}:{w.term}" for pid, w in words if lang not in w.glosses)
        unreviewed = sum(1 for _, w in words if lang in w.glosses
                         and not w.glosses[lang].reviewed)
        result.append(Coverage(lang, len(words) - len(missing), len(words), missing,
                               unreviewed))
    return result


MAX_PACK_BYTES = 256 * 1024


class TeacherPackError(PuenteError):
    """A teacher's pack file that cannot be imported (the message says why)."""

    prompt_key = "newpack-bad-type"


@dataclass(frozen=True)
class PackUpload:
    """A teacher's pack as saved, and what this version changed from the one before."""

    pack: Pack
    changes: PackChanges
    spreadsheet: bool = False  # a CSV file (a hint names its columns), else TOML (its keys)


@dataclass(frozen=True)
class OtherLanguages:
    """The file's gloss languages no student of the teacher's classes reads, and how many of
    its words lack a term or a definition in one of them: one line, not one a language."""

    languages: tuple[str, ...]
    words: int


def other_languages(pack: Pack, readers: Sequence[str]) -> OtherLanguages | None:
    """The gaps of `pack` in the languages of its file that none of `readers` is (None: no
    word lacks anything in them)."""
    lacking: dict[str, set[str]] = {}
    for word in pack.words:
        for code in pack.gloss_languages:
            gloss = word.glosses.get(code)
            if code not in readers and (gloss is None or not gloss.definition):
                lacking.setdefault(code, set()).add(word.term)
    if not lacking:
        return None
    return OtherLanguages(tuple(sorted(lacking)), len(set().union(*lacking.values())))


def import_teacher_pack(db: Database, teacher_id: int, filename: str, content: bytes,
                        now: datetime) -> PackUpload:
    """Validate a teacher's .toml or .csv pack and save it, private to that teacher.

    The same validator as shipped packs; any problem raises PackError and saves nothing.
    Words the new version leaves out are retired, never deleted (see `save_pack`).
    """
    if len(content) > MAX_PACK_BYTES:
        raise TeacherPackError(prompt_key="newpack-too-big", limit=MAX_PACK_BYTES // 1024)
    suffix = Path(filename).suffix.lower()
    if suffix not in (".toml", ".csv"):
        raise TeacherPackError()
    try:  # a teacher's file loses direction overrides and invisible characters at the door
        text = inert(content.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PackError([Problem(filename, 1, "the file is not UTF-8 text", "not-utf8")]) \
            from exc
    namespace = f"t{teacher_id}"
    if suffix == ".csv":  # the id is made from the file name; the title is the name itself
        stem = Path(filename).stem
        name = pack_name(stem)
        head = {"id": f"{namespace}.{name}", "title": clean_label(stem)[:80] or name,
                "subject": "general", "grades": [3, 8]}
        pack = parse_csv_pack(text, filename, head)
    else:
        pack = parse_pack(text, filename)
        if not pack.id.startswith(namespace + "."):
            pack = replace(pack, id=f"{namespace}.{pack.id}"[:80])
    pack = replace(pack, title=clean_label(pack.title) or pack.id)
    exists, owner = pack_owner(db, pack.id)
    if exists and owner != teacher_id:
        raise PackError([Problem(filename, 1, f"pack id '{pack.id}' is already used",
                                 "id-taken", (("pack", pack.id),))])
    return PackUpload(pack, save_pack(db, pack, now, owner=teacher_id), suffix == ".csv")


def audit_packs(packs: Sequence[Pack], languages: Sequence[str],
                levels: Sequence[int] = LEVELS) -> AuditReport:
    """Build every check item the packs can produce and count give-aways by rule."""
    numbered: list[list[WordRef]] = []
    next_id = 1
    for pack in packs:
        refs = []
        for word in pack.words:
            refs.append(WordRef(next_id, word, pack.id))
            next_id += 1
        numbered.append(refs)
    return audit(numbered, languages, levels)


@dataclass(frozen=True)
class PackQuality:
    """What a teacher hears after an upload about the checks the pack will make."""

    no_cloze: int          # words that get no fill-in-the-gap item
    items: int
    giveaways: int
    rules: tuple[str, ...]
    no_definition: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> terms
    one_cloze: int = 0     # words with one gap sentence: each gap check shows it again
    same_definition: tuple[str, ...] = ()  # words whose `simple` repeats `definition`


# An upload is audited on at most this many of its words, spread over the pack: the audit
# builds and judges every item type at every level in every language, and on a whole
# 400-word pack that was 14 s of CPU while the teacher (and, before it moved off the event
# loop, everyone else) waited. The words audited are also the only options offered, so the
# cost no longer grows with the square of the pack.
AUDIT_WORDS = 60


def audited_words(pack: Pack, limit: int = AUDIT_WORDS) -> Pack:
    """The pack itself when small; otherwise `limit` of its words, evenly spread, in order."""
    if len(pack.words) <= limit:
        return pack
    step = len(pack.words) / limit
    return replace(pack, words=tuple(pack.words[int(n * step)] for n in range(limit)))


def quality_languages(db: Database, teacher_id: int) -> list[str]:
    """The languages an upload is audited in: her students' (Spanish before she has any)."""
    return teacher_student_languages(db, teacher_id) or ["es"]


def pack_quality(pack: Pack, languages: Sequence[str]) -> PackQuality:
    """Audit an uploaded pack in these languages (all levels); it reads no store, so it can
    run off the event loop."""
    report = audit_packs([audited_words(pack)], languages)
    return PackQuality(len(pack.words_without_cloze), report.items, report.total,
                       tuple(str(rule) for rule, _ in report.giveaways.most_common(3)),
                       pack.glosses_without_definition,
                       len(single_sentence_words(pack.words)),
                       tuple(w.term for w in same_definition_words(pack.words)))


SAMPLE_PACK = "science.ecosystems"  # /newpack's sample file: its first words
SAMPLE_WORDS = 3


def sample_pack_file(db: Database) -> bytes:
    """A small CSV pack of a shipped pack's first words, for a teacher to copy (/newpack)."""
    words = pack_words(db, SAMPLE_PACK) or pack_words(db, DEFAULT_PACK)
    return sample_csv([w.word for w in words[:SAMPLE_WORDS]])


def teacher_packs(db: Database, teacher_id: int) -> list[PackSummary]:
    """The packs a teacher can push: the shipped ones and their own."""
    require_teacher(db, teacher_id)
    return list_packs(db, teacher_id)


@dataclass(frozen=True)
class PackDetail:
    """One pack as /packs PACK shows it: its summary, its words' terms in pack order, and how
    many of them the teacher's students have practised."""

    summary: PackSummary
    terms: tuple[str, ...]
    practised: int


def pack_detail(db: Database, teacher_id: int, pack_id: str) -> PackDetail:
    """A pack the teacher can push, with its words (/packs ela.reading-writing repeated the
    whole list, playtest); a name that is no such pack is refused, with the close ones."""
    visible = {p.id: p for p in teacher_packs(db, teacher_id)}
    found = visible.get(pack_id.strip().lower())
    if found is None:  # as /push says it, with the packs it may mean
        close = similar_packs(list(visible), pack_id)
        if close:
            raise UnknownPackError(pack_id, close)
        raise BadInputError(prompt_key="push-unknown-pack", pack=pack_id)
    class_ids = [c.id for c in teacher_classes(db, teacher_id)]
    return PackDetail(found, tuple(w.word.term for w in pack_words(db, found.id)),
                      practised_words(db, found.id, class_ids))
