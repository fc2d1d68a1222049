"""``/ws/interview/assist/<id>`` (one socket per voice) and ``.../control`` (DESIGN.md).

The audio socket takes 16 kHz mono PCM16 frames, finds utterances as they end, and
answers with ``transcript`` (partial and final), ``question`` and ``suggestion`` frames.
Only CPU-light work (framing, voice activity, detection) runs on the event loop;
transcription runs on the process's shared pool. Finals are handled in order by one
task per socket and are never dropped; partials are skipped when the pool is busy.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import numpy as np
from channels.db import database_sync_to_async
from django.utils.translation import gettext as _

from assist import broadcast, metrics, services
from assist.assistant import Assistant, new_segment_id, suggestion_frame
from assist.hearing import pcm16_to_float, resample, transcribe_utterance
from assist.models import AssistLog, AssistSession, AssistStatus, Channel
from assist.pool import FINAL, PARTIAL, StalePartial, get_pool
from assist.stream import EarlyEnd, Partial, Resumed, Segmenter, SegmenterConfig, UtteranceEnd
from interviewgenius.engines.speech import SpeechError
from interviewgenius.http.errors import NotFound
from interviewgenius.ws.consumers import (
    _MALFORMED,
    CLOSE_FORBIDDEN,
    CLOSE_NOT_FOUND,
    AuthenticatedJsonConsumer,
)
from interviewgenius.ws.limits import Budget

logger = logging.getLogger(__name__)

CLOSE_BAD_REQUEST = 4400
CLOSE_OVERLOADED = 4429
# One binary frame above this is not a live stream (500 ms is typical; 10 s is generous).
MAX_FRAME_BYTES = 16_000 * 2 * 10
# Live audio arrives in real time; a client catching up after a network stall may send
# faster for a while (up to AUDIO_BURST_SECONDS ahead), but not keep more than
# AUDIO_SPEED x real time, so one socket cannot flood the shared transcription pool.
AUDIO_SPEED = 4.0
AUDIO_BURST_SECONDS = 90.0
MAX_TEXT_CHARS = 2_000
REPLAY_LOGS = 100
SAMPLE_RATES = range(8_000, 48_001)


@dataclass
class FinalJob:
    segment_id: str
    future: asyncio.Future[Any]
    speech_end: float  # monotonic time the last voiced sample arrived
    audio_seconds: float


class AssistSocketBase(AuthenticatedJsonConsumer):
    """Ownership, the session's group, status and the replay both sockets share."""

    session: AssistSession
    assistant: Assistant
    channel: str = Channel.INTERVIEWER
    status: str = AssistStatus.ACTIVE
    joined = False

    async def on_authenticated(self) -> None:
        session_id = int(self.scope["url_route"]["kwargs"]["session_id"])
        found = await _load(session_id)
        if found is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if found.owner_id != self.scope["user"].pk:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.session = found
        if not await self.admit():
            return
        await self.channel_layer.group_add(broadcast.group_name(found.pk), self.channel_name)
        self.joined = True
        self.status = await database_sync_to_async(services.live_status)(found.pk)
        self.assistant = Assistant(
            session_id=found.pk, channel=self.channel, settings=found.settings, send=self.push
        )
        await self.send_json({"type": "status", "state": self.status})
        await self.replay()
        if self.status == AssistStatus.ENDED:
            await self.close()

    async def admit(self) -> bool:
        return True

    async def push(self, frame: dict[str, Any]) -> None:
        """Send unless the socket is gone (a flush after a disconnect still logs)."""
        if getattr(self, "closed", False):
            return
        try:
            await self.send_json(frame)
        except Exception:  # the client vanished mid-send
            self.closed = True

    async def replay(self) -> None:
        """What the session already heard, so a reconnecting client (on any process)
        loses nothing; frames carry ``"replay": true`` and the client de-duplicates."""
        for log in await _recent_logs(self.session.pk):
            for frame in frames_of(log):
                await self.push({**frame, "replay": True})

    async def disconnect(self, code: int) -> None:
        self.closed = True
        if self.joined:
            await self.channel_layer.group_discard(
                broadcast.group_name(self.session.pk), self.channel_name
            )

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if content is _MALFORMED or not isinstance(content, dict):
            await self.send_error("malformed_message", _("Frames must be JSON objects."))
            return
        kind = content.get("type")
        if kind == "text":  # a typed question: both sockets take one
            await self.handle_text(content)
        elif not await self.handle(kind, content):
            await self.send_error("unknown_type", _("Unknown message type."))

    async def handle(self, kind: Any, content: dict[str, Any]) -> bool:
        """A message of this socket's own kinds; False when ``kind`` is not one of them."""
        return False

    async def handle_text(self, content: dict[str, Any]) -> None:
        text = content.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT_CHARS:
            await self.send_error(
                "invalid_text", _("A typed question is a text of 1 to 2,000 characters.")
            )
            return
        if self.status != AssistStatus.ACTIVE:
            await self.send_error("not_active", _("The session is paused or ended."))
            return
        segment_id = new_segment_id()
        started = time.monotonic()
        await self.push(
            {
                "type": "transcript",
                "segment_id": segment_id,
                "text": text.strip(),
                "final": True,
                "channel": self.channel,
                "source": "text",
            }
        )
        await self.assistant.handle(
            segment_id=segment_id, text=text.strip(), started=started, source="text"
        )


