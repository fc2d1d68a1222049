"""The resume parser's skills taxonomy, seen from question generation.

Resumes name skills as written ("ReactJS", "k8s", "Postgres"); templates name them by the
taxonomy's canonical name ("React", "Kubernetes", "PostgreSQL"). Everything here maps the
former onto the latter, so a template meets every spelling of its skill.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from resumes.parsing.skills import TAXONOMY_PATH, get_matcher


@dataclass(frozen=True)
class CanonicalSkill:
    name: str  # canonical, as in the taxonomy
    category: str


@functools.cache
def _canonical_names() -> dict[str, CanonicalSkill]:
    """Canonical names by their case-folded form; a plain file read, no NLP."""
    names: dict[str, CanonicalSkill] = {}
    for raw in TAXONOMY_PATH.read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            canonical, category, *_ = raw.split("\t")
            names.setdefault(canonical.casefold(), CanonicalSkill(canonical, category))
    return names


def known_skill(name: str) -> CanonicalSkill | None:
    """The taxonomy entry whose canonical name is ``name`` (case-insensitive), if any."""
    return _canonical_names().get(name.casefold())


@functools.lru_cache(maxsize=4096)
def canonical_skill(written: str) -> CanonicalSkill | None:
    """The taxonomy entry a written skill name stands for, if the whole name is one skill."""
    direct = known_skill(written.strip())
    if direct is not None:
        return direct
    hits = get_matcher().find([(written, True)])
    if len(hits) == 1:
        entry = hits[0].entry
        return CanonicalSkill(entry.canonical, entry.category)
    return None


def skills_in(text: str) -> list[CanonicalSkill]:
    """Canonical skills mentioned in a piece of prose (a job's bullets), without repeats."""
    found: dict[str, CanonicalSkill] = {}
    for hit in get_matcher().find([(text, False)]):
        found.setdefault(
            hit.entry.canonical, CanonicalSkill(hit.entry.canonical, hit.entry.category)
        )
    return list(found.values())
