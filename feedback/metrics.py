"""Feedback metrics (original notes 22.8), exported on /metrics."""

from prometheus_client import Counter, Histogram

GENERATION_SECONDS = Histogram(
    "ig_feedback_generation_seconds",
    "Time to build and store one report, by the engine that wrote its narrative",
    ["engine"],
    buckets=(0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64),
)
OUTCOMES = Counter("ig_feedback_reports_total", "Finished report generations", ["outcome"])
LLM_FALLBACKS = Counter(
    "ig_feedback_llm_fallbacks_total",
    "Reports whose narrative fell back to the local templates, by the LLM's failure",
    ["reason"],
)
