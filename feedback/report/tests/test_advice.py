"""The curated advice file and its loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from feedback.report import advice as advice_module
from feedback.report.advice import (
    ADVICE_PATH,
    BANDS,
    LANGUAGES,
    MIN_ITEMS,
    TOPICS,
    advice,
    band,
    load_advice,
)
from interviews.analysis import text

MAX_ITEM_CHARS = {"en": 240, "zh": 90}


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0, "low"), (49.9, "low"), (50, "mid"), (74.9, "mid"), (75, "high"), (100, "high")],
)
def test_band_edges(score: float, expected: str) -> None:
    assert band(score) == expected


def test_shipped_file_is_complete_distinct_and_in_the_right_languages() -> None:
    table = load_advice()
    assert set(TOPICS) <= set(table)
    for topic in TOPICS:
        seen: set[str] = set()
        for band_name in BANDS:
            for language in LANGUAGES:
                items = table[topic][band_name][language]
                assert len(items) >= MIN_ITEMS, (topic, band_name, language)
                for item in items:
                    assert item not in seen, f"duplicate advice in {topic}: {item}"
                    seen.add(item)
                    assert text.is_chinese(item) == (language == "zh"), item
                    # One or two sentences: a concrete step, not an essay.
                    assert len(item) <= MAX_ITEM_CHARS[language], item


def test_advice_picks_the_first_items_of_the_band_in_the_language() -> None:
    table = load_advice()
    assert advice("ownership", 30, "en") == list(table["ownership"]["low"]["en"][:2])
    assert advice("ownership", 60, "zh") == list(table["ownership"]["mid"]["zh"][:2])
    assert advice("star", 90, "zh-hans", limit=3) == list(table["star"]["high"]["zh"])[:3]
    assert advice("clarity", 10, "en", limit=1) == [table["clarity"]["low"]["en"][0]]
    assert advice("clarity", 10, "en") == advice("clarity", 10, "en")
    assert advice("delivery", 80, "en") != advice("delivery", 20, "en")
    assert all(text.is_chinese(item) for item in advice("technical", 40, "zh"))


def test_unknown_topic_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="charisma"):
        advice("charisma", 50, "en")


def _write(tmp_path: Path, data: dict, name: str = "advice.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _shipped() -> dict:
    return json.loads(ADVICE_PATH.read_text(encoding="utf-8"))


def test_validation_names_a_missing_band(tmp_path: Path) -> None:
    data = _shipped()
    del data["collaboration"]["mid"]
    with pytest.raises(ValueError, match="topic 'collaboration' is missing band 'mid'"):
        load_advice(_write(tmp_path, data))


def test_validation_names_a_language_with_too_few_items(tmp_path: Path) -> None:
    data = _shipped()
    data["delivery"]["high"]["zh"] = data["delivery"]["high"]["zh"][:2]
    with pytest.raises(ValueError, match="'delivery' band 'high' language 'zh' has 2 item"):
        load_advice(_write(tmp_path, data))


def test_validation_names_a_missing_language_an_empty_item_and_a_missing_topic(
    tmp_path: Path,
) -> None:
    data = _shipped()
    del data["star"]["low"]["en"]
    with pytest.raises(ValueError, match="'star' band 'low' language 'en' is missing"):
        load_advice(_write(tmp_path, data, "no-language.json"))
    data = _shipped()
    data["relevance"]["mid"]["en"][1] = "  "
    with pytest.raises(ValueError, match="'relevance' band 'mid' language 'en' has an empty"):
        load_advice(_write(tmp_path, data, "blank-item.json"))
    data = _shipped()
    del data["argument"]
    with pytest.raises(ValueError, match=r"missing topic.*argument"):
        load_advice(_write(tmp_path, data, "no-topic.json"))


def test_advice_uses_the_configured_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = _shipped()
    data["ownership"]["low"]["en"][0] = "Say “I” for your own actions in every story."
    monkeypatch.setattr(advice_module, "ADVICE_PATH", _write(tmp_path, data))
    assert advice("ownership", 10, "en", limit=1) == [
        "Say “I” for your own actions in every story."
    ]
    # Read once: the same table object comes back until the process ends.
    assert load_advice(advice_module.ADVICE_PATH) is load_advice(advice_module.ADVICE_PATH)

    del data["ownership"]["high"]
    monkeypatch.setattr(advice_module, "ADVICE_PATH", _write(tmp_path, data, "broken.json"))
    with pytest.raises(ValueError, match="'ownership' is missing band 'high'"):
        advice("ownership", 90, "en")
