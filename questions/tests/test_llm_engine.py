"""The LLM engine against a local OpenAI-compatible server: real HTTP, the real SDK."""

from __future__ import annotations

import logging

import pytest

from questions.models import GenerationLog, Question
from questions.tests.factories import GO_KUBERNETES, parsed_resume, technical_medium_config
from tests.llm_server import Reply

pytestmark = pytest.mark.django_db

GOOD_QUESTIONS = {
    "questions": [
        {
            "text": "How do Go's goroutines get scheduled onto OS threads?",
            "question_type": "technical",
            "difficulty": "medium",
            "skill": "Go",
            "skill_category": "programming_language",
            "keywords": ["GMP", "scheduler", "preemption"],
            "answer_points": ["Explains G, M and P", "Work stealing", "Blocking syscalls"],
        },
        {
            "text": "How would you roll out a breaking change to a Kubernetes operator?",
            "question_type": "technical",
            "difficulty": "medium",
            "skill": "Kubernetes",
            "skill_category": "cloud_devops",
            "keywords": ["CRD versioning", "conversion webhook"],
            "answer_points": ["Versions the CRD", "Conversion webhook", "Canary rollout"],
        },
        {
            "text": "What trade-offs did you weigh when choosing PostgreSQL isolation levels?",
            "question_type": "technical",
            "difficulty": "medium",
            "skill": "PostgreSQL",
            "skill_category": "database",
            "keywords": ["read committed", "serializable", "retries"],
            "answer_points": ["Knows the anomalies", "Retries serialization failures"],
        },
    ]
}


@pytest.fixture
def setup(user, auth_api, question_bank, eager_tasks):
    resume = parsed_resume(user, GO_KUBERNETES)
    config = technical_medium_config(user)
    return auth_api, resume, config


def generate(client, resume, config, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/questions/generate",
            {"resume_id": resume.pk, "config_id": config.pk},
            format="json",
        )
    assert response.status_code == 202, response.content
    queued = response.json()["generation"]
    assert queued["status"] == "pending" and queued["engine_requested"] == "llm"
    # The queued (here: eagerly run) task has finished; the client polls the generation.
    polled = client.get(f"/api/questions/generations/{queued['id']}")
    assert polled.status_code == 200
    return polled.json(), GenerationLog.objects.get(pk=queued["id"])


def test_a_good_answer_is_used_as_is(setup, llm, django_capture_on_commit_callbacks):
    client, resume, config = setup
    llm.script(Reply.answer(GOOD_QUESTIONS))
    body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    assert body["generation"]["status"] == "completed"
    assert body["generation"]["engine_used"] == "llm"
    assert body["generation"]["fallback_reason"] == ""
    assert [q["text"] for q in body["questions"]] == [
        q["text"] for q in GOOD_QUESTIONS["questions"]
    ]
    assert {q["source"] for q in body["questions"]} == {"llm"}
    assert body["questions"][0]["answer_points"][0] == "Explains G, M and P"
    assert (log.engine_used, log.attempts, log.success_count, log.failure_count) == ("llm", 1, 3, 0)

    (sent,) = llm.requests
    assert sent["_path"] == "/v1/chat/completions"
    assert sent["_authorization"] == "Bearer sk-test"
    assert sent["model"] == "test-model" and sent["temperature"] == 0.7
    assert sent["response_format"] == {"type": "json_object"}
    prompt = sent["messages"][-1]["content"]
    assert "Go" in prompt and "Kubernetes" in prompt
    assert '"question_type": "technical", "difficulty": "medium", "count": 3' in prompt


def test_malformed_json_is_retried_then_the_bank_answers(
    setup, llm, django_capture_on_commit_callbacks, caplog
):
    client, resume, config = setup
    llm.script(*[Reply(content="Sure! Here are your questions: {oops")] * 3)
    with caplog.at_level(logging.WARNING):
        body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    generation = body["generation"]
    assert (generation["engine_used"], generation["fallback_reason"]) == (
        "template",
        "invalid_json",
    )
    assert len(body["questions"]) == 3
    assert {q["source"] for q in body["questions"]} == {"template"}
    assert {(q["question_type"], q["difficulty"]) for q in body["questions"]} == {
        ("technical", "medium")
    }
    assert len(llm.requests) == 3
    assert (log.attempts, log.fallback_reason) == (3, "invalid_json")
    assert "not JSON" in log.error_message
    assert any(getattr(r, "reason", None) == "invalid_json" for r in caplog.records), (
        "the fallback is logged with its reason"
    )


