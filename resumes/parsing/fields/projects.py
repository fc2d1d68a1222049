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
    r"Coursera|edX|Udacity|IBM|CFA Institute|AICPA|Tableau|Databricks|HashiCorp|Kubernetes|"
    r"Project Management Institute|American Heart Association|American Red Cross|Meta|"
    r"Snowflake|MongoDB|VMware|Adobe|HubSpot|Scrum\.org|Axelos|PeopleCert|NASM|ACE)\b"
)
# An organisation's name alone: "California Board of Registered Nursing".
_ISSUING_BODY = re.compile(
    r"(?:[A-Z][\w&.'\-]*\s+){0,5}(?:Institute|Association|Board|Council|Society|Academy|"
    r"Foundation|Alliance|Commission|Department|Authority|University|College)"
    r"(?:\s+(?:of|for|on)?\s*[A-Z][\w&.'\-]*){0,5}"
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


_CERT_CONTINUATION = re.compile(
    r"^(?:issued|issuer|credential|license|licence|expires?|expiration|valid|id\b|"
    r"颁发|发证|证书编号|有效期)",
    re.I,
)
_TRAILING_PARENS = re.compile(r"\s*[(（](?P<v>[^()（）]{2,80})[)）]\s*$")
_DASHED_ISSUER = re.compile(r"^(?P<n>.+?)\s+[-–—]\s+(?P<i>[^-–—|]{2,40}?)[\s\-–—|]*$")
_CERT_LABEL = re.compile(
    r"^(?:certifications?|certificates?|licen[cs]es?|证书|资格证书)\s*[:：]\s*", re.I
)


def _cert_lines(lines: list[Line]) -> list[str]:
    """One certification per line or bullet; detail lines join the one above."""
    out: list[str] = []
    for line in lines:
        raw = line.text.strip()
        text = strip_bullet(raw)
        if not text:
            continue
        undated = remove_dates(text).strip(" -–—|,:：()（）·•")
        detail = (
            _CERT_CONTINUATION.match(text)
            or not undated
            # "Amazon Web Services · 2021" or "Board of Nursing, 2015" under the name.
            or _ISSUERS.fullmatch(undated) is not None
            or (has_date(text) and _ISSUING_BODY.fullmatch(undated) is not None)
            or text[0].islower()
        )
        if out and detail and not is_bullet(raw):
            out[-1] = f"{out[-1]} | {text}"
        else:
            out.append(text)
    return out


def parse_certifications(lines: list[Line]) -> list[dict[str, Any]]:
    certifications: list[dict[str, Any]] = []
    for text in _cert_lines(lines):
        text = _CERT_LABEL.sub("", text)
        start, end, _ = find_range(text)
        date = end if end and end != "present" else start
        issuer: str | None = None
        parens = _TRAILING_PARENS.search(text)
        if parens and (has_date(parens.group("v")) or _ISSUERS.search(parens.group("v"))):
            inside = remove_dates(parens.group("v")).strip(" ,，;；-–—|")
            issuer = inside.split(",")[0].strip() or None
            text = text[: parens.start()]
        issued_by = _ISSUED_BY.search(text)
        if issued_by and issuer is None:
            issuer = remove_dates(issued_by.group("v")).strip(" -–—:：") or None
            text = _ISSUED_BY.sub("", text)
        cleaned = remove_dates(text)
        dashed = _DASHED_ISSUER.match(cleaned)
        if dashed and _ISSUERS.fullmatch(dashed.group("i")):
            cleaned, issuer = dashed.group("n"), issuer or dashed.group("i")
        fields = [part.strip(" -–—:：") for part in _CERT_SPLIT.split(cleaned)]
        fields = [part for part in fields if part and not _CERT_CONTINUATION.match(part)]
        if not fields:
            continue
        name = fields[0]
        if issuer is None and len(fields) > 1:
            issuer = fields[1]
        if issuer is None:
            known = _ISSUERS.search(name)
            issuer = known.group(0) if known else None
        certifications.append({"name": name, "issuer": issuer, "date": date})
    return certifications
