from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load every app's shipped defaults (fixtures/defaults*.json: template banks and "
        "the like). Fixtures carry primary keys, so re-running updates instead of duplicating."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        fixtures = []
        for config in apps.get_app_configs():
            folder = Path(config.path) / "fixtures"
            if folder.is_dir():
                fixtures.extend(sorted(str(p) for p in folder.glob("defaults*.json")))
        if not fixtures:
            self.stdout.write("no default data to load")
            return
        call_command("loaddata", *fixtures, verbosity=options.get("verbosity", 1))
