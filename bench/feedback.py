"""Benchmark: feedback report generation for a 10-question mock interview, without an LLM.

    .venv/bin/python bench/feedback.py [--sessions 3] [--repeat 10] [--json OUT]

Builds ``--sessions`` finished interviews of 10 planned questions on the shipped bank
(real answers, analysed by the real answer analysis; strong and weak answers in turn,
so follow-up questions come up too), on a throw-away SQLite database (or DATABASE_URL
when set). Then times what the feedback worker does for one report (``services.generate``:
read the answers, build the report, write its summary, per-question feedback with model
answer outlines, skills, behaviour and plan, and store it all in one transaction),
``--repeat`` times per interview as regenerations. The first generation in the process
is reported apart: it loads live assist's answer bank, which the outlines draw on.
The process is pinned to one core (a worker process). p50/p95 by nearest rank.
It reports; it does not judge: exit status 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import percentile  # noqa: E402

QUESTIONS = 10


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    if not os.environ.get("DATABASE_URL"):
        os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="ig-bench-feedback-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interviewgenius.settings")
    os.environ["LLM_API_KEY"] = ""  # the local report: no LLM
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    setup_django()

    import uuid

    from accounts.tests.factories import make_user
    from feedback import services
    from feedback.tests.factories import finished_interview, strong_answer, weak_answer
    from interviews.analysis import warm_up
    from questions.tests.factories import load_bank

    # Generations are run and timed here, not by the task a request queues (eager here).
    services._enqueue = lambda feedback_id, attempt: None
    load_bank()
    warm_up()
    user = make_user(email=f"bench-{uuid.uuid4().hex[:8]}@example.com")
    turn = {"n": 0}

    def mixed(item: Any) -> str:
        turn["n"] += 1
        return strong_answer(item) if turn["n"] % 3 else weak_answer(item)

    sessions = []
    for _ in range(args.sessions):
        sessions.append(finished_interview(user, mixed, count=QUESTIONS))
    answered = [s.evaluations.count() for s in sessions]
    print(f"{len(sessions)} interviews, answers per interview: {answered}")

    def one(session: Any) -> float:
        feedback, _queued = services.request_report(session=session, force=True)
        assert services.claim(feedback.pk, feedback.attempt)
        started = time.perf_counter()
        assert services.generate(feedback.pk, feedback.attempt) == "stored"
        return (time.perf_counter() - started) * 1000

    first = one(sessions[0])
    timings = [one(session) for session in sessions for _ in range(args.repeat)]
    figures = {
        "interviews": len(sessions),
        "answers_per_interview": answered,
        "first_ms": round(first, 1),
        "runs": len(timings),
        "p50_ms": round(percentile(timings, 50), 1),
        "p95_ms": round(percentile(timings, 95), 1),
        "max_ms": round(max(timings), 1),
    }
    print(
        f"first generation in the process: {figures['first_ms']} ms\n"
        f"generation over {figures['runs']} runs: p50 {figures['p50_ms']} ms, "
        f"p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms (target p50 <= 1000 ms)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
