from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import make_user
from accounts.tests.test_auth_api import assert_error
from feedback import services
from feedback.models import FeedbackStatus, InterviewFeedback, QuestionFeedback
from feedback.tests.factories import finished_interview, strong_answer, weak_answer
from interviews import services as interviews
from interviews.models import AnalysisStatus, InterviewEvaluation, InterviewSession
from questions.tests.factories import GO_KUBERNETES, parsed_resume
from resumes.tests.test_api import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("question_bank", "eager_tasks")]

DIMENSIONS = ("technical", "communication", "problem_solving", "confidence")


def report_of(session: InterviewSession) -> InterviewFeedback:
    return InterviewFeedback.objects.get(session=session)


def test_finishing_an_interview_writes_its_report(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    report = report_of(session)

    assert report.status == FeedbackStatus.COMPLETED, report.error
    assert report.engine == "local" and report.answered >= 4
    assert all(report.scores[name] is not None for name in ("overall", *DIMENSIONS))
    answered = InterviewEvaluation.objects.filter(session=session).count()
    assert report.question_feedback.count() == answered
    assert [a.aspect for a in report.behavioral_analyses.all()] == [
        "structure",
        "clarity",
        "confidence",
        "ownership",
        "collaboration",
    ]
    assert report.skill_evaluations.exists()
    first = report.question_feedback.first()
    assert first is not None and first.model_answer and first.improvement_suggestions
    assert report.summary.startswith("You answered")
    assert report.improvement_plan and report.generation_ms is not None


def test_asking_twice_for_an_unchanged_interview_gives_the_same_report(
    user, auth_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    report = report_of(session)
    children = list(QuestionFeedback.objects.filter(feedback=report).values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True) as queued:
        again = auth_api.post(
            "/api/interview/feedback/generate", {"session_id": session.pk}, format="json"
        )
    assert again.status_code == 200, again.content
    assert again.json()["id"] == report.pk and not queued  # no second generation
    assert InterviewFeedback.objects.filter(session=session).count() == 1
    assert (
        list(QuestionFeedback.objects.filter(feedback=report).values_list("pk", flat=True))
        == children
    )


def test_regenerating_replaces_the_content_in_place(
    user, auth_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    report = report_of(session)
    before = set(QuestionFeedback.objects.filter(feedback=report).values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_api.post(
            "/api/interview/feedback/generate",
            {"session_id": session.pk, "regenerate": True},
            format="json",
        )
    assert response.status_code == 202, response.content
    report.refresh_from_db()
    after = set(QuestionFeedback.objects.filter(feedback=report).values_list("pk", flat=True))
    assert report.status == FeedbackStatus.COMPLETED and report.attempt == 2
    assert len(after) == len(before) and not (after & before)  # all replaced, none added
    assert InterviewFeedback.objects.filter(session=session).count() == 1


def test_an_overtaken_generation_is_not_stored(user, django_capture_on_commit_callbacks):
    session = finished_interview(user)  # callbacks not run: nothing generated yet
    first, queued = services.request_report(session=session)
    assert queued and services.claim(first.pk, 1)
    services.request_report(session=session, force=True)  # a newer request: attempt 2

    assert services.generate(first.pk, 1) == "superseded"
    report = report_of(session)
    assert report.status == FeedbackStatus.PENDING and report.question_feedback.count() == 0
    assert services.claim(report.pk, 2) and not services.claim(report.pk, 2)  # once only
    assert services.generate(report.pk, 2) == "stored"
    report.refresh_from_db()
    assert report.status == FeedbackStatus.COMPLETED


def test_strong_answers_outscore_weak_ones_and_the_report_says_why(
    user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        strong_session = finished_interview(user, strong_answer)
        weak_session = finished_interview(user, weak_answer)
    strong, weak = report_of(strong_session), report_of(weak_session)

    for name in ("overall", *DIMENSIONS):
        high, low = strong.scores[name], weak.scores[name]
        assert high is not None and low is not None and high > low, name
    technical = strong.derivation["technical"]
    assert technical["weights"] == {"accuracy": 0.6, "relevance": 0.4}
    assert set(technical["signals"]) == {"accuracy", "relevance"}
    assert "accuracy" in technical["formula"] and technical["answers"]
    communication = weak.derivation["communication"]
    assert {"structure", "sentiment"} <= set(communication["signals"])
    aspects = {a.aspect: a for a in weak.behavioral_analyses.all()}
    strong_aspects = {a.aspect: a for a in strong.behavioral_analyses.all()}
    assert strong_aspects["confidence"].score > aspects["confidence"].score
    assert strong_aspects["structure"].score > aspects["structure"].score


def test_a_report_needs_a_finished_interview_with_answers(user, auth_api):
    resume = parsed_resume(user, GO_KUBERNETES)
    running = interviews.start_interview(user=user, resume=resume, count=3, language="en")
    response = auth_api.post(
        "/api/interview/feedback/generate", {"session_id": running.pk}, format="json"
    )
    assert_error(response, 409, "interview_not_finished")

    interviews.finish_interview(session=running)  # finished without a single answer
    response = auth_api.post(
        "/api/interview/feedback/generate", {"session_id": running.pk}, format="json"
    )
    assert_error(response, 409, "nothing_answered")
    response = auth_api.post("/api/interview/feedback/generate", {"session": 1}, format="json")
    assert response.status_code == 400


def test_someone_elses_report_is_a_404_everywhere(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    report = report_of(session)
    other = client_for(make_user(email="other@example.com"))

    for path in (
        f"/api/interview/feedback/{report.pk}",
        f"/api/interview/feedback/{report.pk}/skills",
        f"/api/interview/feedback/{report.pk}/behavioral",
        f"/api/interviews/{session.pk}/feedback",
    ):
        assert_error(other.get(path), 404, "not_found")
    response = other.post(
        "/api/interview/feedback/generate", {"session_id": session.pk}, format="json"
    )
    assert_error(response, 404, "not_found")
    assert other.get("/api/interview/feedback").json()["count"] == 0


def test_the_api_serves_the_whole_report_and_its_parts(
    user, auth_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    report = report_of(session)

    body = auth_api.get(f"/api/interviews/{session.pk}/feedback").json()
    assert body["id"] == report.pk and body["status"] == "completed"
    assert set(body["scores"]) == {"overall", *DIMENSIONS}
    assert body["questions"][0]["model_answer"] and body["behavioral"] and body["skills"]
    skills = auth_api.get(f"/api/interview/feedback/{report.pk}/skills").json()
    assert {s["level"] for s in skills} <= {"beginner", "intermediate", "advanced", "expert"}
    assert all(0 < s["confidence"] <= 1 for s in skills)
    behavioral = auth_api.get(f"/api/interview/feedback/{report.pk}/behavioral").json()
    assert len(behavioral) == 5 and all(b["recommendations"] for b in behavioral)
    listing = auth_api.get("/api/interview/feedback").json()
    assert listing["count"] == 1 and "questions" not in listing["results"][0]


def test_a_late_analysis_refreshes_the_report(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    evaluation = InterviewEvaluation.objects.filter(session=session).first()
    assert evaluation is not None
    # As if this answer's analysis had timed out and was still queued at the report.
    InterviewEvaluation.objects.filter(pk=evaluation.pk).update(
        analysis_status=AnalysisStatus.PENDING, overall_score=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.request_report(session=session)
    report = report_of(session)
    assert report.pending_answers == 1 and report.attempt == 2

    with django_capture_on_commit_callbacks(execute=True):
        assert interviews.complete_analysis(evaluation_id=evaluation.pk) == "done"
    report.refresh_from_db()
    assert report.pending_answers == 0 and report.attempt == 3
    assert report.status == FeedbackStatus.COMPLETED


def test_progress_shows_the_trend_and_the_skills_that_moved(
    user, auth_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finished_interview(user, weak_answer)
        finished_interview(user, strong_answer)

    body = auth_api.get("/api/interview/feedback/progress").json()
    assert len(body["sessions"]) == 2
    first, last = body["sessions"]
    assert last["scores"]["overall"] > first["scores"]["overall"]
    assert body["most_improved_skills"] and body["most_improved_skills"][0]["change"] > 0
    # Only skills whose latest score is still below the target are "to work on".
    assert all(s["last"] < 75 for s in body["weakest_skills"])


def test_generation_time_and_outcomes_are_on_the_metrics_page(
    user, settings, django_capture_on_commit_callbacks
):
    settings.METRICS_TOKEN = "m-token"
    with django_capture_on_commit_callbacks(execute=True):
        finished_interview(user)
    text = APIClient().get("/metrics", HTTP_AUTHORIZATION="Bearer m-token").content.decode()
    assert 'ig_feedback_generation_seconds_count{engine="local"}' in text
    assert 'ig_feedback_reports_total{outcome="completed"}' in text
    assert "ig_feedback_llm_fallbacks_total" in text


def test_staff_see_reports_in_the_admin_and_can_regenerate_them(
    client, user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = finished_interview(user)
    report = report_of(session)
    client.force_login(make_user(email="staff@example.com", is_staff=True, is_superuser=True))
    changelist = reverse("admin:feedback_interviewfeedback_changelist")
    assert client.get(changelist, {"status__exact": "completed"}).status_code == 200
    page = client.get(reverse("admin:feedback_interviewfeedback_change", args=[report.pk]))
    first = report.question_feedback.first()
    assert first is not None
    assert page.status_code == 200 and first.question_text[:30] in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            changelist, {"action": "regenerate", "_selected_action": [report.pk]}, follow=True
        )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.attempt == 2 and report.status == FeedbackStatus.COMPLETED
