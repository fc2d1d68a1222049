"""Behavioural aspects of a whole mock interview, each scored 0..100 with its reasons.

Only analysed answers count (``overall`` set); a session without any gets no aspects.
Observations and recommendations are in the report language; quoted answer text stays
in the language it was given in. Each answer is read with the English or Chinese cue
lists according to its own language (``answer_language``).

One module per aspect, whose docstring says how it is scored:

- **structure** (``structure.py``): the mean of the stored STAR or
  claim–reasons–example scores.
- **clarity** (``clarity.py``): length, fillers, long sentences and, for spoken
  answers, pace and pauses, each fitted to a comfortable band and weighted.
- **confidence** (``confidence.py``): the mean of the stored confidence scores.
- **ownership** (``ownership.py``): the share of story sentences with first-person
  agency.
- **collaboration** (``collaboration.py``): cues of working with others, constructive
  disagreement and blame in the stories.

``common.py`` holds what they share: the phrase table, the evidence readers (also
used by ``questions.py``) and the building of an ``AspectResult``.

Each ``AspectResult.derivation`` states this in data: ``formula``, ``signals``,
``weights`` and ``answers`` (the positions used).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..advice import report_language
from ..records import AnswerRecord
from .clarity import COMFORTABLE_LENGTH, COMFORTABLE_PACE, FILLER_RATE_ZERO, _clarity
from .collaboration import _collaboration
from .common import (
    ASPECTS,
    NEUTRAL_SCORE,
    STAR_ZH,
    AspectResult,
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
from .confidence import _confidence
from .ownership import _ownership
from .structure import _structure

__all__ = [
    "ASPECTS",
    "COMFORTABLE_LENGTH",
    "COMFORTABLE_PACE",
    "FILLER_RATE_ZERO",
    "NEUTRAL_SCORE",
    "STAR_ZH",
    "AspectResult",
    "analyse_behaviour",
    "answer_language",
    "evidence_after",
    "fillers",
    "hedges",
    "localise",
    "missing_star_parts",
    "number",
    "quoted",
    "spoken",
    "unit",
]


def analyse_behaviour(records: Sequence[AnswerRecord], language: str) -> list[AspectResult]:
    """One result per aspect in ``ASPECTS`` order; empty when no answer was analysed."""
    used = [r for r in records if r.analysed]
    if not used:
        return []
    lang = report_language(language)
    scorers: dict[str, Callable[[list[AnswerRecord], str], AspectResult]] = {
        "structure": _structure,
        "clarity": _clarity,
        "confidence": _confidence,
        "ownership": _ownership,
        "collaboration": _collaboration,
    }
    return [scorers[aspect](used, lang) for aspect in ASPECTS]
