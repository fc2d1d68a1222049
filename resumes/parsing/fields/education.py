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
from resumes.parsing.fields.contact import WORLD_CITIES

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
    r"Medicine|Dental Surgery|Veterinary Medicine|Physical Therapy|Divinity|Accountancy|Design|"
    r"Computer Applications?|Management Studies|Management|Economics|Statistics|Mathematics|"
    r"Physics|Chemistry|Law|Journalism|Mass Communication|Hotel Management|Fine Art)"
)
DEGREE = re.compile(
    r"(?<![A-Za-z])(?:"
    # Initials with three dots or more: "B.S.B.A.", "B.B.A.", "M.B.A.", "A.A.S.".
    r"[ABMD]\.(?:[A-Z][a-z]{0,2}\.){2,4}|"
    r"(?:Advanced |Graduate |Postgraduate |Higher National |National )?Diploma"
    r"|(?:Graduate|Postgraduate|Paralegal|Professional) Certificate|"
    r"Ph\.?\s?D\.?|Pharm\.?\s?D\.?|Doctor(?:ate)?(?: of [A-Z][a-z]+)?(?: \((?:PharmD|MD|DDS|DVM|JD|EdD|DNP)\))?"
    r"|M\.?B\.?A\.?|EMBA|Ed\.?D\.?|DNP|DDS|DVM|MPH|MSN|BSN|MFA|BFA|BBA|MSW|MEng|BEng|MPA|MPP"
    rf"|Master'?s?(?: of {_FIELD_WORDS})?(?: degree)?"
    rf"|Bachelor'?s?(?: of {_FIELD_WORDS})?(?: degree)?"
    r"|Associate'?s? (?:degree|of (?:Applied )?[A-Z][a-z]+)|A\.A\.S\.?|AAS|A\.\s?A\.|A\.\s?S\."
    r"|B\.\s?S\.?c?|B\.?Sc\.?|BSc|B\.\s?A\.?|B\.?\s?Eng\.?|B\.?\s?Tech\.?|B\.?E\.|M\.\s?S\.?c?|M\.?Sc\.?|MSc|M\.\s?A\.?|M\.?\s?Eng\.?|M\.?\s?Tech\.?|LL\.?[BM]\.?|J\.?D\.?|M\.?D\.?"
    # Indian degree names: "B.E", "M.E.", "MCA", "B.Com", "MBBS", "PGDM".
    r"|B\.\s?E\.?|M\.\s?E\.?|B\.?C\.?A\.?|M\.?C\.?A\.?|B\.\s?Com\.?|M\.\s?Com\.?|BCom|MCom"
    r"|MBBS|BDS|B\.\s?Pharm\.?|M\.\s?Pharm\.?|B\.\s?Arch\.?|M\.\s?Arch\.?|B\.\s?Ed\.?|M\.\s?Ed\.?"
    r"|M\.\s?Phil\.?|PGDM|PGDBA|PGDCA|B\.\s?Sc|M\.\s?Sc"
    # Bare "MA"/"MS"/"ME" are also US states ("Cambridge, MA"), so only BS/BA bare.
    r"|BS|BA"
    r")(?![A-Za-z])"
    # Professional degrees name their field: "工程硕士（非全日制）", "教育硕士".
    r"|(?:工程|教育|工商管理|公共管理|法律|翻译|会计|金融|社会工作|临床医学|公共卫生|护理|"
    r"药学|应用统计|税务|国际商务|新闻与传播|建筑学|艺术|体育|汉语国际教育|应用心理|农业|兽医)"
    r"(?:硕士|博士)(?:[（(](?:非全日制|全日制|在职|专业学位)[）)])?"
    # "工学学士": the field of the degree belongs to it, it is not the major.
    r"|(?:[工理文法医农经管教艺史哲军]学)?(?:博士|硕士|学士)(?:研究生|学位)?"
    r"|博士后|研究生|本科学历|本科|大专|专科|高中|MBA",
)
GPA = re.compile(
    r"(?:GPA|G\.P\.A\.|绩点|平均绩点)\s*[:：]?\s*(?P<v>\d(?:\.\d{1,2})?(?:\s*/\s*\d(?:\.\d{1,2})?)?)",
    re.I,
)
_MAJOR_LABEL = re.compile(r"(?:major|专业)\s*[:：]\s*(?P<v>[^|,，;；\n]{2,40})", re.I)
_MAJOR_AFTER_DEGREE = re.compile(
    r"^\s*(?:in|of|,|-|–|:|：)?\s*(?P<v>[A-Z][A-Za-z&/ ]{2,60}?)\s*(?=$|[,|(;]|\s{2,}|GPA|\d)"
)


