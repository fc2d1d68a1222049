"""The id of the request being served, kept in a context variable.

It is set by ``RequestIdMiddleware`` (HTTP) and by consumers and tasks, read by the
log filter and the error handler so that a client can quote it.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
# Accept a caller's id (from nginx or a client) only when it is short and plain, so a
# hostile header cannot inject into logs.
_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id() -> str:
    return _request_id.get()


def new_request_id(candidate: str | None = None) -> str:
    if candidate and _VALID.match(candidate):
        return candidate
    return uuid.uuid4().hex


def bind_request_id(value: str) -> object:
    """Set the id for the current context; returns a token for ``reset_request_id``."""
    return _request_id.set(value)


def reset_request_id(token: object) -> None:
    _request_id.reset(token)  # type: ignore[arg-type]
