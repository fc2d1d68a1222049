"""Live assist metrics (original notes 21.8), exported on /metrics."""

from prometheus_client import Counter, Gauge, Histogram

LATENCY = Histogram(
    "ig_assist_latency_seconds",
    "End of utterance to each stage's completion: transcribe, detect, suggest (first card)",
    ["stage"],
    buckets=(0.1, 0.25, 0.4, 0.6, 0.8, 1.0, 1.5, 2.0, 2.5, 4.0, 8.0),
)
ACTIVE_SOCKETS = Gauge("ig_assist_active_sockets", "Open live assist audio sockets", ["channel"])
PENDING_JOBS = Gauge("ig_assist_pending_transcriptions", "Transcriptions queued or running")
DROPPED_PARTIALS = Counter(
    "ig_assist_dropped_partials_total", "Partial transcriptions skipped because the pool was busy"
)
ADMISSION_REFUSALS = Counter(
    "ig_assist_admission_refusals_total", "Sockets refused because the process was saturated"
)
UTTERANCES = Counter(
    "ig_assist_utterances_total", "Final utterances by channel and outcome", ["channel", "outcome"]
)
STALE_SUGGESTIONS = Counter(
    "ig_assist_stale_suggestions_total", "Suggestions not pushed because a newer question came"
)
