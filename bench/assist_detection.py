"""Benchmark: question detection and type classification on the labelled utterances.

    .venv/bin/python bench/assist_detection.py [--data tests/fixtures/assist/utterances.jsonl] [--json OUT]

Runs ``manage.py classify_utterances`` (exactly the detector live assist uses) on the
labelled set and scores it against the labels: detection precision/recall/F1 (is this an
interview question?), and type macro-F1 over technical/behavioral/situational on the
utterances that are questions by label and detected as questions. Per language too,
plus a confusion table and the misses, so a reader sees *what* fails.
It reports; it does not judge: exit status 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "fixtures" / "assist" / "utterances.jsonl"
TYPES = ("technical", "behavioral", "situational")


def classify(path: Path) -> dict[str, dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "classify_utterances", str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return {row["id"]: row for row in map(json.loads, out.stdout.splitlines())}


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def score(labels: list[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    tp = fp = fn = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for row in labels:
        guess = predicted[row["id"]]
        if row["is_question"] and guess["is_question"]:
            tp += 1
            confusion[(row["question_type"], guess["question_type"])] += 1
        elif guess["is_question"]:
            fp += 1
        elif row["is_question"]:
            fn += 1
    precision, recall, detection_f1 = f1(tp, fp, fn)
    per_type = {}
    for kind in TYPES:
        t = confusion[(kind, kind)]
        p = sum(v for (gold, got), v in confusion.items() if got == kind and gold != kind)
        n = sum(v for (gold, got), v in confusion.items() if gold == kind and got != kind)
        per_type[kind] = round(f1(t, p, n)[2], 3)
    return {
        "utterances": len(labels),
        "detection": {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(detection_f1, 3),
        },
        "type_f1": per_type,
        "type_macro_f1": round(sum(per_type.values()) / len(TYPES), 3),
        "confusion": {f"{g}->{p}": v for (g, p), v in sorted(confusion.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--misses", action="store_true", help="print the misclassified lines")
    args = parser.parse_args()
    labels = [
        json.loads(line)
        for line in args.data.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    started = time.perf_counter()
    predicted = classify(args.data)
    elapsed = time.perf_counter() - started
    report: dict[str, Any] = {"all": score(labels, predicted)}
    for lang in ("en", "zh"):
        report[lang] = score([r for r in labels if r["lang"] == lang], predicted)
    report["command_seconds"] = round(elapsed, 2)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.misses:
        for row in labels:
            guess = predicted[row["id"]]
            if guess["is_question"] != row["is_question"] or (
                row["is_question"] and guess["question_type"] != row["question_type"]
            ):
                print(
                    f"{row['id']}\t{row['kind']}/{row['question_type']}\t->\t"
                    f"{guess['is_question']}/{guess['question_type']}\t{row['text']}"
                )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
