"""The resume parser: document bytes in, the DESIGN.md parse-result schema out.

Pure Python, no Django, so the Celery task, ``manage.py parse_resume`` and
``bench/resume_parse.py`` all call it the same way. ``data`` must already have passed
``resumes.parsing.validate.inspect_document``.
"""

from __future__ import annotations

from resumes.parsing.pipeline import parse_document, parse_text
from resumes.parsing.skills import get_matcher
from resumes.parsing.types import (
    STEPS,
    DocumentKind,
    ParseOutcome,
    ResumeParseError,
    StepCallback,
    StepTiming,
    UnsupportedDocument,
)


def warm_up() -> None:
    """Load the skills taxonomy now (worker start) instead of on the first resume."""
    get_matcher()


__all__ = [
    "STEPS",
    "DocumentKind",
    "ParseOutcome",
    "ResumeParseError",
    "StepCallback",
    "StepTiming",
    "UnsupportedDocument",
    "parse_document",
    "parse_text",
    "warm_up",
]
