"""The layering rules of CONTRIBUTING.md, read from the source with `ast`: imports flow one way.

A rule that does not hold everywhere yet lists its known violations; a new violation fails, and
so does a listed one that has been fixed (delete its line: the list only shrinks).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
TESTS = ROOT / "tests"
OUTER = ("bot.handlers", "bot.app", "bot.cli", "bot.demo", "bot.standin", "bot.delivery",
         "bot.presentation")

# Handler modules importing one another (shared glue in `common`, and cross-audience calls).
HANDLERS_IMPORTING_HANDLERS = {
    ("bot.handlers.audio", "bot.handlers.common"),
    ("bot.handlers.family", "bot.handlers.common"),
    ("bot.handlers.messages", "bot.handlers.common"),
    ("bot.handlers.reminders", "bot.handlers.common"),
    ("bot.handlers.student", "bot.handlers.common"),
    ("bot.handlers.student", "bot.handlers.family"),
    ("bot.handlers.student", "bot.handlers.messages"),
    ("bot.handlers.student", "bot.handlers.teacher"),
    ("bot.handlers.teacher", "bot.handlers.common"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path: Path) -> Iterator[str]:
    """Every module `path` imports (`from bot.store import people` -> bot.store.people)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                child = f"{source}.{alias.name}"
                yield child if is_module(child) else source


def edges(under: Path) -> set[tuple[str, str]]:
    return {(module_name(p), target) for p in sorted(under.rglob("*.py")) for target in imports(p)}


def within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


BOT_EDGES = edges(BOT)


def test_the_import_scanner_sees_submodules_and_relative_imports() -> None:
    assert ("bot.services.teaching", "bot.store.reports") in BOT_EDGES
    assert ("bot.handlers.student", "bot.handlers.teacher") in BOT_EDGES
    assert ("bot.domain.checks", "bot.domain.scaffold") in BOT_EDGES


def test_domain_imports_only_the_domain_and_never_telegram_or_sql() -> None:
    bad = sorted((a, b) for a, b in BOT_EDGES if within(a, "bot.domain")
                 and ((within(b, "bot") and not within(b, "bot.domain"))
                      or within(b, "telegram", "sqlite3", "sqlite_utils")))
    assert bad == []


def test_services_never_import_telegram_handlers_or_presentation() -> None:
    bad = sorted((a, b) for a, b in BOT_EDGES if within(a, "bot.services")
                 and within(b, "telegram", *OUTER))
    assert bad == []


def test_the_store_imports_only_the_store_and_the_domain() -> None:
    bad = sorted((a, b) for a, b in BOT_EDGES if within(a, "bot.store")
                 and (within(b, "telegram") or (within(b, "bot")
                      and not within(b, "bot.store", "bot.domain"))))
    assert bad == []


def test_only_the_composition_root_imports_handlers() -> None:
    bad = sorted((a, b) for a, b in BOT_EDGES if within(b, "bot.handlers")
                 and not within(a, "bot.handlers", "bot.app"))
    assert bad == []


def test_handlers_never_import_the_store_they_call_services() -> None:
    bad = sorted((a, b) for a, b in BOT_EDGES if within(a, "bot.handlers")
                 and within(b, "bot.store"))
    assert bad == []


def handler_edges() -> set[tuple[str, str]]:
    return {(a, b) for a, b in BOT_EDGES if within(a, "bot.handlers") and a != "bot.handlers"
            and within(b, "bot.handlers") and b != a}


def test_no_new_handler_imports_another_handler() -> None:
    assert sorted(handler_edges() - HANDLERS_IMPORTING_HANDLERS) == []


def test_fixed_known_violations_are_struck_off_the_list() -> None:
    assert sorted(HANDLERS_IMPORTING_HANDLERS - handler_edges()) == []


def test_tests_import_helpers_only_from_helper_modules() -> None:
    """Shared builders live in tests/harness.py (and friends), never in a test or a conftest."""
    bad = sorted((module_name(p), target) for p in TESTS.rglob("*.py") for target in imports(p)
                 if within(target, "tests")
                 and target.rpartition(".")[2].startswith(("test_", "conftest")))
    assert bad == []
