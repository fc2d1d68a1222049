"""Base consumer: authentication and the error frame shape every socket shares."""

from __future__ import annotations

import json
from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

# Application close codes (4000-4999 are ours by RFC 6455).
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404

_MALFORMED = object()  # decode_json's answer for a frame that is not JSON


class AuthenticatedJsonConsumer(AsyncJsonWebsocketConsumer):
    """Refuses anonymous sockets before accepting them."""

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            # Accept-then-close so the client sees our code (a refused handshake has none).
            await self.accept()
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        await self.accept()
        await self.on_authenticated()

    async def on_authenticated(self) -> None:
        """Hook for subclasses, run after the socket is accepted for a signed-in user."""

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        # A malformed frame gets an error frame back instead of killing the socket.
        try:
            return json.loads(text_data)
        except (ValueError, RecursionError):
            return _MALFORMED

    async def send_error(self, code: str, message: str, action: str | None = None) -> None:
        frame: dict[str, Any] = {"type": "error", "code": code, "message": message}
        if action:
            frame["action"] = action
        await self.send_json(frame)


class EchoConsumer(AuthenticatedJsonConsumer):
    """``/ws/echo``: proves the real-time stack (auth, origin, channel layer) end to end.

    ``{"type":"ping"}`` → ``{"type":"pong"}``; ``{"type":"echo","data":…}`` goes out
    through the channel layer and comes back, so the layer itself is exercised.
    """

    async def on_authenticated(self) -> None:
        self.group = f"echo.user.{self.scope['user'].pk}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.send_json({"type": "hello", "user": self.scope["user"].email})

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if content is _MALFORMED:
            await self.send_error("malformed_message", "Frames must be JSON objects.")
            return
        kind = content.get("type") if isinstance(content, dict) else None
        if kind == "ping":
            await self.send_json({"type": "pong"})
        elif kind == "echo":
            await self.channel_layer.group_send(
                self.group, {"type": "echo.message", "data": content.get("data")}
            )
        else:
            await self.send_error("unknown_type", "Unknown message type.")

    async def echo_message(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "echo", "data": event["data"]})
