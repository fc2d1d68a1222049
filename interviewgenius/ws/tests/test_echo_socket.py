from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
import websockets
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client
from rest_framework_simplejwt.tokens import AccessToken
from websockets.typing import Origin

from accounts.tests.factories import make_user
from interviewgenius.asgi import application
from interviewgenius.ws.consumers import CLOSE_UNAUTHENTICATED

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://localhost")


async def _user():
    return await database_sync_to_async(make_user)()


async def _connect(path: str, headers=None) -> tuple[WebsocketCommunicator, bool, int | None]:
    communicator = WebsocketCommunicator(application, path, headers=headers or [ORIGIN])
    connected, code = await communicator.connect(timeout=5)
    return communicator, connected, code


async def _assert_closed_with(communicator: WebsocketCommunicator, code: int) -> None:
    message = await communicator.receive_output(timeout=5)
    assert message == {"type": "websocket.close", "code": code}


async def test_missing_token_is_refused():
    communicator, connected, _ = await _connect("/ws/echo")
    assert connected
    await _assert_closed_with(communicator, CLOSE_UNAUTHENTICATED)


@pytest.mark.parametrize("token", ["garbage", "a.b.c", ""])
async def test_invalid_token_is_refused(token: str):
    communicator, _, _ = await _connect(f"/ws/echo?token={token}")
    await _assert_closed_with(communicator, CLOSE_UNAUTHENTICATED)


async def test_expired_token_is_refused():
    user = await _user()
    token = AccessToken.for_user(user)
    token.set_exp(lifetime=-timedelta(seconds=1))
    communicator, _, _ = await _connect(f"/ws/echo?token={token}")
    await _assert_closed_with(communicator, CLOSE_UNAUTHENTICATED)


async def test_foreign_origin_is_refused():
    user = await _user()
    token = AccessToken.for_user(user)
    communicator = WebsocketCommunicator(
        application, f"/ws/echo?token={token}", headers=[(b"origin", b"https://evil.example")]
    )
    connected, _ = await communicator.connect(timeout=5)
    assert not connected


async def test_valid_token_pings_and_echoes_through_the_channel_layer():
    user = await _user()
    communicator, connected, _ = await _connect(f"/ws/echo?token={AccessToken.for_user(user)}")
    assert connected
    assert await communicator.receive_json_from(timeout=5) == {"type": "hello", "user": user.email}
    await communicator.send_json_to({"type": "ping"})
    assert await communicator.receive_json_from(timeout=5) == {"type": "pong"}
    await communicator.send_json_to({"type": "echo", "data": {"n": 1, "text": "你好"}})
    assert await communicator.receive_json_from(timeout=5) == {
        "type": "echo",
        "data": {"n": 1, "text": "你好"},
    }
    await communicator.send_to(text_data="{broken")
    error = await communicator.receive_json_from(timeout=5)
    assert error["type"] == "error" and error["code"] == "malformed_message"
    await communicator.send_json_to({"type": "nope"})
    assert (await communicator.receive_json_from(timeout=5))["code"] == "unknown_type"
    await communicator.disconnect()


async def test_session_cookie_authenticates_pages():
    user = await _user()
    client = Client()
    await database_sync_to_async(client.force_login)(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    communicator, connected, _ = await _connect(
        "/ws/echo", headers=[ORIGIN, (b"cookie", cookie.encode())]
    )
    assert connected
    assert (await communicator.receive_json_from(timeout=5))["user"] == user.email
    await communicator.disconnect()


async def test_bad_token_does_not_fall_back_to_the_session():
    user = await _user()
    client = Client()
    await database_sync_to_async(client.force_login)(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    communicator, _, _ = await _connect(
        "/ws/echo?token=bad", headers=[ORIGIN, (b"cookie", cookie.encode())]
    )
    await _assert_closed_with(communicator, CLOSE_UNAUTHENTICATED)


async def test_real_client_against_live_daphne(live_asgi: str):
    user = await _user()
    url = f"ws://{live_asgi}/ws/echo?token={AccessToken.for_user(user)}"
    async with websockets.connect(url, origin=Origin("http://localhost")) as socket:
        assert json.loads(await asyncio.wait_for(socket.recv(), 5))["type"] == "hello"
        await socket.send(json.dumps({"type": "echo", "data": "over the wire"}))
        assert json.loads(await asyncio.wait_for(socket.recv(), 5)) == {
            "type": "echo",
            "data": "over the wire",
        }

    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        async with websockets.connect(url, origin=Origin("https://evil.example")):
            pass
    assert refused.value.response.status_code == 403

    async with websockets.connect(
        f"ws://{live_asgi}/ws/echo", origin=Origin("http://localhost")
    ) as anonymous:
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            await asyncio.wait_for(anonymous.recv(), 5)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == CLOSE_UNAUTHENTICATED


async def test_a_refused_socket_never_touches_the_channel_layer(settings, monkeypatch):
    """Refusing an anonymous socket needs no Redis: the consumer does not subscribe to
    the channel layer at all (it used to, so a flood of anonymous sockets meant a flood
    of blocking reads on Redis), and is refused at once with 4401 even when the layer
    points at a port nothing listens on."""
    from channels_redis.core import RedisChannelLayer

    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [{"address": "redis://127.0.0.1:9/0", "socket_timeout": 2.0}]},
        }
    }
    reads: list[str] = []
    original = RedisChannelLayer.receive

    async def counted(self, channel):
        reads.append(channel)
        return await original(self, channel)

    monkeypatch.setattr(RedisChannelLayer, "receive", counted)
    communicator, connected, _ = await _connect("/ws/echo?token=garbage")
    assert connected
    await _assert_closed_with(communicator, CLOSE_UNAUTHENTICATED)
    await asyncio.sleep(0.1)  # the consumer keeps running until the client goes
    assert reads == []
    await communicator.disconnect()
