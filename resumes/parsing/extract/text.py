"""Plain text (the CLI on .txt files, tests) into lines; headings are left to the words."""

from __future__ import annotations

from resumes.parsing.extract.model import ExtractedDocument, Line


def extract_plain_text(text: str) -> ExtractedDocument:
    lines = [Line(text=raw.strip()) for raw in text.replace("\r\n", "\n").split("\n")]
    return ExtractedDocument(lines=[line for line in lines if line.text], pages=1)
