from __future__ import annotations

import itertools
from typing import Any

from accounts.models import User

_counter = itertools.count(1)


def make_user(
    *, email: str | None = None, password: str = "correct-horse-battery-42", **extra: Any
) -> User:
    return User.objects.create_user(
        email or f"candidate{next(_counter)}@example.com", password, **extra
    )
