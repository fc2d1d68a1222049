from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from rest_framework.test import APIClient

from accounts.models import AuditAction, AuditEvent, User
from accounts.services import issue_tokens
from accounts.tests.factories import make_user
from accounts.tests.test_auth_api import assert_error
from interviewgenius import ownership

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


@pytest.fixture
def files_owner(monkeypatch):
    """Registers an owner of stored files, as the resumes app will: users/<id>/..."""

    def keys_of(user):
        _, names = default_storage.listdir(f"users/{user.pk}")
        return [f"users/{user.pk}/{name}" for name in names]

    monkeypatch.setattr(ownership, "_storage_owners", {"test-files": keys_of})


def test_delete_me_removes_the_user_rows_and_files(
    local_storage, files_owner, eager_tasks, django_capture_on_commit_callbacks, password
):
    user = make_user(password=password)
    other = make_user()
    mine = [
        default_storage.save(f"users/{user.pk}/resume-{i}.bin", ContentFile(b"x" * 10))
        for i in range(2)
    ]
    theirs = default_storage.save(f"users/{other.pk}/resume.bin", ContentFile(b"y"))
    tokens = issue_tokens(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.delete("/api/auth/me", {"password": password}, format="json")
    assert response.status_code == 204, response.content
    assert len(callbacks) == 1  # the file deletion waits for the commit
    assert not User.objects.filter(pk=user.pk).exists()
    assert not any(default_storage.exists(key) for key in mine)
    assert default_storage.exists(theirs)
    event = AuditEvent.objects.get(action=AuditAction.ACCOUNT_DELETE)
    assert event.actor_email == user.email and event.details["stored_objects"] == 2
    assert_error(
        APIClient().post("/api/auth/refresh", {"refresh": tokens["refresh"]}, format="json"), 401
    )


def test_delete_me_needs_the_password(local_storage, files_owner, auth_api: APIClient, user: User):
    key = default_storage.save(f"users/{user.pk}/resume.bin", ContentFile(b"x"))
    assert (
        "password"
        in assert_error(auth_api.delete("/api/auth/me", {"password": "nope"}, format="json"), 400)[
            "details"
        ]
    )
    assert_error(auth_api.delete("/api/auth/me", {}, format="json"), 400)
    assert User.objects.filter(pk=user.pk).exists() and default_storage.exists(key)


def test_files_are_not_touched_when_the_transaction_rolls_back(
    local_storage, files_owner, user: User, monkeypatch
):
    from accounts import services

    key = default_storage.save(f"users/{user.pk}/resume.bin", ContentFile(b"x"))

    def fail(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(User, "delete", fail)
    with pytest.raises(RuntimeError):
        services.delete_account(user=user, request=None)
    assert default_storage.exists(key)
    assert User.objects.filter(pk=user.pk).exists()
