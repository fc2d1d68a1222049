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
_SEPARATORS = re.compile(r"\s*(?:[,，、;；/|]|\s[•·▪●◦‣]\s|\s{2,}|\t)\s*")
# "and" / "or" end a list ("Python, Go and Rust") but inside a phrase join its words
# ("verbal and written communication"): they split only a line already split by commas.
_CONJUNCTIONS = re.compile(r"\s+(?:and|&|or)\s+")
# "Languages    Python, Java" or "Frameworks<TAB>React  Vue": a category cell, no colon.
_GAP_LABEL = re.compile(
    r"^(?P<head>(?:[A-Za-z/&\-]+ ){0,2}(?:languages?|frameworks?|tools?|databases?|platforms?|"
    r"technolog(?:y|ies)|librar(?:y|ies)|systems?|software|skills|methodolog(?:y|ies)|"
    r"cloud|devops|testing|front-?end|back-?end|others?|web|mobile|concepts|packages|ides?|"
    r"environments?|control|utilities|applications|servers?|stack|os))(?:\s{2,}|\t)(?P<tail>\S.*)$",
    re.I,
)
# "Strong analytical skills", "Quick learner": a statement about the candidate.
_PRAISE = re.compile(
    r"^(?:strong|excellent|good|great|solid|exceptional|outstanding|proven|effective|"
    r"highly|quick|fast|keen|superb|superior|extensive|demonstrated|willing|eager|able|"
    r"ability)\b",
    re.I,
)
# "Python - Expert", "Java: 5 years": the item, then how well or how long.
_DURATION = re.compile(r"^\d+(?:\.\d)?\+?\s*(?:years?|yrs?|months?|mos?)\.?$", re.I)
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
    "and",
    "or",
    "&",
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
    if _PRAISE.match(item) or _DURATION.match(item):
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
        gap_label = _GAP_LABEL.match(line)
        if gap_label:
            body = gap_label.group("tail")
        elif _has_list_after_label(line) and not _rates_the_head(line):
            body = _split_label(line)[2]
        else:
            body = _split_label(line)[0] if _rates_the_head(line) else line
        # "Microsoft Office (Word, Excel)": the brackets qualify one item, not a list.
        parts = _SEPARATORS.split(_QUALIFIER.sub(" ", body))
        if len(parts) > 1:
            parts = [piece for part in parts for piece in _CONJUNCTIONS.split(part)]
        for part in parts:
            item = _clean(_strip_level_label(part))
            key = item.casefold()
            if key not in seen and _looks_like_skill(item):
                seen.add(key)
                found.append(item)
    return found


def _rates_the_head(line: str) -> bool:
    """ "Python - Expert", "Go: 3 years": the tail says how well, the head is the skill."""
    _head, separator, tail = _split_label(line)
    tail = _QUALIFIER.sub(" ", tail).strip(" .")
    return bool(separator) and (tail.lower() in _LEVEL_WORDS or bool(_DURATION.match(tail)))


# "Expert: Python", "熟练：Java": a level before an item.
_LEVEL_LABEL = re.compile(
    r"^(?:advanced|intermediate|basic|beginner|expert|proficient|familiar|精通|熟悉|了解|掌握|熟练)"
    r"\s*[:：]\s*",
    re.I,
)


def _strip_level_label(part: str) -> str:
    return _LEVEL_LABEL.sub("", part.strip())


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
