"""The collaboration aspect: working with others, as the stories tell it.

Per behavioral or situational answer, 40 + 12 per distinct cue of working with others
(up to +45) + 15 for a disagreement resolved constructively − 15 per blaming or
negative word (the analysis's tone evidence), clamped, then averaged. Neutral 60
without such answers.
"""

from __future__ import annotations

from collections import Counter

from interviews.analysis import text

from .. import lexicons
from ..records import AnswerRecord
from .common import (
    NEUTRAL_SCORE,
    STORY_TYPES,
    AspectResult,
    _mean,
    _neutral,
    _quote,
    _result,
    _say,
    answer_language,
    evidence_after,
    question_label,
    quoted,
    tally_counts,
)

COLLABORATION_BASE = 40.0
COLLABORATION_PER_CUE = 12.0
COLLABORATION_CUE_CAP = 45.0
CONSTRUCTIVE_CONFLICT_BONUS = 15.0
BLAME_COST = 15.0


def _clamp(value: float) -> float:
    return round(min(100.0, max(0.0, value)), 1)


def _collaboration(records: list[AnswerRecord], lang: str) -> AspectResult:
    stories = [r for r in records if r.question_type in STORY_TYPES]
    if not stories:
        return _neutral("collaboration", records, lang)
    cues: Counter[str] = Counter()
    blame: Counter[str] = Counter()
    scores: list[float] = []
    with_cues = 0
    constructive: list[tuple[AnswerRecord, str]] = []
    unresolved: list[AnswerRecord] = []
    for r in stories:
        answer_lang = answer_language(r)
        found = text.find_phrases(r.answer, lexicons.COLLABORATION[answer_lang])
        cues.update(found)
        with_cues += bool(found)
        blamed = tally_counts(evidence_after(r, "sentiment", "Negative or blaming words:"))
        blame.update(blamed)
        resolved = _resolving_sentence(r.answer, answer_lang)
        if resolved:
            constructive.append((r, resolved))
        elif text.find_phrases(r.answer, lexicons.CONFLICT[answer_lang]):
            unresolved.append(r)
        value = COLLABORATION_BASE + min(COLLABORATION_CUE_CAP, COLLABORATION_PER_CUE * len(found))
        value += CONSTRUCTIVE_CONFLICT_BONUS if resolved else 0.0
        scores.append(_clamp(value - BLAME_COST * sum(blamed.values())))
    observations = [
        _say(
            lang,
            "collaboration",
            with_cues=with_cues,
            stories=len(stories),
            quoted=quoted(cues, lang),
        )
        if with_cues
        else _say(lang, "no_collaboration")
    ]
    if constructive:
        r, sentence = constructive[0]
        observations.append(
            _say(lang, "constructive", question=question_label(r, lang), quote=_quote(sentence))
        )
    elif unresolved:
        observations.append(_say(lang, "unresolved", question=question_label(unresolved[0], lang)))
    if blame:
        observations.append(_say(lang, "blame", quoted=quoted(blame, lang)))
    return _result(
        "collaboration",
        _mean(scores),
        observations,
        lang,
        {
            "formula": "per answer: base + per_cue × distinct collaboration cues (at most "
            "cue_cap) + constructive_conflict when a disagreement is resolved + per_blame_word "
            "× blaming words, clamped to 0–100; mean over behavioral and situational answers; "
            f"neutral {NEUTRAL_SCORE:.0f} without such answers",
            "signals": {
                "collaboration_cues": dict(cues),
                "answers_with_cues": with_cues,
                "constructive_conflicts": len(constructive),
                "unresolved_conflicts": len(unresolved),
                "blame_words": dict(blame),
            },
            "weights": {
                "base": COLLABORATION_BASE,
                "per_cue": COLLABORATION_PER_CUE,
                "cue_cap": COLLABORATION_CUE_CAP,
                "constructive_conflict": CONSTRUCTIVE_CONFLICT_BONUS,
                "per_blame_word": -BLAME_COST,
            },
            "answers": [r.position for r in stories],
        },
    )


def _resolving_sentence(answer: str, lang: str) -> str | None:
    """The sentence that resolves a disagreement, when the answer has one."""
    if not text.find_phrases(answer, lexicons.CONFLICT[lang]):
        return None
    return next(
        (s for s in text.sentences(answer) if text.find_phrases(s, lexicons.RESOLUTION[lang])),
        None,
    )