_MAJOR_LIST_END = re.compile(
    r",\s*(?P<v>(?:[A-Z][A-Za-z/]*,?\s)+(?:and|&)\s[A-Z][A-Za-z/]*(?:\s[A-Z][A-Za-z/]*)?)"
    r"\s*(?=$|[,|(;]|\s{2,}|GPA|\d)"
)
_SCHOOL_TAG = re.compile(r"[（(][^）)]*(?:\d|双一流|统招|全日制|重点|本科|硕士|博士)[^）)]*[）)]$")
_SCHOOL_LEAD = re.compile(r"^.*?\b(?:from|at)\s+(?=[A-Z])")
_SCHOOL_TAIL = re.compile(
    r"\s+(?:with|in|securing|scoring|secured|scored|passed|completed|graduated)\b"
    r"(?!\s+[A-Z][a-z]).*$"
)


def _school(text: str) -> str | None:
    match = _SCHOOL_ZH.search(text)
    if match:
        # "清华大学（985/211）": a ranking tag, not part of the name ("中国石油大学（华东）" is).
        return _SCHOOL_TAG.sub("", match.group(0))
    parts = split_fields(remove_dates(text))
    for index, part in enumerate(parts):
        if _SCHOOL_EN.search(part):
            # Drop a degree written in the same field: "B.S., Stanford University".
            school = DEGREE.sub("", part).strip(" ,-–") or part
            # "MCA from Pune University with 72% in 2015": keep the name only.
            school = _SCHOOL_LEAD.sub("", _SCHOOL_TAIL.sub("", school)).strip(" ,-–") or school
            following = parts[index + 1] if index + 1 < len(parts) else ""
            # "University of Texas at Austin": "at" names the campus, it splits nothing.
            if following and not DEGREE.search(following) and f"{school} at {following}" in text:
                school = f"{school} at {following}"
            # "University of California, Berkeley": the campus follows the comma.
            elif (
                school.startswith("University of")
                and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", following)
                and not DEGREE.search(following)
                # "University of Toledo, Toledo", "…, Seattle": the town, not a campus.
                and following not in WORLD_CITIES
                and following not in school
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
            # "Hospitality, Tourism and Events": a list of fields ending in "and".
            listed = _MAJOR_LIST_END.match(after[match.end() :])
            if listed:
                return f"{match.group('v').strip()}, {listed.group('v').strip()}"
            return match.group("v").strip()
    # Chinese lines: the field that is neither school, degree, date nor GPA.
    cleaned = GPA.sub(" ", remove_dates(text))
    if school:
        cleaned = cleaned.replace(school, " ")
    for part in split_fields(cleaned):
        part = re.sub(r"[（(]\s*[）)]", "", DEGREE.sub("", part)).strip()
        # "统招本科": how one studied, not what.
        part = re.sub(r"^(?:统招|全日制|非全日制|在职|双学位)|(?:统招|全日制)$", "", part)
        # "学科教学（数学）", "数学与应用数学（师范）": a qualifier in brackets is part of it.
        if re.fullmatch(
            r"[\u4e00-\u9fff]{2,15}(?:[（(][\u4e00-\u9fff]{1,8}[)）])?", part
        ) and not re.search(r"(?:GPA|排名|主修|课程)", part):
            if part.endswith(("学院", "学部")):
                continue  # "管理学院": the school's faculty; the major follows
            # "软件工程专业" -> "软件工程"
            return part[:-2] if part.endswith("专业") and len(part) > 3 else part
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
        labelled = _MAJOR_LABEL.search(flat)
        if major is None and labelled:  # "专业：电子信息工程" on a line of its own
            major = re.split(r"\s{2,}", remove_dates(labelled.group("v")).strip())[0]
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
