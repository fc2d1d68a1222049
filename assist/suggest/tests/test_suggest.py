"""Suggestion cards from templates and a resume, built from plain values (no database)."""

from __future__ import annotations

from dataclasses import dataclass

from assist.suggest import BankEntry, Candidate, Knowledge, TemplateCard, suggest


@dataclass
class Asked:
    text: str
    question_type: str | None
    competency: str | None = None
    language: str = "en"


RESUME = {
    "work_experience": [
        {
            "company": "Acme Logistics",
            "title": "Backend Engineer",
            "start": "2021-03",
            "end": "present",
            "highlights": [
                "Led the migration of the dispatch service to Kubernetes",
                "Mentored two junior engineers through their first on-call rotation",
                "Cut p95 API latency by 40% by adding a Redis cache",
            ],
        },
        {
            "company": "Blue Bank",
            "title": "Data Analyst",
            "start": "2018-06",
            "end": "2021-02",
            "highlights": ["Built monthly reconciliation dashboards in Tableau"],
        },
    ],
    "projects": [
        {
            "name": "RouteOpt",
            "description": "Route optimisation service deployed on Kubernetes with Helm",
            "technologies": ["Go", "Kubernetes"],
        }
    ],
    "skills": [{"name": "Kubernetes"}, {"name": "Go"}, {"name": "Redis"}],
}


def card(**values: object) -> TemplateCard:
    base: dict[str, object] = {
        "key": "en.x",
        "language": "en",
        "question_type": "behavioral",
        "competency": "",
        "skill_category": "",
        "title": "Template",
        "cues": [],
        "points": ["A point"],
    }
    return TemplateCard.from_dict({**base, **values})


KNOWLEDGE = Knowledge(
    templates=[
        card(
            key="en.behavioral.teamwork",
            competency="teamwork",
            title="Teamwork story",
            cues=["team", "teammate"],
            points=["Name who was involved at {company}", "Show how you listened"],
        ),
        card(
            key="en.behavioral.failure",
            competency="failure",
            title="A failure",
            cues=["mistake", "fail"],
            points=["Own the mistake"],
        ),
        card(
            key="en.technical.cloud",
            question_type="technical",
            skill_category="cloud_devops",
            title="Cloud and DevOps",
            cues=["deploy"],
            points=["Say how you used {skill} in {project}"],
        ),
        card(
            key="en.technical.general",
            question_type="technical",
            skill_category="general",
            title="General technical",
            points=["Define the concept first"],
        ),
        card(
            key="en.situational.conflict",
            question_type="situational",
            competency="conflict",
            title="Handling conflict",
            cues=["disagree", "conflict"],
            points=["Clarify what each side needs", "Agree on a decision rule", "Follow up"],
        ),
        card(
            key="zh.behavioral.teamwork",
            language="zh",
            competency="teamwork",
            title="团队合作",
            cues=["团队", "合作"],
            points=["说清在{company}和谁合作"],
        ),
    ],
    bank=[
        BankEntry.from_dict(
            {
                "language": "en",
                "question_type": "technical",
                "skill": "Kubernetes",
                "text": "How does a Kubernetes Deployment roll out a new version?",
                "keywords": ["rolling update", "replica set", "readiness probe"],
                "answer_points": [
                    "A Deployment creates a new ReplicaSet and scales it up while the old scales down",
                    "Readiness probes gate traffic to new pods",
                ],
            }
        ),
        BankEntry.from_dict(
            {
                "language": "en",
                "question_type": "technical",
                "skill": "PostgreSQL",
                "text": "How do PostgreSQL indexes speed up queries?",
                "keywords": ["b-tree", "index scan"],
                "answer_points": ["B-tree indexes let the planner avoid a full scan"],
            }
        ),
    ],
)
CANDIDATE = Candidate.from_parse_result(RESUME)


def test_behavioral_questions_get_a_star_outline_from_the_candidates_own_job() -> None:
    asked = Asked("tell me about a time you helped a teammate on call", "behavioral", "teamwork")
    result = suggest(asked, KNOWLEDGE, CANDIDATE)
    assert result.kind == "star"
    situation, task, action, outcome, *rest = result.points
    assert "Backend Engineer at Acme Logistics" in situation
    assert situation.startswith("Situation") and task.startswith("Task")
    # The highlight about the question's subject (on-call) is the action.
    assert action == "Action: Mentored two junior engineers through their first on-call rotation"
    # The only measured result in the resume is about latency, not this story: the
    # candidate is prompted for one instead of handed a number from another story.
    assert outcome.startswith("Result: the outcome with a number")
    assert "Name who was involved at Acme Logistics" in rest
    assert result.template_key == "en.behavioral.teamwork"


