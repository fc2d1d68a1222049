from __future__ import annotations

import re
from datetime import timedelta

import pypdfium2 as pdfium
import pytest
from django.db.models import F
from django.template.defaultfilters import floatformat
from django.urls import reverse

from accounts.tests.factories import make_user
from feedback import services
from feedback.models import FeedbackStatus, InterviewFeedback
from feedback.tests.factories import finished_interview, weak_answer
from interviews import services as interviews
from interviews.models import InterviewSession
from questions.tests.factories import GO_KUBERNETES, parsed_resume

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("question_bank", "eager_tasks")]

SECTIONS = ("scores", "plan", "questions", "skills", "behaviour")


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def reported(user, django_capture_on_commit_callbacks) -> InterviewSession:
    """A finished interview whose report was generated."""
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    assert report_of(session).status == FeedbackStatus.COMPLETED, report_of(session).error
    return session


def report_of(session: InterviewSession) -> InterviewFeedback:
    return InterviewFeedback.objects.get(session=session)


def report_url(session: InterviewSession, name: str = "report") -> str:
    return reverse(f"feedback:{name}", args=[session.pk])


def pdf_text(content: bytes) -> str:
    document = pdfium.PdfDocument(content)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def test_the_owner_sees_the_whole_report(signed_in, reported):
    feedback = report_of(reported)
    body = signed_in.get(report_url(reported)).content.decode()

    overall = re.search(r'class="overall__value">(\d+)<', body)
    assert overall is not None and overall.group(1) == floatformat(feedback.overall_score, 0)
    assert all(f'id="{section}"' in body for section in SECTIONS)
    assert 'data-part="values"' in body and "<polygon" in body  # the radar chart
    for name in ("overall", "technical", "communication", "problem_solving", "confidence"):
        assert f'data-testid="score-{name}"' in body
    assert body.count('data-testid="question-card"') == feedback.question_feedback.count()
    first = feedback.question_feedback.first()
    assert first is not None and f'id="q-{first.position}"' in body
    assert 'data-testid="plan"' in body and 'href="#q-' in body
    assert 'data-testid="skills-table"' in body
    assert body.count('class="card behaviour__item"') == 5
    assert 'data-testid="download-pdf"' in body and 'data-testid="regenerate"' in body
    assert 'http-equiv="refresh"' not in body


def test_another_user_gets_404_everywhere(client, reported):
    client.force_login(make_user())
    assert client.get(report_url(reported)).status_code == 404
    assert client.get(report_url(reported, "report_pdf")).status_code == 404
    assert client.post(report_url(reported, "generate"), {"regenerate": "1"}).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, reported):
    for url in (report_url(reported), report_url(reported, "report_pdf")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_queued_report_says_it_is_being_written_and_refreshes(
    signed_in, user, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "_enqueue", lambda feedback_id, attempt: None)  # no worker
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user, count=2)
    assert report_of(session).status == FeedbackStatus.PENDING

    body = signed_in.get(report_url(session)).content.decode()
    assert 'data-testid="report-writing"' in body
    assert '<meta http-equiv="refresh"' in body
    assert 'data-testid="radar"' not in body


def test_a_failed_report_shows_the_error_and_can_be_retried(
    signed_in, reported, django_capture_on_commit_callbacks
):
    InterviewFeedback.objects.filter(session=reported).update(
        status=FeedbackStatus.FAILED, error=str(services.FAILURE_MESSAGE)
    )
    body = signed_in.get(report_url(reported)).content.decode()
    assert 'data-testid="report-failed"' in body and 'data-testid="retry"' in body
    assert "could not be generated" in body
    assert "csrfmiddlewaretoken" in body

    with django_capture_on_commit_callbacks(execute=True):
        retried = signed_in.post(report_url(reported, "generate"), {"regenerate": "1"})
    assert retried.status_code == 302 and retried["Location"] == report_url(reported)
    assert report_of(reported).status == FeedbackStatus.COMPLETED


