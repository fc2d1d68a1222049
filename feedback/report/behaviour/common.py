"""What every aspect shares: the aspect list, the report's phrase table and the readers of
the evidence the answer analysis stores (also used by ``questions.py``).

Observations and recommendations are in the report language; quoted answer text stays
in the language it was given in. Each answer is read with the English or Chinese cue
lists according to its own language (``answer_language``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import mean
from typing import Any

from interviews.analysis import text

from ..advice import advice
from ..records import AnswerRecord

ASPECTS = ("structure", "clarity", "confidence", "ownership", "collaboration")
STORY_TYPES = ("behavioral", "situational")
# Ownership and collaboration show in stories; without one there is nothing to judge,
# so the aspect sits at a neutral value rather than punishing a technical-only session.
NEUTRAL_SCORE = 60.0

TOP_QUOTED = 3

STAR_ZH = {"Situation": "情境", "Task": "任务", "Action": "行动", "Result": "结果"}
UNITS = {"en": ("words", "个英文词"), "zh": ("characters", "字")}

# (English, Chinese) observation templates, filled with str.format.
MESSAGES: dict[str, tuple[str, str]] = {
    "frameworks": (
        "{behavioral} behavioral answer(s) were judged against STAR (Situation, Task, Action, "
        "Result) and {others} other answer(s) against claim, reasons and example.",
        "{behavioral} 个行为类回答按 STAR（情境、任务、行动、结果）评估，其余 {others} 个回答按“结论—理由—例子”评估。",
    ),
    "star_complete": (
        "{complete} of {behavioral} behavioral answer(s) covered all four STAR parts.",
        "{behavioral} 个行为类回答中，有 {complete} 个完整覆盖了 STAR 的四个部分。",
    ),
    "star_missing": (
        "The STAR part missing most often was {part} ({count} of {behavioral}).",
        "最常缺少的 STAR 部分是“{part}”（{behavioral} 个中有 {count} 个）。",
    ),
    "argument_missing": (
        "In the other answers, the part most often missing was {part} ({count} of {others}).",
        "其他回答里最常缺少的是{part}（{others} 个中有 {count} 个）。",
    ),
    "strong_example": (
        "Best structured: {question} ({score:.0f}), {part}: {quote}",
        "结构最好的是{question}（{score:.0f} 分），{part}：{quote}",
    ),
    "no_structure": ("No answer has a structure score yet.", "还没有回答得到结构评分。"),
    "length": (
        "{inside} of {total} answer(s) had a comfortable length ({low}–{high} {unit}){extra}.",
        "{total} 个回答中有 {inside} 个长度适中（{low}–{high} {unit}）{extra}。",
    ),
    "too_short": ("; {n} too short", "，{n} 个偏短"),
    "too_long": ("; {n} too long", "，{n} 个偏长"),
    "fillers": (
        "{n:.0f} filler word(s) in all ({rate:.1f} per 100 words){most}.",
        "共有 {n:.0f} 个口头禅（每百字 {rate:.1f} 个）{most}。",
    ),
    "fillers_most": (", most often {quoted}", "，最常见的是{quoted}"),
    "pace": (
        "Spoken answers averaged {pace:.0f} {unit} per minute: {verdict} (comfortable {low:.0f}–{high:.0f}).",
        "口头回答平均每分钟 {pace:.0f} {unit}，{verdict}（舒适区间 {low:.0f}–{high:.0f}）。",
    ),
    "fast": ("too fast", "偏快"),
    "slow": ("too slow", "偏慢"),
    "comfortable": ("comfortable", "语速适中"),
    "pauses": (
        "{n:.0f} long pause(s) of over 2 seconds in the spoken answers.",
        "口头回答中有 {n:.0f} 次超过 2 秒的长停顿。",
    ),
    "long_sentences": (
        "{n} very long sentence(s) (over {limit} {unit}), e.g. {quote}.",
        "有 {n} 个过长的句子（超过 {limit} {unit}），例如{quote}。",
    ),
    "hedges": (
        "Hedges came up {total} time(s) in {hedging} of {answers} answer(s), most often {quoted}.",
        "{answers} 个回答中有 {hedging} 个出现含糊表达，共 {total} 次，最多的是{quoted}。",
    ),
    "no_hedges": ("No hedging in any answer.", "所有回答都没有含糊其辞的表达。"),
    "assertive": ("Assertive phrasing noticed: {quoted}.", "注意到的肯定表达：{quoted}。"),
    "neutral": (
        "No behavioral or situational question was answered, so {aspect} is shown at a "
        "neutral {score:.0f}: it shows in how you tell stories from your own work.",
        "本场没有回答行为类或情景类问题，因此“{aspect}”按中性分 {score:.0f} 计：这一项要从你讲述自身经历的方式来判断。",
    ),
    "ownership": (
        "In {stories} behavioral or situational answer(s), {owned} sentence(s) say what you did "
        "yourself, {diffuse} speak of “we” or the team and {passive} use the passive voice.",
        "在 {stories} 个行为类或情景类回答中，有 {owned} 句讲的是你本人做了什么，{diffuse} 句以“我们”或团队为主语，{passive} 句是被动说法。",
    ),
    "no_actor": ("No sentence says who did what.", "没有一句话讲清楚是谁做了什么。"),
    "owned_example": ("For example: {quote}.", "例如：{quote}。"),
    "diffuse_example": (
        "The most diffuse statement: {quote}; say what your own part was.",
        "最笼统的一句：{quote}，可以讲清楚你自己负责的那部分。",
    ),
    "collaboration": (
        "{with_cues} of {stories} behavioral or situational answer(s) mention working with "
        "others ({quoted}).",
        "{stories} 个行为类或情景类回答中，有 {with_cues} 个提到了与他人协作（{quoted}）。",
    ),
    "no_collaboration": (
        "None of the stories mention who you worked with.",
        "所有经历都没有提到你和谁一起合作。",
    ),
    "constructive": (
        "A disagreement handled constructively ({question}): {quote}.",
        "建设性地处理了分歧（{question}）：{quote}。",
    ),
    "unresolved": (
        "A disagreement comes up in {question} without how it was resolved.",
        "{question}提到了分歧，但没有讲是怎么化解的。",
    ),
    "blame": (
        "Blaming or negative words lower this score: {quoted}.",
        "指责或负面的词拉低了这一项：{quoted}。",
    ),
    "question": ("Q{n}", "第 {n} 题"),
}
ASPECT_NAMES = {
    "structure": ("structure", "结构"),
    "clarity": ("clarity", "清晰度"),
    "confidence": ("confidence", "自信"),
    "ownership": ("ownership", "主人翁意识"),
    "collaboration": ("collaboration", "协作"),
}

_TALLY_ITEM = re.compile(r"^(.*?)(?: ×(\d+))?$")
_HEDGES = re.compile(r"^\d+ hedge\(s\): (.*)$")
_FILLERS = re.compile(r"^\d+ filler word\(s\): (.*)$")


@dataclass
class AspectResult:
    aspect: str
    score: float
    observations: list[str]
    recommendations: list[str]
    derivation: dict[str, Any]


# --- reading the stored evidence; shared with questions.py --------------------------


def localise(
    messages: Mapping[str, tuple[str, str]], language: str, key: str, **values: Any
) -> str:
    """``messages[key]`` in ``language`` ("en" or "zh"), filled with ``values``."""
    english, chinese = messages[key]
    return (chinese if language == "zh" else english).format(**values)


def _say(language: str, key: str, **values: Any) -> str:
    return localise(MESSAGES, language, key, **values)


def answer_language(record: AnswerRecord) -> str:
    """The language the answer was given in, decided as the analysis decides it."""
    return "zh" if record.language == "zh" or text.is_chinese(record.answer) else "en"


def evidence_lines(record: AnswerRecord, key: str) -> list[str]:
    lines = record.evidence.get(key)
    return [line for line in lines if isinstance(line, str)] if isinstance(lines, list) else []


def evidence_after(record: AnswerRecord, key: str, prefix: str) -> str | None:
    """The rest of the first ``key`` evidence line that starts with ``prefix``."""
    for line in evidence_lines(record, key):
        if line.startswith(prefix):
            return line[len(prefix) :].strip()
    return None


def tally_counts(tally: str | None) -> Counter[str]:
    """{"um": 2, "like": 1} from the analysis's "um ×2, like"."""
    counts: Counter[str] = Counter()
    for item in (tally or "").split(", "):
        match = _TALLY_ITEM.match(item.strip())
        if match and match.group(1):
            counts[match.group(1)] += int(match.group(2) or 1)
    return counts


