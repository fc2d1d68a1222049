"""Optional person-name recognition with a trained spaCy pipeline.

Only when the environment names one (SPACY_MODEL) and it is installed: the parser
reaches its targets with rules alone, and never downloads anything.
"""

from __future__ import annotations

import functools
import logging
import os
from typing import Any

logger = logging.getLogger(__name__)


@functools.cache
def _pipeline() -> Any:
    name = os.environ.get("SPACY_MODEL", "").strip()
    if not name:
        return None
    try:
        import spacy

        return spacy.load(name)
    except (OSError, ImportError, ValueError):
        logger.warning("SPACY_MODEL=%s is not installed; using rules only", name)
        return None


def person_names(text: str) -> list[str]:
    nlp = _pipeline()
    if nlp is None or not text.strip():
        return []
    return [ent.text.strip() for ent in nlp(text[:2000]).ents if ent.label_ == "PERSON"]
