"""Offline translation: the curated glossary first, then the translation memory, then Argos.

Children's text never leaves the machine: the only engine is Argos Translate running locally, and
the online package index is touched only by `puente translate install`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.domain.errors import PuenteError
from bot.domain.language import Capability, get_language
from bot.store import translations as memory
from bot.store.clock import utc_now

log = logging.getLogger(__name__)

GLOSS, ARGOS, SOURCE = "gloss", "argos", "source"  # engine names a Translation can carry
PIVOT = "en"  # Argos publishes models to and from English; other pairs chain two of them


@dataclass(frozen=True)
class Translation:
    """A rendering of a text; `machine` output must be marked wherever a user sees it."""

    text: str
    engine: str
    machine: bool


@dataclass
class TranslatorStats:
    """What a Translator has done since it was made (for benchmarks and tests)."""

    gloss_hits: int = 0
    memory_hits: int = 0
    engine_calls: int = 0
    engine_texts: int = 0
    unavailable: int = 0


class Engine(Protocol):
    """What the Translator needs from a translation engine."""

    name: str

    def unavailable_reason(self, source: str, target: str) -> str | None:
        """Say why source->target cannot be translated, or None when it can."""

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate each text; blocking."""


@dataclass(frozen=True)
class InstalledModel:
    """An Argos package installed on this machine."""

    from_code: str
    to_code: str
    version: str
    path: Path


class TranslationUnavailableError(PuenteError):
    """No curated gloss, no memory and no working engine for this text and language."""

    prompt_key = "translation-unavailable"

    def __init__(self, reason: str, *, lang: str) -> None:
        super().__init__(reason, lang=lang)
        self.reason = reason


class ModelInstallError(PuenteError):
    """An Argos model could not be installed (no network, unknown language, bad file)."""

    prompt_key = "error-generic"  # raised by the CLI only, which prints its message


# --- sentences -------------------------------------------------------------------------------

_END = re.compile(r"([.!?…]+[\"'”’»)\]]*)(\s+)|([。！？]+)")
# Not "no": "I said no. Then..." is likelier in a student's text than "No. 5".
_ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "fig", "approx", "pp", "jr", "sr",
    "sra", "dra", "prof", "ave"])


def split_sentences(text: str) -> list[str]:
    """Split text into sentences without any model (Argos's own splitter downloads one)."""
    sentences, start = [], 0
    for match in _END.finditer(text):
        if match.group(1) and not _ends_sentence(text, match):
            continue
        end = match.end(1) if match.group(1) else match.end(3)
        if piece := text[start:end].strip():
            sentences.append(piece)
        start = end
    if tail := text[start:].strip():
        sentences.append(tail)
    return sentences


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if text[match.end():match.end() + 1].islower():  # '"Stop!" she said', ". and then"
        return False
    words = text[:match.start(1)].split()
    word = words[-1].lower() if words else ""
    # "Dr. Ruiz", "J. Smith" and "e.g. Frogs" do not end a sentence.
    return not (match.group(1).startswith(".")
                and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())))


class _OfflineSentencizer:
    """Argos's sentence-splitter interface, answered by `split_sentences`."""

    def split_sentences(self, text: str) -> list[str]:
        """Split one paragraph into sentences."""
        return split_sentences(text)


# --- the Argos engine --------------------------------------------------------------------------

_ARGOS_LOCK = threading.RLock()  # argostranslate's settings are process-wide


def argos_modules(data_dir: Path | None) -> tuple[ModuleType, ModuleType]:
    """Import argostranslate's package and settings modules, pointed at `data_dir`."""
    with _ARGOS_LOCK:
        try:
            from argostranslate import package, settings
        except (ImportError, OSError) as exc:  # OSError: it creates folders under $HOME
            raise TranslationUnavailableError(f"argostranslate could not start: {exc}",
                                              lang="") from exc
        # settings reads its environment once, at import; package reads these attributes at
        # each call, so setting them here works whenever (and for whichever dir) it was imported.
        if data_dir is None:  # Argos's own defaults, as its settings module computes them
            packages = Path(settings.get_setting("ARGOS_PACKAGES_DIR",
                                                 settings.data_dir / "packages"))
            index, downloads = settings.data_dir / "index.json", settings.cache_dir / "downloads"
        else:
            packages, index = data_dir / "packages", data_dir / "index.json"
            downloads = data_dir / "downloads"
        settings.package_data_dir, settings.package_dirs = packages, [packages]
        settings.local_package_index, settings.downloads_dir = index, downloads
        try:
            for directory in (packages, downloads):
                directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TranslationUnavailableError(f"cannot use {packages}: {exc}", lang="") from exc
        # Spacy/Stanza splitters are not installed; MiniSBD's constructor at least stays offline.
        settings.chunk_type = settings.ChunkType.MINISBD
        return package, settings


