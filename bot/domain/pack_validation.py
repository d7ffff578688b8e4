"""Vocab packs: parse and validate pack TOML text into immutable objects (no file I/O here)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from bot.domain.gaps import gap_span, gap_spans, inside_words
from bot.domain.language import UnknownLanguageError, get_language
from bot.domain.packs import (
    PACK_ID,
    PARTS_OF_SPEECH,
    SUBJECTS,
    Gloss,
    Pack,
    PackError,
    Problem,
    Word,
)
from bot.domain.scaffold import BEGINNER_DEFINITION_WORDS, reading_words

MAX_TERM, MAX_TEXT = 60, 300
_PACK_KEYS = {"id", "title", "subject", "grades", "description"}
_WORD_KEYS = {"term", "pos", "tier", "emoji", "definition", "simple", "example", "cloze",
              "forms", "glosses", "kind_of", "frame"}
MAX_SIMPLE_WORDS = 12
MAX_FRAME = 100
FRAME_GAP = re.compile(r"_{3,}")  # the blank a frame leaves for the student: "___"
MAX_FORMS = 12
MAX_CLOZES = 4  # gap sentences a word may list: enough to turn through, short to review
_GLOSS_KEYS = {"term", "definition", "simple", "short", "cognate", "false_friend", "reviewed"}
# HTML in a pack's text: a tag (<b>, </b>, <br/>, <a href="x">) or an entity (&amp;, &#233;).
# Every text is escaped before Telegram sees it, so students read the tags as typed (playtest:
# "<b>eco</b>sistema"). "3 < 5" and "x<y and y>z" (no '=' inside) are not tags.
MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*=[^<>]*)?\s*/?>"
                    r"|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


class LineFinder(Protocol):
    """Where a pack's problems are: the line of a word (or of the pack's head), and of a key;
    `spreadsheet`: problems name cells as the file's columns do (so_term), not TOML keys."""

    spreadsheet: bool

    def of(self, word_index: int | None = None, key: str | None = None) -> int: ...


class _Lines:
    """Find the line a problem is on, since tomllib reports positions only for syntax errors."""

    spreadsheet = False

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.word_starts = [i for i, line in enumerate(self.lines)
                            if line.strip().startswith("[[words]]")]

    def _block(self, word_index: int | None) -> range:
        if word_index is None:
            end = self.word_starts[0] if self.word_starts else len(self.lines)
            return range(0, end)
        if word_index >= len(self.word_starts):  # inline array of tables: no headers to find
            return range(0, len(self.lines))
        start = self.word_starts[word_index]
        nxt = word_index + 1
        end = self.word_starts[nxt] if nxt < len(self.word_starts) else len(self.lines)
        return range(start, end)

    def of(self, word_index: int | None = None, key: str | None = None) -> int:
        block = self._block(word_index)
        if key is not None:
            pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
            for i in block:
                if pattern.match(self.lines[i]):
                    return i + 1
        return (block.start + 1) if len(block) else 1


