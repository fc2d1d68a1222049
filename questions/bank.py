"""The template bank's exchange format: validation, import (all or nothing), export.

One flat record per template, the same in the shipped bank (``fixtures/question_bank``),
the admin's JSON and CSV import/export and the ``load_question_bank`` command::

    {"key": "en.redis.eviction", "language": "en", "question_type": "technical",
     "difficulty": "medium", "skill": "Redis", "skill_category": "database",
     "competency": "", "text": "...", "keywords": [...], "answer_points": [...],
     "is_active": true}

In CSV, ``keywords`` and ``answer_points`` are joined with `` | ``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from questions.models import (
    Competency,
    Difficulty,
    QuestionLanguage,
    QuestionTemplate,
    QuestionType,
    SkillCategory,
)
from questions.skills import known_skill

BANK_DIR = Path(__file__).resolve().parent / "fixtures" / "question_bank"
FIELDS = (
    "key",
    "language",
    "question_type",
    "difficulty",
    "skill",
    "skill_category",
    "competency",
    "text",
    "keywords",
    "answer_points",
    "is_active",
)
LIST_FIELDS = ("keywords", "answer_points")
CSV_LIST_SEPARATOR = " | "
# Filled from the resume; anything else in braces is a typo that would reach a candidate.
PLACEHOLDERS = frozenset({"skill", "company", "role", "project"})
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")
MAX_TEXT = 600  # a question longer than this is a lecture, not a question
MAX_ITEMS = 10
MAX_ITEM_LENGTH = 300
# An import is held in memory and validated whole before anything is written.
MAX_IMPORT_BYTES = 5 * 1024 * 1024


Problems = list[tuple[str, str]]  # (field, message)


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str
    source: str = ""

    def as_dict(self) -> dict[str, Any]:
        where = {"source": self.source} if self.source else {}
        return {**where, "line": self.line, "field": self.field, "message": self.message}


class BankImportError(Exception):
    """The file is refused; ``errors`` says where, and nothing was written."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        first = errors[0]
        super().__init__(f"line {first.line}: {first.field}: {first.message}")


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    line: int
    data: Any
    source: str = ""


def placeholders_in(text: str) -> set[str]:
    """Names between braces; raises ValueError on unbalanced braces."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _string_list(value: Any, name: str, errors: Problems) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        errors.append((name, _("must be a list of strings")))
        return []
    items = [item.strip() for item in value if item.strip()]
    if len(items) > MAX_ITEMS:
        errors.append((name, _("at most %(n)d items") % {"n": MAX_ITEMS}))
    if any(len(item) > MAX_ITEM_LENGTH for item in items):
        errors.append((name, _("an item is longer than %(n)d characters") % {"n": MAX_ITEM_LENGTH}))
    return items


def _choice(data: dict[str, Any], name: str, choices: Any, errors: Problems, blank: bool) -> str:
    value = data.get(name, "")
    if not isinstance(value, str) or (value not in choices.values and not (blank and value == "")):
        allowed = ", ".join(choices.values)
        errors.append((name, _("must be one of: %(allowed)s") % {"allowed": allowed}))
        return ""
    return value


def clean_record(data: Any) -> tuple[dict[str, Any], Problems]:
    """One record, normalised, and its problems as (field, message) pairs."""
    if not isinstance(data, dict):
        return {}, [("", _("each template must be an object"))]
    problems: Problems = []
    unknown = sorted(set(data) - set(FIELDS))
    for name in unknown:
        problems.append((name, _("unknown field")))
    key = data.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        problems.append(("key", _("1-120 characters: lowercase letters, digits, '.', '_', '-'")))
    record: dict[str, Any] = {"key": key if isinstance(key, str) else ""}
    record["language"] = _choice(data, "language", QuestionLanguage, problems, blank=False)
    record["question_type"] = _choice(data, "question_type", QuestionType, problems, blank=False)
    record["difficulty"] = _choice(data, "difficulty", Difficulty, problems, blank=False)
    record["skill_category"] = _choice(data, "skill_category", SkillCategory, problems, blank=False)
    record["competency"] = _choice(data, "competency", Competency, problems, blank=True)
    skill = data.get("skill", "")
    if not isinstance(skill, str):
        problems.append(("skill", _("must be a string")))
        skill = ""
    record["skill"] = skill.strip()
    entry = known_skill(record["skill"]) if record["skill"] else None
    if record["skill"] and entry is None:
        problems.append(("skill", _("not a skill of the taxonomy (use its canonical name)")))
    elif (
        entry is not None
        and record["skill_category"]
        and entry.category != record["skill_category"]
    ):
        # Category filters (a config's "technical questions about") see this field.
        problems.append(
            (
                "skill_category",
                _("%(skill)s is in the category %(category)s")
                % {"skill": entry.name, "category": entry.category},
            )
        )
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append(("text", _("required")))
        text = ""
    text = " ".join(text.split())
    record["text"] = text
    if len(text) > MAX_TEXT:
        problems.append(("text", _("at most %(n)d characters") % {"n": MAX_TEXT}))
    try:
        names = placeholders_in(text)
    except ValueError:
        problems.append(("text", _("unbalanced braces")))
        names = set()
    for name in sorted(names - PLACEHOLDERS):
        problems.append(
            (
                "text",
                _("unknown placeholder {%(name)s}; allowed: {skill}, {company}, {role}, {project}")
                % {"name": name},
            )
        )
    if "skill" in names and record["skill"]:
        problems.append(("text", _("write the skill's name instead of {skill} when skill is set")))
    if "skill" in names and record["skill_category"] == SkillCategory.GENERAL:
        problems.append(("skill_category", _("{skill} needs a skill category, not general")))
    is_technical = record["question_type"] == QuestionType.TECHNICAL
    if is_technical and record["competency"]:
        problems.append(("competency", _("technical questions have no competency")))
    if record["question_type"] and not is_technical and not record["competency"]:
        problems.append(("competency", _("behavioral and situational questions need one")))
    for name in LIST_FIELDS:
        record[name] = _string_list(data.get(name, []), name, problems)
    active = data.get("is_active", True)
    if not isinstance(active, bool):
        problems.append(("is_active", _("must be true or false")))
    record["is_active"] = active is True
    return record, problems


def json_rows(text: str, source: str = "") -> Iterator[Row]:
    """The objects of a JSON array, each with the line it starts on."""
    decoder = json.JSONDecoder()
    position = len(text) - len(text.lstrip())
    if not text[position:].startswith("["):
        raise BankImportError([RowError(1, "", _("expected a JSON array of templates"), source)])
    position += 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text):
            raise BankImportError(
                [RowError(_line(text, position), "", _("unterminated array"), source)]
            )
        if text[position] == "]":
            return
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise BankImportError(
                [RowError(exc.lineno, "", _("invalid JSON: %(msg)s") % {"msg": exc.msg}, source)]
            ) from None
        yield Row(_line(text, position), value, source)
        position = end


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def csv_rows(text: str, source: str = "") -> Iterator[Row]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [name for name in FIELDS if name not in header and name != "is_active"]
    if missing:
        raise BankImportError([RowError(1, ",".join(missing), _("missing CSV columns"), source)])
    line = reader.line_num + 1
    for raw in reader:
        if None in raw:
            yield Row(line, {"": "too many columns"}, source)
        else:
            yield Row(line, _from_csv(raw), source)
        line = reader.line_num + 1


def _from_csv(raw: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = dict(raw)
    for name in LIST_FIELDS:
        value = raw.get(name) or ""
        record[name] = [part.strip() for part in value.split("|") if part.strip()]
    if "is_active" in raw:
        flag = (raw["is_active"] or "true").strip().lower()
        record["is_active"] = {"true": True, "1": True, "false": False, "0": False}.get(flag, flag)
    return record


def validate_rows(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Every row cleaned, or BankImportError listing every problem with its line."""
    errors: list[RowError] = []
    records: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    try:
        for row in rows:
            record, problems = clean_record(row.data)
            errors.extend(RowError(row.line, f, m, row.source) for f, m in problems)
            key = record.get("key")
            if key and key in seen:
                errors.append(
                    RowError(
                        row.line,
                        "key",
                        _("duplicate key, first used on line %(line)d") % {"line": seen[key]},
                        row.source,
                    )
                )
            elif key:
                seen[key] = row.line
            records.append(record)
    except BankImportError as exc:
        raise BankImportError(errors + exc.errors) from None
    if errors:
        raise BankImportError(errors)
    if not records:
        raise BankImportError([RowError(1, "", _("the file holds no templates"))])
    return records


