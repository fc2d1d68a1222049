from __future__ import annotations

import itertools

import pytest

from accounts.tests.factories import make_user
from accounts.tests.test_auth_api import assert_error
from interviews import scheduling, services
from interviews.models import TRANSITIONS, InterviewSession, InterviewStatus
from questions.tests.factories import GO_KUBERNETES, parsed_resume
from resumes.tests.factories import make_resume
from resumes.tests.test_api import client_for

pytestmark = pytest.mark.django_db

ALL_STATES = list(InterviewStatus.values)


@pytest.mark.parametrize(("origin", "target"), list(itertools.product(ALL_STATES, ALL_STATES)))
def test_only_the_designed_transitions_are_allowed(user, origin, target):
    resume = make_resume(user)
    session = InterviewSession.objects.create(owner=user, resume=resume, status=origin)
    if target in TRANSITIONS[origin]:
        services.move(session, target)
        session.refresh_from_db()
        assert session.status == target
    else:
        with pytest.raises(services.InvalidTransition) as refused:
            services.move(session, target)
        assert refused.value.status_code == 409
        assert InterviewSession.objects.get(pk=session.pk).status == origin


def test_a_racing_transition_is_refused(user):
    session = InterviewSession.objects.create(owner=user, resume=make_resume(user))
    stale = InterviewSession.objects.get(pk=session.pk)
    services.move(session, InterviewStatus.PARSING)
    with pytest.raises(services.InvalidTransition):
        services.move(stale, InterviewStatus.PARSING)  # it still believes it is idle


def test_scheduling_warms_up_then_goes_harder_after_a_strong_answer():
    pool = [
        scheduling.Candidate(1, "medium", "technical"),
        scheduling.Candidate(2, "easy", "technical"),
        scheduling.Candidate(3, "easy", "behavioral"),
        scheduling.Candidate(4, "hard", "technical"),
    ]

    def key(candidate: scheduling.Candidate | None) -> int | None:
        return candidate.key if candidate else None

    assert key(scheduling.first_question(pool)) == 3  # easiest, behavioral first
    rest = [c for c in pool if c.key != 3]
    assert key(scheduling.next_question(rest, last_difficulty="easy", last_score=90)) == 1
    assert key(scheduling.next_question(rest, last_difficulty="medium", last_score=90)) == 4
    assert key(scheduling.next_question(rest, last_difficulty="easy", last_score=40)) == 1
    assert scheduling.next_question([], last_difficulty="easy", last_score=None) is None


def start(client, resume, **extra):
    return client.post("/api/interviews/start", {"resume_id": resume.pk, **extra}, format="json")


