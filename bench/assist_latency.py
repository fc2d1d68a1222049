"""Benchmark: live assist, end of question -> first suggestion, over a real WebSocket.

    .venv/bin/python bench/assist_latency.py [--sessions 1 3] [--rounds 3] [--languages en] [--json OUT]

Starts a production-like Daphne (DEBUG=0, models loaded at start, the Redis channel
layer: REDIS_URL, default redis://127.0.0.1:6379/0; DATABASE_URL when set, else a
throw-away SQLite file) and streams a recorded interview to it with real WebSocket
clients, at real-time pace, in 100 ms frames of 16 kHz PCM16:

- the interviewer socket carries questions (espeak-ng) interleaved with silence,
  small talk, logistics and acknowledgements;
- the candidate socket carries the candidate's spoken answers while the interviewer
  socket carries the silence between, as two people on a call would.

For each question: latency = arrival of the first ``suggestion`` frame - the moment the
question's last spoken sample was "captured" (frame schedule time). Detection precision
and recall count ``question`` frames against the script. Also: CPU used by the server
process (cores: CPU seconds / wall seconds), and 60 s of silence streamed to a fresh
socket, which must produce no words.

Runs each ``--sessions`` count in turn, ``--rounds`` times (concurrent sessions stream
the same script, offset by a fraction of a second; each round uses fresh sessions). English sessions use the configured model (tiny.en
by default); Chinese sessions the multilingual model. p50/p95 by nearest rank.
It reports; it does not judge: exit status 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from websockets.typing import Origin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import (  # noqa: E402
    cpu_seconds,
    manage,
    percentile,
    production_env,
    server_pid,
)
from tests.processes import daphne_server  # noqa: E402

RATE = 16_000
FRAME = 1_600  # 100 ms
GAP = 1.5  # seconds of silence after every utterance

# (who, kind, text): who is "interviewer" or "candidate"; kind "question:<type>" or a
# non-question kind. Written for this benchmark (not from the labelled evaluation set).
SCRIPTS: dict[str, list[tuple[str, str, str]]] = {
    "en": [
        ("interviewer", "small_talk", "hi thanks for joining us today how is your week going"),
        ("interviewer", "logistics", "can you hear me all right"),
        (
            "interviewer",
            "question:technical",
            "so to start can you explain the difference between a process and a thread",
        ),
        (
            "candidate",
            "answer",
            "sure a process has its own memory space while threads inside it share memory",
        ),
        (
            "interviewer",
            "question:behavioral",
            "tell me about a time you disagreed with a teammate and how you resolved it",
        ),
        (
            "candidate",
            "answer",
            "at my last job we argued about a database migration and settled it with a test",
        ),
        ("interviewer", "acknowledgement", "okay great that makes sense"),
        (
            "interviewer",
            "question:situational",
            "what would you do if a production deploy failed late on a friday evening",
        ),
        ("interviewer", "statement", "our team mostly works on the payments backend in go"),
        (
            "interviewer",
            "question:technical",
            "how would you design a rate limiter for a public api",
        ),
        (
            "candidate",
            "answer",
            "i would use a token bucket per client stored in redis with a sliding window",
        ),
        (
            "interviewer",
            "question:behavioral",
            "describe a project you are especially proud of",
        ),
        (
            "interviewer",
            "question:technical",
            "how does a database index make queries faster",
        ),
    ],
    "zh": [
        ("interviewer", "small_talk", "你好，最近工作忙吗"),
        ("interviewer", "logistics", "你那边声音清楚吗"),
        ("interviewer", "question:technical", "请解释一下进程和线程的区别"),
        ("candidate", "answer", "进程有独立的内存空间，线程共享进程的内存"),
        ("interviewer", "question:behavioral", "讲一个你和同事意见不一致的经历"),
        ("interviewer", "acknowledgement", "好的，明白了"),
        ("interviewer", "question:situational", "如果线上发布失败了，你会怎么处理"),
        ("interviewer", "statement", "我们团队主要做支付系统"),
        ("interviewer", "question:technical", "说一下数据库索引为什么能加快查询"),
    ],
}
VOICES = {"en": "en-us", "zh": "cmn"}


@dataclass
class Item:
    who: str
    kind: str
    text: str
    start: float = 0.0  # seconds from the start of the recording
    end: float = 0.0  # the last spoken sample


@dataclass
class Recording:
    interviewer: np.ndarray
    candidate: np.ndarray
    items: list[Item] = field(default_factory=list)


def speak(text: str, voice: str, workdir: Path) -> np.ndarray:
    wav = workdir / "say.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "165", "-w", str(wav), text], check=True)
    from interviewgenius.engines.speech import decode_audio

    samples = decode_audio(wav)
    # espeak pads its output with silence; the utterance ends at its last audible sample.
    audible = np.nonzero(np.abs(samples) > 0.01)[0]
    return samples[: audible[-1] + 1] if len(audible) else samples


def record(language: str, workdir: Path) -> Recording:
    parts: dict[str, list[np.ndarray]] = {"interviewer": [], "candidate": []}
    items = []
    position = 0
    gap = np.zeros(int(GAP * RATE), np.float32)
    lead = np.zeros(RATE, np.float32)
    for who in parts:
        parts[who].append(lead)
    position += len(lead)
    for who, kind, text in SCRIPTS[language]:
        audio = speak(text, VOICES[language], workdir)
        other = "candidate" if who == "interviewer" else "interviewer"
        parts[who].append(audio)
        parts[other].append(np.zeros(len(audio), np.float32))
        items.append(Item(who, kind, text, position / RATE, (position + len(audio)) / RATE))
        position += len(audio)
        for side in parts.values():
            side.append(gap)
        position += len(gap)
    return Recording(
        interviewer=np.concatenate(parts["interviewer"]),
        candidate=np.concatenate(parts["candidate"]),
        items=items,
    )


def pcm16(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()


async def stream_socket(
    url: str, audio: np.ndarray, t0: float, frames: list[tuple[float, dict[str, Any]]]
) -> None:
    import websockets

    data = pcm16(audio)
    async with websockets.connect(url, origin=Origin("http://127.0.0.1"), max_size=None) as ws:

        async def reader() -> None:
            async for message in ws:
                frames.append((time.monotonic() - t0, json.loads(message)))

        task = asyncio.create_task(reader())
        step = FRAME * 2
        for index, offset in enumerate(range(0, len(data), step)):
            # A microphone delivers a frame once its 100 ms have been captured.
            due = t0 + (index + 1) * FRAME / RATE
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            await ws.send(data[offset : offset + step])
        await asyncio.sleep(4.0)  # the last answers
        task.cancel()


def score(recording: Recording, frames: list[tuple[float, dict[str, Any]]]) -> dict[str, Any]:
    """Attribute each question frame to the utterance that ended last before it."""
    ends = sorted(
        (item.end, index) for index, item in enumerate(recording.items) if item.who == "interviewer"
    )
    found: dict[int, dict[str, Any]] = {}
    false_positives: list[str] = []
    latencies: list[float] = []
    suggestions = {
        f["segment_id"]: at for at, f in frames if f["type"] == "suggestion" and "segment_id" in f
    }
    for at, frame in frames:
        if frame["type"] != "question" or frame.get("repeat_of"):
            continue
        before = [index for end, index in ends if end <= at]
        if not before:
            continue
        item = recording.items[before[-1]]
        if not item.kind.startswith("question"):
            false_positives.append(item.text)
            continue
        found[before[-1]] = {"type": frame["question_type"], "heard": frame["text"]}
        if frame["segment_id"] in suggestions:
            latencies.append((suggestions[frame["segment_id"]] - item.end) * 1000)
    questions = [i for i, item in enumerate(recording.items) if item.kind.startswith("question")]
    hits = [i for i in questions if i in found]
    right_type = [i for i in hits if recording.items[i].kind == f"question:{found[i]['type']}"]
    kinds: dict[str, int] = {}
    for _, frame in frames:
        kinds[frame["type"]] = kinds.get(frame["type"], 0) + 1
    return {
        "frames": kinds,
        "errors": [f for _, f in frames if f["type"] == "error"][:5],
        "heard": [
            (round(at, 2), f["type"], f.get("text", ""))
            for at, f in frames
            if f["type"] in ("question", "transcript") and f.get("final", True)
        ],
        "script": [(round(i.end, 2), i.kind, i.text) for i in recording.items],
        "questions": len(questions),
        "detected": len(hits),
        "false_positives": false_positives,
        "precision": round(len(hits) / (len(hits) + len(false_positives)), 3)
        if hits or false_positives
        else None,
        "recall": round(len(hits) / len(questions), 3) if questions else None,
        "type_accuracy": round(len(right_type) / len(hits), 3) if hits else None,
        "latencies_ms": [round(v) for v in latencies],
        "missed": [recording.items[i].text for i in questions if i not in found],
    }


def setup(env: dict[str, str], sessions: int, language: str) -> list[dict[str, Any]]:
    script = f"""
