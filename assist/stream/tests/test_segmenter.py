"""End-of-turn detection on synthetic audio: voiced (harmonic) bursts, silence, noise."""

from __future__ import annotations

import numpy as np
import pytest

from assist.stream import EarlyEnd, Partial, Resumed, Segmenter, SegmenterConfig, UtteranceEnd
from assist.stream.vad import EnergyVad, spectral_flatness

RATE = 16_000


def voiced(
    seconds: float, pitch: float = 140.0, level: float = 0.2, syllables: float = 4.0
) -> np.ndarray:
    """Speech-like sound: harmonics of a pitch (not noise-like), its loudness rising and
    falling a few times a second like syllables (``syllables=0``: a steady tone)."""
    t = np.arange(int(seconds * RATE)) / RATE
    wave = sum(np.sin(2 * np.pi * pitch * k * t) / k for k in range(1, 12))
    wave = wave / np.max(np.abs(wave)) * level
    if syllables:
        wave = wave * (0.55 + 0.45 * np.cos(2 * np.pi * syllables * t))
    return wave.astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def noise(seconds: float, level: float = 0.1, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(int(seconds * RATE)) * level).astype(np.float32)


def run(audio: np.ndarray, chunk: int = 1600, config: SegmenterConfig | None = None) -> list:
    segmenter = Segmenter(config)
    events = []
    for start in range(0, len(audio), chunk):
        events.extend(segmenter.feed(audio[start : start + chunk]))
    return events


def ends(events: list) -> list[UtteranceEnd]:
    return [e for e in events if isinstance(e, UtteranceEnd)]


def test_silence_is_never_an_utterance() -> None:
    assert run(silence(60)) == []


def test_steady_noise_is_never_an_utterance() -> None:
    # White noise is loud but spectrally flat: the gate keeps it from Whisper entirely.
    assert ends(run(noise(30))) == []


def test_flatness_separates_noise_from_voice() -> None:
    assert spectral_flatness(noise(0.02)) > 0.5
    assert spectral_flatness(voiced(0.02)) < 0.2


def test_one_utterance_ends_after_the_silence() -> None:
    audio = np.concatenate([silence(0.5), voiced(1.6), silence(1.0)])
    events = run(audio)
    [end] = ends(events)
    assert not end.forced
    # The end of speech is where the voice stopped (within a frame), not where we noticed.
    assert end.speech_end_sample == pytest.approx(2.1 * RATE, abs=0.03 * RATE)
    assert 1.5 <= end.voiced_seconds <= 1.7
    # The audio keeps a little before the onset and after the last voiced frame.
    assert 1.6 * RATE < len(end.audio) < 2.1 * RATE


def test_the_early_guess_comes_first_and_has_the_same_audio() -> None:
    events = run(np.concatenate([voiced(1.2), silence(1.0)]))
    early = [e for e in events if isinstance(e, EarlyEnd)]
    [end] = ends(events)
    assert len(early) == 1
    assert events.index(early[0]) < events.index(end)
    assert np.array_equal(early[0].audio, end.audio)


def test_a_pause_shorter_than_the_silence_does_not_split_a_sentence() -> None:
    audio = np.concatenate([voiced(1.0), silence(0.35), voiced(1.0), silence(1.0)])
    events = run(audio)
    assert len(ends(events)) == 1
    # The early guess was made in the pause, then withdrawn when speech came back.
    assert any(isinstance(e, Resumed) for e in events)


def test_the_end_of_turn_silence_is_tunable() -> None:
    audio = np.concatenate([voiced(1.0), silence(0.45), voiced(1.0), silence(1.0)])
    assert len(ends(run(audio, config=SegmenterConfig(silence_ms=400)))) == 2
    assert len(ends(run(audio, config=SegmenterConfig(silence_ms=600)))) == 1


def test_partials_about_once_a_second_while_speaking() -> None:
    events = run(np.concatenate([voiced(3.5), silence(1.0)]))
    partials = [e for e in events if isinstance(e, Partial)]
    assert 2 <= len(partials) <= 4
    assert all(len(p.audio) <= 3.8 * RATE for p in partials)


def test_clicks_are_not_utterances() -> None:
    audio = np.concatenate([silence(0.5), voiced(0.1), silence(1.0)])
    assert ends(run(audio)) == []


def test_a_monologue_is_cut_so_its_text_arrives() -> None:
    events = run(voiced(9.0), config=SegmenterConfig(max_utterance_s=4.0))
    forced = [e for e in ends(events) if e.forced]
    assert len(forced) == 2


@pytest.mark.parametrize("chunk", [160, 333, 8000])
def test_any_frame_size_gives_the_same_utterances(chunk: int) -> None:
    audio = np.concatenate([voiced(1.0), silence(0.8), voiced(0.8, pitch=200), silence(0.8)])
    reference = [(e.speech_end_sample, len(e.audio)) for e in ends(run(audio, chunk=320))]
    assert [(e.speech_end_sample, len(e.audio)) for e in ends(run(audio, chunk=chunk))] == reference
    assert len(reference) == 2


def test_flush_ends_what_is_being_said() -> None:
    segmenter = Segmenter()
    segmenter.feed(voiced(1.0))
    [end] = segmenter.flush()
    assert isinstance(end, UtteranceEnd) and end.forced
    assert segmenter.flush() == []


def test_the_noise_floor_learns_a_steady_hum() -> None:
    vad = EnergyVad()
    hum = voiced(4.0, pitch=50, level=0.05, syllables=0)
    frames = [hum[i : i + 320] for i in range(0, len(hum), 320)]
    decisions = [vad.is_speech(f) for f in frames]
    # A steady hum may open as speech, but the floor learns it within two seconds.
    assert any(decisions[:50])
    assert not any(decisions[-80:])
