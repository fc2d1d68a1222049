"""The live assist console in real Chromium against live Daphne: typed questions, the
fake microphone (espeak-ng through Chromium's fake capture device) and reconnection."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from channels.db import database_sync_to_async
from django.core.management import call_command
from playwright.async_api import expect

from accounts.models import User
from assist.models import AssistLog, AssistSession
from conftest import require_tool
from questions.tests.factories import GO_KUBERNETES, load_bank, parsed_resume
from tests.browser.conftest import browser_with_microphone
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "assist.user@example.com"
PASSWORD = "a-long-passphrase-9"
DISAGREED = "tell me about a time you disagreed with a teammate"
SPOKEN = "um so can you explain the difference between a process and a thread"


@database_sync_to_async
def candidate() -> None:
    load_bank()
    call_command("load_answer_templates", verbosity=0)
    user = User.objects.create_user(EMAIL, PASSWORD, display_name="Ada")
    parsed_resume(user, GO_KUBERNETES)


async def start_console(page) -> None:
    """Log in, start a session on the resume from the list page, land on the console."""
    await log_in(page, EMAIL, PASSWORD, then="/assist/")
    await expect(page.get_by_test_id("no-sessions")).to_be_visible()
    form = page.get_by_test_id("start-form")
    await form.get_by_label("Resume").select_option(index=1)
    await page.get_by_test_id("start").click()
    await expect(page.get_by_test_id("assist-status")).to_have_attribute("data-state", "ready")


async def ask(page, text: str) -> None:
    await page.get_by_label("Type a question you heard").fill(text)
    await page.get_by_test_id("ask").click()


async def test_the_start_form_explains_what_is_wrong(page, shoot):
    await candidate()
    await page.set_viewport_size({"width": 390, "height": 844})
    await log_in(page, EMAIL, PASSWORD, then="/assist/")
    form = page.get_by_test_id("start-form")
    for kind in ("technical", "behavioral", "situational"):
        await form.get_by_label(kind).uncheck()
    await page.get_by_test_id("start").click()
    await expect(page.get_by_test_id("types-error")).to_have_text(
        "Choose at least one question type."
    )
    await shoot("49-assist-start-error-mobile")
    assert not await database_sync_to_async(AssistSession.objects.exists)()


async def test_a_typed_question_gets_a_card_and_the_controls_change_the_status(page, shoot):
    await candidate()
    await start_console(page)
    status = page.get_by_test_id("assist-status")

    await ask(page, DISAGREED)
    card = page.get_by_test_id("question-card")
    await expect(card).to_have_count(1, timeout=30_000)
    await expect(card).to_have_attribute("data-question-type", "behavioral")
    await expect(card.get_by_test_id("question-type")).to_have_text("behavioral")
    await expect(card.get_by_test_id("suggestion-points").locator("li").first).to_be_visible()
    assert await card.get_by_test_id("suggestion-points").locator("li").count() >= 3
    await expect(card.get_by_test_id("source-badge")).to_have_text("Template")
    await expect(page.get_by_test_id("transcript-line")).to_have_count(1)
    await expect(page.get_by_test_id("latency")).to_contain_text("median")
    await expect(page.get_by_test_id("announce")).to_contain_text("New answer points for")
    await shoot("50-assist-console-card")

    await page.get_by_test_id("pause").click()
    await expect(status).to_have_attribute("data-state", "paused")
    await expect(status).to_have_text("Paused")
    await expect(page.get_by_test_id("ask")).to_be_disabled()
    await page.get_by_test_id("pause").click()  # now labelled "Resume listening"
    await expect(status).to_have_attribute("data-state", "ready")

    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("end").click()
    await expect(status).to_have_attribute("data-state", "ended")
    await expect(page.get_by_test_id("ended-note")).to_be_visible()
    await expect(page.get_by_test_id("typed-form")).to_be_hidden()
    session = await database_sync_to_async(AssistSession.objects.get)()
    assert session.status == "ended" and session.questions_detected == 1

    # A reload in Chinese: the page follows the site's language, and the socket's
    # replay brings the card back once.
    await page.get_by_test_id("language-select").select_option("zh-hans")
    await expect(page.get_by_role("heading", name="实时辅助控制台")).to_be_visible()
    await expect(card).to_have_count(1)
    await expect(card.get_by_test_id("question-type")).to_have_text("行为题")
    await expect(status).to_have_text("已结束")
    await expect(card.get_by_test_id("suggestion-points").locator("li").first).to_be_visible()
    await shoot("51-assist-console-ended-zh")

    await page.get_by_test_id("nav-assist").click()
    await expect(page.get_by_test_id("assist-row")).to_have_count(1)
    await expect(page.get_by_test_id("assist-row")).to_contain_text("已结束")
    await shoot("52-assist-list-zh")
    await page.get_by_test_id("language-select").select_option("en")
    await expect(page.get_by_role("heading", name="Your live assist sessions")).to_be_visible()
    await shoot("53-assist-list")


async def test_the_socket_reconnects_and_keeps_the_cards_once(page, browser, live_asgi, shoot):
    await candidate()
    await start_console(page)
    await ask(page, DISAGREED)
    card = page.get_by_test_id("question-card")
    await expect(card.get_by_test_id("suggestion-points").locator("li").first).to_be_visible(
        timeout=30_000
    )
    replayed_before = await page.evaluate("window.__assist.replayed")

    await page.evaluate("window.__assist.audioSocket.close()")
    status = page.get_by_test_id("assist-status")
    await expect(status).to_have_attribute("data-state", "reconnecting")
    await expect(status).to_have_attribute("data-state", "ready")
    # The new socket replays the typed question (transcript, question, suggestion).
    await page.wait_for_function(f"window.__assist.replayed >= {replayed_before + 3}")
    await expect(card).to_have_count(1)
    await expect(page.get_by_test_id("transcript-line")).to_have_count(1)
    assert await page.evaluate("window.__assist.links[0].opens") == 2

    # Still live after the reconnection: another question gets its own card.
    await ask(page, "how would you design a rate limiter for an API")
    await expect(card).to_have_count(2, timeout=30_000)
    await expect(card.first).to_have_attribute("data-question-type", "technical")

    # The same console at phone width, in Chinese.
    url = page.url
    phone = await browser.new_context(
        base_url=f"http://{live_asgi}",
        locale="zh-CN",
        viewport={"width": 390, "height": 844},
        storage_state=await page.context.storage_state(),
    )
    mobile = await phone.new_page()
    errors: list[str] = []
    mobile.on("pageerror", lambda exc: errors.append(str(exc)))
    await mobile.goto(url)
    await expect(mobile.get_by_test_id("question-card")).to_have_count(2)
    await mobile.get_by_test_id("language-select").select_option("zh-hans")
    await expect(mobile.get_by_test_id("question-card")).to_have_count(2)
    await expect(mobile.get_by_test_id("assist-status")).to_have_text("就绪")
    overflow = await mobile.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the console scrolls sideways at 390 px by {overflow}px"
    await shoot("54-assist-console-mobile-zh", mobile)
    await mobile.get_by_test_id("language-select").select_option("en")
    await expect(mobile.get_by_test_id("assist-status")).to_have_text("Ready")
    await shoot("55-assist-console-mobile", mobile)
    await phone.close()
    assert not errors, errors


async def test_after_three_failed_reconnects_a_button_reconnects(page, shoot):
    """Refused reconnections (a stand-in for a server that is gone) are counted, then the
    page says so and offers a button; an overloaded server (4429) is retried later."""
    await candidate()
    await start_console(page)
    await ask(page, DISAGREED)
    card = page.get_by_test_id("question-card")
    await expect(card.get_by_test_id("suggestion-points").locator("li").first).to_be_visible(
        timeout=30_000
    )
    refusal = {"mode": "pass"}

    async def audio_socket(ws):
        if refusal["mode"] == "down":
            await ws.close(code=1011)
        elif refusal["mode"] == "overloaded":
            ws.send(
                '{"type":"error","code":"overloaded","action":"retry",'
                '"message":"The assistant is at capacity right now; try again in a moment."}'
            )
            await ws.close(code=4429)
        else:
            ws.connect_to_server()
            # As when speech recognition fails: the page asks for the question typed.
            ws.send(
                '{"type":"error","code":"transcription_failed","action":"text_input",'
                '"message":"Speech recognition is unavailable."}'
            )

    await page.route_web_socket(lambda url: "channel=interviewer" in url, audio_socket)
    status = page.get_by_test_id("assist-status")
    refusal["mode"] = "down"
    await page.evaluate("window.__assist.audioSocket.close()")
    await expect(status).to_have_attribute("data-state", "reconnecting")
    # Attempts after 1, 2 and 4 seconds, all refused.
    lost = page.get_by_test_id("reconnect")
    await expect(lost).to_be_visible(timeout=12_000)
    await expect(status).to_have_attribute("data-state", "offline")
    await expect(page.get_by_text("3 attempts to reconnect failed")).to_be_visible()
    await expect(card).to_have_count(1)
    await shoot("57-assist-console-connection-lost")

    refusal["mode"] = "overloaded"
    await lost.click()
    alert = page.get_by_test_id("assist-alert")
    await expect(alert).to_contain_text("at capacity right now; trying again in 5 seconds")
    await expect(status).to_have_attribute("data-state", "reconnecting")
    await shoot("58-assist-console-overloaded")

    refusal["mode"] = "pass"
    await expect(status).to_have_attribute("data-state", "ready", timeout=12_000)
    await expect(alert).to_have_count(1)
    await expect(alert).to_have_text("Speech recognition is unavailable.×")
    await expect(page.get_by_text("type the question here instead")).to_be_visible()
    await expect(page.get_by_label("Type a question you heard")).to_be_focused()
    await alert.get_by_role("button", name="Dismiss").click()
    await expect(alert).to_have_count(0)
    await expect(lost).to_be_hidden()
    await expect(card).to_have_count(1)
    await expect(page.get_by_test_id("transcript-line")).to_have_count(1)


def spoken_question(folder: Path) -> Path:
    """The question in espeak-ng's voice, then 2 s of silence, as 48 kHz mono WAV."""
    speech = folder / "speech.wav"
    subprocess.run(
        [require_tool("espeak-ng"), "-v", "en-us", "-s", "150", "-w", str(speech), SPOKEN],
        check=True,
    )
    voice = folder / "question.wav"
    subprocess.run(
        [
            require_tool("ffmpeg"),
            "-loglevel",
            "error",
            "-y",
            "-i",
            str(speech),
            "-af",
            "apad=pad_dur=2",
            "-ar",
            "48000",
            "-ac",
            "1",
            "-c:a",
            "pcm_s16le",
            str(voice),
        ],
        check=True,
    )
    return voice


