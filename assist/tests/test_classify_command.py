"""``classify_utterances``: the consumer's detector over JSON lines, scored on the
held-out labelled set (tests/fixtures/assist, written without seeing the detector)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

DATA = settings.BASE_DIR / "tests" / "fixtures" / "assist" / "utterances.jsonl"
TYPES = ("technical", "behavioral", "situational")


def classify(path: Path) -> dict[str, dict]:
    out = io.StringIO()
    call_command("classify_utterances", str(path), stdout=out)
    return {row["id"]: row for row in map(json.loads, out.getvalue().splitlines())}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_the_labelled_set_meets_the_detection_and_type_targets():
    labels = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(labels) >= 200 and {r["lang"] for r in labels} == {"en", "zh"}
    got = classify(DATA)
    tp = sum(r["is_question"] and got[r["id"]]["is_question"] for r in labels)
    fp = sum(not r["is_question"] and got[r["id"]]["is_question"] for r in labels)
    fn = sum(r["is_question"] and not got[r["id"]]["is_question"] for r in labels)
    assert f1(tp, fp, fn) >= 0.90
    both = [r for r in labels if r["is_question"] and got[r["id"]]["is_question"]]
    per_type = []
    for kind in TYPES:
        t = sum(r["question_type"] == kind == got[r["id"]]["question_type"] for r in both)
        p = sum(r["question_type"] != kind == got[r["id"]]["question_type"] for r in both)
        n = sum(r["question_type"] == kind != got[r["id"]]["question_type"] for r in both)
        per_type.append(f1(t, p, n))
    assert sum(per_type) / len(TYPES) >= 0.85
    assert all(0 <= row["confidence"] <= 1 for row in got.values())


def test_output_lines_have_exactly_the_documented_fields(tmp_path: Path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "um so tell me about a time you failed", "lang": "en"}\n'
        "\n"
        '{"id": "b", "text": "好的 谢谢", "lang": "zh"}\n',
        encoding="utf-8",
    )
    rows = list(classify(path).values())
    assert [set(r) for r in rows] == [{"id", "is_question", "question_type", "confidence"}] * 2
    assert rows[0]["is_question"] and rows[0]["question_type"] == "behavioral"
    assert not rows[1]["is_question"] and rows[1]["question_type"] is None


def test_bad_lines_are_reported_with_their_number_and_the_rest_still_classified(tmp_path: Path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": 1, "text": "what is a closure", "lang": "en"}\n'
        "not json\n"
        '{"id": 3, "lang": "en"}\n'
        '{"id": 4, "text": "hola", "lang": "es"}\n',
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="3 line"):
        call_command("classify_utterances", str(path), stdout=out, stderr=err)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [1]
    assert [line.split(":")[0] for line in err.getvalue().splitlines()] == [
        "line 2",
        "line 3",
        "line 4",
    ]
    with pytest.raises(CommandError, match="no such file"):
        call_command("classify_utterances", str(tmp_path / "missing.jsonl"))
