"""Helpers the field extractors share: bullets, splitting a line into its fields, and
grouping a section's lines into entries (one job, one school, one project)."""

from __future__ import annotations

import re
from collections.abc import Callable

from resumes.parsing.dates import RANGE_RE, find_range
from resumes.parsing.extract.model import Line

BULLET = re.compile(r"^\s*(?:[•·▪●○◦■□◆◇►▶➢➤✓✔\-–*]|\d{1,2}[.)、]|[（(]\d{1,2}[)）])\s*")
# Where one field of a line ends and the next begins: table cells, wide gaps, pipes,
# spaced dashes, "at"/"@" between title and company, commas.
# A comma before a legal form belongs to the name: "Initech, Inc.", "Globex, LLC".
_LEGAL_FORM = r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|LLP|L\.P|LP|Corp|Co|PLC|GmbH|S\.A|N\.A|AG|B\.V)\b"
FIELD_SPLIT = re.compile(
    rf"\s*(?:\|| {{3,}}|\t| [-–—‒―] | at | @ |,(?!\s*{_LEGAL_FORM})|，|；|;)\s*"
)
_CJK_RUN_SPLIT = re.compile(r"(?<=[\u3400-\u9fff）)])\s+|\s+(?=[\u3400-\u9fff（(])")
# Bullets without a marker: long sentences are achievements, not headers.
_PROSE_CHARS = 90
_CJK = re.compile(r"[\u3400-\u9fff]")


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line)) and not RANGE_RE.match(line.strip())


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def is_prose(line: str) -> bool:
    return len(line) > _PROSE_CHARS or line.rstrip().endswith(("。", "；"))


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


def remove_dates(text: str) -> str:
    _, _, span = find_range(text)
    while span is not None:
        text = (text[: span[0]] + "   " + text[span[1] :]).strip()
        _, _, span = find_range(text)
    text = _DURATION.sub("   ", text)
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