@pytest.fixture
async def browser_with_a_question(chromium_path, tmp_path):
    """Chromium whose microphone asks an interview question (played in a loop)."""
    voice = spoken_question(tmp_path)
    async with browser_with_microphone(chromium_path, voice) as instance:
        yield instance


async def test_the_microphone_is_heard_and_a_question_gets_points(
    browser_with_a_question, live_asgi, shoot
):
    await candidate()
    context = await browser_with_a_question.new_context(
        base_url=f"http://{live_asgi}", locale="en-US", viewport={"width": 1200, "height": 820}
    )
    await context.grant_permissions(["microphone"])
    context.set_default_timeout(20_000)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    await start_console(page)

    await page.get_by_test_id("listen").click()
    status = page.get_by_test_id("assist-status")
    await expect(status).to_have_attribute("data-state", "listening")
    await expect(page.get_by_test_id("listen")).to_have_text("Stop listening")

    line = page.get_by_test_id("transcript-line").first
    await expect(line).to_contain_text("process", timeout=60_000)
    card = page.get_by_test_id("question-card")
    await expect(card).to_have_count(1, timeout=30_000)
    await expect(card).to_have_attribute("data-question-type", "technical")
    await expect(card.get_by_test_id("suggestion-points").locator("li").first).to_be_visible()
    await expect(card).to_contain_text("thread")
    # The fake microphone plays the file in a loop: the question comes again, and is
    # shown as asked again (linking to the card), not as a second card.
    await expect(page.get_by_test_id("asked-again").first).to_be_visible(timeout=30_000)
    await expect(card).to_have_count(1)
    await shoot("56-assist-console-microphone", page)

    await page.get_by_test_id("listen").click()
    await expect(status).to_have_attribute("data-state", "ready")
    session = await database_sync_to_async(AssistSession.objects.get)()
    logs = await database_sync_to_async(list)(session.logs.filter(is_question=True))
    assert logs and logs[0].question_type == "technical" and logs[0].source == "speech"
    await context.close()
    assert not errors, errors


async def test_a_used_suggestion_is_counted_in_the_session_report(page, shoot):
    await candidate()
    await start_console(page)
    await ask(page, DISAGREED)
    card = page.get_by_test_id("question-card")
    used = card.get_by_test_id("mark-used")
    await expect(used).to_be_visible()
    await expect(used).to_have_attribute("aria-pressed", "false")
    await used.click()
    await expect(used).to_have_attribute("aria-pressed", "true")
    await expect(used).to_have_text("Used ✓")
    log = await database_sync_to_async(AssistLog.objects.get)(is_question=True)
    assert log.suggestion_used is True

    await page.reload()  # the replayed card remembers it was used
    await expect(page.get_by_test_id("mark-used")).to_have_attribute("aria-pressed", "true")
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_test_id("end").click()
    await page.get_by_test_id("report-link").click()
    await expect(page.get_by_test_id("questions-faced")).to_have_text("1")
    await expect(page.get_by_test_id("suggestions-used")).to_have_text("1")
    await expect(page.get_by_test_id("report-question")).to_contain_text("disagreed")
    await expect(page.get_by_test_id("topics").locator("li")).not_to_have_count(0)
    await shoot("59-assist-report")
