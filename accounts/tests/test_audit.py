"""Every state change of an account is audited, from the pages as from the API and the admin."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import AuditAction, AuditEvent, User
from accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-passphrase-7"


def actions_of(email: str) -> list[str]:
    events = AuditEvent.objects.filter(actor_email=email).order_by("created_at", "pk")
    return [event.action for event in events]


def test_a_whole_life_on_the_pages_is_audited(client: Client):
    email = "life@example.com"
    client.post(
        reverse("accounts:signup"),
        {"email": email, "password1": "a-long-passphrase-9", "password2": "a-long-passphrase-9"},
    )
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"username": email, "password": "wrong"})
    client.post(reverse("accounts:login"), {"username": email, "password": "a-long-passphrase-9"})
    client.post(
        reverse("accounts:account"),
        {
            "form": "preferences",
            "display_name": "Lee",
            "language": "en",
            "target_role": "SRE",
            "technical": 50,
            "behavioral": 30,
            "situational": 20,
        },
    )
    client.post(reverse("accounts:set_language"), {"language": "zh-hans", "next": "/"})
    client.post(
        reverse("accounts:account"),
        {
            "form": "password",
            "old_password": "a-long-passphrase-9",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    client.post(reverse("accounts:account"), {"form": "delete", "password": NEW_PASSWORD})
    assert not User.objects.filter(email=email).exists()
    assert actions_of(email) == [
        AuditAction.REGISTER,
        AuditAction.LOGOUT,
        AuditAction.LOGIN_FAILED,
        AuditAction.LOGIN,
        AuditAction.PREFERENCES_CHANGE,
        AuditAction.PREFERENCES_CHANGE,
        AuditAction.PASSWORD_CHANGE,
        AuditAction.ACCOUNT_DELETE,
    ]
    preferences = AuditEvent.objects.filter(action=AuditAction.PREFERENCES_CHANGE)
    assert [event.details["fields"] for event in preferences.order_by("pk")] == [
        ["display_name", "target_role"],
        ["language"],
    ]
    # The values themselves (a name, a role) stay out of the trail.
    assert "Lee" not in str(list(AuditEvent.objects.values_list("details", flat=True)))


def test_a_whole_life_on_the_api_is_audited(api: APIClient):
    email = "api-life@example.com"
    tokens = api.post(
        "/api/auth/register", {"email": email, "password": "a-long-passphrase-9"}, format="json"
    ).json()
    api.post("/api/auth/login", {"email": email, "password": "nope"}, format="json")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    api.patch("/api/auth/me", {"target_role": "SRE"}, format="json")
    api.post(
        "/api/auth/password",
        {"current_password": "a-long-passphrase-9", "new_password": NEW_PASSWORD},
        format="json",
    )
    login = api.post("/api/auth/login", {"email": email, "password": NEW_PASSWORD}, format="json")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {login.json()['access']}")
    api.post("/api/auth/logout", {"refresh": login.json()["refresh"]}, format="json")
    api.delete("/api/auth/me", {"password": NEW_PASSWORD}, format="json")
    assert actions_of(email) == [
        AuditAction.REGISTER,
        AuditAction.LOGIN_FAILED,
        AuditAction.PREFERENCES_CHANGE,
        AuditAction.PASSWORD_CHANGE,
        AuditAction.LOGIN,
        AuditAction.LOGOUT,
        AuditAction.ACCOUNT_DELETE,
    ]


def test_staff_deleting_an_account_in_the_admin_is_audited(client: Client):
    candidate = make_user()
    staff = make_user(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [candidate.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=candidate.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.ACCOUNT_DELETE)
    assert event.actor_email == candidate.email
    assert event.details["deleted_by"] == staff.pk
