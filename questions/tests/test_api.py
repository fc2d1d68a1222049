from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.tests.factories import make_user
from accounts.tests.test_auth_api import assert_error
from questions.models import GenerationConfig, GenerationLog, Question
from questions.tests.factories import GO_KUBERNETES, parsed_resume
from resumes.tests.factories import make_resume
from resumes.tests.test_api import client_for

pytestmark = pytest.mark.django_db

VALID_CONFIG = {
    "name": "Backend loop",
    "count": 8,
    "difficulty_distribution": {"easy": 0.25, "medium": 0.5, "hard": 0.25},
    "type_distribution": {"technical": 0.5, "behavioral": 0.25, "situational": 0.25},
    "skill_categories": ["programming_language", "cloud_devops"],
    "custom_rules": {"exclude_skills": ["Redis"], "focus_latest_role": True},
    "language": "en",
}


# --- Configs ------------------------------------------------------------------------------


def test_config_lifecycle(auth_api):
    created = auth_api.post("/api/questions/configs", VALID_CONFIG, format="json")
    assert created.status_code == 201, created.content
    config = created.json()
    assert config["difficulty_distribution"] == {"easy": 0.25, "medium": 0.5, "hard": 0.25}

    listed = auth_api.get("/api/questions/configs").json()
    assert [c["id"] for c in listed["results"]] == [config["id"]]

    changed = auth_api.patch(f"/api/questions/configs/{config['id']}", {"count": 12}, format="json")
    assert changed.status_code == 200 and changed.json()["count"] == 12

    deleted = auth_api.delete(f"/api/questions/configs/{config['id']}")
    assert deleted.status_code == 204
    assert not GenerationConfig.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"difficulty_distribution": {"easy": 0.5, "medium": 0.4, "hard": 0.2}},
            "difficulty_distribution",
        ),
        ({"type_distribution": {"technical": 0.5}}, "type_distribution"),
        ({"type_distribution": {"technical": 1.5, "behavioral": -0.5}}, "type_distribution"),
        ({"type_distribution": {"trivia": 1.0}}, "type_distribution"),
        ({"difficulty_distribution": {"easy": True}}, "difficulty_distribution"),
        ({"count": -3}, "count"),
        ({"count": 0}, "count"),
        ({"count": 500}, "count"),
        ({"skill_categories": ["astrology"]}, "skill_categories"),
        ({"custom_rules": {"exclude_skills": "Redis"}}, "custom_rules"),
        ({"custom_rules": {"mood": "grumpy"}}, "custom_rules"),
        ({"language": "fr"}, "language"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_configs_are_a_clear_400(auth_api, changes, field):
    response = auth_api.post("/api/questions/configs", {**VALID_CONFIG, **changes}, format="json")
    error = assert_error(response, 400, "validation_error")
    assert field in error["details"]


def test_sums_are_checked_with_rounding_slack(auth_api):
    thirds = {"easy": 0.333, "medium": 0.333, "hard": 0.334}
    response = auth_api.post(
        "/api/questions/configs", {**VALID_CONFIG, "difficulty_distribution": thirds}, format="json"
    )
    assert response.status_code == 201


def test_config_names_are_unique_per_user(auth_api):
    assert auth_api.post("/api/questions/configs", VALID_CONFIG, format="json").status_code == 201
    again = auth_api.post("/api/questions/configs", VALID_CONFIG, format="json")
    assert "name" in assert_error(again, 400)["details"]
    other = client_for(make_user())
    assert other.post("/api/questions/configs", VALID_CONFIG, format="json").status_code == 201


# --- Ownership ----------------------------------------------------------------------------


def test_another_users_resume_questions_and_configs_are_404(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    config_id = auth_api.post("/api/questions/configs", VALID_CONFIG, format="json").json()["id"]
    generated = auth_api.post(
        "/api/questions/generate", {"resume_id": resume.pk}, format="json"
    ).json()
    generation_id = generated["generation"]["id"]

    intruder = client_for(make_user())
    assert_error(intruder.get(f"/api/questions/{resume.pk}"), 404, "not_found")
    assert_error(
        intruder.post("/api/questions/generate", {"resume_id": resume.pk}, format="json"), 404
    )
    assert_error(intruder.get(f"/api/questions/configs/{config_id}"), 404)
    assert_error(
        intruder.patch(f"/api/questions/configs/{config_id}", {"count": 3}, format="json"), 404
    )
    assert_error(intruder.delete(f"/api/questions/configs/{config_id}"), 404)
    assert_error(intruder.get(f"/api/questions/generations/{generation_id}"), 404)
    assert intruder.get("/api/questions/configs").json()["results"] == []
    assert intruder.get("/api/questions/generations").json()["results"] == []
    assert GenerationConfig.objects.filter(pk=config_id).exists()


def test_someone_elses_config_cannot_be_used_on_ones_own_resume(user, auth_api, question_bank):
    stranger = make_user()
    foreign = GenerationConfig.objects.create(
        owner=stranger,
        name="x",
        type_distribution={"technical": 1.0},
        difficulty_distribution={"easy": 1.0},
    )
    resume = parsed_resume(user, GO_KUBERNETES)
    response = auth_api.post(
        "/api/questions/generate", {"resume_id": resume.pk, "config_id": foreign.pk}, format="json"
    )
    assert_error(response, 404)


# --- Generation ---------------------------------------------------------------------------


def test_generate_inline_then_from_the_cache(
    user, auth_api, question_bank, django_capture_on_commit_callbacks
):
    resume = parsed_resume(user, GO_KUBERNETES)
    with django_capture_on_commit_callbacks(execute=True):  # the cache is filled on commit
        first = auth_api.post(
            "/api/questions/generate", {"resume_id": resume.pk, "count": 10}, format="json"
        )
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["cached"] is False
    assert body["generation"]["engine_used"] == "template"
    assert body["generation"]["engine_requested"] == "template"
    assert len(body["questions"]) == 10
    assert body["generation"]["skills_analysis"]["skills"][0]["level"] in {
        "beginner",
        "intermediate",
        "advanced",
        "expert",
    }

    again = auth_api.post(
        "/api/questions/generate", {"resume_id": resume.pk, "count": 10}, format="json"
    )
    assert again.status_code == 200
    assert again.json()["cached"] is True
    assert [q["id"] for q in again.json()["questions"]] == [q["id"] for q in body["questions"]]
    assert GenerationLog.objects.count() == 1

    reseeded = auth_api.post(
        "/api/questions/generate", {"resume_id": resume.pk, "count": 10, "seed": 7}, format="json"
    )
    assert reseeded.status_code == 201
    assert GenerationLog.objects.count() == 2


def test_corrections_invalidate_the_cache(
    user, auth_api, question_bank, django_capture_on_commit_callbacks
):
    resume = parsed_resume(user, GO_KUBERNETES)
    request = {"resume_id": resume.pk, "count": 6}
    with django_capture_on_commit_callbacks(execute=True):
        assert auth_api.post("/api/questions/generate", request, format="json").status_code == 201
    assert auth_api.post("/api/questions/generate", request, format="json").status_code == 200
    patched = auth_api.patch(
        f"/api/resumes/{resume.pk}/parse-result",
        {"skills": [{"name": "Rust", "category": "programming_language", "confidence": 1.0}]},
        format="json",
    )
    assert patched.status_code == 200, patched.content
    after = auth_api.post("/api/questions/generate", request, format="json")
    assert after.status_code == 201 and after.json()["cached"] is False


def test_a_resume_still_being_read_is_a_409(user, auth_api, question_bank):
    resume = make_resume(user)
    response = auth_api.post("/api/questions/generate", {"resume_id": resume.pk}, format="json")
    error = assert_error(response, 409, "resume_not_ready")
    assert error["details"]["status"] == "pending"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"resume_id": "one"},
        {"resume_id": 1, "count": 0},
        {"resume_id": 1, "count": 51},
        {"resume_id": 1, "language": "de"},
        {"resume_id": 1, "engine": "magic"},
        {"resume_id": 1, "extra": True},
    ],
)
def test_bad_generate_requests_are_400(auth_api, body):
    assert_error(auth_api.post("/api/questions/generate", body, format="json"), 400)


