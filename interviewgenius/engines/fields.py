"""Model fields whose values are encrypted at rest with the crypto engine.

The database column holds ``base64(ciphertext)`` as text. Encrypted values cannot be
filtered or indexed; keep only values that are read by primary key here (contact
details, transcripts), never anything a query needs to search.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from interviewgenius.engines import crypto


class EncryptedFieldMixin:
    """Marks a field as encrypted, so key rotation can find every one of them."""

    def encrypt_value(self, plaintext: bytes) -> str:
        return base64.b64encode(crypto.encrypt_bytes(plaintext)).decode("ascii")

    def decrypt_value(self, stored: str) -> bytes:
        return crypto.decrypt_bytes(base64.b64decode(stored))


class EncryptedTextField(EncryptedFieldMixin, models.TextField):
    description = "Text encrypted with AES-256-GCM"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return self.encrypt_value(str(value).encode("utf-8"))

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return self.decrypt_value(value).decode("utf-8")


class EncryptedJSONField(EncryptedFieldMixin, models.TextField):
    """A JSON value (dict, list, str, number) stored encrypted."""

    description = "JSON encrypted with AES-256-GCM"
    # Tell django-stubs this text column holds any JSON value, not a str.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        payload = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
        return self.encrypt_value(payload.encode("utf-8"))

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return json.loads(self.decrypt_value(value))

    def to_python(self, value: Any) -> Any:
        return value

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj), cls=DjangoJSONEncoder)
