"""Rate limits. Rates come from settings at call time, so they can be tuned per deploy."""

from __future__ import annotations

from django.conf import settings
from rest_framework import throttling


class UserRateThrottle(throttling.UserRateThrottle):
    """Per authenticated user (100/minute by default)."""

    def get_rate(self) -> str:
        return str(settings.THROTTLE_USER_RATE)


class AnonRateThrottle(throttling.AnonRateThrottle):
    """Per client address for requests without a user."""

    def get_rate(self) -> str:
        return str(settings.THROTTLE_ANON_RATE)


class AuthRateThrottle(throttling.SimpleRateThrottle):
    """Per client address on login/register/refresh: slows password guessing and sign-up spam."""

    scope = "auth"

    def get_rate(self) -> str:
        return str(settings.THROTTLE_AUTH_RATE)

    def get_cache_key(self, request, view):  # type: ignore[no-untyped-def]
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class GenerationRateThrottle(throttling.UserRateThrottle):
    """Per user on question generation, on top of the general limit: each request can
    cost an LLM call, and nobody practises with more than a few new sets a minute."""

    scope = "generate"

    def get_rate(self) -> str:
        return str(settings.THROTTLE_GENERATE_RATE)
