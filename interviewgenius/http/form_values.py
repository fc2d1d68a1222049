"""Reading numbers from page forms, where anything may arrive."""

from __future__ import annotations


def form_int(raw: str | None, *, low: int = 1, high: int | None = None) -> int | None:
    """A whole number from a form field, clamped to [low, high]; None when it is not one."""
    value = (raw or "").strip()
    if not value.isdigit():
        return None
    number = max(int(value), low)
    return min(number, high) if high is not None else number