def test_listing_filters_and_paginates_in_constant_queries(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    auth_api.post("/api/questions/generate", {"resume_id": resume.pk, "count": 12}, format="json")
    listed = auth_api.get(f"/api/questions/{resume.pk}")
    assert listed.status_code == 200
    assert listed.json()["count"] == 12

    technical = auth_api.get(f"/api/questions/{resume.pk}", {"type": "technical"}).json()
    assert technical["results"] and {q["question_type"] for q in technical["results"]} == {
        "technical"
    }
    hard = auth_api.get(f"/api/questions/{resume.pk}", {"difficulty": "hard"}).json()
    assert {q["difficulty"] for q in hard["results"]} <= {"hard"}
    assert_error(auth_api.get(f"/api/questions/{resume.pk}", {"type": "trivia"}), 400)

    with CaptureQueriesContext(connection) as queries:
        auth_api.get(f"/api/questions/{resume.pk}", {"page_size": 5})
    few = len(queries)
    auth_api.post(
        "/api/questions/generate", {"resume_id": resume.pk, "count": 20, "seed": 3}, format="json"
    )
    with CaptureQueriesContext(connection) as queries:
        auth_api.get(f"/api/questions/{resume.pk}", {"page_size": 30})
    assert len(queries) == few
    assert Question.objects.filter(resume=resume).count() == 32


def test_deleting_the_resume_deletes_its_questions(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    auth_api.post("/api/questions/generate", {"resume_id": resume.pk}, format="json")
    assert Question.objects.exists()
    assert auth_api.delete(f"/api/resumes/{resume.pk}").status_code == 204
    assert not Question.objects.exists() and not GenerationLog.objects.exists()


def test_generation_metrics_are_exported(
    user, auth_api, question_bank, settings, django_capture_on_commit_callbacks
):
    settings.METRICS_TOKEN = "m-token"
    resume = parsed_resume(user, GO_KUBERNETES)
    with django_capture_on_commit_callbacks(execute=True):
        auth_api.post("/api/questions/generate", {"resume_id": resume.pk}, format="json")
    auth_api.post("/api/questions/generate", {"resume_id": resume.pk}, format="json")
    text = APIClient().get("/metrics", HTTP_AUTHORIZATION="Bearer m-token").content.decode()
    assert 'ig_question_generation_seconds_count{engine="template"}' in text
    assert 'ig_question_generation_cache_total{outcome="hit"}' in text
    assert "ig_question_skill_coverage_ratio_bucket" in text


def test_generation_has_its_own_rate_limit(user, auth_api, question_bank, settings):
    settings.THROTTLE_GENERATE_RATE = "2/minute"
    resume = parsed_resume(user, GO_KUBERNETES)
    for seed in (1, 2):
        body = {"resume_id": resume.pk, "count": 3, "seed": seed}
        assert auth_api.post("/api/questions/generate", body, format="json").status_code == 201
    third = auth_api.post(
        "/api/questions/generate", {"resume_id": resume.pk, "seed": 3}, format="json"
    )
    assert_error(third, 429)
    assert third["Retry-After"]
    assert auth_api.get(f"/api/questions/{resume.pk}").status_code == 200  # reads are not limited
