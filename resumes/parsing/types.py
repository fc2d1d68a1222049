"""The parser's public types: what callers (the Celery task, the CLI, benchmarks) see.

The parser package depends on nothing from Django, so it runs in the worker, the
``parse_resume`` command and ``bench/resume_parse.py`` alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

DocumentKind = Literal["pdf", "docx", "image"]
StepStatus = Literal["ok", "failed"]

# The steps of the pipeline, in order; each one is logged (ResumeParseLog) and timed.
STEPS = ("extract", "sections", "fields", "skills", "confidence")


class ResumeParseError(Exception):
    """Parsing cannot go on. ``message`` is for the candidate: it says what to do."""

    def __init__(self, step: str, code: str, message: str) -> None:
        super().__init__(message)
        self.step = step
        self.code = code
        self.message = message


class UnsupportedDocument(ResumeParseError):
    """The bytes are not a resume file we accept (wrong type, encrypted, corrupt, a bomb…)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__("validate", code, message)


@dataclass(frozen=True)
class DocumentInfo:
    kind: DocumentKind
    content_type: str
    pages: int  # 1 for images


@dataclass(frozen=True)
class StepTiming:
    step: str
    status: StepStatus
    ms: float
    error: str = ""


@dataclass
class ParseOutcome:
    """``result`` follows the parse-result schema of DESIGN.md exactly."""

    result: dict[str, Any]
    kind: DocumentKind
    pages: int
    text: str
    steps: list[StepTiming] = field(default_factory=list)


# Called after each step, so a caller can log and push progress as parsing goes.
StepCallback = Callable[[StepTiming], None]
