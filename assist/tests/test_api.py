"""REST: start, list/detail, history, settings, end; another user's session is a 404."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.tests.factories import make_user
from assist import services
from assist.models import AssistSession
from interviews import services as interview_services
from questions.tests.factories import GO_KUBERNETES, ZH_JAVA, load_bank, parsed_resume

pytestmark = pytest.mark.django_db


def test_start_on_a_resume_gives_the_socket_urls_and_default_settings(user, auth_api):
    resume = parsed_resume(user, GO_KUBERNETES)
    response = auth_api.post("/api/interview/assist/start", {"resume_id": resume.pk}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "active" and body["resume"] == resume.pk
    assert body["websocket_url"] == f"/ws/interview/assist/{body['session_id']}"
    assert body["control_url"].endswith("/control")
    assert body["settings"]["question_types"] == ["technical", "behavioral", "situational"]
    assert body["settings"]["length"] == "medium"


def test_start_from_a_mock_interview_takes_its_resume_and_language(user, auth_api):
    load_bank()
    resume = parsed_resume(user, ZH_JAVA)
    interview = interview_services.start_interview(user=user, resume=resume, count=2, language="zh")
    response = auth_api.post(
        "/api/interview/assist/start", {"interview_session_id": interview.pk}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["interview"] == interview.pk and body["resume"] == resume.pk
    assert body["settings"]["language"] == "zh"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"settings": {"language": "fr"}}, "language"),
        ({"settings": {"length": "endless"}}, "length"),
        ({"settings": {"question_types": []}}, "question_types"),
        ({"settings": {"question_types": ["riddles"]}}, "question_types"),
        ({"settings": {"silence_ms": 50}}, "silence_ms"),
        ({"settings": {"volume": 11}}, "volume"),
        ({"resume_id": "one"}, "resume_id"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_starts_are_400_naming_the_field(auth_api, payload: dict[str, Any], field: str):
    response = auth_api.post("/api/interview/assist/start", payload, format="json")
    assert response.status_code == 400
    assert field in str(response.json()["error"]["details"])


def test_someone_elses_resume_or_interview_is_404(auth_api):
    other = make_user()
    resume = parsed_resume(other, GO_KUBERNETES)
    for payload in ({"resume_id": resume.pk}, {"interview_session_id": 999_999}):
        response = auth_api.post("/api/interview/assist/start", payload, format="json")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_history_lists_what_was_heard_in_order_with_filters(user, auth_api):
    session = services.start_session(user=user)
    for index, (channel, question) in enumerate(
        [("interviewer", True), ("candidate", False), ("interviewer", False)]
    ):
        services.record(
            session_id=session.pk,
            segment_id=f"seg-{index}",
            channel=channel,
            transcript=f"utterance {index}",
            timings={"total": 100.0 + index},
        )
        if question:
            session.logs.filter(segment_id=f"seg-{index}").update(is_question=True)
    body = auth_api.get(f"/api/interview/assist/{session.pk}/history").json()
    assert body["count"] == 3
    assert [row["transcript"] for row in body["results"]] == [
        "utterance 0",
        "utterance 1",
        "utterance 2",
    ]
    assert body["results"][0]["processing_ms"] == 100.0
    only = auth_api.get(f"/api/interview/assist/{session.pk}/history?channel=candidate").json()
    assert [row["segment_id"] for row in only["results"]] == ["seg-1"]
    questions = auth_api.get(f"/api/interview/assist/{session.pk}/history?questions=1").json()
    assert [row["segment_id"] for row in questions["results"]] == ["seg-0"]


def test_recording_the_same_segment_twice_keeps_one_row(user):
    session = services.start_session(user=user)
    for _ in range(2):
        services.record(
            session_id=session.pk, segment_id="same", channel="interviewer", transcript="x"
        )
    assert session.logs.count() == 1


def test_settings_update_is_partial_and_validated_and_refused_after_the_end(user, auth_api):
    session = services.start_session(user=user)
    url = f"/api/interview/assist/{session.pk}/settings"
    response = auth_api.put(
        url, {"length": "short", "question_types": ["behavioral"]}, format="json"
    )
    assert response.status_code == 200, response.content
    settings = response.json()["settings"]
    assert settings["length"] == "short" and settings["question_types"] == ["behavioral"]
    assert settings["language"] == "en"  # untouched
    assert auth_api.put(url, {"style": "poetic"}, format="json").status_code == 400
    assert auth_api.post(f"/api/interview/assist/{session.pk}/end").json()["status"] == "ended"
    refused = auth_api.put(url, {"length": "long"}, format="json")
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "conflict"


def test_list_and_detail_are_the_users_own_and_everything_else_is_404(user, auth_api):
    mine = services.start_session(user=user)
    theirs = services.start_session(user=make_user())
    listed = auth_api.get("/api/interview/assist").json()
    assert [row["id"] for row in listed["results"]] == [mine.pk]
    assert auth_api.get(f"/api/interview/assist/{mine.pk}").status_code == 200
    for method, path in [
        ("get", f"/api/interview/assist/{theirs.pk}"),
        ("get", f"/api/interview/assist/{theirs.pk}/history"),
        ("put", f"/api/interview/assist/{theirs.pk}/settings"),
        ("post", f"/api/interview/assist/{theirs.pk}/end"),
    ]:
        response = getattr(auth_api, method)(path, {}, format="json")
        assert response.status_code == 404, (method, path)
    assert AssistSession.objects.get(pk=theirs.pk).status == "active"


def test_anonymous_requests_are_401(api):
    assert api.post("/api/interview/assist/start", {}, format="json").status_code == 401
