"""Finished mock interviews with real, locally analysed answers, for the report tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from interviews import services as interviews
from interviews.models import InterviewItem, InterviewSession, InterviewStatus
from questions.tests.factories import GO_KUBERNETES, parsed_resume

Answerer = Callable[[InterviewItem], str]
MAX_TURNS = 20  # follow-ups included


def strong_answer(item: InterviewItem) -> str:
    """The question's own expected points said as a confident, structured answer."""
    points = ". ".join(str(p).rstrip(".") for p in item.answer_points)
    terms = ", ".join(str(k) for k in item.keywords[:4])
    if item.question_type == "behavioral":
        return (
            "At my last company our release pipeline kept failing before launches. "
            "My task was to make releases reliable within one quarter. "
            f"I led the work and I decided the plan: {points}. "
            f"I worked with the team and aligned with the product stakeholders, using {terms}. "
            "As a result failed releases dropped by 60 percent in two months. "
            "I learned to measure first and to share the plan early."
        )
    return (
        f"I would answer this directly. {points}. "
        f"In practice I have used {terms} in production for three years. "
        "For example, I cut p95 latency by 40 percent by applying exactly this, "
        "because measuring first showed where the time went."
    )


def weak_answer(item: InterviewItem) -> str:
    return "Hmm, I am not sure, maybe it depends. I guess we kind of did something like that."


def finished_interview(
    user: Any, answer: Answerer = strong_answer, *, count: int = 4, resume: Any = None
) -> InterviewSession:
    """An interview answered to the end with ``answer`` (needs the question bank)."""
    # One resume per user: the same file uploaded twice is the same resume.
    resume = resume or user.resumes.filter(parse_result__isnull=False).first()
    resume = resume or parsed_resume(user, GO_KUBERNETES)
    session = interviews.start_interview(user=user, resume=resume, count=count, language="en")
    for _turn in range(MAX_TURNS):
        session.refresh_from_db()
        if session.status != InterviewStatus.INTERVIEWING or session.current_item is None:
            break
        interviews.submit_answer(session=session, text=answer(session.current_item))
    session.refresh_from_db()
    if session.status == InterviewStatus.INTERVIEWING:
        interviews.finish_interview(session=session)
    return session
