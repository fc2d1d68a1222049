"""Benchmark: per-answer analysis latency (``interviews.analysis.analyse_answer``).

    .venv/bin/python bench/answer_analysis.py [--questions 25] [--repeat 3] [--json OUT]

Answers come from the shipped question bank, half English and half Chinese, across the
three question types: for each of ``--questions`` questions, one on-topic answer (the
question's own expected points, written out as prose, about as long as a good spoken
answer) and one off-topic answer (another question's points), so 2 × questions answers.
Every second question's answers are treated as spoken: they get evenly spaced word timestamps, so the
delivery path runs too.

The model is loaded and run once by ``warm_up()`` before timing (workers do the same at
start); its load time is reported separately. The first answer to each question also
embeds that question and its points (cached afterwards), as the first answer in a real
interview does; ``first`` and ``repeat`` latencies are reported apart. ``--repeat``
passes over the set clear that cache each time. The process is pinned to one core.
Reported as p50/p95 (nearest rank). It reports; it does not judge: exit status 0.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import percentile  # noqa: E402
from interviews.analysis import (  # noqa: E402
    QuestionContext,
    SpokenWord,
    analyse_answer,
    embedding,
    warm_up,
)
from interviews.analysis.text import word_count  # noqa: E402

BANK = ROOT / "questions" / "fixtures" / "question_bank"
FILES = ("behavioral_situational.json", "technical_languages_frameworks.json")
SECONDS_PER_WORD = 0.4


def load_questions(count: int) -> list[QuestionContext]:
    items = [q for name in FILES for q in json.loads((BANK / name).read_text("utf-8"))]
    picked: list[QuestionContext] = []
    for language in ("en", "zh"):
        pool = [q for q in items if q["language"] == language]
        step = max(1, len(pool) // (count // 2 or 1))
        for q in pool[::step][: count // 2 + (count % 2 if language == "en" else 0)]:
            picked.append(
                QuestionContext(
                    text=q["text"],
                    question_type=q["question_type"],
                    language=q["language"],
                    keywords=tuple(q["keywords"]),
                    answer_points=tuple(q["answer_points"]),
                    skill=q["skill"],
                )
            )
    return picked


def as_prose(points: tuple[str, ...]) -> str:
    return " ".join(p.split(":", 1)[-1].split("：", 1)[-1].strip() for p in points)


def words_for(answer: str) -> list[SpokenWord]:
    tokens = answer.split()
    return [
        SpokenWord(t, i * SECONDS_PER_WORD, (i + 0.8) * SECONDS_PER_WORD)
        for i, t in enumerate(tokens)
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--questions", type=int, default=25)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    started = time.perf_counter()
    warm_up()
    load_s = time.perf_counter() - started

    questions = load_questions(args.questions)
    cases: list[tuple[QuestionContext, str]] = []
    for i, q in enumerate(questions):
        other = questions[(i + len(questions) // 2 + 1) % len(questions)]
        same_language = [o for o in questions if o.language == q.language and o is not q]
        if other.language != q.language and same_language:
            other = same_language[i % len(same_language)]
        cases.append((q, as_prose(q.answer_points)))
        cases.append((q, as_prose(other.answer_points)))

    first: list[float] = []
    repeat: list[float] = []
    off_topic_flags = 0
    for _ in range(args.repeat):
        embedding.encode_cached.cache_clear()
        seen: set[str] = set()
        for n, (q, answer) in enumerate(cases):
            spoken = words_for(answer) if (n // 2) % 2 else None
            t = time.perf_counter()
            result = analyse_answer(q, answer, words=spoken)
            elapsed = (time.perf_counter() - t) * 1000
            (repeat if q.text in seen else first).append(elapsed)
            seen.add(q.text)
            off_topic_flags += result.off_topic and n % 2 == 1

    every = first + repeat
    report = {
        "answers": len(cases),
        "mean_answer_length": round(statistics.fmean(word_count(a) for _, a in cases)),
        "passes": args.repeat,
        "model_load_s": round(load_s, 2),
        "p50_ms": round(percentile(every, 50), 1),
        "p95_ms": round(percentile(every, 95), 1),
        "first_answer_to_question_p50_ms": round(percentile(first, 50), 1),
        "first_answer_to_question_p95_ms": round(percentile(first, 95), 1),
        "cached_question_p50_ms": round(percentile(repeat, 50), 1),
        "cached_question_p95_ms": round(percentile(repeat, 95), 1),
        "mean_ms": round(statistics.fmean(every), 1),
        # Answers made of another bank question's points; a few share the skill.
        "foreign_answers_flagged_off_topic": f"{off_topic_flags} of {len(cases) // 2 * args.repeat}",
        "torch_threads": embedding.torch_threads(),
        "python": platform.python_version(),
    }
    for key, value in report.items():
        print(f"{key:40} {value}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
