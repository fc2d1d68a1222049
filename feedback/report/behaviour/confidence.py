"""The confidence aspect: the mean of the stored ``confidence`` scores (hedges per 100
words against assertive phrasing), with the hedges and assertive phrases quoted.
"""

from __future__ import annotations

from collections import Counter

from interviews.analysis import tone

from ..records import AnswerRecord
from .common import (
    NEUTRAL_SCORE,
    AspectResult,
    _mean,
    _result,
    _say,
    as_written,
    evidence_after,
    hedges,
    quoted,
    tally_counts,
)


def _confidence(records: list[AnswerRecord], lang: str) -> AspectResult:
    used = [r for r in records if r.confidence is not None]
    score = _mean(r.confidence or 0.0 for r in used) if used else NEUTRAL_SCORE
    hedge_counts: Counter[str] = Counter()
    assertive: Counter[str] = Counter()
    hedging = 0
    for r in used:
        found = hedges(r)
        hedging += bool(found)
        hedge_counts.update(found)
        phrases = tally_counts(evidence_after(r, "confidence", "Assertive phrasing:"))
        assertive.update({as_written(p, r.answer): n for p, n in phrases.items()})
    total = sum(hedge_counts.values())
    if total:
        observations = [
            _say(
                lang,
                "hedges",
                total=total,
                hedging=hedging,
                answers=len(used),
                quoted=quoted(hedge_counts, lang),
            )
        ]
    else:
        observations = [_say(lang, "no_hedges")]
    if assertive:
        observations.append(_say(lang, "assertive", quoted=quoted(assertive, lang)))
    return _result(
        "confidence",
        score,
        observations,
        lang,
        {
            "formula": "mean of the stored confidence scores: each starts at base, loses "
            "hedge_rate_cost per hedge per 100 words and gains assertive_step per assertive "
            "phrase (up to 5)",
            "signals": {
                "mean_confidence": score,
                "hedges": total,
                "hedge_phrases": dict(hedge_counts),
                "assertive_phrases": dict(assertive),
            },
            "weights": {
                "base": tone.BASE_CONFIDENCE,
                "hedge_rate_cost": tone.HEDGE_RATE_COST,
                "assertive_step": tone.ASSERTIVE_STEP,
            },
            "answers": [r.position for r in used],
        },
    )
