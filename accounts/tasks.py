from __future__ import annotations

import logging

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from django.core.files.storage import default_storage

logger = logging.getLogger(__name__)


@shared_task(
    base=DjangoTask,
    name="accounts.delete_stored_objects",
    autoretry_for=(OSError, ConnectionError),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=120,
)
def delete_stored_objects(keys: list[str]) -> int:
    """Delete an erased account's files. Idempotent: deleting a missing key is a no-op,
    so a retried or redelivered task is harmless."""
    deleted = 0
    for key in keys:
        if default_storage.exists(key):
            default_storage.delete(key)
            deleted += 1
    logger.info("deleted stored objects of an erased account", extra={"count": deleted})
    return deleted
