"""Report generation on real services: finishing an interview queues the report on the
"feedback" queue of Redis, and a real Celery worker writes it to the test database."""

from __future__ import annotations

import time

import pytest
from django.db import connection

from accounts.tests.factories import make_user
from feedback.models import FeedbackStatus, InterviewFeedback
from feedback.tests.factories import finished_interview
from questions.tests.factories import load_bank
from tests.processes import celery_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def wait_for_report(session_id: int, timeout: float = 90) -> InterviewFeedback:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report = InterviewFeedback.objects.filter(session_id=session_id).first()
        if report is not None and report.status in (
            FeedbackStatus.COMPLETED,
            FeedbackStatus.FAILED,
        ):
            return report
        time.sleep(0.2)
    raise AssertionError(f"no finished report for interview {session_id}")


def test_a_finished_interview_gets_its_report_from_the_feedback_worker(celery_on_redis):
    load_bank()
    user = make_user(email="feedback-worker@example.com")
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "IG_LIVE_DATABASE_NAME": str(connection.settings_dict["NAME"]),
        "REDIS_URL": celery_on_redis,
        "CELERY_EAGER": "0",
    }
    with celery_worker(env, queues="feedback") as worker:
        session = finished_interview(user, count=3)  # commits: the report is queued
        queued = InterviewFeedback.objects.get(session=session)
        assert queued.status in (FeedbackStatus.PENDING, FeedbackStatus.GENERATING)
        try:
            report = wait_for_report(session.pk)
        except AssertionError:
            worker.terminate()
            print(worker.communicate(timeout=10)[0].decode(errors="replace")[-4000:])
            raise
    assert report.status == FeedbackStatus.COMPLETED, report.error
    assert report.attempt == 1 and report.overall_score is not None
    assert report.question_feedback.count() >= 3
