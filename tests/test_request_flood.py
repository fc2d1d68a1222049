"""A flood from one signed-in user: 10,000 requests at the default limit. The limit
holds (429 with the shared error shape and Retry-After), and another user is served."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from accounts.services import issue_tokens
from accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db

REQUESTS = 10_000


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user=user)['access']}")
    return client


def test_ten_thousand_requests_from_one_user_hit_the_limit_and_spare_the_others(settings):
    assert settings.THROTTLE_USER_RATE == "100/minute"
    flooder, bystander = client_for(make_user()), client_for(make_user())
    statuses: dict[int, int] = {}
    for _ in range(REQUESTS):
        code = flooder.get("/api/auth/me").status_code
        statuses[code] = statuses.get(code, 0) + 1

    assert statuses == {200: 100, 429: REQUESTS - 100}, statuses
    refused = flooder.get("/api/auth/me")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.json()["error"]["code"] == "throttled"
    assert bystander.get("/api/auth/me").status_code == 200
