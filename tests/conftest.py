"""Shared fixtures: a real store, the real prompt catalogue, and a real Application that talks
to an offline Bot API instead of Telegram."""

from __future__ import annotations

import os
import random
import sys
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlite_utils import Database

from bot.app import build_application
from bot.config import AccessConfig, Config
from bot.context import Services
from bot.demo.offline import OfflineBotAPI
from bot.presentation.i18n import Catalog
from bot.services.packs import install_shipped_packs
from bot.store import open_store, people
from tests.clock import START, Clock
from tests.harness import ADMIN_ID, INVITE, TEACHER_ID, Chat
from tests.telegram_html import assert_telegram_accepts


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under mutmut, forget what lru_caches remember from runs before the fork: a cached
    result from the unmutated code would hide the mutant (a false survivor)."""
    if not os.environ.get("MUTANT_UNDER_TEST"):
        return
    for name, module in list(sys.modules.items()):
        if name == "bot" or name.startswith("bot."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def store_template() -> Iterator[Database]:
    """The migrated store with the shipped packs, built once: each test's `db` starts as a copy.

    Migrating and installing the packs, then parsing every pack file again when the
    Application starts (the fingerprint was not set), took 0.5-0.7 s before every test that
    has a store; a copy of this one takes 2 ms, and `install_shipped_packs` sets the
    fingerprint, so a test's start-up finds the packs installed, as a restarted bot does."""
    database = open_store(None)
    install_shipped_packs(database, START)
    yield database
    database.close()


@pytest.fixture
def db(store_template: Database) -> Iterator[Database]:
    database = open_store(None, apply_migrations=False)  # its pragmas; the copy brings the rest
    store_template.conn.backup(database.conn)
    yield database
    database.close()


@pytest.fixture
def school_class(db: Database) -> people.ClassInfo:
    """A science class with a valid join code, taught by TEACHER_ID."""
    people.upsert_teacher(db, TEACHER_ID, "Ms. Rivera", START)
    return people.create_class(db, TEACHER_ID, "Science 7B", "JOINcode_123",
                               START + timedelta(days=180), "science.ecosystems", START)


@pytest.fixture
async def chat(db: Database, catalog: Catalog, clock: Clock,
               school_class: people.ClassInfo) -> AsyncIterator[Chat]:
    api = OfflineBotAPI()
    access = AccessConfig(teacher_invite_codes=(INVITE,), admin_ids=(ADMIN_ID,))
    config = replace(Config(), access=access)
    services = Services(config, db, catalog, clock, random.Random(3))
    app = build_application(services, request=api)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    # The job queue stays stopped: tests run jobs by hand, on the test's clock, not by timers.
    yield Chat(app, api, db, clock)
    await app.shutdown()
    assert_telegram_accepts(api.calls)  # also what jobs and the deliverer sent
