from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from questions import bank


class Command(BaseCommand):
    help = (
        "Load the shipped question-template bank (questions/fixtures/question_bank/*.json). "
        "Templates are matched by key, so re-running updates instead of duplicating; every "
        "template is validated first and nothing is written if one is bad."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="validate only")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            records = bank.bank_records()
        except bank.BankImportError as exc:
            lines = [f"{e.source}:{e.line}: {e.field}: {e.message}" for e in exc.errors[:50]]
            raise CommandError("the bank is invalid:\n" + "\n".join(lines)) from None
        if options["dry_run"]:
            self.stdout.write(f"{len(records)} templates are valid (dry run: nothing written)")
            return
        summary = bank.import_records(records)
        self.stdout.write(
            f"question bank: {summary.created} new, {summary.updated} updated, "
            f"{summary.unchanged} unchanged"
        )
