from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.tests.factories import make_user
from interviews.models import InterviewSession
from questions.tests.factories import GO_KUBERNETES, parsed_resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def test_start_answer_and_finish_without_javascript(signed_in, user, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    listing = signed_in.get(reverse("interviews:list")).content.decode()
    assert 'data-testid="start-form"' in listing

    started = signed_in.post(reverse("interviews:start"), {"resume_id": resume.pk, "count": "2"})
    session = InterviewSession.objects.get()
    assert started["Location"] == reverse("interviews:room", args=[session.pk])
    room = signed_in.get(started["Location"]).content.decode()
    assert session.current_item is not None
    assert session.current_item.text in room.replace("&#x27;", "'").replace("&quot;", '"')

    signed_in.post(started["Location"], {"action": "answer", "text": "I do not know."})
    room = signed_in.get(started["Location"]).content.decode()
    assert room.count('data-testid="evaluation"') == 1
    assert "follow-up" in room

    signed_in.post(started["Location"], {"action": "finish"})
    room = signed_in.get(started["Location"]).content.decode()
    assert 'data-testid="finished"' in room and 'data-testid="room"' not in room


def test_the_list_explains_what_to_do_without_a_resume(signed_in):
    body = signed_in.get(reverse("interviews:list")).content.decode()
    assert 'data-testid="no-resume"' in body


def test_another_users_room_is_404(client, user, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    client.force_login(user)
    client.post(reverse("interviews:start"), {"resume_id": resume.pk, "count": "2"})
    session = InterviewSession.objects.get()
    client.force_login(make_user())
    assert client.get(reverse("interviews:room", args=[session.pk])).status_code == 404
    start = client.post(reverse("interviews:start"), {"resume_id": resume.pk})
    assert start.status_code == 404


@pytest.mark.parametrize(
    "form",
    [
        {"resume_id": "abc"},
        {"resume_id": "1; DROP TABLE x", "count": "many"},
        {"resume_id": "", "config_id": "x"},
        {},
    ],
)
def test_a_mangled_start_form_is_a_404_not_a_500(signed_in, form):
    assert signed_in.post(reverse("interviews:start"), form).status_code == 404


def test_odd_counts_and_configs_in_the_start_form_are_ignored(signed_in, user, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    response = signed_in.post(
        reverse("interviews:start"), {"resume_id": resume.pk, "count": "ten", "config_id": "x"}
    )
    assert response.status_code == 302
    assert InterviewSession.objects.get().planned == 10
