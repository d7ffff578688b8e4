"""`puente packs list | head`: when the reader stops reading, puente stops quietly, as `yes`
or `cat` do, instead of printing `puente: Broken pipe` under head's lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.builders import write_config

ROOT = Path(__file__).resolve().parents[2]


def _into_closed_pipe(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run puente with its stdout a pipe whose reader is already gone (head after its lines)."""
    config = write_config(tmp_path)
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {k: v for k, v in os.environ.items() if k not in ("PUENTE_CONFIG", "PUENTE_STORE_PATH")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    try:
        return subprocess.run([sys.executable, "-m", "bot", "--config", str(config), *argv],
                              stdout=write_end, stderr=subprocess.PIPE, text=True, env=env,
                              cwd=tmp_path, timeout=120, check=False)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("argv", [["packs", "list"], ["languages"]])
def test_a_reader_that_stops_early_gets_no_error_line(tmp_path: Path, argv: list[str]) -> None:
    done = _into_closed_pipe(tmp_path, *argv)
    assert done.stderr == ""
    assert done.returncode == 141  # 128 + SIGPIPE, as a shell reports `yes | head`'s yes
