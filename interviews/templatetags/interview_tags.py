from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def score_rows(evaluation: Any) -> list[tuple[str, float | None]]:
    """The scores of an answer with their translated labels, in reading order."""
    return [
        (_("Relevance"), evaluation.relevance_score),
        (_("Accuracy"), evaluation.accuracy_score),
        (_("Structure"), evaluation.structure_score),
        (_("Confidence"), evaluation.confidence_score),
        (_("Tone"), evaluation.sentiment_score),
        (_("Delivery"), evaluation.delivery_score),
    ]
