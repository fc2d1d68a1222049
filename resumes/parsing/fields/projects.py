"""Projects: name and description; they get their technologies in the skills step."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.dates import has_date
from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import (
    BULLET,
    group_entries,
    is_bullet,
    is_prose,
    is_sentence,
    remove_dates,
    split_fields,
    strip_bullet,
)

_MAX_PROJECT_NAME = 80
# "项目描述：…", "Tech stack: …": labelled lines describe the project above them.
_DETAIL_LABEL = re.compile(
    r"^(?:项目描述|项目简介|项目介绍|项目内容|项目职责|项目业绩|责任描述|个人职责|主要职责|工作内容|"
    r"技术栈|技术架构|开发环境|开发工具|使用技术|所用技术|技术|职责|项目角色|担任角色|角色|项目成果|成果|"
    r"项目时间|项目周期|起止时间|时间|项目规模|团队规模|所属公司|项目单位|软件环境|硬件环境|开发语言|"
    r"项目职务|担任职务|本人职责|本人角色|我的职责|项目亮点|项目地址|项目链接|"
    r"description|responsibilities|tech(?:nology)? stack|technologies(?: used)?|tools(?: used)?|"
    r"my role|outcome|result|role|team size|duration|link|url|github|demo|impact|stack|tech)"
    r"\s*[:：]",
    re.I,
)
# "项目名称：智能客服系统", "Project: Chess engine", "一、在线教育直播系统": the name follows.
_NAME_LABEL = re.compile(
    r"^(?:(?:项目名称|项目名|项目[一二三四五六七八九十\d]{0,2}|project(?: name| title| \d{1,2})?)"
    r"\s*[:：]\s*"
    r"|[一二三四五六七八九十]{1,2}[、.．]\s*)",
    re.I,
)


# A project written on one line or one bullet, its name before a dash, colon or bar:
# "Tidewatch — a tide dashboard for harbour pilots.", "• Ledgerly: budget tracker …".
_NAMED_LINE = re.compile(
    r"^(?P<name>[A-Z0-9\u3400-\u9fff][^:：|—–]{0,48}?)(?:\s+[-–—|]\s+|\s*[:：]\s*|\s*[—–]\s*)"
    r"(?P<rest>\S.{8,})$"
)
_MAX_NAME_WORDS = 6
# Words that open a description, where a name is a noun phrase: "A tool that …".
_DESCRIPTION_WORDS = frozenset(("a", "an", "the", "that", "which", "who", "to"))
_DESCRIPTION_MIN_WORDS = 7


def _named_line(line: str) -> str | None:
    """The name of a one-line project, if the line reads as "Name — what it is"."""
    match = _NAMED_LINE.match(strip_bullet(line))
    if match is None or _DETAIL_LABEL.match(strip_bullet(line)):
        return None
    name = match.group("name").strip()
    if (
        len(name.split()) > _MAX_NAME_WORDS
        or has_date(name)
        or is_prose(name)
        or is_sentence(name)
        or name.endswith(".")
    ):
        return None
    return name


def _describes(line: str) -> bool:
    """A plain line that tells what a project is ("A tide dashboard for harbour pilots"),
    not a name: a sentence with an article or relative word, or a long one."""
    words = line.split()
    return is_sentence(line) and (
        len(words) >= _DESCRIPTION_MIN_WORDS
        or any(word.lower() in _DESCRIPTION_WORDS for word in words)
    )


def _is_detail(line: str) -> bool:
    return is_bullet(line) or is_prose(line) or _DETAIL_LABEL.match(line) is not None


def _starts_project(line: str, current: list[str]) -> bool:
    if _named_line(line) is not None and _is_detail(line):
        # One-line projects follow one another; under a name of its own, a "Part: what
        # it did" bullet is a detail of that project.
        return _is_detail(current[0])
    if _is_detail(line) or _describes(line) or len(line) > _MAX_PROJECT_NAME:
        return False
    return (
        any(_is_detail(item) for item in current)
        or any(map(_describes, current[1:]))
        or (has_date(line) and any(has_date(item) for item in current))
    )


def _marker(line: str) -> str:
    match = BULLET.match(line)
    return match.group(0).strip()[:1] if match else ""


def _bold_names(lines: list[Line]) -> set[str]:
    """Short bold lines in a section whose other lines are not bold: project names."""
    written = [line for line in lines if line.text.strip()]
    bold = [line for line in written if line.bold]
    if not bold or len(bold) * 2 > len(written):
        return set()
    return {
        strip_bullet(line.text.strip())
        for line in bold
        if len(line.text.split()) <= _MAX_NAME_WORDS and not is_sentence(line.text)
    }


def _unbullet_names(lines: list[Line]) -> list[str]:
    """Nested lists name each project on the outer level ("• Tidewatch" over "- Built …"),
    and bold lines are names: both lose their bullet so they read as headers."""
    texts = [line.text.strip() for line in lines if line.text.strip()]
    bold = [line.bold for line in lines if line.text.strip()]
    out: list[str] = []
    for index, text in enumerate(texts):
        following = texts[index + 1] if index + 1 < len(texts) else ""
        name = strip_bullet(text)
        outer = (
            is_bullet(text)
            and following
            and is_bullet(following)
            and _marker(following) != _marker(text)
        )
        if (
            (outer or bold[index])
            and len(name.split()) <= _MAX_NAME_WORDS
            and not is_prose(name)
            and not is_sentence(name)
            and _named_line(name) is None
            and not _DETAIL_LABEL.match(name)
        ):
            text = name
        out.append(text)
    return out


def parse_projects(lines: list[Line]) -> list[dict[str, Any]]:
    projects: list[dict[str, Any]] = []
    texts = [Line(text=text) for text in _unbullet_names(lines)]
    names = _bold_names(lines)

    def starts(line: str, current: list[str]) -> bool:
        # A name set in bold, under a project that has more than its name.
        return (line in names and len(current) > 1) or _starts_project(line, current)

    for block in group_entries(texts, starts):
        header, details = block[0], block[1:]
        named = _named_line(header) if _is_detail(header) else None
        if named is not None:
            rest = _NAMED_LINE.match(strip_bullet(header))
            header, details = named, [rest.group("rest") if rest else "", *details]
        elif _is_detail(header):
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