import json, uuid, django
django.setup()
from accounts.services import issue_tokens
from accounts.tests.factories import make_user
from assist import services
from questions.tests.factories import GO_KUBERNETES, ZH_JAVA, parsed_resume
out = []
for _ in range({sessions}):
    user = make_user(email=f"bench-{{uuid.uuid4().hex}}@example.com")
    resume = parsed_resume(user, {"ZH_JAVA" if language == "zh" else "GO_KUBERNETES"})
    session = services.start_session(user=user, resume_id=resume.pk, settings={{"language": "{language}"}})
    out.append({{"id": session.pk, "token": issue_tokens(user=user)["access"]}})
print(json.dumps(out))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return list(json.loads(result.stdout.strip().splitlines()[-1]))


async def run_sessions(
    address: str, recording: Recording, sessions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    results = []
    tasks = []
    logs: list[list[tuple[float, dict[str, Any]]]] = []
    t0 = time.monotonic() + 0.5
    for index, session in enumerate(sessions):
        base = f"ws://{address}/ws/interview/assist/{session['id']}?token={session['token']}"
        frames: list[tuple[float, dict[str, Any]]] = []
        logs.append(frames)
        start = t0 + index * 0.37  # sessions do not speak in lockstep
        tasks.append(stream_socket(base, recording.interviewer, start, frames))
        tasks.append(stream_socket(base + "&channel=candidate", recording.candidate, start, []))
    await asyncio.gather(*tasks)
    # Each socket's frame times are already relative to its own start.
    for frames in logs:
        results.append(score(recording, frames))
    return results


async def silence_words(address: str, session: dict[str, Any]) -> int:
    import websockets

    url = f"ws://{address}/ws/interview/assist/{session['id']}?token={session['token']}"
    words = 0
    async with websockets.connect(url, origin=Origin("http://127.0.0.1")) as ws:
        silence = bytes(FRAME * 2)
        for _ in range(600):  # 60 s
            await ws.send(silence)
        try:
            while True:
                message = json.loads(await asyncio.wait_for(ws.recv(), timeout=3))
                if message["type"] == "transcript":
                    words += len(message["text"].split())
        except TimeoutError:
            pass
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 3])
    parser.add_argument(
        "--languages",
        nargs="+",
        default=["en"],
        help="zh needs a Mandarin voice: Debian's espeak-ng lacks the extended Mandarin "
        "dictionary and reads Chinese characters as letter and digit sounds",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="times each session count is run (more samples)"
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument("--server-log", type=Path)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="ig-assist-bench-"))
    env = production_env(workdir, BCRYPT_ROUNDS="4", WARM_UP_MODELS="1")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    manage(env, "migrate", "--noinput")
    manage(env, "load_defaults")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interviewgenius.settings")

    report: dict[str, Any] = {
        "model": os.environ.get("WHISPER_MODEL", "tiny.en"),
        "cpu_count": os.cpu_count(),
        "runs": [],
    }
    log = args.server_log.open("wb") if args.server_log else subprocess.DEVNULL
    with daphne_server(env, log) as address:
        pid = server_pid(address.rsplit(":", 1)[1])
        for language in args.languages:
            recording = record(language, workdir)
            for count in args.sessions:
                results = []
                cpu_before, wall_before = cpu_seconds(pid), time.monotonic()
                for _ in range(args.rounds):
                    sessions = setup(env, count, language)
                    results += asyncio.run(run_sessions(address, recording, sessions))
                cpu = (cpu_seconds(pid) - cpu_before) / (time.monotonic() - wall_before)
                latencies = [v for r in results for v in r["latencies_ms"]]
                hits = sum(r["detected"] for r in results)
                fps = sum(len(r["false_positives"]) for r in results)
                total = sum(r["questions"] for r in results)
                run = {
                    "language": language,
                    "sessions": count,
                    "rounds": args.rounds,
                    "recording_seconds": round(len(recording.interviewer) / RATE, 1),
                    "suggestions": len(latencies),
                    "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
                    "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
                    "max_ms": max(latencies) if latencies else None,
                    "precision": round(hits / (hits + fps), 3) if hits + fps else None,
                    "recall": round(hits / total, 3) if total else None,
                    "server_cpu_cores": round(cpu, 2),
                    "per_session": results,
                }
                report["runs"].append(run)
                print(json.dumps({k: v for k, v in run.items() if k != "per_session"}), flush=True)
        quiet = setup(env, 1, "en")[0]
        cpu_before, wall_before = cpu_seconds(pid), time.monotonic()
        report["silence_60s_words"] = asyncio.run(silence_words(address, quiet))
        report["silence_cpu_seconds"] = round(cpu_seconds(pid) - cpu_before, 2)
        print(
            json.dumps(
                {
                    "silence_60s_words": report["silence_60s_words"],
                    "silence_cpu_seconds": report["silence_cpu_seconds"],
                }
            )
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
