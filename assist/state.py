"""Session state shared by every web process: in the cache (Redis in production).

A socket may reconnect to another process, and the control socket usually lives in
another one; what they must agree on is here, not in a consumer:

- the question sequence number, so a suggestion for an older question is never pushed
  after a newer question (the stale-turn guard);
- the recent questions, so a question asked again is not answered twice;
- the session status, read on every audio frame batch (pause means nothing is heard).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache

TTL_SECONDS = 6 * 3600
RECENT_QUESTIONS = 20


def _key(session_id: int, name: str) -> str:
    return f"assist:{session_id}:{name}"


def next_question_seq(session_id: int) -> int:
    key = _key(session_id, "qseq")
    cache.add(key, 0, TTL_SECONDS)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, TTL_SECONDS)
        return 1


def current_question_seq(session_id: int) -> int:
    return int(cache.get(_key(session_id, "qseq")) or 0)


def recent_questions(session_id: int) -> list[dict[str, Any]]:
    return list(cache.get(_key(session_id, "questions")) or [])


def remember_question(session_id: int, segment_id: str, text: str) -> None:
    recent = recent_questions(session_id)
    recent.append({"segment_id": segment_id, "text": text, "at": time.time()})
    cache.set(_key(session_id, "questions"), recent[-RECENT_QUESTIONS:], TTL_SECONDS)


def status(session_id: int) -> str | None:
    value = cache.get(_key(session_id, "status"))
    return str(value) if value else None


def set_status(session_id: int, value: str) -> None:
    cache.set(_key(session_id, "status"), value, TTL_SECONDS)
