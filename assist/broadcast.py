"""Telling every socket of a session about a control action, whichever process holds it."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def group_name(session_id: int) -> str:
    return f"assist.{session_id}"


async def notify(session_id: int, action: str) -> None:
    layer = get_channel_layer()
    if layer is not None:
        await layer.group_send(group_name(session_id), {"type": "assist.control", "action": action})


def notify_sync(session_id: int, action: str) -> None:
    async_to_sync(notify)(session_id, action)
