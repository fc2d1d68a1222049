"""Evidence lines in the candidate's language, at display time (Django-free).

The analysis stores every evidence line in English, and that English form is the
canonical one: feedback and reports parse it. So translation happens only when a line
is shown. ``PATTERNS`` mirrors every format the analysis (``content``, ``structure``,
``tone``, ``delivery``, ``analyse``) and ``interviews.grading`` can produce, in order;
the first full match wins. What the candidate said, expected points, keywords, phrase
tallies and numbers are kept verbatim; only the wording around them is translated.
A line no pattern matches is returned as it is, so nothing is ever lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# STAR parts and argument parts (structure.STAR_LABELS, structure.ARGUMENT_LABELS),
# looked up lower-cased: "Could be clearer with: …" lists them in lower case.
PART_NAMES_ZH = {
    "situation": "情境",
    "task": "任务",
    "action": "行动",
    "result": "结果",
    "reflection": "反思",
    "clear opening claim": "开门见山的观点",
    "reasons": "理由",
    "example": "实例",
    "signposting": "条理提示词",
}
UNITS_ZH = {"words": "个词", "characters": "个字"}
LIST_SEPARATOR_ZH = "、"

_TALLY_ITEM = re.compile(r"(?P<phrase>.+?)(?: ×(?P<count>\d+))?")
_PAUSE_ITEM = re.compile(r"(?P<gap>\d+(?:\.\d+)?) s after (?P<word>“[^”]*”)")


def _part_name(name: str) -> str:
    return PART_NAMES_ZH.get(name.strip().lower(), name)


def _part_names(names: str) -> str:
    return LIST_SEPARATOR_ZH.join(_part_name(n) for n in names.split(", "))


def _terms(terms: str) -> str:
    return LIST_SEPARATOR_ZH.join(terms.split(", "))


def _quotes(quoted: str) -> str:
    """ "“first”, “then”" with the Chinese list separator."""
    return quoted.replace("”, “", f"”{LIST_SEPARATOR_ZH}“")


def _tally(tally: str) -> str:
    """ "um ×2, like" (text.tally) as "“um” ×2、“like”": quoted, so the English phrases
    read as what the candidate said rather than as untranslated text."""
    items = []
    for item in tally.split(", "):
        match = _TALLY_ITEM.fullmatch(item)
        if match is None:  # an empty item: keep the tally as it was
            return tally
        count = f" ×{match['count']}" if match["count"] else ""
        items.append(f"“{match['phrase']}”{count}")
    return LIST_SEPARATOR_ZH.join(items)


def _pauses(pauses: str) -> str:
    """ "2.3 s after “are”, 3.1 s after “and”" as "“are”之后 2.3 秒、…"."""
    items = pauses.split(", ")
    matches = [_PAUSE_ITEM.fullmatch(item) for item in items]
    if not all(matches):  # a quoted word with ", " in it: keep the list as it was
        return pauses
    return LIST_SEPARATOR_ZH.join(f"{m['word']}之后 {m['gap']} 秒" for m in matches if m)


# Named groups with one of these names are converted; every other group is verbatim.
_CONVERTERS: dict[str, Callable[[str], str]] = {
    "part": _part_name,
    "parts": _part_names,
    "terms": _terms,
    "quotes": _quotes,
    "tally": _tally,
    "pauses": _pauses,
    "unit": lambda unit: UNITS_ZH.get(unit, unit),
}

_STAR_PART = "Situation|Task|Action|Result|Reflection"
_ARGUMENT_PART = "Clear opening claim|Reasons|Example"
_UNIT = "words|characters"
_PACE = rf"(?P<pace>\d+) (?P<unit>{_UNIT}) per minute"
_COMFORTABLE = r"\(comfortable (?P<low>\d+)–(?P<high>\d+)\)"

# (English template as a regex, Chinese template), in the order they are tried.
_TABLE: tuple[tuple[str, str], ...] = (
    # analyse.py
    (r"No answer was given\.", "没有作答。"),
    (
        rf"Very short answer \((?P<count>\d+) (?P<unit>{_UNIT})\)\.",
        "回答太短（仅 {count} {unit}）。",
    ),
    # content.py: relevance
    (r"The answer addresses the question directly\.", "回答直接切题。"),
    (r"The answer is only partly about what was asked\.", "回答只有一部分切题。"),
    (r"The answer does not address what was asked\.", "回答没有回应所问的问题。"),
    (r"Closest expected point: (?P<point>.*)", "最接近的参考要点：{point}"),
    # content.py: accuracy
    (r"Covered: (?P<point>.*)", "已讲到：{point}"),
    (r"Missing: (?P<point>.*)", "未讲到：{point}"),
    (
        r"Key terms used: none \((?P<found>0) of (?P<total>\d+)\)",
        "用到的关键词：无（{found}/{total}）",
    ),
    (
        r"Key terms used: (?P<terms>.*) \((?P<found>\d+) of (?P<total>\d+)\)",
        "用到的关键词：{terms}（{found}/{total}）",
    ),
    (r"Key terms not mentioned: (?P<terms>.*)", "未提到的关键词：{terms}"),
    # structure.py
    (r"(?P<part>Signposting): (?P<quotes>“.*”)", "{part}：{quotes}"),
    (rf"(?P<part>{_STAR_PART}|{_ARGUMENT_PART}): (?P<quote>“.*”)", "{part}：{quote}"),
    (r"Missing from STAR: (?P<parts>.*)", "STAR 中缺少：{parts}"),
    (
        r"The story is told out of order \(situation → action → result\)\.",
        "讲述顺序有些乱（建议按 情境 → 行动 → 结果 的顺序）。",
    ),
    (r"Could be clearer with: (?P<parts>.*)", "还可以更清楚，建议补充：{parts}"),
    (
        r"Only (?P<count>\d+) sentence\(s\): too short to show a structure\.",
        "只有 {count} 句话，太短，看不出结构。",
    ),
    # tone.py: sentiment
    (r"Constructive words: (?P<tally>.*)", "积极正面的措辞：{tally}"),
    (r"Negative or blaming words: (?P<tally>.*)", "消极或指责性的措辞：{tally}"),
    (r"Neutral, matter-of-fact tone\.", "语气中性，就事论事。"),
    # tone.py: confidence
    (r"(?P<count>\d+) hedge\(s\): (?P<tally>.*)", "{count} 处含糊其辞的说法：{tally}"),
    (r"Assertive phrasing: (?P<tally>.*)", "肯定有力的表达：{tally}"),
    (r"No hedging\.", "没有含糊其辞的说法。"),
    # delivery.py
    (r"Pace unknown: no duration\.", "语速未知：没有录音时长。"),
    (rf"{_PACE}: slow {_COMFORTABLE}\.", "每分钟 {pace} {unit}：偏慢（舒适范围 {low}–{high}）。"),
    (rf"{_PACE}: fast {_COMFORTABLE}\.", "每分钟 {pace} {unit}：偏快（舒适范围 {low}–{high}）。"),
    (rf"{_PACE}: a comfortable pace\.", "每分钟 {pace} {unit}：语速适中。"),
    (r"(?P<count>\d+) filler word\(s\): (?P<tally>.*)", "{count} 个填充词：{tally}"),
    (r"No filler words\.", "没有填充词。"),
    (
        r"(?P<count>\d+) long pause\(s\) over (?P<limit>\d+) s: (?P<pauses>.*)",
        "{count} 次超过 {limit} 秒的长停顿：{pauses}",
    ),
    (r"No long pauses\.", "没有长停顿。"),
    # grading.py: the model's feedback is in the session's language and stays as it is.
    (
        r"Interviewer model: (?P<score>\d+)/100\. ?(?P<feedback>.*)",
        "AI 面试官评分：{score}/100。{feedback}",
    ),
)

PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english, re.DOTALL), chinese) for english, chinese in _TABLE
)


def _to_chinese(line: str) -> str:
    for pattern, template in PATTERNS:
        match = pattern.fullmatch(line)
        if match is None:
            continue
        groups = {
            name: _CONVERTERS[name](value) if name in _CONVERTERS else value
            for name, value in match.groupdict(default="").items()
        }
        return template.format(**groups)
    return line


def localise(line: str, language: str) -> str:
    """``line`` (an English evidence line) as the candidate should read it in
    ``language`` ("en" or "zh"; any Chinese locale such as "zh-hans" counts as "zh").
    Other languages, and lines of no known format, come back unchanged."""
    if language.lower().startswith("zh"):
        return _to_chinese(line)
    return line
