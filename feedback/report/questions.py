"""Improvement suggestions for one answer, most important first, in the report language.

Each suggestion names what to change in this answer: the expected points and key terms
it missed, the STAR parts (behavioral) or argument parts (other questions) it lacked,
the hedges and filler words to drop, its pace and its length. Content comes before
form because that is what the answer is mostly scored on. A strong answer (or one
with nothing specific to fix) also gets one way to push it further, from the curated
advice for its weakest area.
"""

from __future__ import annotations

from typing import Any

from interviews.analysis import analyse, text

from .advice import advice, report_language
from .behaviour import (
    COMFORTABLE_LENGTH,
    COMFORTABLE_PACE,
    FILLER_RATE_ZERO,
    STAR_ZH,
    answer_language,
    evidence_after,
    fillers,
    hedges,
    localise,
    missing_star_parts,
    number,
    quoted,
    spoken,
    unit,
)
from .records import AnswerRecord

# From this overall score an answer is strong: one slot goes to pushing it further.
STRONG_ANSWER = 75.0
MISSED_POINTS_SHOWN = 2
MISSED_KEYWORDS_SHOWN = 3
# Hedges are worth a suggestion when confidence is below this, or when there are several.
CONFIDENT_ENOUGH = 75.0
SEVERAL = 2
# A filler rate (per 100 words) below which fillers are not worth a suggestion.
FILLER_RATE_NOTICED = {lang: zero / 3 for lang, zero in FILLER_RATE_ZERO.items()}
PAUSES_NOTICED = 2

# Priorities: lower comes first.
EMPTY, VERY_SHORT, OFF_TOPIC, POINTS, KEYWORDS, PARTS, HEDGES, SPEECH, LENGTH = range(9)

STAR_HINTS = {
    "Situation": (
        "Situation (one or two sentences on where, when and what was at stake)",
        "情境（用一两句话交代在哪里、什么时候、面临什么风险）",
    ),
    "Task": (
        "Task (what was yours to achieve and why it mattered)",
        "任务（哪部分由你负责、为什么重要）",
    ),
    "Action": (
        "Action (the steps you personally took, in order, told with “I …”)",
        "行动（按顺序讲你亲自做的步骤，用“我……”来讲）",
    ),
    "Result": (
        "Result (the outcome, measured if you can: time saved, a % change, an on-time launch)",
        "结果（讲清楚结局，尽量量化：节省的时间、变化的百分比、是否按时上线）",
    ),
}
ARGUMENT_HINTS = {
    "clear opening claim": (
        "open with a one-sentence answer, without a qualifier",
        "第一句话直接给出不带修饰的结论",
    ),
    "reasons": ("give the reason with “because”", "用“因为”讲出理由"),
    "example": ("add one concrete example from your own work", "补一个来自你自己工作的具体例子"),
    "signposting": (
        "signpost the steps (“first”, “second”, “in short”)",
        "用“首先”“其次”“总之”标出层次",
    ),
}
MESSAGES: dict[str, tuple[str, str]] = {
    "empty": (
        "No answer was given: even a two-sentence outline of your approach earns credit.",
        "这道题没有作答：哪怕用两句话说出思路也能得分。",
    ),
    "very_short": (
        "At {n} {unit} the answer is too short to show what you know: aim for {low}–{high} "
        "with one concrete example.",
        "回答只有 {n} {unit}，太短，不足以展示你的能力：建议写到 {low}–{high} {unit}，并加一个具体例子。",
    ),
    "off_topic": (
        "The answer drifted from the question: open with a sentence that answers {question} "
        "directly.",
        "回答偏离了问题：第一句话就要直接回应{question}。",
    ),
    "points": ("Cover the expected point(s) you missed: {points}.", "补上遗漏的要点：{points}。"),
    "keywords": (
        "Use the key term(s) {terms} where they apply.",
        "在合适的地方用上关键词：{terms}。",
    ),
    "star": ("Add the missing STAR part(s): {parts}.", "补上缺少的 STAR 部分：{parts}。"),
    "argument": ("Make the reasoning easier to follow: {parts}.", "让推理更容易跟上：{parts}。"),
    "hedges": (
        "Drop the hedges {quoted}: state your view plainly, then give your reason.",
        "去掉{quoted}这类含糊说法：直接给出判断，再讲理由。",
    ),
    "fillers": (
        "Cut the filler words {quoted} ({rate:.1f} per 100 words): pause silently instead.",
        "减少口头禅{quoted}（每百字 {rate:.1f} 个），用短暂的停顿代替。",
    ),
    "fast": (
        "You spoke at {pace:.0f} {unit} per minute: slow down to {low:.0f}–{high:.0f} by "
        "pausing after each point.",
        "语速为每分钟 {pace:.0f} {unit}，偏快：每讲完一个要点停一下，降到 {low:.0f}–{high:.0f}。",
    ),
    "slow": (
        "You spoke at {pace:.0f} {unit} per minute: reach {low:.0f}–{high:.0f} by deciding "
        "your three points before you start.",
        "语速为每分钟 {pace:.0f} {unit}，偏慢：开口前先想好三个要点，把语速提到 {low:.0f}–{high:.0f}。",
    ),
    "pauses": (
        "{n:.0f} pauses of over 2 seconds: bridge them with a short phrase such as “let me "
        "check the constraints first”.",
        "有 {n:.0f} 次超过 2 秒的停顿：可以用“我先确认一下约束条件”这样的过渡句衔接。",
    ),
    "short": (
        "At {n} {unit} the answer is thin: aim for {low}–{high} and add one concrete example.",
        "回答只有 {n} {unit}，略显单薄：建议 {low}–{high} {unit}，并补一个具体例子。",
    ),
    "long": (
        "At {n} {unit} the answer runs long: stay under {high}, lead with the conclusion and "
        "cut the background to two sentences.",
        "回答有 {n} {unit}，偏长：控制在 {high} {unit}以内，先讲结论，背景压缩到两句话。",
    ),
}


