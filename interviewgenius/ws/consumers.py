"""Base consumer: authentication and the error frame shape every socket shares."""

from __future__ import annotations

import contextlib
import json
import logging
from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils.translation import gettext as _
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from interviewgenius.ws.limits import Budget, Warnings

logger = logging.getLogger(__name__)
# What a lost Redis raises from channels_redis (redis-py's own errors, and OSError).
CHANNEL_LAYER_DOWN = (RedisConnectionError, RedisTimeoutError, ConnectionError)

# An alias no channel layer is configured under: channels then runs without one.
NO_CHANNEL_LAYER = "refused-sockets-have-no-channel-layer"

# Application close codes (4000-4999 are ours by RFC 6455).
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404

CLOSE_TRY_AGAIN_LATER = 1013  # RFC 6455: a server-side condition; reconnect later
CLOSE_FLOODED = 4408  # kept sending past its budget after being told to slow down

_MALFORMED = object()  # decode_json's answer for a frame that is not JSON

# No message of any socket here needs more than this (a typed question is 2,000
# characters); a larger text frame is refused before it is decoded.
MAX_TEXT_FRAME_CHARS = 64 * 1024
# Text frames per socket: a person types a few a minute; scripts get 10 a second.
TEXT_FRAMES_PER_SECOND = 10.0
TEXT_FRAME_BURST = 30.0
# Frames refused for the budget before the socket is closed.
FLOOD_CLOSE_AFTER = 200


class AuthenticatedJsonConsumer(AsyncJsonWebsocketConsumer):
    """Refuses anonymous sockets before accepting them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What this socket may still send (one consumer instance per connection).
        self.text_budget = Budget(TEXT_FRAMES_PER_SECOND, TEXT_FRAME_BURST)
        self.flood_warnings = Warnings()
        self.refused = 0

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            # Accept-then-close so the client sees our code (a refused handshake has none).
            await self.accept()
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        await self.accept()
        await self.on_authenticated()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        user = scope.get("user")
        if user is None or not user.is_authenticated:
            # A socket we are about to refuse never joins the channel layer: a flood of
            # anonymous sockets costs Redis nothing, and closing one waits on no read.
            self.channel_layer_alias = NO_CHANNEL_LAYER
        try:
            await super().__call__(scope, receive, send)
        except CHANNEL_LAYER_DOWN:
            # The channel layer (Redis) went away under this socket: say so and close
            # with "try again later", so the client reconnects instead of seeing a 1011.
            logger.warning("channel layer unreachable; closing a socket with 1013")
            frame = {
                "type": "error",
                "code": "service_unavailable",
                "message": _("The live service is briefly unavailable; reconnecting."),
                "action": "retry",
            }
            with contextlib.suppress(Exception):  # the client may be gone too
                await send({"type": "websocket.send", "text": json.dumps(frame)})
                await send({"type": "websocket.close", "code": CLOSE_TRY_AGAIN_LATER})

    async def on_authenticated(self) -> None:
        """Hook for subclasses, run after the socket is accepted for a signed-in user."""

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data is not None and not await self.text_frame_allowed(text_data):
            return
        await super().receive(text_data=text_data, bytes_data=bytes_data)

    async def text_frame_allowed(self, text_data: str) -> bool:
        if len(text_data) > MAX_TEXT_FRAME_CHARS:
            await self.send_error("frame_too_large", _("A message is at most 64 KB."))
            return False
        if self.text_budget.spend():
            return True
        await self.refuse_flood(_("Too many messages: at most 10 a second."))
        return False

    async def refuse_flood(self, message: str) -> None:
        """One warning now and then; the socket is closed if the flood goes on."""
        self.refused += 1
        if self.refused > FLOOD_CLOSE_AFTER:
            await self.close(code=CLOSE_FLOODED)
            return
        if self.flood_warnings.due():
            await self.send_error("rate_limited", message)

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
