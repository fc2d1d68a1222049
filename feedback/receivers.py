"""A finished interview gets its report; a late analysis refreshes a report already made."""

from __future__ import annotations

import contextlib
from typing import Any

from django.dispatch import receiver

from feedback import services
from interviewgenius.http.errors import Conflict
from interviews.signals import answer_analysed, interview_finished


@receiver(interview_finished)
def report_finished_interview(sender: Any, session: Any, **kwargs: Any) -> None:
    with contextlib.suppress(Conflict):  # nothing answered: no report to write
        services.request_report(session=session)


@receiver(answer_analysed)
def refresh_report(sender: Any, evaluation: Any, **kwargs: Any) -> None:
    services.refresh_if_reported(evaluation.session)
