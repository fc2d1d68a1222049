"""The ownership aspect: whether the stories say what the candidate did themselves.

Over the sentences of behavioral and situational answers, those with first-person
agency ("I decided", 我负责) against those about "we" or the team (我们) or in the
passive: ``20 + 80 × min(1, owned share ÷ 0.75)``. Neutral 60 without such answers; 40
when no sentence says who acted.
"""

from __future__ import annotations

from interviews.analysis import text

from .. import lexicons
from ..records import AnswerRecord
from .common import (
    NEUTRAL_SCORE,
    STORY_TYPES,
    AspectResult,
    _neutral,
    _quote,
    _result,
    _say,
    answer_language,
)

OWNERSHIP_FLOOR = 20.0
# Three sentences in four about your own actions earns full marks: a good story still
# shares credit and uses "we" for the team's context.
TARGET_OWNED_SHARE = 0.75
NO_ACTOR_SCORE = 40.0


def classify_sentence(sentence: str, lang: str) -> str | None:
    """ "owned", "diffuse", "passive", or None when it says nothing about who acted."""
    if text.find_phrases(sentence, lexicons.AGENCY[lang]):
        return "owned"
    if text.find_phrases(sentence, lexicons.DIFFUSE[lang]):
        return "diffuse"
    if lang == "en" and lexicons.PASSIVE_EN.search(sentence):
        return "passive"
    if lang == "zh" and text.find_phrases(sentence, lexicons.PASSIVE_ZH):
        return "passive"
    return None


def _ownership(records: list[AnswerRecord], lang: str) -> AspectResult:
    stories = [r for r in records if r.question_type in STORY_TYPES]
    if not stories:
        return _neutral("ownership", records, lang)
    found: dict[str, list[tuple[str, str]]] = {"owned": [], "diffuse": [], "passive": []}
    for r in stories:
        answer_lang = answer_language(r)
        for sentence in text.sentences(r.answer):
            kind = classify_sentence(sentence, answer_lang)
            if kind:
                found[kind].append((sentence, answer_lang))
    counts = {kind: len(sentences) for kind, sentences in found.items()}
    actors = sum(counts.values())
    share = counts["owned"] / actors if actors else None
    if share is None:
        score = NO_ACTOR_SCORE
    else:
        score = OWNERSHIP_FLOOR + (100 - OWNERSHIP_FLOOR) * min(1.0, share / TARGET_OWNED_SHARE)
    observations = [_say(lang, "ownership", stories=len(stories), **counts)]
    if share is None:
        observations.append(_say(lang, "no_actor"))
    elif share >= 0.5:
        observations.append(_say(lang, "owned_example", quote=_quote(found["owned"][0][0])))
    else:
        vague = found["diffuse"] or found["passive"]
        worst, _ = max(vague, key=lambda s: len(text.phrase_hits(s[0], lexicons.DIFFUSE[s[1]])))
        observations.append(_say(lang, "diffuse_example", quote=_quote(worst)))
    return _result(
        "ownership",
        score,
        observations,
        lang,
        {
            "formula": "floor + (100 − floor) × min(1, owned ÷ (owned + diffuse + passive) ÷ "
            "target_owned_share) over the sentences of behavioral and situational answers; "
            f"{NO_ACTOR_SCORE:.0f} when no sentence names who acted; neutral "
            f"{NEUTRAL_SCORE:.0f} without such answers",
            "signals": {
                "owned_sentences": counts["owned"],
                "diffuse_sentences": counts["diffuse"],
                "passive_sentences": counts["passive"],
                "owned_share": None if share is None else round(share, 2),
            },
            "weights": {"floor": OWNERSHIP_FLOOR, "target_owned_share": TARGET_OWNED_SHARE},
            "answers": [r.position for r in stories],
        },
    )
