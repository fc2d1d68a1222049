"""What the generation engines take and give: plain data, no ORM."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUESTION_TYPES = ("technical", "behavioral", "situational")
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class TemplateSpec:
    """A bank template detached from the database, cached per process."""

    id: int | None
    key: str
    language: str
    question_type: str
    difficulty: str
    skill: str
    skill_category: str
    competency: str
    text: str
    keywords: tuple[str, ...]
    answer_points: tuple[str, ...]

    @classmethod
    def from_record(cls, record: dict[str, Any], id: int | None = None) -> TemplateSpec:
        """From the bank's exchange format (``questions.bank``)."""
        return cls(
            id=id,
            key=record["key"],
            language=record["language"],
            question_type=record["question_type"],
            difficulty=record["difficulty"],
            skill=record["skill"],
            skill_category=record["skill_category"],
            competency=record["competency"],
            text=record["text"],
            keywords=tuple(record["keywords"] or ()),
            answer_points=tuple(record["answer_points"] or ()),
        )


@dataclass(frozen=True)
class GenerationSpec:
    """Everything that decides a question set; its fingerprint keys the cache."""

    count: int
    language: str
    type_distribution: dict[str, float]
    difficulty_distribution: dict[str, float]
    skill_categories: frozenset[str] = frozenset()
    exclude_skills: frozenset[str] = frozenset()  # canonical names, case-folded
    focus_skills: frozenset[str] = frozenset()  # canonical names, case-folded
    focus_latest_role: bool = False
    seed: int = 0

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> GenerationSpec:
        """The inverse of ``as_params`` (a generation log keeps its spec as params)."""
        return cls(
            count=params["count"],
            language=params["language"],
            type_distribution=params["type_distribution"],
            difficulty_distribution=params["difficulty_distribution"],
            skill_categories=frozenset(params["skill_categories"]),
            exclude_skills=frozenset(params["exclude_skills"]),
            focus_skills=frozenset(params["focus_skills"]),
            focus_latest_role=params["focus_latest_role"],
            seed=params["seed"],
        )

    def as_params(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "language": self.language,
            "type_distribution": self.type_distribution,
            "difficulty_distribution": self.difficulty_distribution,
            "skill_categories": sorted(self.skill_categories),
            "exclude_skills": sorted(self.exclude_skills),
            "focus_skills": sorted(self.focus_skills),
            "focus_latest_role": self.focus_latest_role,
            "seed": self.seed,
        }


@dataclass
class GeneratedQuestion:
    text: str
    question_type: str
    difficulty: str
    skill: str = ""
    skill_category: str = ""
    competency: str = ""
    keywords: list[str] = field(default_factory=list)
    answer_points: list[str] = field(default_factory=list)
    source: str = "template"
    template_id: int | None = None
    template_key: str = ""


@dataclass
class EngineResult:
    questions: list[GeneratedQuestion]
    engine: str
    fallback_reason: str = ""
    attempts: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""
