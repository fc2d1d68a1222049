"""Resume files in object storage, encrypted before they leave the process.

Key layout (original notes 24.2.1)::

    resumes/{user_id}/{year}/{month}/{resume_id}_{timestamp}_{sha256[:16]}.enc

The notes put the original file name in the key; we put a content hash there instead,
because object keys are not encrypted and file names ("Jane_Doe_CV.pdf") name people.
The original name is kept, encrypted at rest with the row's other details, in the
database.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from interviewgenius.engines import crypto

logger = logging.getLogger(__name__)

PENDING_PREFIX = "resumes/pending/"


def object_key(*, owner_id: int, resume_id: int, sha256: str, at: datetime) -> str:
    return f"resumes/{owner_id}/{at:%Y}/{at:%m}/{resume_id}_{at:%Y%m%dT%H%M%S}_{sha256[:16]}.enc"


def store_encrypted(key: str, plaintext: bytes) -> str:
    """Encrypt and store; returns the key actually used (storages may rename on clash)."""
    return default_storage.save(key, ContentFile(crypto.encrypt_bytes(plaintext)))


def load_decrypted(key: str) -> bytes:
    with default_storage.open(key, "rb") as stored:
        return crypto.decrypt_bytes(stored.read())


def delete_quietly(key: str) -> None:
    try:
        default_storage.delete(key)
    except Exception:  # a leftover object is cleaned up later; never fail the caller
        logger.warning("could not delete stored resume", extra={"key": key}, exc_info=True)


def _keys_owned_by(user: Any) -> Iterable[str]:
    from resumes.models import Resume

    return list(Resume.objects.owned_by(user).values_list("file_key", flat=True))


def _rotate_stored_files(primary_id: str, dry_run: bool) -> tuple[int, int]:
    """Re-encrypt every stored resume made with an older key (for rotate_encryption_keys)."""
    from resumes.models import Resume

    checked = rotated = 0
    for resume in Resume.objects.only("id", "file_key").iterator(chunk_size=200):
        checked += 1
        with default_storage.open(resume.file_key, "rb") as stored:
            token = stored.read()
        if crypto.key_id_of(token) == primary_id:
            continue
        rotated += 1
        if dry_run:
            continue
        # Write the new copy first, point the row at it, then drop the old one: a crash
        # in between leaves an orphan for `cleanup`, never a row without its file.
        new_key = default_storage.save(
            resume.file_key, ContentFile(crypto.encrypt_bytes(crypto.decrypt_bytes(token)))
        )
        old_key = resume.file_key
        Resume.objects.filter(pk=resume.pk).update(file_key=new_key)
        delete_quietly(old_key)
    return checked, rotated


def register() -> None:
    from interviewgenius.engines.rotation import register_rotator
    from interviewgenius.ownership import register_storage_owner

    register_storage_owner("resumes", _keys_owned_by)
    register_rotator("resume files", _rotate_stored_files)


def walk(prefix: str = "resumes") -> Iterator[str]:
    """Every stored key under a prefix (works on local folders and S3 alike)."""
    try:
        folders, names = default_storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in names:
        yield f"{prefix}/{name}"
    for folder in folders:
        yield from walk(f"{prefix}/{folder}")