def _tally_line(record: AnswerRecord, key: str, pattern: re.Pattern[str]) -> Counter[str]:
    for line in evidence_lines(record, key):
        match = pattern.match(line)
        if match:
            return tally_counts(match.group(1))
    return Counter()


def hedges(record: AnswerRecord) -> Counter[str]:
    """The hedges the analysis found, as the candidate wrote them."""
    found = _tally_line(record, "confidence", _HEDGES)
    return Counter({as_written(p, record.answer): n for p, n in found.items()})


def fillers(record: AnswerRecord) -> Counter[str]:
    """The filler words of a spoken answer (from its delivery evidence)."""
    return _tally_line(record, "delivery", _FILLERS)


def missing_star_parts(record: AnswerRecord) -> list[str]:
    """English part labels ("Task", "Result") the analysis found missing."""
    found = evidence_after(record, "structure", "Missing from STAR:")
    return [p.strip() for p in found.split(",") if p.strip()] if found else []


def number(record: AnswerRecord, key: str) -> float | None:
    value = record.evidence.get(key)
    return float(value) if isinstance(value, int | float) else None


def spoken(record: AnswerRecord) -> bool:
    return record.input_mode == "audio" or number(record, "words_per_minute") is not None


def as_written(phrase: str, answer: str) -> str:
    """The phrase with the candidate's capitals ("I guess", where the lexicon says "i guess")."""
    match = re.search(re.escape(phrase), answer, re.IGNORECASE)
    return match.group(0) if match else phrase


