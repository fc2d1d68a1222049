"""Load the models a web process uses before it serves anyone.

A mock interview's first answer would otherwise import PyTorch and load the embedding
and speech models inside a request: seconds during which that process's event loop is
starved of the GIL and every other socket on it stalls. Production web processes pay
this once at start (``WARM_UP_MODELS``, on when ``DEBUG`` is off).
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger(__name__)


def warm_up_models() -> list[str]:
    """Load what can be loaded; a model that fails is logged and loads lazily later."""
    warmed: list[str] = []
    started = time.perf_counter()
    try:
        from interviews.analysis import warm_up

        warm_up()
        warmed.append("answer-analysis")
    except Exception:
        logger.exception("could not load the answer-analysis model at start")
    try:
        # Live assist names the skills in a question with the resume parser's taxonomy
        # matcher (~2 s to build): a first question must not pay for it.
        from resumes.parsing.skills import get_matcher

        get_matcher()
        warmed.append("skills-taxonomy")
    except Exception:
        logger.exception("could not load the skills taxonomy at start")
    try:
        from interviewgenius.engines.speech import SpeechConfig, get_engine

        get_engine(SpeechConfig.from_django())
        warmed.append("speech")
    except Exception:
        logger.exception("could not load the speech model at start")
    logger.info(
        "models loaded",
        extra={"models": warmed, "seconds": round(time.perf_counter() - started, 1)},
    )
    return warmed
