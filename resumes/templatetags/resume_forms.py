from __future__ import annotations

from collections.abc import Iterable

from django import template

register = template.Library()


@register.filter
def lines(values: Iterable[object] | None) -> str:
    """One value per line, for textareas (a template tag cannot hold a newline itself)."""
    return "\n".join(str(value) for value in values or [])
