"""Skills analysis (notes 25.4.1): which skills a resume shows, how well, and for what job.

Input is a parse result in the DESIGN schema (the candidate's corrections merged in).
Each skill gets a category, an estimated level from the years of experience that mention
it and how recently, and a weight that ranks it; the resume also gets the professions it
belongs to, so a nurse is asked about nursing rather than programming.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from questions.skills import CanonicalSkill, canonical_skill, skills_in

TECH_CATEGORIES = frozenset(
    {"programming_language", "framework", "database", "cloud_devops", "data_ml", "security"}
)
LEVELS = ("beginner", "intermediate", "advanced", "expert")
# Years of hands-on use at which a skill reaches each level above beginner.
LEVEL_YEARS = (1.0, 3.0, 5.0)
# A skill last used this many months ago counts one level lower: it has gone rusty.
STALE_MONTHS = 36

# Words of job titles (and the candidate's target role) by profession. Titles are the
# strongest evidence of what someone does; skills alone are weak (nurses use Excel too).
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "healthcare": (
        "nurse",
        "nursing",
        "rn",
        "lpn",
        "midwife",
        "caregiver",
        "clinical",
        "clinician",
        "patient care",
        "icu",
        "ward",
        "护士",
        "护理",
        "护师",
        "临床",
        "助产",
    ),
    "finance": (
        "accountant",
        "accounting",
        "bookkeeper",
        "auditor",
        "audit",
        "cpa",
        "controller",
        "treasury",
        "payroll",
        "tax",
        "会计",
        "审计",
        "财务",
        "出纳",
        "税务",
    ),
    "sales": (
        "sales",
        "account executive",
        "account manager",
        "business development",
        "bdr",
        "sdr",
        "销售",
        "客户经理",
        "商务拓展",
        "大客户",
    ),
    "education": (
        "teacher",
        "tutor",
        "lecturer",
        "instructor",
        "professor",
        "teaching",
        "educator",
        "教师",
        "老师",
        "讲师",
        "教学",
        "班主任",
        "助教",
    ),
    "marketing": (
        "marketing",
        "marketer",
        "brand",
        "seo",
        "content strategist",
        "growth",
        "social media",
        "市场",
        "营销",
        "品牌",
        "推广",
        "新媒体",
    ),
    "human_resources": (
        "hr",
        "human resources",
        "recruiter",
        "recruiting",
        "talent acquisition",
        "hrbp",
        "people partner",
        "人力资源",
        "招聘",
        "人事",
    ),
}
SOFTWARE_WORDS = (
    "developer",
    "software",
    "programmer",
    "engineer",
    "devops",
    "sre",
    "architect",
    "data scientist",
    "machine learning",
    "开发",
    "程序员",
    "工程师",
    "架构师",
    "算法",
)
# Taxonomy skills that are evidence of a profession (weaker than a title).
ROLE_SKILLS: dict[str, str] = {
    "Accounting": "finance",
    "Financial analysis": "finance",
    "Digital marketing": "marketing",
}
_WORD = re.compile(r"[a-z]+")


@dataclass
class SkillProfile:
    name: str  # as the candidate wrote it
    canonical: str
    category: str
    confidence: float
    years: float = 0.0
    last_used: str | None = None  # YYYY-MM, YYYY or "present"
    level: str = "beginner"
    work_mentions: int = 0
    project_mentions: int = 0
    weight: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "canonical": self.canonical,
            "category": self.category,
            "level": self.level,
            "years": round(self.years, 1),
            "last_used": self.last_used,
            "weight": round(self.weight, 3),
        }


@dataclass
class ResumeProfile:
    language: str
    skills: list[SkillProfile]
    roles: dict[str, float]  # profession category -> evidence score
    software: float  # evidence that this is a software resume
    company: str = ""
    title: str = ""
    projects: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    experience_years: float = 0.0
    latest_role_skills: frozenset[str] = frozenset()

    def skill(self, canonical: str) -> SkillProfile | None:
        for item in self.skills:
            if item.canonical == canonical:
                return item
        return None

    def top_skills(self, n: int = 5) -> list[SkillProfile]:
        return self.skills[:n]

    def as_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "experience_years": round(self.experience_years, 1),
            "roles": {k: round(v, 2) for k, v in sorted(self.roles.items())},
            "software": round(self.software, 2),
            "skills": [s.as_dict() for s in self.skills],
        }


def _month_index(value: Any, today: dt.date) -> int | None:
    """Months since year 0 for YYYY-MM / YYYY / present; None when unreadable."""
    if not isinstance(value, str) or not value:
        return None
    if value == "present":
        return today.year * 12 + today.month - 1
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value)
    if not match:
        return None
    year, month = int(match[1]), int(match[2] or 1)
    return year * 12 + month - 1


def _job_span(job: dict[str, Any], today: dt.date) -> tuple[int, int] | None:
    start = _month_index(job.get("start"), today)
    end = _month_index(job.get("end") or "present", today) if start is not None else None
    if start is None or end is None or end < start:
        return None
    return start, end


def _matches_words(text: str, words: Iterable[str]) -> int:
    lowered = text.casefold()
    tokens = set(_WORD.findall(lowered))
    hits = 0
    for word in words:
        if word.isascii() and " " not in word:
            hits += word in tokens
        else:
            hits += word in lowered
    return hits


def _level(years: float, months_since: int | None, listed_only: bool, experience: float) -> str:
    if listed_only:
        # Listed but never shown in a job: trust it modestly, more so for seasoned people.
        return LEVELS[1] if experience >= 2 else LEVELS[0]
    rank = sum(years >= threshold for threshold in LEVEL_YEARS)
    if months_since is not None and months_since > STALE_MONTHS:
        rank = max(0, rank - 1)
    return LEVELS[rank]


def analyse_resume(
    result: dict[str, Any], *, target_role: str = "", today: dt.date | None = None
) -> ResumeProfile:
    today = today or dt.date.today()
    now = today.year * 12 + today.month - 1
    jobs = [j for j in result.get("work_experience") or [] if isinstance(j, dict)]
    spans = [_job_span(job, today) for job in jobs]

    skills: dict[str, SkillProfile] = {}
    for item in result.get("skills") or []:
        name = str((item or {}).get("name") or "").strip()
        entry = canonical_skill(name) if name else None
        if entry is None or entry.name in skills:
            continue
        confidence = float(item.get("confidence") or 0.6)
        category = entry.category if entry.category else str(item.get("category") or "")
        skills[entry.name] = SkillProfile(name, entry.name, category, confidence)

    months_with: dict[str, int] = {}
    last_used: dict[str, tuple[int, str]] = {}
    latest_index = _latest_job(spans)
    latest_skills: set[str] = set()
    listed = set(skills)
    for index, (job, span) in enumerate(zip(jobs, spans, strict=True)):
        bullets = " ".join(map(str, job.get("highlights") or []))
        found = {entry.name: entry for entry in _mentioned(bullets, skills)}
        for entry in _mentioned(str(job.get("title") or ""), skills):
            # A title counts only for skills the candidate listed: "Sous Chef" is no
            # user of the Chef tool.
            if entry.name in skills:
                found.setdefault(entry.name, entry)
        for entry in found.values():
            profile = skills.get(entry.name) or _add_prose_skill(skills, entry)
            profile.work_mentions += 1
            if index == latest_index:
                latest_skills.add(entry.name)
            if span is None:
                continue
            months_with[entry.name] = months_with.get(entry.name, 0) + span[1] - span[0] + 1
            end_label = str(job.get("end") or "present")
            if span[1] > last_used.get(entry.name, (-1, ""))[0]:
                last_used[entry.name] = (span[1], end_label)

    projects: list[tuple[str, frozenset[str]]] = []
    for project in result.get("projects") or []:
        if not isinstance(project, dict):
            continue
        text = " ".join(
            [str(project.get("description") or ""), *map(str, project.get("technologies") or [])]
        )
        used = frozenset(entry.name for entry in _mentioned(text, skills))
        for name in used:
            if name in skills:
                skills[name].project_mentions += 1
        if project.get("name"):
            projects.append((str(project["name"]), used))

    experience = _experience_years(spans)
    for profile in skills.values():
        profile.years = months_with.get(profile.canonical, 0) / 12
        end = last_used.get(profile.canonical)
        profile.last_used = end[1] if end else None
        since = now - end[0] if end else None
        listed_only = profile.work_mentions == 0
        profile.level = _level(profile.years, since, listed_only, experience)
        recency = 0.0 if since is None else max(0.0, 1 - since / 60)
        profile.weight = (
            profile.confidence
            + 0.12 * min(profile.work_mentions, 4)
            + 0.08 * min(profile.project_mentions, 3)
            + 0.1 * min(profile.years, 5) / 5
            + 0.15 * recency
        )

    ranked = sorted(skills.values(), key=lambda s: (-s.weight, s.canonical))
    roles, software = _roles(jobs, latest_index, ranked, target_role)
    if software < 1.0:
        # Technology names found only in prose are everyday words often enough ("Chef",
        # "Spark", "Excel at") that, on a resume with no other sign of software work,
        # they are noise: keep only what the candidate listed.
        ranked = [
            s
            for s in ranked
            if s.canonical in listed or s.category not in TECH_CATEGORIES | {"tool"}
        ]
    latest = jobs[latest_index] if latest_index is not None else {}
    return ResumeProfile(
        language="zh" if result.get("language") == "zh" else "en",
        skills=ranked,
        roles=roles,
        software=software,
        company=str(latest.get("company") or "").strip(),
        title=str(latest.get("title") or "").strip(),
        projects=projects,
        experience_years=experience,
        latest_role_skills=frozenset(latest_skills),
    )


def _mentioned(text: str, listed: dict[str, SkillProfile]) -> list[CanonicalSkill]:
    """Skills named in prose: the taxonomy's matches, plus the candidate's own listed skills.

    The taxonomy only trusts short everyday-word names ("Go", "R", "C") inside lists, so
    "Built Go services" alone says nothing; but once the candidate has listed Go, the same
    word in their job's bullets is evidence of using it.
    """
    found = {entry.name: entry for entry in skills_in(text)}
    for profile in listed.values():
        if profile.canonical in found:
            continue
        for name in {profile.name, profile.canonical}:
            # ASCII boundaries: Chinese runs words together ("熟练掌握Go开发").
            if re.search(
                rf"(?<![A-Za-z0-9_.+#]){re.escape(name)}(?![A-Za-z0-9_+#]|\.[A-Za-z0-9])", text
            ):
                found[profile.canonical] = CanonicalSkill(profile.canonical, profile.category)
                break
    return list(found.values())


def _add_prose_skill(skills: dict[str, SkillProfile], entry: CanonicalSkill) -> SkillProfile:
    # A skill only named in a job's bullets is still evidence; the parser keeps those too,
    # but corrections may have dropped the skills list, so add it here with prose confidence.
    profile = SkillProfile(entry.name, entry.name, entry.category, 0.6)
    skills[entry.name] = profile
    return profile


def _latest_job(spans: list[tuple[int, int] | None]) -> int | None:
    if not spans:
        return None
    dated = [(span[1], span[0], -i) for i, span in enumerate(spans) if span is not None]
    if not dated:
        return 0  # undated: resumes list the latest job first
    return -max(dated)[2]


def _experience_years(spans: list[tuple[int, int] | None]) -> float:
    """Years covered by at least one job (overlapping jobs count once)."""
    months: set[int] = set()
    for span in spans:
        if span is not None:
            months.update(range(span[0], span[1] + 1))
    return len(months) / 12


def _roles(
    jobs: list[dict[str, Any]],
    latest_index: int | None,
    skills: list[SkillProfile],
    target_role: str,
) -> tuple[dict[str, float], float]:
    roles: dict[str, float] = {}
    software = 0.0
    for index, job in enumerate(jobs):
        title = str(job.get("title") or "")
        factor = 3.0 if index == latest_index else 2.0
        for role, words in ROLE_WORDS.items():
            if _matches_words(title, words):
                roles[role] = roles.get(role, 0.0) + factor
        if _matches_words(title, SOFTWARE_WORDS):
            software += factor
    if target_role:
        for role, words in ROLE_WORDS.items():
            if _matches_words(target_role, words):
                roles[role] = roles.get(role, 0.0) + 3.0
        if _matches_words(target_role, SOFTWARE_WORDS):
            software += 3.0
    for skill in skills:
        if skill.canonical in ROLE_SKILLS:
            role = ROLE_SKILLS[skill.canonical]
            roles[role] = roles.get(role, 0.0) + 1.0
        if skill.category in TECH_CATEGORIES:
            software += 0.5
    return roles, software
