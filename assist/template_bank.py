"""The shipped answer templates (assist/fixtures/answer_templates/*.json): validate, load.

Every template is checked before anything is written, so a bad file changes nothing.
Templates are matched by key: loading again updates instead of duplicating.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from rest_framework import serializers

from assist.models import KEY_FORMAT, AnswerTemplate

TEMPLATES_DIR = Path(__file__).resolve().parent / "fixtures" / "answer_templates"
PLACEHOLDERS = frozenset({"company", "role", "project", "skill"})
_BRACES = re.compile(r"\{([^{}]*)\}")


class TemplateRecordSerializer(serializers.ModelSerializer):
    # No uniqueness check: the key is what a reload matches existing rows on.
    key = serializers.CharField(max_length=120, validators=[KEY_FORMAT])

    class Meta:
        model = AnswerTemplate
        fields = (
            "key",
            "language",
            "question_type",
            "competency",
            "skill_category",
            "difficulty",
            "title",
            "cues",
            "points",
            "template_text",
        )

    def validate_cues(self, value: Any) -> list[str]:
        return _strings(value, "cues")

    def validate_points(self, value: Any) -> list[str]:
        points = _strings(value, "points")
        if not points:
            raise serializers.ValidationError("at least one point is required")
        for point in points:
            unknown = set(_BRACES.findall(point)) - PLACEHOLDERS
            if unknown:
                raise serializers.ValidationError(f"unknown placeholder {sorted(unknown)[0]!r}")
        return points


def _strings(value: Any, name: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise serializers.ValidationError(f"{name} must be a list of non-empty strings")
    return [v.strip() for v in value]


class TemplateBankError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems[:5]))


@dataclass(frozen=True)
class LoadSummary:
    created: int
    updated: int


def read_records(folder: Path = TEMPLATES_DIR) -> list[dict[str, Any]]:
    problems: list[str] = []
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            problems.append(f"{path.name}: not JSON ({exc})")
            continue
        if not isinstance(rows, list):
            problems.append(f"{path.name}: must hold a JSON list")
            continue
        for index, row in enumerate(rows):
            form = TemplateRecordSerializer(data=row)
            if not form.is_valid():
                for field, errors in form.errors.items():
                    problems.append(f"{path.name}[{index}]: {field}: {errors[0]}")
                continue
            key = form.validated_data["key"]
            if key in seen:
                problems.append(f"{path.name}[{index}]: key: {key!r} appears twice")
            seen.add(key)
            records.append(dict(form.validated_data))
    if problems:
        raise TemplateBankError(problems)
    return records


@transaction.atomic
def load(records: list[dict[str, Any]]) -> LoadSummary:
    created = updated = 0
    for record in records:
        values = {k: v for k, v in record.items() if k != "key"}
        _, made = AnswerTemplate.objects.update_or_create(key=record["key"], defaults=values)
        created += made
        updated += not made
    return LoadSummary(created=created, updated=updated)
