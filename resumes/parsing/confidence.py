"""How much of a resume we understood, as one number in [0, 1]."""

from __future__ import annotations

from typing import Any

# What a recruiter needs most weighs most; the weights add up to 1.
_WEIGHTS = {
    "name": 0.15,
    "contact": 0.15,
    "education": 0.15,
    "experience": 0.25,
    "skills": 0.15,
    "sections": 0.15,
}
# Below this much text a "resume" is a fragment, whatever we matched in it.
_FULL_TEXT_CHARS = 400
_EXPECTED_SECTIONS = 3  # education, experience and skills in any real resume


def parse_confidence(result: dict[str, Any], *, text: str, sections_found: list[str]) -> float:
    info = result["basic_info"]
    work = result["work_experience"]
    score = 0.0
    score += _WEIGHTS["name"] * bool(info["name"])
    score += _WEIGHTS["contact"] * (0.6 * bool(info["email"]) + 0.4 * bool(info["phone"]))
    complete = any(
        entry["school"] and (entry["degree"] or entry["end"]) for entry in result["education"]
    )
    score += _WEIGHTS["education"] * (1.0 if complete else 0.5 if result["education"] else 0.0)
    dated_jobs = [job for job in work if job["start"] and (job["company"] or job["title"])]
    score += _WEIGHTS["experience"] * (1.0 if dated_jobs else 0.5 if work else 0.0)
    score += _WEIGHTS["skills"] * min(1.0, len(result["skills"]) / 5)
    known = {key for key in sections_found if key != "other"}
    score += _WEIGHTS["sections"] * min(1.0, len(known) / _EXPECTED_SECTIONS)
    visible = sum(1 for char in text if not char.isspace())
    score *= min(1.0, visible / _FULL_TEXT_CHARS) ** 0.5
    return round(max(0.0, min(1.0, score)), 2)
