"""Exact counts from distributions, and a type x difficulty plan that honours both.

"30 % hard" of 10 questions must be exactly 3 hard questions, and the same set must also
be exactly "60 % technical": both margins at once. The plan is a small transport problem:
types supply their counts, difficulties demand theirs, and a cell (type, difficulty) can
take at most as many questions as there are candidates for it. A proportional first guess
is completed with augmenting paths (max-flow), so the margins hold whenever the bank can
hold them at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

Plan = dict[tuple[str, str], int]


def exact_counts(
    distribution: dict[str, float], total: int, order: Sequence[str]
) -> dict[str, int]:
    """Largest-remainder apportionment: integer counts summing to ``total``.

    Ties go to the earlier name in ``order``, so the result is deterministic.
    """
    weight = sum(max(0.0, distribution.get(name, 0.0)) for name in order)
    if weight <= 0:
        raise ValueError("a distribution needs a positive share")
    shares = {name: total * max(0.0, distribution.get(name, 0.0)) / weight for name in order}
    counts = {name: int(shares[name]) for name in order}
    left = total - sum(counts.values())
    by_remainder = sorted(order, key=lambda n: (-(shares[n] - counts[n]), order.index(n)))
    for name in by_remainder[:left]:
        counts[name] += 1
    return counts


def plan_cells(
    type_counts: dict[str, int],
    difficulty_counts: dict[str, int],
    capacity: dict[tuple[str, str], int],
) -> tuple[Plan, int]:
    """Cell counts meeting both margins within capacity; and how many slots stay unplanned."""
    types = [t for t in type_counts if type_counts[t] > 0]
    levels = [d for d in difficulty_counts if difficulty_counts[d] > 0]
    plan: Plan = {(t, d): 0 for t in types for d in levels}
    supply = dict(type_counts)
    demand = dict(difficulty_counts)
    total = sum(difficulty_counts.values()) or 1
    # First guess: every type split like the difficulty margin, most-behind cell first.
    while True:
        best: tuple[float, str, str] | None = None
        for t in types:
            for d in levels:
                if supply[t] and demand[d] and plan[(t, d)] < capacity.get((t, d), 0):
                    ideal = type_counts[t] * difficulty_counts[d] / total
                    gap = ideal - plan[(t, d)]
                    if best is None or gap > best[0]:
                        best = (gap, t, d)
        if best is None:
            break
        _, t, d = best
        plan[(t, d)] += 1
        supply[t] -= 1
        demand[d] -= 1
    # Complete with augmenting paths: type -> difficulty (spare capacity) or
    # difficulty -> type (undo a planned question), from a type with supply left to a
    # difficulty with demand left.
    while any(supply[t] for t in types):
        path = _augmenting_path(types, levels, plan, capacity, supply, demand)
        if path is None:
            break
        for (a, b), forward in path:
            plan[(a, b)] += 1 if forward else -1
        supply[path[0][0][0]] -= 1
        demand[path[-1][0][1]] -= 1
    return plan, sum(supply.values())


def _augmenting_path(
    types: list[str],
    levels: list[str],
    plan: Plan,
    capacity: dict[tuple[str, str], int],
    supply: dict[str, int],
    demand: dict[str, int],
) -> list[tuple[tuple[str, str], bool]] | None:
    starts = [("t", t) for t in types if supply[t] > 0]
    parent: dict[tuple[str, str], tuple[tuple[str, str], tuple[tuple[str, str], bool]] | None] = {
        node: None for node in starts
    }
    queue = deque(starts)
    while queue:
        side, name = queue.popleft()
        if side == "t":
            for d in levels:
                node = ("d", d)
                if node not in parent and plan[(name, d)] < capacity.get((name, d), 0):
                    parent[node] = ((side, name), ((name, d), True))
                    if demand[d] > 0:
                        return _unwind(parent, node)
                    queue.append(node)
        else:
            for t in types:
                node = ("t", t)
                if node not in parent and plan[(t, name)] > 0:
                    parent[node] = ((side, name), ((t, name), False))
                    queue.append(node)
    return None


def _unwind(
    parent: dict[tuple[str, str], tuple[tuple[str, str], tuple[tuple[str, str], bool]] | None],
    node: tuple[str, str],
) -> list[tuple[tuple[str, str], bool]]:
    steps: list[tuple[tuple[str, str], bool]] = []
    link = parent[node]
    while link is not None:
        previous, step = link
        steps.append(step)
        link = parent[previous]
    return list(reversed(steps))