def test_start_asks_the_warm_up_question(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    response = start(auth_api, resume, count=5)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "interviewing"
    assert body["planned"] == 5 and body["answered"] == 0
    assert body["current_question"]["difficulty"] == "easy"
    status = auth_api.get(f"/api/interviews/{body['id']}/status").json()
    assert status["current_question"]["id"] == body["current_question"]["id"]


def test_a_weak_answer_gets_a_follow_up_then_the_interview_moves_on(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    session = start(auth_api, resume, count=3).json()
    first = session["current_question"]
    reply = auth_api.post(
        f"/api/interviews/{session['id']}/answer", {"text": "No idea."}, format="json"
    )
    assert reply.status_code == 200, reply.content
    body = reply.json()
    assert body["evaluation"]["overall_score"] < 50
    follow_up = body["next_question"]
    assert follow_up["is_follow_up"] is True and follow_up["id"] != first["id"]
    assert body["session"]["answered"] == 1

    # A follow-up is not followed up again, whatever the answer.
    again = auth_api.post(f"/api/interviews/{session['id']}/answer", {"text": ""}, format="json")
    assert again.status_code == 200
    assert again.json()["next_question"]["is_follow_up"] is False
    assert again.json()["session"]["answered"] == 1  # follow-ups do not count


def test_finishing_and_archiving(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    session_id = start(auth_api, resume, count=3).json()["id"]
    finished = auth_api.post(f"/api/interviews/{session_id}/finish")
    assert finished.status_code == 200 and finished.json()["status"] == "reviewing"
    assert finished.json()["current_question"] is None
    assert_error(auth_api.post(f"/api/interviews/{session_id}/finish"), 409, "invalid_transition")
    late = auth_api.post(f"/api/interviews/{session_id}/answer", {"text": "late"}, format="json")
    assert_error(late, 409, "invalid_transition")
    archived = auth_api.post(f"/api/interviews/{session_id}/archive")
    assert archived.json()["status"] == "archived"
    assert_error(auth_api.post(f"/api/interviews/{session_id}/archive"), 409)


def test_answering_every_question_ends_the_interview(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    session = start(auth_api, resume, count=2).json()
    asked = 0
    body = {"next_question": session["current_question"], "session": session}
    while body["next_question"] is not None and asked < 10:
        asked += 1
        question = body["next_question"]
        text = " ".join(["A detailed answer about", question["text"]] * 3)
        body = auth_api.post(
            f"/api/interviews/{session['id']}/answer", {"text": text}, format="json"
        ).json()
    assert body["session"]["status"] == "reviewing"
    assert body["session"]["answered"] == 2
    detail = auth_api.get(f"/api/interviews/{session['id']}").json()
    assert len(detail["evaluations"]) == asked


def test_start_on_an_unread_resume_is_409_and_leaves_nothing(user, auth_api, question_bank):
    resume = make_resume(user)
    assert_error(start(auth_api, resume), 409, "resume_not_ready")
    assert not InterviewSession.objects.exists()


@pytest.mark.parametrize(
    "body", [{}, {"resume_id": "x"}, {"resume_id": 1, "count": 0}, {"resume_id": 1, "x": 1}]
)
def test_bad_start_requests_are_400(auth_api, body):
    assert_error(auth_api.post("/api/interviews/start", body, format="json"), 400)


def test_another_users_interview_is_404_everywhere(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    session_id = start(auth_api, resume, count=3).json()["id"]
    intruder = client_for(make_user())
    assert_error(start(intruder, resume), 404)
    for path in ("", "/status"):
        assert_error(intruder.get(f"/api/interviews/{session_id}{path}"), 404)
    for path in ("/answer", "/finish", "/archive"):
        assert_error(
            intruder.post(f"/api/interviews/{session_id}{path}", {"text": "hi"}, format="json"), 404
        )
    assert intruder.get("/api/interviews").json()["results"] == []
    assert InterviewSession.objects.get(pk=session_id).status == "interviewing"


def test_answer_metrics_are_exported(user, auth_api, question_bank, settings):
    from rest_framework.test import APIClient

    settings.METRICS_TOKEN = "m-token"
    resume = parsed_resume(user, GO_KUBERNETES)
    session_id = start(auth_api, resume, count=2).json()["id"]
    auth_api.post(f"/api/interviews/{session_id}/answer", {"text": "An answer."}, format="json")
    text = APIClient().get("/metrics", HTTP_AUTHORIZATION="Bearer m-token").content.decode()
    assert 'ig_interview_answers_total{mode="text"}' in text
    assert "ig_interview_analysis_seconds_count" in text


def test_an_analysis_that_takes_too_long_is_finished_in_the_background(
    user, auth_api, question_bank, settings, eager_tasks, django_capture_on_commit_callbacks
):
    from interviews.models import InterviewEvaluation

    settings.INTERVIEW_ANALYSIS_TIMEOUT = 0.001  # nothing finishes in a millisecond
    resume = parsed_resume(user, GO_KUBERNETES)
    session_id = start(auth_api, resume, count=3).json()["id"]
    with django_capture_on_commit_callbacks(execute=False) as queued:
        reply = auth_api.post(
            f"/api/interviews/{session_id}/answer", {"text": "I would add an index."}, format="json"
        )
    assert reply.status_code == 200
    body = reply.json()
    assert body["evaluation"]["analysis_status"] == "pending"
    assert body["evaluation"]["overall_score"] is None
    assert body["next_question"] is not None  # the interview goes on meanwhile
    assert len(queued) == 1

    settings.INTERVIEW_ANALYSIS_TIMEOUT = 20
    queued[0]()  # the background task, run here
    evaluation = InterviewEvaluation.objects.get()
    assert evaluation.analysis_status == "done"
    assert evaluation.overall_score is not None and evaluation.relevance_score is not None
