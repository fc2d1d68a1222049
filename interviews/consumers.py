"""``/ws/interviews/<id>``: the mock interview over a WebSocket (DESIGN.md, WebSockets).

Server → client: ``{"type":"question", ...}`` (on connect, and after each answer),
``{"type":"transcript", ...}`` for a spoken answer, ``{"type":"analysis", ...}`` for each
answer, ``{"type":"finished", ...}`` at the end, ``{"type":"error", ...}`` (with
``"action":"text_input"`` when speech could not be recognised). Client → server:
``{"type":"answer","text":...}``, or binary frames of a recording (webm, ogg, wav…)
followed by ``{"type":"answer_end"}``.
The state lives in the database, so a dropped socket reconnects to the same question.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from interviewgenius.http.errors import DomainError
from interviewgenius.ws.consumers import (
    _MALFORMED,
    CLOSE_FORBIDDEN,
    CLOSE_NOT_FOUND,
    AuthenticatedJsonConsumer,
)
from interviews import services
from interviews.models import InterviewSession, InterviewStatus
from interviews.serializers import EvaluationSerializer, ItemSerializer, SessionSerializer
from interviews.services import MAX_ANSWER_CHARS

# The most audio one spoken answer may send (a few minutes of compressed speech).
MAX_AUDIO_BYTES = 25 * 1024 * 1024


class InterviewConsumer(AuthenticatedJsonConsumer):
    # The interview is one client talking to its own consumer: nothing is sent to it
    # through the channel layer, so it does not listen on one. (Listening on Redis also
    # made it fragile: a blocking read times out if the process is busy for a while,
    # e.g. loading the speech and embedding models on a first answer.)
    channel_layer_alias = "interviews-need-no-channel-layer"
    audio: bytearray

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if bytes_data is not None:
            # A spoken answer arrives as binary frames, then {"type": "answer_end"}.
            if not hasattr(self, "session_id"):
                return
            if len(self.audio) + len(bytes_data) > MAX_AUDIO_BYTES:
                self.audio = bytearray()
                await self.send_error(
                    "audio_too_long", "The recording is too long for one answer.", "text_input"
                )
                return
            self.audio.extend(bytes_data)
            return
        await super().receive(text_data=text_data, bytes_data=bytes_data)

    async def on_authenticated(self) -> None:
        self.audio = bytearray()
        session_id = int(self.scope["url_route"]["kwargs"]["session_id"])
        found = await self._load(session_id)
        if found is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if found.owner_id != self.scope["user"].pk:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.session_id = session_id
        await self._send_state()

    @database_sync_to_async
    def _load(self, session_id: int) -> InterviewSession | None:
        return InterviewSession.objects.select_related("current_item").filter(pk=session_id).first()

    @database_sync_to_async
    def _state(self) -> dict[str, Any]:
        session = InterviewSession.objects.select_related("current_item").get(pk=self.session_id)
        return SessionSerializer(session).data

    async def _send_state(self) -> None:
        state = await self._state()
        if state["status"] == InterviewStatus.INTERVIEWING and state["current_question"]:
            await self.send_json(
                {"type": "question", "question": state["current_question"], "session": state}
            )
        else:
            await self.send_json({"type": "finished", "session": state})

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if content is _MALFORMED or not isinstance(content, dict):
            await self.send_error("malformed_message", "Frames must be JSON objects.")
            return
        if content.get("type") == "answer_end":
            await self._spoken_answer()
            return
        if content.get("type") != "answer":
            await self.send_error("unknown_type", "Unknown message type.")
            return
        text = content.get("text")
        if not isinstance(text, str) or len(text) > MAX_ANSWER_CHARS:
            await self.send_error(
                "invalid_answer", "An answer is a text of at most 20,000 characters."
            )
            return
        try:
            result = await self._answer(text)
        except DomainError as refusal:
            await self.send_error(refusal.code, str(refusal.message))
            return
        await self.send_json({"type": "analysis", **result})
        await self._send_state()

    async def _spoken_answer(self) -> None:
        audio, self.audio = bytes(self.audio), bytearray()
        if not audio:
            await self.send_error("no_audio", "No audio arrived before answer_end.", "retry")
            return
        try:
            result = await self._answer_audio(audio)
        except DomainError as refusal:
            action = refusal.details.get("action") if isinstance(refusal.details, dict) else None
            await self.send_error(refusal.code, str(refusal.message), action)
            return
        await self.send_json(
            {"type": "transcript", "text": result.pop("transcript"), "final": True}
        )
        await self.send_json({"type": "analysis", **result})
        await self._send_state()

    @database_sync_to_async
    def _answer_audio(self, audio: bytes) -> dict[str, Any]:
        # Transcription is CPU work: database_sync_to_async runs it on a worker thread,
        # off the event loop, like the database work around it.
        session = InterviewSession.objects.get(pk=self.session_id)
        transcript, outcome = services.submit_spoken_answer(session=session, audio=audio)
        return {"transcript": transcript.text, **_result(outcome)}

    @database_sync_to_async
    def _answer(self, text: str) -> dict[str, Any]:
        session = InterviewSession.objects.get(pk=self.session_id)
        return _result(services.submit_answer(session=session, text=text))


def _result(outcome: services.AnswerOutcome) -> dict[str, Any]:
    return {
        "evaluation": EvaluationSerializer(outcome.evaluation).data,
        "next_question": ItemSerializer(outcome.next_item).data if outcome.next_item else None,
    }
