"""Fixtures for translation tests: tiny but genuine Argos packages built here (no downloads),
installed with argostranslate's own installer, and a machine with no network."""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.config import TranslationConfig
from bot.domain.checks import WordRef
from bot.store import open_store
from bot.store.packs import pack_words, save_pack
from bot.translation.translator import ArgosEngine, Translator, engine_for
from tests.clock import START, Clock
from tests.translate.builders import PACK, install_with_argos, load_builder

LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse (and record) every connection that would leave this machine."""
    attempts: list[str] = []
    real_connect = socket.socket.connect
    real_lookup = socket.getaddrinfo

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and host not in LOCAL_HOSTS:
            attempts.append(f"connect {host}")
            raise OSError(errno.ENETUNREACH, "Network is unreachable (tests run offline)")
        return real_connect(self, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        if isinstance(host, str) and host not in LOCAL_HOSTS:
            attempts.append(f"lookup {host}")
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (offline)")
        return real_lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Build .argosmodel files for en->es, es->en and en->fr (a fraction of a second each)."""
    builder = load_builder()
    out = tmp_path_factory.mktemp("models")
    pairs = [("en", "es"), ("es", "en"), ("en", "fr")]
    return {pair: builder.build_package(out / f"translate-{pair[0]}_{pair[1]}.argosmodel",
                                        *pair) for pair in pairs}


@pytest.fixture(scope="session")
def argos_dir(tmp_path_factory: pytest.TempPathFactory,
              tiny_models: dict[tuple[str, str], Path]) -> Path:
    """An Argos data dir holding the tiny en->es model."""
    return install_with_argos(tmp_path_factory.mktemp("argos"), tiny_models[("en", "es")])


@pytest.fixture(scope="session")
def engine(argos_dir: Path) -> ArgosEngine:
    """The process's engine for `argos_dir`: the model loads once for the whole session."""
    return engine_for(argos_dir)


@pytest.fixture
def store() -> Iterator[Database]:
    """An in-memory store holding the tiny pack."""
    database = open_store(None)
    save_pack(database, PACK, START)
    yield database
    database.close()


@pytest.fixture
def refs(store: Database) -> list[WordRef]:
    """The tiny pack's words, as checks and previews use them."""
    return [WordRef(w.id, w.word) for w in pack_words(store, PACK.id)]


@pytest.fixture
def translator(store: Database, engine: ArgosEngine, argos_dir: Path) -> Translator:
    """A Translator over the tiny pack's store and the session's en->es engine."""
    return Translator(store, TranslationConfig(True, argos_dir), engine=engine, clock=Clock())
