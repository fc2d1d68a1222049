"""Re-encrypt everything stored under an older key with the newest one.

Encrypted model fields are found by type, so a new app's fields are covered without
registration. Stored objects (files) are owned by their apps, which register a
rotator here from their ``AppConfig.ready``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models.functions import Cast

from interviewgenius.engines import crypto
from interviewgenius.engines.fields import EncryptedFieldMixin

BATCH_SIZE = 200  # rows re-saved per transaction: bounded lock time and memory


@dataclass
class RotationReport:
    checked: int = 0
    rotated: int = 0
    by_target: dict[str, int] = field(default_factory=dict)

    def add(self, target: str, checked: int, rotated: int) -> None:
        self.checked += checked
        self.rotated += rotated
        if rotated:
            self.by_target[target] = self.by_target.get(target, 0) + rotated


# An extra rotator receives (primary key id, dry_run) and returns (checked, rotated).
ExtraRotator = Callable[[str, bool], tuple[int, int]]
_extra_rotators: dict[str, ExtraRotator] = {}


def register_rotator(name: str, rotator: ExtraRotator) -> None:
    _extra_rotators[name] = rotator


def encrypted_fields() -> list[tuple[type[models.Model], list[models.Field[Any, Any]]]]:
    found: list[tuple[type[models.Model], list[models.Field[Any, Any]]]] = []
    for model in apps.get_models():
        fields: list[models.Field[Any, Any]] = [
            f for f in model._meta.concrete_fields if isinstance(f, EncryptedFieldMixin)
        ]
        if fields:
            found.append((model, fields))
    return found


def rotate_all(*, dry_run: bool = False) -> RotationReport:
    ring = crypto.keyring()
    report = RotationReport()
    for model, fields in encrypted_fields():
        for fld in fields:
            checked, rotated = _rotate_field(model, fld, ring.primary_id, dry_run)
            report.add(f"{model._meta.label}.{fld.name}", checked, rotated)
    for name, rotator in _extra_rotators.items():
        checked, rotated = rotator(ring.primary_id, dry_run)
        report.add(name, checked, rotated)
    return report


def _rotate_field(
    model: type[models.Model], fld: models.Field[Any, Any], primary_id: str, dry_run: bool
) -> tuple[int, int]:
    # Casting to a plain TextField skips the field's decryption, giving the raw column.
    raw_rows = (
        model._default_manager.exclude(**{f"{fld.attname}__isnull": True})
        .annotate(_raw=Cast(fld.attname, output_field=models.TextField()))
        .values_list("pk", "_raw")
    )
    stale: list[object] = []
    checked = 0
    for pk, raw in raw_rows.iterator(chunk_size=BATCH_SIZE):
        checked += 1
        if crypto.key_id_of(base64.b64decode(raw)) != primary_id:
            stale.append(pk)
    if dry_run:
        return checked, len(stale)
    for start in range(0, len(stale), BATCH_SIZE):
        batch = stale[start : start + BATCH_SIZE]
        with transaction.atomic():
            for obj in model._default_manager.select_for_update().filter(pk__in=batch):
                obj.save(update_fields=[fld.name])
    return checked, len(stale)
