"""Clips on disk, one file per content hash, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ClipCache:
    """A folder of OGG/Opus files named by their key (`ab/abcdef....ogg`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.ogg"

    def get(self, key: str) -> bytes | None:
        """The cached clip, or None (also when the folder cannot be read: the clip is remade)."""
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Store a clip; a reader never sees half a file, even if two writers race."""
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
