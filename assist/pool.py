"""The process's transcription threads, shared by every assist socket, and admission control.

One pool per process, sized to the CPU: the Whisper model is shared (one copy per
process) and CTranslate2 releases the GIL, so the event loop keeps serving frames while
these threads decode.

Final transcriptions go first: a question's final text is what a suggestion waits for,
while a partial is only a preview. A partial that waited in the queue longer than
``PARTIAL_MAX_WAIT`` is stale (the speaker said more since) and is dropped unrun.
``pending`` counts queued and running jobs: partials are not even queued when every
thread is busy, and new sockets are refused when the queue is long, so a saturated
machine says so instead of lagging silently.
"""

from __future__ import annotations

import asyncio
import itertools
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings

from assist import metrics

T = TypeVar("T")

FINAL = 0
PARTIAL = 1
PARTIAL_MAX_WAIT = 0.5  # seconds in the queue after which a partial is not worth running


class StalePartial(Exception):
    """A partial transcription dropped because it waited too long."""


@dataclass(order=True)
class _Job:
    priority: int
    order: int
    queued_at: float = field(compare=False)
    run: Callable[[], Any] = field(compare=False)
    future: Future[Any] = field(compare=False)


class TranscriptionPool:
    def __init__(self, threads: int, max_pending: int, max_sockets: int) -> None:
        self.threads = threads
        self.max_pending = max_pending
        self.max_sockets = max_sockets
        self._queue: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._order = itertools.count()
        self._lock = threading.Lock()
        self.pending = 0
        self.sockets = 0
        for index in range(threads):
            threading.Thread(target=self._work, name=f"assist-stt-{index}", daemon=True).start()

    @property
    def busy(self) -> bool:
        """Every thread has work: a partial transcript now would only delay a final one."""
        return self.pending >= self.threads

    @property
    def saturated(self) -> bool:
        return self.pending >= self.max_pending

    def admit(self) -> bool:
        with self._lock:
            if self.sockets >= self.max_sockets or self.pending >= self.max_pending:
                return False
            self.sockets += 1
            return True

    def release(self) -> None:
        with self._lock:
            self.sockets = max(0, self.sockets - 1)

    def run(self, fn: Callable[..., T], *args: Any, priority: int = FINAL) -> asyncio.Future[T]:
        future: Future[T] = Future()
        self._add(1)
        self._queue.put(
            _Job(priority, next(self._order), time.monotonic(), lambda: fn(*args), future)
        )
        return asyncio.wrap_future(future)

    def _add(self, delta: int) -> None:
        with self._lock:
            self.pending += delta
            pending = self.pending
        metrics.PENDING_JOBS.set(pending)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if not job.future.set_running_or_notify_cancel():
                    continue
                waited = time.monotonic() - job.queued_at
                if job.priority == PARTIAL and waited > PARTIAL_MAX_WAIT:
                    metrics.DROPPED_PARTIALS.inc()
                    job.future.set_exception(StalePartial())
                    continue
                try:
                    job.future.set_result(job.run())
                except BaseException as exc:
                    job.future.set_exception(exc)
            finally:
                self._add(-1)


_pool: TranscriptionPool | None = None
_pool_lock = threading.Lock()


def get_pool() -> TranscriptionPool:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = TranscriptionPool(
                threads=settings.ASSIST_TRANSCRIBE_THREADS,
                max_pending=settings.ASSIST_MAX_PENDING,
                max_sockets=settings.ASSIST_MAX_SOCKETS,
            )
        return _pool


def reset_pool() -> None:
    """Forget the pool (tests change its limits through settings); its idle threads
    stay parked on their empty queue."""
    global _pool
    with _pool_lock:
        _pool = None
