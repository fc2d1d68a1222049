"""Run the parser on local files, without the database (for operators and evaluation)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from resumes.parsing.types import ResumeParseError


def parse_path(path: Path) -> dict[str, Any]:
    """The DESIGN.md parse result for one file; raises ResumeParseError."""
    from resumes.parsing import parse_document, parse_text
    from resumes.parsing.validate import inspect_document

    if path.suffix.lower() == ".txt":
        return parse_text(path.read_text(encoding="utf-8", errors="replace")).result
    data = path.read_bytes()
    info = inspect_document(data)
    return parse_document(data, kind=info.kind).result


class Command(BaseCommand):
    help = (
        "Parse resume files (PDF, DOCX, JPG/PNG, or .txt) and print the result in the "
        "DESIGN.md schema. One file without --out: JSON on stdout. With --out DIR: "
        "DIR/<stem>.json per file, DIR/<stem>.error.json for a file that fails. "
        "Exit status 1 if any file failed."
    )
    requires_system_checks: list[str] = []  # no database needed

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--out", type=Path, help="write one JSON file per input here")
        parser.add_argument(
            "--json", action="store_true", help="JSON on stdout (the default without --out)"
        )

    def handle(self, *args: Any, paths: list[Path], out: Path | None, **options: Any) -> None:
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
        results: dict[str, Any] = {}
        failed = 0
        for path in paths:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            try:
                payload: dict[str, Any] = parse_path(path)
                ok = True
            except ResumeParseError as error:
                payload = {
                    "error": {"step": error.step, "code": error.code, "message": error.message}
                }
                ok = False
                failed += 1
                self.stderr.write(f"{path}: {error.message}")
            if out is not None:
                target = out / (f"{path.stem}.json" if ok else f"{path.stem}.error.json")
                target.write_text(
                    json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8"
                )
            else:
                results[str(path)] = payload
        if out is None:
            document = next(iter(results.values())) if len(paths) == 1 else results
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        if failed:
            raise SystemExit(1)
