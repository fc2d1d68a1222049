"""Reads of resume state shaped for the API and the pages."""

from __future__ import annotations

from typing import Any

from resumes import messages
from resumes.models import Resume, ResumeParseResult, ResumeStatus
from resumes.pipeline import ALL_STEPS


def parse_status(resume: Resume) -> dict[str, Any]:
    """Status with the steps of the latest attempt, for progress displays."""
    steps = (
        list(resume.parse_logs.filter(attempt=resume.parse_attempts))
        if resume.parse_attempts
        else []
    )
    done = {log.step for log in steps if log.status == "ok"}
    if resume.status == ResumeStatus.COMPLETED:
        progress = 1.0
    else:
        progress = round(len(done & set(ALL_STEPS)) / len(ALL_STEPS), 2)
    return {
        "status": resume.status,
        "progress": progress,
        "steps": steps,
        "error": error_of(resume),
    }


def error_of(resume: Resume) -> dict[str, str] | None:
    """The failure as the candidate should read it (in their language), or None."""
    if not resume.error_message:
        return None
    return {
        "step": resume.error_step,
        "code": resume.error_code,
        "message": messages.for_code(resume.error_code, resume.error_message),
    }


def parse_result_of(resume: Resume) -> dict[str, Any] | None:
    """The parse result with corrections applied, or None when there is nothing to show."""
    result = ResumeParseResult.objects.filter(resume=resume).first()
    if result is None:
        return None
    if resume.status != ResumeStatus.COMPLETED and not result.corrections:
        return None
    merged = result.merged()
    basic: dict[str, Any] = {
        "name": None,
        "email": None,
        "phone": None,
        "location": None,
        "links": [],
    }
    basic.update(merged.get("basic_info") or {})
    merged["basic_info"] = basic
    merged["corrected_fields"] = sorted((result.corrections or {}).keys())
    return merged
