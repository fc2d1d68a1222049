"""Education entries: school, degree, major, start, end, GPA."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.dates import find_range, has_date
from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import (
    group_entries,
    has_cjk,
    remove_dates,
    split_fields,
    strip_bullet,
)

_SCHOOL_EN = re.compile(
    r"\b(?:University|College|Institute|School|Academy|Polytechnic|Universit[àéä]t?|Hochschule|Conservatory)\b"
)
_SCHOOL_ZH = re.compile(
    r"[\u4e00-\u9fff（）()]{2,20}(?:大学|学院|学校|研究院|研究所|中学)(?:[（(][^）)]{1,12}[）)])?"
)
_FIELD_WORDS = (
    r"(?:Science|Arts|Engineering|Business Administration|Fine Arts|Laws|Philosophy|Education|"
    r"Technology|Applied Science|Commerce|Public Health|Nursing|Pharmacy|Music|Architecture|"
    r"Social Work|Public Administration|Public Policy|Information Technology|Computer Science|"
    r"Medicine|Dental Surgery|Veterinary Medicine|Physical Therapy|Divinity|Accountancy|Design)"
)
DEGREE = re.compile(
    r"(?<![A-Za-z])(?:"
    r"Ph\.?\s?D\.?|Pharm\.?\s?D\.?|Doctor(?:ate)?(?: of [A-Z][a-z]+)?(?: \((?:PharmD|MD|DDS|DVM|JD|EdD|DNP)\))?"
    r"|M\.?B\.?A\.?|EMBA|Ed\.?D\.?|DNP|DDS|DVM|MPH|MSN|BSN|MFA|BFA|BBA|MSW|MEng|BEng|MPA|MPP"
    rf"|Master'?s?(?: of {_FIELD_WORDS})?(?: degree)?"
    rf"|Bachelor'?s?(?: of {_FIELD_WORDS})?(?: degree)?"
    r"|Associate'?s? (?:degree|of (?:Applied )?[A-Z][a-z]+)|A\.A\.S\.?|AAS|A\.\s?A\.|A\.\s?S\."
    r"|B\.\s?S\.?c?|B\.?Sc\.?|BSc|B\.\s?A\.?|B\.?\s?Eng\.?|B\.?\s?Tech\.?|B\.?E\.|M\.\s?S\.?c?|M\.?Sc\.?|MSc|M\.\s?A\.?|M\.?\s?Eng\.?|M\.?\s?Tech\.?|LL\.?[BM]\.?|J\.?D\.?|M\.?D\.?"
    # Bare "MA"/"MS"/"ME" are also US states ("Cambridge, MA"), so only BS/BA bare.
    r"|BS|BA"
    r")(?![A-Za-z])"
    r"|博士研究生|博士后|博士学位|博士|硕士研究生|硕士学位|硕士|研究生|本科学历|本科|学士学位|学士|大专|专科|高中|MBA",
)
GPA = re.compile(
    r"(?:GPA|G\.P\.A\.|绩点|平均绩点)\s*[:：]?\s*(?P<v>\d(?:\.\d{1,2})?(?:\s*/\s*\d(?:\.\d{1,2})?)?)",
    re.I,
)
_MAJOR_LABEL = re.compile(r"(?:major|专业)\s*[:：]\s*(?P<v>[^|,，;；\n]{2,40})", re.I)
_MAJOR_AFTER_DEGREE = re.compile(
    r"^\s*(?:in|of|,|-|–|:|：)?\s*(?P<v>[A-Z][A-Za-z&/ ]{2,60}?)\s*(?=$|[,|(;]|\s{2,}|GPA|\d)"
)


def _school(text: str) -> str | None:
    match = _SCHOOL_ZH.search(text)
    if match:
        return match.group(0)
    parts = split_fields(remove_dates(text))
    for index, part in enumerate(parts):
        if _SCHOOL_EN.search(part):
            # Drop a degree written in the same field: "B.S., Stanford University".
            school = DEGREE.sub("", part).strip(" ,-–") or part
            following = parts[index + 1] if index + 1 < len(parts) else ""
            # "University of California, Berkeley": the campus follows the comma.
            if (
                school.startswith("University of")
                and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", following)
                and not DEGREE.search(following)
            ):
                school = f"{school}, {following}"
            return school
    return None


def _major(text: str, degree_match: re.Match[str] | None, school: str | None) -> str | None:
    labelled = _MAJOR_LABEL.search(text)
    if labelled:
        return labelled.group("v").strip()
    if degree_match is not None and not has_cjk(text):
        after = text[degree_match.end() :]
        match = _MAJOR_AFTER_DEGREE.match(after)
        if (
            match
            and not _SCHOOL_EN.search(match.group("v"))
            and not match.group("v").startswith("GPA")
        ):
            return match.group("v").strip()
    # Chinese lines: the field that is neither school, degree, date nor GPA.
    cleaned = GPA.sub(" ", remove_dates(text))
    if school:
        cleaned = cleaned.replace(school, " ")
    for part in split_fields(cleaned):
        part = DEGREE.sub("", part).strip()
        if re.fullmatch(r"[\u4e00-\u9fff]{2,15}", part) and not re.search(
            r"(?:GPA|排名|主修|课程)", part
        ):
            return part
    return None


def _starts_entry(line: str, current: list[str]) -> bool:
    block = " ".join(current)
    if _school(line) and _school(block):
        return True
    # A new date range after a complete entry also starts the next one.
    return (
        has_date(line) and has_date(block) and bool(_school(block)) and bool(DEGREE.search(block))
    )


def parse_education(lines: list[Line]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for block in group_entries(lines, _starts_entry):
        text = "\n".join(strip_bullet(line) for line in block)
        flat = " | ".join(strip_bullet(line) for line in block)
        school = _school(flat)
        degree_match = None
        for line in block:
            degree_match = DEGREE.search(remove_dates(line))
            if degree_match:
                major = _major(remove_dates(line), degree_match, school)
                break
        else:
            major = _major(flat, None, school)
        start, end = None, None
        for line in block:
            start, end, _ = find_range(line)
            if start:
                break
        if start and end is None:
            start, end = None, start  # one date on an education line is the graduation
        gpa = GPA.search(text)
        if not (school or degree_match):
            continue
        entries.append(
            {
                "school": school,
                "degree": degree_match.group(0).strip() if degree_match else None,
                "major": major,
                "start": start,
                "end": end,
                "gpa": gpa.group("v").replace(" ", "") if gpa else None,
            }
        )
    return entries