def _say(language: str, key: str, **values: Any) -> str:
    return localise(MESSAGES, language, key, **values)


def question_suggestions(record: AnswerRecord, language: str, limit: int = 4) -> list[str]:
    """Up to ``limit`` (at least 1) suggestions for one analysed answer; [] when the
    answer is not analysed yet."""
    if not record.analysed:
        return []
    lang = report_language(language)
    limit = max(1, limit)
    words = text.word_count(record.answer)
    if words == 0:
        return [_say(lang, "empty")]
    found = sorted(_content(record, lang) + _form(record, lang, words), key=lambda s: s[0])
    suggestions = [s for _, s in found]
    if (record.overall or 0.0) >= STRONG_ANSWER or not suggestions:
        return [*suggestions[: limit - 1], _push_further(record, lang)]
    return suggestions[:limit]


def _content(record: AnswerRecord, lang: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    if record.relevance is not None and record.relevance < analyse.OFF_TOPIC_BELOW:
        found.append((OFF_TOPIC, _say(lang, "off_topic", question=text.quote(record.question))))
    covered = set(record.points_covered)
    missed = [p for p in record.points_expected if p not in covered][:MISSED_POINTS_SHOWN]
    if missed:
        joined = ("；" if lang == "zh" else "; ").join(text.quote(p) for p in missed)
        found.append((POINTS, _say(lang, "points", points=joined)))
    used = {k.casefold() for k in record.keywords_found}
    terms = [k for k in record.keywords_expected if k.casefold() not in used]
    if terms:
        shown = ("、" if lang == "zh" else ", ").join(
            f"“{k}”" for k in terms[:MISSED_KEYWORDS_SHOWN]
        )
        found.append((KEYWORDS, _say(lang, "keywords", terms=shown)))
    return found


def _form(record: AnswerRecord, lang: str, words: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    separator = "；" if lang == "zh" else "; "
    index = 1 if lang == "zh" else 0
    if record.question_type == "behavioral":
        parts = [STAR_HINTS[p][index] for p in missing_star_parts(record) if p in STAR_ZH]
        if parts:
            found.append((PARTS, _say(lang, "star", parts=separator.join(parts))))
    elif (record.structure or 0.0) < CONFIDENT_ENOUGH:
        gaps = evidence_after(record, "structure", "Could be clearer with:") or ""
        parts = [
            ARGUMENT_HINTS[g.strip()][index] for g in gaps.split(",") if g.strip() in ARGUMENT_HINTS
        ]
        if parts:
            found.append((PARTS, _say(lang, "argument", parts=separator.join(parts))))

    hedged = hedges(record)
    if hedged and ((record.confidence or 0.0) < CONFIDENT_ENOUGH or hedged.total() >= SEVERAL):
        found.append((HEDGES, _say(lang, "hedges", quoted=quoted(hedged, lang))))

    answer_lang = answer_language(record)
    if spoken(record):
        found.extend(_speech(record, lang, answer_lang, words))

    low, high = COMFORTABLE_LENGTH[answer_lang]
    length = {"n": words, "unit": unit(answer_lang, lang), "low": low, "high": high}
    if words < analyse.MIN_WORDS[answer_lang]:
        found.append((VERY_SHORT, _say(lang, "very_short", **length)))
    elif words < low:
        found.append((LENGTH, _say(lang, "short", **length)))
    elif words > high:
        found.append((LENGTH, _say(lang, "long", **length)))
    return found


def _speech(record: AnswerRecord, lang: str, answer_lang: str, words: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    count = number(record, "filler_count") or 0.0
    rate = count * 100 / max(words, 1)
    if count >= SEVERAL and rate >= FILLER_RATE_NOTICED[answer_lang]:
        used = fillers(record)
        shown = quoted(used, lang) if used else ""
        found.append((SPEECH, _say(lang, "fillers", quoted=shown, rate=rate)))
    pace = number(record, "words_per_minute")
    low, high = COMFORTABLE_PACE[answer_lang]
    if pace is not None and (pace > high or pace < low):
        key = "fast" if pace > high else "slow"
        found.append(
            (SPEECH, _say(lang, key, pace=pace, unit=unit(answer_lang, lang), low=low, high=high))
        )
    pauses = number(record, "long_pauses") or 0.0
    if pauses >= PAUSES_NOTICED:
        found.append((SPEECH, _say(lang, "pauses", n=pauses)))
    return found


def _push_further(record: AnswerRecord, lang: str) -> str:
    """The first curated item for the answer's weakest scored area."""
    structure_topic = "star" if record.question_type == "behavioral" else "argument"
    scored = {
        "relevance": record.relevance,
        "accuracy": record.accuracy,
        structure_topic: record.structure,
        "confidence": record.confidence,
        "delivery": record.delivery,
    }
    topic, score = min(
        ((t, s) for t, s in scored.items() if s is not None),
        key=lambda item: item[1],
        default=("accuracy", record.overall or 0.0),
    )
    return advice(topic, score, lang, limit=1)[0]
