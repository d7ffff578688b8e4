"""`puente translate ...`: offline translation models, what they cover, and filling the memory.

Model installation lives here because only this command does it; the bot itself never touches
the network for translation. The translation library and the store are imported on use, so
`puente run` and `puente --help` never load this command's share (see run_cmd).
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import urllib.request
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot.config import Config
from bot.domain.errors import PuenteError
from bot.domain.language import LANGUAGES, get_language

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bot.translation.translator import ArgosEngine, InstalledModel

INDEX_TIMEOUT = 5.0  # seconds for the package index to answer before we say "no network"
DOWNLOAD_TIMEOUT = 60.0  # per socket operation; Argos's own downloads set no timeout at all


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `translate` command group."""
    group = sub.add_parser("translate", help="offline machine translation (Argos Translate)")
    verbs = group.add_subparsers(dest="verb", metavar="VERB", required=True)
    verbs.add_parser("status", help="installed models, and per language what covers the "
                     "words: curated gloss, translation memory, engine").set_defaults(func=status)
    install = verbs.add_parser("install", help="download and install en->LANG and LANG->en "
                               "models (needs internet once)")
    install.add_argument("languages", nargs="+", metavar="LANG")
    install.add_argument("--one-way", action="store_true",
                         help="English -> LANG only (family messages to a teacher then arrive "
                         "untranslated)")
    install.add_argument("--timeout", type=float, default=INDEX_TIMEOUT,
                         help="seconds to wait for the package index (default %(default)s)")
    install.set_defaults(func=install_languages_cmd)
    from_file = verbs.add_parser("install-file", help="install a downloaded .argosmodel file "
                                 "(no internet needed)")
    from_file.add_argument("path", type=Path)
    from_file.set_defaults(func=install_file_cmd)
    fill = verbs.add_parser("prepare", help="translate pack words without a curated gloss "
                            "into the memory now, so pushes need no engine")
    fill.add_argument("--packs", nargs="+", metavar="ID", help="pack ids (default: all)")
    fill.add_argument("--to", nargs="+", metavar="LANG",
                      help="languages (default: [school] languages)")
    fill.set_defaults(func=prepare_cmd)


# --- model installation ------------------------------------------------------------------------

