"""`puente languages`: the language catalogue, and what Puente has for each language."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Callable

from bot.config import Config
from bot.domain.language import LANGUAGES, Capability, Language
from bot.paths import PROMPTS_DIR

HEADER = (f"{'code':5} {'language':22} {'native name':16} {'dir':3}  {'detect':6}  "
          f"{'prompts':7}  {'curated glosses':15}  machine translation")


def register(sub: argparse._SubParsersAction) -> None:
    """Add `languages`."""
    sub.add_parser("languages", help="language codes, names, script direction, and what "
                   "Puente has for each: detection, prompts, curated glosses, machine "
                   "translation").set_defaults(func=languages_command)


def languages_command(args: argparse.Namespace) -> int:
    """Print one row a language, English first, then the school's languages, then the rest."""
    from bot.services.packs import coverage, load_packs, pack_folders  # on use: see run_cmd

    settings: Config = args.settings
    packs = load_packs(pack_folders(settings.packs.extra_dirs)).packs
    glossed = {row.lang: row for row in coverage(packs, LANGUAGES)}
    prompts = {path.stem for path in PROMPTS_DIR.glob("*.toml")}
    machine = _machine_translation(settings)
    order = sorted(LANGUAGES.values(), key=lambda lang: (
        lang.code != "en", lang.code not in settings.school.languages, lang.english_name))
    print(HEADER)
    for lang in order:
        row = glossed[lang.code]
        gloss = ("English" if lang.code == "en" else
                 f"{row.glossed}/{row.total} ({row.share:.0%})" if row.glossed else "-")
        print(f"{lang.code:5} {lang.english_name:22} {_fit(lang.native_name, 16)} "
              f"{'rtl' if lang.rtl else 'ltr':3}  {_yes(Capability.DETECT, lang):6}  "
              f"{'yes' if lang.code in prompts else '-':7}  {gloss:15}  {machine(lang)}")
    print("\ncodes go in [school] languages; `puente translate status` shows installed models")
    return 0


def _yes(capability: Capability, lang: Language) -> str:
    return "yes" if capability in lang.capabilities else "menu"


def _fit(text: str, width: int) -> str:
    """Pad a native name to a column (wide CJK characters take two cells)."""
    cells = sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf")
                else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - cells)


def _machine_translation(settings: Config) -> Callable[[Language], str]:
    """Describe machine translation for a language: installed, available, off or none."""
    from bot.translation.translator import TranslationUnavailableError, engine_for

    engine = engine_for(settings.translation.data_dir)
    problem = "off ([translation] enabled = false)" if not settings.translation.enabled else None
    if problem is None:
        try:
            engine.installed()
        except TranslationUnavailableError as exc:
            problem = f"not available: {exc.reason}"

    def describe(lang: Language) -> str:
        if lang.code == "en":
            return "(source)"
        if Capability.MACHINE_TRANSLATION not in lang.capabilities:
            return "- (no Argos model exists; curated glosses only)"
        if problem is not None:
            return problem
        if engine.route("en", lang.code) is not None:
            return "installed"
        return f"available: puente translate install {lang.code}"

    return describe