def parse_upload(data: bytes, filename: str) -> list[dict[str, Any]]:
    """Validated records of an uploaded .json or .csv file."""
    if len(data) > MAX_IMPORT_BYTES:
        raise BankImportError([RowError(1, "", _("the file is larger than 5 MB"))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BankImportError([RowError(1, "", _("the file is not UTF-8 text"))]) from None
    if filename.lower().endswith(".csv"):
        return validate_rows(csv_rows(text))
    return validate_rows(json_rows(text))


def bank_records(folder: Path = BANK_DIR) -> list[dict[str, Any]]:
    """The shipped bank, validated as one import (keys are unique across its files)."""

    def rows() -> Iterator[Row]:
        for path in sorted(folder.glob("*.json")):
            yield from json_rows(path.read_text(encoding="utf-8"), source=path.name)

    return validate_rows(rows())


@transaction.atomic
def import_records(records: list[dict[str, Any]]) -> ImportSummary:
    """Create or update by key; every record or none (the caller validated them)."""
    summary = ImportSummary()
    existing = {
        t.key: t for t in QuestionTemplate.objects.filter(key__in=[r["key"] for r in records])
    }
    to_create: list[QuestionTemplate] = []
    for record in records:
        template = existing.get(record["key"])
        summary.keys.append(record["key"])
        if template is None:
            to_create.append(QuestionTemplate(**record))
            summary.created += 1
            continue
        changed = [name for name in FIELDS if getattr(template, name) != record[name]]
        if not changed:
            summary.unchanged += 1
            continue
        for name in changed:
            setattr(template, name, record[name])
        template.save(update_fields=[*changed, "updated_at"])
        summary.updated += 1
    QuestionTemplate.objects.bulk_create(to_create, batch_size=500)
    return summary


def export_record(template: QuestionTemplate) -> dict[str, Any]:
    return {name: getattr(template, name) for name in FIELDS}


def export_json(templates: Iterable[QuestionTemplate]) -> str:
    records = [export_record(t) for t in templates]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def export_csv(templates: Iterable[QuestionTemplate]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for template in templates:
        record = export_record(template)
        for name in LIST_FIELDS:
            record[name] = CSV_LIST_SEPARATOR.join(record[name])
        record["is_active"] = "true" if record["is_active"] else "false"
        writer.writerow(record)
    return buffer.getvalue()
