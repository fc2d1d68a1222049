"""The parts of a parsed resume a suggestion is grounded in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assist.suggest.knowledge import terms


@dataclass(frozen=True)
class Job:
    company: str
    title: str
    start: str
    end: str
    highlights: tuple[str, ...]
    words: frozenset[str] = frozenset()

    @property
    def period(self) -> str:
        if self.start and self.end:
            return f"{self.start}–{self.end}"
        return self.start or self.end


@dataclass(frozen=True)
class Project:
    name: str
    description: str
    technologies: tuple[str, ...]
    words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Candidate:
    jobs: tuple[Job, ...] = ()
    projects: tuple[Project, ...] = ()
    skills: tuple[str, ...] = ()  # as written in the resume
    skill_words: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_parse_result(cls, result: dict[str, Any] | None) -> Candidate:
        result = result or {}
        jobs = []
        for raw in result.get("work_experience") or []:
            if not isinstance(raw, dict):
                continue
            highlights = tuple(
                str(h).strip() for h in raw.get("highlights") or [] if str(h).strip()
            )
            title = str(raw.get("title") or "").strip()
            jobs.append(
                Job(
                    company=str(raw.get("company") or "").strip(),
                    title=title,
                    start=_date(raw.get("start")),
                    end=_date(raw.get("end")),
                    highlights=highlights,
                    words=terms(" ".join([title, *highlights])),
                )
            )
        projects = []
        for raw in result.get("projects") or []:
            if not isinstance(raw, dict) or not raw.get("name"):
                continue
            technologies = tuple(str(t) for t in raw.get("technologies") or [])
            description = str(raw.get("description") or "").strip()
            projects.append(
                Project(
                    name=str(raw["name"]).strip(),
                    description=description,
                    technologies=technologies,
                    words=terms(" ".join([str(raw["name"]), description, *technologies])),
                )
            )
        skills = tuple(
            str(s.get("name")).strip()
            for s in result.get("skills") or []
            if isinstance(s, dict) and str(s.get("name") or "").strip()
        )
        return cls(
            jobs=tuple(jobs),
            projects=tuple(projects),
            skills=skills,
            skill_words={name: terms(name) for name in skills},
        )

    def best_job(self, words: frozenset[str]) -> Job | None:
        """The job whose title and highlights share most with the question; else the latest."""
        if not self.jobs:
            return None
        scored = max(self.jobs, key=lambda job: len(job.words & words))
        return scored if scored.words & words else self.jobs[0]

    def projects_about(self, words: frozenset[str], limit: int = 2) -> list[Project]:
        ranked = sorted(self.projects, key=lambda p: len(p.words & words), reverse=True)
        return [p for p in ranked if p.words & words][:limit]

    def skills_about(self, words: frozenset[str], mentioned: set[str], limit: int = 4) -> list[str]:
        """Resume skills named in the question, by canonical name or by shared words."""
        found = [
            name
            for name in self.skills
            if name.casefold() in mentioned or (self.skill_words.get(name, frozenset()) & words)
        ]
        return list(dict.fromkeys(found))[:limit]


def _date(value: Any) -> str:
    text = str(value or "").strip()
    return "" if text.lower() in {"none", "null"} else text
