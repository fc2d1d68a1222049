from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import make_user
from questions.models import GenerationConfig, GenerationLog
from questions.tests.factories import GO_KUBERNETES, ZH_JAVA, parsed_resume
from resumes.tests.factories import make_resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def page(resume) -> str:
    return reverse("questions:page", args=[resume.pk])


def test_generate_then_browse_and_filter(signed_in, user, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    empty = signed_in.get(page(resume))
    assert 'data-testid="no-questions"' in empty.content.decode()

    response = signed_in.post(page(resume), {"action": "generate", "count": "8"})
    assert response.status_code == 302
    generation = GenerationLog.objects.get()
    assert f"generation={generation.pk}" in response["Location"]

    shown = signed_in.get(response["Location"]).content.decode()
    assert shown.count('class="question card"') == 8
    assert "What a strong answer covers" in shown
    assert 'data-testid="engine-note"' in shown

    hard = signed_in.get(page(resume), {"generation": generation.pk, "difficulty": "hard"})
    hard_count = hard.content.decode().count('class="question card"')
    assert hard_count == generation.questions.filter(difficulty="hard").count()


def test_saving_a_config_and_generating_with_it(signed_in, user, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    response = signed_in.post(
        page(resume),
        {
            "action": "save_config",
            "name": "Hard technical",
            "count": "5",
            "difficulty_easy": "0",
            "difficulty_medium": "0",
            "difficulty_hard": "100",
            "type_technical": "100",
            "type_behavioral": "0",
            "type_situational": "0",
            "exclude_skills": "Redis",
            "focus_latest_role": "on",
        },
    )
    assert response.status_code == 302
    config = GenerationConfig.objects.get(owner=user)
    assert config.difficulty_distribution == {"easy": 0.0, "medium": 0.0, "hard": 1.0}
    assert config.custom_rules["exclude_skills"] == ["Redis"]

    signed_in.post(page(resume), {"action": "generate", "use_config": str(config.pk)})
    generation = GenerationLog.objects.get()
    assert generation.config == config
    assert {(q.question_type, q.difficulty) for q in generation.questions.all()} == {
        ("technical", "hard")
    }
    assert generation.questions.count() == 5


def test_a_bad_config_is_shown_back_with_its_errors(signed_in, user):
    resume = parsed_resume(user, GO_KUBERNETES)
    response = signed_in.post(
        page(resume),
        {
            "action": "save_config",
            "name": "Broken",
            "difficulty_easy": "50",
            "difficulty_medium": "20",
            "difficulty_hard": "10",
            "type_technical": "100",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'data-testid="config-errors"' in body and "add up to 1" in body
    assert 'value="Broken"' in body  # what was typed is kept
    assert not GenerationConfig.objects.exists()


def test_unready_resume_shows_an_empty_state(signed_in, user):
    resume = make_resume(user)
    body = signed_in.get(page(resume)).content.decode()
    assert 'data-testid="not-ready"' in body and "generate-form" not in body


def test_another_users_page_is_404(client, user, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    client.force_login(make_user())
    assert client.get(page(resume)).status_code == 404
    assert client.post(page(resume), {"action": "generate"}).status_code == 404


def test_the_page_speaks_chinese(signed_in, user, question_bank):
    user.language = "zh-hans"
    user.save()
    resume = parsed_resume(user, ZH_JAVA)
    signed_in.post(page(resume), {"action": "generate"})
    with translation.override("zh-hans"):
        body = signed_in.get(page(resume), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "练习题" in body or "面试题" in body
    assert "优秀回答" in body
