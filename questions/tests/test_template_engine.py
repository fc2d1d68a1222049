"""The template engine on the shipped bank: tailored, exact, varied, deterministic."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import pytest

from questions.analysis import TECH_CATEGORIES, analyse_resume
from questions.bank import bank_records
from questions.engines import template
from questions.engines.types import GenerationSpec, TemplateSpec
from questions.similarity import NEAR_DUPLICATE, shingles, similarity
from questions.tests.factories import CHEF, GO_KUBERNETES, NURSE, ZH_JAVA


@pytest.fixture(scope="module")
def templates() -> list[TemplateSpec]:
    return [
        TemplateSpec.from_record(r, id=index)
        for index, r in enumerate(bank_records(), start=1)
        if r["is_active"]
    ]


def spec(**changes: Any) -> GenerationSpec:
    values: dict[str, Any] = {
        "count": 10,
        "language": "en",
        "type_distribution": {"technical": 0.6, "behavioral": 0.3, "situational": 0.1},
        "difficulty_distribution": {"easy": 0.3, "medium": 0.5, "hard": 0.2},
    }
    values.update(changes)
    return GenerationSpec(**values)


def test_a_go_and_kubernetes_resume_is_asked_about_go_and_kubernetes(templates):
    profile = analyse_resume(GO_KUBERNETES)
    result = template.generate(profile, templates, spec())
    technical = [q for q in result.questions if q.question_type == "technical"]
    skills = Counter(q.skill for q in technical)
    assert skills["Go"] >= 1 and skills["Kubernetes"] >= 1
    # Nothing about skills the resume does not show.
    shown = {s.canonical for s in profile.skills} | {""}
    assert set(skills) <= shown
    assert not any(q.skill_category in {"healthcare", "finance", "sales"} for q in technical)


def test_top_skills_are_spread_over_the_technical_questions(templates):
    profile = analyse_resume(GO_KUBERNETES)
    result = template.generate(profile, templates, spec())
    asked = {q.skill for q in result.questions if q.skill}
    top = [s.canonical for s in profile.top_skills(5)]
    assert sum(name in asked for name in top) >= 4


def test_a_nurse_gets_nursing_questions_not_programming_ones(templates):
    profile = analyse_resume(NURSE)
    assert profile.roles.get("healthcare", 0) > 0
    result = template.generate(profile, templates, spec())
    technical = [q for q in result.questions if q.question_type == "technical"]
    assert technical
    assert not any(q.skill_category in TECH_CATEGORIES | {"system_design"} for q in technical)
    assert sum(q.skill_category == "healthcare" for q in technical) >= len(technical) - 1


@pytest.mark.parametrize(
    ("count", "types", "levels"),
    [
        (
            10,
            {"technical": 0.6, "behavioral": 0.3, "situational": 0.1},
            {"easy": 0.3, "medium": 0.5, "hard": 0.2},
        ),
        (
            7,
            {"technical": 1 / 3, "behavioral": 1 / 3, "situational": 1 / 3},
            {"easy": 0.2, "medium": 0.4, "hard": 0.4},
        ),
        (
            15,
            {"technical": 0.2, "behavioral": 0.4, "situational": 0.4},
            {"easy": 0.0, "medium": 0.0, "hard": 1.0},
        ),
        (20, {"technical": 1.0}, {"easy": 0.5, "medium": 0.25, "hard": 0.25}),
        (1, {"behavioral": 1.0}, {"medium": 1.0}),
    ],
)
def test_distributions_hold_exactly(templates, count, types, levels):
    from questions.engines.quotas import exact_counts
    from questions.engines.types import DIFFICULTIES, QUESTION_TYPES

    profile = analyse_resume(GO_KUBERNETES)
    result = template.generate(
        profile,
        templates,
        spec(count=count, type_distribution=types, difficulty_distribution=levels),
    )
    assert len(result.questions) == count
    assert Counter(q.question_type for q in result.questions) == +Counter(
        exact_counts(types, count, QUESTION_TYPES)
    )
    assert Counter(q.difficulty for q in result.questions) == +Counter(
        exact_counts(levels, count, DIFFICULTIES)
    )
    assert result.warnings == []


@pytest.mark.parametrize("resume", [GO_KUBERNETES, NURSE, ZH_JAVA])
def test_no_two_questions_in_a_set_are_near_duplicates(templates, resume):
    profile = analyse_resume(resume)
    result = template.generate(profile, templates, spec(count=25, language=profile.language))
    marks = [shingles(q.text) for q in result.questions]
    for a, b in itertools.combinations(marks, 2):
        assert similarity(a, b) < NEAR_DUPLICATE
    assert len({q.template_key for q in result.questions}) == len(result.questions)


def test_same_seed_same_set_other_seed_other_set(templates):
    profile = analyse_resume(GO_KUBERNETES)
    first = template.generate(profile, templates, spec(seed=1))
    again = template.generate(profile, templates, spec(seed=1))
    assert [q.text for q in first.questions] == [q.text for q in again.questions]
    others = {
        tuple(q.text for q in template.generate(profile, templates, spec(seed=s)).questions)
        for s in range(2, 7)
    }
    assert len(others | {tuple(q.text for q in first.questions)}) > 1


def test_questions_are_filled_with_the_resumes_facts(templates):
    profile = analyse_resume(GO_KUBERNETES)
    result = template.generate(profile, templates, spec(count=30))
    texts = " ".join(q.text for q in result.questions)
    assert "{" not in texts and "}" not in texts
    assert (
        "Northwind Cloud" in texts or "kube-reaper" in texts or "Senior Backend Engineer" in texts
    )


def test_excluded_skills_are_never_asked_about(templates):
    profile = analyse_resume(GO_KUBERNETES)
    result = template.generate(
        profile, templates, spec(count=20, exclude_skills=frozenset({"kubernetes", "go"}))
    )
    assert not {q.skill for q in result.questions} & {"Go", "Kubernetes"}
    assert not any("Kubernetes" in q.text for q in result.questions)


def test_skill_categories_limit_technical_questions(templates):
    profile = analyse_resume(GO_KUBERNETES)
    result = template.generate(profile, templates, spec(skill_categories=frozenset({"database"})))
    technical = [q for q in result.questions if q.question_type == "technical"]
    assert technical and {q.skill_category for q in technical} == {"database"}


def test_a_chinese_resume_gets_chinese_questions_about_its_skills(templates):
    profile = analyse_resume(ZH_JAVA)
    assert profile.language == "zh"
    result = template.generate(profile, templates, spec(language="zh"))
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in q.text) for q in result.questions)
    asked = {q.skill for q in result.questions if q.skill}
    assert {"Java", "Spring"} & asked


def test_skill_levels_come_from_years_and_recency():
    profile = analyse_resume(GO_KUBERNETES)
    go = profile.skill("Go")
    docker = profile.skill("Docker")
    assert go is not None and docker is not None
    assert go.level == "expert" and go.last_used == "present"
    # Docker appears only in a job that ended years ago: it is rated lower.
    assert docker.level in {"beginner", "intermediate"}
    assert profile.top_skills(2)[0].canonical in {"Go", "Kubernetes"}


def test_soft_skills_are_asked_about_through_their_competencies(templates):
    profile = analyse_resume(CHEF)
    result = template.generate(profile, templates, spec())
    people_questions = [q for q in result.questions if q.question_type != "technical"]
    asked = {q.skill for q in people_questions}
    assert {"Leadership", "Negotiation", "Time management"} & asked
    for question in people_questions:
        if question.skill == "Leadership":
            assert question.competency == "leadership"


def test_a_profession_the_bank_does_not_know_still_gets_a_full_set(templates):
    profile = analyse_resume(CHEF)
    result = template.generate(profile, templates, spec(count=12))
    assert len(result.questions) == 12
    assert not any(
        q.skill_category in TECH_CATEGORIES | {"system_design"} for q in result.questions
    )
    if sum(q.question_type == "technical" for q in result.questions) < 7:
        assert "type_mix_relaxed" in result.warnings  # and the client is told


def test_an_english_role_gets_its_article(templates):
    profile = analyse_resume(NURSE)
    texts = [q.text for q in template.generate(profile, templates, spec(count=30)).questions]
    with_role = [t for t in texts if "Registered Nurse" in t]
    assert with_role
    assert not any("As Registered Nurse" in t or "as Registered Nurse" in t for t in with_role)
