"""Items written in a skills section, whether or not the taxonomy knows them.

The taxonomy cannot list every tool, library or trade skill; a skills section is where
people list them one by one, so its short list items are skills in their own right.
Sentences ("Proficient in Python and SQL") are left to the taxonomy matcher.
"""

from __future__ import annotations

import re

MAX_WORDS = 4  # "Microsoft Power BI", "Google Cloud Platform": longer is a phrase
MAX_CJK_CHARS = 12
LISTED_CONFIDENCE = 0.6  # lower than a taxonomy match in the same section

# "Languages: …", "Tools — …", "编程语言：…": a label before the list, up to 4 words.
_LABEL_SEPARATOR = re.compile(r":|：|—|–|\s-\s|\|")
_SEPARATORS = re.compile(r"\s*(?:[,，、;；/|]|\s[•·▪●◦‣]\s|\s+and\s+|\s+&\s+|\s+or\s+)\s*")
_QUALIFIER = re.compile(r"\s*[(（][^)）]{0,30}[)）]\s*")
_BULLET = re.compile(r"^\s*(?:(?:[•·\-*▪●◦‣–]|\d{1,2}[.)、]|[（(]\d{1,2}[)）])\s*)+")
# "MyBatis等框架": the tool, not the "and other frameworks" after it.
_CJK_ETC = re.compile(r"\s*等[\u3400-\u9fff]{0,8}$")
# "能够阅读英文技术文档", "良好的沟通能力": a clause about abilities, not a listed skill.
_CJK_CLAUSE = re.compile(r"^(?:能够|能|可以|具备|具有|拥有|有|良好|较强|负责|参与|对)|的")
_CJK_VERB = re.compile(r"^(?:熟练掌握|熟练使用|熟悉|精通|掌握|了解|熟练|擅长|使用|会)")
_LEVEL_WORDS = {
    "advanced",
    "intermediate",
    "basic",
    "beginner",
    "expert",
    "proficient",
    "fluent",
    "native",
    "familiar",
    "working knowledge",
    "精通",
    "熟悉",
    "了解",
    "掌握",
    "熟练",
}
_FUNCTION_WORDS = {
    "in",
    "of",
    "with",
    "the",
    "for",
    "to",
    "a",
    "an",
    "on",
    "at",
    "by",
    "from",
    "using",
}
_CJK = re.compile(r"[\u3400-\u9fff]")


def _clean(item: str) -> str:
    item = _QUALIFIER.sub(" ", item)
    item = _CJK_VERB.sub("", item.strip())
    item = _CJK_ETC.sub("", item)
    return item.strip(" .。:：-–—*•·\t")


def _looks_like_skill(item: str) -> bool:
    if not item or item.lower() in _LEVEL_WORDS or item[-1] in ".。!?！？":
        return False
    if _CJK.search(item):
        return len(item) <= MAX_CJK_CHARS and "，" not in item and not _CJK_CLAUSE.search(item)
    words = item.split()
    if not words or len(words) > MAX_WORDS or not any(ch.isalpha() for ch in item):
        return False
    if any(word.lower() in _FUNCTION_WORDS for word in words):
        return False  # a phrase about skills, not a skill
    # A single lowercase common word ("teamwork" is fine, "and" is not) passes; what
    # rules out prose is the length and function-word checks above.
    return len(item) <= 40


def listed_skills(lines: list[str]) -> list[str]:
    """Skill names as written, in order, from the lines of a skills section."""
    found: list[str] = []
    seen: set[str] = set()
    for raw in lines:
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        body = _split_label(line)[2] if _has_list_after_label(line) else line
        # "Microsoft Office (Word, Excel)": the brackets qualify one item, not a list.
        for part in _SEPARATORS.split(_QUALIFIER.sub(" ", body)):
            item = _clean(part)
            key = item.casefold()
            if key not in seen and _looks_like_skill(item):
                seen.add(key)
                found.append(item)
    return found


def _has_list_after_label(line: str) -> bool:
    # Only strip the label when a list follows it ("Tools: Jira, Figma"), so that a
    # lone item with a dash in it ("CI/CD - GitHub Actions") is not cut in half.
    head, _separator, tail = _split_label(line)
    return bool(tail.strip()) and len(head.split()) <= 4


def _split_label(line: str) -> tuple[str, str, str]:
    match = _LABEL_SEPARATOR.search(line)
    if match is None:
        return line, "", ""
    return line[: match.start()], match.group(0), line[match.end() :]
