"""Exactly-once parsing: claims, redeliveries, superseded tasks and failures."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage

from accounts.tests.factories import make_user
from resumes import pipeline, services
from resumes.models import Resume, ResumeParseLog, ResumeStatus
from resumes.parsing.types import ResumeParseError
from resumes.tests import files
from resumes.tests.factories import make_resume
from resumes.tests.sample_resume import RESUME_LINES

pytestmark = pytest.mark.django_db


@pytest.fixture
def resume():
    return make_resume(make_user(), data=files.docx_bytes(RESUME_LINES), filename="cv.docx")


def test_a_task_parses_its_resume_once(resume: Resume):
    assert pipeline.run_parse(resume_id=resume.pk, task_id=resume.task_id) == "completed"
    resume.refresh_from_db()
    assert resume.status == ResumeStatus.COMPLETED and resume.parse_attempts == 1
    assert resume.parse_result.basic_info["email"] == "grace.hopper@example.com"
    # The same message delivered again finds the work done.
    assert pipeline.run_parse(resume_id=resume.pk, task_id=resume.task_id) == "skipped"
    assert Resume.objects.get(pk=resume.pk).parse_attempts == 1


def test_a_redelivery_after_a_dead_worker_finishes_the_job(resume: Resume):
    # The first worker claimed the resume and died: status stays "processing".
    assert pipeline.claim(resume.pk, resume.task_id) is not None
    assert pipeline.run_parse(resume_id=resume.pk, task_id=resume.task_id) == "completed"
    resume.refresh_from_db()
    assert resume.parse_attempts == 2 and resume.status == ResumeStatus.COMPLETED
    assert ResumeParseLog.objects.filter(resume=resume, attempt=2, step="confidence").exists()


def test_a_stranger_task_does_nothing(resume: Resume):
    assert pipeline.run_parse(resume_id=resume.pk, task_id="not-this-one") == "skipped"
    assert Resume.objects.get(pk=resume.pk).status == ResumeStatus.PENDING


def test_a_superseded_task_does_nothing(resume: Resume):
    pipeline.run_parse(resume_id=resume.pk, task_id=resume.task_id)
    old_task = resume.task_id
    services.request_reparse(resume=resume)
    assert pipeline.run_parse(resume_id=resume.pk, task_id=old_task) == "skipped"
    assert Resume.objects.get(pk=resume.pk).status == ResumeStatus.PENDING


def test_a_parser_error_fails_the_resume_with_its_step_and_message(resume: Resume, monkeypatch):
    import resumes.parsing

    def broken(data, *, kind, on_step=None):
        raise ResumeParseError("extract", "no_text", "We could not find any text.")

    monkeypatch.setattr(resumes.parsing, "parse_document", broken)
    assert pipeline.run_parse(resume_id=resume.pk, task_id=resume.task_id) == "failed"
    resume.refresh_from_db()
    assert (resume.status, resume.error_step, resume.error_code) == (
        ResumeStatus.FAILED,
        "extract",
        "no_text",
    )
    assert resume.error_message == "We could not find any text."
    assert ResumeParseLog.objects.filter(resume=resume, step="extract", status="failed").exists()


def test_a_missing_stored_file_is_a_retryable_error(resume: Resume):
    default_storage.delete(resume.file_key)
    with pytest.raises(OSError):
        pipeline.run_parse(resume_id=resume.pk, task_id=resume.task_id)
    assert ResumeParseLog.objects.filter(resume=resume, step="load", status="failed").exists()
    # Retries exhausted: the candidate sees a failure they can act on, never "processing" forever.
    pipeline.fail_unexpectedly(resume_id=resume.pk, task_id=resume.task_id)
    resume.refresh_from_db()
    assert resume.status == ResumeStatus.FAILED and "Parse again" in resume.error_message
