from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from accounts.tests.factories import make_user
from assist import services
from assist.models import AssistLog, AssistSession, AssistStatus
from questions.tests.factories import GO_KUBERNETES, parsed_resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def start_form(**values) -> dict:
    """A valid start form, with ``values`` changed."""
    return {
        "resume_id": "",
        "language": "en",
        "length": "medium",
        "style": "concise",
        "question_types": ["technical"],
        **values,
    }


def console_config(body: str) -> dict:
    found = re.search(r'<script id="assist-config" type="application/json">(.*?)</script>', body)
    assert found, "the console embeds its configuration"
    return json.loads(found.group(1))


def test_the_list_shows_an_empty_state_and_the_start_form(signed_in):
    response = signed_in.get(reverse("assist:list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="start-form"' in body
    assert 'data-testid="no-sessions"' in body
    assert 'name="question_types" value="behavioral" checked' in body


def test_start_with_a_resume_and_settings_opens_the_console(signed_in, user):
    resume = parsed_resume(user, GO_KUBERNETES)
    listing = signed_in.get(reverse("assist:list")).content.decode()
    assert f'<option value="{resume.pk}"' in listing

    started = signed_in.post(
        reverse("assist:start"),
        {
            "resume_id": str(resume.pk),
            "language": "zh",
            "length": "short",
            "style": "detailed",
            "question_types": ["technical", "behavioral"],
        },
    )
    session = AssistSession.objects.get()
    assert started.status_code == 302
    assert started["Location"] == reverse("assist:console", args=[session.pk])
    assert session.owner == user and session.resume == resume
    assert session.settings["language"] == "zh"
    assert session.settings["length"] == "short"
    assert session.settings["style"] == "detailed"
    assert session.settings["question_types"] == ["technical", "behavioral"]

    console = signed_in.get(started["Location"])
    body = console.content.decode()
    assert console.status_code == 200
    assert 'data-testid="console"' in body and 'data-testid="typed-form"' in body
    config = console_config(body)
    assert config["sessionId"] == session.pk
    assert config["audioPath"] == f"/ws/interview/assist/{session.pk}"
    assert config["controlPath"] == f"/ws/interview/assist/{session.pk}/control"
    assert config["status"] == "active" and config["language"] == "zh"
    assert config["labels"]["questionTypes"]["behavioral"] == "behavioral"

    listing = signed_in.get(reverse("assist:list")).content.decode()
    assert listing.count('data-testid="assist-row"') == 1
    assert reverse("assist:console", args=[session.pk]) in listing


def test_start_without_a_resume_uses_generic_points(signed_in, user):
    started = signed_in.post(
        reverse("assist:start"),
        start_form(question_types=["situational"]),
    )
    assert started.status_code == 302
    session = AssistSession.objects.get()
    assert session.resume is None
    assert session.settings["question_types"] == ["situational"]


@pytest.mark.parametrize(
    "resume_id", ["abc", "1; DROP TABLE x", "-4", "99999", "1" * 30, "1.5", "\u0661"]
)
def test_a_bad_resume_id_is_shown_as_an_error_not_a_500(signed_in, resume_id):
    response = signed_in.post(
        reverse("assist:start"),
        start_form(resume_id=resume_id),
    )
    assert response.status_code == 400
    assert 'data-testid="resume-error"' in response.content.decode()
    assert not AssistSession.objects.exists()


def test_another_users_resume_cannot_be_used(signed_in):
    theirs = parsed_resume(make_user(), GO_KUBERNETES)
    response = signed_in.post(
        reverse("assist:start"),
        start_form(resume_id=str(theirs.pk)),
    )
    assert response.status_code == 400
    assert "No resume with this id." in response.content.decode()
    assert not AssistSession.objects.exists()


@pytest.mark.parametrize(
    "form",
    [
        {"language": "fr", "length": "medium", "style": "concise", "question_types": ["technical"]},
        {"language": "en", "length": "huge", "style": "concise", "question_types": ["technical"]},
        {"language": "en", "length": "medium", "style": "concise"},
        {"language": "en", "length": "medium", "style": "concise", "question_types": ["gossip"]},
        {},
    ],
)
def test_a_mangled_start_form_is_redisplayed_with_errors(signed_in, form):
    response = signed_in.post(reverse("assist:start"), form)
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert not AssistSession.objects.exists()


def test_the_start_url_sends_a_get_back_to_the_list(signed_in):
    # After a refused form, the language switch reloads /assist/start with a GET.
    assert signed_in.get(reverse("assist:start"))["Location"] == reverse("assist:list")


def test_no_question_type_says_so(signed_in):
    response = signed_in.post(
        reverse("assist:start"), {"language": "en", "length": "medium", "style": "concise"}
    )
    assert "Choose at least one question type." in response.content.decode()


def test_the_pages_need_a_login(client, user):
    session = services.start_session(user=user)
    for url in (
        reverse("assist:list"),
        reverse("assist:console", args=[session.pk]),
        reverse("assist:report", args=[session.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login" in response["Location"]
    response = client.post(reverse("assist:start"), {"language": "en"})
    assert response.status_code == 302 and "/accounts/login" in response["Location"]
    assert client.post(reverse("assist:end", args=[session.pk])).status_code == 302
    session.refresh_from_db()
    assert session.status == AssistStatus.ACTIVE


def test_another_users_session_is_a_404_on_every_page(client, user):
    session = services.start_session(user=user)
    client.force_login(make_user())
    assert client.get(reverse("assist:console", args=[session.pk])).status_code == 404
    assert client.get(reverse("assist:report", args=[session.pk])).status_code == 404
    assert client.post(reverse("assist:end", args=[session.pk])).status_code == 404
    listing = client.get(reverse("assist:list")).content.decode()
    assert reverse("assist:console", args=[session.pk]) not in listing
    session.refresh_from_db()
    assert session.status == AssistStatus.ACTIVE


def test_ending_without_javascript(signed_in, user):
    session = services.start_session(user=user)
    response = signed_in.post(reverse("assist:end", args=[session.pk]))
    assert response["Location"] == reverse("assist:console", args=[session.pk])
    session.refresh_from_db()
    assert session.status == AssistStatus.ENDED and session.ended_at is not None
    body = signed_in.get(response["Location"]).content.decode()
    assert 'data-testid="ended-note"' in body
    assert console_config(body)["status"] == "ended"


def test_the_list_shows_status_and_questions_detected(signed_in, user):
    session = services.start_session(user=user)
    AssistSession.objects.filter(pk=session.pk).update(questions_detected=4)
    services.set_status(session=session, status=AssistStatus.PAUSED)
    body = signed_in.get(reverse("assist:list")).content.decode()
    assert 'class="badge badge--paused"' in body
    assert "<td>4</td>" in body


def test_the_list_page_query_count_does_not_grow_with_sessions(
    signed_in, user, django_assert_max_num_queries
):
    resume = parsed_resume(user, GO_KUBERNETES)
    for _ in range(5):
        services.start_session(user=user, resume_id=resume.pk)
    with django_assert_max_num_queries(8):
        signed_in.get(reverse("assist:list"))


def test_the_pages_are_in_chinese(signed_in, user):
    session = services.start_session(user=user)
    user.language = "zh-hans"
    user.save(update_fields=["language"])
    listing = signed_in.get(reverse("assist:list")).content.decode()
    assert "开始实时辅助" in listing
    console = signed_in.get(reverse("assist:console", args=[session.pk])).content.decode()
    assert console_config(console)["labels"]["startListening"] == "开始收听"


def test_the_report_page_lists_questions_used_cards_and_topics(signed_in, user):
    session = services.start_session(user=user)
    asked = [
        ("s1", "tell me about a time you disagreed with a teammate", "behavioral", "conflict"),
        ("s2", "how would you scale a kubernetes deployment", "technical", ""),
    ]
    for segment, text, kind, competency in asked:
        AssistLog.objects.create(
            session=session,
            segment_id=segment,
            transcript=text,
            is_question=True,
            question_type=kind,
            competency=competency,
            suggestions={
                "title": "Points",
                "skills": ["Kubernetes"] if kind == "technical" else [],
            },
        )
    AssistLog.objects.create(session=session, segment_id="s3", transcript="thanks a lot")
    services.mark_used(session=session, segment_id="s1", used=True)

    body = signed_in.get(reverse("assist:report", args=[session.pk])).content.decode()
    assert '<dd data-testid="questions-faced">2</dd>' in body
    assert '<dd data-testid="suggestions-used">1</dd>' in body
    assert body.count('data-testid="report-question"') == 2 and "thanks a lot" not in body
    topics = body[body.index('data-testid="topics"') :]
    # The topic faced without help comes before the one the used card covered.
    assert topics.index("Kubernetes") < topics.index("handling conflict")


def test_an_empty_report_says_so(signed_in, user):
    session = services.start_session(user=user)
    body = signed_in.get(reverse("assist:report", args=[session.pk])).content.decode()
    assert "No interviewer question was detected" in body
    assert "Nothing to prepare from this session yet." in body
