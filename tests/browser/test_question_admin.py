from __future__ import annotations

import json

import pytest
from channels.db import database_sync_to_async
from playwright.async_api import expect

from accounts.models import User
from questions.models import QuestionTemplate
from questions.tests.factories import load_bank

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "curator@example.com"
PASSWORD = "a-long-passphrase-9"


@database_sync_to_async
def staff_and_bank() -> int:
    load_bank()
    User.objects.create_superuser(EMAIL, PASSWORD)
    return QuestionTemplate.objects.count()


async def test_staff_filter_import_and_see_bad_lines(page, shoot, tmp_path):
    total = await staff_and_bank()
    await page.goto("/admin/login/?next=/admin/questions/questiontemplate/")
    await page.get_by_label("Email").fill(EMAIL)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()

    await expect(page.locator("#result_list")).to_be_visible()
    await page.goto("/admin/questions/questiontemplate/?language__exact=zh&skill=Redis")
    rows = page.locator("#result_list tbody tr")
    await expect(rows).to_have_count(3)
    await shoot("30-admin-templates-filtered")

    bad = [
        {
            "key": "en.redis.ok",
            "language": "en",
            "question_type": "technical",
            "difficulty": "easy",
            "skill": "Redis",
            "skill_category": "database",
            "competency": "",
            "text": "What is Redis?",
            "keywords": ["cache"],
            "answer_points": ["In-memory store"],
        },
        {"key": "en.redis.bad", "language": "en", "text": "Tell me about {employer}"},
    ]
    upload = tmp_path / "bank.json"
    upload.write_text(json.dumps(bad, indent=1))
    await page.goto("/admin/questions/questiontemplate/")
    await page.get_by_role("link", name="Import JSON/CSV").click()
    await page.locator("input[type=file]").set_input_files(str(upload))
    await page.get_by_role("button", name="Import").click()
    errors = page.locator("#import-errors")
    await expect(errors).to_contain_text("unknown placeholder {employer}")
    await expect(errors).to_contain_text("question_type")
    await shoot("31-admin-import-errors")
    assert await database_sync_to_async(QuestionTemplate.objects.count)() == total
