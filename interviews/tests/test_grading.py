"""The LLM rubric grade against a local OpenAI-compatible server (real HTTP, real SDK)."""

from __future__ import annotations

import json

import pytest

from interviews.analysis import QuestionContext, analyse_answer
from interviews.grading import combine, llm_grade, rubric_messages
from interviews.models import InterviewEvaluation
from questions.tests.factories import GO_KUBERNETES, parsed_resume
from tests.llm_server import Reply

QUESTION = QuestionContext(
    text="How would you find a goroutine leak in a Go service?",
    question_type="technical",
    language="en",
    keywords=("pprof", "goroutine profile", "context"),
    answer_points=("Uses the goroutine profile from pprof", "Cancels work with context"),
    skill="Go",
)
ANSWER = "I take a goroutine profile with pprof and look for stacks that keep growing."


def test_the_grade_is_averaged_into_accuracy_and_overall(llm):
    llm.script(
        Reply.answer(
            {"score": 90, "covered": ["pprof"], "missing": ["context"], "feedback": "Good start."}
        )
    )
    local = analyse_answer(QUESTION, ANSWER)
    before = (local.accuracy.value, local.overall)
    grade = llm_grade(QUESTION, ANSWER)
    assert grade is not None and grade.score == 90
    combined = combine(local, grade)
    assert combined.accuracy.value == pytest.approx(0.5 * before[0] + 45, abs=0.1)
    assert combined.overall == pytest.approx(0.5 * before[1] + 45, abs=0.1)
    assert any("Good start." in line for line in combined.accuracy.evidence)
    (sent,) = llm.requests
    rubric = sent["messages"][-1]["content"]
    assert "goroutine profile from pprof" in rubric and json.dumps(ANSWER) in rubric


def test_junk_from_the_model_leaves_the_local_scores(llm):
    llm.script(*[Reply(content="not json")] * 3)
    assert llm_grade(QUESTION, ANSWER) is None
    assert len(llm.requests) == 3  # retried, then given up


def test_no_model_no_call(settings):
    settings.LLM_API_KEY = ""
    assert llm_grade(QUESTION, ANSWER) is None


def test_the_rubric_asks_for_feedback_in_the_questions_language():
    zh = QuestionContext("什么是缓存穿透？", "technical", "zh", ("布隆过滤器",), ("解释缓存穿透",))
    assert "Simplified Chinese" in rubric_messages(zh, "回答")[-1]["content"]


@pytest.mark.django_db
def test_an_interview_answer_is_graded_by_the_model(user, auth_api, question_bank, llm):
    llm.script(
        Reply.answer({"score": 100, "covered": [], "missing": [], "feedback": "Excellent."}),
    )
    resume = parsed_resume(user, GO_KUBERNETES)
    session_id = auth_api.post(
        "/api/interviews/start", {"resume_id": resume.pk, "count": 2}, format="json"
    ).json()["id"]
    reply = auth_api.post(f"/api/interviews/{session_id}/answer", {"text": ANSWER}, format="json")
    assert reply.status_code == 200
    evaluation = InterviewEvaluation.objects.get()
    assert any("Excellent." in line for line in evaluation.evidence["accuracy"])
    assert len(llm.requests) == 1
