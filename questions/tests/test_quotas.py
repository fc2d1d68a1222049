from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from questions.engines.quotas import exact_counts, plan_cells
from questions.engines.types import DIFFICULTIES, QUESTION_TYPES


def test_exact_counts_use_largest_remainders():
    counts = exact_counts({"easy": 0.3, "medium": 0.5, "hard": 0.2}, 10, DIFFICULTIES)
    assert counts == {"easy": 3, "medium": 5, "hard": 2}
    # 7 x (1/3 each) = 2.33 each: the one left over goes to the first name.
    thirds = exact_counts({"easy": 1 / 3, "medium": 1 / 3, "hard": 1 / 3}, 7, DIFFICULTIES)
    assert thirds == {"easy": 3, "medium": 2, "hard": 2}


def test_exact_counts_refuse_an_empty_distribution():
    with pytest.raises(ValueError):
        exact_counts({"easy": 0.0}, 5, DIFFICULTIES)


def test_plan_meets_both_margins_when_the_proportional_guess_cannot():
    # Only technical questions can be hard, and only behavioral ones easy: a plan exists
    # (every hard slot technical, every easy slot behavioral) though the proportional
    # first guess would put hard behavioral questions in it.
    types = {"technical": 3, "behavioral": 3, "situational": 0}
    levels = {"easy": 3, "medium": 0, "hard": 3}
    capacity = {("technical", "hard"): 5, ("behavioral", "easy"): 5, ("technical", "easy"): 5}
    plan, unplanned = plan_cells(types, levels, capacity)
    assert unplanned == 0
    assert plan[("technical", "hard")] == 3 and plan[("behavioral", "easy")] == 3


def test_plan_reports_what_the_bank_cannot_hold():
    plan, unplanned = plan_cells(
        {"technical": 4, "behavioral": 0, "situational": 0},
        {"easy": 0, "medium": 0, "hard": 4},
        {("technical", "hard"): 1},
    )
    assert plan[("technical", "hard")] == 1 and unplanned == 3


shares = st.lists(st.integers(min_value=0, max_value=10), min_size=3, max_size=3).filter(
    lambda xs: sum(xs) > 0
)


@settings(max_examples=200, deadline=None)
@given(
    type_shares=shares,
    level_shares=shares,
    count=st.integers(min_value=1, max_value=50),
    capacities=st.lists(st.integers(min_value=0, max_value=20), min_size=9, max_size=9),
)
def test_plan_is_a_maximum_flow(type_shares, level_shares, count, capacities):
    types = exact_counts(
        dict(zip(QUESTION_TYPES, map(float, type_shares), strict=True)), count, QUESTION_TYPES
    )
    levels = exact_counts(
        dict(zip(DIFFICULTIES, map(float, level_shares), strict=True)), count, DIFFICULTIES
    )
    cells = list(itertools.product(QUESTION_TYPES, DIFFICULTIES))
    capacity = dict(zip(cells, capacities, strict=True))
    plan, unplanned = plan_cells(types, levels, capacity)
    for (t, d), n in plan.items():
        assert 0 <= n <= capacity[(t, d)]
    for t in QUESTION_TYPES:
        assert sum(n for (tt, _), n in plan.items() if tt == t) <= types[t]
    for d in DIFFICULTIES:
        assert sum(n for (_, dd), n in plan.items() if dd == d) <= levels[d]
    # The planned total is the best any plan can do: brute force over small cuts is
    # costly, so compare with the max-flow bound min over subsets of types (Hall).
    best = count
    for r in range(len(QUESTION_TYPES) + 1):
        for subset in itertools.combinations(QUESTION_TYPES, r):
            for s2 in range(len(DIFFICULTIES) + 1):
                for levels_subset in itertools.combinations(DIFFICULTIES, s2):
                    cut = (
                        sum(types[t] for t in QUESTION_TYPES if t not in subset)
                        + sum(levels[d] for d in levels_subset)
                        + sum(
                            capacity[(t, d)]
                            for t in subset
                            for d in DIFFICULTIES
                            if d not in levels_subset
                        )
                    )
                    best = min(best, cut)
    assert count - unplanned == best