class AssistAudioConsumer(AssistSocketBase):
    """One voice of a live interview: the interviewer's (default) or the candidate's."""

    # Any consumer in the process may run a transcription while frames keep arriving.
    admitted = False

    async def on_authenticated(self) -> None:
        query = parse_qs(self.scope.get("query_string", b"").decode())
        channel = (query.get("channel") or [Channel.INTERVIEWER])[0]
        if channel not in Channel.values:
            await self.send_error(
                "invalid_channel", _("channel must be interviewer or candidate."), "reconnect"
            )
            await self.close(code=CLOSE_BAD_REQUEST)
            return
        self.channel = channel
        self.sample_rate = 16_000
        self.received = 0  # samples after resampling
        self.arrivals: deque[tuple[int, float]] = deque(maxlen=2_000)
        self.partial_busy = False
        self.early: dict[int, asyncio.Future[Any]] = {}
        self.segment_ids: dict[int, str] = {}
        self.finals: asyncio.Queue[FinalJob | None] = asyncio.Queue()
        self.odd_byte = b""
        self.audio_budget = Budget(AUDIO_SPEED, AUDIO_BURST_SECONDS)
        await super().on_authenticated()
        if not self.joined:
            return
        silence = int(self.session.settings.get("silence_ms") or 600)
        self.segmenter = Segmenter(SegmenterConfig(silence_ms=silence))
        self.worker = asyncio.create_task(self._final_worker())
        metrics.ACTIVE_SOCKETS.labels(self.channel).inc()

    async def admit(self) -> bool:
        if self.session.status == AssistStatus.ENDED:
            return True  # it only replays and closes
        if not get_pool().admit():
            metrics.ADMISSION_REFUSALS.inc()
            await self.send_error(
                "overloaded",
                _("The assistant is at capacity right now; try again in a moment."),
                "retry",
            )
            await self.close(code=CLOSE_OVERLOADED)
            return False
        self.admitted = True
        return True

    async def disconnect(self, code: int) -> None:
        self.closed = True
        await self._release()
        await super().disconnect(code)

    async def _release(self) -> None:
        """Finish and give back what this socket holds; safe to call twice (an ended
        session closes from the server side, then the disconnect arrives too)."""
        if getattr(self, "released", False):
            return
        self.released = True
        if hasattr(self, "worker"):
            # Whatever was being said when the socket dropped is still transcribed and
            # logged, so a reconnecting client finds it in the replay.
            await self._flush()
            metrics.ACTIVE_SOCKETS.labels(self.channel).dec()
        if self.admitted:
            get_pool().release()
            self.admitted = False

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if bytes_data is None:
            await super().receive(text_data=text_data, bytes_data=bytes_data)
            return
        if not hasattr(self, "segmenter") or self.status != AssistStatus.ACTIVE:
            return  # paused or ended: audio is ignored, nothing is transcribed
        if len(bytes_data) > MAX_FRAME_BYTES:
            await self.send_error(
                "frame_too_large", _("Send audio in frames of at most 10 seconds."), "retry"
            )
            return
        if not self.audio_budget.spend(len(bytes_data) / (2 * self.sample_rate)):
            await self.refuse_flood(_("Audio is arriving much faster than real time."))
            return
        data = self.odd_byte + bytes_data
        whole = len(data) // 2 * 2
        self.odd_byte = data[whole:]
        samples = resample(pcm16_to_float(data[:whole]), self.sample_rate)
        self.received += len(samples)
        self.arrivals.append((self.received, time.monotonic()))
        for event in self.segmenter.feed(samples):
            await self._on_event(event)

    async def handle(self, kind: Any, content: dict[str, Any]) -> bool:
        if kind != "config":
            return False
        await self._configure(content)
        return True

    async def _configure(self, content: dict[str, Any]) -> None:
        rate = content.get("sample_rate", self.sample_rate)
        language = content.get("language", self.assistant.language)
        if not isinstance(rate, int) or isinstance(rate, bool) or rate not in SAMPLE_RATES:
            await self.send_error("invalid_config", _("sample_rate must be 8000 to 48000 Hz."))
            return
        if language not in ("en", "zh"):
            await self.send_error("invalid_config", _("language must be en or zh."))
            return
        self.sample_rate = rate
        self.assistant.settings = {**self.assistant.settings, "language": language}

    def _segment_id(self, utterance: int) -> str:
        return self.segment_ids.setdefault(utterance, new_segment_id())

    def _speech_end_time(self, sample: int) -> float:
        for received, at in self.arrivals:
            if received >= sample:
                return at
        return time.monotonic()

    def _transcribe(self, audio: np.ndarray, *, final: bool) -> asyncio.Future[Any]:
        # The candidate's finals keep word timings: pace and pauses feed the feedback report.
        with_words = final and self.channel == Channel.CANDIDATE
        return get_pool().run(
            transcribe_utterance,
            audio,
            self.assistant.language,
            with_words,
            priority=FINAL if final else PARTIAL,
        )

    async def _on_event(self, event: Any) -> None:
        pool = get_pool()
        if isinstance(event, Partial):
            if self.partial_busy or pool.busy:
                metrics.DROPPED_PARTIALS.inc()
                return
            self.partial_busy = True
            self.partial_task = asyncio.create_task(self._partial(event))
        elif isinstance(event, EarlyEnd):
            if not pool.saturated:
                self.early[event.utterance] = self._transcribe(event.audio, final=True)
        elif isinstance(event, Resumed):
            self.early.pop(event.utterance, None)
        elif isinstance(event, UtteranceEnd):
            future = self.early.pop(event.utterance, None) or self._transcribe(
                event.audio, final=True
            )
            await self.finals.put(
                FinalJob(
                    segment_id=self._segment_id(event.utterance),
                    future=future,
                    speech_end=self._speech_end_time(event.speech_end_sample),
                    audio_seconds=len(event.audio) / 16_000,
                )
            )
            self.segment_ids.pop(event.utterance, None)

    async def _partial(self, event: Partial) -> None:
        try:
            transcript = await self._transcribe(event.audio, final=False)
        except (SpeechError, StalePartial):
            return  # a partial is a preview; the final reports any problem
        except Exception:
            logger.exception("live assist partial failed", extra={"session": self.session.pk})
            return
        finally:
            self.partial_busy = False
        # A partial that lands after its utterance ended is stale: the final says more.
        if transcript.text and event.utterance == self.segmenter.utterances:
            await self.push(
                {
                    "type": "transcript",
                    "segment_id": self._segment_id(event.utterance),
                    "text": transcript.text,
                    "final": False,
                    "channel": self.channel,
                }
            )

    async def _final_worker(self) -> None:
        while True:
            job = await self.finals.get()
            if job is None:
                return
            try:
                await self._final(job)
            except Exception:
                logger.exception("live assist final failed", extra={"session": self.session.pk})
                await self.send_error(
                    "processing_failed",
                    _("That utterance could not be processed; type the question instead."),
                    "text_input",
                )

    async def _final(self, job: FinalJob) -> None:
        try:
            transcript = await job.future
        except SpeechError as exc:
            metrics.UTTERANCES.labels(self.channel, "speech_error").inc()
            await self.push(
                {
                    "type": "error",
                    "code": "transcription_failed",
                    "message": str(exc),
                    "action": "text_input",
                }
            )
            return
        transcribed_ms = round((time.monotonic() - job.speech_end) * 1000, 1)
        metrics.LATENCY.labels("transcribe").observe(transcribed_ms / 1000)
        text = transcript.text.strip()
        if not text:
            metrics.UTTERANCES.labels(self.channel, "no_words").inc()
            return
        await self.push(
            {
                "type": "transcript",
                "segment_id": job.segment_id,
                "text": text,
                "final": True,
                "channel": self.channel,
            }
        )
        await self.assistant.handle(
            segment_id=job.segment_id,
            text=text,
            started=job.speech_end,
            timings={"transcribe": transcribed_ms},
            audio_seconds=round(job.audio_seconds, 2),
        )

    async def _flush(self) -> None:
        """Finish what was said, then stop the worker once every final is handled."""
        for event in self.segmenter.flush():
            await self._on_event(event)
        await self.finals.put(None)
        await self.worker

    async def assist_control(self, event: dict[str, Any]) -> None:
        action = event.get("action")
        if action == "pause":
            self.status = AssistStatus.PAUSED
            self.segmenter = Segmenter(self.segmenter.config)  # drop what was half-heard
            self.early.clear()
        elif action == "resume":
            self.status = AssistStatus.ACTIVE
        elif action == "end":
            self.status = AssistStatus.ENDED
            await self._release()
            await self.push({"type": "status", "state": AssistStatus.ENDED})
            self.closed = True
            await self.close()
            return
        await self.push({"type": "status", "state": self.status})


