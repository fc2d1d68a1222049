"""Behavioural aspects from hand-written answers, scored by the real phrase-based analysis.

The records carry the evidence the answer analysis really writes (structure, tone and
delivery run here; they need no model), so a change to its evidence format breaks
these tests instead of silently emptying the report.
"""

from __future__ import annotations

from typing import Any

from feedback.report.advice import advice
from feedback.report.behaviour import ASPECTS, NEUTRAL_SCORE, AspectResult, analyse_behaviour
from feedback.report.records import AnswerRecord
from interviews.analysis import delivery, structure, text, tone


def make_record(
    answer: str,
    *,
    position: int = 0,
    question_type: str = "behavioral",
    question: str = "Tell me about a time you improved something at work.",
    wpm: float | None = None,
    long_pauses: int = 0,
    analysed: bool = True,
    **fields: Any,
) -> AnswerRecord:
    """An answer analysed as ``interviews.analysis`` does, bar relevance and accuracy
    (which need the embedding model and are set from ``fields`` or to 70)."""
    lang = "zh" if text.is_chinese(answer) else "en"
    duration = text.word_count(answer) * 60 / wpm if wpm else None
    spoken = delivery.analyse_delivery(answer, lang, None, duration)
    parts = {
        "structure": structure.analyse_structure(answer, question_type, lang),
        "sentiment": tone.analyse_sentiment(answer, lang),
        "confidence": tone.analyse_confidence(answer, lang),
    }
    evidence: dict[str, Any] = {name: list(s.evidence) for name, s in parts.items()}
    if spoken.score is not None:
        evidence["delivery"] = list(spoken.score.evidence)
    evidence.update(
        words_per_minute=spoken.words_per_minute,
        filler_count=len(spoken.fillers),
        long_pauses=long_pauses,
    )
    scores: dict[str, Any] = {name: s.value for name, s in parts.items()}
    delivery_score = spoken.score.value if spoken.score else None
    values = {"relevance": 70.0, "accuracy": 70.0, **fields}
    overall = (values["relevance"] + values["accuracy"] + scores["structure"]) / 3
    return AnswerRecord(
        position=position,
        question=question,
        question_type=question_type,
        difficulty="medium",
        skill="",
        language=fields.pop("language", lang),
        answer=answer,
        input_mode="audio" if wpm else "text",
        delivery=delivery_score,
        overall=round(overall, 1) if analysed else None,
        evidence=evidence,
        **scores,
        **{k: v for k, v in values.items() if k != "language"},
    )


def by_aspect(results: list[AspectResult]) -> dict[str, AspectResult]:
    return {r.aspect: r for r in results}


STRONG_EN = (
    "Last year at my previous company our checkout service kept timing out during sales. "
    "I was responsible for its reliability, so fixing it was my job. "
    "I decided to profile the slowest endpoints first and found an unindexed query. "
    "I led a two-day fix with one teammate, and I set up alerts on the p95 latency. "
    "As a result, timeouts dropped by 80% and the next sale ran without incident. "
    "I learned to load-test before every big campaign.",
    "In my last role the release process took a full day and blocked the team every Friday. "
    "My task was to cut it to under an hour without adding risk. "
    "I proposed automating the manual checks, and I built the new pipeline in two sprints. "
    "I decided to roll it out to one service first so we could compare. "
    "In the end releases took 40 minutes and we shipped twice as often. "
    "Looking back, I would involve QA even earlier.",
)
VAGUE_EN = (
    "We kind of did things to fix the service. It was sort of slow, maybe. "
    "Things were changed and it got better, I guess.",
    "Our team worked on the release stuff. We maybe automated some parts of it. "
    "It was kind of okay in the end, probably.",
)


def test_strong_star_stories_beat_vague_ones_on_structure_and_ownership() -> None:
    strong = by_aspect(
        analyse_behaviour([make_record(a, position=i) for i, a in enumerate(STRONG_EN)], "en")
    )
    vague = by_aspect(
        analyse_behaviour([make_record(a, position=i) for i, a in enumerate(VAGUE_EN)], "en")
    )
    assert strong["structure"].score >= vague["structure"].score + 30
    assert strong["ownership"].score >= 75
    assert vague["ownership"].score <= 40
    assert strong["ownership"].derivation["signals"]["owned_sentences"] >= 6
    assert vague["ownership"].derivation["signals"]["owned_sentences"] == 0
    # Ownership quotes an "I …" sentence for the strong stories, a "we" one for the vague.
    assert "“I " in strong["ownership"].observations[-1]
    assert (
        "“We" in vague["ownership"].observations[-1]
        or "“Our" in vague["ownership"].observations[-1]
    )


