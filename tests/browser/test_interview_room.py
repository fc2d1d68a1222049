from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from playwright.async_api import expect

from accounts.models import User
from interviews.models import InterviewEvaluation
from questions.tests.factories import GO_KUBERNETES, load_bank, parsed_resume

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "interview.user@example.com"
PASSWORD = "a-long-passphrase-9"


@database_sync_to_async
def candidate() -> None:
    load_bank()
    user = User.objects.create_user(EMAIL, PASSWORD, display_name="Ada")
    parsed_resume(user, GO_KUBERNETES)


async def test_start_answer_over_the_socket_and_finish(page, shoot):
    await candidate()
    await page.goto("/accounts/login?next=/interviews/")
    form = page.get_by_test_id("login-form")
    await form.get_by_label("Email").fill(EMAIL)
    await form.get_by_label("Password").fill(PASSWORD)
    await form.get_by_role("button", name="Log in").click()

    await page.get_by_test_id("start-form").get_by_label("Number of questions").fill("2")
    await page.get_by_test_id("start").click()
    question = page.get_by_test_id("question-text")
    await expect(question).not_to_be_empty()
    first = await question.text_content()
    await shoot("40-interview-room")

    await page.get_by_role("textbox", name="Your answer").fill(
        "I would profile first, then add the missing index and measure again."
    )
    await page.get_by_test_id("send-answer").click()
    await expect(page.get_by_test_id("evaluation")).to_have_count(1, timeout=30_000)
    await expect(question).not_to_have_text(first or "")
    await shoot("41-interview-analysis")
    assert await database_sync_to_async(InterviewEvaluation.objects.count)() == 1

    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("finish").click()
    await expect(page.get_by_test_id("finished")).to_be_visible()
    await page.get_by_test_id("language-select").select_option("zh-hans")
    await expect(page.get_by_text("面试已结束")).to_be_visible()
    await shoot("42-interview-finished-zh")