class ArgosEngine:
    """Argos Translate models in one data dir: found, loaded once (lazily) and run locally."""

    name = ARGOS

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir
        self._lock = threading.Lock()  # one translation at a time; loads are not thread-safe
        self._models: dict[tuple[str, str], tuple[InstalledModel, Any]] | None = None
        self._loaded: dict[tuple[str, ...], Any] = {}

    def installed(self) -> list[InstalledModel]:
        """Return the installed translation models, sorted by language pair."""
        return sorted((m for m, _ in self._scan().values()),
                      key=lambda m: (m.from_code, m.to_code))

    def route(self, source: str, target: str) -> list[tuple[str, str]] | None:
        """Return the pairs to chain for source->target (direct, else via English), or None."""
        pairs = self._scan()
        if (source, target) in pairs:
            return [(source, target)]
        middles = [PIVOT, *sorted({t for f, t in pairs if f == source} - {PIVOT})]
        for middle in middles:
            if (source, middle) in pairs and (middle, target) in pairs:
                return [(source, middle), (middle, target)]
        return None

    def unavailable_reason(self, source: str, target: str) -> str | None:
        """Say why source->target cannot be machine-translated here, or None when it can."""
        try:
            if self.route(source, target) is not None:
                return None
        except TranslationUnavailableError as exc:
            return exc.reason
        lang = get_language(target)
        hint = (f"Argos publishes no model for {lang.english_name}; glossary only"
                if Capability.MACHINE_TRANSLATION not in lang.capabilities
                else f"install one with `puente translate install {target}`"
                if source == PIVOT else "install one with `puente translate install-file`")
        return f"no Argos model installed for {source}->{target} ({hint})"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate texts (one line each) through the installed models; blocks, so run it in
        a worker thread."""
        route = self.route(source, target)
        if route is None:
            raise TranslationUnavailableError(self.unavailable_reason(source, target) or "",
                                              lang=target)
        lines = [text.strip() for text in texts]
        with self._lock:
            try:
                translation = self._translation(tuple(route))
                # Argos translates each line as its own paragraph, sentence by sentence, so
                # one-line texts share a call; texts with paragraphs of their own go one by one.
                if any("\n" in line for line in lines):
                    output = [translation.translate(line) for line in lines]
                else:
                    output = translation.translate("\n".join(lines)).split("\n")
            except (RuntimeError, ValueError, OSError) as exc:
                raise TranslationUnavailableError(
                    f"the Argos model for {source}->{target} failed: {exc}", lang=target) from exc
        return [line.strip() for line in output]

    def refresh(self) -> None:
        """Forget what was found and loaded, after models were installed or removed."""
        with self._lock:
            self._models = None
            self._loaded.clear()

    def _scan(self) -> dict[tuple[str, str], tuple[InstalledModel, Any]]:
        if self._models is None:
            package, settings = argos_modules(self.data_dir)
            found: dict[tuple[str, str], tuple[InstalledModel, Any]] = {}
            for directory in settings.package_dirs:
                for path in sorted(Path(directory).iterdir()) if directory.is_dir() else ():
                    try:
                        pkg = package.Package(path) if path.is_dir() else None
                    except (OSError, ValueError) as exc:  # a stray folder or broken metadata
                        log.warning("skipping Argos package %s: %s", path, exc)
                        continue
                    if pkg is not None and pkg.type == "translate":
                        model = InstalledModel(pkg.from_code, pkg.to_code,
                                               pkg.package_version, path)
                        found.setdefault((pkg.from_code, pkg.to_code), (model, pkg))
            self._models = found
        return self._models

    def _translation(self, route: tuple[tuple[str, str], ...]) -> Any:
        if route not in self._loaded:
            from argostranslate import translate as argos
            hops = []
            for from_code, to_code in route:
                _, pkg = self._scan()[(from_code, to_code)]
                hop = argos.PackageTranslation(argos.Language(from_code, pkg.from_name),
                                               argos.Language(to_code, pkg.to_name), pkg)
                # Argos's default splitter downloads a model on first use; ours needs none.
                hop.sentencizer = _OfflineSentencizer()
                hops.append(self._loaded.setdefault((from_code, to_code), hop))
            self._loaded[route] = hops[0] if len(hops) == 1 else argos.CompositeTranslation(
                *hops)
        return self._loaded[route]


_ENGINES: dict[Path | None, ArgosEngine] = {}


def engine_for(data_dir: Path | None) -> ArgosEngine:
    """Return this process's engine for a data dir, so each model is loaded once."""
    with _ARGOS_LOCK:
        key = data_dir.resolve() if data_dir is not None else None
        if key not in _ENGINES:
            _ENGINES[key] = ArgosEngine(key)
        return _ENGINES[key]


# --- the translator ----------------------------------------------------------------------------

