"""The parse pipeline: extract -> sections -> fields -> skills -> confidence, timed."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from resumes.parsing.confidence import parse_confidence
from resumes.parsing.extract import ExtractedDocument, extract_document, extract_plain_text
from resumes.parsing.fields.certifications import parse_certifications
from resumes.parsing.fields.contact import extract_basic_info
from resumes.parsing.fields.education import parse_education
from resumes.parsing.fields.experience import parse_experience
from resumes.parsing.fields.languages import parse_languages
from resumes.parsing.fields.projects import parse_projects
from resumes.parsing.fields.skill_list import LISTED_CONFIDENCE, listed_skills
from resumes.parsing.language import detect_language
from resumes.parsing.sections import SectionedResume, split_sections
from resumes.parsing.skills import collect_skills, get_matcher, technologies_in
from resumes.parsing.types import (
    STEPS,
    DocumentKind,
    ParseOutcome,
    ResumeParseError,
    StepCallback,
    StepTiming,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")

_READABLE = re.compile(r"[A-Za-z0-9\u3400-\u9fff]")
NO_TEXT = {
    "pdf": "We could not find any text in this PDF. It may be a scanned image: upload it as "
    "a JPG or PNG photo so we can read it with OCR, or upload a DOCX.",
    "docx": "This Word file has no text we can read (it may hold only pictures). Upload a "
    "PDF exported from your editor, or a clear JPG or PNG photo of your resume.",
    "image": "We could not read any text in this image. Upload a sharper, well-lit photo "
    "taken straight on, or upload your resume as a PDF or DOCX.",
}
GENERIC = {
    "extract": "We could not read this file. Export it again as a PDF or DOCX and upload "
    "the new file.",
    "default": "Something went wrong while reading this resume. Try again; if it fails "
    "again, upload it as a PDF or fill in the fields by hand.",
}


@dataclass
class _Run:
    on_step: StepCallback | None
    steps: list[StepTiming] = field(default_factory=list)

    def step(self, name: str, work: Callable[[], T]) -> T:
        assert name in STEPS
        started = time.perf_counter()
        try:
            value = work()
        except ResumeParseError as error:
            self._record(name, started, "failed", error.code)
            raise
        except Exception as error:
            # Never let a library's exception (or its text) reach the candidate.
            logger.exception("resume parse step %s failed", name)
            self._record(name, started, "failed", "internal_error")
            message = GENERIC["extract"] if name == "extract" else GENERIC["default"]
            raise ResumeParseError(name, "internal_error", message) from error
        self._record(name, started, "ok", "")
        return value

    def _record(self, name: str, started: float, status: Any, error: str) -> None:
        timing = StepTiming(
            step=name, status=status, ms=(time.perf_counter() - started) * 1000, error=error
        )
        self.steps.append(timing)
        if self.on_step is not None:
            self.on_step(timing)


def _fields(sectioned: SectionedResume, document: ExtractedDocument) -> dict[str, Any]:
    text = document.text
    return {
        "language": detect_language(text),
        "basic_info": extract_basic_info(
            sectioned.header, sectioned.lines_of("basic_info"), document.lines
        ),
        "education": parse_education(sectioned.lines_of("education")),
        "work_experience": parse_experience(sectioned.lines_of("experience")),
        "skills": [],
        "projects": parse_projects(sectioned.lines_of("projects")),
        "certifications": parse_certifications(sectioned.lines_of("certifications")),
        "languages": parse_languages(sectioned.lines_of("languages")),
        "parse_confidence": 0.0,
    }


def _skills(result: dict[str, Any], sectioned: SectionedResume) -> None:
    lines: list[tuple[str, bool]] = [(line.text, False) for line in sectioned.header]
    for section in sectioned.sections:
        if section.key in ("basic_info", "languages"):
            continue  # "English", "Go" in contact or language lines are not skills
        lines.extend((line.text, section.key == "skills") for line in section.lines)
    skills = collect_skills(get_matcher().find(lines))
    known = {skill["name"].casefold() for skill in skills}
    section_lines = [
        line.text
        for section in sectioned.sections
        if section.key == "skills"
        for line in section.lines
    ]
    for name in listed_skills(section_lines):
        # Matched taxonomy entries already carry this name (or contain it).
        if name.casefold() not in known and not any(name.casefold() in k for k in known):
            known.add(name.casefold())
            skills.append({"name": name, "category": "other", "confidence": LISTED_CONFIDENCE})
    result["skills"] = skills
    for project in result["projects"]:
        project["technologies"] = technologies_in(
            f"{project['name'] or ''}\n{project['description'] or ''}"
        )


def _run(
    extract: Callable[[], ExtractedDocument], kind: DocumentKind, on_step: StepCallback | None
) -> ParseOutcome:
    run = _Run(on_step=on_step)

    def checked_extract() -> ExtractedDocument:
        document = extract()
        if not _READABLE.search(document.text):
            raise ResumeParseError("extract", "no_text", NO_TEXT[kind])
        return document

    document = run.step("extract", checked_extract)
    sectioned = run.step("sections", lambda: split_sections(document.lines))
    result = run.step("fields", lambda: _fields(sectioned, document))
    run.step("skills", lambda: _skills(result, sectioned))

    def confidence() -> None:
        result["parse_confidence"] = parse_confidence(
            result, text=document.text, sections_found=sectioned.found
        )

    run.step("confidence", confidence)
    return ParseOutcome(
        result=result, kind=kind, pages=document.pages, text=document.text, steps=run.steps
    )


def parse_document(
    data: bytes, *, kind: DocumentKind, on_step: StepCallback | None = None
) -> ParseOutcome:
    """Parse validated document bytes; raises only ``ResumeParseError``."""
    return _run(lambda: extract_document(data, kind), kind, on_step)


def parse_text(text: str, *, on_step: StepCallback | None = None) -> ParseOutcome:
    """The same pipeline from plain text (the CLI on .txt files, tests)."""
    return _run(lambda: extract_plain_text(text), "pdf", on_step)
