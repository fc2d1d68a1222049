import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from interviewgenius.engines.speech import ENGINES, SpeechConfig, SpeechError, transcribe


class Command(BaseCommand):
    help = "Transcribe audio files with the configured speech-to-text engine."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="wav, flac, mp3, webm, ogg, ...")
        parser.add_argument("--engine", choices=ENGINES, help="default: SPEECH_ENGINE")
        parser.add_argument("--model", help="default: WHISPER_MODEL (a name or a local path)")
        parser.add_argument("--language", help="e.g. en, zh (default: detected)")
        parser.add_argument("--json", action="store_true", help="one JSON object per file")

    def handle(self, *args: Any, **options: Any) -> None:
        config = SpeechConfig.from_django(engine=options["engine"], model=options["model"])
        failed = 0
        for path in options["files"]:
            try:
                transcript = transcribe(path, language=options["language"], config=config)
            except SpeechError as exc:
                failed += 1
                self.stderr.write(f"{path}: {exc}")
                continue
            if options["json"]:
                payload = {"file": str(path), **transcript.as_dict()}
                self.stdout.write(json.dumps(payload, ensure_ascii=False))
            else:
                self.stdout.write(f"{path} ({transcript.duration:.1f} s, {transcript.language}):")
                self.stdout.write(f"  {transcript.text}")
        if failed:
            raise CommandError(f"{failed} of {len(options['files'])} file(s) failed")
