"""A live assist session's settings: what the candidate can tune, with defaults and bounds."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from assist.detection import QUESTION_TYPES
from interviewgenius.http.serializers import StrictInputSerializer

STYLES = ("concise", "detailed")
# How many points a suggestion card shows: glanceable during a live conversation.
LENGTHS = {"short": 3, "medium": 5, "long": 7}

DEFAULTS: dict[str, Any] = {
    "language": "en",
    "style": "concise",
    "length": "medium",
    "question_types": list(QUESTION_TYPES),
    # Silence that ends an utterance: shorter answers sooner, longer cuts fewer pauses.
    "silence_ms": 600,
}


class AssistSettingsSerializer(StrictInputSerializer):
    """Validates a full or partial settings update; unknown keys are refused."""

    language = serializers.ChoiceField(choices=["en", "zh"], required=False)
    # DRF's Field has a ``style`` attribute (form rendering hints) that this field
    # shadows on the class; harmless, since declared fields are moved into ``fields``.
    style = serializers.ChoiceField(choices=list(STYLES), required=False)  # type: ignore[assignment]
    length = serializers.ChoiceField(choices=list(LENGTHS), required=False)
    question_types = serializers.ListField(
        child=serializers.ChoiceField(choices=list(QUESTION_TYPES)),
        allow_empty=False,
        min_length=1,  # says in the schema what allow_empty=False enforces
        max_length=len(QUESTION_TYPES),
        required=False,
    )
    silence_ms = serializers.IntegerField(min_value=300, max_value=1500, required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "question_types" in attrs:
            # Keep the canonical order and drop repeats: the list is a set in meaning.
            chosen = set(attrs["question_types"])
            attrs["question_types"] = [t for t in QUESTION_TYPES if t in chosen]
        return attrs


def merged(current: dict[str, Any] | None, update: dict[str, Any]) -> dict[str, Any]:
    """The stored settings with defaults for anything missing and ``update`` applied."""
    return {**DEFAULTS, **(current or {}), **update}


def max_points(settings: dict[str, Any]) -> int:
    return LENGTHS.get(str(settings.get("length")), LENGTHS["medium"])
