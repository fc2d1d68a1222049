from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.tests.factories import make_user
from resumes.models import Resume, ResumeStatus
from resumes.tests import files
from resumes.tests.factories import SAMPLE_RESULT, complete, make_resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_list_shows_an_empty_state_then_the_resumes(signed_in: Client, user):
    html = signed_in.get("/resumes/").content.decode()
    assert 'data-testid="empty-state"' in html and "Drop your resume here" in html
    make_resume(user, filename="my-cv.pdf")
    html = signed_in.get("/resumes/").content.decode()
    assert "my-cv.pdf" in html and 'data-testid="resume-table"' in html


def test_upload_without_javascript_redirects_to_the_detail(signed_in: Client):
    response = signed_in.post(
        "/resumes/", {"resume": SimpleUploadedFile("cv.docx", files.docx_bytes())}
    )
    resume = Resume.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/resumes/{resume.pk}/"


def test_hostile_upload_shows_the_reason(signed_in: Client):
    response = signed_in.post(
        "/resumes/", {"resume": SimpleUploadedFile("cv.pdf", b"MZ not a pdf")}
    )
    assert response.status_code == 400
    assert "We read PDF, Word (.docx) and JPG/PNG files" in response.content.decode()
    assert not Resume.objects.exists()


def test_detail_shows_progress_then_the_result(signed_in: Client, user):
    resume = make_resume(user)
    html = signed_in.get(f"/resumes/{resume.pk}/").content.decode()
    assert 'data-status="pending"' in html and 'data-step="extract"' in html
    assert 'data-testid="corrections-form"' not in html
    complete(resume)
    html = signed_in.get(f"/resumes/{resume.pk}/").content.decode()
    assert 'value="Ada Lovelace"' in html and "Analytical Engines" in html and "Python" in html
    assert "{{" not in html and "{%" not in html, "template syntax leaked into the page"
    assert ">https://github.com/ada</textarea>" in html


def test_failed_parse_shows_the_message_and_allows_entering_details(signed_in: Client, user):
    resume = make_resume(user)
    Resume.objects.filter(pk=resume.pk).update(
        status=ResumeStatus.FAILED,
        error_step="extract",
        error_code="no_text",
        error_message="We could not find any text in this PDF.",
    )
    html = signed_in.get(f"/resumes/{resume.pk}/").content.decode()
    assert "We could not find any text in this file." in html
    assert 'data-testid="corrections-form"' in html
    # The parser writes English; a candidate who reads Chinese gets Chinese.
    user.language = "zh-hans"
    user.save()
    assert (
        "我们无法在此文件中找到任何文字" in signed_in.get(f"/resumes/{resume.pk}/").content.decode()
    )


def test_corrections_form_saves(signed_in: Client, user):
    resume = make_resume(user)
    complete(resume)
    response = signed_in.post(
        f"/resumes/{resume.pk}/",
        {
            "name": "Ada King",
            "email": "ada@example.com",
            "phone": "",
            "location": "London",
            "links": "",
            "skills": "Python, 数学，Poetry",
            "work_experience-count": "2",
            "work_experience-0-company": "Analytical Engines",
            "work_experience-0-title": "Lead",
            "work_experience-0-start": "1842-01",
            "work_experience-0-end": "present",
            "work_experience-0-highlights": "Wrote notes\nPublished",
            "education-count": "1",
        },
    )
    assert response.status_code == 302
    merged = Resume.objects.get(pk=resume.pk).parse_result.merged()
    assert merged["basic_info"]["name"] == "Ada King"
    assert [s["name"] for s in merged["skills"]] == ["Python", "数学", "Poetry"]
    assert merged["work_experience"][0]["highlights"] == ["Wrote notes", "Published"]
    assert merged["education"] == []


@pytest.mark.parametrize("count", ["99999999999", "-1", "abc"])
def test_corrections_form_survives_hostile_counts(signed_in: Client, user, count: str):
    resume = make_resume(user)
    complete(resume)
    response = signed_in.post(f"/resumes/{resume.pk}/", {"name": "A", "education-count": count})
    assert response.status_code in {302, 400}


def test_corrections_form_reports_bad_dates(signed_in: Client, user):
    resume = make_resume(user)
    complete(resume)
    response = signed_in.post(
        f"/resumes/{resume.pk}/",
        {
            "name": "Ada",
            "education-count": "1",
            "education-0-school": "UCL",
            "education-0-start": "autumn",
        },
    )
    assert response.status_code == 400
    assert "YYYY-MM" in response.content.decode()


def test_other_users_resume_pages_are_404(signed_in: Client):
    resume = make_resume(make_user())
    for method, path in [
        ("get", f"/resumes/{resume.pk}/"),
        ("post", f"/resumes/{resume.pk}/"),
        ("post", f"/resumes/{resume.pk}/reparse"),
        ("post", f"/resumes/{resume.pk}/delete"),
    ]:
        assert getattr(signed_in, method)(path).status_code == 404
    assert Resume.objects.filter(pk=resume.pk).exists()


def test_reparse_and_delete_buttons(signed_in: Client, user, django_capture_on_commit_callbacks):
    resume = make_resume(user)
    complete(resume)
    assert signed_in.post(f"/resumes/{resume.pk}/reparse").status_code == 302
    assert Resume.objects.get(pk=resume.pk).status == ResumeStatus.PENDING
    with django_capture_on_commit_callbacks(execute=False):
        assert signed_in.post(f"/resumes/{resume.pk}/delete").status_code == 302
    assert not Resume.objects.filter(pk=resume.pk).exists()


def test_pages_need_login(client: Client):
    assert client.get("/resumes/").status_code == 302


def test_the_form_round_trips_what_the_parser_found(signed_in: Client, user):
    """Saving the form unchanged must succeed, links without a scheme included."""
    resume = make_resume(user)
    complete(
        resume,
        {
            **SAMPLE_RESULT,
            "basic_info": {**SAMPLE_RESULT["basic_info"], "links": ["github.com/ada"]},
        },
    )
    response = signed_in.post(
        f"/resumes/{resume.pk}/",
        {
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "phone": "",
            "location": "London",
            "links": "github.com/ada\n",
            "skills": "Python",
            "work_experience-count": "0",
            "education-count": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    merged = Resume.objects.get(pk=resume.pk).parse_result.merged()
    assert merged["basic_info"]["links"] == ["https://github.com/ada"]