def test_regenerate_rebuilds_the_report_in_place(
    signed_in, reported, django_capture_on_commit_callbacks
):
    before = report_of(reported)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(report_url(reported, "generate"), {"regenerate": "1"})
    assert response.status_code == 302
    after = report_of(reported)
    assert after.pk == before.pk and after.attempt == before.attempt + 1
    assert after.status == FeedbackStatus.COMPLETED
    assert signed_in.get(report_url(reported, "generate")).status_code == 405


def test_a_finished_interview_without_a_report_offers_to_generate_one(
    signed_in, reported, django_capture_on_commit_callbacks
):
    InterviewFeedback.objects.filter(session=reported).delete()
    body = signed_in.get(report_url(reported)).content.decode()
    assert 'data-testid="report-missing"' in body and 'data-testid="generate"' in body

    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(report_url(reported, "generate"))
    assert report_of(reported).status == FeedbackStatus.COMPLETED


def test_an_unfinished_interview_links_back_to_its_room(signed_in, user):
    resume = parsed_resume(user, GO_KUBERNETES)
    session = interviews.start_interview(user=user, resume=resume, count=2, language="en")
    body = signed_in.get(report_url(session)).content.decode()
    assert 'data-testid="report-unfinished"' in body
    assert reverse("interviews:room", args=[session.pk]) in body

    refused = signed_in.post(report_url(session, "generate"), follow=True).content.decode()
    assert "Finish the interview first" in refused
    assert not InterviewFeedback.objects.filter(session=session).exists()
    assert signed_in.get(report_url(session, "report_pdf")).status_code == 404


def test_the_pdf_is_a_download_with_the_overall_score(signed_in, reported):
    response = signed_in.get(report_url(reported, "report_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="interview-{reported.pk}-report.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    overall = floatformat(report_of(reported).overall_score, 0)
    assert re.search(rf"Overall score\s*{overall}\s*/100", text, re.IGNORECASE), text[:400]
    assert "Question by question" in text and "Improvement plan" in text


def test_the_report_and_its_pdf_are_in_chinese(signed_in, user, reported):
    user.language = "zh-hans"
    user.save(update_fields=["language"])

    body = signed_in.get(report_url(reported)).content.decode()
    for heading in ("面试反馈", "总分", "改进计划", "逐题反馈", "技能图谱", "行为表现"):
        assert heading in body
    assert "Question by question" not in body

    text = pdf_text(signed_in.get(report_url(reported, "report_pdf")).content)
    assert "逐题反馈" in text and "总分" in text


def test_the_second_report_is_compared_with_the_first(
    signed_in, user, reported, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        later = finished_interview(user, weak_answer)
    first_body = signed_in.get(report_url(reported)).content.decode()
    later_body = signed_in.get(report_url(later)).content.decode()
    assert 'data-part="compare"' not in first_body
    assert 'data-part="compare"' in later_body
    assert report_url(reported) in later_body  # "open that report"


def test_the_home_page_shows_progress_across_reports(
    signed_in, user, reported, django_capture_on_commit_callbacks
):
    InterviewSession.objects.filter(pk=reported.pk).update(
        finished_at=F("finished_at") - timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        later = finished_interview(user, weak_answer)

    body = signed_in.get(reverse("home")).content.decode()
    assert 'data-testid="trend-chart"' in body and "<polyline" in body
    assert body.count('data-testid="report-link"') == 2
    assert body.index(report_url(later)) < body.index(report_url(reported))  # newest first
    assert "Skills to work on" in body


def test_the_home_page_explains_progress_before_any_report(signed_in):
    body = signed_in.get(reverse("home")).content.decode()
    assert 'data-testid="no-progress"' in body and "<svg" not in body


def test_finished_interviews_link_to_their_report(signed_in, reported):
    listing = signed_in.get(reverse("interviews:list")).content.decode()
    room = signed_in.get(reverse("interviews:room", args=[reported.pk])).content.decode()
    assert report_url(reported) in listing and report_url(reported) in room