def check_index(url: str, timeout: float) -> None:
    """Raise unless the package index's host accepts a connection within `timeout` seconds."""
    from bot.translation.translator import ModelInstallError

    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    where = host
    # Argos downloads with urllib, which goes through $HTTPS_PROXY: then the proxy is what this
    # machine must reach (a school network may let nothing else out).
    proxy = urllib.request.getproxies().get(parts.scheme)
    if proxy and not urllib.request.proxy_bypass(host):
        through = urlsplit(proxy if "//" in proxy else f"http://{proxy}")
        host, port = through.hostname or "", through.port or 80
        where = f"{where} through the proxy {host}:{port} ($HTTPS_PROXY)"
    outcome: list[OSError | None] = []

    def connect() -> None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            outcome.append(None)
        except OSError as exc:
            outcome.append(exc)

    # A thread, because name lookup ignores socket timeouts and can hang on a dead resolver.
    worker = threading.Thread(target=connect, daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome or outcome[0] is not None:
        why = outcome[0] if outcome else f"no answer in {timeout:g} s"
        raise ModelInstallError(
            f"cannot reach the Argos package index at {where} ({why}). Is this machine offline? "
            f"Download the .argosmodel files listed in {url} on another computer, copy them "
            "over and use `puente translate install-file` instead.")


def install_languages(engine: ArgosEngine, langs: Sequence[str],
                      timeout: float = INDEX_TIMEOUT, *, both_ways: bool = True
                      ) -> tuple[list[InstalledModel], list[tuple[str, str]]]:
    """Download and install en->LANG models and (`both_ways`) LANG->en ones, which a family's
    message to the teacher needs; return those installed and the pairs with no model."""
    from bot.translation.translator import ModelInstallError, argos_modules

    codes = [get_language(code).code for code in langs]
    pairs = [pair for code in codes
             for pair in ([("en", code), (code, "en")] if both_ways else [("en", code)])]
    package, settings = argos_modules(engine.data_dir)
    check_index(settings.remote_package_index, timeout)
    index = Path(settings.local_package_index)
    # Without a local index, Argos's get_available_packages retries itself until RecursionError.
    index.unlink(missing_ok=True)
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(DOWNLOAD_TIMEOUT)
    try:
        package.update_package_index()  # logs and returns on failure instead of raising
        if not index.exists():
            raise ModelInstallError("the Argos package index could not be downloaded")
        available = {(p.from_code, p.to_code): p for p in package.get_available_packages()
                     if p.type == "translate"}
        missing = [pair for pair in pairs if pair not in available]
        for source, target in (p for p in pairs if p not in missing):
            try:
                available[(source, target)].install()
            except Exception as exc:  # Argos raises a plain Exception when a download fails
                raise ModelInstallError(f"downloading the {source}->{target} model failed: "
                                        f"{exc}") from exc
    finally:
        socket.setdefaulttimeout(previous)
    engine.refresh()
    done = [m for m in engine.installed() if (m.from_code, m.to_code) in pairs]
    return done, missing


def _archive_root(path: Path) -> tuple[str, dict[str, Any]]:
    """Check that a file looks like an Argos package; return its folder name and metadata."""
    from bot.translation.translator import ModelInstallError

    if not path.is_file():
        raise ModelInstallError(f"{path}: no such file (check the path, or download models "
                                "with `puente translate install LANG` where there is internet)")
    if not zipfile.is_zipfile(path):
        raise ModelInstallError(f"{path}: not an Argos model (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            roots = {name.split("/", 1)[0] for name in names}
            if len(roots) != 1 or any(n.startswith("/") or ".." in n.split("/") for n in names):
                raise ModelInstallError(f"{path}: expected one top-level package folder")
            root = roots.pop()
            metadata = json.loads(archive.read(f"{root}/metadata.json"))
            has_model = f"{root}/model/model.bin" in names
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ModelInstallError(f"{path}: no readable metadata.json ({exc})") from exc
    if not isinstance(metadata, dict) or not (metadata.get("from_code")
                                              and metadata.get("to_code")):
        raise ModelInstallError(f"{path}: metadata.json names no from_code/to_code")
    if not has_model:
        raise ModelInstallError(f"{path}: no model/model.bin (is this a translation model?)")
    return root, metadata


def install_file(engine: ArgosEngine, path: Path) -> InstalledModel:
    """Install a .argosmodel file with Argos's own installer, replacing any model for the same
    language pair."""
    from bot.translation.translator import ModelInstallError, argos_modules

    root, metadata = _archive_root(path)
    package, _ = argos_modules(engine.data_dir)
    try:
        package.install_from_path(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ModelInstallError(f"{path}: could not be installed: {exc}") from exc
    pair = (metadata["from_code"], metadata["to_code"])
    for model in engine.installed():
        if (model.from_code, model.to_code) == pair and model.path.name != root:
            package.uninstall(package.Package(model.path))
    engine.refresh()
    return next(m for m in engine.installed() if m.path.name == root)


# --- commands ----------------------------------------------------------------------------------

def _store(settings: Config) -> Database | None:
    from bot.store import open_store

    path = settings.store_path
    if not path.exists():
        print(f"no store at {path} yet (run `puente db migrate`)", file=sys.stderr)
        return None
    return open_store(path)


def status(args: argparse.Namespace) -> int:
    """Print installed models and, per school language, what covers the pack words."""
    from bot.store.translations import gloss_coverage
    from bot.translation.translator import engine_for

    settings: Config = args.settings
    engine = engine_for(settings.translation.data_dir)
    where = settings.translation.data_dir or "Argos's default folder"
    print(f"Argos Translate models ({where}):")
    models = engine.installed()
    for model in models:
        print(f"  {model.from_code} -> {model.to_code}  version {model.version}  "
              f"{model.path.name}")
    if not models:
        print("  none installed: `puente translate install LANG...` or `install-file PATH`")
    print("machine translation: " + ("on" if settings.translation.enabled else "off"))
    # Both ways, per language: a card needs en->LANG, a family's message to a teacher LANG->en
    print("\ndirections (cards and announcements / family messages to the teacher):")
    for code in (c for c in settings.school.languages if c != "en"):
        print(f"  {code}: " + " ".join(
            f"{a}\u2192{b} " + ("\u2713" if engine.unavailable_reason(a, b) is None else "\u2717")
            for a, b in (("en", code), (code, "en"))))
    db = _store(settings)
    langs = list(settings.school.languages)
    rows = {row.lang: row for row in gloss_coverage(db, langs)} if db is not None else {}
    print("\nlanguage              gloss      memory     engine")
    for code in langs:
        name = LANGUAGES[code].english_name
        row = rows.get(code)
        gloss = f"{row.curated}/{row.words}" if row else "-"
        remembered = f"{row.remembered}/{row.words - row.curated}" if row else "-"
        reason = engine.unavailable_reason("en", code) if settings.translation.enabled else "off"
        print(f"  {code:4} {name:15} {gloss:>9}  {remembered:>9}   "
              f"{'yes' if reason is None else 'no: ' + reason}")
    return 0


def install_languages_cmd(args: argparse.Namespace) -> int:
    """Download models for the languages named; exit 2 with a clear line without network, 1 when
    a language has no published model."""
    from bot.translation.translator import engine_for

    engine = engine_for(args.settings.translation.data_dir)
    done, missing = install_languages(engine, args.languages, args.timeout,
                                      both_ways=not args.one_way)
    for model in done:
        print(f"installed {model.from_code} -> {model.to_code} (version {model.version})")
    for source, target in missing:
        print(f"no Argos model is published for {source} -> {target}; " + (
            "Puente uses curated glosses only" if source == "en" else
            "a family's messages in it reach the teacher as written, untranslated"))
    return 1 if missing else 0


def install_file_cmd(args: argparse.Namespace) -> int:
    """Install one .argosmodel file offline."""
    from bot.translation.translator import engine_for

    engine = engine_for(args.settings.translation.data_dir)
    model = install_file(engine, args.path)
    print(f"installed {model.from_code} -> {model.to_code} (version {model.version}) "
          f"from {args.path}")
    return 0


def prepare_cmd(args: argparse.Namespace) -> int:
    """Translate words without a curated gloss into the memory ahead of a push."""
    from bot.services.glosses import pack_refs, prepare
    from bot.translation.translator import Translator

    settings: Config = args.settings
    db = _store(settings)
    if db is None:
        return 1
    langs = [get_language(code).code for code in (args.to or settings.school.languages)]
    unknown = [pack for pack in args.packs or [] if not pack_refs(db, [pack])]
    if unknown:
        raise PuenteError(f"unknown or empty pack(s): {', '.join(unknown)} (see `puente packs "
                          "list`)")
    refs = pack_refs(db, args.packs)
    translator = Translator(db, settings.translation, clock=args.clock)
    print(f"{len(refs)} words; per language: curated / remembered / translated now / missing")
    for row in prepare(db, translator, refs, langs):
        line = (f"  {row.lang:4} {row.curated:5} {row.remembered:5} {row.translated:5} "
                f"{row.missing:5}")
        print(line + (f"   ({row.reason})" if row.reason and row.missing else ""))
    return 0