class AssistControlConsumer(AssistSocketBase):
    """``/ws/interview/assist/<id>/control``: pause, resume, end, and typed questions."""

    async def replay(self) -> None:
        return  # the console's audio sockets replay; the control socket only acts

    async def _mark_used(self, content: dict[str, Any]) -> None:
        """``{"type":"used","segment_id":…,"used":true}``: the candidate used a suggestion."""
        segment_id, used = content.get("segment_id"), content.get("used", True)
        if not isinstance(segment_id, str) or not isinstance(used, bool):
            await self.send_error("invalid_used", _("segment_id (text) and used (true or false)."))
            return
        try:
            await database_sync_to_async(services.mark_used)(
                session=self.session, segment_id=segment_id[:36], used=used
            )
        except NotFound:
            await self.send_error("unknown_segment", _("This session has no such question."))
            return
        await self.push({"type": "used", "segment_id": segment_id, "used": used})

    async def handle(self, kind: Any, content: dict[str, Any]) -> bool:
        if kind == "used":
            await self._mark_used(content)
            return True
        moves = {
            "pause": AssistStatus.PAUSED,
            "resume": AssistStatus.ACTIVE,
            "end": AssistStatus.ENDED,
        }
        if kind not in moves:
            return False
        if self.status == AssistStatus.ENDED:
            await self.send_error("ended", _("This session has ended."))
            return True
        await database_sync_to_async(_set_status)(self.session.pk, moves[kind])
        self.status = moves[kind]
        await broadcast.notify(self.session.pk, kind)
        await self.push({"type": "status", "state": self.status})
        if kind == "end":
            await self.close()
        return True

    async def assist_control(self, event: dict[str, Any]) -> None:
        action = event.get("action")
        if action in ("pause", "resume", "end"):
            self.status = {"pause": AssistStatus.PAUSED, "resume": AssistStatus.ACTIVE}.get(
                str(action), AssistStatus.ENDED
            )


