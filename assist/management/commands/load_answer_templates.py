from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assist import template_bank


class Command(BaseCommand):
    help = (
        "Load the shipped live-assist answer templates (assist/fixtures/answer_templates). "
        "Matched by key, so re-running updates; nothing is written if any template is bad."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="validate only")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            records = template_bank.read_records()
        except template_bank.TemplateBankError as exc:
            problems = "\n".join(exc.problems)
            raise CommandError(f"the answer templates are invalid:\n{problems}") from None
        if options["dry_run"]:
            self.stdout.write(f"{len(records)} answer templates are valid (dry run)")
            return
        summary = template_bank.load(records)
        self.stdout.write(f"answer templates: {summary.created} new, {summary.updated} updated")
