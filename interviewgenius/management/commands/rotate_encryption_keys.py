from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from interviewgenius.engines import crypto
from interviewgenius.engines.rotation import rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field and stored object with the newest key of "
        "ENCRYPTION_KEYS. Safe to re-run; run it before removing an old key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would change, change nothing"
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        primary = crypto.keyring().primary_id
        report = rotate_all(dry_run=dry_run)
        verb = "would re-encrypt" if dry_run else "re-encrypted"
        for target, count in sorted(report.by_target.items()):
            self.stdout.write(f"{target}: {verb} {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.checked} values checked, {verb} {report.rotated} with key {primary!r}"
            )
        )
