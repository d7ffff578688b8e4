"""The [speech] section of config.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, SpeechConfig, load_config
from bot.speech import open_speech


def test_clips_are_cached_beside_the_store_by_default(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[store]\npath = "data/school.db"\n', encoding="utf-8")
    config = load_config(path, env={})
    assert config.speech.enabled and config.speech.voice == "en-us"
    assert config.speech.folder(config.store_path) == tmp_path / "data" / "school-speech"


def test_speech_can_be_turned_off_and_moved(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[speech]\nenabled = false\nvoice = "en-gb"\ncache_dir = "clips"\n',
                    encoding="utf-8")
    config = load_config(path, env={})
    assert (config.speech.enabled, config.speech.voice) == (False, "en-gb")
    assert config.speech.folder(config.store_path) == tmp_path / "clips"


@pytest.mark.parametrize("line", ['voice = "en us; rm"', "enabled = 1", 'speed = "fast"'])
def test_bad_speech_settings_name_the_key(tmp_path: Path, line: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[speech]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[speech\]"):
        load_config(path, env={})


def test_open_speech_follows_the_config(tmp_path: Path, caplog: pytest.LogCaptureFixture
                                        ) -> None:
    store = tmp_path / "puente.db"
    assert open_speech(SpeechConfig(enabled=False), store) is None
    speech = open_speech(SpeechConfig(), store)
    assert speech is not None and speech.cache.folder == tmp_path / "puente-speech"
    assert open_speech(SpeechConfig(voice="xx-nowhere"), store) is None
    assert "pronunciation audio is off" in caplog.text
