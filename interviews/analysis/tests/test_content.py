"""Relevance, accuracy, keywords and the flags, with the real embedding model."""

from __future__ import annotations

import threading

import pytest

from interviews.analysis import analyse_answer, embedding, prepare_question, warm_up
from interviews.analysis.content import find_keywords

from .samples import ANSWERS, question


@pytest.mark.parametrize("key", sorted(ANSWERS))
def test_on_topic_answer_beats_off_topic_and_empty(key: str) -> None:
    on_topic, off_topic = ANSWERS[key]
    q = question(key)
    good = analyse_answer(q, on_topic)
    bad = analyse_answer(q, off_topic)
    empty = analyse_answer(q, "")

    assert good.relevance.value > bad.relevance.value + 30
    assert good.accuracy.value > bad.accuracy.value + 30
    assert bad.relevance.value > empty.relevance.value or bad.relevance.value == 0
    assert empty.relevance.value == empty.accuracy.value == 0
    assert good.overall > bad.overall > empty.overall
    assert good.points_covered and not bad.points_covered
    assert good.keywords_found and not bad.keywords_found
    # The flags that drive follow-up questions.
    assert not good.off_topic and not good.weak
    assert bad.off_topic and bad.weak
    assert empty.weak


@pytest.mark.parametrize("key", sorted(ANSWERS))
def test_accuracy_evidence_names_points_and_keywords(key: str) -> None:
    q = question(key)
    result = analyse_answer(q, ANSWERS[key][0])
    evidence = "\n".join(result.accuracy.evidence)
    for point in result.points_covered:
        assert f"Covered: {point}" in evidence
    assert f"of {len(q.keywords)})" in evidence
    assert result.relevance.evidence


def test_partial_answer_covers_fewer_points_than_full_answer() -> None:
    q = question("en.python.list-vs-tuple")
    partial = "Lists are mutable and tuples are immutable, that is the main difference really."
    full = analyse_answer(q, ANSWERS["en.python.list-vs-tuple"][0])
    part = analyse_answer(q, partial)
    assert len(part.points_covered) <= 1 < len(full.points_covered)
    assert part.accuracy.value < full.accuracy.value


def test_very_short_on_topic_answer_is_weak() -> None:
    q = question("en.python.list-vs-tuple")
    result = analyse_answer(q, "Tuples are immutable, lists are mutable.")
    assert result.weak
    assert not result.off_topic
    assert any("Very short" in e for e in result.relevance.evidence)


@pytest.mark.parametrize("answer", ["", "   \n\t ", "…。", "😀 ?"])
def test_empty_answer_scores_zero_without_the_model(
    answer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the model must not be called for an empty answer")

    monkeypatch.setattr(embedding, "encode", refuse)
    monkeypatch.setattr(embedding, "get_model", refuse)
    result = analyse_answer(question("zh.python.decorators"), answer)
    assert result.overall == 0
    assert result.weak and not result.off_topic
    assert result.relevance.evidence == ["No answer was given."]
    assert result.delivery is None and result.words_per_minute is None


def test_keywords_match_variants() -> None:
    en = question("en.teamwork.teammate-not-contributing").keywords
    found = find_keywords("We made ownership clear and I escalated late.", en, chinese=False)
    assert found == ["clear ownership"]
    zh = question("zh.teamwork.covered-for-teammate").keywords
    assert "沟通优先级" in find_keywords("我找组长沟通了优先级。", zh, chinese=True)
    assert find_keywords("我喜欢爬山。", zh, chinese=True) == []


def test_model_loads_once_across_threads() -> None:
    warm_up()
    models: list[object] = []
    threads = [
        threading.Thread(target=lambda: models.append(embedding.get_model())) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(m) for m in models}) == 1


def test_model_comes_from_the_installed_package() -> None:
    path = embedding.model_dir()
    assert (path / "model.safetensors").is_file()
    assert (path / "tokenizer.json").is_file()


def test_prepare_question_embeds_points_before_the_answer() -> None:
    q = question("en.teamwork.teammate-not-contributing")
    embedding.encode_cached.cache_clear()
    prepare_question(q)
    assert embedding.encode_cached.cache_info().currsize == 1
    analyse_answer(q, ANSWERS["en.teamwork.teammate-not-contributing"][0])
    info = embedding.encode_cached.cache_info()
    assert info.hits == 1 and info.currsize == 1


def test_unpunctuated_long_transcript_is_read_to_the_end() -> None:
    q = question("en.python.list-vs-tuple")
    filler = "I worked on a frontend team building dashboards with React and CSS modules " * 30
    point = (
        "tuples are immutable and hashable so a tuple can be a dictionary key while a list cannot"
    )
    late = analyse_answer(q, (filler + point).replace(".", ""))
    absent = analyse_answer(q, filler.replace(".", ""))
    assert late.accuracy.value > absent.accuracy.value
    assert late.points_covered


@pytest.mark.parametrize("raw", ["0", "two", "-1"])
def test_bad_torch_thread_setting_fails_loudly(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embedding.TORCH_THREADS_ENV, raw)
    with pytest.raises(ValueError, match=embedding.TORCH_THREADS_ENV):
        embedding.torch_threads()
