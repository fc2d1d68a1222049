"""Answer structure: STAR for behavioral answers, claim–reasons–example for the rest.

Cue phrases per sentence rather than a classifier: the sentence that showed a part is
quoted back to the candidate, and a missing part is named, which is the feedback that
helps them restructure the next answer.
"""

from __future__ import annotations

import re

from . import lexicons, text
from .payloads import Score

# Weights of the STAR parts: the action and the result are what interviewers probe most;
# a reflection is a bonus most rubrics in the bank ask for.
STAR_WEIGHTS = {"situation": 20, "task": 15, "action": 30, "result": 25, "reflection": 10}
STAR_LABELS = {
    "situation": "Situation",
    "task": "Task",
    "action": "Action",
    "result": "Result",
    "reflection": "Reflection",
}
# Parts told out of order (result before situation…) are harder to follow.
OUT_OF_ORDER_PENALTY = 10
ARGUMENT_WEIGHTS = {"claim": 30, "reasons": 25, "example": 25, "organisation": 20}
ARGUMENT_LABELS = {
    "claim": "Clear opening claim",
    "reasons": "Reasons",
    "example": "Example",
    "organisation": "Signposting",
}
# A claim is a direct opening statement of at least this many words, without a hedge.
MIN_CLAIM_WORDS = 5
# A "structure" needs room: answers shorter than this many sentences are capped.
MIN_SENTENCES = 3
SHORT_ANSWER_CAP = 40.0
# Numbers and percentages are the strongest sign of a concrete result.
_MEASURED = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent|x\b|倍|个百分点|天|周|小时|ms|秒)")


def _first_match(sentences: list[str], cues: tuple[str, ...], start: int = 0) -> int | None:
    for i in range(start, len(sentences)):
        if text.find_phrases(sentences[i], cues):
            return i
    return None


def star_structure(answer: str, language: str) -> Score:
    sentences = text.sentences(answer)
    cues = lexicons.STAR_CUES[language]
    found: dict[str, int] = {}
    for part in STAR_WEIGHTS:
        # Result and reflection cues ("上线", "finally") also occur in the set-up, so
        # look for them after the action first.
        start = found.get("action", -1) + 1 if part in ("result", "reflection") else 0
        index = _first_match(sentences, cues[part], start)
        if index is None and part == "result":
            index = next((i for i, s in enumerate(sentences) if _MEASURED.search(s)), None)
        if index is None and start:
            index = _first_match(sentences, cues[part])
        if index is not None:
            found[part] = index

    value = float(sum(STAR_WEIGHTS[p] for p in found))
    evidence = [f"{STAR_LABELS[p]}: {text.quote(sentences[i])}" for p, i in found.items()]
    missing = [STAR_LABELS[p] for p in STAR_WEIGHTS if p not in found and p != "reflection"]
    if missing:
        evidence.append("Missing from STAR: " + ", ".join(missing))
    order = [found[p] for p in ("situation", "action", "result") if p in found]
    if order != sorted(order):
        value -= OUT_OF_ORDER_PENALTY
        evidence.append("The story is told out of order (situation → action → result).")
    return _cap_short(Score(max(0.0, value), evidence), sentences)


def argument_structure(answer: str, language: str) -> Score:
    sentences = text.sentences(answer)
    cues = lexicons.ARGUMENT_CUES[language]
    found: dict[str, int] = {}
    opening = sentences[0] if sentences else ""
    if text.word_count(opening) >= MIN_CLAIM_WORDS and not text.find_phrases(
        opening, lexicons.HEDGES[language]
    ):
        found["claim"] = 0
    for part in ("reasons", "example"):
        index = _first_match(sentences, cues[part])
        if index is not None:
            found[part] = index
    markers = text.find_phrases(answer, cues["organisation"])
    if len(markers) >= 2:
        found["organisation"] = -1

    value = float(sum(ARGUMENT_WEIGHTS[p] for p in found))
    evidence: list[str] = []
    for part, index in found.items():
        if part == "organisation":
            evidence.append(f"{ARGUMENT_LABELS[part]}: " + ", ".join(f"“{m}”" for m in markers))
        else:
            evidence.append(f"{ARGUMENT_LABELS[part]}: {text.quote(sentences[index])}")
    missing = [ARGUMENT_LABELS[p] for p in ARGUMENT_WEIGHTS if p not in found]
    if missing:
        evidence.append("Could be clearer with: " + ", ".join(missing).lower())
    return _cap_short(Score(value, evidence), sentences)


def _cap_short(score: Score, sentences: list[str]) -> Score:
    if len(sentences) < MIN_SENTENCES and score.value > SHORT_ANSWER_CAP:
        score.value = SHORT_ANSWER_CAP
        score.evidence.append(f"Only {len(sentences)} sentence(s): too short to show a structure.")
    return score


def analyse_structure(answer: str, question_type: str, language: str) -> Score:
    if question_type == "behavioral":
        return star_structure(answer, language)
    return argument_structure(answer, language)
