from __future__ import annotations

from datetime import timedelta

import pytest
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from accounts.models import AuditAction, AuditEvent, User
from accounts.services import issue_tokens
from accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db

REGISTER = "/api/auth/register"
LOGIN = "/api/auth/login"
REFRESH = "/api/auth/refresh"
LOGOUT = "/api/auth/logout"
ME = "/api/auth/me"


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details", "request_id"}
    assert body["error"]["message"]
    assert body["error"]["request_id"] == response["X-Request-ID"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def post_raw(api: APIClient, body: bytes, content_type: str = "application/json"):
    """POST exact bytes (malformed on purpose); the test client accepts bytes at run time."""
    return api.generic("POST", REGISTER, body, content_type=content_type)  # type: ignore[arg-type]


def test_register_returns_tokens_and_audits(api: APIClient):
    response = api.post(
        REGISTER, {"email": "Ada@Example.com", "password": "a-long-passphrase-9"}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["user"]["email"] == "ada@example.com"
    assert body["access"] and body["refresh"]
    user = User.objects.get(email="ada@example.com")
    assert user.password.startswith("bcrypt_sha256$")
    assert AuditEvent.objects.filter(actor=user, action=AuditAction.REGISTER).count() == 1

    me = APIClient()
    me.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert me.get(ME).json()["email"] == "ada@example.com"


def test_register_twice_is_a_validation_error(api: APIClient, user: User):
    response = api.post(
        REGISTER, {"email": user.email.upper(), "password": "a-long-passphrase-9"}, format="json"
    )
    error = assert_error(response, 400, "validation_error")
    assert "email" in error["details"]
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email", "password": "a-long-passphrase-9"}, "email"),
        ({"email": "x@example.com", "password": "12345678"}, "password"),
        ({"email": "x@example.com", "password": "short"}, "password"),
        ({"email": ["x@example.com"], "password": "a-long-passphrase-9"}, "email"),
        ({"email": "x@example.com", "password": {"a": 1}}, "password"),
        (
            {"email": "x@example.com", "password": "a-long-passphrase-9", "is_staff": True},
            "is_staff",
        ),
        (
            {"email": "x@example.com", "password": "a-long-passphrase-9", "language": "fr"},
            "language",
        ),
        ({"email": "x' OR 1=1; --@example.com", "password": "a-long-passphrase-9"}, "email"),
        ({"password": "a-long-passphrase-9"}, "email"),
    ],
)
def test_register_rejects_bad_input(api: APIClient, payload: dict, field: str):
    error = assert_error(api.post(REGISTER, payload, format="json"), 400, "validation_error")
    assert field in error["details"]
    assert not User.objects.exists()


def test_html_in_strings_is_stored_verbatim_and_escaped_in_json(api: APIClient):
    name = "<script>alert(1)</script>'); DROP TABLE accounts_user;--"
    response = api.post(
        REGISTER,
        {"email": "h@example.com", "password": "a-long-passphrase-9", "display_name": name},
        format="json",
    )
    assert response.status_code == 201
    assert response["Content-Type"].startswith("application/json")
    assert User.objects.get(email="h@example.com").display_name == name


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"email": "a@b.c",', b"\xff\xfe\x00", b"NaN", b'{"email": NaN}'],
)
def test_malformed_json_is_400(api: APIClient, body: bytes):
    response = post_raw(api, body)
    assert_error(response, 400, "malformed_request")


def test_empty_body_is_a_validation_error(api: APIClient):
    error = assert_error(post_raw(api, b""), 400)
    assert {"email", "password"} <= set(error["details"])


def test_deeply_nested_json_is_400(api: APIClient):
    body = ("[" * 100_000 + "]" * 100_000).encode()
    assert_error(post_raw(api, body), 400)


def test_json_array_instead_of_object_is_400(api: APIClient):
    assert_error(api.post(REGISTER, [1, 2], format="json"), 400, "validation_error")


def test_oversized_body_is_413(api: APIClient, settings):
    body = b'{"email": "' + b"a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10) + b'"}'
    assert_error(
        post_raw(api, body),
        413,
        "payload_too_large",
    )


def test_unsupported_media_type_is_415(api: APIClient):
    response = post_raw(api, b"email=x", content_type="text/plain")
    assert_error(response, 415, "unsupported_media_type")


def test_login_success_and_failure_are_audited(api: APIClient, user: User, password: str):
    ok = api.post(
        LOGIN,
        {"email": user.email, "password": password},
        format="json",
        HTTP_USER_AGENT="pytest-agent",
    )
    assert ok.status_code == 200
    assert {"access", "refresh", "user"} <= set(ok.json())
    event = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert (event.actor, event.ip_address, event.user_agent) == (user, "127.0.0.1", "pytest-agent")

    bad = api.post(LOGIN, {"email": user.email, "password": "wrong-password"}, format="json")
    assert_error(bad, 401, "invalid_credentials")
    failed = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert failed.actor is None and failed.actor_email == user.email


