"""Work experience entries: company, title, location, dates and bullet highlights."""

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
from resumes.parsing.fields.contact import _CN_CITY, CITY_REGION

TITLE = re.compile(
    r"\b(?:Engineer|Developer|Manager|Analyst|Intern|Scientist|Designer|Consultant|Lead|"
    r"Director|Architect|Specialist|Associate|Officer|Administrator|Coordinator|Assistant|"
    r"Head|VP|Vice President|President|CTO|CEO|CFO|COO|Founder|Co-founder|Researcher|"
    r"Programmer|Technician|Representative|Accountant|Teacher|Professor|Nurse|Editor|"
    r"Writer|Owner|Partner|Supervisor|Strategist|Recruiter|Advisor|Executive|Trainee|"
    r"Fellow|Product Owner|SRE|DevOps)s?\b"
    r"|工程师|经理|实习生|实习|总监|主管|专员|开发|分析师|设计师|架构师|研究员|顾问|负责人|组长|助理|总裁|总经理|创始人|运营|产品经理|技术专家|专家",
    re.I,
)
COMPANY = re.compile(
    r"\b(?:Inc|LLC|Ltd|Limited|Corp|Corporation|Company|Co|Group|Technologies|Technology|"
    r"Systems|Solutions|Labs?|Bank|Partners|GmbH|AG|PLC|Holdings|Software|Consulting|Studio)\b\.?"
    r"|公司|集团|科技|银行|研究院|工作室|事务所|中心|有限",
)
# Legal-form suffixes: a field with one of these is a company even if it says "Software".
STRONG_COMPANY = re.compile(
    r"\b(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|AG|PLC|Co|S\.A|B\.V)\b\.?|公司|集团|有限|银行"
)
_REMOTE = re.compile(r"^(?:remote|hybrid|远程)$", re.I)
# Headers of one entry rarely take more lines than this; more means a new entry.
_MAX_HEADER_LINES = 3
# A glued Chinese "company + title": the title starts at its first qualifier word.
_CN_TITLE_TAIL = re.compile(
    r"(?P<company>[\u4e00-\u9fff（）()]{2,}?)"
    r"(?P<title>(?:高级|资深|初级|中级|首席|主任|后端|前端|全栈|算法|数据|软件|测试|运维|产品|研发|开发|技术|项目|销售|市场|财务|人力|行政|运营|[A-Za-z]+)"
    r"[\u4e00-\u9fffA-Za-z]{0,8}(?:工程师|经理|实习生|总监|主管|专员|分析师|设计师|架构师|研究员|顾问|负责人))$"
)


def _is_highlight(line: str) -> bool:
    return is_bullet(line) or (is_prose(line) and not has_date(line))


def _starts_entry(line: str, current: list[str]) -> bool:
    if _is_highlight(line):
        return False
    has_highlights = any(_is_highlight(item) for item in current)
    if has_highlights:
        return True
    headers = [item for item in current if not _is_highlight(item)]
    if has_date(line) and any(has_date(item) for item in headers):
        return True
    return len(headers) >= _MAX_HEADER_LINES


def _location(part: str) -> bool:
    return bool(CITY_REGION.fullmatch(part) or _REMOTE.match(part) or _CN_CITY.fullmatch(part))


def _header_fields(header: str) -> dict[str, str | None]:
    text = remove_dates(header)
    location = None
    match = CITY_REGION.search(text)
    if match:
        location = match.group(0)
        text = text.replace(location, "   ")
    parts = [part for part in split_fields(text) if part]
    title = company = None
    rest: list[str] = []
    for part in parts:
        if location is None and _location(part):
            location = part
        elif title is None and TITLE.search(part) and not STRONG_COMPANY.search(part):
            title = part
        elif company is None and COMPANY.search(part):
            company = part
        else:
            rest.append(part)
    if company is None and rest:
        company = rest.pop(0)
    if title is None and rest:
        title = rest.pop(0)
    # OCR or tight layouts glue them together: "字节跳动高级后端工程师".
    glued_field = company if title is None else title if company is None else None
    glued = _CN_TITLE_TAIL.match(glued_field) if glued_field else None
    if glued:
        company, title = glued.group("company"), glued.group("title")
    return {"company": company, "title": title, "location": location}


def parse_experience(lines: list[Line]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for block in group_entries(lines, _starts_entry):
        headers = [line for line in block if not _is_highlight(line)]
        highlights = [strip_bullet(line) for line in block if _is_highlight(line)]
        header = " | ".join(headers)
        start = end = None
        for line in headers:
            start, end, _ = find_range(line)
            if start:
                break
        fields = _header_fields(header)
        if not (fields["company"] or fields["title"]) and not highlights:
            continue
        entries.append({**fields, "start": start, "end": end, "highlights": highlights})
    return entries
