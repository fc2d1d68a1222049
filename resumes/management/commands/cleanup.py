"""Remove what nobody needs any more. Safe to re-run; --dry-run shows what would go."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from resumes import services, storage
from resumes.models import Resume

# An object newer than this may belong to an upload whose row is not committed yet.
ORPHAN_GRACE = timedelta(hours=1)


class Command(BaseCommand):
    help = (
        "Delete resumes older than RESUME_RETENTION_DAYS (rows and files), and stored "
        "objects that no resume refers to (left by interrupted uploads or deletions)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report, delete nothing")

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        verb = "would delete" if dry_run else "deleted"
        cutoff = timezone.now() - timedelta(days=int(settings.RESUME_RETENTION_DAYS))
        expired = Resume.objects.filter(created_at__lt=cutoff)
        count = 0
        for resume in expired.iterator():
            count += 1
            if not dry_run:
                services.delete_resume(resume=resume)
        self.stdout.write(
            f"{verb} {count} resumes older than {settings.RESUME_RETENTION_DAYS} days"
        )

        known = set(Resume.objects.values_list("file_key", flat=True))
        orphans = 0
        for key in storage.walk("resumes"):
            if key in known or self._too_recent(key):
                continue
            orphans += 1
            if not dry_run:
                storage.delete_quietly(key)
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {orphans} stored objects no resume refers to")
        )

    def _too_recent(self, key: str) -> bool:
        try:
            return bool(timezone.now() - default_storage.get_modified_time(key) < ORPHAN_GRACE)
        except (NotImplementedError, OSError):
            return True  # unknown age: keep it, better than deleting a live upload
