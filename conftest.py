"""Fixtures every test module shares.

Services: tests that need Redis use the ``redis_url`` fixture. When Redis is not
reachable they skip, except under ``REQUIRE_SERVICES=1`` (CI), where they fail: CI
must prove the real thing, never skip it.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def service_missing(what: str) -> None:
    """Skip, or fail under REQUIRE_SERVICES, when a service a test needs is down."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (REQUIRE_SERVICES=1) but not reachable")
    pytest.skip(f"{what} not reachable")


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    parsed = urlparse(url)
    if not port_open(parsed.hostname or "127.0.0.1", parsed.port or 6379):
        service_missing(f"Redis at {url}")
    return url


@pytest.fixture(autouse=True)
def _isolated_cache() -> Iterator[None]:
    # Throttle counters live in the cache; one test's requests must not limit the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def password() -> str:
    return "correct-horse-battery-42"


@pytest.fixture
def user(db: Any, password: str) -> Any:
    from accounts.tests.factories import make_user

    return make_user(password=password)


@pytest.fixture
def auth_api(user: Any) -> APIClient:
    from accounts.services import issue_tokens

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user=user)['access']}")
    return client
