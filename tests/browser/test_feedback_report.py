"""The feedback report in real Chromium against live Daphne: the charts, the derivations,
the PDF download (rendered back to an image), Chinese, and the progress dashboard."""

from __future__ import annotations

import re
from datetime import timedelta

import pypdfium2 as pdfium
import pytest
from channels.db import database_sync_to_async
from django.db.models import F
from playwright.async_api import expect

from accounts.models import User
from feedback.models import FeedbackStatus, InterviewFeedback
from feedback.tests.factories import finished_interview, strong_answer, weak_answer
from interviews.models import InterviewSession
from questions.tests.factories import load_bank
from tests.browser.conftest import SCREENSHOTS
from tests.browser.helpers import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("eager_tasks"),
]

EMAIL = "feedback.user@example.com"
PASSWORD = "a-long-passphrase-9"


@database_sync_to_async
def candidate_with_reports(count: int) -> list[int]:
    """A candidate with ``count`` reported interviews, a weak one first, a few days apart."""
    load_bank()
    user = User.objects.create_user(EMAIL, PASSWORD, display_name="Ada")
    sessions = [
        finished_interview(user, weak_answer if index == 0 and count > 1 else strong_answer)
        for index in range(count)
    ]
    for days_ago, session in zip(range(3 * (count - 1), -1, -3), sessions, strict=True):
        InterviewSession.objects.filter(pk=session.pk).update(
            finished_at=F("finished_at") - timedelta(days=days_ago)
        )
        report = InterviewFeedback.objects.get(session=session)
        assert report.status == FeedbackStatus.COMPLETED, report.error
    return [session.pk for session in sessions]


async def test_the_report_shows_its_charts_and_downloads_as_pdf(page, shoot, tmp_path):
    (session_id,) = await candidate_with_reports(1)
    await log_in(page, EMAIL, PASSWORD, then=f"/feedback/interview/{session_id}/")

    await expect(page.get_by_role("heading", name="Interview feedback")).to_be_visible()
    radar = page.get_by_test_id("radar").locator("svg")
    await expect(radar).to_be_visible()
    await expect(radar.locator('polygon[data-part="values"]')).to_have_count(1)
    await expect(page.get_by_test_id("overall-score")).to_contain_text("/100")
    assert await page.get_by_test_id("question-card").count() >= 4

    technical = page.get_by_test_id("score-technical")
    await expect(technical.locator(".derivation__table")).to_be_hidden()
    await technical.locator("summary").click()
    await expect(technical.locator(".derivation__table")).to_be_visible()
    await expect(technical).to_contain_text("Accuracy")
    await shoot("feedback-report")

    async with page.expect_download() as download_info:
        await page.get_by_test_id("download-pdf").click()
    download = await download_info.value
    assert download.suggested_filename == f"interview-{session_id}-report.pdf"
    saved = tmp_path / "report.pdf"
    await download.save_as(saved)
    content = saved.read_bytes()
    assert content.startswith(b"%PDF")
    document = pdfium.PdfDocument(content)
    try:
        assert len(document) >= 2
        text = document[0].get_textpage().get_text_range()
        assert "overall score" in text.casefold()
        document[0].render(scale=2).to_pil().save(SCREENSHOTS / "feedback-report-pdf.png")
    finally:
        document.close()

    await page.get_by_test_id("language-select").select_option("zh-hans")
    await expect(page.get_by_role("heading", name="面试反馈")).to_be_visible()
    await expect(page.get_by_role("heading", name="逐题反馈")).to_be_visible()
    await expect(page.get_by_test_id("radar").locator("svg")).to_contain_text("技术能力")
    await shoot("feedback-report-zh")
    await page.get_by_test_id("language-select").select_option("en")


async def test_the_dashboard_shows_the_trend_across_reports(page, shoot):
    first, second = await candidate_with_reports(2)
    await log_in(page, EMAIL, PASSWORD, then="/")

    trend = page.get_by_test_id("trend-chart").locator("svg")
    await expect(trend).to_be_visible()
    assert await trend.locator("polyline").count() == 5  # one line per score
    await expect(page.get_by_test_id("report-link")).to_have_count(2)
    await shoot("dashboard-progress")

    await page.get_by_test_id("report-link").first.click()
    await expect(page).to_have_url(re.compile(rf"/feedback/interview/{second}/$"))
    compare = page.get_by_test_id("radar").locator('polygon[data-part="compare"]')
    await expect(compare).to_have_count(1)
    await expect(page.get_by_role("link", name="Open that report")).to_have_attribute(
        "href", f"/feedback/interview/{first}/"
    )
    await shoot("feedback-report-compared")
