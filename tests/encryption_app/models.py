"""A model used only by the encryption tests: no app owns encrypted fields yet."""

from django.db import models

from interviewgenius.engines.fields import EncryptedJSONField, EncryptedTextField


class Secret(models.Model):
    note = EncryptedTextField(null=True, blank=True)
    contact = EncryptedJSONField(null=True, blank=True)

    class Meta:
        app_label = "encryption_app"

    def __str__(self) -> str:
        return f"Secret {self.pk}"
