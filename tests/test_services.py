"""The app against real processes: Redis (started and stopped here), a Celery worker, deploy checks."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import uuid

import pytest
from celery import Celery
from rest_framework.test import APIClient

from conftest import REQUIRE_SERVICES
from tests.processes import ROOT, celery_worker, redis_server

pytestmark = pytest.mark.services


def _redis_or_fail():
    try:
        return redis_server()
    except FileNotFoundError:
        if REQUIRE_SERVICES:
            pytest.fail("redis-server binary is required (REQUIRE_SERVICES=1)")
        pytest.skip("redis-server not installed")


def _cache_on(url: str, backend: str) -> dict[str, dict[str, object]]:
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    return {"default": {"BACKEND": backend, "LOCATION": url, "OPTIONS": options}}


@pytest.mark.django_db
def test_healthz_reports_a_stopped_redis_as_503(settings):
    with _redis_or_fail() as (proc, url):
        settings.CACHES = _cache_on(url, "django.core.cache.backends.redis.RedisCache")
        settings.CELERY_BROKER_URL = url
        client = APIClient()
        up = client.get("/healthz")
        assert up.status_code == 200, up.content
        assert set(up.json()["checks"]) == {"database", "cache", "storage", "broker"}
        assert all(check["ok"] for check in up.json()["checks"].values())

        proc.terminate()
        proc.wait(timeout=10)
        down = client.get("/healthz")
        assert down.status_code == 503
        body = down.json()
        assert body["status"] == "fail"
        assert body["checks"]["cache"]["ok"] is False
        assert body["checks"]["broker"]["ok"] is False
        assert body["checks"]["database"]["ok"] is True
        assert "ConnectionError" in body["checks"]["cache"]["error"]


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _production_env(tmp_path) -> dict[str, str]:
    from interviewgenius.engines.crypto import generate_key_spec

    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ENCRYPTION_KEYS": generate_key_spec("prod1"),
        "ALLOWED_HOSTS": "interviewgenius.example.com",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "interviewgenius.settings",
    }


def test_check_deploy_is_clean_with_production_variables(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "DEBUG", env=_production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ENCRYPTION_KEYS", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(tmp_path, missing):
    env = _production_env(tmp_path)
    env[missing] = ""
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set when DEBUG=0" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be a boolean"),
        ("THROTTLE_USER_RATE", "lots", "THROTTLE_USER_RATE must look like"),
        ("DB_CONN_MAX_AGE", "ten", "DB_CONN_MAX_AGE must be an integer"),
        ("DATABASE_URL", "nosuchdb://x", "DATABASE_URL"),
    ],
)
def test_bad_settings_fail_loudly(tmp_path, name, value, message):
    result = _manage("check", env={"VAR_DIR": str(tmp_path), name: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_a_real_celery_worker_runs_tasks_on_each_queue(redis_url):
    queue_suffix = uuid.uuid4().hex[:8]
    env = {
        "REDIS_URL": redis_url,
        "CELERY_EAGER": "0",
        "DJANGO_SETTINGS_MODULE": "interviewgenius.settings",
    }
    client = Celery(broker=redis_url, backend=redis_url)
    try:
        with celery_worker(env, queues="default,parsing,feedback") as worker:
            results = [
                client.send_task("core.ping", args=[f"{queue}-{queue_suffix}"], queue=queue)
                for queue in ("default", "parsing", "feedback")
            ]
            try:
                values = [result.get(timeout=60) for result in results]
            except Exception:
                worker.terminate()
                print(worker.communicate(timeout=10)[0].decode(errors="replace"))
                raise
        assert values == [f"{q}-{queue_suffix}" for q in ("default", "parsing", "feedback")]
    finally:
        client.close()


@pytest.mark.django_db
def test_storage_on_an_s3_server_over_http(s3_storage):
    import boto3
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    key = default_storage.save("users/1/probe.bin", ContentFile(b"\x00\x01 bytes"))
    raw = (
        boto3.client(
            "s3",
            endpoint_url=s3_storage,
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )
        .get_object(Bucket="ig-test", Key=key)["Body"]
        .read()
    )
    assert raw == b"\x00\x01 bytes"
    health = APIClient().get("/healthz").json()
    assert health["checks"]["storage"]["ok"] is True
    default_storage.delete(key)
    assert not default_storage.exists(key)


@pytest.mark.django_db
def test_healthz_reports_unreachable_storage(settings):
    from tests.processes import free_port

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "nowhere",
                "endpoint_url": f"http://127.0.0.1:{free_port()}",
                "access_key": "x",
                "secret_key": "x",
                "region_name": "us-east-1",
            },
        },
    }
    response = APIClient().get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


async def test_an_idle_channel_layer_listener_outlives_redis_clients_read_timeout(redis_url):
    """A consumer's listener blocks in a pop that Redis answers after 5 s; with redis-py
    8's default 5 s read timeout that raised and closed idle sockets (found by the live
    assist benchmark). The configured layer must wait quietly instead."""
    import asyncio

    from channels_redis.core import RedisChannelLayer

    from interviewgenius import settings as project_settings

    hosts = [{"address": redis_url, "socket_timeout": project_settings.CHANNEL_LAYER_READ_TIMEOUT}]
    layer = RedisChannelLayer(hosts=hosts, prefix=f"ig-test-{uuid.uuid4().hex[:8]}")
    channel = await layer.new_channel()
    try:
        with pytest.raises(TimeoutError):  # our own wait ended it, not a Redis error
            await asyncio.wait_for(layer.receive(channel), timeout=layer.brpop_timeout + 2)
        await layer.send(channel, {"type": "still.alive"})
        assert (await asyncio.wait_for(layer.receive(channel), timeout=5))["type"] == "still.alive"
    finally:
        await layer.flush()


@pytest.mark.django_db
def test_rest_keeps_serving_while_redis_is_down_and_limits_return_with_it(settings, user):
    """The cache (rate limits included) degrades to misses; /healthz tells the truth."""
    from urllib.parse import urlparse

    from accounts.services import issue_tokens
    from tests.processes import redis_command, serving

    with _redis_or_fail() as (proc, url):
        settings.CACHES = _cache_on(url, "interviewgenius.cache.ResilientRedisCache")
        settings.CELERY_BROKER_URL = url
        settings.THROTTLE_USER_RATE = "3/minute"
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user=user)['access']}")
        assert [client.get("/api/auth/me").status_code for _ in range(4)] == [200, 200, 200, 429]

        proc.terminate()
        proc.wait(timeout=10)
        during = [client.get("/api/auth/me").status_code for _ in range(5)]
        assert during == [200] * 5  # served; the limit cannot be counted without Redis
        health = client.get("/healthz")
        assert health.status_code == 503 and health.json()["checks"]["cache"]["ok"] is False

        port = int(urlparse(url).port or 6379)
        with serving(redis_command(proc.args[0], port), port, timeout=15):
            assert client.get("/healthz").status_code == 200
            statuses = [client.get("/api/auth/me").status_code for _ in range(4)]
            assert statuses == [200, 200, 200, 429]  # limits hold again