def test_structure_observations_count_star_and_name_the_missing_part() -> None:
    records = [make_record(a, position=i) for i, a in enumerate((*STRONG_EN, *VAGUE_EN))]
    result = by_aspect(analyse_behaviour(records, "en"))["structure"]
    joined = "\n".join(result.observations)
    assert "judged against STAR" in joined
    assert "2 of 4 behavioral answer(s) covered all four STAR parts" in joined
    assert "missing most often was" in joined
    assert "Best structured:" in joined and "“" in joined
    assert result.derivation["signals"]["star_complete"] == 2
    assert result.score == round(sum(r.structure or 0 for r in records) / 4, 1)


def test_hedging_lowers_confidence_and_the_hedge_is_quoted() -> None:
    hedged = (
        "I think maybe the cache was the problem, but I'm not sure. Maybe we could have "
        "added an index, I guess, or maybe sharded the table. It was probably the query, "
        "maybe. I suppose the fix kind of worked.",
    )
    plain = (
        "The cache was the problem: every request missed it after a deploy. I added an index "
        "to the query and warmed the cache on startup. Latency fell from 900 ms to 120 ms.",
    )
    weak = by_aspect(analyse_behaviour([make_record(hedged[0], question_type="technical")], "en"))
    firm = by_aspect(analyse_behaviour([make_record(plain[0], question_type="technical")], "en"))
    assert weak["confidence"].score < firm["confidence"].score - 20
    assert "“maybe” ×" in weak["confidence"].observations[0]
    assert weak["confidence"].derivation["signals"]["hedge_phrases"]["maybe"] >= 3
    assert firm["confidence"].observations[0] == "No hedging in any answer."
    assert weak["confidence"].recommendations == advice(
        "confidence", weak["confidence"].score, "en"
    )


CLEAN_SPOKEN = (
    "The main risk was the database migration, so I planned it in three steps. First I "
    "copied the data to a new table while the old one stayed live. Then I switched reads "
    "over behind a flag and compared the results for a week. Finally I moved the writes "
    "and dropped the old table, with no downtime for our users."
)
FILLER_SPOKEN = (
    "Um, so the main risk was, like, the database migration, you know. Uh, I planned it "
    "in, um, three steps, basically. Um, first I copied the data, uh, to a new table. "
    "Then, like, I switched reads over, you know, behind a flag, um, and compared results. "
    "Uh, finally I moved the writes, basically, and dropped the old table, um, yeah."
)


def test_filler_heavy_fast_answers_are_less_clear_than_clean_ones() -> None:
    clean = make_record(CLEAN_SPOKEN, question_type="technical", wpm=150)
    messy = make_record(FILLER_SPOKEN, question_type="technical", wpm=215, long_pauses=3)
    clean_result = by_aspect(analyse_behaviour([clean], "en"))["clarity"]
    messy_result = by_aspect(analyse_behaviour([messy], "en"))["clarity"]
    assert messy_result.score < clean_result.score - 25
    joined = "\n".join(messy_result.observations)
    assert "filler word(s)" in joined and "“um” ×" in joined
    assert "too fast (comfortable 120–170)" in joined
    assert "3 long pause(s)" in joined
    assert messy_result.derivation["signals"]["filler_rate_per_100_words"] > 10
    assert set(messy_result.derivation["weights"]) == {
        "length",
        "fillers",
        "long_sentences",
        "pace",
        "pauses",
    }
    assert "too fast" not in "\n".join(clean_result.observations)


def test_very_long_sentences_lower_clarity_and_are_quoted() -> None:
    run_on = " ".join(["and then we looked at the logs again"] * 8) + "."
    tidy = (
        "We looked at the logs. The error came from the payment client. It retried without a "
        "backoff, so it flooded the gateway. I added exponential backoff and a circuit breaker. "
        "Errors stopped within the hour, and the gateway team confirmed the load had dropped. "
        "I also added a dashboard so the next spike is visible in minutes."
    )
    long_result = by_aspect(
        analyse_behaviour([make_record(run_on, question_type="technical")], "en")
    )
    tidy_result = by_aspect(analyse_behaviour([make_record(tidy, question_type="technical")], "en"))
    assert long_result["clarity"].score < tidy_result["clarity"].score
    assert any("very long sentence" in o for o in long_result["clarity"].observations)


