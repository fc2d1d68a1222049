"""The report's narrative from a local OpenAI-compatible server: good, junk, too slow."""

from __future__ import annotations

import json

import pytest

from feedback import metrics, services
from feedback.models import FeedbackStatus, InterviewFeedback
from feedback.tests.factories import finished_interview
from tests.llm_server import Reply

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("question_bank", "eager_tasks")]


@pytest.fixture
def session(user, settings):
    settings.LLM_API_KEY = ""  # the answers are analysed locally; only the report asks the LLM
    return finished_interview(user)


def generate(session, llm, settings) -> InterviewFeedback:
    settings.LLM_API_KEY = "sk-test"
    feedback, _queued = services.request_report(session=session)
    assert services.claim(feedback.pk, feedback.attempt)
    services.generate(feedback.pk, feedback.attempt)
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.COMPLETED
    return feedback


def test_the_llm_writes_the_narrative_and_moves_scores_within_bounds(session, llm, settings):
    first = session.items.order_by("position").first()
    llm.script(
        Reply.answer(
            {
                "summary": "A solid interview: clear technical answers, thin on results.",
                "questions": [
                    {
                        "position": first.position,
                        "suggestions": ["Quantify the latency win you mentioned."],
                        "model_answer": ["Start from the incident", "Name the metric"],
                    },
                    {"position": 999, "suggestions": ["ignored: no such question"]},
                ],
                "adjustments": {"technical": 25, "confidence": -3},
            }
        )
    )
    local = InterviewFeedback(session=session)
    feedback = generate(session, llm, settings)

    assert feedback.engine == "llm" and feedback.llm_error == ""
    assert feedback.summary.startswith("A solid interview")
    question = feedback.question_feedback.get(position=first.position)
    assert question.improvement_suggestions == ["Quantify the latency win you mentioned."]
    assert question.model_answer == ["Start from the incident", "Name the metric"]
    technical = feedback.derivation["technical"]
    assert technical["adjustment"] == 10.0  # asked for +25, bounded to +10
    assert feedback.derivation["confidence"]["adjustment"] == -3.0
    assert feedback.technical_score is not None and local.technical_score is None
    # The prompt carried the computed scores and the answers' evidence.
    prompt = llm.requests[0]["messages"][1]["content"]
    facts = json.loads(prompt.split("Interview facts (JSON): ", 1)[1].split("\n", 1)[0])
    assert set(facts["scores"]) >= {"overall", "technical"} and facts["questions"][0]["answer"]


def test_a_malformed_answer_falls_back_to_the_local_report(session, llm, settings):
    before = metrics.LLM_FALLBACKS.labels("invalid_json")._value.get()
    llm.script(*[Reply(content="Here is your report: {oops")] * 3)
    feedback = generate(session, llm, settings)

    assert feedback.engine == "local" and feedback.llm_error.startswith("invalid_json")
    assert feedback.summary.startswith("You answered")
    assert all(d["adjustment"] == 0.0 for d in feedback.derivation.values())
    assert metrics.LLM_FALLBACKS.labels("invalid_json")._value.get() == before + 1
    assert len(llm.requests) == 3  # retried, then gave up


def test_an_answer_breaking_the_contract_falls_back(session, llm, settings):
    llm.script(*[Reply.answer({"summary": "", "questions": "not a list"})] * 3)
    feedback = generate(session, llm, settings)
    assert feedback.engine == "local" and feedback.llm_error.startswith("schema_violation")


def test_a_hanging_llm_falls_back_within_the_timeout(session, llm, settings):
    settings.LLM_TIMEOUT = 0.3
    settings.LLM_MAX_ATTEMPTS = 2
    llm.script(Reply(content="{}", delay=2.0), Reply(content="{}", delay=2.0))
    feedback = generate(session, llm, settings)
    assert feedback.engine == "local" and feedback.llm_error.startswith("timeout")
    assert feedback.question_feedback.exists()
