from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from interviewgenius.engines.crypto import generate_key_spec


class Command(BaseCommand):
    help = "Print a new 'kid:base64key' entry to put first in ENCRYPTION_KEYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("key_id", help="a short id, e.g. 2026-11")

    def handle(self, *args: Any, key_id: str, **options: Any) -> None:
        self.stdout.write(generate_key_spec(key_id))