def test_collaboration_cues_raise_collaboration_and_blame_lowers_it() -> None:
    together = make_record(
        "Last year our team disagreed with the design team about the new onboarding flow. "
        "I set up a meeting with the product manager and two colleagues to hear both sides. "
        "We listened to their concerns, found common ground on a smaller first release, and "
        "agreed to test both versions. As a result, sign-ups rose by 12% and both teams "
        "reviewed the results together."
    )
    alone = make_record(
        "Last year the onboarding flow was slow. I rewrote the form validation and moved "
        "the address lookup to the server. As a result, sign-ups rose by 12%."
    )
    blaming = make_record(
        "Last year the onboarding flow was slow because the designers were lazy and useless. "
        "It was their fault, so I rewrote the form myself. As a result, sign-ups rose by 12%."
    )
    scores = {
        name: by_aspect(analyse_behaviour([record], "en"))["collaboration"]
        for name, record in (("together", together), ("alone", alone), ("blaming", blaming))
    }
    assert scores["together"].score >= scores["alone"].score + 30
    assert scores["blaming"].score < scores["alone"].score
    assert "disagreement handled constructively" in "\n".join(scores["together"].observations)
    assert "“lazy”" in scores["blaming"].observations[-1]
    assert scores["blaming"].derivation["signals"]["blame_words"]["lazy"] == 1


def test_technical_only_session_is_neutral_on_ownership_and_collaboration() -> None:
    records = [
        make_record(CLEAN_SPOKEN, position=0, question_type="technical"),
        make_record(STRONG_EN[0], position=1, question_type="technical"),
    ]
    results = by_aspect(analyse_behaviour(records, "en"))
    for aspect in ("ownership", "collaboration"):
        result = results[aspect]
        assert result.score == NEUTRAL_SCORE == 60
        assert "No behavioral or situational question was answered" in result.observations[0]
        assert result.derivation["answers"] == []
        assert result.recommendations == advice(aspect, 60, "en")
    assert results["structure"].derivation["signals"]["behavioral_answers"] == 0


CHINESE_STAR = (
    "去年我们组上线支付功能的时候，负责联调的同事突然请假，进度眼看要延误。"
    "当时我负责报表模块，同时也要保证支付按时交付。"
    "我决定先和他确认还剩哪些接口没联调，然后找组长对齐了优先级。"
    "我主动把联调接了过来，并和测试同事一起每天同步进度。"
    "最后支付功能按时上线，报表只晚了两天。这件事让我体会到，补位之前先沟通清楚很重要。"
)
CHINESE_VAGUE = "我们当时大概做了一些优化吧。大家一起弄了一下，可能好像就好了。问题最后被解决了。"


def test_chinese_answers_use_chinese_cues_and_a_chinese_report() -> None:
    strong = by_aspect(analyse_behaviour([make_record(CHINESE_STAR)], "zh"))
    vague = by_aspect(analyse_behaviour([make_record(CHINESE_VAGUE)], "zh"))
    assert strong["ownership"].derivation["signals"]["owned_sentences"] >= 3
    assert strong["ownership"].score > vague["ownership"].score + 30
    assert strong["collaboration"].score > vague["collaboration"].score
    assert "同事" in strong["collaboration"].derivation["signals"]["collaboration_cues"]
    assert vague["confidence"].score < strong["confidence"].score
    assert (
        "“大概”" in vague["confidence"].observations[0]
        or "“可能”" in vague["confidence"].observations[0]
    )
    for result in (*strong.values(), *vague.values()):
        assert result.observations
        assert all(text.is_chinese(o) for o in result.observations), result.observations
        assert all(text.is_chinese(r) for r in result.recommendations)


def test_chinese_answer_is_read_with_chinese_cues_whatever_its_language_field() -> None:
    record = make_record(CHINESE_STAR, language="en")
    result = by_aspect(analyse_behaviour([record], "en"))
    assert result["ownership"].derivation["signals"]["owned_sentences"] >= 3
    assert result["ownership"].observations[0].startswith("In 1 behavioral")


def test_derivation_lists_the_positions_used_and_skips_unanalysed_answers() -> None:
    records = [
        make_record(STRONG_EN[0], position=0),
        make_record(CLEAN_SPOKEN, position=2, question_type="technical"),
        make_record(STRONG_EN[1], position=3, analysed=False),
        make_record(VAGUE_EN[0], position=5, question_type="situational"),
    ]
    results = analyse_behaviour(records, "en")
    assert [r.aspect for r in results] == list(ASPECTS)
    aspects = by_aspect(results)
    assert aspects["clarity"].derivation["answers"] == [0, 2, 5]
    assert aspects["structure"].derivation["answers"] == [0, 2, 5]
    assert aspects["ownership"].derivation["answers"] == [0, 5]
    assert aspects["collaboration"].derivation["answers"] == [0, 5]
    for result in results:
        assert set(result.derivation) == {"formula", "signals", "weights", "answers"}
        assert result.derivation["formula"]
        assert 0 <= result.score <= 100


def test_no_analysed_answer_gives_no_aspects() -> None:
    assert analyse_behaviour([], "en") == []
    assert analyse_behaviour([make_record(STRONG_EN[0], analysed=False)], "zh") == []
