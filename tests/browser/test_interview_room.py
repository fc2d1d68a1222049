from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from playwright.async_api import expect

from accounts.models import User
from interviews.models import InterviewEvaluation
from questions.tests.factories import GO_KUBERNETES, load_bank, parsed_resume
from tests.browser.helpers import log_in

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
    await log_in(page, EMAIL, PASSWORD, then="/interviews/")

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


@pytest.fixture
async def browser_with_a_voice(chromium_path, tmp_path):
    """Chromium whose microphone plays a spoken answer (espeak-ng) from a WAV file."""
    import subprocess

    from conftest import require_tool
    from tests.browser.conftest import browser_with_microphone

    voice = tmp_path / "answer.wav"
    subprocess.run(
        [
            require_tool("espeak-ng"),
            "-v",
            "en-us",
            "-s",
            "140",
            "-w",
            str(voice),
            "I would add an index to the slow query and measure the latency again.",
        ],
        check=True,
    )
    async with browser_with_microphone(chromium_path, voice) as instance:
        yield instance


async def test_a_recorded_answer_is_transcribed_in_the_room(browser_with_a_voice, live_asgi, shoot):
    await candidate()
    context = await browser_with_a_voice.new_context(
        base_url=f"http://{live_asgi}", locale="en-US", viewport={"width": 1200, "height": 820}
    )
    await context.grant_permissions(["microphone"])
    context.set_default_timeout(20_000)
    page = await context.new_page()
    await log_in(page, EMAIL, PASSWORD, then="/interviews/")
    await page.get_by_test_id("start-form").get_by_label("Number of questions").fill("2")
    await page.get_by_test_id("start").click()

    record = page.get_by_test_id("record")
    await expect(record).to_be_visible()
    await record.click()
    await expect(record).to_have_text("Stop and send")
    await page.wait_for_timeout(6_000)  # the fake microphone plays the answer
    await record.click()
    await expect(page.get_by_test_id("evaluation")).to_have_count(1, timeout=60_000)
    evaluation = await database_sync_to_async(InterviewEvaluation.objects.get)()
    assert evaluation.input_mode == "audio"
    assert "index" in evaluation.answer_text.lower()
    await shoot("43-interview-spoken-answer", page)
    await context.close()
