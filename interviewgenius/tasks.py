from __future__ import annotations

from celery import shared_task


@shared_task(name="core.ping")
def ping(value: str = "pong") -> str:
    """Round-trip probe for operators and the tests that prove the worker plumbing."""
    return value
