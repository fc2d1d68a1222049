"""WebSocket authentication: a JWT access token in ``?token=``, else the session cookie.

Browsers cannot set headers on a WebSocket, so API clients pass the short-lived access
token in the query string; pages rely on the session cookie they already have.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

logger = logging.getLogger(__name__)


@database_sync_to_async
def _user_for_token(raw: str) -> Any:
    auth = JWTAuthentication()
    try:
        validated = auth.get_validated_token(raw.encode())
        return auth.get_user(validated)
    except (InvalidToken, TokenError):
        return None
    except Exception:
        # Anything else (the database down, say) also means "no user", but is worth a log line.
        logger.warning("websocket token check failed", exc_info=True)
        return None


class JWTQueryAuthMiddleware:
    """Sets ``scope["user"]`` from ``?token=``; an invalid token yields an anonymous user
    (never the session's user), so a consumer refuses it instead of silently falling back."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        tokens = query.get("token")
        if tokens:
            user = await _user_for_token(tokens[0])
            scope = dict(scope, user=user or AnonymousUser(), auth_method="jwt")
        return await self.inner(scope, receive, send)


def TokenOrSessionAuthMiddleware(inner: Any) -> Any:
    # Session middleware runs first and sets a lazy user; the JWT one then overrides it
    # when a token is present.
    return AuthMiddlewareStack(JWTQueryAuthMiddleware(inner))