def test_an_answer_that_breaks_the_schema_falls_back(
    setup, llm, django_capture_on_commit_callbacks
):
    client, resume, config = setup
    broken = {"questions": [{"text": "What is Go?", "question_type": "technical"}]}  # no difficulty
    llm.script(*[Reply.answer(broken)] * 3)
    body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    assert body["generation"]["fallback_reason"] == "schema_violation"
    assert body["generation"]["engine_used"] == "template"
    assert len(body["questions"]) == 3
    assert "difficulty" in log.error_message
    assert Question.objects.filter(generation=log, source="template").count() == 3


def test_a_rate_limit_is_waited_out(setup, llm, django_capture_on_commit_callbacks):
    client, resume, config = setup
    llm.script(Reply.error(429, "slow down", **{"Retry-After": "0"}), Reply.answer(GOOD_QUESTIONS))
    body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    assert body["generation"]["engine_used"] == "llm"
    assert body["generation"]["fallback_reason"] == ""
    assert body["generation"]["attempts"] == 2
    assert len(llm.requests) == 2 and log.attempts == 2


def test_a_model_that_never_answers_in_time_falls_back(
    setup, llm, settings, django_capture_on_commit_callbacks
):
    settings.LLM_TIMEOUT = 0.3
    settings.LLM_MAX_ATTEMPTS = 2
    client, resume, config = setup
    llm.script(Reply(content="{}", delay=1.0), Reply(content="{}", delay=1.0))
    body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    assert (body["generation"]["engine_used"], body["generation"]["fallback_reason"]) == (
        "template",
        "timeout",
    )
    assert len(body["questions"]) == 3
    assert log.attempts == 2 and "in time" in log.error_message


def test_a_refused_key_is_not_retried(setup, llm, django_capture_on_commit_callbacks):
    client, resume, config = setup
    llm.script(Reply.error(401, "bad key"), Reply.answer(GOOD_QUESTIONS))
    body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    assert body["generation"]["fallback_reason"] == "auth_error"
    assert len(llm.requests) == 1 and log.attempts == 1


def test_a_short_answer_is_topped_up_from_the_bank(setup, llm, django_capture_on_commit_callbacks):
    client, resume, config = setup
    short = {"questions": GOOD_QUESTIONS["questions"][:2]}
    llm.script(Reply.answer(short))
    body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    sources = [q["source"] for q in body["questions"]]
    assert sorted(sources) == ["llm", "llm", "template"]
    assert body["generation"]["engine_used"] == "llm"
    assert "llm_short_filled_from_templates" in body["generation"]["warnings"]
    assert log.success_count == 3


def test_template_engine_can_be_asked_for_even_with_an_llm(setup, llm):
    client, resume, config = setup
    response = client.post(
        "/api/questions/generate",
        {"resume_id": resume.pk, "config_id": config.pk, "engine": "template"},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["generation"]["engine_used"] == "template"
    assert llm.requests == []


def test_an_answer_entirely_off_the_requested_mix_falls_back(
    setup, llm, django_capture_on_commit_callbacks
):
    client, resume, config = setup
    off = {"questions": [{**q, "difficulty": "easy"} for q in GOOD_QUESTIONS["questions"]]}
    llm.script(Reply.answer(off))
    body, log = generate(client, resume, config, django_capture_on_commit_callbacks)

    assert body["generation"]["engine_used"] == "template"
    assert body["generation"]["fallback_reason"] == "off_plan"
    assert {q["source"] for q in body["questions"]} == {"template"}
    assert len(body["questions"]) == 3 and log.fallback_reason == "off_plan"