def parse_pack(text: str, source: str) -> Pack:
    """Parse one pack; raise PackError listing every problem (with line numbers) if invalid."""
    # Windows Notepad saves UTF-8 with a byte-order mark, which tomllib refuses ("Invalid
    # statement at line 1"); every reader of packs passes through here, so it goes here.
    text = text.removeprefix("\ufeff")
    if not text.strip():
        empty = "the file is empty; a pack needs [pack] and [[words]]"
        raise PackError([Problem(source, 1, empty, "empty-toml")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m[1]) if (m := re.search(r"line (\d+)", str(exc))) else 1
        # the parser's own words stay English: they name TOML's syntax, as a TOML guide does
        raise PackError([Problem(source, line, f"not valid TOML: {exc}", "not-toml",
                                 (("detail", str(exc)),))]) from exc
    except RecursionError as exc:  # thousands of nested brackets: no pack looks like that
        raise PackError([Problem(source, 1, "not valid TOML: nested too deeply",
                                 "too-nested")]) from exc
    checker = Checker(source, _Lines(text))
    pack = checker.pack(data)
    if checker.problems:
        raise PackError(checker.problems)
    assert pack is not None
    return pack


def _form_hint(sentence: str, term: str) -> str:
    """Explain a miss: the term only appears inside a longer word, which `forms` can list."""
    inside = inside_words(sentence, term)
    if not inside:
        return ""
    listed = ", ".join(f'"{w}"' for w in inside)
    return f"; it only appears inside {listed}: if that is a form of '{term}', list it in forms"


def _same_sentence(one: str, other: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
    return norm(one) == norm(other)


class Checker:
    def __init__(self, source: str, lines: LineFinder) -> None:
        self.source, self.lines = source, lines
        self.problems: list[Problem] = []
        self._terms: dict[int, str] = {}  # word index -> its term, once read
        # the gloss being read (its language code): a problem in it says which ("word 1
        # (ecosystem) [es]"); without it a teacher with 12 glosses a word could not tell
        self._gloss: str | None = None

    def add(self, message: str, word: int | None = None, key: str | None = None,
            reason: str = "", **facts: str | int) -> None:
        """One problem; with a `reason` it can also be said in the reader's language: about a
        word, "word 3 (magma)" is the facts `number` and `word_term` (the term once read);
        about the pack or the file, `facts` say all there is."""
        found: tuple[tuple[str, str | int], ...] = tuple(facts.items())
        if reason and word is not None:
            term = (("word_term", self._terms[word]),) if word in self._terms else ()
            found = (("number", word + 1), *term, *found)
            if self._gloss is not None:
                found += (("gloss", self._gloss),)
        if not reason:  # said in English only
            found = ()
        # Inside a gloss, the line of its language ("es = { term = ... }"), not the word's
        # own `term =` line above it
        at = self.lines.of(word, self._gloss if self._gloss is not None else key)
        self.problems.append(Problem(self.source, at, message, reason, found))

    def text(self, table: Mapping[str, Any], key: str, where: str, word: int | None,
             limit: int, *, required: bool = True, cloze: int | None = None) -> str | None:
        value = table.get(key)
        # a word's place is said from its number and term (and which of its gap sentences,
        # `cloze`); the pack's head is "[pack]"
        at: dict[str, str | int] = {"where": where} if word is None \
            else {"cloze": cloze} if cloze is not None else {}
        if value is None:
            if required:
                self.add(f"{where}: missing required field '{key}'", word,
                         reason="missing-field", field=key, **at)
            return None
        if not isinstance(value, str):
            kind = type(value).__name__
            self.add(f"{where}: '{key}' must be text, not {kind}", word, key,
                     reason="not-text", field=key, kind=kind, **at)
            return None
        if not value.strip():
            self.add(f"{where}: '{key}' must not be empty", word, key, reason="empty-field",
                     field=key, **at)
            return None
        if len(value) > limit:
            self.add(f"{where}: '{key}' is {len(value)} characters (at most {limit})", word, key,
                     reason="too-long", field=key, length=len(value), limit=limit, **at)
        if (markup := MARKUP.search(value)) is not None:
            self.add(f"{where}: '{key}' has markup {markup[0]}: write plain text (students "
                     "would see the tags as typed)", word, key, reason="markup", field=key,
                     markup=markup[0], **at)
        return value.strip()

    def unknown_keys(self, table: Mapping[str, Any], known: set[str], where: str,
                     word: int | None) -> None:
        for key in sorted(set(table) - known):
            if where == "file":  # a table or key outside [pack] and [[words]]
                self.add(f"file: unknown field '{key}'", word, key, reason="unknown-top",
                         field=key)
            else:
                at = {} if word is not None else {"where": where}
                self.add(f"{where}: unknown field '{key}'", word, key, reason="unknown-field",
                         field=key, **at)

    def pack(self, data: Mapping[str, Any]) -> Pack | None:
        self.unknown_keys(data, {"pack", "words"}, "file", None)
        head = data.get("pack")
        if not isinstance(head, dict):
            self.add("missing the [pack] table (id, title, subject, grades)",
                     reason="no-pack-table")
            head = {}
        self.unknown_keys(head, _PACK_KEYS, "[pack]", None)
        pack_id = self.text(head, "id", "[pack]", None, 80)
        if pack_id and not PACK_ID.match(pack_id):
            self.add(f"[pack]: id '{pack_id}' must look like 'subject.name' "
                     "(lower-case letters, digits, dashes)", None, "id", reason="bad-id",
                     value=pack_id)
        title = self.text(head, "title", "[pack]", None, 80)
        subject = self.text(head, "subject", "[pack]", None, 40)
        if subject and subject not in SUBJECTS:
            allowed = ", ".join(SUBJECTS)
            self.add(f"[pack]: subject '{subject}' is not one of {allowed}", None, "subject",
                     reason="bad-subject", value=subject, allowed=allowed)
        grades = self.grades(head.get("grades"))
        description = self.text(head, "description", "[pack]", None, MAX_TEXT,
                                required=False) or ""
        words = self.words(data.get("words"))
        if self.problems:
            return None
        assert pack_id and title and subject and grades
        return Pack(pack_id, title, subject, grades, tuple(words), description, self.source)

    def grades(self, value: Any) -> tuple[int, int] | None:
        ok = (isinstance(value, list) and len(value) == 2
              and all(isinstance(g, int) and not isinstance(g, bool) for g in value))
        if not ok:
            self.add("[pack]: 'grades' must be [lowest, highest], e.g. [3, 5]", None, "grades",
                     reason="bad-grades")
            return None
        low, high = value
        if not (0 <= low <= high <= 12):
            self.add(f"[pack]: grades {value} must be within K-12 (0-12), lowest first",
                     None, "grades", reason="grades-range", grades=str(value))
            return None
        return low, high

    def words(self, value: Any) -> list[Word]:
        if not isinstance(value, list) or not value:
            self.add("the pack has no [[words]]", reason="no-words")
            return []
        seen: dict[str, int] = {}
        words, indexes = [], []
        for index, raw in enumerate(value):
            if not isinstance(raw, dict):
                self.add(f"word {index + 1}: must be a table", index, reason="not-table")
                continue
            word = self.word(raw, index)
            if word is None:
                continue
            key = word.term.casefold()
            if key in seen:
                self.add(f"word {index + 1} ({word.term}): repeats word {seen[key] + 1}",
                         index, "term", reason="repeats-word", first=seen[key] + 1)
            seen.setdefault(key, index)
            words.append(word)
            indexes.append(index)
        self.kinds_in_pack(words, indexes)
        self.pictures_in_pack(words, indexes)
        return words

    def pictures_in_pack(self, words: Sequence[Word], indexes: Sequence[int]) -> None:
        """No two words of a pack share a picture: a level 1-2 check may show a word's emoji
        as its question, and one picture for two words has two right answers."""
        first: dict[str, Word] = {}
        for word, index in zip(words, indexes, strict=True):
            if not word.emoji:
                continue
            key = word.emoji.replace("\ufe0f", "")  # ✖ and ✖️ are one picture
            if key in first:
                self.add(f"word {index + 1} ({word.term}): its emoji {word.emoji} is also "
                         f"'{first[key].term}''s: one picture cannot ask for two words "
                         "(give one of them another, or none)", index, "emoji",
                         reason="shared-emoji", emoji=word.emoji, other=first[key].term)
            first.setdefault(key, word)

    def word(self, raw: Mapping[str, Any], index: int) -> Word | None:
        where = f"word {index + 1}"
        before = len(self.problems)
        self.unknown_keys(raw, _WORD_KEYS, where, index)
        term = self.text(raw, "term", where, index, MAX_TERM)
        if term:
            where = f"word {index + 1} ({term})"
            self._terms[index] = term
        pos = self.text(raw, "pos", where, index, 20)
        if pos and pos.strip().lower() in PARTS_OF_SPEECH:  # "Noun", as a spreadsheet writes it
            pos = pos.strip().lower()
        elif pos:
            allowed = ", ".join(PARTS_OF_SPEECH)
            self.add(f"{where}: pos '{pos}' is not one of {allowed}", index, "pos",
                     reason="bad-pos", value=pos, allowed=allowed)
        tier = raw.get("tier")
        if tier not in (1, 2, 3) or isinstance(tier, bool):
            self.add(f"{where}: 'tier' must be 1, 2 or 3", index, "tier", reason="bad-tier")
        definition = self.text(raw, "definition", where, index, MAX_TEXT)
        forms = self.forms(raw.get("forms", []), where, index)
        example = self.text(raw, "example", where, index, MAX_TEXT)
        if term and example and gap_span(example, term, forms) is None:
            hint = _form_hint(example, term)
            # the longer words it appears inside: the reader is told how her file lists a form
            inside = {"inside": ", ".join(inside_words(example, term))} if hint else {}
            self.add(f"{where}: the example must use the term '{term}' as a whole word{hint}",
                     index, "example", reason="example-form" if hint else "example-term",
                     term=term, **inside)
        clozes = self.clozes(raw, where, index)
        for cloze in clozes if term else ():
            self.cloze(cloze, example, term, forms, where, index)
        emoji = self.text(raw, "emoji", where, index, 16, required=False)
        simple = self.text(raw, "simple", where, index, MAX_TEXT, required=False)
        if simple and len(simple.split()) > MAX_SIMPLE_WORDS:
            self.add(f"{where}: 'simple' has {len(simple.split())} words; a newcomer's "
                     f"definition has at most {MAX_SIMPLE_WORDS}", index, "simple")
        glosses = self.glosses(raw.get("glosses", {}), where, index)
        kind_of = self.kind_of(raw.get("kind_of", []), where, index)
        frame = self.frame(raw, term, forms, where, index)
        if len(self.problems) > before:
            return None
        assert term and pos and definition and example
        return Word(term, pos, tier, definition, example, emoji, glosses,
                    clozes[0] if clozes else None, forms, simple, kind_of, tuple(clozes[1:]),
                    frame)

    def frame(self, raw: Mapping[str, Any], term: str | None, forms: tuple[str, ...],
              where: str, index: int) -> str | None:
        """A beginner card's sentence frame: the term (or a listed form) as a whole word, and
        one ___ for the student to fill."""
        frame = self.text(raw, "frame", where, index, MAX_FRAME, required=False)
        if frame is None or term is None:
            return frame
        if len(FRAME_GAP.findall(frame)) != 1:
            self.add(f"{where}: the frame must leave one gap, ___, for the student to fill "
                     f"(e.g. frame = \"___ is {term}.\")", index, "frame")
        if gap_span(frame, term, forms) is None:
            self.add(f"{where}: the frame must use the term '{term}' as a whole word"
                     f"{_form_hint(frame, term)}", index, "frame")
        return frame

    def kind_of(self, value: Any, where: str, index: int) -> tuple[str, ...]:
        """The terms a word is a kind of: a list of words in quotes (checked against the
        pack's terms once every word is read, `kinds_in_pack`)."""
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip()
                                                  for t in value):
            self.add(f"{where}: 'kind_of' must be a list of this pack's terms, e.g. "
                     f"kind_of = [\"consumer\"]", index, "kind_of")
            return ()
        return tuple(dict.fromkeys(t.strip() for t in value))

    def kinds_in_pack(self, words: Sequence[Word], indexes: Sequence[int]) -> None:
        """Every 'kind_of' names another word of the pack (a typo would silently let the
        broader word be a wrong option again). A word refused for another problem (markup in
        a gloss) still counts: its own problem is said once, not again by every word naming
        it (playtest: five false "names 'organism'" beside the one real error)."""
        terms = {term.casefold() for term in self._terms.values()}
        for word, index in zip(words, indexes, strict=True):
            for kind in word.kind_of:
                if kind.casefold() == word.term.casefold() or kind.casefold() not in terms:
                    self.add(f"word {index + 1} ({word.term}): 'kind_of' names '{kind}', "
                             "which is no other word of this pack (spell it as that word's "
                             "term)", index, "kind_of", reason="kind-of-unknown", kind=kind)

    def forms(self, value: Any, where: str, index: int) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.add(f"{where}: 'forms' must be a list of words, e.g. forms = [\"settlers\"]",
                     index, "forms")
            return ()
        if len(value) > MAX_FORMS:
            self.add(f"{where}: 'forms' lists {len(value)} words (at most {MAX_FORMS})",
                     index, "forms")
        forms = []
        for form in value:
            if not isinstance(form, str) or not form.strip():
                self.add(f"{where}: every entry of 'forms' must be a word in quotes, "
                         f"not {form!r}", index, "forms")
            elif len(form) > MAX_TERM:
                self.add(f"{where}: the form '{form[:20]}...' is {len(form)} characters "
                         f"(at most {MAX_TERM})", index, "forms")
            else:
                forms.append(form.strip())
        return tuple(dict.fromkeys(forms))

    def clozes(self, raw: Mapping[str, Any], where: str, index: int) -> list[str]:
        """The gap sentences: `cloze = "..."`, or a list of up to MAX_CLOZES different ones
        (successive gap checks take them in turn)."""
        value = raw.get("cloze")
        if not isinstance(value, list):
            cloze = self.text(raw, "cloze", where, index, MAX_TEXT, required=False)
            return [cloze] if cloze else []
        if not value or len(value) > MAX_CLOZES:
            self.add(f"{where}: 'cloze' lists {len(value)} sentences (1 to {MAX_CLOZES})",
                     index, "cloze")
        found: list[str] = []
        for number, sentence in enumerate(value[:MAX_CLOZES], 1):
            cloze = self.text({"cloze": sentence}, "cloze", f"{where}, cloze {number}", index,
                              MAX_TEXT, cloze=number)
            if cloze and any(_same_sentence(cloze, other) for other in found):
                self.add(f"{where}: cloze {number} repeats an earlier cloze sentence", index,
                         "cloze")
            elif cloze:
                found.append(cloze)
        return found

    def cloze(self, cloze: str, example: str | None, term: str, forms: tuple[str, ...],
              where: str, index: int) -> None:
        """Check the gap sentence the same way the gap item will blank it."""
        found = gap_spans(cloze, term, forms)
        if not found:
            self.add(f"{where}: the cloze sentence must use the term '{term}' as a whole word"
                     f"{_form_hint(cloze, term)}", index, "cloze")
        elif len(found) > 1:
            self.add(f"{where}: the cloze sentence uses '{term}' {len(found)} times; use it "
                     "once so there is one gap", index, "cloze")
        if example is not None and _same_sentence(cloze, example):
            self.add(f"{where}: the cloze sentence must differ from the example (the card "
                     "already shows the example)", index, "cloze")

    def glosses(self, value: Any, where: str, index: int) -> dict[str, Gloss]:
        if not isinstance(value, dict):
            self.add(f"{where}: 'glosses' must be a table of language = {{ term = ... }}",
                     index, "glosses")
            return {}
        glosses = {}
        for code, raw in value.items():
            try:
                lang = get_language(code).code
            except UnknownLanguageError:
                self.add(f"{where}: unknown language code {code!r} in glosses", index, code)
                continue
            if lang == "en" or code != lang:
                self.add(f"{where}: gloss language must be a non-English catalogue code "
                         f"like 'es', not {code!r}", index, code)
                continue
            csv_cells = self.lines.spreadsheet  # named as the file names them
            self._gloss = None if csv_cells else code  # a CSV column names its language
            try:
                gloss = self.gloss(raw, where if csv_cells else f"{where} [{code}]", index,
                                   code, f"{code}_" if csv_cells else "")
            finally:
                self._gloss = None
            if gloss is not None:
                glosses[lang] = gloss
        return glosses

    def gloss(self, raw: Any, where: str, index: int, code: str,
              column: str = "") -> Gloss | None:
        """One language's gloss; `column` prefixes field names as a CSV file's columns do."""
        if not isinstance(raw, dict):
            self.add(f"{where}: must be {{ term = \"...\" }}", index, code)
            return None
        before = len(self.problems)
        self.unknown_keys(raw, _GLOSS_KEYS, where, index)
        cells = {column + k: v for k, v in raw.items()}
        term = self.text(cells, column + "term", where, index, MAX_TERM)
        definition = self.text(cells, column + "definition", where, index, MAX_TEXT,
                               required=False)
        simple = self.text(cells, column + "simple", where, index, MAX_TEXT, required=False)
        if simple and len(simple.split()) > MAX_SIMPLE_WORDS:
            self.add(f"{where}: 'simple' has {len(simple.split())} words; a newcomer's "
                     f"definition has at most {MAX_SIMPLE_WORDS}", index, "simple")
        if simple and definition and simple.casefold() == definition.casefold():
            self.add(f"{where}: 'simple' repeats 'definition': word it another way, so a "
                     f"newcomer has a second prompt to read", index, "simple")
        short = self.short(cells, column, where, index, definition, simple)
        false_friend = self.text(raw, "false_friend", where, index, MAX_TERM, required=False)
        cognate = raw.get("cognate", False)
        reviewed = raw.get("reviewed", True)
        if not isinstance(reviewed, bool):
            self.add(f"{where}: 'reviewed' must be true or false", index, code)
        if not isinstance(cognate, bool):
            self.add(f"{where}: 'cognate' must be true or false", index, code)
        elif cognate and false_friend:
            self.add(f"{where}: a word cannot be both a cognate and a false friend", index, code)
        if len(self.problems) > before or term is None:
            return None
        return Gloss(term, definition, bool(cognate), false_friend, reviewed=bool(reviewed),
                     simple=simple, short=short)

    def short(self, cells: Mapping[str, Any], column: str, where: str, index: int,
              definition: str | None, simple: str | None) -> str | None:
        """A gloss's `short` line: what a level-1 check asks by where `definition` is longer
        than she reads, so at most as many words as that limit, and worded unlike both the
        definition and the card's line (a copy would be one prompt shown twice)."""
        short = self.text(cells, column + "short", where, index, MAX_TEXT, required=False)
        if short and reading_words(short) > BEGINNER_DEFINITION_WORDS:
            self.add(f"{where}: '{column}short' has {reading_words(short)} words; a level-1 "
                     f"reader's definition has at most {BEGINNER_DEFINITION_WORDS}", index,
                     "short")
            return short  # a copy of the long definition is too long already: one problem
        for name, other in (("definition", definition), ("simple", simple)):
            if short and other and short.casefold() == other.casefold():
                self.add(f"{where}: '{column}short' repeats '{column}{name}': word it another "
                         "way, so a newcomer has another prompt to read", index, "short")
        return short
