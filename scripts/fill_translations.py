"""Fill locale/zh_Hans/LC_MESSAGES/django.po from locale/zh_Hans/translations.py.

Prints the msgids that have no translation yet and exits 1 if there are any.
Uses only the standard library (no polib), so it runs wherever Django does.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
TABLE = ROOT / "locale" / "zh_Hans" / "translations.py"

_ENTRY = re.compile(r'(msgid (?:"(?:[^"\\]|\\.)*"\n)+)(msgstr (?:"(?:[^"\\]|\\.)*"\n)+)')
# Plural entries: Chinese has one form, so msgstr[0] holds the translation.
_PLURAL = re.compile(
    r'(msgid (?:"(?:[^"\\]|\\.)*"\n)+msgid_plural (?:"(?:[^"\\]|\\.)*"\n)+)(msgstr\[0\] (?:"(?:[^"\\]|\\.)*"\n)+)'
)


def _unquote(block: str) -> str:
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', block)
    return "".join(ast.literal_eval(f'"{part}"') for part in parts)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'msgstr "{escaped}"\n'


def main() -> int:
    namespace: dict[str, dict[str, str]] = {}
    exec(compile(TABLE.read_text(encoding="utf-8"), str(TABLE), "exec"), namespace)  # noqa: S102 (our own file)
    table = namespace["ZH_HANS"]
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        msgid = _unquote(match.group(1)[len("msgid ") :])
        if not msgid:  # the header entry
            return match.group(0)
        if msgid not in table:
            missing.append(msgid)
            return match.group(0)
        return match.group(1) + _quote(table[msgid])

    def fill_plural(match: re.Match[str]) -> str:
        head = match.group(1)
        msgid = _unquote(head[len("msgid ") : head.index("msgid_plural")])
        if msgid not in table:
            missing.append(msgid)
            return match.group(0)
        return head + _quote(table[msgid]).replace("msgstr ", "msgstr[0] ", 1)

    text = PO.read_text(encoding="utf-8")
    # msgmerge marks its guesses "fuzzy" and keeps the old msgid ("#| ..."); every
    # translation comes from our table, so those marks are dropped.
    text = re.sub(r"^#\| .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"^#, fuzzy\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"^#, fuzzy, ", "#, ", text, flags=re.MULTILINE)
    text = _PLURAL.sub(fill_plural, text)
    text = _ENTRY.sub(fill, text)
    # The header: no longer a draft, and it names its language.
    text = text.replace('#, fuzzy\nmsgid ""', 'msgid ""', 1)
    text = text.replace('"Language: \\n"', '"Language: zh_Hans\\n"', 1)
    text = re.sub(r'("Plural-Forms: [^"]*"\n)(?=#)', r"\1\n", text, count=1)
    PO.write_text(text, encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
