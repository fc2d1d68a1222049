"""Split a resume's lines into sections by their headings, in English and Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumes.parsing.extract.model import Line

# Section keys the field extractors know; "other" ends a section we do not parse.
HEADINGS: dict[str, tuple[str, ...]] = {
    "basic_info": (
        "contact", "contact information", "contact info", "contact details",
        "personal information", "personal info", "personal details",
        "个人信息", "基本信息", "联系方式", "个人资料", "联系信息",
    ),
    "summary": (
        "summary", "profile", "professional summary", "career summary", "about me",
        "objective", "career objective", "professional profile", "executive summary",
        "个人简介", "自我评价", "个人总结", "求职意向", "自我介绍", "个人优势", "职业目标",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment history",
        "employment", "work history", "career history", "relevant experience",
        "internship experience", "internships", "experience & internships",
        "工作经历", "工作经验", "实习经历", "实习经验", "职业经历", "工作履历", "任职经历",
    ),
    "education": (
        "education", "education background", "educational background", "academic background",
        "education & training", "academic qualifications", "qualifications",
        "教育背景", "教育经历", "学历", "学习经历", "教育",
    ),
    "skills": (
        "skills", "technical skills", "core skills", "key skills", "core competencies",
        "skills & tools", "technologies", "tech stack", "skills and tools", "competencies",
        "technical proficiencies", "expertise", "skills & interests",
        "专业技能", "技能", "技能特长", "个人技能", "技术栈", "技能证书", "职业技能", "技术能力",
    ),
    "projects": (
        "projects", "project experience", "personal projects", "selected projects",
        "key projects", "academic projects", "side projects",
        "项目经历", "项目经验", "项目", "主要项目",
    ),
    "certifications": (
        "certifications", "certificates", "certification", "licenses",
        "licenses & certifications", "licenses and certifications",
        "certifications & licenses", "证书", "资格证书", "证书资质", "获得证书", "专业证书",
    ),
    "languages": ("languages", "language skills", "language", "语言能力", "语言", "外语能力"),
    "other": (
        "awards", "honors", "honors & awards", "awards & honors", "achievements",
        "interests", "hobbies", "activities", "volunteer", "volunteering",
        "volunteer experience", "publications", "references", "leadership",
        "extracurricular activities", "additional information",
        "volunteer work", "community service", "community involvement", "affiliations",
        "professional affiliations", "memberships", "professional memberships",
        "conferences", "presentations", "patents", "research", "research experience",
        "teaching experience", "military service", "training", "courses", "coursework",
        "relevant coursework", "hobbies & interests", "awards & achievements",
        "培训经历", "获奖荣誉", "奖项", "科研经历", "学术成果", "发表论文", "志愿者经历",
        "兴趣", "个人爱好", "附加信息", "学生工作", "校内职务",
        "获奖情况", "荣誉奖项", "获奖经历", "荣誉", "兴趣爱好", "校园经历", "社会实践",
        "在校经历", "论文", "其他", "社团经历",
    ),
}  # fmt: skip
_HEADING_INDEX = {variant: key for key, variants in HEADINGS.items() for variant in variants}
# Decorations around headings: bullets, rules, brackets, numbering ("01", "一、").
_DECORATION = re.compile(r"^[\W_\d一二三四五六七八九十、.]*|[\W_]*$")
_CJK_SPACES = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_INLINE = re.compile(r"^\s*(?P<head>[^:：]{2,40}?)\s*[:：]\s*(?P<rest>\S.*)$")
_MAX_HEADING_CHARS = 45


@dataclass
class Section:
    key: str
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class SectionedResume:
    header: list[Line]  # lines before the first heading: name and contact, usually
    sections: list[Section]

    def lines_of(self, key: str) -> list[Line]:
        return [line for section in self.sections if section.key == key for line in section.lines]

    @property
    def found(self) -> list[str]:
        return [section.key for section in self.sections]


def normalize_heading(text: str) -> str:
    """ "■ 教 育 背 景：" -> "教育背景"; "WORK EXPERIENCE:" -> "work experience"."""
    text = _CJK_SPACES.sub("", text.strip())
    text = _DECORATION.sub("", text)
    text = text.replace("＆", "&").replace(" and ", " & ")
    return " ".join(text.lower().split())


def heading_key(text: str) -> str | None:
    """The section a whole line names, if it is a heading."""
    if len(text) > _MAX_HEADING_CHARS:
        return None
    normalized = normalize_heading(text)
    key = _HEADING_INDEX.get(normalized) or _HEADING_INDEX.get(normalized.replace(" & ", " and "))
    return key


def _inline_heading(line: Line) -> tuple[str, str] | None:
    """ "Skills: Python, Go" -> ("skills", "Python, Go")."""
    match = _INLINE.match(line.text)
    if match is None:
        return None
    key = heading_key(match.group("head"))
    if key is None or key == "basic_info":
        return None
    return key, match.group("rest")


def split_sections(lines: list[Line]) -> SectionedResume:
    header: list[Line] = []
    sections: list[Section] = []
    in_column_header = False
    for line in lines:
        key = heading_key(line.text)
        if key is None and line.heading:
            # A typographic heading with extra words: "Work Experience (5 years)".
            head = re.split(r"[(（|/]", line.text, maxsplit=1)[0]
            key = heading_key(head) if head != line.text else None
        if key is not None:
            sections.append(Section(key=key, title=line.text))
            in_column_header = False
            continue
        inline = _inline_heading(line)
        if inline is not None and (inline[0] != "languages" or _names_language(inline[1])):
            key, rest = inline
            previous = sections[-1] if sections else None
            if previous is None or previous.key != key:
                sections.append(Section(key=key, title=line.text))
            sections[-1].lines.append(Line(text=rest, page=line.page))
            if previous is not None and previous.key != key:
                # "Languages: English" inside Skills holds one line; Skills goes on after.
                sections.append(Section(key=previous.key, title=previous.title))
            continue
        if line.column_start:
            in_column_header = True
        if sections and not in_column_header:
            sections[-1].lines.append(line)
        else:
            header.append(line)
    return SectionedResume(header=header, sections=sections)


def _names_language(text: str) -> bool:
    from resumes.parsing.fields.languages import find_language_names

    return bool(find_language_names(text))