def frames_of(log: AssistLog) -> list[dict[str, Any]]:
    """The frames a stored utterance was pushed as (for the replay)."""
    frames: list[dict[str, Any]] = [
        {
            "type": "transcript",
            "segment_id": log.segment_id,
            "text": log.transcript,
            "final": True,
            "channel": log.channel,
            **({"source": log.source} if log.source != "speech" else {}),
        }
    ]
    if log.is_question and (log.suggestions or log.repeat_of):
        frames.append(
            {
                "type": "question",
                "segment_id": log.segment_id,
                "text": log.transcript,
                "question_type": log.question_type,
                "confidence": log.confidence,
                "competency": log.competency or None,
                **({"repeat_of": log.repeat_of} if log.repeat_of else {}),
            }
        )
    card = log.suggestions or {}
    if card.get("points") and not card.get("stale"):
        frame = suggestion_frame(log.segment_id, card, log.processing_ms or 0, final=True)
        frames.append({**frame, "used": log.suggestion_used})
    return frames


@database_sync_to_async
def _load(session_id: int) -> AssistSession | None:
    return AssistSession.objects.filter(pk=session_id).first()


@database_sync_to_async
def _recent_logs(session_id: int) -> list[AssistLog]:
    return services.recent_logs(session_id, REPLAY_LOGS)


def _set_status(session_id: int, status: str) -> None:
    session = AssistSession.objects.get(pk=session_id)
    services.set_status(session=session, status=status)
