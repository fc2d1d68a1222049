"""Speech-to-text metrics, exported on /metrics."""

from prometheus_client import Histogram

TRANSCRIBE_DURATION = Histogram(
    "ig_speech_transcribe_seconds",
    "Speech-to-text latency per call (decoded audio in, transcript out) by engine",
    ["engine"],
    buckets=(0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 60, 180),
)
REAL_TIME_FACTOR = Histogram(
    "ig_speech_real_time_factor",
    "Processing time divided by audio duration, by engine (below 1: faster than real time)",
    ["engine"],
    buckets=(0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 5),
)
MODEL_LOAD_DURATION = Histogram(
    "ig_speech_model_load_seconds",
    "Time to verify and load a speech model, by engine",
    ["engine"],
    buckets=(0.25, 0.5, 1, 2, 5, 10, 30, 60),
)
