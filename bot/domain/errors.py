"""The one family of expected errors; each carries the prompt key that explains it to a user."""

from __future__ import annotations

from typing import Any


class PuenteError(Exception):
    """An expected failure the edge turns into a kind, localised message."""

    prompt_key: str = "error-generic"

    def __init__(self, message: str = "", *, prompt_key: str | None = None, **params: Any) -> None:
        super().__init__(message or self.__class__.__name__)
        if prompt_key is not None:
            self.prompt_key = prompt_key
        self.params: dict[str, Any] = params
