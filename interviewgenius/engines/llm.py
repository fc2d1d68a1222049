"""The LLM client every app shares: one JSON answer from an OpenAI-compatible endpoint.

DeepSeek by default (``LLM_BASE_URL``, ``LLM_MODEL``, ``LLM_API_KEY``); any server that
speaks the chat-completions protocol works. The SDK's own retries are off: this client
retries itself, so that timeouts, rate limits, server errors *and* answers that are not
the JSON we asked for are all retried with the same backoff and end in one ``LLMError``
whose ``reason`` callers log and show ("the template bank answered because ...").
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema
from django.conf import settings

logger = logging.getLogger(__name__)

# Reasons worth another attempt: the next one may well succeed.
RETRYABLE = frozenset(
    {
        "timeout",
        "rate_limited",
        "server_error",
        "connection_error",
        "invalid_json",
        "schema_violation",
    }
)
# A Retry-After longer than this is not waited for inside a request.
MAX_RETRY_AFTER = 10.0


class LLMError(Exception):
    def __init__(self, reason: str, message: str, *, attempts: int = 0) -> None:
        self.reason = reason
        self.attempts = attempts
        super().__init__(message)


@dataclass(frozen=True)
class LLMSettings:
    api_key: str
    base_url: str
    model: str
    timeout: float
    max_attempts: int
    backoff: float
    temperature: float
    max_tokens: int

    @classmethod
    def from_django(cls) -> LLMSettings:
        return cls(
            api_key=settings.LLM_API_KEY,
            base_url=settings.LLM_BASE_URL,
            model=settings.LLM_MODEL,
            timeout=settings.LLM_TIMEOUT,
            max_attempts=settings.LLM_MAX_ATTEMPTS,
            backoff=settings.LLM_BACKOFF,
            temperature=settings.LLM_TEMPERATURE,
            max_tokens=settings.LLM_MAX_TOKENS,
        )

    @property
    def configured(self) -> bool:
        return bool(self.api_key)


@dataclass(frozen=True)
class JSONAnswer:
    data: dict[str, Any]
    attempts: int
    model: str


def is_configured() -> bool:
    return LLMSettings.from_django().configured


class LLMClient:
    def __init__(
        self,
        config: LLMSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config or LLMSettings.from_django()
        self._sleep = sleep

    def complete_json(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        *,
        on_attempt: Callable[[int], None] | None = None,
    ) -> JSONAnswer:
        """The model's answer as a dict valid against ``schema``, or ``LLMError``."""
        if not self.config.configured:
            raise LLMError("not_configured", "No LLM_API_KEY is set.")
        client = self._client()
        last: LLMError | None = None
        for attempt in range(1, self.config.max_attempts + 1):
            if on_attempt is not None:
                on_attempt(attempt)
            retry_after: float | None = None
            try:
                content = self._ask(client, messages)
                data = _decode(content, schema)
                return JSONAnswer(data=data, attempts=attempt, model=self.config.model)
            except LLMError as exc:
                last = exc
            except Exception as exc:  # the SDK's errors, classified below
                last, retry_after = _classify(exc)
            last.attempts = attempt
            logger.warning(
                "llm attempt failed",
                extra={"attempt": attempt, "reason": last.reason, "model": self.config.model},
            )
            if last.reason not in RETRYABLE or attempt == self.config.max_attempts:
                break
            self._sleep(self._delay(attempt, retry_after))
        assert last is not None
        raise last

    def stream_text(self, messages: list[dict[str, str]]) -> Iterator[str]:
        """The model's answer as it is produced, piece by piece (plain text, not JSON).

        Failures before the first piece are retried like ``complete_json``'s; once text
        has been shown, a failure ends the stream with ``LLMError`` instead of repeating it.
        """
        if not self.config.configured:
            raise LLMError("not_configured", "No LLM_API_KEY is set.")
        client = self._client()
        for attempt in range(1, self.config.max_attempts + 1):
            started = False
            retry_after: float | None = None
            try:
                stream = client.chat.completions.create(
                    model=self.config.model,
                    messages=messages,
                    temperature=self.config.temperature,
                    max_tokens=self.config.max_tokens,
                    stream=True,
                )
                for chunk in stream:
                    choices = getattr(chunk, "choices", None) or []
                    piece = choices[0].delta.content if choices else None
                    if piece:
                        started = True
                        yield piece
                return
            except Exception as exc:
                error, retry_after = _classify(exc)
                error.attempts = attempt
                if started or error.reason not in RETRYABLE or attempt == self.config.max_attempts:
                    raise error from None
            self._sleep(self._delay(attempt, retry_after))

    def _client(self) -> Any:
        from openai import OpenAI

        return OpenAI(
            api_key=self.config.api_key,
            base_url=self.config.base_url,
            timeout=self.config.timeout,
            max_retries=0,
        )

    def _ask(self, client: Any, messages: list[dict[str, str]]) -> str:
        response = client.chat.completions.create(
            model=self.config.model,
            messages=messages,
            temperature=self.config.temperature,
            max_tokens=self.config.max_tokens,
            response_format={"type": "json_object"},
        )
        choices = getattr(response, "choices", None) or []
        content = choices[0].message.content if choices else None
        if not content:
            raise LLMError("invalid_json", "The model returned an empty answer.")
        return str(content)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, MAX_RETRY_AFTER)
        # Exponential with full jitter, so many workers hitting one limit spread out.
        return self.config.backoff * (2 ** (attempt - 1)) * (0.5 + random.random() / 2)


def _decode(content: str, schema: dict[str, Any]) -> dict[str, Any]:
    text = content.strip()
    if text.startswith("```"):
        # Some models wrap JSON in a Markdown fence even in JSON mode.
        text = text.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise LLMError("invalid_json", f"The answer is not JSON: {exc}") from None
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        raise LLMError("schema_violation", f"{where}: {exc.message}") from None
    if not isinstance(data, dict):
        raise LLMError("schema_violation", "The answer is not a JSON object.")
    return data


def _classify(exc: Exception) -> tuple[LLMError, float | None]:
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return LLMError("timeout", "The model did not answer in time."), None
    if isinstance(exc, openai.RateLimitError):
        return LLMError("rate_limited", "The model's rate limit was reached."), _retry_after(exc)
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code >= 500:
            return LLMError("server_error", f"The model's server failed ({exc.status_code})."), None
        if exc.status_code in (401, 403):
            return LLMError("auth_error", "The LLM API key was refused."), None
        return LLMError("bad_request", f"The model refused the request ({exc.status_code})."), None
    if isinstance(exc, openai.APIConnectionError):
        return LLMError("connection_error", "The model's server could not be reached."), None
    if isinstance(exc, openai.APIResponseValidationError):
        return LLMError("invalid_json", "The model's response was malformed."), None
    logger.exception("unexpected LLM client error")
    return LLMError("client_error", "The LLM call failed unexpectedly."), None


def _retry_after(exc: Any) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
