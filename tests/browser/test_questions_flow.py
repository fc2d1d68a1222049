from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from channels.db import database_sync_to_async
from playwright.async_api import expect

from accounts.models import User
from questions.models import GenerationConfig
from questions.tests.factories import (
    GO_KUBERNETES,
    load_bank,
    parsed_resume,
    technical_medium_config,
)
from questions.tests.test_llm_engine import GOOD_QUESTIONS
from tests.browser.helpers import log_in
from tests.llm_server import Reply, ScriptedLLM, llm_server
from tests.processes import celery_worker, daphne_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "questions.user@example.com"
PASSWORD = "a-long-passphrase-9"


@database_sync_to_async
def candidate_with_a_parsed_resume() -> int:
    load_bank()
    user = User.objects.create_user(EMAIL, PASSWORD, display_name="Linus")
    return parsed_resume(user, GO_KUBERNETES).pk


async def test_generate_browse_configure_in_two_languages(page, shoot):
    resume_id = await candidate_with_a_parsed_resume()
    await log_in(page, EMAIL, PASSWORD, then=f"/resumes/{resume_id}/")

    await page.get_by_test_id("practice-questions").click()
    await expect(page.get_by_test_id("no-questions")).to_be_visible()
    await shoot("20-questions-empty")

    await page.get_by_test_id("generate").click()
    questions = page.get_by_test_id("questions").locator("li.question")
    await expect(questions).to_have_count(10)
    await expect(page.get_by_test_id("engine-note")).to_contain_text("question bank")
    await expect(page.get_by_test_id("questions")).to_contain_text("Go")
    first_points = questions.first.locator("details")
    await first_points.locator("summary").click()
    await expect(first_points.locator("li").first).to_be_visible()
    await shoot("21-questions-generated")

    await page.get_by_test_id("filter-type").select_option("technical")
    await expect(questions.first).to_have_attribute("data-type", "technical")
    for item in await questions.all():
        assert await item.get_attribute("data-type") == "technical"

    editor = page.get_by_test_id("config-form")
    await page.get_by_test_id("config-editor").locator("summary").click()
    await editor.get_by_label("Name").fill("Hard systems")
    await editor.get_by_label("Easy").fill("50")
    await editor.get_by_label("Medium").fill("30")
    await editor.get_by_label("Hard").fill("50")
    await page.get_by_test_id("save-config").click()
    await expect(page.get_by_test_id("config-errors")).to_contain_text("add up to 1")
    await shoot("22-config-error")

    editor = page.get_by_test_id("config-form")
    await editor.get_by_label("Easy").fill("0")
    await editor.get_by_label("Medium").fill("0")
    await editor.get_by_label("Hard").fill("100")
    await editor.get_by_label("Technical", exact=True).fill("100")
    await editor.get_by_label("Behavioral", exact=True).fill("0")
    await editor.get_by_label("Situational", exact=True).fill("0")
    await editor.get_by_label("Number of questions").fill("4")
    await page.get_by_test_id("save-config").click()
    await expect(page.get_by_text("Config “Hard systems” saved.")).to_be_visible()
    assert await database_sync_to_async(GenerationConfig.objects.count)() == 1

    await page.get_by_test_id("use-config").select_option(label="Hard systems")
    await page.get_by_test_id("generate").click()
    await expect(questions).to_have_count(4)
    for item in await questions.all():
        assert await item.get_attribute("data-difficulty") == "hard"
    await shoot("23-config-generated")

    await page.get_by_test_id("language-select").select_option("zh-hans")
    await expect(page.get_by_role("heading", name="面试练习题")).to_be_visible()
    await expect(page.get_by_test_id("engine-note")).to_contain_text("题库")
    await shoot("24-questions-zh")


@pytest.fixture
def llm_stack(redis_url: str, django_db_setup: Any) -> Iterator[tuple[str, ScriptedLLM]]:
    """Daphne and a Celery worker, both configured with an LLM (the local test server)
    and a Redis broker, so an LLM generation really runs in the background."""
    from django.db import connection

    with llm_server() as llm:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "IG_LIVE_DATABASE_NAME": str(connection.settings_dict["NAME"]),
            "REDIS_URL": redis_url,
            "CELERY_EAGER": "0",
            "IG_TEST_LLM_API_KEY": "sk-test",
            "LLM_BASE_URL": llm.url,
            "PYTHONUNBUFFERED": "1",
        }
        with daphne_server(env) as address, celery_worker(env, queues="default"):
            yield address, llm


async def test_an_llm_generation_shows_progress_then_its_questions(browser, llm_stack, shoot):
    address, llm = llm_stack
    # The model takes a while: the page must show progress, then the questions.
    llm.script(Reply(content=Reply.answer(GOOD_QUESTIONS).content, delay=3.0))
    resume_id = await candidate_with_a_parsed_resume()
    await database_sync_to_async(_three_technical_medium)()

    context = await browser.new_context(
        base_url=f"http://{address}", locale="en-US", viewport={"width": 1200, "height": 820}
    )
    context.set_default_timeout(20_000)
    page = await context.new_page()
    await log_in(page, EMAIL, PASSWORD, then=f"/questions/resume/{resume_id}/")

    await page.get_by_test_id("use-config").select_option(label="3 technical")
    await page.get_by_test_id("generate").click()
    await expect(page.get_by_test_id("generation-progress")).to_be_visible()
    await shoot("25-llm-progress", page)
    await expect(page.get_by_test_id("questions").locator("li.question")).to_have_count(
        3, timeout=60_000
    )
    await expect(page.get_by_test_id("engine-note")).to_contain_text("language model")
    await expect(page.get_by_test_id("questions")).to_contain_text("goroutines")
    await shoot("26-llm-questions", page)
    await context.close()


def _three_technical_medium() -> None:
    technical_medium_config(User.objects.get(email=EMAIL), count=3)
