from __future__ import annotations

import base64

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from rest_framework.test import APIClient

from accounts.services import issue_tokens
from accounts.tests.factories import make_user
from accounts.tests.test_auth_api import assert_error
from interviewgenius.engines import crypto
from resumes.models import Resume, ResumeStatus
from resumes.tests import files
from resumes.tests.factories import SAMPLE_RESULT, complete, make_resume

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user=user)['access']}")
    return client


def upload(client: APIClient, data: bytes, name: str = "cv.pdf", path: str = "/api/resumes"):
    return client.post(path, {"resume": SimpleUploadedFile(name, data)}, format="multipart")


def test_upload_stores_an_encrypted_copy_and_queues_parsing(auth_api: APIClient, user):
    original = files.pdf_bytes(2)
    response = upload(auth_api, original, "Jane_Doe_CV.pdf")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["kind"], body["pages"], body["duplicate"]) == (
        "pending",
        "pdf",
        2,
        False,
    )
    resume = Resume.objects.get(pk=body["id"])
    assert resume.task_id and resume.queued_at
    assert resume.file_key.startswith(f"resumes/{user.pk}/") and resume.file_key.endswith(".enc")
    assert "Jane" not in resume.file_key  # names stay out of object keys

    with default_storage.open(resume.file_key, "rb") as stored:
        raw = stored.read()
    assert raw != original and original[:200] not in raw
    assert raw.startswith(crypto.MAGIC)
    assert crypto.decrypt_bytes(raw) == original


def test_original_name_is_encrypted_at_rest(auth_api: APIClient):
    resume_id = upload(auth_api, files.pdf_bytes(1), "Jane_Doe_CV.pdf").json()["id"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT original_name FROM resumes_resume WHERE id = %s", [resume_id])
        raw = cursor.fetchone()[0]
    assert "Jane" not in raw and crypto.key_id_of(base64.b64decode(raw))
    assert Resume.objects.get(pk=resume_id).original_name == "Jane_Doe_CV.pdf"


def test_the_same_file_twice_returns_the_existing_resume(auth_api: APIClient):
    data = files.docx_bytes()
    first = upload(auth_api, data, "cv.docx").json()
    again = upload(auth_api, data, "renamed.docx", path="/api/resumes/upload")
    assert again.status_code == 200
    assert again.json()["id"] == first["id"] and again.json()["duplicate"] is True
    assert Resume.objects.count() == 1


def test_the_same_file_from_two_users_is_two_resumes(auth_api: APIClient):
    data = files.docx_bytes()
    upload(auth_api, data)
    assert upload(client_for(make_user()), data).status_code == 201
    assert Resume.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"MZ\x90\x00 windows program", "resume.pdf", "unsupported_type"),
        (files.pdf_bytes(1, password="x"), "cv.pdf", "encrypted"),
        (b"%PDF-1.4 broken", "cv.pdf", "corrupt"),
        (files.docx_bomb(), "cv.docx", "bomb"),
        (files.image_bomb(), "cv.png", "image_too_large"),
        (files.pdf_bytes(21), "cv.pdf", "too_many_pages"),
        (b"", "cv.pdf", "empty"),
    ],
    ids=["exe", "encrypted", "corrupt", "docx-bomb", "image-bomb", "pages", "empty"],
)
def test_hostile_uploads_are_400_and_nothing_is_stored(
    auth_api: APIClient, local_media, data, name, reason
):
    error = assert_error(upload(auth_api, data, name), 400, "invalid_file")
    assert error["details"]["reason"] == reason
    assert not Resume.objects.exists()
    assert not local_media.exists() or not any(p.is_file() for p in local_media.rglob("*"))


def test_oversized_upload_is_413(auth_api: APIClient):
    error = assert_error(
        upload(auth_api, files.pdf_bytes(1) + b"\0" * (10 * 1024 * 1024 + 10)), 413
    )
    assert error["code"] == "payload_too_large"


def test_upload_needs_the_file_field(auth_api: APIClient):
    assert (
        "resume"
        in assert_error(auth_api.post("/api/resumes", {}, format="multipart"), 400)["details"]
    )
    assert_error(auth_api.post("/api/resumes", {"resume": "text"}, format="json"), 400)


def test_path_traversal_names_are_kept_as_plain_text(auth_api: APIClient):
    response = upload(auth_api, files.pdf_bytes(1), "../../etc/passwd.pdf")
    assert response.status_code == 201
    resume = Resume.objects.get()
    assert ".." not in resume.file_key


def test_list_is_own_only_paginated_and_constant_in_queries(
    auth_api: APIClient, user, django_assert_max_num_queries
):
    for pages in range(1, 4):
        make_resume(user, data=files.pdf_bytes(pages))
    make_resume(make_user())
    with django_assert_max_num_queries(4):
        body = auth_api.get("/api/resumes").json()
    assert body["count"] == 3 and len(body["results"]) == 3
    assert auth_api.get("/api/resumes?page_size=2").json()["next"]


def test_another_user_gets_404_on_every_resume_endpoint(auth_api: APIClient, user):
    resume = make_resume(make_user())
    base = f"/api/resumes/{resume.pk}"
    for method, path in [
        ("get", base),
        ("delete", base),
        ("get", f"{base}/status"),
        ("get", f"{base}/parse-result"),
        ("patch", f"{base}/parse-result"),
        ("post", f"{base}/reparse"),
    ]:
        response = getattr(auth_api, method)(
            path, {"basic_info": {"name": "x"}} if method == "patch" else None, format="json"
        )
        assert_error(response, 404, "not_found")
    assert Resume.objects.filter(pk=resume.pk).exists()


