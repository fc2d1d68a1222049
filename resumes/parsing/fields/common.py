"""Helpers the field extractors share: bullets, splitting a line into its fields, and
grouping a section's lines into entries (one job, one school, one project)."""

from __future__ import annotations

import re
from collections.abc import Callable

from resumes.parsing.dates import RANGE_RE, find_range
from resumes.parsing.extract.model import Line

# Symbol/Wingdings bullets come out of PDFs as private-use code points (U+F0B7, U+F0A7);
# Word's second list level is a letter "o".
BULLET = re.compile(
    r"^\s*(?:[•·▪●○◦■□◆◇►▶➢➤✓✔❖➔→⁃∙‣⦁\ue000-\uf8ff\-–*]|o\s(?=[A-Z])|\d{1,2}[.)、]"
    r"|[（(]\d{1,2}[)）])\s*"
)
# Where one field of a line ends and the next begins: table cells, wide gaps, pipes,
# spaced dashes, "at"/"@" between title and company, commas.
# A comma before a legal form belongs to the name: "Initech, Inc.", "Globex, LLC".
_LEGAL_FORM = r"(?:Inc|INC|LLC|L\.L\.C|Ltd|LTD|Limited|LIMITED|LLP|L\.P|LP|Corp|CORP|Co|PLC|GmbH|S\.A|N\.A|AG|B\.V)\b"
FIELD_SPLIT = re.compile(
    rf"\s*(?:\|| {{3,}}|\t| [-–—‒―·•] | at | @ |,(?!\s*{_LEGAL_FORM})|，|；|;)\s*"
)
# Chinese lines also join fields with full-width bars or a bare dash or dot between
# Chinese words: "字节跳动｜后端工程师", "字节跳动-后端工程师".
_CJK_RUN_SPLIT = re.compile(
    r"\s*[｜丨]\s*|(?<=[\u3400-\u9fff）)])\s*[-·－—–]\s*(?=[\u3400-\u9fff（(])"
    r"|(?<=[\u3400-\u9fff）)])\s+|\s+(?=[\u3400-\u9fff（(])"
)
# Bullets without a marker: long sentences are achievements, not headers.
_PROSE_CHARS = 90
_CJK = re.compile(r"[\u3400-\u9fff]")


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line)) and not RANGE_RE.match(line.strip())


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


# A short sentence written as its own paragraph ("Reconciled accounts for 40 clients."):
# headers end in a name or an abbreviation ("Acme Inc.", "U.S."), never in a lowercase
# word and a full stop.
_SENTENCE_END = re.compile(r"\s[a-z][a-z\-']+[.!]$")


# Chinese achievements open with a verb ("负责…", "参与…") or run on past a comma; entry
# headers are names and titles separated by spaces or bars.
_CN_ACTION = re.compile(
    r"^(?:负责|参与|主导|主持|带领|协助|协同|独立|牵头|完成|实现|优化|设计|搭建|推动|制定|维护|编写|"
    r"撰写|组织|跟进|对接|建立|承担|协调|分析|通过|使用|利用|基于|针对|开发了|编写了|深度参与)"
)
_CN_CLAUSE = re.compile(r"[\u4e00-\u9fff][，,][\u4e00-\u9fff]")
_CN_TITLE_END = re.compile(
    r"(?:工程师|经理|实习生|总监|主管|专员|分析师|设计师|架构师|研究员|顾问|负责人)$"
)


def is_prose(line: str) -> bool:
    line = line.rstrip()
    return (
        len(line) > _PROSE_CHARS
        or line.endswith(("。", "；"))
        or (len(line.split()) >= 2 and _SENTENCE_END.search(line) is not None)
        or (
            len(line) >= 6
            and (_CN_ACTION.match(line) is not None or _CN_CLAUSE.search(line) is not None)
            and _CN_TITLE_END.search(line) is None
        )
    )


_FUNCTION_WORDS = frozenset(
    ("of", "and", "the", "for", "in", "at", "to", "on", "with", "a", "an", "&", "de", "du")
)


