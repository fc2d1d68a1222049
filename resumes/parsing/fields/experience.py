"""Work experience entries: company, title, location, dates and bullet highlights."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.dates import find_range, has_date
from resumes.parsing.extract.docx import column_labels
from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import (
    TOOLS_LABEL,
    drop_empty_brackets,
    group_entries,
    is_bullet,
    is_prose,
    is_sentence,
    remove_dates,
    split_fields,
    strip_bullet,
)
from resumes.parsing.fields.contact import _CN_CITY, CITY_REGION, TRAILING_CITY

TITLE = re.compile(
    r"\b(?:Engineer|Developer|Manager|Analyst|Intern|Scientist|Designer|Consultant|Lead|"
    r"Director|Architect|Specialist|Associate|Officer|Administrator|Coordinator|Assistant|"
    r"Head|VP|Vice President|President|CTO|CEO|CFO|COO|Founder|Co-founder|Researcher|"
    r"Programmer|Technician|Representative|Accountant|Teacher|Professor|Nurse|Editor|"
    r"Writer|Owner|Partner|Supervisor|Strategist|Recruiter|Advisor|Executive|Trainee|"
    r"Fellow|Product Owner|SRE|DevOps|Pharmacist|Physician|Surgeon|Therapist|Attorney|"
    r"Paralegal|Lawyer|Counsel|Clerk|Cashier|Auditor|Instructor|Lecturer|Tutor|Chef|Cook|"
    r"Mechanic|Electrician|Technologist|Secretary|Receptionist|Planner|Buyer|Agent|"
    r"Counselor|Counsellor|Librarian|Chemist|Economist|Statistician|Member of Technical Staff|"
    r"Volunteer|Operator|Inspector|Superintendent|Foreman|Paramedic|Dentist|Hygienist|"
    r"Pilot|Driver|Principal|Chair(?:man|woman|person)?|Mathematician|Physicist|"
    r"Salesperson|Merchandiser|Bookkeeper|Controller|Treasurer|Auditor|Investigator|"
    r"Producer|Photographer|Journalist|Reporter|Translator|Interpreter|Caregiver|Aide|"
    r"Captain|Lieutenant|Sergeant|Commander|Postdoc|Postdoctoral|"
    # Service, trade and logistics jobs.
    r"Dispatcher|Barista|Bartender|Server|Waiter|Waitress|Host|Hostess|Courier|Teller|"
    r"Custodian|Janitor|Housekeeper|Nanny|Coach|Trainer|Stylist|Barber|Cosmetologist|"
    r"Carpenter|Welder|Plumber|Machinist|Laborer|Labourer|Mover|Stocker|Packer|Picker|"
    r"Handler|Attendant|Lifeguard|Apprentice|Worker|Crew Member|Team Member|Staff|"
    r"Ambassador|Advocate|Liaison|Scheduler|Estimator|Surveyor|Drafter|Draftsman|"
    r"Underwriter|Adjuster|Appraiser|Actuary|Broker|Banker|Realtor|Marketer|Copywriter|"
    r"Illustrator|Animator|Artist|Musician|Curator|Archivist|Biologist|Geologist|"
    r"Psychologist|Dietitian|Nutritionist|Phlebotomist|Sonographer|Radiographer|"
    r"Optometrist|Veterinarian|Midwife|Tester|Moderator|Facilitator|Organi[sz]er|Mentor|"
    r"Guard|Security Officer)s?\b"
    r"|工程师|经理|实习生|实习|总监|主管|专员|开发|分析师|设计师|架构师|研究员|顾问|负责人|组长|助理|总裁|总经理|创始人|运营|产品经理|技术专家|专家"
    r"|教师|老师|讲师|教授|医生|医师|护士|护师|药师|会计|出纳|律师|销售|文员|程序员|主任|秘书|编辑|记者|翻译|经理人|店长|架构|客服|专家|董事",
    re.I,
)
COMPANY = re.compile(
    r"\b(?:Inc|LLC|Ltd|Limited|Corp|Corporation|Company|Co|Group|Technologies|Technology|"
    r"Systems|Solutions|Labs?|Bank|Partners|GmbH|AG|PLC|Holdings|Software|Consulting|Studio|"
    r"Hospital|Clinic|Medical Center|Health|Healthcare|University|College|School|Institute|"
    r"Agency|Foundation|Associates|Capital|Ventures|Media|Pharmaceuticals?|Motors|Airlines|"
    r"Industries|Enterprises|International|Networks|Services|Bureau|Council|Ministry|"
    r"Department of|Army|Navy|Air Force|Laboratory|Laboratories|Firm|LLP|Pvt|Pte|"
    r"Coast Guard|National Guard|Marine Corps|Logistics|Restaurants?|Cafe|Bakery|Hotels?|"
    r"Resorts?|Stores?|Insurance|Construction|Manufacturing|Energy|Transportation|"
    r"Communications|Center|Centre|Credit Union|County|District|Museum|Library)\b\.?"
    r"|公司|集团|科技|银行|研究院|研究所|医院|学校|大学|学院|工作室|事务所|中心|有限|部队|机构",
)
# Legal-form suffixes: a field with one of these is a company even if it says "Software".
STRONG_COMPANY = re.compile(
    r"\b(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|AG|PLC|Co|S\.A|B\.V)\b\.?|公司|集团|有限|银行"
)
_UNIT = re.compile(r"\b(?:Department|Dept|Unit|Division|Ward|Team|Group|Office)\b")
_REMOTE = re.compile(r"^(?:remote|hybrid|远程)$", re.I)
# Headers of one entry rarely take more lines than this; more means a new entry.
_MAX_HEADER_LINES = 3
# A glued Chinese "company + title": the title starts at its first qualifier word.
_CN_TITLE_TAIL = re.compile(
    r"(?P<company>[\u4e00-\u9fff（）()]{2,}?)"
    r"(?P<title>(?:高级|资深|初级|中级|首席|主任|后端|前端|全栈|算法|数据|软件|测试|运维|产品|研发|开发|技术|项目|销售|市场|财务|人力|行政|运营|[A-Za-z]+)"
    r"[\u4e00-\u9fffA-Za-z]{0,8}(?:工程师|经理|实习生|总监|主管|专员|分析师|设计师|架构师|研究员|顾问|负责人))$"
)


# "Roles and Responsibilities:", "Key achievements:" introduce the bullets below them.
_INTRO = re.compile(
    r"^(?:key |main |major |my )?(?:roles?|responsibilit(?:y|ies)|duties|achievements?|"
    r"accomplishments?|highlights?|contributions?|tasks?)"
    r"(?: (?:&|and) (?:responsibilit(?:y|ies)|duties|achievements?|accomplishments?))?"
    r"(?: (?:included|handled|performed))?\s*[:：]$",
    re.I,
)
# "工作内容：负责…", "Responsibilities: Led …", "技术栈：BIM": a labelled detail, not a header.
_DESCRIPTION_LABEL = re.compile(
    r"^(?:工作内容|工作职责|主要职责|岗位职责|职责描述|工作描述|工作业绩|主要工作|主要业绩|工作成果|"
    r"职责|业绩|成果|"
    r"(?:key )?(?:responsibilities|achievements|accomplishments|duties)|description|"
    rf"{TOOLS_LABEL})\s*[:：]\s*\S",
    re.I,
)


def _is_highlight(line: str) -> bool:
    if is_bullet(line) or _INTRO.match(line) or _DESCRIPTION_LABEL.match(line):
        return True
    return (is_prose(line) or is_sentence(line)) and not has_date(line)


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


_LABELLED = re.compile(
    r"(?P<label>公司名称|公司|工作单位|单位|任职单位|职位名称|职位|岗位|职务|担任职位|"
    r"(?<![A-Za-z])(?:Company(?: Name)?|Employer|Organi[sz]ation|Job Title|Position|Title|"
    r"Designation|Role))"
    r"\s*[:：]\s*(?P<v>[^|;；\t\n]+?)(?=\s*(?:$|[|;；\t]|\s{2,}|\s"
    r"(?:公司名称|公司|工作单位|单位|任职单位|职位名称|职位|岗位|职务|担任职位|时间|工作时间|地点|"
    r"Company|Employer|Position|Title|Designation|Role|Dates?|Duration|Period|Location)\s*[:：]))",
    re.I,
)
_FIELD_COLON = re.compile(r"(?<=[^\W\d])\s*:\s+(?=\w)")
_COMPANY_LABELS = ("公司", "单位", "company", "employer", "organi")
_OTHER_LABEL = re.compile(
    r"(?:时间|工作时间|起止时间|地点|工作地点|Dates?|Duration|Tenure|Period|Location)\s*[:：]\s*",
    re.I,
)


def _labelled_fields(text: str) -> tuple[str | None, str | None, str]:
    """ "公司：阿里巴巴 职位：高级工程师" or a table row mapped by its header row."""
    company = title = None
    for match in _LABELLED.finditer(text):
        label = match.group("label").lower()
        value = match.group("v").strip(" ,，")
        if any(label.startswith(word) for word in _COMPANY_LABELS):
            company = company or value
        else:
            title = title or value
    if company or title:
        text = _LABELLED.sub("   ", text)
    text = _OTHER_LABEL.sub("   ", text)
    # "Northwind Traders: Senior Engineer" -- a colon between two fields.
    return company, title, _FIELD_COLON.sub(" | ", text)


# "Working as Software Developer in Infosys Limited from Jan 2016 to date."
_WORKED_AS = re.compile(
    r"\b(?i:currently\s+)?(?i:working|worked|employed|served|serving)\s+as\s+(?:an?\s+)?"
    r"(?P<title>[A-Z][\w./&\-]*(?:\s+[\w./&\-]+){0,5}?)\s+(?:at|in|with|for)\s+"
    r"(?:M/[Ss]\.?\s*)?(?P<company>[A-Z][\w.&'\-]*(?:\s+[A-Z(][\w.&'()\-]*){0,5})"
)


# One to three capitalised words in brackets at the end, not an acronym ("(AWS)").
_BRACKETED_PLACE = re.compile(
    r"(?<=\S)\s*[(（](?P<p>[A-Z][a-z][\w.\-']*(?:,? [A-Z][\w.\-']*){0,2})[)）]$"
)


_EMPLOYMENT_TYPE = re.compile(
    r"\b(?:Contract|Contractor|Part|Full|Time|Temporary|Temp|Freelance|Intern|Internship|"
    r"Remote|Hybrid|Seasonal|Volunteer|Consultant|Acquired|Formerly|Now)\b",
    re.I,
)


# What qualifies a title: a few capitalised words naming a unit, specialty or market
# ("Emergency Department", "Pricing", "Investment Banking"), not a description
# ("Managing all the kitchen staff").
_QUALIFIER = re.compile(r"[A-Z][\w&/\-]*(?: (?:of|and|&|for|the|[A-Z0-9][\w&/\-]*)){0,4}")


def _title_qualifiers(parts: list[str], title_index: int | None, text: str) -> set[int]:
    """Parts that go on the title after a comma: "Charge Nurse, Emergency Department".

    Only when a part is left to name the employer: in "Senior Engineer, Acme" the part
    after the comma is the employer itself, and in "Senior Analyst, Demand Planning,
    Buckeye Brands" the last of the chain is.
    """
    if title_index is None:
        return set()
    chain: list[int] = []
    joined = parts[title_index]
    for index in range(title_index + 1, len(parts)):
        part = parts[index]
        if f"{joined}, {part}" not in text or STRONG_COMPANY.search(part) or _location(part):
            break
        if not _QUALIFIER.fullmatch(part) or is_prose(part) or is_sentence(part):
            break  # "Kitchen Manager, Managing all the kitchen staff": a description
        chain.append(index)
        joined = f"{joined}, {part}"
    others = [
        part
        for index, part in enumerate(parts)
        if index != title_index and index not in chain and not _location(part)
    ]
    if others:
        return set(chain)
    return set(chain[:-1])


def _title_part(parts: list[str], company_words: re.Pattern[str]) -> int | None:
    """The first part with a job word and none of ``company_words``, not a place."""
    return next(
        (
            index
            for index, part in enumerate(parts)
            if TITLE.search(part) and not company_words.search(part) and not _location(part)
        ),
        None,
    )


def _place_off(company: str) -> tuple[str, str | None]:
    """ "North Star Electric, Minneapolis, MN" -> the employer and its place."""
    region = CITY_REGION.search(company)
    if region is not None:
        if region.start() == 0:
            return company, None
        return company[: region.start()].strip(" ,，"), region.group(0)
    city = TRAILING_CITY.search(company)
    if city is None:
        return company, None
    return company[: city.start()].strip(" ,，"), city.group("city")


def _header_fields(header: str) -> dict[str, str | None]:
    worked_as = _WORKED_AS.search(header)
    if worked_as:
        place = CITY_REGION.search(header)
        return {
            "company": worked_as.group("company").strip(" .,"),
            "title": worked_as.group("title").strip(" .,"),
            "location": place.group(0) if place else None,
        }
    labelled_company, labelled_title, text = _labelled_fields(remove_dates(header))
    location = None
    if labelled_company:
        # "Company: North Star Electric, Minneapolis, MN": the cell holds the place too.
        labelled_company, location = _place_off(labelled_company)
    match = CITY_REGION.search(text) if location is None else None
    if match:
        location = match.group(0)
        text = drop_empty_brackets(text.replace(location, "   "))
    parts = [part for part in split_fields(text) if part]
    title, company = labelled_title, labelled_company
    rest: list[str] = []
    # A title is a part with a job word and no company word, if there is one; else one
    # with no legal form ("Software Engineer": "Software" can end a company's name).
    title_index = _title_part(parts, COMPANY)
    title_at = title_index if title_index is not None else _title_part(parts, STRONG_COMPANY)
    qualifiers = _title_qualifiers(parts, title_at, text)
    for index, part in enumerate(parts):
        if index in qualifiers:
            continue
        if location is None and _location(part):
            location = part
        elif title is None and index == title_at:
            title = part
        elif company is None and COMPANY.search(part) and index != title_index:
            company = part
        else:
            rest.append(part)
    if company is None and rest:
        company = rest.pop(0)
    # "Fenwick Dairy (Boise)": a place in brackets after the employer's name.
    place = _BRACKETED_PLACE.search(company) if company else None
    if (
        company
        and place
        and not COMPANY.search(place.group("p"))
        and not _EMPLOYMENT_TYPE.search(place.group("p"))
    ):
        company = company[: place.start()].strip()
        location = location or place.group("p")
    if title is None and rest:
        title = rest.pop(0)
    if title is not None and title_at is not None and title == parts[title_at]:
        title = ", ".join([title, *(parts[i] for i in sorted(qualifiers))])
    # "Registered Nurse · Emergency Department, St. Mary's": a dot joins a title and its
    # unit when the company is elsewhere.
    for part in rest:
        if title and _UNIT.search(part) and f"{title} · {part}" in text:
            title = f"{title} · {part}"
    # OCR or tight layouts glue them together: "字节跳动高级后端工程师".
    glued_field = company if title is None else title if company is None else None
    glued = _CN_TITLE_TAIL.match(glued_field) if glued_field else None
    if glued:
        company, title = glued.group("company"), glued.group("title")
    return {"company": company, "title": title, "location": location}


def parse_experience(lines: list[Line]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    # "Dates | Employer | Position" as text (a PDF of a table) names columns only.
    lines = [line for line in lines if column_labels(split_fields(line.text)) is None]
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
