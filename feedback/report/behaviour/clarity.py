"""The clarity aspect: how easy the answers are to follow.

Per answer, a weighted mean of fits in 0..1: length against a comfortable band (60–260
English words, 100–450 Chinese characters) 0.25, filler rate per 100 words 0.25 (0 at
``FILLER_RATE_ZERO``), share of very long sentences (over 40 words / 80 characters) 0.2,
and for spoken answers pace against 120–170 words or 180–300 characters per minute 0.2
and long pauses 0.1 (typed answers are weighed without those two); ×100, averaged over
the answers.
"""

from __future__ import annotations

from collections import Counter
from statistics import mean

from interviews.analysis import text

from ..records import AnswerRecord
from .common import (
    AspectResult,
    _mean,
    _quote,
    _result,
    _say,
    answer_language,
    fillers,
    number,
    quoted,
    spoken,
    unit,
)

# Comfortable answer length: English words, Chinese characters (about 1.7 per word).
COMFORTABLE_LENGTH = {"en": (60, 260), "zh": (100, 450)}
# Comfortable speaking pace (words or characters per minute); narrower than the
# analysis's delivery band, which only flags clearly fast or slow speech.
COMFORTABLE_PACE = {"en": (120.0, 170.0), "zh": (180.0, 300.0)}
# A sentence longer than this is hard to follow when heard once.
LONG_SENTENCE = {"en": 40, "zh": 80}
# Fillers per 100 words at which the filler fit reaches 0; Chinese counts per
# character, so the same habit gives a lower rate.
FILLER_RATE_ZERO = {"en": 6.0, "zh": 4.0}
# Long pauses (over 2 s) in one answer at which the pause fit reaches 0.
PAUSES_ZERO = 4
CLARITY_WEIGHTS = {
    "length": 0.25,
    "fillers": 0.25,
    "long_sentences": 0.2,
    "pace": 0.2,
    "pauses": 0.1,
}


def _fit(value: float, low: float, high: float, slope: float = 1.0) -> float:
    """1 inside [low, high], falling linearly outside (0 at 1/slope times the edge away)."""
    if value < low:
        return max(0.0, 1 - (low - value) / low * slope)
    if value > high:
        return max(0.0, 1 - (value - high) / high * slope)
    return 1.0


def judged_sentences(record: AnswerRecord) -> list[str]:
    """The sentences whose length clarity judges: none for an unpunctuated transcript,
    which is one endless "sentence" that says nothing about how the candidate spoke."""
    sentences = text.sentences(record.answer)
    return [] if spoken(record) and len(sentences) == 1 else sentences


def clarity_fits(record: AnswerRecord) -> tuple[dict[str, float], dict[str, float]]:
    """(fits in 0..1 keyed as ``CLARITY_WEIGHTS``, the raw measures behind them)."""
    lang = answer_language(record)
    words = text.word_count(record.answer)
    filler_count = number(record, "filler_count") or 0.0
    rate = filler_count * 100 / max(words, 1)
    raw = {"words": float(words), "fillers": filler_count}
    fits = {
        "length": _fit(words, *COMFORTABLE_LENGTH[lang]),
        "fillers": max(0.0, 1 - rate / FILLER_RATE_ZERO[lang]),
    }
    sentences = judged_sentences(record)
    if sentences:
        long = [s for s in sentences if text.word_count(s) > LONG_SENTENCE[lang]]
        raw["long_sentences"] = float(len(long))
        fits["long_sentences"] = max(0.0, 1 - 2 * len(long) / len(sentences))
    wpm = number(record, "words_per_minute")
    if wpm is not None:
        raw["words_per_minute"] = wpm
        fits["pace"] = _fit(wpm, *COMFORTABLE_PACE[lang], slope=2.0)
    if spoken(record):
        raw["long_pauses"] = number(record, "long_pauses") or 0.0
        fits["pauses"] = max(0.0, 1 - raw["long_pauses"] / PAUSES_ZERO)
    return fits, raw