def test_login_of_unknown_email_is_the_same_401(api: APIClient, db):
    assert_error(
        api.post(LOGIN, {"email": "nobody@example.com", "password": "x"}, format="json"),
        401,
        "invalid_credentials",
    )


def test_login_of_inactive_user_is_refused(api: APIClient, user: User, password: str):
    user.is_active = False
    user.save()
    assert_error(api.post(LOGIN, {"email": user.email, "password": password}, format="json"), 401)


def test_me_requires_authentication(api: APIClient):
    error = assert_error(api.get(ME), 401, "not_authenticated")
    assert error["message"]


def test_garbage_token_is_refused(api: APIClient):
    api.credentials(HTTP_AUTHORIZATION="Bearer not.a.jwt")
    assert_error(api.get(ME), 401, "token_not_valid")


def test_expired_access_token_is_refused(api: APIClient, user: User):
    token = AccessToken.for_user(user)
    token.set_exp(lifetime=-timedelta(seconds=1))
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert_error(api.get(ME), 401, "token_not_valid")


def test_access_token_lives_fifteen_minutes(user: User):
    token = AccessToken.for_user(user)
    assert token["exp"] - token["iat"] == 15 * 60


def test_refresh_rotates_and_old_refresh_is_refused(api: APIClient, user: User):
    tokens = issue_tokens(user=user)
    first = api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json")
    assert first.status_code == 200, first.content
    rotated = first.json()
    assert rotated["refresh"] != tokens["refresh"] and rotated["access"]

    again = api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json")
    assert_error(again, 401, "token_not_valid")
    assert api.post(REFRESH, {"refresh": rotated["refresh"]}, format="json").status_code == 200


def test_refresh_rejects_an_access_token(api: APIClient, user: User):
    access = issue_tokens(user=user)["access"]
    assert_error(api.post(REFRESH, {"refresh": access}, format="json"), 401, "token_not_valid")


def test_logout_blacklists_the_refresh_token(auth_api: APIClient, user: User, api: APIClient):
    tokens = issue_tokens(user=user)
    response = auth_api.post(LOGOUT, {"refresh": tokens["refresh"]}, format="json")
    assert response.status_code == 204
    assert AuditEvent.objects.filter(actor=user, action=AuditAction.LOGOUT).exists()
    assert_error(
        api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json"), 401, "token_not_valid"
    )


def test_logout_with_someone_elses_refresh_token_is_refused(auth_api: APIClient, api: APIClient):
    other = issue_tokens(user=make_user())
    assert_error(auth_api.post(LOGOUT, {"refresh": other["refresh"]}, format="json"), 400)
    assert api.post(REFRESH, {"refresh": other["refresh"]}, format="json").status_code == 200


def test_preferences_read_and_write(auth_api: APIClient, user: User):
    response = auth_api.patch(
        ME,
        {
            "language": "zh-hans",
            "target_role": "Data engineer",
            "question_mix": {"technical": 60, "behavioral": 20, "situational": 20},
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = auth_api.get(ME).json()
    assert (body["language"], body["target_role"]) == ("zh-hans", "Data engineer")
    assert body["question_mix"] == {"technical": 60, "behavioral": 20, "situational": 20}
    assert AuditEvent.objects.filter(actor=user, action=AuditAction.PREFERENCES_CHANGE).exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"language": "klingon"},
        {"question_mix": {"technical": 90, "behavioral": 20, "situational": 20}},
        {"question_mix": {"technical": 100}},
        {"email": "new@example.com"},
        {"target_role": "x" * 121},
    ],
)
def test_bad_preferences_are_400(auth_api: APIClient, payload: dict):
    assert_error(auth_api.patch(ME, payload, format="json"), 400, "validation_error")


def test_password_change_revokes_refresh_tokens(
    auth_api: APIClient, user: User, password: str, api: APIClient
):
    tokens = issue_tokens(user=user)
    response = auth_api.post(
        "/api/auth/password",
        {"current_password": password, "new_password": "a-brand-new-secret-7"},
        format="json",
    )
    assert response.status_code == 204, response.content
    assert_error(api.post(REFRESH, {"refresh": tokens["refresh"]}, format="json"), 401)
    assert (
        api.post(
            LOGIN, {"email": user.email, "password": "a-brand-new-secret-7"}, format="json"
        ).status_code
        == 200
    )
    assert AuditEvent.objects.filter(actor=user, action=AuditAction.PASSWORD_CHANGE).exists()


def test_password_change_needs_the_current_password(auth_api: APIClient):
    response = auth_api.post(
        "/api/auth/password",
        {"current_password": "nope", "new_password": "a-brand-new-secret-7"},
        format="json",
    )
    assert "current_password" in assert_error(response, 400)["details"]


def test_unknown_api_path_is_json_404(auth_api: APIClient):
    assert_error(auth_api.get("/api/nothing-here"), 404, "not_found")


def test_wrong_method_is_json_405(auth_api: APIClient):
    assert_error(auth_api.put(LOGIN, {}, format="json"), 405, "method_not_allowed")
