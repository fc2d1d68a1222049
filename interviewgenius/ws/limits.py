"""Per-socket budgets: what one WebSocket may send, so a flood cannot starve the others.

A token bucket: ``rate`` units a second, at most ``burst`` saved up. Text frames spend one
unit each; live audio spends seconds of audio, so a client may send faster than real
time for a while (catching up after a network hiccup) but not keep doing it.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Budget:
    def __init__(
        self, rate: float, burst: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self.tokens = burst
        self.updated = clock()

    def spend(self, amount: float = 1.0) -> bool:
        """Take ``amount`` if the bucket has it; False (and nothing taken) if not."""
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens < amount:
            return False
        self.tokens -= amount
        return True


class Warnings:
    """At most one warning per ``every`` seconds: refusing a flood frame by frame with an
    error frame each would let the flood amplify itself."""

    def __init__(self, every: float = 5.0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self.last: float | None = None

    def due(self) -> bool:
        now = self.clock()
        if self.last is not None and now - self.last < self.every:
            return False
        self.last = now
        return True
