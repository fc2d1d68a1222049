from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from accounts.models import AuditAction, AuditEvent, User
from accounts.tests.factories import make_user
from conftest import require_tool

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"


def test_home_page_anonymous_and_signed_in(client: Client, user: User):
    page = client.get("/")
    assert page.status_code == 200
    assert "Create a free account" in page.content.decode()
    client.force_login(user)
    page = client.get("/")
    assert "Welcome back" in page.content.decode()
    assert 'data-testid="logout"' in page.content.decode()


def test_signup_creates_account_signs_in_and_audits(client: Client):
    response = client.post(
        "/accounts/signup",
        {
            "email": "New@Example.com",
            "display_name": "Nia",
            "password1": "a-long-passphrase-9",
            "password2": "a-long-passphrase-9",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new@example.com")
    assert AuditEvent.objects.filter(actor=user, action=AuditAction.REGISTER).exists()
    assert "Welcome back, Nia" in client.get("/").content.decode()


def test_signup_shows_errors_without_creating(client: Client, user: User):
    page = client.post(
        "/accounts/signup", {"email": user.email, "password1": "abc", "password2": "abd"}
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "already exists" in html and "differ" in html
    assert User.objects.count() == 1


def test_login_failure_and_success(client: Client, user: User, password: str):
    page = client.post("/accounts/login", {"username": user.email, "password": "wrong"})
    assert page.status_code == 200
    assert "The email or password is wrong." in page.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.LOGIN_FAILED, actor_email=user.email
    ).exists()
    assert (
        client.post(
            "/accounts/login", {"username": user.email.upper(), "password": password}
        ).status_code
        == 302
    )
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=user).exists()


def test_logout_needs_post(client: Client, user: User):
    client.force_login(user)
    assert client.get("/accounts/logout").status_code == 405
    assert client.post("/accounts/logout").status_code == 302
    assert "Welcome back" not in client.get("/").content.decode()


def test_language_switch_is_saved_in_preferences(client: Client, user: User):
    client.force_login(user)
    response = client.post("/accounts/language", {"language": "zh-hans", "next": "/accounts/me"})
    assert response.status_code == 302 and response["Location"] == "/accounts/me"
    user.refresh_from_db()
    assert user.language == "zh-hans"
    # A fresh browser (no cookie) still gets Chinese once signed in: it follows the account.
    other = Client()
    other.force_login(user)
    html = other.get("/").content.decode()
    assert 'lang="zh-hans"' in html and "退出登录" in html


def test_language_switch_refuses_foreign_redirects_and_bad_codes(client: Client):
    response = client.post(
        "/accounts/language", {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_anonymous_language_follows_the_cookie(client: Client):
    client.post("/accounts/language", {"language": "zh-hans", "next": "/"})
    assert "每一场面试，都有备而来。" in client.get("/").content.decode()


def test_account_page_saves_preferences(client: Client, user: User):
    client.force_login(user)
    assert client.get("/accounts/me").status_code == 200
    response = client.post(
        "/accounts/me",
        {
            "form": "preferences",
            "display_name": "Ada",
            "language": "en",
            "target_role": "SRE",
            "technical": 40,
            "behavioral": 40,
            "situational": 20,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.target_role, user.question_mix) == (
        "Ada",
        "SRE",
        {"technical": 40, "behavioral": 40, "situational": 20},
    )


def test_account_page_rejects_a_bad_mix(client: Client, user: User):
    client.force_login(user)
    response = client.post(
        "/accounts/me",
        {
            "form": "preferences",
            "display_name": "",
            "language": "en",
            "target_role": "",
            "technical": 90,
            "behavioral": 40,
            "situational": 20,
        },
    )
    assert response.status_code == 400
    assert "must add up to 100%" in response.content.decode()
    user.refresh_from_db()
    assert user.question_mix["technical"] == 50


def test_account_deletion_needs_the_password(client: Client, user: User, password: str):
    client.force_login(user)
    assert client.post("/accounts/me", {"form": "delete", "password": "nope"}).status_code == 400
    assert User.objects.filter(pk=user.pk).exists()
    assert client.post("/accounts/me", {"form": "delete", "password": password}).status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.ACCOUNT_DELETE, actor_email=user.email
    ).exists()


def test_account_page_needs_login(client: Client):
    response = client.get("/accounts/me")
    assert response.status_code == 302 and "/accounts/login" in response["Location"]


def test_unknown_page_is_a_friendly_404(client: Client):
    page = client.get("/no-such-page")
    assert page.status_code == 404
    assert "Page not found" in page.content.decode()


def test_pages_load_no_external_assets(client: Client, user: User):
    client.force_login(user)
    for url in ["/", "/accounts/me", "/api/docs/"]:
        html = client.get(url).content.decode()
        assert "https://" not in html.replace("https://evil", ""), url
    anonymous = Client()
    for url in ["/accounts/signup", "/accounts/login"]:
        assert "https://" not in anonymous.get(url).content.decode()


def test_admin_lists_audit_events_read_only(client: Client):
    staff = make_user(is_staff=True, is_superuser=True)
    client.force_login(staff)
    AuditEvent.objects.create(actor=staff, actor_email=staff.email, action=AuditAction.LOGIN)
    listing = client.get("/admin/accounts/auditevent/")
    assert listing.status_code == 200 and staff.email in listing.content.decode()
    assert client.get("/admin/accounts/auditevent/add/").status_code == 403
    event = AuditEvent.objects.get()
    assert (
        client.post(f"/admin/accounts/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )


def test_chinese_translation_is_complete_and_compiled(tmp_path):
    stats = subprocess.run(
        [
            require_tool("msgfmt"),
            "--check",
            "--statistics",
            "-o",
            str(tmp_path / "django.mo"),
            str(LOCALE / "django.po"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "untranslated" not in stats and "fuzzy" not in stats, stats
    assert (tmp_path / "django.mo").read_bytes() == (LOCALE / "django.mo").read_bytes(), (
        "django.mo is stale: run `make messages`"
    )
