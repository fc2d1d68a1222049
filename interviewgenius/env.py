"""Typed readers for environment variables.

Settings read the environment through these helpers only, so that a bad value stops
the process at start-up with a message naming the variable, instead of surfacing as a
confusing error on the first request.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# The reader methods are named after the types they return (env.str, env.list), which
# shadows those builtins inside the class body; annotations there use these aliases.
Text = str
TextList = list[str]
Number = float

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ImproperlyConfiguredEnv(ValueError):
    """An environment variable holds a value the application cannot use."""


class Env:
    """Reads typed values from a mapping (``os.environ`` unless told otherwise)."""

    def __init__(self, source: Mapping[str, str] | None = None) -> None:
        self._source = os.environ if source is None else source

    def is_set(self, name: str) -> bool:
        return bool(self._source.get(name, "").strip())

    def str(self, name: Text, default: Text = "") -> Text:
        return self._source.get(name, default).strip() or default

    def bool(self, name: Text, default: bool) -> bool:
        raw = self._source.get(name)
        if raw is None:
            return default
        value = raw.strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ImproperlyConfiguredEnv(f"{name} must be a boolean (1/0, true/false), got {raw!r}")

    def int(self, name: Text, default: int, *, minimum: int | None = None) -> int:
        raw = self._source.get(name, "").strip()
        if not raw:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise ImproperlyConfiguredEnv(f"{name} must be an integer, got {raw!r}") from None
        if minimum is not None and value < minimum:
            raise ImproperlyConfiguredEnv(f"{name} must be at least {minimum}, got {value}")
        return value

    def float(self, name: Text, default: Number, *, minimum: Number | None = None) -> Number:
        raw = self._source.get(name, "").strip()
        if not raw:
            return default
        try:
            value = Number(raw)
        except ValueError:
            raise ImproperlyConfiguredEnv(f"{name} must be a number, got {raw!r}") from None
        if value != value or (minimum is not None and value < minimum):  # NaN, or too small
            raise ImproperlyConfiguredEnv(f"{name} must be a number >= {minimum}, got {raw!r}")
        return value

    def list(self, name: Text, default: TextList | None = None) -> TextList:
        raw = self._source.get(name, "").strip()
        if not raw:
            return list(default or [])
        return [item.strip() for item in raw.split(",") if item.strip()]

    def choice(self, name: Text, choices: tuple[Text, ...], default: Text) -> Text:
        value = self.str(name, default)
        if value not in choices:
            raise ImproperlyConfiguredEnv(
                f"{name} must be one of {', '.join(choices)}, got {value!r}"
            )
        return value

    def rate(self, name: Text, default: Text) -> Text:
        """A DRF throttle rate such as ``100/minute``."""
        value = self.str(name, default)
        count, _, period = value.partition("/")
        if not count.isdigit() or period not in {
            "second",
            "minute",
            "hour",
            "day",
            "s",
            "m",
            "h",
            "d",
        }:
            raise ImproperlyConfiguredEnv(f"{name} must look like '100/minute', got {value!r}")
        return value