def test_the_templates_step_guidance_fills_what_the_resume_cannot() -> None:
    knowledge = Knowledge(
        templates=[
            card(
                competency="ownership",
                points=[
                    "Situation: a problem nobody owned",
                    "Task: why you stepped in as {role}",
                    "Action: the first three things you did",
                    "Result: what changed, with a number",
                    "Lesson: what you would do sooner next time",
                ],
            )
        ]
    )
    asked = Asked(
        "tell me about a time you took ownership of slow api latency", "behavioral", "ownership"
    )
    situation, task, action, outcome, lesson = suggest(asked, knowledge, CANDIDATE).points
    assert "Acme Logistics" in situation  # the resume grounds the situation...
    assert task == "Task: why you stepped in as Backend Engineer"  # ...the template guides
    assert action == "Action: the first three things you did"  # no other highlight is about it
    assert "40%" in outcome  # a measured result about the question beats generic advice
    assert lesson.startswith("Lesson")
    without_resume = suggest(asked, knowledge, Candidate()).points
    assert without_resume[0] == "Situation: a problem nobody owned"
    assert without_resume[3] == "Result: what changed, with a number"


def test_the_job_that_matches_the_question_is_the_story() -> None:
    asked = Asked("describe a time you built dashboards for reconciliation", "behavioral")
    result = suggest(asked, KNOWLEDGE, CANDIDATE)
    assert "Data Analyst at Blue Bank" in result.points[0]


def test_technical_questions_get_the_banks_key_points_and_the_candidates_skills() -> None:
    asked = Asked("so how does a kubernetes deployment do a rolling update", "technical")
    result = suggest(asked, KNOWLEDGE, CANDIDATE)
    assert result.kind == "key_points"
    assert result.points[0].startswith("A Deployment creates a new ReplicaSet")
    assert "Kubernetes" in result.skills
    assert result.projects == ["RouteOpt"]
    assert any("Kubernetes" in p and "RouteOpt" in p for p in result.points)
    # The cloud template won on the skill's category, and its placeholders are filled.
    assert result.template_key == "en.technical.cloud"
    assert "Say how you used Kubernetes in RouteOpt" in result.points


def test_an_unrelated_bank_question_is_not_used() -> None:
    asked = Asked("what is the cap theorem", "technical")
    result = suggest(asked, KNOWLEDGE, CANDIDATE)
    assert not any("ReplicaSet" in p or "B-tree" in p for p in result.points)
    assert result.template_key == "en.technical.general"


def test_situational_questions_get_a_structured_approach_and_a_real_case() -> None:
    asked = Asked("what would you do if you disagree with your manager", "situational", "conflict")
    result = suggest(asked, KNOWLEDGE, CANDIDATE)
    assert result.kind == "approach"
    assert result.points[0] == "Clarify what each side needs"
    assert any("Acme Logistics" in p for p in result.points)


def test_without_a_resume_the_placeholders_become_neutral_words() -> None:
    asked = Asked("tell me about working in a team", "behavioral", "teamwork")
    result = suggest(asked, KNOWLEDGE, Candidate())
    assert all("{" not in p for p in result.points)
    assert "Name who was involved at your last company" in result.points


def test_chinese_sessions_get_chinese_cards() -> None:
    asked = Asked("讲讲你和团队合作的经历", "behavioral", "teamwork", language="zh")
    result = suggest(asked, KNOWLEDGE, CANDIDATE)
    assert result.points[0].startswith("情境：在Acme Logistics担任Backend Engineer")
    assert "说清在Acme Logistics和谁合作" in result.points


def test_the_length_setting_bounds_the_points() -> None:
    asked = Asked("tell me about a time you helped a teammate", "behavioral", "teamwork")
    assert len(suggest(asked, KNOWLEDGE, CANDIDATE, max_points=3).points) == 3
    long = suggest(asked, KNOWLEDGE, CANDIDATE, max_points=7, detailed=True)
    assert 3 < len(long.points) <= 7


def test_common_question_words_do_not_pick_the_bank_question() -> None:
    # Both bank questions share "difference between" with the asked one; only one
    # shares what it is about.
    knowledge = Knowledge(
        templates=KNOWLEDGE.templates,
        bank=[
            BankEntry.from_dict(
                {
                    "language": "en",
                    "question_type": "technical",
                    "text": "What is the difference between == and === in PHP?",
                    "keywords": ["type juggling", "strict comparison"],
                    "answer_points": ["== compares after type juggling"],
                }
            ),
            BankEntry.from_dict(
                {
                    "language": "en",
                    "question_type": "technical",
                    "text": "What is the difference between a process and a thread?",
                    "keywords": ["memory space", "context switch"],
                    "answer_points": ["Threads share their process's memory"],
                }
            ),
            *[
                BankEntry.from_dict(
                    {
                        "language": "en",
                        "question_type": "technical",
                        "text": f"Explain the difference between option {n} and the other",
                        "answer_points": [f"point {n}"],
                    }
                )
                for n in range(5)
            ],
        ],
    )
    asked = Asked("so can you explain the difference between a process and a thread", "technical")
    assert suggest(asked, knowledge, CANDIDATE).points[0] == "Threads share their process's memory"
