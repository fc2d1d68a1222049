"""The Redis cache, made to degrade instead of fail when Redis is down.

Everything the cache holds can be recomputed (rate-limit counters, question sets, assist
state), so while Redis is unreachable a read is a miss and a write is dropped: the site
keeps serving, rate limits are not enforced for that while, and /healthz reports the
outage (it probes the cache with ``probe``, which does raise).
"""

from __future__ import annotations

import logging
import time
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

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except UNREACHABLE as exc:
            self._unreachable("get", exc)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as exc:
            self._unreachable("get_many", exc)
            return {}

    def set(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> None:
        try:
            super().set(key, value, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("set", exc)

    def set_many(self, data: Any, timeout: Any = 300, version: int | None = None) -> list[Any]:
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("set_many", exc)
            return list(data)

    def add(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("add", exc)
            return False

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except UNREACHABLE as exc:
            self._unreachable("delete", exc)
            return False

    def touch(self, key: Any, timeout: Any = 300, version: int | None = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE as exc:
            self._unreachable("touch", exc)
            return False

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except UNREACHABLE as exc:
            self._unreachable("has_key", exc)
            return False
