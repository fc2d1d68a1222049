from __future__ import annotations

import re

import pytest
from channels.db import database_sync_to_async
from playwright.async_api import expect

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "browser.user@example.com"
PASSWORD = "a-long-passphrase-9"


@database_sync_to_async
def saved_language(email: str) -> str:
    return User.objects.get(email=email).language


async def test_sign_up_log_in_switch_language_log_out(page, shoot):
    await page.goto("/")
    await expect(page.get_by_role("heading", level=1)).to_have_text(
        "Walk into every interview prepared."
    )
    await shoot("01-home-anonymous")

    await page.get_by_test_id("nav-signup").click()
    form = page.get_by_test_id("signup-form")
    await form.get_by_label("Email").fill(EMAIL)
    await form.get_by_label("Name (optional)").fill("Bea")
    await form.get_by_label("Password", exact=True).fill(PASSWORD)
    await form.get_by_label("Repeat the password").fill("something-else-1")
    await form.get_by_role("button", name="Sign up").click()
    await expect(page.get_by_text("The two passwords differ.")).to_be_visible()
    await shoot("02-signup-error")
    await form.get_by_label("Password", exact=True).fill(PASSWORD)
    await form.get_by_label("Repeat the password").fill(PASSWORD)
    await form.get_by_role("button", name="Sign up").click()
    await expect(page.get_by_test_id("welcome")).to_have_text("Welcome back, Bea")
    await expect(page.get_by_text("Welcome! Your account is ready.")).to_be_visible()
    await shoot("03-signed-up")

    await page.get_by_test_id("logout").click()
    await expect(page.get_by_text("You are logged out.")).to_be_visible()

    await page.get_by_test_id("nav-login").click()
    login = page.get_by_test_id("login-form")
    await login.get_by_label("Email").fill(EMAIL)
    await login.get_by_label("Password").fill("not-my-password")
    await login.get_by_role("button", name="Log in").click()
    await expect(page.get_by_test_id("login-error")).to_have_text("The email or password is wrong.")
    await shoot("04-login-error")
    await login.get_by_label("Password").fill(PASSWORD)
    await login.get_by_role("button", name="Log in").click()
    await expect(page.get_by_test_id("welcome")).to_be_visible()

    await page.get_by_test_id("language-select").select_option("zh-hans")
    await expect(page.get_by_test_id("welcome")).to_have_text("欢迎回来，Bea")
    await expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    await expect(page.get_by_test_id("logout")).to_have_text("退出登录")
    await shoot("05-home-zh")
    assert await saved_language(EMAIL) == "zh-hans"

    await page.get_by_test_id("nav-account").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("我的账户")
    await shoot("06-account-zh")

    await page.get_by_test_id("logout").click()
    await expect(page.get_by_text("您已退出登录。")).to_be_visible()
    await expect(page.get_by_test_id("nav-login")).to_have_text("登录")
    await shoot("07-logged-out-zh")


async def test_language_follows_the_account_into_a_new_browser(page):
    await database_sync_to_async(User.objects.create_user)(
        EMAIL, PASSWORD, display_name="Chen", language="zh-hans"
    )
    await page.goto("/accounts/login")
    form = page.get_by_test_id("login-form")
    await form.get_by_label(re.compile("Email|邮箱")).fill(EMAIL)
    await form.get_by_label(re.compile("Password|密码")).fill(PASSWORD)
    await form.get_by_role("button").click()
    await expect(page.get_by_test_id("welcome")).to_have_text("欢迎回来，Chen")
