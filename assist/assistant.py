"""What happens to one final utterance: detection, the repeat and stale-turn guards,
the suggestion, and the log row. Shared by the audio socket (spoken questions) and the
control socket (typed ones), so both take exactly the same path.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from channels.db import database_sync_to_async

from assist import llm_points, metrics, services, state
from assist.detection import Detection, detect, has_subject, same_question
from assist.knowledge_store import knowledge
from assist.models import AssistSession, Channel
from assist.session_settings import max_points
from assist.suggest import Candidate, suggest
from interviewgenius.engines import llm

logger = logging.getLogger(__name__)

Send = Callable[[dict[str, Any]], Awaitable[None]]
# A question asked again within this window is the same turn: not answered twice.
REPEAT_WINDOW_SECONDS = 180.0


def new_segment_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Assistant:
    session_id: int
    channel: str
    settings: dict[str, Any]
    send: Send
    candidate: Candidate | None = None
    llm_tasks: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def language(self) -> str:
        return str(self.settings.get("language") or "en")

    async def handle(
        self,
        *,
        segment_id: str,
        text: str,
        started: float,
        source: str = "speech",
        timings: dict[str, float] | None = None,
        audio_seconds: float | None = None,
    ) -> None:
        """``started`` is the monotonic time of the end of speech (or of the typed question)."""
        timings = dict(timings or {})
        record: dict[str, Any] = {
            "session_id": self.session_id,
            "segment_id": segment_id,
            "channel": self.channel,
            "transcript": text,
            "source": source,
            "timings": timings,
            "audio_seconds": audio_seconds,
        }
        if self.channel != Channel.INTERVIEWER:
            # The candidate's own words are kept for feedback; they never trigger advice.
            metrics.UTTERANCES.labels(self.channel, "kept").inc()
            await _record(**record)
            return
        detection = detect(text, self.language)
        timings["detect"] = _ms_since(started)
        metrics.LATENCY.labels("detect").observe(timings["detect"] / 1000)
        record["detection"] = detection
        wanted = detection.question_type in self.settings.get("question_types", ())
        if not detection.is_question or not wanted:
            metrics.UTTERANCES.labels(self.channel, "not_question").inc()
            await _record(**record)
            return
        if not has_subject(detection):
            # "why?" or a fragment cut at a pause: logged as asked, but a card built from
            # these words alone would be noise; the transcript line shows it.
            metrics.UTTERANCES.labels(self.channel, "no_subject").inc()
            await _record(**record)
            return
        repeat_of, seq = await _register(self.session_id, segment_id, detection.text)
        frame: dict[str, Any] = {
            "type": "question",
            "segment_id": segment_id,
            "text": text,
            "question_type": detection.question_type,
            "confidence": round(detection.confidence, 3),
            "competency": detection.competency,
        }
        if repeat_of:
            metrics.UTTERANCES.labels(self.channel, "repeat").inc()
            await self.send({**frame, "repeat_of": repeat_of})
            await _record(**record, repeat_of=repeat_of)
            return
        metrics.UTTERANCES.labels(self.channel, "question").inc()
        await self.send(frame)
        card = await self._suggest(detection)
        timings["suggest"] = _ms_since(started)
        timings["total"] = timings["suggest"]
        metrics.LATENCY.labels("suggest").observe(timings["suggest"] / 1000)
        if await _is_stale(self.session_id, seq):
            metrics.STALE_SUGGESTIONS.inc()
            await _record(**record, suggestion={**card, "stale": True})
            return
        refine = llm.is_configured()
        await self.send(suggestion_frame(segment_id, card, timings["suggest"], final=not refine))
        await _record(**record, suggestion=card)
        if refine:
            task = asyncio.create_task(self._refine(segment_id, seq, detection, card, started))
            self.llm_tasks.add(task)
            task.add_done_callback(self.llm_tasks.discard)

    async def _refine(
        self,
        segment_id: str,
        seq: int,
        detection: Detection,
        card: dict[str, Any],
        started: float,
    ) -> None:
        """Stream the LLM's points over the template card, one line at a time."""
        candidate = self.candidate or Candidate()
        messages = llm_points.messages_for(
            question=detection.text,
            question_type=str(detection.question_type),
            language=self.language,
            candidate=candidate,
            draft=list(card["points"]),
            count=max_points(self.settings),
        )
        loop = asyncio.get_running_loop()
        updates: asyncio.Queue[list[str] | BaseException | None] = asyncio.Queue()

        def produce() -> None:
            try:
                for points in llm_points.stream_points(messages, limit=max_points(self.settings)):
                    loop.call_soon_threadsafe(updates.put_nowait, points)
            except BaseException as exc:  # handed to the event loop, which decides
                loop.call_soon_threadsafe(updates.put_nowait, exc)
            finally:
                loop.call_soon_threadsafe(updates.put_nowait, None)

        producer = loop.run_in_executor(None, produce)
        latest: list[str] = []
        failure: str | None = None
        while (item := await updates.get()) is not None:
            if isinstance(item, BaseException):
                failure = getattr(item, "reason", "client_error")
                logger.warning("live assist llm failed", extra={"reason": failure})
                continue
            if await _is_stale(self.session_id, seq):
                metrics.STALE_SUGGESTIONS.inc()
                break
            latest = item
            llm_card = llm_points.card_from(latest, card)
            await self.send(suggestion_frame(segment_id, llm_card, _ms_since(started), final=False))
        await producer
        if latest and not failure:
            llm_card = llm_points.card_from(latest, card)
            if not await _is_stale(self.session_id, seq):
                await self.send(
                    suggestion_frame(segment_id, llm_card, _ms_since(started), final=True)
                )
            await _attach(self.session_id, segment_id, llm_card)
        elif failure:
            # The template card stays; the log says why the model's did not come.
            await _attach(self.session_id, segment_id, {**card, "llm_error": failure})
            await self.send(suggestion_frame(segment_id, card, _ms_since(started), final=True))

    async def _suggest(self, detection: Detection) -> dict[str, Any]:
        return await database_sync_to_async(self._suggest_sync)(detection)

    def _suggest_sync(self, detection: Detection) -> dict[str, Any]:
        if self.candidate is None:
            session = AssistSession.objects.select_related("resume").get(pk=self.session_id)
            self.candidate = services.candidate_for(session)
        card = suggest(
            detection,
            knowledge(),
            self.candidate,
            max_points=max_points(self.settings),
            detailed=self.settings.get("style") == "detailed",
        )
        return card.as_dict()


