"""Resumes end to end on real services: a real Celery worker (Redis broker), the test
database, and an S3-compatible server over HTTP for the encrypted files."""

from __future__ import annotations

import os
import signal
import time

import pytest
from django.db import connection

from accounts.tests.factories import make_user
from resumes import services
from resumes.models import Resume, ResumeParseLog, ResumeStatus
from resumes.tests import files
from resumes.tests.sample_resume import RESUME_LINES
from tests.processes import celery_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def worker_env(redis_url: str, s3_endpoint: str, **extra: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "IG_LIVE_DATABASE_NAME": str(connection.settings_dict["NAME"]),
        "REDIS_URL": redis_url,
        "CELERY_EAGER": "0",
        "S3_BUCKET": "ig-test",
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
        **extra,
    }


def wait_for_status(resume_id: int, wanted: set[str], timeout: float = 90) -> Resume:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        resume = Resume.objects.get(pk=resume_id)
        if resume.status in wanted:
            return resume
        time.sleep(0.2)
    raise AssertionError(f"resume {resume_id} stayed {Resume.objects.get(pk=resume_id).status}")


def test_upload_is_parsed_by_a_real_worker(s3_storage, celery_on_redis):
    owner = make_user()
    with celery_worker(worker_env(celery_on_redis, s3_storage), queues="parsing") as worker:
        resume = services.upload_resume(
            owner=owner, data=files.docx_bytes(RESUME_LINES), filename="grace.docx"
        ).resume
        try:
            done = wait_for_status(resume.pk, {ResumeStatus.COMPLETED, ResumeStatus.FAILED})
        except AssertionError:
            worker.terminate()
            print(worker.communicate(timeout=10)[0].decode(errors="replace")[-4000:])
            raise
    assert done.status == ResumeStatus.COMPLETED, done.error_message
    assert done.parse_attempts == 1
    result = done.parse_result.merged()
    assert result["basic_info"]["email"] == "grace.hopper@example.com"
    assert {"Python", "SQL", "Docker"} <= {skill["name"] for skill in result["skills"]}
    steps = list(ResumeParseLog.objects.filter(resume=done).values_list("step", "status"))
    assert steps[0] == ("load", "ok") and ("confidence", "ok") in steps
    assert done.skill_matches.filter(name="Python").exists()


def test_a_worker_killed_mid_parse_loses_nothing_and_parses_once(s3_storage, celery_on_redis):
    """SIGKILL the worker while it holds the task; a new worker gets the message again
    (late acknowledgement) and the claim lets it finish the same resume exactly once."""
    owner = make_user()
    # A big image: OCR keeps the worker busy long enough to be killed mid-parse.
    env = worker_env(celery_on_redis, s3_storage, CELERY_VISIBILITY_TIMEOUT="2")
    with celery_worker(env, queues="parsing") as first:
        resume = services.upload_resume(
            owner=owner, data=files.text_image_bytes(RESUME_LINES * 6), filename="scan.png"
        ).resume
        wait_for_status(resume.pk, {ResumeStatus.PROCESSING}, timeout=60)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    assert Resume.objects.get(pk=resume.pk).status == ResumeStatus.PROCESSING
    time.sleep(3)  # past the visibility timeout: the unacknowledged message is due again
    with celery_worker(env, queues="parsing"):
        done = wait_for_status(
            resume.pk, {ResumeStatus.COMPLETED, ResumeStatus.FAILED}, timeout=120
        )
    assert done.status == ResumeStatus.COMPLETED, done.error_message
    assert done.parse_attempts == 2  # claimed by the killed worker, then by the new one
    assert Resume.objects.filter(pk=resume.pk).count() == 1
    assert done.parse_result is not None
