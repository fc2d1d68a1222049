"""MariaDB restarted under a running app: requests fail cleanly while it is down (503 +
Retry-After in the shared error shape, or a "back in a moment" page, never a 500), the
app needs no restart to recover, and nothing written before the outage is lost.

The server is a private ``mariadbd`` with its own data directory: stopping the shared
server would break every other test (and CI runs beside nothing, but a developer's
suite may run beside a colleague's).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from conftest import require_tool
from tests.processes import (
    ROOT,
    PrivateMariaDB,
    daphne_server,
    mariadb_server,
    production_like_env,
)

pytestmark = pytest.mark.services

PASSWORD = "outage-" + "pw" * 6


@pytest.fixture
def app_on_private_mariadb(tmp_path: Path) -> Iterator[tuple[PrivateMariaDB, str]]:
    require_tool("mariadbd")
    require_tool("mariadb-install-db")
    with mariadb_server(tmp_path) as database:
        database.execute("CREATE DATABASE app CHARACTER SET utf8mb4")
        env = production_like_env(DATABASE_URL=database.url("app"), VAR_DIR=str(tmp_path / "var"))
        env.pop("REDIS_URL", None)  # the cache in local memory: this test is about the database
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        with open(tmp_path / "daphne.log", "wb") as log, daphne_server(env, log) as address:
            yield database, f"http://{address}"


def log_in_to_pages(client: httpx.Client, email: str) -> None:
    """Log in through the page form, as a person does. Production marks cookies Secure
    and TLS ends at nginx, so the client says https the way nginx does and carries the
    cookies itself (httpx keeps Secure cookies off plain http)."""
    client.headers["X-Forwarded-Proto"] = "https"
    form = client.get("/accounts/login")
    assert form.status_code == 200, form.text[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert token is not None, form.text[:2000]
    origin = str(client.base_url).replace("http://", "https://").rstrip("/")
    done = client.post(
        "/accounts/login",
        data={"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)},
        headers={
            "Cookie": f"csrftoken={form.cookies['csrftoken']}",
            "Origin": origin,
            "Referer": f"{origin}/accounts/login",
        },
    )
    assert done.status_code == 302, done.text[:500]
    client.headers["Cookie"] = f"sessionid={done.cookies['sessionid']}"


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text[:500]
    assert response.headers["Retry-After"] == "5"
    error = response.json()["error"]
    assert error["code"] == "service_unavailable" and error["request_id"]


def test_a_mariadb_restart_fails_requests_cleanly_and_loses_nothing(app_on_private_mariadb):
    database, base = app_on_private_mariadb
    api = httpx.Client(base_url=base, timeout=30)
    pages = httpx.Client(base_url=base, timeout=30)

    signed_up = api.post(
        "/api/auth/register", json={"email": "a@example.com", "password": PASSWORD}
    )
    assert signed_up.status_code == 201, signed_up.text
    api.headers["Authorization"] = f"Bearer {signed_up.json()['access']}"
    renamed = api.patch("/api/auth/me", json={"display_name": "Before the outage"})
    assert renamed.status_code == 200, renamed.text
    log_in_to_pages(pages, "a@example.com")
    assert pages.get("/").status_code == 200

    database.stop()

    assert_unavailable(api.get("/api/auth/me"))
    assert_unavailable(api.patch("/api/auth/me", json={"display_name": "During the outage"}))
    assert_unavailable(
        api.post("/api/auth/register", json={"email": "b@example.com", "password": PASSWORD})
    )
    page = pages.get("/")  # the session and the user live in the database
    assert page.status_code == 503 and page.headers["Retry-After"] == "5"
    assert "Back in a moment" in page.text and "Something went wrong" not in page.text
    health = httpx.get(f"{base}/healthz", timeout=30)
    assert health.status_code == 503
    assert health.json()["checks"]["database"]["ok"] is False

    database.start()  # same data directory: a restart, not a new server

    me = api.get("/api/auth/me")  # the same token and the same process: no app restart
    assert me.status_code == 200, me.text
    assert me.json()["display_name"] == "Before the outage"  # the failed update left nothing
    assert pages.get("/").status_code == 200  # the page session survived too
    late = api.post("/api/auth/register", json={"email": "b@example.com", "password": PASSWORD})
    assert late.status_code == 201, late.text  # the refused sign-up left no half account
    assert httpx.get(f"{base}/healthz", timeout=30).status_code == 200