def suggestion_frame(
    segment_id: str, card: dict[str, Any], latency_ms: float, *, final: bool
) -> dict[str, Any]:
    return {
        "type": "suggestion",
        "segment_id": segment_id,
        "points": card["points"],
        "title": card["title"],
        "kind": card["kind"],
        "question_type": card["question_type"],
        "detail": card.get("detail", ""),
        "source": card["source"],
        "latency_ms": round(latency_ms),
        "final": final,
    }


def _ms_since(started: float) -> float:
    return round((time.monotonic() - started) * 1000, 1)


@database_sync_to_async
def _record(**values: Any) -> None:
    services.record(**values)


@database_sync_to_async
def _attach(session_id: int, segment_id: str, card: dict[str, Any]) -> None:
    services.attach_suggestion(session_id=session_id, segment_id=segment_id, suggestion=card)


@database_sync_to_async
def _register(session_id: int, segment_id: str, text: str) -> tuple[str | None, int]:
    """The earlier segment this question repeats, or a new sequence number for it."""
    now = time.time()
    for earlier in reversed(state.recent_questions(session_id)):
        if now - float(earlier.get("at", 0)) > REPEAT_WINDOW_SECONDS:
            break
        if same_question(str(earlier.get("text", "")), text):
            return str(earlier["segment_id"]), state.current_question_seq(session_id)
    seq = state.next_question_seq(session_id)
    state.remember_question(session_id, segment_id, text)
    return None, seq


@database_sync_to_async
def _is_stale(session_id: int, seq: int) -> bool:
    return state.current_question_seq(session_id) != seq
