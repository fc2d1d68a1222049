from __future__ import annotations

from typing import Any

from django.utils import timezone

from resumes.models import Resume, ResumeParseResult, ResumeStatus
from resumes.services import upload_resume
from resumes.tests import files

SAMPLE_RESULT: dict[str, Any] = {
    "language": "en",
    "basic_info": {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "phone": "+44 20 7946 0000",
        "location": "London",
        "links": ["https://github.com/ada"],
    },
    "education": [
        {
            "school": "University of London",
            "degree": "BSc",
            "major": "Mathematics",
            "start": "1832",
            "end": "1835",
            "gpa": None,
        }
    ],
    "work_experience": [
        {
            "company": "Analytical Engines",
            "title": "Engineer",
            "location": "London",
            "start": "1842-01",
            "end": "present",
            "highlights": ["Wrote the first program"],
        }
    ],
    "skills": [{"name": "Python", "category": "programming_language", "confidence": 0.9}],
    "projects": [],
    "certifications": [],
    "languages": [{"name": "English", "proficiency": "native"}],
    "parse_confidence": 0.85,
}


def make_resume(owner: Any, *, data: bytes | None = None, filename: str = "cv.pdf") -> Resume:
    return upload_resume(owner=owner, data=data or files.pdf_bytes(1), filename=filename).resume


def complete(resume: Resume, result: dict[str, Any] | None = None) -> ResumeParseResult:
    """Mark a resume parsed with a given result, as the worker would."""
    values = dict(result or SAMPLE_RESULT)
    parsed = ResumeParseResult.objects.create(resume=resume, text="Ada Lovelace ...", **values)
    Resume.objects.filter(pk=resume.pk).update(
        status=ResumeStatus.COMPLETED, parsed_at=timezone.now()
    )
    resume.refresh_from_db()
    return parsed
