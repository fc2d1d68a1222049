from __future__ import annotations

import json
from collections import Counter

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import make_user
from questions import bank
from questions.models import QuestionTemplate

GOOD = {
    "key": "en.redis.eviction",
    "language": "en",
    "question_type": "technical",
    "difficulty": "medium",
    "skill": "Redis",
    "skill_category": "database",
    "competency": "",
    "text": "At {company}, which Redis eviction policy did you choose, and why?",
    "keywords": ["maxmemory", "allkeys-lru", "volatile-ttl"],
    "answer_points": ["Knows the policies", "Ties the choice to the workload"],
}


def record(**changes):
    return {**GOOD, **changes}


# --- The shipped bank ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return bank.bank_records()


def test_shipped_bank_is_valid_and_large_enough(shipped):
    assert len(shipped) >= 400
    languages = Counter(r["language"] for r in shipped)
    assert languages["en"] >= 200 and languages["zh"] >= 200


def test_shipped_bank_covers_fifty_skills_the_categories_and_four_professions(shipped):
    skills = {r["skill"] for r in shipped if r["skill"]}
    assert len(skills) >= 50
    categories = {r["skill_category"] for r in shipped}
    for needed in (
        "programming_language",
        "framework",
        "database",
        "cloud_devops",
        "data_ml",
        "security",
        "system_design",
    ):
        assert needed in categories
    professions = categories & {
        "healthcare",
        "finance",
        "sales",
        "education",
        "marketing",
        "human_resources",
    }
    assert len(professions) >= 4
    for language in ("en", "zh"):
        own = [r for r in shipped if r["language"] == language]
        assert {r["question_type"] for r in own} == {"technical", "behavioral", "situational"}
        competencies = {r["competency"] for r in own if r["question_type"] == "behavioral"}
        assert len(competencies) >= 10
        assert {r["difficulty"] for r in own} == {"easy", "medium", "hard"}


def test_every_shipped_template_has_answer_points_and_keywords(shipped):
    thin = [r["key"] for r in shipped if len(r["answer_points"]) < 3 or len(r["keywords"]) < 3]
    assert thin == []


@pytest.mark.django_db
def test_loading_the_bank_twice_changes_nothing_the_second_time():
    call_command("load_question_bank", verbosity=0)
    total = QuestionTemplate.objects.count()
    assert total >= 400
    summary = bank.import_records(bank.bank_records())
    assert (summary.created, summary.updated) == (0, 0)
    assert QuestionTemplate.objects.count() == total


@pytest.mark.django_db
def test_load_defaults_loads_the_bank():
    call_command("load_defaults", verbosity=0)
    assert QuestionTemplate.objects.filter(language="zh").count() >= 200


