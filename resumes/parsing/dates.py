"""Normalise the dates resumes write into "YYYY-MM", "YYYY" or "present".

Resumes mix many conventions (Jan 2020, 01/2020, 2020.03, 2018年9月, 至今); the schema
has one. Anything we cannot read with confidence becomes None rather than a guess.
"""

from __future__ import annotations

import re

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
PRESENT_WORDS = ("present", "current", "now", "today", "ongoing", "至今", "现在", "今", "目前")
# "to date" / "till date" (common in Indian resumes): "date" alone is no end date.
_PRESENT = (
    r"(?:present|current(?:ly)?|now|today|ongoing|至今|现在|目前|今"
    r"|till\s*date|to\s+date|(?<=\bto\s)date|(?<=\btill\s)date)"
)
# Years a career can plausibly mention; keeps phone digits and GPAs out of dates.
_YEAR = r"(?:19[2-9]\d|20[0-4]\d)"

# One date. Order matters: the more specific shapes are tried first.
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?<![A-Za-z])(?P<m>{_MONTH_NAMES})\.?,?\s*(?P<y>{_YEAR})", re.I), "name_year"),
    (re.compile(rf"(?P<y>{_YEAR})\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月?"), "ymd"),
    (re.compile(rf"(?P<y>{_YEAR})\s*[./\-]\s*(?P<m>1[0-2]|0?[1-9])(?!\d)"), "ymd"),
    (re.compile(rf"(?<!\d)(?P<m>1[0-2]|0?[1-9])\s*[./\-]\s*(?P<y>{_YEAR})"), "ymd"),
    (re.compile(rf"(?<!\d)(?P<y>{_YEAR})(?!\d)\s*年?"), "year"),
]
DATE_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?:{_MONTH_NAMES})\.?,?\s*{_YEAR}"
    rf"|{_YEAR}\s*年\s*(?:1[0-2]|0?[1-9])\s*月?"
    rf"|{_YEAR}\s*[./\-]\s*(?:1[0-2]|0?[1-9])(?!\d)"
    rf"|(?<!\d)(?:1[0-2]|0?[1-9])\s*[./\-]\s*{_YEAR}"
    rf"|(?<!\d){_YEAR}(?!\d)\s*年?"
    rf"|(?<![A-Za-z]){_PRESENT}(?![A-Za-z]))",
    re.I,
)
# Fonts and PDF writers turn an en dash into any of these dashes.
_RANGE_SEP = r"\s*(?:-|–|—|‒|―|−|~|～|－|to|至|到|until|till)\s*"
RANGE_RE = re.compile(rf"(?P<start>{DATE_RE.pattern}){_RANGE_SEP}(?P<end>{DATE_RE.pattern})", re.I)


def normalize_date(text: str) -> str | None:
    """One written date as "YYYY-MM", "YYYY" or "present"; None when unreadable."""
    value = text.strip()
    if not value:
        return None
    if re.fullmatch(rf"{_PRESENT}\.?|(?:till\s*|to\s+)?date\.?", value, re.I):
        return "present"
    for pattern, shape in _DATE_PATTERNS:
        match = pattern.search(value)
        if match is None:
            continue
        year = match.group("y")
        if shape == "year":
            return year
        raw_month = match.group("m")
        month = _MONTHS[raw_month.lower()] if shape == "name_year" else int(raw_month)
        return f"{year}-{month:02d}"
    return None


def find_range(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The first date range in ``text`` (start, end, span); a lone date is a start only.

    A single date on a line usually means graduation or a certificate date, so callers
    decide whether it is a start or an end.
    """
    match = RANGE_RE.search(text)
    if match is not None:
        return (
            normalize_date(match.group("start")),
            normalize_date(match.group("end")),
            match.span(),
        )
    single = DATE_RE.search(text)
    if single is not None and not re.fullmatch(_PRESENT, single.group(0), re.I):
        return normalize_date(single.group(0)), None, single.span()
    return None, None, None


def parse_range(text: str) -> tuple[str | None, str | None]:
    """Start and end of a written range such as "Jan 2020 – Present" or "2018.9-2022.6"."""
    start, end, _ = find_range(text)
    return start, end


def has_date(text: str) -> bool:
    match = DATE_RE.search(text)
    return match is not None and not re.fullmatch(_PRESENT, match.group(0), re.I)
