"""Swagger UI works under its Content-Security-Policy (docs/security.md): the page fixture
fails on any CSP violation reported on the console."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


async def test_swagger_ui_renders_the_schema_without_csp_violations(page, shoot):
    response = await page.goto("/api/docs/")
    assert response is not None
    policy = await response.header_value("content-security-policy")
    assert policy is not None and "script-src 'self';" in policy
    await expect(page.locator(".swagger-ui .info .title")).to_contain_text("InterviewGenius API")
    await expect(page.locator(".opblock-tag-section").first).to_be_visible()
    await page.locator(".opblock-summary").first.click()
    await expect(page.locator(".opblock-body").first).to_be_visible()
    await shoot("api-docs")
