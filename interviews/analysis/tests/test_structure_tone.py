"""Structure (STAR / claim-reasons-example), confidence and sentiment."""

from __future__ import annotations

from interviews.analysis import analyse_answer

from .samples import (
    ANSWERS,
    UNSTRUCTURED_BEHAVIORAL_EN,
    UNSTRUCTURED_BEHAVIORAL_ZH,
    question,
)


def test_star_answer_scores_higher_on_structure_than_unstructured() -> None:
    q = question("en.teamwork.teammate-not-contributing")
    star = analyse_answer(q, ANSWERS["en.teamwork.teammate-not-contributing"][0])
    loose = analyse_answer(q, UNSTRUCTURED_BEHAVIORAL_EN)
    assert star.structure.value >= 80
    assert loose.structure.value <= 40
    evidence = "\n".join(star.structure.evidence)
    for part in ("Situation: “", "Task: “", "Action: “", "Result: “"):
        assert part in evidence
    assert any(e.startswith("Missing from STAR") for e in loose.structure.evidence)


def test_chinese_star_answer_scores_higher_on_structure() -> None:
    q = question("zh.teamwork.covered-for-teammate")
    star = analyse_answer(q, ANSWERS["zh.teamwork.covered-for-teammate"][0])
    loose = analyse_answer(q, UNSTRUCTURED_BEHAVIORAL_ZH)
    assert star.structure.value >= 80
    assert loose.structure.value < star.structure.value - 40


def test_technical_answer_with_reasons_and_example_is_better_structured() -> None:
    q = question("en.python.list-vs-tuple")
    argued = (
        "The key difference is mutability: lists can change in place and tuples cannot. "
        "First, because tuples are immutable and hashable, they can be dictionary keys. "
        "Second, they suit fixed records. For example, in my last project we used tuples "
        "of (lat, lon) as cache keys. In short, tuples for fixed shapes, lists for growth."
    )
    flat = "Lists and tuples. Lists change. Tuples do not."
    a = analyse_answer(q, argued)
    b = analyse_answer(q, flat)
    assert a.structure.value >= 90
    assert b.structure.value < a.structure.value - 40


def test_hedging_lowers_confidence() -> None:
    q = question("en.python.list-vs-tuple")
    assertive = ANSWERS["en.python.list-vs-tuple"][0]
    hedged = (
        "I think maybe lists are mutable, probably, and tuples are perhaps immutable. I'm "
        "not sure, but I guess a tuple might be hashable so it could maybe be a dictionary "
        "key. Lists are kind of for collections that grow, I suppose."
    )
    a = analyse_answer(q, assertive)
    b = analyse_answer(q, hedged)
    assert b.confidence.value < a.confidence.value - 30
    evidence = "\n".join(b.confidence.evidence)
    assert "i think maybe" in evidence and "maybe" in evidence


def test_chinese_hedging_lowers_confidence() -> None:
    q = question("zh.python.decorators")
    hedged = (
        "装饰器大概是一个函数吧，可能是接收函数再返回函数，我也不太确定。functools.wraps 好像"
        "是保留元数据的，应该是这样，也许还有别的作用，我猜差不多就是这些。"
    )
    a = analyse_answer(q, ANSWERS["zh.python.decorators"][0])
    b = analyse_answer(q, hedged)
    assert b.confidence.value < a.confidence.value - 30
    assert any("可能" in e and "大概" in e for e in b.confidence.evidence)


def test_blaming_language_lowers_sentiment() -> None:
    q = question("en.teamwork.teammate-not-contributing")
    blaming = (
        "One guy on my team was lazy and honestly useless. It was his fault the release "
        "slipped and I told the manager it was not my problem. Working with him was a waste "
        "of time and I hated that project."
    )
    good = analyse_answer(q, ANSWERS["en.teamwork.teammate-not-contributing"][0])
    bad = analyse_answer(q, blaming)
    assert bad.sentiment.value < 30 < good.sentiment.value
    assert any("lazy" in e and "his fault" in e for e in bad.sentiment.evidence)
