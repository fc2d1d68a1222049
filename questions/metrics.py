"""Question generation metrics (original notes 25.8), exported on /metrics."""

from prometheus_client import Counter, Histogram

GENERATION_SECONDS = Histogram(
    "ig_question_generation_seconds",
    "Question generation time by the engine that answered",
    ["engine"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
FALLBACKS = Counter(
    "ig_question_generation_fallbacks_total",
    "Generations the template bank answered instead of the LLM, by reason",
    ["reason"],
)
CACHE = Counter(
    "ig_question_generation_cache_total",
    "Generation requests served from the cache (hit) or generated (miss)",
    ["outcome"],
)
SKILL_COVERAGE = Histogram(
    "ig_question_skill_coverage_ratio",
    "Share of the resume's top five skills a generated set asks about",
    buckets=(0.0, 0.2, 0.4, 0.6, 0.8, 1.0),
)
