"""One suggestion card per question: a STAR outline, key points, or a structured approach.

- behavioral: a STAR outline from the candidate's own job that best matches the
  question (company, role, a highlight as the task and action, a highlight with a
  number as the result), then the competency template's points;
- technical: the key points of the closest bank question, the candidate's matching
  skills and projects, then the skill category's template points;
- situational: the competency template's structured approach, then a real case from
  the resume to relate it to.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from assist.suggest.candidate import Candidate, Job
from assist.suggest.knowledge import Knowledge, TemplateCard, terms
from assist.suggest.labels import labels
from questions.skills import skills_in

# Below this the closest bank question is about something else: its points would mislead.
MIN_BANK_SCORE = 0.3
_NUMBER = re.compile(r"\d")
_PLACEHOLDER = re.compile(r"\{(company|role|project|skill)\}")


class DetectedQuestion(Protocol):
    @property
    def question_type(self) -> str | None: ...
    @property
    def competency(self) -> str | None: ...
    @property
    def language(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass
class Suggestion:
    kind: str  # star | key_points | approach
    title: str
    points: list[str]
    question_type: str
    template_key: str | None = None
    detail: str = ""
    skills: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    source: str = "template"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def suggest(
    question: DetectedQuestion,
    knowledge: Knowledge,
    candidate: Candidate,
    *,
    max_points: int = 5,
    detailed: bool = False,
) -> Suggestion:
    language = question.language if question.language in ("en", "zh") else "en"
    kind = question.question_type or "technical"
    words = terms(question.text)
    mentioned = {s.name.casefold(): s for s in skills_in(question.text)}
    job = candidate.best_job(words)
    projects = candidate.projects_about(words)
    skills = candidate.skills_about(words, set(mentioned))
    template = _pick_template(knowledge, language, kind, question, mentioned, question.text)
    fill = _filler(language, job, projects, skills or [s.name for s in mentioned.values()])
    template_points = [fill(p) for p in template.points] if template else []
    text = labels(language)

    if kind == "behavioral":
        points = _star(language, job, template_points, words)
        title, card = text["title_star"], "star"
    elif kind == "situational":
        points = list(template_points)
        if job and job.company:
            points.insert(min(len(points), max_points - 1), fill(text["real_case"]))
        title, card = text["title_approach"], "approach"
    else:
        points = _bank_points(knowledge, words, language, set(mentioned), fill, max_points - 1)
        grounding = _experience(language, skills, projects)
        if grounding:
            points.append(grounding)
        points += template_points
        title, card = text["title_points"], "key_points"
    if template and template.title:
        title = f"{title} · {template.title}"
    return Suggestion(
        kind=card,
        title=title,
        points=_unique(points)[:max_points],
        question_type=kind,
        template_key=template.key if template else None,
        detail=template.template_text if (template and detailed) else "",
        skills=skills,
        projects=[p.name for p in projects],
    )


def _pick_template(
    knowledge: Knowledge,
    language: str,
    kind: str,
    question: DetectedQuestion,
    mentioned: dict[str, Any],
    text: str,
) -> TemplateCard | None:
    cards = knowledge.templates_for(language, kind)
    if not cards:
        return None
    lowered = text.casefold()
    categories = {getattr(s, "category", "") for s in mentioned.values()}

    def score(card: TemplateCard) -> float:
        value = float(card.cue_hits(lowered))
        if question.competency and card.competency == question.competency:
            value += 2.0
        if card.skill_category and card.skill_category in categories:
            value += 3.0
        if card.skill_category == "general":
            value += 0.1  # the fallback among technical templates
        return value

    return max(cards, key=score)


# A template point that starts with one of these is that STAR step's guidance.
_STEPS = {
    "situation": ("situation", "情境"),
    "task": ("task", "任务"),
    "action": ("action", "行动"),
    "result": ("result", "结果"),
}


def _step_of(point: str) -> str | None:
    head = point.strip().casefold()
    for step, names in _STEPS.items():
        if head.startswith(names):
            return step
    return None


def _star(
    language: str, job: Job | None, template_points: list[str], words: frozenset[str]
) -> list[str]:
    """S, T, A, R, then the template's other advice (a lesson, pitfalls).

    The resume grounds the situation (company, role, dates) and the result (a highlight
    with a number); a highlight becomes the action only when it is about the question.
    Otherwise the competency template's guidance for that step is the better prompt.
    """
    text = labels(language)
    guidance = {}
    rest = []
    for point in template_points:
        step = _step_of(point)
        if step and step not in guidance:
            guidance[step] = point
        else:
            rest.append(point)
    generic = {step: text[f"{step}_generic"] for step in _STEPS}
    steps = {step: guidance.get(step, generic[step]) for step in _STEPS}
    if job is not None and (job.company or job.title):
        period = f" ({job.period})" if job.period else ""
        steps["situation"] = text["situation"].format(
            role=job.title or text["role"], company=job.company or text["company"], period=period
        )
        # Highlights become the action and the result only when they are about what was
        # asked: a number from another story would mislead the candidate mid-answer.
        relevant = [h for h in job.highlights if terms(h) & words]
        result = next((h for h in relevant if _NUMBER.search(h)), None)
        if result:
            steps["result"] = text["result"].format(text=result)
        actions = [h for h in relevant if h != result]
        if actions:
            steps["action"] = text["action"].format(text=actions[0])
    return [steps["situation"], steps["task"], steps["action"], steps["result"], *rest]


def _bank_points(
    knowledge: Knowledge,
    words: frozenset[str],
    language: str,
    skills: set[str],
    fill: Any,
    limit: int,
) -> list[str]:
    match = knowledge.best_bank_entry(words, language, "technical", skills)
    if match is None or match[1] < MIN_BANK_SCORE:
        return []
    return [fill(point) for point in match[0].answer_points[: max(limit, 1)]]


def _experience(language: str, skills: list[str], projects: list[Any]) -> str | None:
    text = labels(language)
    if not skills and not projects:
        return None
    if not skills:
        return text["example"].format(project=projects[0].name)
    project = text["in_project"].format(project=projects[0].name) if projects else ""
    return text["experience"].format(skills=text["list_sep"].join(skills), project=project)


def _filler(language: str, job: Job | None, projects: list[Any], skills: list[str]) -> Any:
    text = labels(language)
    values = {
        "company": (job.company if job and job.company else text["company"]),
        "role": (job.title if job and job.title else text["role"]),
        "project": (projects[0].name if projects else text["project"]),
        "skill": (skills[0] if skills else text["skill"]),
    }

    def fill(point: str) -> str:
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], point)

    return fill


def _unique(points: list[str]) -> list[str]:
    return list(dict.fromkeys(p.strip() for p in points if p and p.strip()))
