"""Projects and certifications; projects get their technologies in the skills step."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.dates import find_range, has_date
from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import (
    group_entries,
    is_bullet,
    is_prose,
    remove_dates,
    split_fields,
    strip_bullet,
)

_ISSUERS = re.compile(
    r"\b(?:Amazon Web Services|AWS|Microsoft|Google(?: Cloud)?|Cisco|PMI|CompTIA|Oracle|"
    r"\(ISC\)²|ISC2|ISACA|Red Hat|Linux Foundation|CNCF|Salesforce|Scrum Alliance|"
    r"Coursera|edX|Udacity|IBM|CFA Institute|AICPA|Tableau|Databricks|HashiCorp|Kubernetes)\b"
)
_ISSUED_BY = re.compile(
    r"(?:issued by|by|from|颁发机构|颁发单位)\s*[:：]?\s*(?P<v>[^,|;，；]+)", re.I
)
_MAX_PROJECT_NAME = 80
# Certificate names contain spaced dashes ("Solutions Architect – Associate"), so only
# stronger separators split a certificate line.
_CERT_SPLIT = re.compile(r"\s*(?:\||\s{3,}|\t|,|，|;|；| — )\s*")


def _is_detail(line: str) -> bool:
    return is_bullet(line) or is_prose(line)


def _starts_project(line: str, current: list[str]) -> bool:
    if _is_detail(line) or len(line) > _MAX_PROJECT_NAME:
        return False
    return any(_is_detail(item) for item in current) or (
        has_date(line) and any(has_date(item) for item in current)
    )


def parse_projects(lines: list[Line]) -> list[dict[str, Any]]:
    projects: list[dict[str, Any]] = []
    for block in group_entries(lines, _starts_project):
        header, details = block[0], block[1:]
        if _is_detail(header):
            details = block
            header = ""
        fields = split_fields(remove_dates(header)) if header else []
        name = fields[0] if fields else None
        # The rest of the header ("Python, Django", "Team lead") belongs to the story.
        description_parts = [", ".join(fields[1:])] if len(fields) > 1 else []
        description_parts += [strip_bullet(line) for line in details]
        description = "\n".join(part for part in description_parts if part) or None
        if name is None and description is None:
            continue
        projects.append({"name": name, "description": description, "technologies": []})
    return projects


def parse_certifications(lines: list[Line]) -> list[dict[str, Any]]:
    certifications: list[dict[str, Any]] = []
    for line in lines:
        text = strip_bullet(line.text)
        start, end, _ = find_range(text)
        date = end if end and end != "present" else start
        issued_by = _ISSUED_BY.search(text)
        cleaned = remove_dates(_ISSUED_BY.sub("", text) if issued_by else text)
        fields = [part.strip(" -–—:：") for part in _CERT_SPLIT.split(cleaned)]
        fields = [part for part in fields if part]
        if not fields:
            continue
        name, issuer = fields[0], None
        if issued_by:
            issuer = issued_by.group("v").strip()
        elif len(fields) > 1:
            issuer = fields[1]
        else:
            known = _ISSUERS.search(name)
            issuer = known.group(0) if known else None
        certifications.append({"name": name, "issuer": issuer, "date": date})
    return certifications
