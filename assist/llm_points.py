"""Suggestion points from the LLM, streamed: one bullet is shown as soon as it is written.

The template card is already on screen when this starts; the model refines it with the
question, the candidate's resume facts and the template's points as context. The model
writes one point per line (plain text, not JSON), so each finished line can be pushed
before the answer is complete.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from assist.suggest import Candidate
from interviewgenius.engines.llm import LLMClient

MAX_POINTS = 7
_BULLETS = "-*•·0123456789.) \t"

SYSTEM = (
    "You help a job candidate during a live interview. Given the interviewer's question, "
    "its type, facts from the candidate's resume and draft points, write {n} short answer "
    "points the candidate can glance at while answering: one per line, each under 20 words "
    "(Chinese: under 40 characters), no preamble, no numbering. Ground them in the resume "
    "facts (company, role, project, results); never invent employers, numbers or projects. "
    "Behavioral questions: a STAR outline. Technical: the key points to cover and where the "
    "candidate used the skill. Situational: a structured approach. Answer in {language}."
)


def messages_for(
    *,
    question: str,
    question_type: str,
    language: str,
    candidate: Candidate,
    draft: list[str],
    count: int,
) -> list[dict[str, str]]:
    facts = []
    for job in candidate.jobs[:3]:
        highlights = "; ".join(job.highlights[:3])
        facts.append(f"- {job.title} at {job.company} ({job.period}): {highlights}")
    for project in candidate.projects[:3]:
        facts.append(f"- project {project.name}: {project.description[:160]}")
    if candidate.skills:
        facts.append("- skills: " + ", ".join(candidate.skills[:15]))
    user = "\n".join(
        [
            f"Question ({question_type}): {question}",
            "Resume facts:",
            *(facts or ["- (no resume)"]),
            "Draft points:",
            *(f"- {p}" for p in draft),
        ]
    )
    system = SYSTEM.format(
        n=count, language="Simplified Chinese" if language == "zh" else "English"
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def stream_points(
    messages: list[dict[str, str]], client: LLMClient | None = None, limit: int = MAX_POINTS
) -> Iterator[list[str]]:
    """The points so far, each time one more line is complete (and once at the end)."""
    client = client or LLMClient()
    points: list[str] = []
    buffer = ""
    for piece in client.stream_text(messages):
        buffer += piece
        *lines, buffer = buffer.split("\n")
        added = False
        for line in lines:
            point = _point(line)
            if point and len(points) < limit:
                points.append(point)
                added = True
        if added:
            yield list(points)
    last = _point(buffer)
    if last and len(points) < limit:
        points.append(last)
        yield list(points)


def _point(line: str) -> str:
    return line.strip().lstrip(_BULLETS).strip()


def card_from(points: list[str], template_card: dict[str, Any]) -> dict[str, Any]:
    return {
        **template_card,
        "points": points,
        "source": "llm",
        "template_points": template_card["points"],
    }
