"""What a user owns outside the database rows that cascade with them.

Deleting an account deletes its rows by foreign-key cascade; files in object storage
do not cascade. Each app that stores files registers a function listing the storage
keys a user owns, and ``accounts.services.delete_account`` removes them after the
rows are gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

StorageKeysOf = Callable[[Any], Iterable[str]]
_storage_owners: dict[str, StorageKeysOf] = {}


def register_storage_owner(name: str, keys_of: StorageKeysOf) -> None:
    _storage_owners[name] = keys_of


def storage_keys_owned_by(user: Any) -> list[str]:
    keys: list[str] = []
    for keys_of in _storage_owners.values():
        keys.extend(keys_of(user))
    return keys
