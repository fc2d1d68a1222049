"""Projects and certifications; projects get their technologies in the skills step."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.dates import find_range, has_date
from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import (
    group_entries,
    has_cjk,
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


# "项目描述：…", "Tech stack: …": labelled lines describe the project above them.
_DETAIL_LABEL = re.compile(
    r"^(?:项目描述|项目简介|项目介绍|项目内容|项目职责|项目业绩|责任描述|个人职责|主要职责|工作内容|"
    r"技术栈|技术架构|开发环境|开发工具|使用技术|所用技术|技术|职责|项目角色|担任角色|角色|项目成果|成果|"
    r"description|responsibilities|tech(?:nology)? stack|technologies(?: used)?|tools(?: used)?|"
    r"my role|outcome|result)\s*[:：]",
    re.I,
)
# "项目名称：智能客服系统", "Project: Chess engine", "一、在线教育直播系统": the name follows.
_NAME_LABEL = re.compile(
    r"^(?:(?:项目名称|项目名|项目[一二三四五六七八九十\d]{0,2}|project(?: name| title| \d{1,2})?)"
    r"\s*[:：]\s*"
    r"|[一二三四五六七八九十]{1,2}[、.．]\s*)",
    re.I,
)


def _is_detail(line: str) -> bool:
    return is_bullet(line) or is_prose(line) or _DETAIL_LABEL.match(line) is not None


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
        elif not remove_dates(header).strip() and details and not _is_detail(details[0]):
            # "2021.03 - 2021.09" on a line of its own, the name below it.
            header, details = f"{details[0]}   {header}", details[1:]
        fields = split_fields(remove_dates(_NAME_LABEL.sub("", header))) if header else []
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
    r"^[·•\s]*(?:issued|issuer|credential|license|licence|expires?|expiration|exp\b|valid|"
    r"renewed|id\b|"
    r"颁发|发证|证书编号|有效期)",
    re.I,
)
_TRAILING_PARENS = re.compile(r"\s*[(（](?P<v>[^()（）]{2,80})[)）]\s*$")
_DASHED_ISSUER = re.compile(r"^(?P<n>.+?)\s+[-–—]\s+(?P<i>[^-–—|]{2,40}?)[\s\-–—|]*$")
_CERT_LABEL = re.compile(
    r"^(?:certifications?|certificates?|licen[cs]es?|证书|资格证书)\s*[:：]\s*", re.I
)


# Words that name a credential; a line under a certificate without any of them that
# names an organisation is its issuer.
_CERT_WORDS = re.compile(
    r"\b(?:certifi\w*|certificate|licen[cs]e\w*|credential|diploma|accredit\w*|"
    r"professional|associate|specialist|expert|practitioner|administrator|developer|"
    r"architect|engineer|analyst|fundamentals|foundations?|belt|level|course|training|"
    r"nurse|technician|support|aid|safety|master|scrum|program|badge)\b|"
    r"证|资格|等级|级",
    re.I,
)
_ORGANISATION = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w&.'\-]*\s+){0,6}(?:Foundation|Association|Institute|Registry|"
    r"Board|Council|Society|Academy|Alliance|Commission|Department|Authority|University|"
    r"College|Inc\.?|LLC|Ltd\.?|Corporation|Company|Agency|Organi[sz]ation|Federation)"
    r"(?:\s+(?:of|for|on|and|&)?\s*[A-Z][\w&.'\-]*){0,6}$"
)
_SHORT_ISSUER_WORDS = 4


def _issuer_line(text: str) -> bool:
    """ "Amazon Web Services (AWS)", "The Linux Foundation", "ServSafe, 2020"."""
    undated = _TRAILING_PARENS.sub("", remove_dates(text)).strip(" -–—|,:：()（）·•")
    if not undated:
        return True
    if _ISSUERS.fullmatch(undated) or _ISSUING_BODY.fullmatch(undated):
        return True
    if _CERT_WORDS.search(undated):
        return False
    return bool(_ORGANISATION.match(undated)) or (
        has_date(text)
        and not has_cjk(undated)
        and re.search(r"[a-z]", undated) is not None
        and len(undated.split()) <= _SHORT_ISSUER_WORDS
    )


def _cert_lines(lines: list[Line]) -> list[str]:
    """One certification per line or bullet; detail lines join the one above."""
    out: list[str] = []
    previous_bullet = False
    for line in lines:
        raw = line.text.strip()
        text = strip_bullet(raw)
        if not text:
            continue
        bullet = is_bullet(raw)
        detail = (
            _CERT_CONTINUATION.match(text)
            # "Amazon Web Services · 2021" or "Board of Nursing, 2015" under the name.
            or _issuer_line(text)
            or text[0].islower()
            # Under a bulleted certificate, a line without a bullet goes on with it.
            or previous_bullet
        )
        if out and detail and not bullet:
            out[-1] = f"{out[-1]} | {text}"
        else:
            out.append(text)
            previous_bullet = bullet
    return out


def parse_certifications(lines: list[Line]) -> list[dict[str, Any]]:
    certifications: list[dict[str, Any]] = []
    for text in _cert_lines(lines):
        text = _CERT_LABEL.sub("", text)
        start, end, _ = find_range(text)
        date = end if end and end != "present" else start
        issuer: str | None = None
        first, joined, details = text.partition(" | ")
        parens = _TRAILING_PARENS.search(first)
        if parens and (has_date(parens.group("v")) or _ISSUERS.search(parens.group("v"))):
            inside = remove_dates(parens.group("v")).strip(" ,，;；-–—|")
            issuer = inside.split(",")[0].strip() or None
            text = first[: parens.start()] + joined + details
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
