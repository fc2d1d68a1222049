"""The Redis cache, made to degrade instead of fail when Redis is down.

Everything the cache holds can be recomputed (rate-limit counters, question sets, assist
state), so while Redis is unreachable a read is a miss and a write is dropped: the site
keeps serving, rate limits are not enforced for that while, and /healthz reports the
outage (it probes the cache with ``probe``, which does raise).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache
from prometheus_client import Counter
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
LOG_EVERY_SECONDS = 30.0
CACHE_ERRORS = Counter(
    "ig_cache_unreachable_total", "Cache operations skipped because Redis was unreachable"
)


class ResilientRedisCache(RedisCache):
    _last_logged = 0.0

    def _unreachable(self, operation: str, exc: Exception) -> None:
        CACHE_ERRORS.inc()
        now = time.monotonic()
        if now - ResilientRedisCache._last_logged >= LOG_EVERY_SECONDS:
            ResilientRedisCache._last_logged = now
            logger.warning("cache unreachable, %s skipped: %s", operation, type(exc).__name__)

    def probe(self, key: str, value: Any) -> Any:
        """Write then read ``key`` without the safety net (for the health check)."""
        super().set(key, value, timeout=10)
        return super().get(key)

    def _or(self, fallback: Any, operation: str, call: Callable[[], Any]) -> Any:
        """``call()``, or ``fallback`` (and a note) while Redis is unreachable."""
        try:
            return call()
        except UNREACHABLE as exc:
            self._unreachable(operation, exc)
            return fallback

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._or(default, "get", lambda: RedisCache.get(self, key, default, version))

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._or({}, "get_many", lambda: RedisCache.get_many(self, keys, version))

    def set(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> None:
        self._or(None, "set", lambda: RedisCache.set(self, key, value, timeout, version))

    def set_many(self, data: Any, timeout: Any = 300, version: int | None = None) -> list[Any]:
        return self._or(
            list(data), "set_many", lambda: RedisCache.set_many(self, data, timeout, version)
        )

    def add(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> bool:
        return self._or(False, "add", lambda: RedisCache.add(self, key, value, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._or(False, "delete", lambda: RedisCache.delete(self, key, version))

    def touch(self, key: Any, timeout: Any = 300, version: int | None = None) -> bool:
        return self._or(False, "touch", lambda: RedisCache.touch(self, key, timeout, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._or(False, "has_key", lambda: RedisCache.has_key(self, key, version))
