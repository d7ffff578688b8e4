"""`puente translate ...` end to end: status, offline and online installs, prepare."""

from __future__ import annotations

import functools
import json
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from argostranslate import settings as argos_settings

from bot.cli import main
from bot.cli.translate_cmd import check_index
from bot.domain.errors import PuenteError
from bot.store import open_store
from bot.store import translations as memory
from bot.store.packs import save_pack
from bot.translation.translator import engine_for
from tests.clock import START
from tests.translate.builders import PACK

ARGOS_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"


def write_config(tmp_path: Path, data_dir: Path, *, with_store: bool = True) -> str:
    """A config whose store holds the tiny pack and whose models live in `data_dir`."""
    store_path = tmp_path / "puente.db"
    if with_store:
        db = open_store(store_path)
        save_pack(db, PACK, START)
        db.close()
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "{store_path}"\n[school]\nlanguages = ["es", "vi", "ht"]\n'
                      f'[translation]\ndata_dir = "{data_dir}"\n', encoding="utf-8")
    return str(config)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture
def mirror(tmp_path: Path, tiny_models: dict) -> Iterator[str]:
    """A package index and model served from this machine, as a school mirror would be."""
    root = tmp_path / "mirror"
    root.mkdir()
    shutil.copy(tiny_models[("en", "es")], root / "translate-en_es.argosmodel")
    shutil.copy(tiny_models[("es", "en")], root / "translate-es_en.argosmodel")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    index = [{"package_version": "0.0.1", "argos_version": "1.12.1", "from_code": "en",
              "from_name": "English", "to_code": "es", "to_name": "Spanish",
              "type": "translate", "links": [f"{base}/translate-en_es.argosmodel"]},
             {"package_version": "0.0.1", "argos_version": "1.12.1", "from_code": "es",
              "from_name": "Spanish", "to_code": "en", "to_name": "English",
              "type": "translate", "links": [f"{base}/translate-es_en.argosmodel"]}]
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    yield base
    server.shutdown()
    server.server_close()


def test_status_lists_models_and_what_covers_each_language(
        tmp_path: Path, argos_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", write_config(tmp_path, argos_dir), "translate", "status"]) == 0

    out = capsys.readouterr().out
    assert "en -> es  version 0.0.1  translate-en_es-tiny" in out
    assert "machine translation: on" in out
    lines = {line.split()[0]: line for line in out.splitlines()[4:] if line.startswith("  ")}
    assert lines["es"].split()[2:5] == ["1/4", "0/3", "yes"]
    assert "no: no Argos model installed for en->vi" in lines["vi"]
    assert "Argos publishes no model for Haitian Creole" in lines["ht"]


def test_status_without_a_store_still_lists_models(
        tmp_path: Path, argos_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, argos_dir, with_store=False)

    assert main(["--config", config, "translate", "status"]) == 0

    captured = capsys.readouterr()
    assert "en -> es" in captured.out
    assert "no store at" in captured.err
    assert not (tmp_path / "puente.db").exists()


def test_install_file_installs_a_model_offline(
        tmp_path: Path, tiny_models: dict, capsys: pytest.CaptureFixture[str],
        network_attempts: list[str]) -> None:
    data_dir = tmp_path / "argos"
    config = write_config(tmp_path, data_dir)

    code = main(["--config", config, "translate", "install-file",
                 str(tiny_models[("en", "es")])])

    assert code == 0
    assert "installed en -> es (version 0.0.1)" in capsys.readouterr().out
    assert engine_for(data_dir).translate(["The cat."], "en", "es") == ["el gato."]
    assert network_attempts == []


def test_install_file_replaces_the_model_for_the_same_pair(
        tmp_path: Path, tiny_models: dict) -> None:
    data_dir = tmp_path / "argos"
    config = write_config(tmp_path, data_dir)
    newer = tmp_path / "newer.argosmodel"
    with zipfile.ZipFile(tiny_models[("en", "es")]) as old, \
            zipfile.ZipFile(newer, "w") as new:
        for item in old.infolist():
            new.writestr(item.filename.replace("-tiny", "-newer"), old.read(item))

    assert main(["--config", config, "translate", "install-file",
                 str(tiny_models[("en", "es")])]) == 0
    assert main(["--config", config, "translate", "install-file", str(newer)]) == 0

    assert [m.path.name for m in engine_for(data_dir).installed()] == ["translate-en_es-newer"]


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    (b"just text", "not an Argos model (not a zip archive)"),
    ({"pkg/README.md": "hi"}, "no readable metadata.json"),
    ({"pkg/metadata.json": '{"type": "translate"}'}, "names no from_code/to_code"),
    ({"pkg/metadata.json": '{"from_code": "en", "to_code": "es"}'}, "no model/model.bin"),
    ({"a/metadata.json": "{}", "b/metadata.json": "{}"}, "one top-level package folder"),
])
def test_install_file_refuses_a_bad_file_clearly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        content: bytes | dict[str, str] | None, message: str) -> None:
    config = write_config(tmp_path, tmp_path / "argos")
    path = tmp_path / "bad.argosmodel"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in content.items():
                archive.writestr(name, text)

    assert main(["--config", config, "translate", "install-file", str(path)]) == 2
    assert message in capsys.readouterr().err
    assert engine_for(tmp_path / "argos").installed() == []


