"""Per-frame voice activity: loud enough above the room's noise floor, and not noise-like.

Runs on every 20 ms frame of every socket, so it must cost microseconds: an RMS, one
small FFT for spectral flatness, and a noise floor by minimum statistics (the quietest
frame of the last two seconds: speech dips between syllables many times a second, a
fan or a hum never does, so the floor learns a steady noise and not a voice). Whisper's own Silero VAD and
the hallucination guards still check each utterance; this gate only decides what is
worth sending there, so silence and steady noise cost almost no CPU.
"""

from __future__ import annotations

from collections import deque

import numpy as np
import numpy.typing as npt

Frame = npt.NDArray[np.float32]

# About -42 dBFS: quieter than any voice a microphone or a shared tab delivers.
ABS_MIN_RMS = 0.008
# Speech must stand this far above the tracked noise floor.
FLOOR_RATIO = 3.0
# White or pink noise is spectrally flat (close to 1); voiced speech is far from it.
MAX_FLATNESS = 0.45


# The window of the minimum: longer than any syllable, short enough to follow a room.
FLOOR_WINDOW_FRAMES = 100  # two seconds of 20 ms frames


class EnergyVad:
    def __init__(self, *, initial_floor: float = 0.002) -> None:
        # Seeded quiet, so speech from the very first frame is heard as speech.
        self._recent: deque[float] = deque([initial_floor] * FLOOR_WINDOW_FRAMES)

    @property
    def floor(self) -> float:
        return min(self._recent)

    def is_speech(self, frame: Frame) -> bool:
        rms = float(np.sqrt(np.mean(frame * frame))) if len(frame) else 0.0
        loud = rms > max(ABS_MIN_RMS, self.floor * FLOOR_RATIO)
        self._recent.popleft()
        self._recent.append(rms)
        return loud and spectral_flatness(frame) < MAX_FLATNESS


def spectral_flatness(frame: Frame) -> float:
    """Geometric over arithmetic mean of the power spectrum, in [0, 1]."""
    power = np.abs(np.fft.rfft(frame * np.hanning(len(frame)))) ** 2 + 1e-12
    return float(np.exp(np.mean(np.log(power))) / np.mean(power))
