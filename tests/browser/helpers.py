"""Steps the browser tests share."""

from __future__ import annotations

from typing import Any


async def log_in(page: Any, email: str, password: str, *, then: str) -> None:
    """Log in through the real form and land on ``then``."""
    await page.goto(f"/accounts/login?next={then}")
    form = page.get_by_test_id("login-form")
    await form.get_by_label("Email").fill(email)
    await form.get_by_label("Password").fill(password)
    await form.get_by_role("button", name="Log in").click()
