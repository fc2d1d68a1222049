from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from interviews.analysis.evidence_text import localise

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


@register.filter
def localise_evidence(line: Any) -> str:
    """An evidence line (stored in English, the form other code parses) in the language
    of the page. Not marked safe: it quotes the candidate's answer."""
    return localise(str(line), get_language() or "en")


@register.filter
def evidence_label(name: str) -> str:
    """The translated heading of an ``InterviewEvaluation.evidence`` key ("sentiment")."""
    labels = {
        "relevance": _("Relevance"),
        "accuracy": _("Accuracy"),
        "structure": _("Structure"),
        "confidence": _("Confidence"),
        "sentiment": _("Tone"),
        "delivery": _("Delivery"),
    }
    return labels.get(name, name)
