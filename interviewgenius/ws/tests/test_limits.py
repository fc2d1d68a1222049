"""Hostile WebSocket clients: huge frames, floods of messages, audio far faster than
real time. Each is refused without hurting the socket's owner or anyone else."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from rest_framework_simplejwt.tokens import AccessToken

from accounts.tests.factories import make_user
from assist.tests.helpers import assist_session, open_audio
from interviewgenius.asgi import application
from interviewgenius.ws import consumers
from interviewgenius.ws.limits import Budget, Warnings

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://localhost")


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_budget_refills_at_its_rate_and_never_beyond_its_burst():
    clock = FakeClock()
    budget = Budget(rate=2.0, burst=3.0, clock=clock)
    assert [budget.spend() for _ in range(4)] == [True, True, True, False]
    clock.now += 1.0  # two more
    assert [budget.spend() for _ in range(3)] == [True, True, False]
    clock.now += 60.0  # saved up, but only to the burst
    assert sum(budget.spend() for _ in range(10)) == 3
    assert not budget.spend(0.5)
    clock.now += 0.5
    assert budget.spend(1.0) and not budget.spend(0.1)


def test_warnings_are_rationed():
    clock = FakeClock()
    warnings = Warnings(every=5.0, clock=clock)
    assert warnings.due() and not warnings.due()
    clock.now += 4.9
    assert not warnings.due()
    clock.now += 0.2
    assert warnings.due()


async def connected_echo_socket():
    user = await database_sync_to_async(make_user)()
    token = AccessToken.for_user(user)
    socket = WebsocketCommunicator(application, f"/ws/echo?token={token}", headers=[ORIGIN])
    connected, _ = await socket.connect(timeout=5)
    assert connected
    return socket


async def echo_socket():
    socket = await connected_echo_socket()
    hello = await socket.receive_json_from(timeout=5)
    assert hello["type"] == "hello", hello
    return socket


async def test_a_huge_text_frame_is_refused_before_it_is_decoded():
    socket = await echo_socket()
    await socket.send_to(text_data='{"type": "echo", "data": "' + "x" * 200_000 + '"}')
    refused = await socket.receive_json_from(timeout=5)
    assert refused["code"] == "frame_too_large"
    await socket.send_json_to({"type": "ping"})  # the socket itself goes on
    assert (await socket.receive_json_from(timeout=5)) == {"type": "pong"}
    await socket.disconnect()


async def test_a_flood_is_warned_once_then_closed_and_others_are_unaffected(monkeypatch):
    monkeypatch.setattr(consumers, "FLOOD_CLOSE_AFTER", 50)
    flooder, bystander = await echo_socket(), await echo_socket()
    burst = int(consumers.TEXT_FRAME_BURST)
    for _ in range(burst + 20):
        await flooder.send_json_to({"type": "ping"})
    frames = [await flooder.receive_json_from(timeout=5) for _ in range(burst + 1)]
    assert frames.count({"type": "pong"}) >= burst
    warnings = [f for f in frames if f.get("code") == "rate_limited"]
    assert len(warnings) == 1  # one warning, not one per refused frame
    assert await flooder.receive_nothing(timeout=0.5)

    await bystander.send_json_to({"type": "ping"})
    assert (await bystander.receive_json_from(timeout=5)) == {"type": "pong"}

    for _ in range(60):  # the flood goes on past the limit: the socket is closed
        await flooder.send_json_to({"type": "ping"})
    closing = None
    for _ in range(100):
        message = await flooder.receive_output(timeout=5)
        if message["type"] == "websocket.close":
            closing = message
            break
    assert closing == {"type": "websocket.close", "code": consumers.CLOSE_FLOODED}
    await bystander.disconnect()


async def test_audio_far_faster_than_real_time_is_refused():
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    second = bytes(16_000 * 2)  # one second of silence at 16 kHz
    for _ in range(100):  # 100 s of audio at once: past the 90 s burst
        await socket.send_to(bytes_data=second)
    refused = await socket.receive_json_from(timeout=10)
    assert refused["type"] == "error" and refused["code"] == "rate_limited"
    await socket.disconnect()


async def test_a_socket_whose_channel_layer_dies_is_told_to_reconnect_later(settings):
    """Redis (the channel layer) stops: the socket gets an error frame and 1013 (try again
    later), not a bare 1011, so the pages' scripts reconnect. (Reconnecting in this same
    process right after a restart can wait on the layer's pooled connections to the old
    Redis, so that part is not asserted here.)"""
    from tests.processes import redis_server

    with redis_server() as (proc, url):
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": [{"address": url, "socket_timeout": 15.0}]},
            }
        }
        socket = await echo_socket()
        await socket.send_json_to({"type": "echo", "data": "through redis"})
        assert (await socket.receive_json_from(timeout=5))["data"] == "through redis"

        proc.terminate()
        proc.wait(timeout=10)
        told = await socket.receive_json_from(timeout=20)
        assert (told["code"], told["action"]) == ("service_unavailable", "retry")
        closed = await socket.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": consumers.CLOSE_TRY_AGAIN_LATER}
