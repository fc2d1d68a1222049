"""Shared by the assist tests: sessions, sockets and spoken audio as PCM16 frames."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from rest_framework_simplejwt.tokens import AccessToken

from accounts.tests.factories import make_user
from assist import services
from assist.template_bank import load, read_records
from conftest import require_tool
from interviewgenius.asgi import application
from interviewgenius.engines.speech import decode_audio
from questions.tests.factories import GO_KUBERNETES, load_bank, parsed_resume

ORIGIN = (b"origin", b"http://localhost")
FRAME_BYTES = 3_200  # 100 ms of 16 kHz PCM16


@database_sync_to_async
def assist_session(**settings: Any) -> tuple[Any, Any]:
    load_bank()
    load(read_records())
    user = make_user()
    resume = parsed_resume(user, GO_KUBERNETES)
    session = services.start_session(user=user, resume_id=resume.pk, settings=settings)
    return user, session


async def connect(user: Any, path: str) -> WebsocketCommunicator:
    token = AccessToken.for_user(user)
    joiner = "&" if "?" in path else "?"
    socket = WebsocketCommunicator(application, f"{path}{joiner}token={token}", headers=[ORIGIN])
    connected, _ = await socket.connect(timeout=10)
    assert connected
    return socket


async def open_audio(user: Any, session_id: int, channel: str = "") -> WebsocketCommunicator:
    query = f"?channel={channel}" if channel else ""
    socket = await connect(user, f"/ws/interview/assist/{session_id}{query}")
    status = await socket.receive_json_from(timeout=10)
    assert status["type"] == "status"
    return socket


async def frames_until(
    socket: WebsocketCommunicator, kind: str, timeout: float = 30
) -> list[dict[str, Any]]:
    """Every frame up to and including the first of ``kind``."""
    seen: list[dict[str, Any]] = []
    async with asyncio.timeout(timeout):
        while True:
            frame = await socket.receive_json_from(timeout=timeout)
            seen.append(frame)
            if frame["type"] == kind:
                return seen


def spoken_pcm(text: str, tmp: Path, *, voice: str = "en-us", silence_after: float = 1.2) -> bytes:
    """``text`` read by espeak-ng, as 16 kHz mono PCM16 with silence after it."""
    espeak = require_tool("espeak-ng")
    wav = tmp / "speech.wav"
    subprocess.run([espeak, "-v", voice, "-s", "160", "-w", str(wav), text], check=True)
    samples = decode_audio(wav)
    padded = np.concatenate(
        [np.zeros(8_000, np.float32), samples, np.zeros(int(silence_after * 16_000), np.float32)]
    )
    return (np.clip(padded, -1, 1) * 32767).astype("<i2").tobytes()


async def stream(socket: WebsocketCommunicator, pcm: bytes, frame: int = FRAME_BYTES) -> None:
    for start in range(0, len(pcm), frame):
        await socket.send_to(bytes_data=pcm[start : start + frame])
        await asyncio.sleep(0)  # let the consumer run, as a real client's pacing would


@database_sync_to_async
def stranger() -> Any:
    return make_user()
