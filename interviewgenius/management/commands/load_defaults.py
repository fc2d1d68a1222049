from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load every app's shipped defaults: fixtures/defaults*.json, and the data an app "
        "loads with its own command (the question bank). Re-running updates, never duplicates."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        fixtures = []
        for config in apps.get_app_configs():
            folder = Path(config.path) / "fixtures"
            if folder.is_dir():
                fixtures.extend(sorted(str(p) for p in folder.glob("defaults*.json")))
        if fixtures:
            call_command("loaddata", *fixtures, verbosity=options.get("verbosity", 1))
        # Data that ships in its own validated format loads through its own command.
        for config in apps.get_app_configs():
            command = getattr(config, "default_data_command", None)
            if command:
                call_command(command, verbosity=options.get("verbosity", 1))
