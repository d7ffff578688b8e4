"""The one family of expected errors; each carries the prompt key that explains it to a user."""

from __future__ import annotations

from typing import Any


class PuenteError(Exception):
    """An expected failure the edge turns into a kind, localised message."""

    prompt_key: str = "error-generic"
    # A line said after the message, with no parameters of its own: what the refusal left as
    # it was ("Nothing changed", "Nothing was sent"; a teacher read only "I can't find Lihn"
    # and did not know Hodan's level was not set either, playtest)
    after: str | None = None

    def __init__(self, message: str = "", *, prompt_key: str | None = None, **params: Any) -> None:
        super().__init__(message or self.__class__.__name__)
        if prompt_key is not None:
            self.prompt_key = prompt_key
        self.params: dict[str, Any] = params

    def then(self, after: str) -> PuenteError:
        """This error, with `after` said beneath it."""
        self.after = after
        return self
