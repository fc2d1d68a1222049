"""The template engine: picks bank templates for a resume and fills them with its facts.

Deterministic for a given seed. Steps: every template that fits the resume becomes a
candidate with a weight (how strongly the resume shows what it asks about); the
distributions become an exact type x difficulty plan; then the plan is filled one
question at a time, always taking the best remaining candidate after a penalty for
skills and competencies already asked about (so the top skills are all covered) and
never a near-duplicate of a question already taken.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from questions.analysis import TECH_CATEGORIES, ResumeProfile, SkillProfile
from questions.bank import placeholders_in
from questions.engines.quotas import exact_counts, plan_cells
from questions.engines.types import (
    DIFFICULTIES,
    QUESTION_TYPES,
    EngineResult,
    GeneratedQuestion,
    GenerationSpec,
    TemplateSpec,
)
from questions.similarity import is_near_duplicate, shingles

ROLE_CATEGORIES = frozenset(
    {"healthcare", "finance", "sales", "education", "marketing", "human_resources"}
)
# Each earlier question on the same skill (or competency) multiplies a candidate's weight
# by this, so a second Go question only wins over a strong first Kubernetes question.
REPEAT_PENALTY = 0.35
# A question on one of the resume's top skills that no question has asked about yet
# counts this much more: a set should cover what the candidate is strongest in before
# it asks about anything twice (or about system design in general).
UNCOVERED_TOP_SKILL_BONUS = 1.4
TOP_SKILLS = 5
# A generic "{skill}" template is worth a little less than one written for that skill.
GENERIC_FACTOR = 0.8
# How many of the resume's skills in a category a generic template is tried with.
GENERIC_SKILLS_PER_TEMPLATE = 3
ANY = "*"  # a plan cell that takes any type (or difficulty)
# Soft skills a behavioral or situational question of a competency asks about: such a
# question covers the skill as surely as a technical one covers Go.
COMPETENCY_SKILLS: dict[str, tuple[str, ...]] = {
    "leadership": ("Leadership", "Mentoring"),
    "communication": ("Communication", "Public speaking"),
    "teamwork": ("Teamwork",),
    "problem_solving": ("Problem solving", "Critical thinking"),
    "prioritization": ("Time management", "Project management"),
    "ownership": ("Project management",),
    "adaptability": ("Agile",),
    "influence": ("Stakeholder management", "Negotiation"),
    "conflict": ("Negotiation",),
}
# Random jitter: enough to vary equal candidates between seeds, too little to reorder
# clearly different ones.
JITTER = 0.05


@dataclass
class Candidate:
    template: TemplateSpec
    text: str
    weight: float
    skill: str  # canonical name; "" when not about one skill
    question_type: str
    difficulty: str
    shingles: frozenset[str]


def generate(
    profile: ResumeProfile, templates: Sequence[TemplateSpec], spec: GenerationSpec
) -> EngineResult:
    rng = random.Random(spec.seed)
    candidates = _candidates(profile, templates, spec, rng)
    type_counts = exact_counts(spec.type_distribution, spec.count, QUESTION_TYPES)
    level_counts = exact_counts(spec.difficulty_distribution, spec.count, DIFFICULTIES)
    capacity = Counter((c.question_type, c.difficulty) for c in candidates)
    plan, unplanned = plan_cells(type_counts, level_counts, dict(capacity))
    warnings: list[str] = []
    if unplanned:
        warnings.append("distribution_relaxed")

    top = frozenset(s.canonical for s in profile.top_skills(TOP_SKILLS))
    chosen = _fill(candidates, plan, top=top)
    if len(chosen) < spec.count:
        # The bank cannot meet the plan (too few templates in some cell, or only
        # near-duplicates left): first keep the type margin and relax the difficulty,
        # then, for a profession the bank knows little about, take any type. A short
        # set helps nobody; the warning tells the client which margin gave way.
        missing = Counter(type_counts)
        missing.subtract(Counter(c.question_type for c in chosen))
        by_type = {(t, ANY): n for t, n in missing.items() if n > 0}
        chosen.extend(_fill(candidates, by_type, already=chosen, top=top))
        if "distribution_relaxed" not in warnings:
            warnings.append("distribution_relaxed")
    if len(chosen) < spec.count:
        rest = {(ANY, ANY): spec.count - len(chosen)}
        chosen.extend(_fill(candidates, rest, already=chosen, top=top))
        warnings.append("type_mix_relaxed")
    if len(chosen) < spec.count:
        warnings.append("not_enough_templates")
    ordered = sorted(
        enumerate(chosen), key=lambda pair: (DIFFICULTIES.index(pair[1].difficulty), pair[0])
    )
    return EngineResult(
        questions=[_question(c) for _, c in ordered], engine="template", warnings=warnings
    )


def _candidates(
    profile: ResumeProfile,
    templates: Sequence[TemplateSpec],
    spec: GenerationSpec,
    rng: random.Random,
) -> list[Candidate]:
    skills = [s for s in profile.skills if s.canonical.casefold() not in spec.exclude_skills]
    by_name = {s.canonical: s for s in skills}
    by_category: dict[str, list[SkillProfile]] = {}
    for ranked in skills:  # already ranked, best first
        by_category.setdefault(ranked.category, []).append(ranked)
    is_software = profile.software >= 1.0
    out: list[Candidate] = []
    for template in templates:
        if template.language != spec.language:
            continue
        technical = template.question_type == "technical"
        if (
            technical
            and spec.skill_categories
            and template.skill_category not in spec.skill_categories
        ):
            continue
        for skill, weight in _matches(template, profile, by_name, by_category, is_software):
            if skill is not None and skill.canonical.casefold() in spec.focus_skills:
                weight *= 1.5
            if spec.focus_latest_role and skill is not None:
                weight *= 1.3 if skill.canonical in profile.latest_role_skills else 0.8
            text = _fill_text(template.text, profile, skill)
            if text is None:
                continue
            out.append(
                Candidate(
                    template=template,
                    text=text,
                    weight=weight + rng.random() * JITTER,
                    skill=skill.canonical if skill is not None else "",
                    question_type=template.question_type,
                    difficulty=template.difficulty,
                    shingles=shingles(text),
                )
            )
    return out


def _matches(
    template: TemplateSpec,
    profile: ResumeProfile,
    by_name: dict[str, SkillProfile],
    by_category: dict[str, list[SkillProfile]],
    is_software: bool,
) -> list[tuple[SkillProfile | None, float]]:
    """The (skill, weight) pairs this template can be asked with; empty when it does not fit."""
    category = template.skill_category
    if template.skill:
        named = by_name.get(template.skill)
        return [(named, named.weight)] if named is not None else []
    if "{skill}" in template.text:
        generic: list[tuple[SkillProfile | None, float]] = [
            (s, s.weight * GENERIC_FACTOR) for s in by_category.get(category, [])
        ]
        return generic[:GENERIC_SKILLS_PER_TEMPLATE]
    if category in ROLE_CATEGORIES:
        score = profile.roles.get(category, 0.0)
        return [(None, 0.5 + 0.08 * min(score, 5))] if score > 0 else []
    if category == "system_design":
        return [(None, 0.75)] if is_software else []
    if template.question_type == "technical":
        # Generic technical questions of a category the resume shows at all.
        return [(None, 0.5)] if category in by_category or category not in TECH_CATEGORIES else []
    shown = [
        by_name[name] for name in COMPETENCY_SKILLS.get(template.competency, ()) if name in by_name
    ]
    if shown:
        # Asked with the candidate's own soft skill: preferred over other competencies.
        return [(skill, 0.5 + 0.5 * skill.weight) for skill in shown]
    return [(None, 0.5)]


def _fill_text(text: str, profile: ResumeProfile, skill: SkillProfile | None) -> str | None:
    names = placeholders_in(text)
    if not names:
        return text
    values: dict[str, str] = {}
    if "skill" in names:
        if skill is None:
            return None
        values["skill"] = skill.name
    if "company" in names:
        if not profile.company:
            return None
        values["company"] = profile.company
    if "role" in names:
        if not profile.title:
            return None
        values["role"] = profile.title
        # "As {role}" needs an article in English ("As a Registered Nurse"); titles are
        # written without one on resumes.
        text = _AS_ROLE.sub(lambda m: f"{m[1]} {_article(profile.title)} {{role}}", text)
    if "project" in names:
        project = _project_for(profile, skill)
        if project is None:
            return None
        values["project"] = project
    return text.format_map(values)


_AS_ROLE = re.compile(r"\b([Aa]s) \{role\}")


def _article(title: str) -> str:
    # By the first letter: right for nearly all titles ("an Engineer", "a Nurse").
    return "an" if title[:1].lower() in "aeiou" else "a"


def _project_for(profile: ResumeProfile, skill: SkillProfile | None) -> str | None:
    if not profile.projects:
        return None
    if skill is not None:
        for name, used in profile.projects:
            if skill.canonical in used:
                return name
    return profile.projects[0][0]


def _fill(
    candidates: list[Candidate],
    plan: dict[tuple[str, str], int],
    *,
    already: list[Candidate] | None = None,
    top: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Take the best candidates for the plan's cells; ``ANY`` in a cell matches anything."""
    taken: list[Candidate] = list(already or [])
    used_templates = {c.template.key for c in taken}
    seen = [c.shingles for c in taken]
    skill_uses = Counter(c.skill for c in taken if c.skill)
    competency_uses = Counter(c.template.competency for c in taken if c.template.competency)
    remaining = {cell: n for cell, n in plan.items() if n > 0}

    def cell_of(candidate: Candidate) -> tuple[str, str] | None:
        for t in (candidate.question_type, ANY):
            for d in (candidate.difficulty, ANY):
                if (t, d) in remaining:
                    return (t, d)
        return None

    picked: list[Candidate] = []
    pool = sorted(candidates, key=lambda c: -c.weight)
    while remaining:
        best: tuple[float, Candidate, tuple[str, str]] | None = None
        for candidate in pool:
            if candidate.template.key in used_templates:
                continue
            cell = cell_of(candidate)
            if cell is None:
                continue
            score = candidate.weight
            if candidate.skill:
                score *= REPEAT_PENALTY ** skill_uses[candidate.skill]
                if candidate.skill in top and not skill_uses[candidate.skill]:
                    score *= UNCOVERED_TOP_SKILL_BONUS
            if candidate.template.competency:
                score *= REPEAT_PENALTY ** competency_uses[candidate.template.competency]
            if best is not None and score <= best[0]:
                continue
            if is_near_duplicate(candidate.shingles, seen):
                continue
            best = (score, candidate, cell)
        if best is None:
            break
        _, choice, cell = best
        remaining[cell] -= 1
        if not remaining[cell]:
            del remaining[cell]
        picked.append(choice)
        used_templates.add(choice.template.key)
        seen.append(choice.shingles)
        if choice.skill:
            skill_uses[choice.skill] += 1
        if choice.template.competency:
            competency_uses[choice.template.competency] += 1
    return picked


def _question(candidate: Candidate) -> GeneratedQuestion:
    template = candidate.template
    return GeneratedQuestion(
        text=candidate.text,
        question_type=template.question_type,
        difficulty=template.difficulty,
        skill=candidate.skill,
        skill_category=template.skill_category,
        competency=template.competency,
        keywords=list(template.keywords),
        answer_points=list(template.answer_points),
        source="template",
        template_id=template.id,
        template_key=template.key,
    )
