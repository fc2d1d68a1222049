from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.llm_server import ScriptedLLM, llm_server


@pytest.fixture
def llm(settings: Any) -> Iterator[ScriptedLLM]:
    """A local OpenAI-compatible server, and settings that send the LLM engine to it."""
    with llm_server() as server:
        settings.LLM_API_KEY = "sk-test"
        settings.LLM_BASE_URL = server.url
        settings.LLM_MODEL = "test-model"
        settings.LLM_TIMEOUT = 1.0
        settings.LLM_MAX_ATTEMPTS = 3
        settings.LLM_BACKOFF = 0.01
        yield server
