from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from channels.db import database_sync_to_async
from django.db import connection
from playwright.async_api import expect

from accounts.models import User
from resumes.models import Resume
from resumes.tests import files
from resumes.tests.sample_resume import RESUME_LINES
from tests.browser.helpers import log_in
from tests.processes import celery_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "resume.user@example.com"
PASSWORD = "a-long-passphrase-9"


@pytest.fixture
def parse_worker(live_asgi: str) -> Iterator[None]:
    """With a Redis broker the live server queues parses: run a real worker beside it.
    Without one (embedded mode) the server parses in-process and no worker is needed."""
    if not os.environ.get("REDIS_URL"):
        yield
        return
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "IG_LIVE_DATABASE_NAME": str(connection.settings_dict["NAME"]),
        "CELERY_EAGER": "0",
    }
    with celery_worker(env, queues="parsing"):
        yield


async def sign_in(page) -> None:
    await database_sync_to_async(User.objects.create_user)(EMAIL, PASSWORD, display_name="Grace")
    await log_in(page, EMAIL, PASSWORD, then="/resumes/")


async def test_upload_watch_progress_and_correct(page, shoot, tmp_path, parse_worker):
    await sign_in(page)
    await expect(page.get_by_test_id("empty-state")).to_be_visible()
    await shoot("10-resumes-empty")

    resume_file = tmp_path / "grace-hopper.docx"
    resume_file.write_bytes(files.docx_bytes(RESUME_LINES))
    await page.locator("input[type=file]").set_input_files(str(resume_file))
    await page.get_by_test_id("upload-form").get_by_role("button", name="Upload").click()

    await page.wait_for_url("**/resumes/*/", timeout=30_000)
    await expect(page.get_by_test_id("status-badge")).to_have_text("ready", timeout=60_000)
    form = page.get_by_test_id("corrections-form")
    await expect(form.get_by_label("Email")).to_have_value("grace.hopper@example.com")
    await shoot("11-resume-parsed")

    await form.get_by_label("Phone").fill("+1 415 555 0199")
    await form.get_by_role("button", name="Save corrections").click()
    await expect(page.get_by_text("Your corrections are saved.")).to_be_visible()
    await expect(page.get_by_test_id("corrections-form").get_by_label("Phone")).to_have_value(
        "+1 415 555 0199"
    )

    await page.get_by_test_id("language-select").select_option("zh-hans")
    await expect(page.get_by_test_id("status-badge")).to_have_text("已完成")
    await shoot("12-resume-parsed-zh")

    await page.goto("/resumes/")
    await expect(page.get_by_test_id("resume-table")).to_contain_text("grace-hopper.docx")
    await shoot("13-resumes-list-zh")
    assert await database_sync_to_async(Resume.objects.count)() == 1


async def test_a_refused_file_is_explained_on_the_page(page, tmp_path, shoot):
    await sign_in(page)
    fake = tmp_path / "resume.pdf"
    fake.write_bytes(b"MZ this is a program, not a resume")
    await page.locator("input[type=file]").set_input_files(str(fake))
    await page.get_by_test_id("upload-form").get_by_role("button", name="Upload").click()
    await expect(page.locator(".dropzone__status")).to_contain_text(
        "We read PDF, Word (.docx) and JPG/PNG files"
    )
    await shoot("14-upload-refused")
    assert await database_sync_to_async(Resume.objects.count)() == 0