def _clarity(records: list[AnswerRecord], lang: str) -> AspectResult:
    measured = [(r, *clarity_fits(r)) for r in records]
    score = _mean(
        100
        * sum(CLARITY_WEIGHTS[k] * v for k, v in fits.items())
        / sum(CLARITY_WEIGHTS[k] for k in fits)
        for _, fits, _ in measured
    )
    short = sum(raw["words"] < COMFORTABLE_LENGTH[answer_language(r)][0] for r, _, raw in measured)
    long = sum(raw["words"] > COMFORTABLE_LENGTH[answer_language(r)][1] for r, _, raw in measured)
    main = Counter(answer_language(r) for r in records).most_common(1)[0][0]
    extra = (_say(lang, "too_short", n=short) if short else "") + (
        _say(lang, "too_long", n=long) if long else ""
    )
    low, high = COMFORTABLE_LENGTH[main]
    observations = [
        _say(
            lang,
            "length",
            inside=len(records) - short - long,
            total=len(records),
            low=low,
            high=high,
            unit=unit(main, lang),
            extra=extra,
        )
    ]
    total_words = sum(raw["words"] for _, _, raw in measured)
    total_fillers = sum(raw["fillers"] for _, _, raw in measured)
    rate = total_fillers * 100 / max(total_words, 1)
    filler_words: Counter[str] = Counter()
    for r in records:
        filler_words.update(fillers(r))
    if total_fillers:
        most = _say(lang, "fillers_most", quoted=quoted(filler_words, lang)) if filler_words else ""
        observations.append(_say(lang, "fillers", n=total_fillers, rate=rate, most=most))
    paces: dict[str, list[float]] = {}
    for r, _, raw in measured:
        if "words_per_minute" in raw:
            paces.setdefault(answer_language(r), []).append(raw["words_per_minute"])
    for answer_lang, values in sorted(paces.items()):
        pace = mean(values)
        low_pace, high_pace = COMFORTABLE_PACE[answer_lang]
        verdict = "fast" if pace > high_pace else "slow" if pace < low_pace else "comfortable"
        observations.append(
            _say(
                lang,
                "pace",
                pace=pace,
                unit=unit(answer_lang, lang),
                verdict=_say(lang, verdict),
                low=low_pace,
                high=high_pace,
            )
        )
    pauses = sum(raw.get("long_pauses", 0.0) for _, _, raw in measured)
    if pauses:
        observations.append(_say(lang, "pauses", n=pauses))
    longest = _long_sentences(records, lang)
    if longest:
        observations.append(longest)
    all_paces = [p for values in paces.values() for p in values]
    return _result(
        "clarity",
        score,
        observations,
        lang,
        {
            "formula": "per answer: 100 × Σ(weight × fit) ÷ Σ weight over the fits that apply "
            "(pace and pauses only for spoken answers), each fit 0..1; mean over the answers",
            "signals": {
                "mean_words": _mean(raw["words"] for _, _, raw in measured),
                "answers_too_short": short,
                "answers_too_long": long,
                "fillers": total_fillers,
                "filler_rate_per_100_words": round(rate, 2),
                "mean_words_per_minute": _mean(all_paces) if all_paces else None,
                "long_pauses": pauses,
                "long_sentences": sum(raw.get("long_sentences", 0.0) for _, _, raw in measured),
                **{
                    f"{name}_fit": round(_mean(f[name] for _, f, _ in measured if name in f), 2)
                    for name in CLARITY_WEIGHTS
                },
            },
            "weights": dict(CLARITY_WEIGHTS),
            "answers": [r.position for r in records],
        },
    )


def _long_sentences(records: list[AnswerRecord], lang: str) -> str | None:
    long = [
        (text.word_count(s), s, answer_language(r))
        for r in records
        for s in judged_sentences(r)
        if text.word_count(s) > LONG_SENTENCE[answer_language(r)]
    ]
    if not long:
        return None
    _, sentence, answer_lang = max(long)
    return _say(
        lang,
        "long_sentences",
        n=len(long),
        limit=LONG_SENTENCE[answer_lang],
        unit=unit(answer_lang, lang),
        quote=_quote(sentence),
    )