def quoted(phrases: Counter[str], language: str, limit: int = TOP_QUOTED) -> str:
    """ "“maybe” ×3, “I guess”" (zh: "“可能”×3、“大概”"), most frequent first."""
    times = "×" if language == "zh" else " ×"
    items = [f"“{p}”" + (f"{times}{n}" if n > 1 else "") for p, n in phrases.most_common(limit)]
    return ("、" if language == "zh" else ", ").join(items)


def question_label(record: AnswerRecord, language: str) -> str:
    """ "Q3" / "第 3 题": positions count from 0, people from 1."""
    return _say(language, "question", n=record.position + 1)


def unit(answer_lang: str, language: str) -> str:
    """What a length in ``answer_lang`` counts (words or characters), said in ``language``."""
    english, chinese = UNITS[answer_lang]
    return chinese if language == "zh" else english


# --- building results --------------------------------------------------------------


def _quote(sentence: str) -> str:
    """A sentence quoted inside an observation that has its own full stop."""
    return text.quote(sentence.rstrip(".。!?！？;；"))


def _mean(values: Iterable[float]) -> float:
    found = list(values)
    return round(mean(found), 1) if found else 0.0


def _result(
    aspect: str, score: float, observations: list[str], lang: str, derivation: dict[str, Any]
) -> AspectResult:
    return AspectResult(
        aspect=aspect,
        score=round(score, 1),
        observations=observations,
        recommendations=advice(aspect, score, lang),
        derivation=derivation,
    )


def _neutral(aspect: str, records: list[AnswerRecord], lang: str) -> AspectResult:
    english, chinese = ASPECT_NAMES[aspect]
    return _result(
        aspect,
        NEUTRAL_SCORE,
        [
            _say(
                lang,
                "neutral",
                aspect=chinese if lang == "zh" else english,
                score=NEUTRAL_SCORE,
            )
        ],
        lang,
        {
            "formula": f"neutral {NEUTRAL_SCORE:.0f}: no behavioral or situational answer",
            "signals": {"story_answers": 0, "other_answers": len(records)},
            "weights": {},
            "answers": [],
        },
    )
