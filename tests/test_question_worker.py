"""LLM question generation end to end on real services: a real Celery worker (Redis
broker) calls a local OpenAI-compatible server over HTTP and writes to the test database."""

from __future__ import annotations

import time

import pytest
from django.db import connection

from accounts.tests.factories import make_user
from questions import services
from questions.models import GenerationLog, GenerationStatus
from questions.tests.factories import (
    GO_KUBERNETES,
    load_bank,
    parsed_resume,
    technical_medium_config,
)
from questions.tests.test_llm_engine import GOOD_QUESTIONS
from tests.llm_server import Reply, llm_server
from tests.processes import celery_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def wait_until_finished(log_id: int, timeout: float = 60) -> GenerationLog:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = GenerationLog.objects.get(pk=log_id)
        if log.is_finished:
            return log
        time.sleep(0.2)
    raise AssertionError(
        f"generation {log_id} stayed {GenerationLog.objects.get(pk=log_id).status}"
    )


def test_a_real_worker_asks_the_llm_and_saves_the_questions(celery_on_redis, settings):
    load_bank()
    user = make_user()
    resume = parsed_resume(user, GO_KUBERNETES)
    config = technical_medium_config(user)
    with llm_server() as llm:
        # Slow enough that the request returns (202) long before the answer exists.
        llm.script(Reply(content=Reply.answer(GOOD_QUESTIONS).content, delay=1.0))
        settings.LLM_API_KEY = "sk-test"  # this process only decides to queue
        env = {
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "IG_LIVE_DATABASE_NAME": str(connection.settings_dict["NAME"]),
            "REDIS_URL": celery_on_redis,
            "CELERY_EAGER": "0",
            "IG_TEST_LLM_API_KEY": "sk-test",
            "LLM_BASE_URL": llm.url,
            "LLM_MODEL": "worker-model",
        }
        with celery_worker(env, queues="default") as worker:
            started = time.monotonic()
            outcome = services.generate_questions(
                user=user,
                resume=resume,
                config=config,
                engine="llm",
            )
            assert not outcome.log.is_finished and outcome.questions == []
            assert time.monotonic() - started < 1.0
            try:
                log = wait_until_finished(outcome.log.pk)
            except AssertionError:
                worker.terminate()
                print(worker.communicate(timeout=10)[0].decode(errors="replace")[-4000:])
                raise
        assert len(llm.requests) == 1 and llm.requests[0]["model"] == "worker-model"
    assert log.status == GenerationStatus.COMPLETED, log.error_message
    assert (log.engine_used, log.fallback_reason, log.attempts) == ("llm", "", 1)
    assert log.questions.filter(source="llm").count() == 3
    assert log.success_count == 3 and log.progress == 100
