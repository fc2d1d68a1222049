"""Curated coaching advice by topic and score band, from ``data/advice.json``.

The file is read and validated once per process (per path): every topic in ``TOPICS``
must have every band in ``BANDS`` with at least ``MIN_ITEMS`` strings in each language,
or loading raises ``ValueError`` naming the gap. See ``data/README.md`` for editing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

ADVICE_PATH = Path(__file__).resolve().parent / "data" / "advice.json"

TOPICS = (
    # behavioural aspects (behaviour.ASPECTS)
    "structure",
    "clarity",
    "confidence",
    "ownership",
    "collaboration",
    # report dimensions
    "technical",
    "communication",
    "problem_solving",
    "confidence_dimension",
    # answer-level topics
    "relevance",
    "accuracy",
    "star",
    "argument",
    "delivery",
)
BANDS = ("low", "mid", "high")
LANGUAGES = ("en", "zh")
# Below MID_FROM a score is "low", from HIGH_FROM it is a strength to keep.
MID_FROM = 50.0
HIGH_FROM = 75.0
# Enough items that two shown per band still leave the editor room to reorder.
MIN_ITEMS = 3

# topic → band → language → items, read-only.
AdviceTable = Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]]


def band(score: float) -> str:
    """ "low" below 50, "mid" for 50–74, "high" from 75."""
    if score < MID_FROM:
        return "low"
    if score < HIGH_FROM:
        return "mid"
    return "high"


def report_language(language: str) -> str:
    """ "zh" for any Chinese locale ("zh", "zh-hans", "zh_CN"), otherwise "en"."""
    return "zh" if language.lower().startswith("zh") else "en"


@cache
def load_advice(path: Path = ADVICE_PATH) -> AdviceTable:
    """The validated advice table in ``path``, read-only and cached per path."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError(f"{path.name}: expected an object of topics")
    table: dict[str, Mapping[str, Mapping[str, tuple[str, ...]]]] = {}
    missing_topics = [t for t in TOPICS if t not in raw]
    if missing_topics:
        raise ValueError(f"{path.name}: missing topic(s) {', '.join(missing_topics)}")
    for topic, bands in raw.items():
        table[topic] = MappingProxyType(_validated_bands(path.name, topic, bands))
    return MappingProxyType(table)


def _validated_bands(name: str, topic: str, bands: Any) -> dict[str, Mapping[str, tuple[str, ...]]]:
    if not isinstance(bands, dict):
        raise ValueError(f"{name}: topic {topic!r} must map bands to languages")
    result: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for band_name in BANDS:
        languages = bands.get(band_name)
        if not isinstance(languages, dict):
            raise ValueError(f"{name}: topic {topic!r} is missing band {band_name!r}")
        items: dict[str, tuple[str, ...]] = {}
        for language in LANGUAGES:
            texts = languages.get(language)
            where = f"{name}: topic {topic!r} band {band_name!r} language {language!r}"
            if not isinstance(texts, list):
                raise ValueError(f"{where} is missing")
            usable = [t.strip() for t in texts if isinstance(t, str) and t.strip()]
            if len(usable) != len(texts):
                raise ValueError(f"{where} has an empty or non-text item")
            if len(usable) < MIN_ITEMS:
                raise ValueError(f"{where} has {len(usable)} item(s); at least {MIN_ITEMS} needed")
            items[language] = tuple(usable)
        result[band_name] = MappingProxyType(items)
    return result


def advice(topic: str, score: float, language: str, limit: int = 2) -> list[str]:
    """The first ``limit`` items for ``topic`` in the band of ``score``.

    Deterministic on purpose: a report regenerated from the same scores says the same
    thing. An unknown topic raises ``KeyError``.
    """
    table = load_advice(ADVICE_PATH)  # the module global, so tests can point it elsewhere
    if topic not in table:
        raise KeyError(f"no advice for topic {topic!r}")
    items = table[topic][band(score)][report_language(language)]
    return list(items[: max(0, limit)])
