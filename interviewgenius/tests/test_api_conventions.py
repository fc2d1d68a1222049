from __future__ import annotations

import io
import json
import logging

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.tests.test_auth_api import assert_error

pytestmark = pytest.mark.django_db


def test_login_is_throttled_per_address_with_the_error_shape(api: APIClient, settings):
    settings.THROTTLE_AUTH_RATE = "3/minute"
    for _ in range(3):
        assert (
            api.post(
                "/api/auth/login", {"email": "a@example.com", "password": "x"}, format="json"
            ).status_code
            == 401
        )
    response = api.post(
        "/api/auth/login", {"email": "a@example.com", "password": "x"}, format="json"
    )
    error = assert_error(response, 429, "throttled")
    assert int(response["Retry-After"]) > 0
    assert error["details"]["retry_after"] > 0
    # Another address is unaffected.
    other = api.post(
        "/api/auth/login",
        {"email": "a@example.com", "password": "x"},
        format="json",
        REMOTE_ADDR="10.9.9.9",
    )
    assert other.status_code == 401


def test_user_rate_limit_is_per_user(auth_api: APIClient, settings):
    from accounts.services import issue_tokens
    from accounts.tests.factories import make_user

    settings.THROTTLE_USER_RATE = "5/minute"
    for _ in range(5):
        assert auth_api.get("/api/auth/me").status_code == 200
    assert_error(auth_api.get("/api/auth/me"), 429, "throttled")
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user=make_user())['access']}")
    assert other.get("/api/auth/me").status_code == 200


def test_default_rates_match_the_design(settings):
    assert settings.THROTTLE_USER_RATE == "100/minute"


def test_schema_generates_without_warnings(tmp_path):
    target = tmp_path / "schema.json"
    # --fail-on-warn turns any generator warning into an error; --validate checks OpenAPI 3.
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--format",
        "openapi-json",
        "--file",
        str(target),
    )
    schema = json.loads(target.read_text())
    paths = schema["paths"]
    for path in [
        "/api/auth/register",
        "/api/auth/login",
        "/api/auth/refresh",
        "/api/auth/logout",
        "/api/auth/me",
    ]:
        assert path in paths, path
    assert set(paths["/api/auth/me"]) >= {"get", "patch", "delete"}
    assert paths["/api/auth/me"]["get"]["responses"]["401"]["content"]["application/json"][
        "schema"
    ] == {"$ref": "#/components/schemas/Error"}


def test_schema_and_swagger_are_served(api: APIClient):
    assert api.get("/api/schema/").status_code == 200
    page = api.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "swagger-ui" in html and "cdn" not in html.lower()


def test_unexpected_errors_do_not_leak(api: APIClient, monkeypatch, caplog):
    from accounts import api as accounts_api

    def boom(**kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(accounts_api.services, "register_user", boom)
    with caplog.at_level(logging.ERROR):
        response = api.post(
            "/api/auth/register",
            {"email": "z@example.com", "password": "a-long-passphrase-9"},
            format="json",
        )
    error = assert_error(response, 500, "server_error")
    assert "hunter2" not in response.content.decode()
    assert error["request_id"] in caplog.text or any(
        getattr(r, "request_id", None) == error["request_id"] for r in caplog.records
    )


def test_request_id_is_echoed_or_generated(api: APIClient):
    given = api.get("/healthz", HTTP_X_REQUEST_ID="abc12345-trace")
    assert given["X-Request-ID"] == "abc12345-trace"
    hostile = api.get("/healthz", HTTP_X_REQUEST_ID='x\n{"forged": 1}')
    assert hostile["X-Request-ID"] != 'x\n{"forged": 1}' and len(hostile["X-Request-ID"]) == 32


def test_logs_are_json_with_the_request_id():
    from interviewgenius.http.logging import JsonFormatter, RequestIdFilter
    from interviewgenius.http.request_id import bind_request_id, reset_request_id

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("test.jsonlog")
    logger.addHandler(handler)
    token = bind_request_id("req-12345678")
    try:
        logger.warning("hello %s", "world", extra={"status": 201})
    finally:
        reset_request_id(token)
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["message"] == "hello world"
    assert entry["request_id"] == "req-12345678"
    assert entry["status"] == 201 and entry["level"] == "WARNING"


def test_django_request_warnings_carry_the_request_id(api: APIClient, caplog):
    from interviewgenius.http.logging import RequestIdFilter

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = api.get("/api/auth/me", HTTP_X_REQUEST_ID="trace-12345678")
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records, "Django logs a warning for a 401"
    RequestIdFilter().filter(records[0])
    assert records[0].request_id == response["X-Request-ID"] == "trace-12345678"


def test_metrics_need_staff_or_token(api: APIClient, settings, user):
    assert_error(api.get("/metrics"), 403)
    settings.METRICS_TOKEN = "s3cret-token"
    assert api.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    api.get("/api/auth/me")  # one request to count
    response = api.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'ig_http_requests_total{method="GET",route="/api/auth/me",status="401"}' in text
    assert "ig_http_request_duration_seconds_bucket" in text

    user.is_staff = True
    user.save()
    staff = APIClient()
    staff.force_login(user)
    settings.METRICS_TOKEN = ""
    assert staff.get("/metrics").status_code == 200


def test_services_are_real_in_ci(settings):
    """Under REQUIRE_SERVICES (CI) the suite must run on MariaDB and Redis, not the embedded defaults."""
    import os

    from django.db import connection

    if os.environ.get("REQUIRE_SERVICES") != "1":
        pytest.skip("only meaningful in CI, where REQUIRE_SERVICES=1")
    assert connection.vendor == "mysql"
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"].startswith("channels_redis")


def test_a_database_outage_is_a_503_not_a_500(api: APIClient, monkeypatch):
    from django.db import OperationalError

    from accounts import api as accounts_api

    def down(**kwargs):
        raise OperationalError(1040, "Too many connections")

    monkeypatch.setattr(accounts_api.services, "register_user", down)
    response = api.post(
        "/api/auth/register",
        {"email": "z@example.com", "password": "a-long-passphrase-9"},
        format="json",
    )
    assert_error(response, 503, "service_unavailable")
    assert response["Retry-After"] == "5"
    assert "connections" not in response.content.decode()
