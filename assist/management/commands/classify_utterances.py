import json
import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assist.detection import detect


class Command(BaseCommand):
    help = (
        'Classify utterances: reads JSON lines {"id","text","lang"} (a file, or - for stdin) '
        'and writes {"id","is_question","question_type","confidence"} per line to stdout, '
        "with exactly the detector live assist uses. Bad lines are reported on stderr with "
        "their line number and skipped; the exit status is then 1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", help="a JSON-lines file, or - for standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["input"]
        if source == "-":
            bad = self._classify(sys.stdin)
        else:
            path = Path(source)
            if not path.is_file():
                raise CommandError(f"no such file: {path}")
            with path.open(encoding="utf-8") as stream:
                bad = self._classify(stream)
        if bad:
            raise CommandError(f"{bad} line(s) could not be classified (see above)")

    def _classify(self, stream: TextIO) -> int:
        bad = 0
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text, lang = item["text"], item.get("lang")
                if not isinstance(text, str) or lang not in (None, "en", "zh"):
                    raise ValueError("text must be a string and lang en or zh")
            except (ValueError, KeyError, TypeError) as exc:
                self.stderr.write(f"line {number}: {exc}")
                bad += 1
                continue
            found = detect(text, lang)
            answer = {
                "id": item.get("id"),
                "is_question": found.is_question,
                "question_type": found.question_type,
                "confidence": round(found.confidence, 3),
            }
            self.stdout.write(json.dumps(answer, ensure_ascii=False))
        return bad
