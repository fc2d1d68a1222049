from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from interviewgenius.http.errors import Conflict
from resumes import services
from resumes.models import Resume, ResumeStatus


class Command(BaseCommand):
    help = "Queue resumes for parsing again (keeping candidates' corrections). Safe to re-run."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--id", type=int, nargs="+", dest="ids", default=[], help="resume ids")
        parser.add_argument(
            "--status", choices=ResumeStatus.values, help="every resume in this status"
        )
        parser.add_argument("--all", action="store_true", help="every resume")
        parser.add_argument("--dry-run", action="store_true", help="list what would be queued")

    def handle(
        self,
        *args: Any,
        ids: list[int],
        status: str | None,
        all: bool,
        dry_run: bool,
        **options: Any,
    ) -> None:
        if not (ids or status or all):
            raise CommandError("say which resumes: --id N..., --status STATUS or --all")
        queryset = Resume.objects.all()
        if ids:
            queryset = queryset.filter(pk__in=ids)
        if status:
            queryset = queryset.filter(status=status)
        queued = busy = 0
        for resume in queryset.order_by("pk").iterator():
            if dry_run:
                self.stdout.write(f"would queue resume {resume.pk} ({resume.status})")
                queued += 1
                continue
            try:
                services.request_reparse(resume=resume)
                queued += 1
            except Conflict:
                busy += 1
                self.stdout.write(f"resume {resume.pk} is being parsed right now; skipped")
        verb = "would queue" if dry_run else "queued"
        self.stdout.write(self.style.SUCCESS(f"{verb} {queued}, skipped {busy}"))
