"""The structure aspect: the mean of the stored ``structure`` scores.

Behavioral answers were scored on STAR (Situation 20, Task 15, Action 30, Result 25,
Reflection 10), the others on claim–reasons–example (claim 30, reasons 25, example 25,
signposting 20).
"""

from __future__ import annotations

import re
from collections import Counter

from interviews.analysis import structure as analysis_structure

from ..records import AnswerRecord
from .common import (
    NEUTRAL_SCORE,
    STAR_ZH,
    AspectResult,
    _mean,
    _result,
    _say,
    evidence_after,
    missing_star_parts,
    question_label,
)

# A structure score from which an answer is quoted as a good example.
STRONG_STRUCTURE = 60.0

ARGUMENT_ZH = {
    "clear opening claim": "开门见山的结论",
    "reasons": "理由",
    "example": "例子",
    "signposting": "层次标记（首先、其次……）",
}

_QUOTED = re.compile(r"“([^”]*)”")


def _structure(records: list[AnswerRecord], lang: str) -> AspectResult:
    used = [r for r in records if r.structure is not None]
    behavioral = [r for r in used if r.question_type == "behavioral"]
    others = [r for r in used if r.question_type != "behavioral"]
    score = _mean(r.structure or 0.0 for r in used) if used else NEUTRAL_SCORE
    complete = [r for r in behavioral if not missing_star_parts(r) and _star_told(r)]
    missing = Counter(p for r in behavioral for p in missing_star_parts(r))
    gaps = Counter(
        gap.strip()
        for r in others
        for gap in (evidence_after(r, "structure", "Could be clearer with:") or "").split(",")
        if gap.strip()
    )
    observations = [_say(lang, "frameworks", behavioral=len(behavioral), others=len(others))]
    if not used:
        observations = [_say(lang, "no_structure")]
    if behavioral:
        observations.append(
            _say(lang, "star_complete", complete=len(complete), behavioral=len(behavioral))
        )
    if missing:
        part, count = missing.most_common(1)[0]
        name = STAR_ZH.get(part, part) if lang == "zh" else part
        observations.append(
            _say(lang, "star_missing", part=name, count=count, behavioral=len(behavioral))
        )
    if gaps:
        gap, count = gaps.most_common(1)[0]
        name = ARGUMENT_ZH.get(gap, gap) if lang == "zh" else gap
        observations.append(
            _say(lang, "argument_missing", part=name, count=count, others=len(others))
        )
    example = _strong_example(used, lang)
    if example:
        observations.append(example)
    return _result(
        "structure",
        score,
        observations,
        lang,
        {
            "formula": "mean of the stored structure scores: behavioral answers scored on "
            "STAR parts, the others on claim–reasons–example (weights per part)",
            "signals": {
                "mean_structure": score,
                "behavioral_answers": len(behavioral),
                "star_complete": len(complete),
                "missing_star_parts": dict(missing),
                "other_answers": len(others),
                "missing_argument_parts": dict(gaps),
            },
            "weights": {
                "star": dict(analysis_structure.STAR_WEIGHTS),
                "argument": dict(analysis_structure.ARGUMENT_WEIGHTS),
            },
            "answers": [r.position for r in used],
        },
    )


def _star_told(record: AnswerRecord) -> bool:
    return all(evidence_after(record, "structure", f"{part}:") for part in STAR_ZH)


def _strong_example(records: list[AnswerRecord], lang: str) -> str | None:
    if not records:
        return None
    best = max(records, key=lambda r: r.structure or 0.0)
    if (best.structure or 0.0) < STRONG_STRUCTURE:
        return None
    for part in ("Action", "Result", "Clear opening claim", "Reasons", "Example"):
        match = _QUOTED.search(evidence_after(best, "structure", f"{part}:") or "")
        if match:
            name = part.lower()
            if lang == "zh":
                name = STAR_ZH.get(part) or ARGUMENT_ZH[name]
            return _say(
                lang,
                "strong_example",
                question=question_label(best, lang),
                score=best.structure,
                part=name,
                quote=match.group(0),
            )
    return None
