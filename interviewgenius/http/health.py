"""/healthz: is every service this deployment uses reachable right now?"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse

PROBE_KEY = "healthz:probe"
BROKER_TIMEOUT_S = 1.0  # a health probe must answer quickly even when a service hangs


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    # The resilient cache hides an outage from requests; the probe does not.
    probe = getattr(cache, "probe", None)
    if probe is not None:
        value = probe(PROBE_KEY, "ok")
    else:
        cache.set(PROBE_KEY, "ok", timeout=10)
        value = cache.get(PROBE_KEY)
    if value != "ok":
        raise RuntimeError("cache did not return the value just written")


def _check_storage() -> None:
    default_storage.exists("healthz-probe")


def _check_broker() -> None:
    import redis

    client = redis.Redis.from_url(
        settings.CELERY_BROKER_URL,
        socket_connect_timeout=BROKER_TIMEOUT_S,
        socket_timeout=BROKER_TIMEOUT_S,
    )
    try:
        client.ping()
    finally:
        client.close()


def checks() -> dict[str, Callable[[], None]]:
    found: dict[str, Callable[[], None]] = {
        "database": _check_database,
        "cache": _check_cache,
        "storage": _check_storage,
    }
    if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        found["broker"] = _check_broker
    return found


def run_checks() -> tuple[bool, dict[str, dict[str, Any]]]:
    results: dict[str, dict[str, Any]] = {}
    healthy = True
    for name, check in checks().items():
        started = time.perf_counter()
        try:
            check()
        except Exception as exc:  # any failure of a dependency is a failed check
            healthy = False
            # The type name only: exception text can carry hosts or credentials.
            results[name] = {"ok": False, "error": type(exc).__name__}
        else:
            results[name] = {"ok": True}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return healthy, results


def healthz(request: HttpRequest) -> JsonResponse:
    healthy, results = run_checks()
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503
    )
