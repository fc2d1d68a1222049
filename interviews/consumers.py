"""``/ws/interviews/<id>``: the mock interview over a WebSocket (DESIGN.md, WebSockets).

Server → client: ``{"type":"question", ...}`` (on connect, and after each answer),
``{"type":"analysis", ...}`` for each answer, ``{"type":"finished", ...}`` at the end,
``{"type":"error", ...}``. Client → server: ``{"type":"answer","text":...}``.
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


class InterviewConsumer(AuthenticatedJsonConsumer):
    async def on_authenticated(self) -> None:
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

    @database_sync_to_async
    def _answer(self, text: str) -> dict[str, Any]:
        session = InterviewSession.objects.get(pk=self.session_id)
        outcome = services.submit_answer(session=session, text=text)
        return {
            "evaluation": EvaluationSerializer(outcome.evaluation).data,
            "next_question": ItemSerializer(outcome.next_item).data if outcome.next_item else None,
        }