def test_install_without_network_fails_fast_and_clearly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        network_attempts: list[str]) -> None:
    monkeypatch.setattr(argos_settings, "remote_package_index", ARGOS_INDEX)
    config = write_config(tmp_path, tmp_path / "argos")

    started = time.perf_counter()
    code = main(["--config", config, "translate", "install", "es", "ar"])

    assert code == 2
    assert time.perf_counter() - started < 3
    err = capsys.readouterr().err
    assert "cannot reach the Argos package index at raw.githubusercontent.com" in err
    assert f"Download the .argosmodel files listed in {ARGOS_INDEX} on another computer" in err
    assert network_attempts  # it did try, once, and gave up at once
    assert not (tmp_path / "argos" / "index.json").exists()


def test_behind_a_proxy_the_index_check_goes_to_the_proxy_and_names_it(
        monkeypatch: pytest.MonkeyPatch, network_attempts: list[str]) -> None:
    with socket.socket() as listening:  # a school proxy that accepts connections
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{listening.getsockname()[1]}")
        check_index(ARGOS_INDEX, 2)  # no direct connection tried: this network has none
    assert network_attempts == []
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    with pytest.raises(PuenteError, match=f"raw.githubusercontent.com through the proxy "
                       f"127.0.0.1:{port}"):
        check_index(ARGOS_INDEX, 2)


def test_install_stops_when_the_index_cannot_be_downloaded(
        tmp_path: Path, mirror: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(argos_settings, "remote_package_index", f"{mirror}/gone/index.json")
    config = write_config(tmp_path, tmp_path / "argos")

    started = time.perf_counter()
    assert main(["--config", config, "translate", "install", "es"]) == 2

    assert time.perf_counter() - started < 3  # Argos alone would recurse for ~50 s here
    assert "index could not be downloaded" in capsys.readouterr().err


def test_install_downloads_models_from_the_index(
        tmp_path: Path, mirror: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(argos_settings, "remote_package_index", f"{mirror}/index.json")
    data_dir = tmp_path / "argos"
    config = write_config(tmp_path, data_dir)

    code = main(["--config", config, "translate", "install", "es", "hmn"])

    out = capsys.readouterr().out
    assert code == 1  # one of the two languages has no model
    assert "installed en -> es (version 0.0.1)" in out
    assert "no Argos model is published for en -> hmn" in out
    assert engine_for(data_dir).translate(["The dog."], "en", "es") == ["el perro."]
    assert list((data_dir / "downloads").iterdir()) == []


def test_prepare_fills_the_memory_for_a_push(
        tmp_path: Path, argos_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, argos_dir)

    assert main(["--config", config, "translate", "prepare", "--to", "es", "vi"]) == 0
    first = capsys.readouterr().out
    assert main(["--config", config, "translate", "prepare", "--packs", "science.tiny",
                 "--to", "es"]) == 0
    second = capsys.readouterr().out

    rows = {line.split()[0]: line.split()[1:5] for line in first.splitlines()[1:]}
    assert rows["es"] == ["1", "0", "3", "0"]
    assert rows["vi"] == ["0", "0", "0", "4"] and "en->vi" in first
    assert second.splitlines()[1].split()[1:5] == ["1", "3", "0", "0"]
    db = open_store(tmp_path / "puente.db")
    assert memory.recall(db, "en", "es", "water") == memory.Remembered(
        "water", "agua", "argos", reviewed=False)


def test_prepare_refuses_an_unknown_pack(
        tmp_path: Path, argos_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, argos_dir)

    assert main(["--config", config, "translate", "prepare", "--packs", "no.such"]) == 2
    assert "unknown or empty pack(s): no.such" in capsys.readouterr().err


def test_install_brings_both_directions_so_a_familys_message_reaches_the_teacher(
        tmp_path: Path, mirror: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(argos_settings, "remote_package_index", f"{mirror}/index.json")
    data_dir = tmp_path / "argos"
    config = write_config(tmp_path, data_dir)

    assert main(["--config", config, "translate", "install", "es"]) == 0
    out = capsys.readouterr().out
    assert "installed en -> es" in out and "installed es -> en" in out
    engine = engine_for(data_dir)
    assert engine.unavailable_reason("es", "en") is None  # teacher_reads_english's direction
    assert main(["--config", config, "translate", "status"]) == 0
    assert "  es: en\u2192es \u2713 es\u2192en \u2713" in capsys.readouterr().out.splitlines()


def test_one_way_install_and_status_say_what_is_missing(
        tmp_path: Path, mirror: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(argos_settings, "remote_package_index", f"{mirror}/index.json")
    config = write_config(tmp_path, tmp_path / "argos")

    assert main(["--config", config, "translate", "install", "es", "--one-way"]) == 0
    capsys.readouterr()
    assert main(["--config", config, "translate", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  es: en\u2192es \u2713 es\u2192en \u2717" in lines
    assert "  vi: en\u2192vi \u2717 vi\u2192en \u2717" in lines
