"""Turning a live PCM16 stream into utterances: voice activity and end-of-turn detection.

Django-free, so the benchmark and tests drive it directly.
"""

from assist.stream.segmenter import (
    EarlyEnd,
    Partial,
    Resumed,
    Segmenter,
    SegmenterConfig,
    UtteranceEnd,
)
from assist.stream.vad import EnergyVad

__all__ = [
    "EarlyEnd",
    "EnergyVad",
    "Partial",
    "Resumed",
    "Segmenter",
    "SegmenterConfig",
    "UtteranceEnd",
]