def is_sentence(line: str) -> bool:
    """ "Led migration of the payments platform to Kubernetes" -- a highlight without a
    bullet: mostly lowercase content words, where a title or a company name capitalises
    them ("Director of the Office of Research")."""
    words = line.split()
    if len(words) < 3 or not words[0][:1].isupper():
        return False
    content = [w for w in words[1:] if w.lower() not in _FUNCTION_WORDS and w[:1].isalpha()]
    lower = [w for w in content if w[:1].islower()]
    return len(lower) >= 2 and 2 * len(lower) >= len(content)


# Labels for what a job or project was done with: "Technologies: …", "技术栈：…".
TOOLS_LABEL = (
    r"technologies(?: used)?|tech(?:nology)? stack|tools(?: used)?|environment|"
    r"技术栈|使用技术|开发环境"
)


def split_fields(text: str) -> list[str]:
    """ "Acme Corp | Senior Engineer   San Francisco, CA" -> its fields.

    Chinese lines separate fields with plain spaces ("字节跳动 高级工程师"), so for them a
    space next to a CJK character splits as well.
    """
    parts = FIELD_SPLIT.split(text)
    out: list[str] = []
    for part in parts:
        if _CJK.search(part):
            out.extend(_CJK_RUN_SPLIT.split(part))
        else:
            out.append(part)
    return [p.strip(" \t-–—|:：·") for p in out if p and p.strip(" \t-–—|:：·")]


_EMPTY_BRACKETS = re.compile(r"[(（\[]\s*(?:since|from|until|to)?\s*[)）\]]", re.I)
_DANGLING_OPEN = re.compile(r"\s*[(（\[]\s*(?=$|\s{3,}|\s*[|,，;；])")
_DANGLING_CLOSE = re.compile(r"(?:^|(?<=\s{3})|(?<=[|,，;；]))\s*[)）\]]")


# How long a job lasted, written beside its dates: "(2 years 3 months)", "· 1 yr 4 mos",
# "（1年3个月）". It is not a field of its own.
_DURATION = re.compile(
    r"(?:[(（]\s*|·\s*|^\s*|(?<=\s{3})|(?<=\|)\s*)"
    r"\d{1,2}(?:\.\d)?\+?\s*(?:years?|yrs?|months?|mos?)\b"
    r"(?:\s*,?\s*(?:and\s+)?\d{1,2}\s*(?:months?|mos?)\b)?\s*"
    r"(?:[)）]|(?=$|\s{3}|\s*[|·]))"
    r"|[(（]\s*(?:\d{1,2}\s*年)?\s*(?:\d{1,2}\s*个?月)?\s*[)）]",
    re.I,
)


# "(Summer 2019)" leaves "(Summer   )" once the year is cut: the season goes with it.
_SEASON = re.compile(r"(?<=[(（])\s*(?:Summer|Fall|Autumn|Winter|Spring)\s*(?=[)）]|\s{3}|$)")


def remove_dates(text: str) -> str:
    _, _, span = find_range(text)
    while span is not None:
        text = (text[: span[0]] + "   " + text[span[1] :]).strip()
        _, _, span = find_range(text)
    text = _DURATION.sub("   ", text)
    text = _SEASON.sub("   ", text)
    # "Acme Corp (Jan 2019 - Present)" leaves "Acme Corp (   )"; drop the brackets too.
    return drop_empty_brackets(text)


def drop_empty_brackets(text: str) -> str:
    """Brackets left empty after a date or place was cut out of them."""
    text = _EMPTY_BRACKETS.sub("   ", text)
    text = _DANGLING_OPEN.sub("   ", text)
    text = _DANGLING_CLOSE.sub("   ", text)
    return text.strip()


def group_entries(
    lines: list[Line], starts_entry: Callable[[str, list[str]], bool]
) -> list[list[str]]:
    """Group lines into entries; ``starts_entry(line, current)`` says where one begins."""
    entries: list[list[str]] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if not entries or starts_entry(text, entries[-1]):
            entries.append([text])
        else:
            entries[-1].append(text)
    return entries


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