def test_anonymous_gets_401(api: APIClient):
    assert_error(api.get("/api/resumes"), 401)
    assert_error(upload(api, files.pdf_bytes(1)), 401)


def test_delete_removes_the_stored_object(
    auth_api: APIClient, user, django_capture_on_commit_callbacks
):
    resume = make_resume(user)
    key = resume.file_key
    with django_capture_on_commit_callbacks(execute=True):
        assert auth_api.delete(f"/api/resumes/{resume.pk}").status_code == 204
    assert not Resume.objects.filter(pk=resume.pk).exists()
    assert not default_storage.exists(key)


def test_status_reports_progress(auth_api: APIClient, user):
    resume = make_resume(user)
    body = auth_api.get(f"/api/resumes/{resume.pk}/status").json()
    assert body == {"status": "pending", "progress": 0.0, "steps": [], "error": None}


def test_parse_result_is_409_until_parsed_then_in_the_design_schema(auth_api: APIClient, user):
    resume = make_resume(user)
    assert_error(auth_api.get(f"/api/resumes/{resume.pk}/parse-result"), 409, "conflict")
    complete(resume)
    body = auth_api.get(f"/api/resumes/{resume.pk}/parse-result").json()
    expected = {**SAMPLE_RESULT, "corrected_fields": []}
    assert body == expected


def test_contact_details_are_encrypted_at_rest(user):
    resume = make_resume(user)
    complete(resume)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT basic_info, text FROM resumes_resumeparseresult WHERE resume_id = %s",
            [resume.pk],
        )
        basic_info, text = cursor.fetchone()
    assert "ada@example.com" not in basic_info and "Lovelace" not in text


def test_corrections_are_validated_kept_apart_and_survive_a_reparse(auth_api: APIClient, user):
    resume = make_resume(user)
    complete(resume)
    url = f"/api/resumes/{resume.pk}/parse-result"
    response = auth_api.patch(
        url,
        {
            "basic_info": {"phone": "+44 20 7946 1111"},
            "skills": [{"name": "Analytical engines", "category": "domain"}],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["basic_info"]["phone"] == "+44 20 7946 1111"
    assert body["basic_info"]["email"] == "ada@example.com"  # untouched fields stay
    assert body["skills"] == [
        {"name": "Analytical engines", "category": "domain", "confidence": 1.0}
    ]
    assert body["corrected_fields"] == ["basic_info", "skills"]
    assert list(resume.skill_matches.values_list("name", flat=True)) == ["Analytical engines"]

    # A reparse replaces the machine result but not the corrections.
    auth_api.post(f"/api/resumes/{resume.pk}/reparse")
    resume.parse_result.basic_info = {"name": "A. Lovelace", "email": "new@example.com"}
    resume.parse_result.save()
    Resume.objects.filter(pk=resume.pk).update(status=ResumeStatus.COMPLETED)
    body = auth_api.get(url).json()
    assert body["basic_info"]["phone"] == "+44 20 7946 1111"
    assert body["basic_info"]["email"] == "new@example.com"


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"education": [{"school": "X", "start": "Sept 2019"}]},
        {"education": [{"school": "X", "graduated": "2019"}]},
        {"basic_info": {"email": "not-an-email"}},
        {"skills": [{"name": "x" * 101}]},
        {"work_experience": [{"company": "c"}] * 51},
        {"parse_confidence": 1.0},
        {"basic_info": {"links": ["javascript:alert(1)"]}},
    ],
    ids=[
        "empty",
        "bad-date",
        "unknown-field",
        "email",
        "long-skill",
        "too-many",
        "not-correctable",
        "js-link",
    ],
)
def test_bad_corrections_are_400(auth_api: APIClient, user, payload):
    resume = make_resume(user)
    complete(resume)
    assert_error(
        auth_api.patch(f"/api/resumes/{resume.pk}/parse-result", payload, format="json"),
        400,
        "validation_error",
    )


def test_corrections_are_allowed_after_a_failed_parse(auth_api: APIClient, user):
    resume = make_resume(user)
    Resume.objects.filter(pk=resume.pk).update(
        status=ResumeStatus.FAILED,
        error_step="extract",
        error_code="no_text",
        error_message="No text.",
    )
    assert_error(auth_api.get(f"/api/resumes/{resume.pk}/parse-result"), 409)
    response = auth_api.patch(
        f"/api/resumes/{resume.pk}/parse-result", {"basic_info": {"name": "Ada"}}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["basic_info"]["name"] == "Ada"


def test_reparse_is_refused_while_parsing_and_accepted_after(auth_api: APIClient, user):
    resume = make_resume(user)
    assert_error(auth_api.post(f"/api/resumes/{resume.pk}/reparse"), 409, "conflict")
    complete(resume)
    old_task = resume.task_id
    response = auth_api.post(f"/api/resumes/{resume.pk}/reparse")
    assert response.status_code == 202
    resume.refresh_from_db()
    assert resume.status == ResumeStatus.PENDING and resume.task_id != old_task
