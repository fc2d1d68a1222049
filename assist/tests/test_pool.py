"""The shared transcription pool: finals before partials, stale partials dropped, admission."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from assist.pool import FINAL, PARTIAL, StalePartial, TranscriptionPool


async def test_finals_run_before_partials_queued_earlier():
    pool = TranscriptionPool(threads=1, max_pending=10, max_sockets=10)
    gate = threading.Event()
    order: list[str] = []
    blocker = pool.run(gate.wait)
    partial = pool.run(order.append, "partial", priority=PARTIAL)
    final = pool.run(order.append, "final", priority=FINAL)
    gate.set()
    await asyncio.gather(blocker, final)
    await asyncio.gather(partial, return_exceptions=True)
    assert order[0] == "final"


async def test_a_partial_that_waited_too_long_is_dropped_unrun():
    pool = TranscriptionPool(threads=1, max_pending=10, max_sockets=10)
    ran: list[str] = []
    blocker = pool.run(time.sleep, 0.7)
    partial = pool.run(ran.append, "partial", priority=PARTIAL)
    final = pool.run(ran.append, "final", priority=FINAL)
    await asyncio.gather(blocker, final)
    with pytest.raises(StalePartial):
        await partial
    assert ran == ["final"]
    assert pool.pending == 0


async def test_errors_reach_the_caller_and_the_count_recovers():
    pool = TranscriptionPool(threads=2, max_pending=10, max_sockets=10)

    def boom() -> None:
        raise ValueError("bad audio")

    with pytest.raises(ValueError, match="bad audio"):
        await pool.run(boom)
    assert pool.pending == 0 and not pool.busy


def test_admission_counts_sockets_and_refuses_when_saturated():
    pool = TranscriptionPool(threads=1, max_pending=2, max_sockets=2)
    assert pool.admit() and pool.admit()
    assert not pool.admit()
    pool.release()
    assert pool.admit()
    pool.release()
    pool.pending = 2  # a long queue refuses newcomers even with free seats
    assert pool.saturated and not pool.admit()
