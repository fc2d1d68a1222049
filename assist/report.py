"""The light report of a live-assist session: what was asked, what helped, what to prepare.

Live assist has no answers to score (the interview was real, and the candidate's side is
theirs), so its report is about the questions: how many of each type, which suggestions
the candidate marked as used, and the topics worth preparing before the next interview:
the competencies and skills that came up, the ones the suggestions did not help with first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assist.detection import QUESTION_TYPES
from assist.models import AssistLog, AssistSession

MAX_TOPICS = 6


@dataclass
class Topic:
    key: str  # a competency ("conflict") or a skill ("Kubernetes")
    kind: str  # competency | skill | type
    questions: list[str] = field(default_factory=list)
    used: int = 0  # questions on it whose suggestion the candidate used

    @property
    def unaided(self) -> int:
        return len(self.questions) - self.used

    def as_dict(self) -> dict[str, Any]:
        return {
            "topic": self.key,
            "kind": self.kind,
            "questions": self.questions,
            "asked": len(self.questions),
            "suggestions_used": self.used,
        }


def session_report(session: AssistSession) -> dict[str, Any]:
    questions = list(
        AssistLog.objects.filter(session=session, is_question=True).order_by("created_at", "id")
    )
    by_type = Counter(q.question_type or "unknown" for q in questions)
    return {
        "session_id": session.pk,
        "status": session.status,
        "started_at": session.created_at,
        "ended_at": session.ended_at,
        "questions_faced": len(questions),
        "by_type": {t: by_type.get(t, 0) for t in QUESTION_TYPES},
        "suggestions_used": sum(1 for q in questions if q.suggestion_used),
        "questions": [
            {
                "segment_id": q.segment_id,
                "text": q.transcript,
                "question_type": q.question_type,
                "competency": q.competency,
                "suggestion_title": str((q.suggestions or {}).get("title", "")),
                "suggestion_used": q.suggestion_used,
                "asked_at": q.created_at,
            }
            for q in questions
        ],
        "topics_to_prepare": [t.as_dict() for t in topics(questions)],
    }


def topics(questions: Sequence[AssistLog]) -> list[Topic]:
    """Topics that came up, those the suggestions helped least with first, then the most asked."""
    found: dict[str, Topic] = {}
    for question in questions:
        keys = _topics_of(question)
        for key, kind in keys:
            topic = found.setdefault(key.casefold(), Topic(key, kind))
            topic.questions.append(question.transcript)
            topic.used += int(question.suggestion_used)
    ranked = sorted(found.values(), key=lambda t: (-t.unaided, -len(t.questions), t.key))
    return ranked[:MAX_TOPICS]


def _topics_of(question: AssistLog) -> list[tuple[str, str]]:
    card = question.suggestions or {}
    skills = [str(s) for s in card.get("skills") or [] if str(s).strip()]
    keys = [(s, "skill") for s in skills[:2]]
    if question.competency:
        keys.append((question.competency, "competency"))
    if not keys:
        keys.append((question.question_type or "technical", "type"))
    return keys