class Translator:
    """Glossary, then memory, then engine; engine results go to the memory marked machine."""

    def __init__(self, db: Database, config: TranslationConfig, *,
                 engine: Engine | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.db, self.config, self.clock = db, config, clock
        self.engine: Engine = engine or engine_for(config.data_dir)
        self.stats = TranslatorStats()
        self._inflight: dict[tuple[str, str, tuple[str, ...]], asyncio.Future[list[str]]] = {}

    def why_unavailable(self, to: str, *, source: str = "en") -> str | None:
        """Say why the engine cannot translate source->to here, or None when it can."""
        if not self.config.enabled:
            return "machine translation is turned off ([translation] enabled = false)"
        return self.engine.unavailable_reason(get_language(source).code, get_language(to).code)

    async def translate(self, text: str, to: str, *, source: str = "en") -> Translation | None:
        """Translate one text; None when nothing knows it (see `why_unavailable`)."""
        return (await self.translate_many([text], to, source=source))[0]

    def translate_sync(self, text: str, to: str, *, source: str = "en") -> Translation | None:
        """Translate one text in this thread (for the CLI; the bot uses `translate`)."""
        return self.translate_many_sync([text], to, source=source)[0]

    async def translate_many(self, texts: Sequence[str], to: str, *,
                             source: str = "en") -> list[Translation | None]:
        """Translate texts, sending all that glossary and memory miss in one engine call."""
        to, source = get_language(to).code, get_language(source).code
        results, missing = self._known(texts, to, source)
        if missing and self._engine_ready(to, source):
            key = (source, to, tuple(missing))
            if key not in self._inflight:  # concurrent askers of the same texts share one call
                future = asyncio.ensure_future(self._run_async(missing, to, source))
                future.add_done_callback(lambda _: self._inflight.pop(key, None))
                self._inflight[key] = future
            try:
                outputs = await asyncio.shield(self._inflight[key])
            except TranslationUnavailableError as exc:
                log.warning("translation to %s unavailable: %s", to, exc.reason)
                outputs = []
            self._fill(results, texts, dict(zip(missing, outputs, strict=False)))
        return results

    def translate_many_sync(self, texts: Sequence[str], to: str, *,
                            source: str = "en") -> list[Translation | None]:
        """Translate texts in this thread (for the CLI and `prepare`)."""
        to, source = get_language(to).code, get_language(source).code
        results, missing = self._known(texts, to, source)
        if missing and self._engine_ready(to, source):
            try:
                outputs = self.engine.translate(self._count(missing), source, to)
            except TranslationUnavailableError as exc:
                log.warning("translation to %s unavailable: %s", to, exc.reason)
                outputs = []
            self._remember(missing, outputs, to, source)
            self._fill(results, texts, dict(zip(missing, outputs, strict=False)))
        return results

    async def translate_transient(self, text: str, to: str, *,
                                  source: str = "en") -> Translation | None:
        """Translate a person's message without keeping it: no memory read or write, only
        the engine, in a worker thread; None when no engine can."""
        to, source = get_language(to).code, get_language(source).code
        if to == source:
            return Translation(text, SOURCE, False)
        if not text.strip() or not self._engine_ready(to, source):
            return None
        try:
            outputs = await asyncio.to_thread(self.engine.translate, self._count([text]),
                                              source, to)
        except TranslationUnavailableError as exc:
            log.warning("translation %s->%s unavailable: %s", source, to, exc.reason)
            return None
        output = "\n".join(outputs).strip()
        return Translation(output, self.engine.name, True) if output else None

    def _known(self, texts: Sequence[str], to: str,
               source: str) -> tuple[list[Translation | None], list[str]]:
        """Answer from the glossary and the memory; return the answers and what is left."""
        results: list[Translation | None] = [None] * len(texts)
        wanted = [text.strip() for text in texts]
        if to == source:
            return [Translation(text, SOURCE, False) for text in texts], []
        found = memory.recall_many(self.db, source, to, [w for w in wanted if w])
        missing: list[str] = []
        for index, text in enumerate(wanted):
            if not text:
                continue
            gloss = memory.curated(self.db, text, to) if source == "en" else None
            if gloss is not None:
                self.stats.gloss_hits += 1
                results[index] = Translation(gloss, GLOSS, False)
            elif (entry := found.get(text)) is not None:
                self.stats.memory_hits += 1
                results[index] = Translation(entry.text, entry.engine, entry.machine)
            elif text not in missing:
                missing.append(text)
        return results, missing

    def _engine_ready(self, to: str, source: str) -> bool:
        reason = self.why_unavailable(to, source=source)
        if reason is not None:
            self.stats.unavailable += 1
            log.debug("no machine translation %s->%s: %s", source, to, reason)
        return reason is None

    def _count(self, texts: list[str]) -> list[str]:
        self.stats.engine_calls += 1
        self.stats.engine_texts += len(texts)
        return texts

    async def _run_async(self, texts: list[str], to: str, source: str) -> list[str]:
        # The engine blocks for tens of milliseconds or more, so only it runs in a worker
        # thread; counting and the store stay on the event loop's thread.
        outputs = await asyncio.to_thread(self.engine.translate, self._count(texts), source, to)
        self._remember(texts, outputs, to, source)
        return outputs

    def _remember(self, texts: list[str], outputs: list[str], to: str, source: str) -> None:
        now = self.clock()
        for text, output in zip(texts, outputs, strict=False):
            if output:
                memory.remember(self.db, source, to, text, output, self.engine.name, now)

    def _fill(self, results: list[Translation | None], texts: Sequence[str],
              outputs: dict[str, str]) -> None:
        for index, text in enumerate(texts):
            output = outputs.get(text.strip())
            if results[index] is None and output:
                results[index] = Translation(output, self.engine.name, True)
