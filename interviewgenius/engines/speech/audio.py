"""Audio in any container the browser or a user sends -> 16 kHz mono float32 samples.

Decoding is ffmpeg's job (wav, flac, mp3, webm/opus, ogg and more), run as a
subprocess so that a malformed file can crash or hang only that process, which a
timeout then kills. Output is bounded: ffmpeg is told to stop after the limit, so a
multi-hour file costs no more memory than the limit itself.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import numpy.typing as npt

from interviewgenius.engines.speech.errors import (
    AudioDecodeError,
    AudioTooLongError,
    ToolMissingError,
)

SAMPLE_RATE = 16_000  # what every Whisper model is trained on
# A mock-interview answer or a live-assist chunk is minutes at most; 15 minutes bounds
# memory (~58 MB of float32) and CPU time per request.
MAX_AUDIO_SECONDS = 15 * 60
# 15 minutes of uncompressed 48 kHz stereo 16-bit WAV is ~173 MB; anything larger is not
# an answer we would transcribe, so it is refused before ffmpeg reads it.
MAX_AUDIO_BYTES = 200 * 1024 * 1024
# Decoding 15 minutes takes a few seconds; far longer means ffmpeg is stuck on bad input.
DECODE_TIMEOUT_SECONDS = 120

Samples = npt.NDArray[np.float32]


def _ffmpeg() -> str:
    path = shutil.which("ffmpeg")
    if path is None:
        raise ToolMissingError("ffmpeg is not installed (apt-get install ffmpeg)")
    return path


def decode_audio(source: bytes | str | Path, *, max_seconds: float = MAX_AUDIO_SECONDS) -> Samples:
    """Decode a file path or in-memory bytes to 16 kHz mono float32 in [-1, 1]."""
    if isinstance(source, bytes):
        if not source:
            raise AudioDecodeError("the audio is empty")
        if len(source) > MAX_AUDIO_BYTES:
            raise AudioTooLongError(f"the audio is over {MAX_AUDIO_BYTES // (1024 * 1024)} MB")
        return _run_ffmpeg(["-i", "pipe:0"], stdin=source, max_seconds=max_seconds)
    path = Path(source)
    if not path.is_file():
        raise AudioDecodeError(f"no such audio file: {path}")
    return _run_ffmpeg(["-i", str(path)], stdin=None, max_seconds=max_seconds)


def decode_pcm16(
    data: bytes,
    *,
    sample_rate: int = SAMPLE_RATE,
    channels: int = 1,
    max_seconds: float = MAX_AUDIO_SECONDS,
) -> Samples:
    """Raw 16-bit little-endian PCM (what the browser streams) -> 16 kHz mono float32."""
    frame = 2 * channels
    if len(data) % frame:
        raise AudioDecodeError(f"PCM16 data must be a whole number of {frame}-byte frames")
    if len(data) // frame > max_seconds * sample_rate:
        raise AudioTooLongError(f"the audio is longer than {max_seconds:.0f} s")
    if sample_rate == SAMPLE_RATE and channels == 1:
        # The common case needs no resampling, so it skips the subprocess.
        return (np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0).astype(np.float32)
    raw_input = ["-f", "s16le", "-ar", str(sample_rate), "-ac", str(channels), "-i", "pipe:0"]
    return _run_ffmpeg(raw_input, stdin=data, max_seconds=max_seconds)


def _run_ffmpeg(input_args: list[str], *, stdin: bytes | None, max_seconds: float) -> Samples:
    # Stop one sample past the limit: getting it back proves the input was too long
    # without decoding the rest of it.
    limit = f"{max_seconds + 1 / SAMPLE_RATE:.6f}"
    command = [
        _ffmpeg(),
        # Without stdin input, -nostdin keeps ffmpeg from waiting on the terminal.
        *(["-nostdin"] if stdin is None else []),
        "-hide_banner",
        "-loglevel",
        "error",
        "-threads",
        "1",
        *input_args,
        "-t",
        limit,
        "-vn",
        "-f",
        "s16le",
        "-acodec",
        "pcm_s16le",
        "-ac",
        "1",
        "-ar",
        str(SAMPLE_RATE),
        "pipe:1",
    ]
    try:
        result = subprocess.run(  # noqa: S603 - a fixed program with arguments we built
            command,
            input=stdin,
            capture_output=True,
            timeout=DECODE_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise AudioDecodeError("decoding the audio took too long") from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"ffmpeg exit status {result.returncode}"
        raise AudioDecodeError(f"the audio could not be decoded: {reason}")
    pcm = result.stdout[: len(result.stdout) // 2 * 2]
    if not pcm:
        raise AudioDecodeError("the audio holds no samples")
    if len(pcm) // 2 > max_seconds * SAMPLE_RATE:
        raise AudioTooLongError(f"the audio is longer than {max_seconds:.0f} s")
    return (np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0).astype(np.float32)
