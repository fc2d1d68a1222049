"""Real headless Chromium (Debian's package) driven by Playwright against live Daphne.

Playwright never downloads a browser here: it launches the system Chromium by path.
The async API is used so that no event loop runs in the thread that Django's ORM (and
the test database teardown) uses. Screenshots land in test-output/screenshots/.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import require_tool

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture
def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or require_tool("chromium")


@pytest.fixture
async def browser(chromium_path: str) -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        await instance.close()


@contextlib.asynccontextmanager
async def browser_with_microphone(chromium_path: str, voice: Path) -> AsyncIterator[Any]:
    """Chromium whose microphone plays ``voice`` (a WAV file, looped) and needs no prompt."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=[
                *CHROMIUM_ARGS,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={voice}",
            ],
        )
        yield instance
        await instance.close()


@pytest.fixture
async def page(browser: Any, live_asgi: str) -> AsyncIterator[Any]:
    context = await browser.new_context(
        base_url=f"http://{live_asgi}", locale="en-US", viewport={"width": 1200, "height": 820}
    )
    context.set_default_timeout(15_000)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # A script or style the Content-Security-Policy blocks raises no page error; Chromium
    # reports it on the console ("Refused to ... Content Security Policy ...").
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    await context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not blocked, f"Content-Security-Policy violations: {blocked}"


@pytest.fixture
def shoot(page: Any) -> Callable[..., Awaitable[Path]]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    async def take(name: str, other: Any = None) -> Path:
        """A full-page screenshot of the test's page, or of ``other`` (a page of its own)."""
        path = SCREENSHOTS / f"{name}.png"
        await (other or page).screenshot(path=str(path), full_page=True)
        return path

    return take
