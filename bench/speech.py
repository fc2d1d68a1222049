"""Benchmark: speech-to-text model load time, latency and real-time factor on CPU.

For each backend and model available here: the time to verify and load the model (for
``base``, the first load also joins the two packaged halves into a fresh VAR_DIR), then
``--runs`` transcriptions each of a 3 s and a 10 s clip (the start of the JFK fixture)
after one warm-up call, reporting latency p50/p95 and the real-time factor (p50 latency
divided by the clip's length; below 1 is faster than real time).

    python bench/speech.py [--runs 10] [--models tiny.en base] [--beam-sizes 5 1]
                           [--openai-checkpoint PATH] [--json OUT]

openai-whisper is measured only with a real checkpoint (``--openai-checkpoint``, or an
official one in VAR_DIR/whisper/NAME.pt); none can be downloaded here, and a random one
would time nothing meaningful (its decoder loops until the token limit).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interviewgenius.settings")

import django  # noqa: E402

django.setup()

from interviewgenius.engines.speech import (  # noqa: E402
    SAMPLE_RATE,
    SpeechConfig,
    decode_audio,
    get_engine,
)

AUDIO = ROOT / "tests" / "fixtures" / "audio"
CLIP_SECONDS = (3, 10)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(
    config: SpeechConfig, runs: int, clips: dict[int, Any], language: str | None = None
) -> dict[str, Any]:
    started = time.perf_counter()
    engine = get_engine(config)
    load = time.perf_counter() - started
    result: dict[str, Any] = {
        "engine": config.engine,
        "model": config.model,
        "beam_size": config.beam_size,
        "language": language or "detected",
        # None: the engine was loaded by an earlier row (the same configuration).
        "load_s": round(load, 3) if load > 0.01 else None,
    }
    for seconds, samples in clips.items():
        # Warm-up: first-call allocations and lazy initialisation are not latency.
        engine.transcribe(samples, language=language)
        latencies = []
        for _ in range(runs):
            started = time.perf_counter()
            transcript = engine.transcribe(samples, language=language)
            latencies.append(time.perf_counter() - started)
        p50 = statistics.median(latencies)
        result[f"{seconds}s"] = {
            "p50_ms": round(p50 * 1000),
            "p95_ms": round(percentile(latencies, 0.95) * 1000),
            "rtf": round(p50 / seconds, 3),
            "text": transcript.text,
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--models", nargs="+", default=["tiny.en", "base"])
    parser.add_argument("--beam-sizes", nargs="+", type=int, default=[5, 1])
    parser.add_argument("--openai-checkpoint", type=Path)
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args()

    jfk = decode_audio(AUDIO / "whisper.cpp_jfk.wav")
    clips = {seconds: jfk[: seconds * SAMPLE_RATE] for seconds in CLIP_SECONDS}
    var_dir = Path(tempfile.mkdtemp(prefix="ig-bench-speech-"))  # base joins afresh here
    results = []
    for model in args.models:
        # A multilingual model detects the language on every call unless told it; the
        # English-only ones never do.
        languages = [None] if model.endswith(".en") else [None, "en"]
        for beam_size in args.beam_sizes:
            config = SpeechConfig(model=model, beam_size=beam_size, var_dir=var_dir)
            for language in languages:
                results.append(measure(config, args.runs, clips, language))
                print(json.dumps(results[-1]), flush=True)

    checkpoint = args.openai_checkpoint
    if checkpoint is None:
        found = sorted((Path(os.environ.get("VAR_DIR", ROOT / "var")) / "whisper").glob("*.pt"))
        checkpoint = found[0] if found else None
    if checkpoint is None:
        print("openai-whisper: not measured (no official checkpoint available here)")
    else:
        for beam_size in args.beam_sizes:
            config = SpeechConfig(
                engine="openai-whisper", model=str(checkpoint), beam_size=beam_size, var_dir=var_dir
            )
            results.append(measure(config, args.runs, clips))
            print(json.dumps(results[-1]), flush=True)

    print(
        "\n| engine | model | beam | language | load | 3 s p50 / p95 | 3 s RTF "
        "| 10 s p50 / p95 | 10 s RTF |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        short, long = r["3s"], r["10s"]
        load = "(above)" if r["load_s"] is None else f"{r['load_s']:.2f} s"
        print(
            f"| {r['engine']} | {r['model']} | {r['beam_size']} | {r['language']} "
            f"| {load} "
            f"| {short['p50_ms']} / {short['p95_ms']} ms | {short['rtf']:.3f} "
            f"| {long['p50_ms']} / {long['p95_ms']} ms | {long['rtf']:.3f} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
