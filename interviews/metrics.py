"""Mock interview metrics (original notes 10.10), exported on /metrics.

Speech-to-text latency and real-time factor are the speech engine's own metrics."""

from prometheus_client import Counter, Histogram

ANSWERS = Counter("ig_interview_answers_total", "Answers by input mode", ["mode"])
ANALYSIS_SECONDS = Histogram(
    "ig_interview_analysis_seconds",
    "Per-answer analysis time",
    buckets=(0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2, 5, 10),
)