# --- Validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"key": "Has Spaces"}, "key"),
        ({"language": "fr"}, "language"),
        ({"question_type": "trivia"}, "question_type"),
        ({"difficulty": "brutal"}, "difficulty"),
        ({"skill": "Cobolt++"}, "skill"),
        ({"skill_category": "astrology"}, "skill_category"),
        ({"skill_category": "framework"}, "skill_category"),  # Redis is a database
        ({"text": "Tell me about {employer}"}, "text"),
        ({"text": "Unbalanced {company"}, "text"),
        ({"text": "How do you use {skill}?"}, "text"),  # skill is set: name it
        ({"text": ""}, "text"),
        ({"competency": "teamwork"}, "competency"),  # technical questions have none
        ({"keywords": "cache, ttl"}, "keywords"),
        ({"answer_points": [1, 2]}, "answer_points"),
        ({"is_active": "maybe"}, "is_active"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_a_bad_record_names_its_field(changes, field):
    _, problems = bank.clean_record(record(**changes))
    assert field in {f for f, _ in problems}


def test_behavioral_questions_need_a_competency():
    _, problems = bank.clean_record(
        record(question_type="behavioral", skill="", skill_category="general", text="Tell me.")
    )
    assert "competency" in {f for f, _ in problems}


def test_a_good_record_is_clean_and_normalised():
    cleaned, problems = bank.clean_record(record(text="  At {company},   which  policy? "))
    assert problems == []
    assert cleaned["text"] == "At {company}, which policy?"
    assert cleaned["is_active"] is True


# --- Import and export --------------------------------------------------------------------


def test_json_errors_carry_the_line_of_their_object():
    good = json.dumps(record(), indent=1)
    bad = json.dumps(record(key="en.redis.other", difficulty="brutal"), indent=1)
    text = f"[\n{good},\n{bad}\n]"
    with pytest.raises(bank.BankImportError) as caught:
        bank.validate_rows(bank.json_rows(text))
    bad_line = text[: text.index('"en.redis.other"')].count("\n")  # the "{" line
    assert [(e.line, e.field) for e in caught.value.errors] == [(bad_line, "difficulty")]


def test_duplicate_keys_are_reported_at_the_second_occurrence():
    text = json.dumps([record(), record()], indent=1)
    with translation.override("en"), pytest.raises(bank.BankImportError) as caught:
        bank.validate_rows(bank.json_rows(text))
    (error,) = caught.value.errors
    assert error.field == "key" and "line 2" in error.message


def test_invalid_json_reports_where():
    with pytest.raises(bank.BankImportError) as caught:
        bank.parse_upload(b'[\n{"key": "a",\n "text": }\n]', "bank.json")
    assert caught.value.errors[0].line == 3


@pytest.mark.django_db
def test_a_bad_row_imports_nothing():
    QuestionTemplate.objects.create(**bank.clean_record(record())[0])
    rows = [record(text="Changed text?"), record(key="en.new.one", language="xx")]
    with pytest.raises(bank.BankImportError):
        bank.import_records(bank.parse_upload(json.dumps(rows).encode(), "t.json"))
    assert QuestionTemplate.objects.get().text == GOOD["text"]
    assert QuestionTemplate.objects.count() == 1


@pytest.mark.django_db
def test_csv_export_imports_back_unchanged():
    QuestionTemplate.objects.create(**bank.clean_record(record())[0])
    QuestionTemplate.objects.create(
        **bank.clean_record(
            record(
                key="zh.redis.penetration",
                language="zh",
                text="缓存穿透是什么？你在{company}是怎么防止的？",
                keywords=["布隆过滤器", "空值缓存"],
                answer_points=["解释穿透", "布隆过滤器或缓存空值"],
                is_active=False,
            )
        )[0]
    )
    exported = bank.export_csv(QuestionTemplate.objects.order_by("key"))
    records = bank.parse_upload(exported.encode("utf-8"), "bank.csv")
    summary = bank.import_records(records)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    zh = QuestionTemplate.objects.get(key="zh.redis.penetration")
    assert zh.keywords == ["布隆过滤器", "空值缓存"] and zh.is_active is False


def test_csv_errors_carry_their_line():
    header = ",".join(bank.FIELDS)
    good = '{k},en,technical,easy,Redis,database,,"What is Redis?",a | b | c,x | y | z,true'
    lines = [header, good.format(k="en.a"), good.format(k="en.b").replace("easy", "simple")]
    with pytest.raises(bank.BankImportError) as caught:
        bank.parse_upload("\n".join(lines).encode(), "bank.csv")
    assert [(e.line, e.field) for e in caught.value.errors] == [(3, "difficulty")]


# --- Admin --------------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, db):
    admin = make_user(email="staff@example.com", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_admin_import_shows_bad_lines_and_writes_nothing(staff_client, tmp_path):
    rows = [record(), record(key="en.bad", skill_category="astrology")]
    upload = tmp_path / "bank.json"
    upload.write_text(json.dumps(rows, indent=1))
    with upload.open("rb") as handle:
        response = staff_client.post(
            reverse("admin:questions_questiontemplate_import"), {"file": handle}
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="import-errors"' in page and "skill_category" in page
    assert QuestionTemplate.objects.count() == 0


def test_admin_import_then_bulk_disable_then_export(staff_client, tmp_path):
    upload = tmp_path / "bank.json"
    upload.write_text(json.dumps([record(), record(key="en.redis.second")]))
    with upload.open("rb") as handle:
        response = staff_client.post(
            reverse("admin:questions_questiontemplate_import"), {"file": handle}
        )
    assert response.status_code == 302
    assert QuestionTemplate.objects.filter(is_active=True).count() == 2

    changelist = reverse("admin:questions_questiontemplate_changelist")
    ids = list(QuestionTemplate.objects.values_list("pk", flat=True))
    response = staff_client.post(
        changelist, {"action": "disable", "_selected_action": ids}, follow=True
    )
    assert response.status_code == 200
    assert QuestionTemplate.objects.filter(is_active=True).count() == 0

    response = staff_client.get(reverse("admin:questions_questiontemplate_export", args=["json"]))
    exported = json.loads(response.content)
    assert {r["key"] for r in exported} == {"en.redis.eviction", "en.redis.second"}
    assert all(r["is_active"] is False for r in exported)

    filtered = staff_client.get(changelist, {"language": "en", "difficulty__exact": "medium"})
    assert filtered.status_code == 200


def test_admin_edit_form_refuses_unknown_placeholders(staff_client):
    response = staff_client.post(
        reverse("admin:questions_questiontemplate_add"),
        {**record(text="At {employer}?"), "keywords": '["a"]', "answer_points": '["b"]'},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "unknown placeholder" in response.content.decode()
    assert not QuestionTemplate.objects.exists()
