"""Parsed resumes of different people, in the DESIGN schema, for question tests."""

from __future__ import annotations

import copy
from typing import Any

from questions import bank
from questions.models import GenerationConfig
from resumes.models import Resume
from resumes.tests import files
from resumes.tests.factories import complete, make_resume


def _result(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "language": "en",
        "basic_info": {
            "name": "Sam Rivera",
            "email": "sam@example.com",
            "phone": None,
            "location": "Austin",
            "links": [],
        },
        "education": [],
        "work_experience": [],
        "skills": [],
        "projects": [],
        "certifications": [],
        "languages": [],
        "parse_confidence": 0.8,
    }
    base.update(copy.deepcopy(overrides))
    return base


GO_KUBERNETES = _result(
    work_experience=[
        {
            "company": "Northwind Cloud",
            "title": "Senior Backend Engineer",
            "location": "Austin",
            "start": "2021-03",
            "end": "present",
            "highlights": [
                "Built Go microservices serving 40k requests per second",
                "Ran the Kubernetes platform: Helm charts, autoscaling, rolling upgrades",
                "Cut p99 latency of the Go API by 35% with profiling",
            ],
        },
        {
            "company": "Blue Harbor",
            "title": "Software Engineer",
            "location": "Dallas",
            "start": "2017-06",
            "end": "2021-02",
            "highlights": ["Wrote Go services on Kubernetes and PostgreSQL", "Docker images"],
        },
    ],
    skills=[
        {"name": "Go", "category": "programming_language", "confidence": 0.9},
        {"name": "Kubernetes", "category": "cloud_devops", "confidence": 0.9},
        {"name": "PostgreSQL", "category": "database", "confidence": 0.9},
        {"name": "Docker", "category": "cloud_devops", "confidence": 0.9},
        {"name": "Redis", "category": "database", "confidence": 0.9},
    ],
    projects=[
        {
            "name": "kube-reaper",
            "description": "A Kubernetes controller in Go",
            "technologies": ["Go", "Kubernetes"],
        },
    ],
)

NURSE = _result(
    work_experience=[
        {
            "company": "St. Mary's Hospital",
            "title": "Registered Nurse",
            "location": "Denver",
            "start": "2018-05",
            "end": "present",
            "highlights": [
                "Cared for 6 patients per shift on a cardiac step-down unit",
                "Administered medications and documented care in Epic",
                "Trained new graduate nurses",
            ],
        },
        {
            "company": "Denver Health",
            "title": "Nursing Assistant",
            "start": "2016-01",
            "end": "2018-04",
            "location": "Denver",
            "highlights": ["Vital signs, patient mobility, infection control"],
        },
    ],
    skills=[
        {"name": "Excel", "category": "tool", "confidence": 0.9},
        {"name": "Communication", "category": "soft_skill", "confidence": 0.9},
    ],
)

ZH_JAVA = _result(
    language="zh",
    basic_info={
        "name": "李雷",
        "email": "lilei@example.com",
        "phone": None,
        "location": "杭州",
        "links": [],
    },
    work_experience=[
        {
            "company": "杭州云帆科技有限公司",
            "title": "Java开发工程师",
            "location": "杭州",
            "start": "2019-07",
            "end": "present",
            "highlights": ["负责订单系统的Spring微服务开发", "使用Redis缓存与MySQL分库分表"],
        }
    ],
    skills=[
        {"name": "Java", "category": "programming_language", "confidence": 0.9},
        {"name": "Spring", "category": "framework", "confidence": 0.9},
        {"name": "MySQL", "category": "database", "confidence": 0.9},
        {"name": "Redis", "category": "database", "confidence": 0.9},
    ],
)


def parsed_resume(owner: Any, result: dict[str, Any], *, pages: int = 1) -> Resume:
    resume = make_resume(owner, data=files.pdf_bytes(pages))
    complete(resume, result)
    return resume


def load_bank() -> bank.ImportSummary:
    return bank.import_records(bank.bank_records())


def technical_medium_config(owner: Any, *, count: int = 3) -> GenerationConfig:
    """Only technical questions of medium difficulty: easy to script an LLM answer for."""
    return GenerationConfig.objects.create(
        owner=owner,
        name=f"{count} technical",
        count=count,
        type_distribution={"technical": 1.0, "behavioral": 0.0, "situational": 0.0},
        difficulty_distribution={"easy": 0.0, "medium": 1.0, "hard": 0.0},
    )


CHEF = _result(
    work_experience=[
        {
            "company": "Harbor Bistro",
            "title": "Sous Chef",
            "location": "Portland",
            "start": "2019-02",
            "end": "present",
            "highlights": ["Ran the line for 120 covers a night", "Led a brigade of six cooks"],
        }
    ],
    skills=[
        {"name": "Leadership", "category": "soft_skill", "confidence": 0.9},
        {"name": "Negotiation", "category": "soft_skill", "confidence": 0.9},
        {"name": "Time management", "category": "soft_skill", "confidence": 0.9},
    ],
)
