"""`python -m bot` is the same program as `puente`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot import __version__


def test_python_dash_m_bot_runs_the_cli(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "--version"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == f"puente {__version__}"
