"""The layering rules of CONTRIBUTING.md, read from the source with `ast`: imports flow one way.

Every rule holds everywhere: there is no list of known violations left to shrink.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
TESTS = ROOT / "tests"
OUTER = ("bot.handlers", "bot.chat", "bot.app", "bot.cli", "bot.demo", "bot.standin",
         "bot.delivery", "bot.presentation")


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
    assert ("bot.services.class_reports", "bot.store.reports") in BOT_EDGES
    assert ("bot.handlers.student", "bot.chat.replies") in BOT_EDGES
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


def test_handlers_never_import_one_another() -> None:
    """Shared glue lives in bot/chat; each audience's module handles its own messages."""
    bad = sorted((a, b) for a, b in BOT_EDGES if within(a, "bot.handlers")
                 and a != "bot.handlers" and within(b, "bot.handlers") and b != a)
    assert bad == []


def test_the_chat_glue_calls_services_never_the_store() -> None:
    bad = sorted((a, b) for a, b in BOT_EDGES if within(a, "bot.chat")
                 and within(b, "bot.store"))
    assert bad == []


def test_tests_import_helpers_only_from_helper_modules() -> None:
    """Shared builders live in tests/harness.py (and friends), never in a test or a conftest."""
    bad = sorted((module_name(p), target) for p in TESTS.rglob("*.py") for target in imports(p)
                 if within(target, "tests")
                 and target.rpartition(".")[2].startswith(("test_", "conftest")))
    assert bad == []


def test_only_the_one_clock_reads_the_wall_clock() -> None:
    """`bot/store/clock.py: utc_now` is the clock; everything else is handed it (Services.clock,
    the CLI's args.clock), so a test freezes time in one place."""
    reads = {("now", "datetime"), ("utcnow", "datetime"), ("today", "date"),
             ("today", "datetime")}
    bad = []
    for path in sorted(BOT.rglob("*.py")):
        if module_name(path) == "bot.store.clock":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    (node.attr, node.value.id) in reads:
                bad.append(f"{module_name(path)}:{node.lineno}")
    assert bad == []


def test_sql_is_written_only_in_the_store() -> None:
    """Storage lives in one place: no module outside bot/store runs a statement or opens a
    table (`announcements.pack_glossary` ran its own SELECT until the teacher playtest stop)."""
    runs = ("execute", "executescript", "query", "execute_returning_dicts")
    bad = sorted(module_name(path) for path in BOT.rglob("*.py")
                 if not within(module_name(path), "bot.store")
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                     and node.func.attr in runs)
                 or (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                     and node.value.id == "db"))
    assert bad == []
