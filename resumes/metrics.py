"""Resume parsing metrics (original notes 8.1 and 23.8), exported on /metrics."""

from prometheus_client import Counter, Histogram

PARSE_DURATION = Histogram(
    "ig_resume_parse_seconds",
    "Whole-resume parse time by format",
    ["kind"],
    buckets=(0.05, 0.1, 0.15, 0.25, 0.4, 0.75, 1, 2, 4, 8, 16, 32),
)
STEP_DURATION = Histogram(
    "ig_resume_parse_step_seconds",
    "Parse time by format and pipeline step",
    ["kind", "step"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8),
)
OUTCOMES = Counter(
    "ig_resume_parse_total",
    "Finished parses by format and outcome (the success rate)",
    ["kind", "outcome"],
)
QUEUE_WAIT = Histogram(
    "ig_resume_parse_queue_wait_seconds",
    "Time from queueing a parse to a worker claiming it",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300),
)
UPLOADS = Counter("ig_resume_uploads_total", "Upload attempts by outcome", ["outcome"])
