"""Delivery of spoken answers: fillers, pace and long pauses from word timestamps."""

from __future__ import annotations

from interviews.analysis import SpokenWord, analyse_answer
from interviews.analysis.delivery import find_fillers

from .samples import ANSWERS, question, spoken

CLEAN_EN = ANSWERS["en.python.list-vs-tuple"][0]
FILLER_HEAVY_EN = (
    "Um, so lists are, like, mutable, you know, and uh tuples are basically immutable. "
    "Um, a tuple of hashable values is, uh, hashable, so, like, it can be a dictionary key. "
    "And um, I mean, tuples are basically for fixed records, you know, and lists, uh, grow."
)


def test_filler_heavy_transcript_scores_lower_on_delivery() -> None:
    q = question("en.python.list-vs-tuple")
    clean = analyse_answer(q, CLEAN_EN, words=spoken(CLEAN_EN))
    messy = analyse_answer(q, FILLER_HEAVY_EN, words=spoken(FILLER_HEAVY_EN))
    assert clean.delivery is not None and messy.delivery is not None
    assert messy.delivery.value < clean.delivery.value - 20
    assert clean.filler_count == 0
    assert messy.filler_count >= 12
    evidence = "\n".join(messy.delivery.evidence)
    assert f"{messy.filler_count} filler word(s): uh ×3, um ×3, basically ×2" in evidence
    assert "No filler words." in clean.delivery.evidence


def test_fillers_count_soft_words_only_next_to_a_pause() -> None:
    assert find_fillers("It looks like a queue, like, a real one.", "en") == ["like"]
    # "actually" after a pause is a filler; "would like to" is not.
    hits = find_fillers("Um, actually I would like to add uh one thing.", "en")
    assert sorted(hits) == ["actually", "uh", "um"]
    hits = find_fillers("嗯，那个，我们那个项目就是说，然后，用了缓存。", "zh")
    assert sorted(hits) == sorted(["嗯", "就是说", "那个", "然后"])


def test_filler_heavy_chinese_transcript_scores_lower_on_delivery() -> None:
    q = question("zh.python.decorators")
    clean = ANSWERS["zh.python.decorators"][0]
    messy = "嗯，装饰器那个，就是，呃，一个高阶函数。然后，嗯，就是说包装函数，那个，用闭包。呃，然后要用 functools.wraps。"
    a = analyse_answer(q, clean, duration=30.0)
    b = analyse_answer(q, messy, duration=30.0)
    assert a.delivery is not None and b.delivery is not None
    assert b.filler_count >= 8
    assert b.delivery.value < a.delivery.value


def test_long_pauses_are_counted_from_word_timestamps() -> None:
    words = [
        SpokenWord("Lists", 0.0, 0.4),
        SpokenWord("are", 0.5, 0.7),
        SpokenWord("mutable", 3.0, 3.5),  # 2.3 s gap
        SpokenWord("and", 4.5, 4.7),  # 1.0 s gap: a breath, not a pause
        SpokenWord("tuples", 4.8, 5.2),
        SpokenWord("are", 8.5, 8.7),  # 3.3 s gap
        SpokenWord("not.", 8.8, 9.0),
    ]
    q = question("en.python.list-vs-tuple")
    result = analyse_answer(q, " ".join(w.text for w in words), words=words)
    assert result.long_pauses == 2
    assert result.delivery is not None
    evidence = "\n".join(result.delivery.evidence)
    assert "2 long pause(s)" in evidence
    assert "2.3 s after “are”" in evidence and "3.3 s after “tuples”" in evidence


def test_words_per_minute_and_pace_evidence() -> None:
    q = question("en.python.list-vs-tuple")
    words = spoken(CLEAN_EN, seconds_per_word=0.4)  # 150 words per minute
    result = analyse_answer(q, CLEAN_EN, words=words)
    assert result.words_per_minute is not None
    assert 140 <= result.words_per_minute <= 160
    assert result.delivery is not None
    assert "comfortable pace" in result.delivery.evidence[0]

    rushed = analyse_answer(q, CLEAN_EN, words=words, duration=10.0)
    assert rushed.words_per_minute is not None and rushed.words_per_minute > 300
    assert rushed.delivery is not None and rushed.delivery.value < result.delivery.value


def test_written_answer_has_no_delivery() -> None:
    result = analyse_answer(question("en.python.list-vs-tuple"), CLEAN_EN)
    assert result.delivery is None
    assert result.words_per_minute is None
    assert result.long_pauses == 0
