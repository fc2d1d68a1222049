"""Every change to a resume is in the audit log: who, what, from where; ids, never contents."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import AuditAction, AuditEvent
from accounts.tests.factories import make_user
from resumes.models import Resume
from resumes.tests import files
from resumes.tests.factories import complete, make_resume

pytestmark = pytest.mark.django_db

FILE_NAME = "Jane_Doe_CV.pdf"


def only_event(action: str) -> AuditEvent:
    events = list(AuditEvent.objects.filter(action=action))
    assert len(events) == 1, events
    return events[0]


def assert_no_personal_data(event: AuditEvent) -> None:
    written = json.dumps(event.details)
    for secret in ("Jane", "Doe", "ada@example.com", "+44"):
        assert secret not in written


def test_api_actions_are_audited_with_the_actor_and_ids(auth_api: APIClient, user):
    upload = auth_api.post(
        "/api/resumes",
        {"resume": SimpleUploadedFile(FILE_NAME, files.pdf_bytes(2))},
        format="multipart",
        HTTP_USER_AGENT="audit-test/1.0",
        REMOTE_ADDR="203.0.113.7",
    )
    assert upload.status_code == 201, upload.content
    resume = Resume.objects.get()
    event = only_event(AuditAction.RESUME_UPLOAD)
    assert (event.actor, event.actor_email) == (user, user.email)
    assert (event.ip_address, event.user_agent) == ("203.0.113.7", "audit-test/1.0")
    assert event.details == {
        "resume_id": resume.pk,
        "owner_id": user.pk,
        "kind": "pdf",
        "size": resume.size,
    }
    assert_no_personal_data(event)

    # The same file again changes nothing, so nothing is recorded.
    again = auth_api.post(
        "/api/resumes",
        {"resume": SimpleUploadedFile(FILE_NAME, files.pdf_bytes(2))},
        format="multipart",
    )
    assert again.status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.RESUME_UPLOAD).count() == 1

    complete(resume)
    patched = auth_api.patch(
        f"/api/resumes/{resume.pk}/parse-result",
        {"basic_info": {"phone": "+44 20 7946 1111"}},
        format="json",
    )
    assert patched.status_code == 200
    correction = only_event(AuditAction.RESUME_CORRECTION)
    assert correction.actor == user
    assert correction.details["fields"] == ["basic_info"]
    assert_no_personal_data(correction)

    assert auth_api.post(f"/api/resumes/{resume.pk}/reparse").status_code == 202
    assert only_event(AuditAction.RESUME_REPARSE).actor == user

    assert auth_api.delete(f"/api/resumes/{resume.pk}").status_code == 204
    deleted = only_event(AuditAction.RESUME_DELETE)
    assert (deleted.actor, deleted.details["resume_id"]) == (user, resume.pk)


def test_refused_and_foreign_actions_leave_no_event(auth_api: APIClient, user):
    refused = auth_api.post(
        "/api/resumes",
        {"resume": SimpleUploadedFile("cv.pdf", b"not a pdf")},
        format="multipart",
    )
    assert refused.status_code == 400
    other = make_resume(make_user())
    before = AuditEvent.objects.count()
    assert auth_api.delete(f"/api/resumes/{other.pk}").status_code == 404
    assert auth_api.post(f"/api/resumes/{other.pk}/reparse").status_code == 404
    assert AuditEvent.objects.count() == before


def test_page_actions_are_audited(client: Client, user):
    client.force_login(user)
    response = client.post(
        reverse("resumes:list"), {"resume": SimpleUploadedFile(FILE_NAME, files.pdf_bytes(1))}
    )
    assert response.status_code == 302
    resume = Resume.objects.get()
    assert only_event(AuditAction.RESUME_UPLOAD).actor == user
    complete(resume)

    saved = client.post(
        reverse("resumes:detail", args=[resume.pk]), {"name": "Ada King", "skills": "Python"}
    )
    assert saved.status_code == 302
    correction = only_event(AuditAction.RESUME_CORRECTION)
    assert "basic_info" in correction.details["fields"]
    assert "Ada" not in json.dumps(correction.details)

    client.post(reverse("resumes:reparse", args=[resume.pk]))
    assert only_event(AuditAction.RESUME_REPARSE).actor == user
    client.post(reverse("resumes:delete", args=[resume.pk]))
    assert only_event(AuditAction.RESUME_DELETE).actor == user


def test_staff_deleting_in_the_admin_is_audited_and_removes_the_file(
    client: Client, django_capture_on_commit_callbacks
):
    owner = make_user()
    resume = make_resume(owner)
    key = resume.file_key
    assert default_storage.exists(key)
    staff = make_user(is_staff=True, is_superuser=True)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:resumes_resume_changelist"),
            {"action": "delete_selected", "_selected_action": [resume.pk], "post": "yes"},
        )
    assert response.status_code == 302
    assert not Resume.objects.exists()
    assert not default_storage.exists(key)
    event = only_event(AuditAction.RESUME_DELETE)
    assert (event.actor, event.details["owner_id"]) == (staff, owner.pk)


def test_the_reparse_command_is_audited_as_the_system(user):
    resume = make_resume(user)
    complete(resume)
    call_command("reparse", "--id", str(resume.pk), stdout=io.StringIO())
    event = only_event(AuditAction.RESUME_REPARSE)
    assert (event.actor, event.actor_email, event.details["via"]) == (None, "", "system")
