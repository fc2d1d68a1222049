"""Split a resume's lines into sections by their headings, in English and Chinese."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import TOOLS_LABEL

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
        "professional background", "career experience", "employment experience",
        "professional history", "relevant work experience", "related experience",
        "work summary", "experience summary", "industry experience", "company details",
        "employment details", "work details", "professional work experience",
        "工作实习经历", "实习工作经历", "工作及实习经历", "工作与实习经历",
        "工作经历", "工作经验", "实习经历", "实习经验", "职业经历", "工作履历", "任职经历",
    ),
    "education": (
        "education", "education background", "educational background", "academic background",
        "education & training", "academic qualifications", "qualifications",
        "education details", "educational details", "academic details", "academic profile",
        "educational qualifications", "educational qualification", "academic qualification",
        "academics", "academic history", "education history", "scholastic profile",
        "education & qualifications", "qualification", "教育情况", "学历背景",
        "教育背景", "教育经历", "学历", "学习经历", "教育",
    ),
    "skills": (
        "skills", "technical skills", "core skills", "key skills", "core competencies",
        "skills & tools", "technologies", "tech stack", "skills and tools", "competencies",
        "technical proficiencies", "expertise", "skills & interests", "skill details",
        "it skills", "computer skills", "software skills", "technical expertise",
        "areas of expertise", "core expertise", "key expertise", "skills & expertise",
        "expertise & skills", "core strengths", "key strengths", "professional skills",
        "skill set", "skillset", "technical skill set", "tools & technologies",
        "technologies & tools", "skills & technologies", "proficiencies", "capabilities",
        "specializations", "specialisations", "specialties", "areas of specialization",
        "skills & systems", "tools & skills", "systems & tools", "software & tools",
        "专业技能", "技能", "技能特长", "个人技能", "技术栈", "技能证书", "职业技能", "技术能力",
        "核心能力", "核心技能", "专业能力", "能力特长", "技能专长", "专业特长", "技术专长", "专长",
        "个人能力", "工作技能", "技能与工具",
    ),
    "projects": (
        "projects", "project experience", "personal projects", "selected projects",
        "key projects", "academic projects", "side projects", "project work",
        "relevant projects", "notable projects", "open source projects", "course projects",
        "project details", "project highlights", "open source", "open-source",
        "open source contributions", "open-source contributions", "open source work",
        "教研成果", "教研项目",
        "项目实践", "项目作品", "实践项目", "个人项目", "开源项目", "项目与实践", "科研项目",
        "项目经历", "项目经验", "项目", "主要项目",
    ),
    "certifications": (
        "certifications", "certificates", "certification", "licenses",
        "licenses & certifications", "licenses and certifications",
        "certifications & licenses", "professional certifications", "certifications & training",
        "certification details", "credentials", "professional credentials", "证书", "资格证书", "资格认证", "职业资格", "证书与资质", "证书资质", "获得证书", "专业证书",
    ),
    "languages": (
        "languages", "language skills", "language", "working languages", "languages spoken",
        "spoken languages", "language proficiency", "language proficiencies",
        "语言能力", "语言", "外语能力", "外语水平", "语言水平", "外语",
    ),
    "other": (
        "awards", "honors", "honors & awards", "awards & honors", "achievements",
        "interests", "hobbies", "activities", "volunteer", "volunteering",
        "volunteer experience", "publications", "references", "leadership",
        "extracurricular activities", "additional information",
        "volunteer work", "community service", "community involvement", "affiliations",
        "professional affiliations", "memberships", "professional memberships",
        "conferences", "presentations", "patents", "research",
        "military service", "training", "courses", "coursework",
        "relevant coursework", "hobbies & interests", "awards & achievements",
        "培训经历", "获奖荣誉", "奖项", "科研经历", "学术成果", "发表论文", "志愿者经历",
        "兴趣", "个人爱好", "附加信息", "学生工作", "校内职务",
        "获奖情况", "荣誉奖项", "获奖经历", "荣誉", "兴趣爱好", "校园经历", "社会实践",
        "在校经历", "论文", "其他", "社团经历",
    ),
}  # fmt: skip
_EXPERIENCE_HEADING = re.compile(
    r"(?:[a-z]+ ){0,2}(?:experiences?|employment)|工作[\u4e00-\u9fff]{0,2}经历"
)
# "Technical Projects", "Projects Undertaken", "Projects & Achievements", "参与项目": the
# singular alone is a heading too, but "Capstone Project" may be a project's own name.
_PROJECT_HEADING = re.compile(
    r"(?:[a-z\-]+ ){0,2}projects(?: (?:work|undertaken|handled|done|completed|summary|"
    r"profile|portfolio|details))?(?: & [a-z]+(?: [a-z]+)?)?"
    r"|project(?: work| experience| details)?"
    r"|[\u4e00-\u9fff]{0,4}项目(?:经历|经验|实践|作品|简介|业绩|成果|案例)?"
)
# "Technical Certifications", "Professional Licensure", "荣誉证书". A singular
# "Graduate Certificate" or "毕业证书" names a qualification in Education instead.
_CERTIFICATION_HEADING = re.compile(
    r"(?:(?:technical|professional|industry|relevant|other|additional|key|it|software|"
    r"cloud|security|nursing|medical|teaching|state) )?"
    r"(?:certifications?|certificates|licen[cs]es|licensure|accreditations)"
    r"|(?:荣誉|资格|职业|专业|获得|所获|相关|其他|技术)?证书"
)
# Two sections under one heading: "Certifications & Awards", "Skills / Certifications".
_COMBINED = re.compile(r"\s*(?:&|/|,|\+|及|与|和|、)\s*")
# Sections that lead a combined heading keep it; certificates beside awards or courses
# are what such a section lists.
_LEADING_KEYS = frozenset(("skills", "education", "experience", "languages", "projects"))
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
    return (
        _single_heading_key(normalized)
        or _HEADING_INDEX.get(normalized.replace(" & ", " and "))
        or _combined_heading_key(normalized)
    )


def _single_heading_key(normalized: str) -> str | None:
    key = _HEADING_INDEX.get(normalized)
    if key is None and _EXPERIENCE_HEADING.fullmatch(normalized):
        key = "experience"  # "Clinical Experience", "Work Experiences", "Sales Experience"
    if key is None and _PROJECT_HEADING.fullmatch(normalized):
        key = "projects"
    if key is None and _CERTIFICATION_HEADING.fullmatch(normalized):
        key = "certifications"
    return key


def _combined_heading_key(normalized: str) -> str | None:
    parts = [part for part in _COMBINED.split(normalized) if part]
    if len(parts) < 2:
        return None
    keys = [_single_heading_key(part) for part in parts]
    if None in keys or keys[0] == "basic_info":
        return None
    if keys[0] in _LEADING_KEYS or "certifications" not in keys:
        return keys[0]
    return "certifications"


def _inline_heading(line: Line) -> tuple[str, str] | None:
    """ "Skills: Python, Go" -> ("skills", "Python, Go")."""
    match = _INLINE.match(line.text)
    if match is None:
        return None
    key = heading_key(match.group("head"))
    if key is None or key == "basic_info":
        return None
    return key, match.group("rest")


# Text pasted or exported without line breaks runs every section into one long line.
_FLAT_LINE_CHARS = 250
_EN_HEADINGS = sorted(
    (v for vs in HEADINGS.values() for v in vs if v.isascii() and len(v) > 4),
    key=len,
    reverse=True,
)
_EMBEDDED_HEADING = re.compile(
    r"(?<![\w&])(?:"
    + "|".join(
        re.escape(v).replace("\\ ", r"\s+").replace("\\&", r"(?:&|and)") for v in _EN_HEADINGS
    )
    + r")(?![\w&])\s*[:：]?",
    re.I,
)
_MINOR_WORDS = frozenset(("and", "&", "of", "for", "the", "in"))


def _looks_like_heading(text: str) -> bool:
    """ALL CAPS, or a Title Case phrase of two words or more: "SKILLS", "Work Experience"."""
    words = text.strip(" :：").split()
    if all(word.isupper() for word in words if word.isalpha()):
        return True
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)


def unflatten(lines: list[Line]) -> list[Line]:
    """Break a very long line at the section headings written inside it."""
    out: list[Line] = []
    for line in lines:
        if len(line.text) < _FLAT_LINE_CHARS:
            out.append(line)
            continue
        cuts = [
            match.span()
            for match in _EMBEDDED_HEADING.finditer(line.text)
            if _looks_like_heading(match.group(0))
        ]
        if not cuts:
            out.append(line)
            continue
        position = 0
        for start, end in cuts:
            out.extend(_sentences(line.text[position:start], line.page))
            out.append(Line(text=line.text[start:end].strip(" :："), page=line.page, heading=True))
            position = end
        out.extend(_sentences(line.text[position:], line.page))
    return out


_SENTENCE_BREAK = re.compile(r"(?<=\.)\s+(?=[A-Z])")


def _sentences(text: str, page: int) -> list[Line]:
    """A flattened section's sentences, one a line: "MCA from X in 2015. B.Sc from Y ..."."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1] if before else ""
        # "B.Tech. Computer", "Jan. 2020", "St. Xavier's": a dot inside or after a short
        # word is an abbreviation, not the end of a sentence.
        if len(last) < 5 or "." in last[:-1] or not last[:-1].isalnum():
            continue
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [Line(text=piece.strip(), page=page) for piece in pieces if piece.strip()]


def split_sections(lines: list[Line]) -> SectionedResume:
    header: list[Line] = []
    sections: list[Section] = []
    in_column_header = False
    for line in unflatten(lines):
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
        if inline is not None and sections and _entry_detail(sections[-1].key, line.text):
            inline = None
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


# "Technologies: Epic, InsightRX" under a project or a job lists what that entry used;
# "Skills: …" there would still start the Skills section.
_ENTRY_DETAIL = re.compile(rf"\s*(?:{TOOLS_LABEL})\s*[:：]", re.I)


def _entry_detail(section: str, text: str) -> bool:
    return section in ("projects", "experience") and bool(_ENTRY_DETAIL.match(text))


def _names_language(text: str) -> bool:
    from resumes.parsing.fields.languages import find_language_names

    return bool(find_language_names(text))
