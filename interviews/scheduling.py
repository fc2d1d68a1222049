"""Which question comes next (notes 20.1): warm-up first, harder after strong answers,
a follow-up after a weak or off-topic one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DIFFICULTY_RANK = {"easy": 0, "medium": 1, "hard": 2}
# An answer scoring at least this (0..100) earns a harder next question.
STRONG_ANSWER = 75.0


@dataclass(frozen=True)
class Candidate:
    """A planned question not asked yet, in the set's own order."""

    key: int  # the Question's id
    difficulty: str
    question_type: str


def first_question(pool: Sequence[Candidate]) -> Candidate | None:
    """Warm-up: the easiest question, preferring a behavioral one (an easy way in)."""
    if not pool:
        return None
    return min(
        pool,
        key=lambda c: (
            DIFFICULTY_RANK.get(c.difficulty, 1),
            c.question_type != "behavioral",
        ),
    )


def next_question(
    pool: Sequence[Candidate], *, last_difficulty: str, last_score: float | None
) -> Candidate | None:
    """After a strong answer, the first question harder than the last one, if any is
    left; otherwise the set's next question (it is ordered easy to hard)."""
    if not pool:
        return None
    if last_score is not None and last_score >= STRONG_ANSWER:
        floor = DIFFICULTY_RANK.get(last_difficulty, 1)
        harder = [c for c in pool if DIFFICULTY_RANK.get(c.difficulty, 1) > floor]
        if harder:
            return harder[0]
    return pool[0]


def follow_up_text(
    *, language: str, question: str, missed_points: Sequence[str], off_topic: bool
) -> str:
    """A follow-up that steers back to the question, or into what the answer missed."""
    if off_topic or not missed_points:
        if language == "zh":
            return f"我们回到刚才的问题：{question} 请结合你自己的经历，具体说一说。"
        return (
            f"Let's come back to the question: {question} "
            "Please answer it directly, with a concrete example from your own work."
        )
    point = missed_points[0].rstrip("。.")
    if language == "zh":
        return f"再深入一点：你的回答没有提到这一点——“{point}”。你怎么看？能举一个你做过的例子吗？"
    return (
        f"Let me follow up on that. Your answer did not touch on this: “{point}”. "
        "How does it apply to what you described? Give a concrete example if you can."
    )
