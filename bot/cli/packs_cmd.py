"""`puente packs ...`: validate and list vocabulary packs."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.domain.language import LANGUAGES, SUPPORTED_UI

if TYPE_CHECKING:
    from bot.domain.packs import Pack


PATHS_HELP = "pack files or folders (default: the shipped packs and [packs] extra_dirs)"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `packs` command group."""
    packs = sub.add_parser("packs", help="validate and list vocabulary packs")
    verbs = packs.add_subparsers(dest="verb", metavar="VERB", required=True)
    validate = verbs.add_parser("validate", help="check pack files; exit 1 with one line a "
                                "problem (file:line: message)")
    validate.add_argument("paths", nargs="*", type=Path, default=None,
                          help=PATHS_HELP)
    validate.set_defaults(func=validate_packs)
    listing = verbs.add_parser("list", help="list packs (add --coverage for gloss coverage)")
    listing.add_argument("paths", nargs="*", type=Path, default=None,
                          help=PATHS_HELP)
    listing.add_argument("--coverage", action="store_true",
                         help="per language: words with a curated gloss / total, and the gaps")
    listing.set_defaults(func=list_packs)
    audit = verbs.add_parser("audit", help="build every check item for every word, language "
                             "and level; count give-aways by rule (exit 1 if any)")
    audit.add_argument("paths", nargs="*", type=Path, default=None,
                       help=PATHS_HELP)
    audit.add_argument("--lang", action="append", dest="langs", metavar="CODE",
                       help="only these home languages (repeatable; default: all with prompts)")
    audit.set_defaults(func=audit_packs_command)


def _paths(args: argparse.Namespace) -> list[Path]:
    """The files or folders named, else the shipped packs and the district's own folders."""
    from bot.services.packs import pack_folders

    return args.paths or pack_folders(args.settings.packs.extra_dirs)


def validate_packs(args: argparse.Namespace) -> int:
    """Print every problem; exit 0 only when every pack is valid."""
    from bot.services.packs import LARGE_PACK_WORDS, load_packs  # on use: see run_cmd

    result = load_packs(_paths(args))
    for problem in result.problems:
        print(problem)
    words = sum(len(p.words) for p in result.packs)
    if not result.packs and not result.problems:  # e.g. an install that lost its packs
        print(f"no pack files (*.toml) found in {', '.join(map(str, _paths(args)))}")
        return 1
    for pack in result.packs:
        if len(pack.words) > LARGE_PACK_WORDS:  # valid, but no class studies it as one unit
            print(f"warning: {pack.id} has {len(pack.words)} words: a pack is one unit "
                  f"(shipped packs: 16-20 words); consider splitting it")
    if result.ok:
        print(f"{len(result.packs)} packs, {words} words: all valid")
        return 0
    print(f"{len(result.problems)} problem(s); files with problems were not loaded")
    return 1


def list_packs(args: argparse.Namespace) -> int:
    """Print one line a pack, then coverage per language when asked."""
    from bot.services.packs import coverage, load_packs

    result = load_packs(_paths(args))
    for pack in result.packs:
        low, high = pack.grades
        print(f"{pack.id:36} {len(pack.words):4} words  grades {low}-{high}  {pack.title}")
    total = sum(len(p.words) for p in result.packs)
    print(f"{len(result.packs)} packs, {total} words")
    if args.coverage:
        print("\ncurated gloss coverage (words with a gloss / total):")
        for row in coverage(result.packs, [c for c in SUPPORTED_UI if c != "en"]):
            name = LANGUAGES[row.lang].english_name
            unchecked = f"  ({row.unreviewed} not yet reviewed by a native speaker)" \
                if row.unreviewed else ""
            print(f"  {row.lang:4} {name:16} {row.glossed:4} / {row.total}  "
                  f"({row.share:.0%}){unchecked}")
            if row.missing:
                print(f"       missing: {', '.join(row.missing)}")
    for problem in result.problems:
        print(f"skipped: {problem}")
    return 1 if result.problems else 0


def _print_single_sentences(packs: Sequence[Pack]) -> None:
    """Per pack, the words with one gap sentence: each gap check on them shows that sentence
    again, learnt by its shape; advice for the author, not a give-away (no exit status)."""
    from bot.domain.variety import single_sentence_words

    for pack in packs:
        single = single_sentence_words(pack.words)
        if single:
            shown = ", ".join(w.term for w in single[:5]) + (", ..." if len(single) > 5 else "")
            print(f"  {pack.id}: {len(single)} of {len(pack.words)} words have one gap sentence, "
                  f"asked again every gap check (add more: cloze = [\"...\", \"...\"]): {shown}")


def _print_same_definitions(packs: Sequence[Pack]) -> int:
    """Per pack, the words whose `simple` definition reads the same as `definition`: checks
    then ask the one sentence in turn after turn, and a newcomer gets no simpler wording.
    A fault to fix (write a simpler paraphrase): returns how many, for the exit status."""
    from bot.domain.variety import same_definition_words

    total = 0
    for pack in packs:
        same = same_definition_words(pack.words)
        total += len(same)
        if same:
            print(f"  {pack.id}: {len(same)} words have `simple` the same as `definition` "
                  f"(write a simpler wording): {', '.join(w.term for w in same)}")
    return total


def _print_pictures(packs: Sequence[Pack]) -> None:
    """Every word's emoji, for an author's review: a level 1-2 check may show one alone as its
    question, so each must name its word (docs/packs.md, `emoji`); no rule can tell."""
    pictured = [(p, [w for w in p.words if w.emoji]) for p in packs]
    total = sum(len(words) for _, words in pictured)
    print(f"pictures (a level 1-2 question may be the emoji alone: each must name its word): "
          f"{total} of {sum(len(p.words) for p in packs)} words")
    for pack, words in pictured:
        if words:
            print(f"  {pack.id}: " + ", ".join(f"{w.emoji} {w.term}" for w in words))


def audit_packs_command(args: argparse.Namespace) -> int:
    """Print item counts and give-aways by rule, with one example each; exit 1 if any."""
    from bot.services.packs import audit_packs, load_packs

    result = load_packs(_paths(args))
    for problem in result.problems:
        print(f"skipped: {problem}")
    langs = args.langs or [c for c in SUPPORTED_UI if c != "en"]
    report = audit_packs(result.packs, langs)
    words = sum(len(p.words) for p in result.packs)
    print(f"{report.items} items from {words} words x {len(langs)} languages x 6 levels "
          f"x 5 item types, and listening items at levels 1-2")
    print("  built as: " + ", ".join(f"{kind} {count}" for kind, count
                                     in sorted(report.by_type.items())))
    print(f"  listening (hear the word, choose it): {report.listening_asked} asked, "
          f"{report.by_type['listen']} built, {report.listening_giveaways} give-aways")
    print(f"  levels 1-2, a word with no other of its part of speech seen, asked among the "
          f"words that were (counted as practice, not evidence): {report.practice_only}")
    print(f"  levels 1-2, an English sentence to read as the question (a long gap sentence "
          f"or an English definition): {report.english_sentences}")
    _print_single_sentences(result.packs)
    _print_pictures(result.packs)
    same = _print_same_definitions(result.packs)
    print(f"simple definition the same as the card's: {same}")
    if not report.total:
        print("give-aways: 0")
        return 1 if same else 0
    print(f"give-aways: {report.total}")
    for rule, count in report.giveaways.most_common():
        print(f"  {count:6}  {rule}")
        print(f"          e.g. {report.examples[rule]}")
    return 1
