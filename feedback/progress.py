"""Progress over sessions: the score trend per dimension, and skills that moved most."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feedback.models import InterviewFeedback
from feedback.report import scoring

SERIES = ("overall", *scoring.DIMENSIONS)
MAX_SKILLS = 5
# A skill needs work while its latest score is below this (the improvement plan's target).
WORK_ON_BELOW = 75.0


@dataclass(frozen=True)
class SkillTrend:
    skill: str
    first: float
    last: float
    sessions: int

    @property
    def change(self) -> float:
        return round(self.last - self.first, 1)

    def as_dict(self) -> dict[str, Any]:
        return {
            "skill": self.skill,
            "first": self.first,
            "last": self.last,
            "change": self.change,
            "sessions": self.sessions,
        }


def progress(reports: Sequence[InterviewFeedback]) -> dict[str, Any]:
    """``reports`` oldest first (``services.history``)."""
    sessions = [
        {
            "feedback_id": r.pk,
            "session_id": r.session_id,
            "finished_at": r.session.finished_at,
            "scores": r.scores,
        }
        for r in reports
    ]
    trends = skill_trends(reports)
    improved = sorted(
        (t for t in trends if t.sessions > 1 and t.change > 0), key=lambda t: -t.change
    )
    weakest = sorted(
        (t for t in trends if t.last < WORK_ON_BELOW), key=lambda t: (t.last, t.skill.casefold())
    )
    return {
        "sessions": sessions,
        "most_improved_skills": [t.as_dict() for t in improved[:MAX_SKILLS]],
        "weakest_skills": [t.as_dict() for t in weakest[:MAX_SKILLS]],
        "skills_assessed": len(trends),
    }


def skill_trends(reports: Sequence[InterviewFeedback]) -> list[SkillTrend]:
    seen: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for report in reports:
        for skill in report.skill_evaluations.all():
            key = skill.skill_name.casefold()
            names.setdefault(key, skill.skill_name)
            seen.setdefault(key, []).append(skill.score)
    return [
        SkillTrend(names[key], scores[0], scores[-1], len(scores)) for key, scores in seen.items()
    ]


def series(reports: Sequence[InterviewFeedback]) -> list[tuple[str, list[float | None]]]:
    """One list of scores per dimension, aligned with ``reports`` (for the trend chart)."""
    return [(name, [r.scores[name] for r in reports]) for name in SERIES]
