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


def require_tool(name: str) -> str:
    """The path of a command-line tool a test needs; skip or fail (CI) when it is missing."""
    import shutil

    path = shutil.which(name)
    if path is None:
        service_missing(f"the tool {name!r}")
    return str(path)


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """The Redis the suite uses: the configured one, else a private redis-server it starts.

    Only when neither is possible does a test needing Redis skip (fail in CI).
    """
    url = (
        os.environ.get("TEST_REDIS_URL")
        or os.environ.get("REDIS_URL")
        or "redis://127.0.0.1:6379/0"
    )
    parsed = urlparse(url)
    if port_open(parsed.hostname or "127.0.0.1", parsed.port or 6379):
        yield url
        return
    if REQUIRE_SERVICES:
        service_missing(f"Redis at {url}")
    from tests.processes import redis_server

    try:
        with redis_server() as (_, private_url):
            yield private_url
    except FileNotFoundError:
        service_missing("Redis (none running, and no redis-server to start)")


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


@pytest.fixture
def llm(settings: Any) -> Iterator[Any]:
    """A local OpenAI-compatible server (tests/llm_server.py), and settings that send
    every LLM call to it."""
    from tests.llm_server import llm_server

    with llm_server() as server:
        settings.LLM_API_KEY = "sk-test"
        settings.LLM_BASE_URL = server.url
        settings.LLM_MODEL = "test-model"
        settings.LLM_TIMEOUT = 1.0
        settings.LLM_MAX_ATTEMPTS = 3
        settings.LLM_BACKOFF = 0.01
        yield server


@pytest.fixture
def question_bank(db: Any) -> None:
    """The shipped question bank, loaded into the test database."""
    from questions.tests.factories import load_bank

    load_bank()


@pytest.fixture(scope="session")
def live_asgi(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """A real Daphne server (HTTP + WebSocket) in its own process, on the test database.

    Returns ``host:port``. Tests using it need ``transactional_db`` so that their rows
    are committed and visible to the server process.
    """
    from django.db import connection

    from tests.processes import ROOT, daphne_server

    with django_db_blocker.unblock():
        database_name = str(connection.settings_dict["NAME"])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "IG_LIVE_DATABASE_NAME": database_name,
        "PYTHONUNBUFFERED": "1",
    }
    (ROOT / "var").mkdir(exist_ok=True)
    with open(ROOT / "var" / "live-daphne.log", "wb") as log, daphne_server(env, log) as address:
        yield address


@pytest.fixture
def s3_storage(settings: Any) -> Iterator[str]:
    """Point the default storage at a real S3-compatible server (moto, over HTTP)."""
    import boto3

    from tests.processes import s3_server

    with s3_server() as endpoint:
        credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
        boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", **credentials
        ).create_bucket(Bucket="ig-test")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "ig-test",
                    "endpoint_url": endpoint,
                    "access_key": "test",
                    "secret_key": "test",
                    "region_name": "us-east-1",
                    "addressing_style": "path",
                    "file_overwrite": False,
                },
            },
        }
        yield endpoint


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Run Celery tasks in-process for this test, whatever the broker configuration.

    For tests about a workflow rather than about the worker; the worker itself is
    exercised by tests that start a real one.
    """
    from interviewgenius.celery import app

    saved = {key: app.conf.get(key) for key in ("task_always_eager", "task_eager_propagates")}
    app.conf.update(task_always_eager=True, task_eager_propagates=True)
    yield
    app.conf.update(saved)


@pytest.fixture
def celery_on_redis(redis_url: str) -> Iterator[str]:
    """Make this process publish tasks to Redis (for tests with a real worker)."""
    from interviewgenius.celery import app

    def drop_cached_connections() -> None:
        # The app caches a connection pool and a producer pool made for the broker it
        # first used (eager tasks open one for memory://); there is no public reset.
        app._pool = None  # type: ignore[attr-defined]
        app.amqp._producer_pool = None  # type: ignore[attr-defined]

    keys = ("broker_url", "result_backend", "task_always_eager")
    saved = {key: app.conf.get(key) for key in keys}
    app.conf.update(broker_url=redis_url, result_backend=redis_url, task_always_eager=False)
    drop_cached_connections()
    try:
        yield redis_url
    finally:
        app.conf.update(saved)
        drop_cached_connections()
