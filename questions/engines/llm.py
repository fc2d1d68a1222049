"""The LLM engine: asks an OpenAI-compatible model for questions under a JSON contract.

The model is told the exact number of questions per type and difficulty; its answer must
validate against ``ANSWER_SCHEMA`` (the shared client retries one that does not). The
questions are then fitted to the plan: extras are dropped, near-duplicates skipped, and
a cell the model left short is filled from the template bank, which the result says.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from interviewgenius.engines.llm import LLMClient, LLMError
from questions.analysis import ResumeProfile
from questions.engines import template as template_engine
from questions.engines.quotas import exact_counts, plan_cells
from questions.engines.types import (
    DIFFICULTIES,
    QUESTION_TYPES,
    EngineResult,
    GeneratedQuestion,
    GenerationSpec,
    TemplateSpec,
)
from questions.models import SkillCategory
from questions.similarity import is_near_duplicate, shingles

MAX_QUESTION_CHARS = 600
ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["questions"],
    "properties": {
        "questions": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
                "type": "object",
                "required": ["text", "question_type", "difficulty"],
                "properties": {
                    "text": {"type": "string", "minLength": 5, "maxLength": MAX_QUESTION_CHARS},
                    "question_type": {"enum": list(QUESTION_TYPES)},
                    "difficulty": {"enum": list(DIFFICULTIES)},
                    "skill": {"type": "string", "maxLength": 100},
                    "skill_category": {"enum": [*SkillCategory.values, ""]},
                    "keywords": {
                        "type": "array",
                        "maxItems": 10,
                        "items": {"type": "string", "maxLength": 80},
                    },
                    "answer_points": {
                        "type": "array",
                        "maxItems": 8,
                        "items": {"type": "string", "maxLength": 400},
                    },
                },
            },
        }
    },
}
LANGUAGE_NAMES = {"en": "English", "zh": "Simplified Chinese"}
SYSTEM_PROMPT = (
    "You are a senior interviewer. You write interview questions tailored to one "
    "candidate's resume and answer only with a JSON object, no prose."
)


def build_messages(
    profile: ResumeProfile, spec: GenerationSpec, plan: dict[tuple[str, str], int]
) -> list[dict[str, str]]:
    wanted = [{"question_type": t, "difficulty": d, "count": n} for (t, d), n in plan.items() if n]
    resume = {
        "latest_title": profile.title,
        "latest_company": profile.company,
        "experience_years": round(profile.experience_years, 1),
        "skills": [s.as_dict() for s in profile.skills[:15]],
        "projects": [name for name, _ in profile.projects[:5]],
        "professions": sorted(r for r, score in profile.roles.items() if score >= 2),
    }
    rules = []
    if spec.exclude_skills:
        rules.append(f"Do not ask about: {', '.join(sorted(spec.exclude_skills))}.")
    if spec.focus_skills:
        rules.append(f"Favour these skills: {', '.join(sorted(spec.focus_skills))}.")
    if spec.focus_latest_role:
        rules.append("Favour the candidate's latest role and what they did in it.")
    if spec.skill_categories:
        rules.append(
            "Technical questions only about these skill categories: "
            + ", ".join(sorted(spec.skill_categories))
            + "."
        )
    user = (
        f"Write {spec.count} interview questions in {LANGUAGE_NAMES[spec.language]} for this "
        f"candidate.\nResume summary (JSON): {json.dumps(resume, ensure_ascii=False)}\n"
        f"Exactly these counts per type and difficulty: {json.dumps(wanted)}\n"
        "technical = knowledge of the candidate's skills or profession; behavioral = 'tell me "
        "about a time...' (STAR); situational = 'what would you do if...'.\n"
        + "".join(rule + "\n" for rule in rules)
        + 'Answer with JSON: {"questions": [{"text": str, "question_type": '
        '"technical|behavioral|situational", "difficulty": "easy|medium|hard", '
        '"skill": str, "skill_category": str, "keywords": [3-6 terms a strong answer '
        'mentions], "answer_points": [3-5 points a strong answer covers]}]}'
    )
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def generate(
    profile: ResumeProfile,
    templates: Sequence[TemplateSpec],
    spec: GenerationSpec,
    *,
    client: LLMClient,
    on_attempt: Callable[[int], None] | None = None,
) -> EngineResult:
    """Questions from the model; raises ``LLMError`` when it cannot give any."""
    type_counts = exact_counts(spec.type_distribution, spec.count, QUESTION_TYPES)
    level_counts = exact_counts(spec.difficulty_distribution, spec.count, DIFFICULTIES)
    unlimited = {(t, d): spec.count for t in QUESTION_TYPES for d in DIFFICULTIES}
    plan, _ = plan_cells(type_counts, level_counts, unlimited)
    answer = client.complete_json(
        build_messages(profile, spec, plan), ANSWER_SCHEMA, on_attempt=on_attempt
    )
    remaining = Counter({cell: n for cell, n in plan.items() if n})
    chosen: list[GeneratedQuestion] = []
    seen: list[frozenset[str]] = []
    excluded = spec.exclude_skills
    for item in answer.data["questions"]:
        cell = (item["question_type"], item["difficulty"])
        text = " ".join(item["text"].split())
        marks = shingles(text)
        skill = str(item.get("skill") or "").strip()
        if remaining[cell] <= 0 or is_near_duplicate(marks, seen) or skill.casefold() in excluded:
            continue
        remaining[cell] -= 1
        seen.append(marks)
        chosen.append(
            GeneratedQuestion(
                text=text,
                question_type=cell[0],
                difficulty=cell[1],
                skill=skill,
                skill_category=str(item.get("skill_category") or ""),
                keywords=[k.strip() for k in item.get("keywords") or [] if k.strip()],
                answer_points=[p.strip() for p in item.get("answer_points") or [] if p.strip()],
                source="llm",
            )
        )
    if not chosen:
        # Nothing usable (every question off the requested types and difficulties, or
        # about excluded skills): that is a failed answer, not an LLM-made set.
        raise LLMError(
            "off_plan",
            "The model's questions did not match the requested types and difficulties.",
            attempts=answer.attempts,
        )
    warnings: list[str] = []
    short = +remaining
    if short:
        warnings.append("llm_short_filled_from_templates")
        chosen.extend(_top_up(profile, templates, spec, short, seen))
    ordered = sorted(
        enumerate(chosen), key=lambda pair: (DIFFICULTIES.index(pair[1].difficulty), pair[0])
    )
    return EngineResult(
        questions=[q for _, q in ordered],
        engine="llm",
        attempts=answer.attempts,
        warnings=warnings,
    )


def _top_up(
    profile: ResumeProfile,
    templates: Sequence[TemplateSpec],
    spec: GenerationSpec,
    short: Counter[tuple[str, str]],
    seen: list[frozenset[str]],
) -> list[GeneratedQuestion]:
    """Bank questions for the cells the model left short, none repeating what it asked."""
    total = sum(short.values())
    backup = template_engine.generate(
        profile, templates, _spec_for(spec, short, total + len(seen))
    ).questions
    extra: list[GeneratedQuestion] = []
    for question in backup:
        cell = (question.question_type, question.difficulty)
        marks = shingles(question.text)
        if short[cell] > 0 and not is_near_duplicate(marks, seen):
            short[cell] -= 1
            seen.append(marks)
            extra.append(question)
    return extra


def _spec_for(spec: GenerationSpec, short: Counter[tuple[str, str]], count: int) -> GenerationSpec:
    # Ask the bank for more than the gap (per the gap's own mix) so near-duplicates of
    # the model's questions can be skipped and the gap still filled.
    types = Counter[str]()
    levels = Counter[str]()
    for (t, d), n in short.items():
        types[t] += n
        levels[d] += n
    return GenerationSpec(
        count=count,
        language=spec.language,
        type_distribution={t: float(types[t]) for t in QUESTION_TYPES},
        difficulty_distribution={d: float(levels[d]) for d in DIFFICULTIES},
        skill_categories=spec.skill_categories,
        exclude_skills=spec.exclude_skills,
        focus_skills=spec.focus_skills,
        focus_latest_role=spec.focus_latest_role,
        seed=spec.seed,
    )
