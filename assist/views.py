"""Candidate pages for live assist: the list with a start form, and the console.

The console is a page shell: what is heard, detected and suggested arrives over the
sockets (``static/js/assist.js``), which replay the session's history on connect.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assist import broadcast, services
from assist.detection import QUESTION_TYPES
from assist.models import AssistSession, AssistStatus
from assist.report import session_report
from assist.session_settings import DEFAULTS, LENGTHS
from interviewgenius.http.errors import DomainError
from questions.models import Competency, QuestionLanguage, QuestionType
from resumes.models import Resume, ResumeStatus

# The list shows the latest sessions; older ones stay reachable through the API.
LIST_LIMIT = 50

LENGTH_LABELS = {
    "short": gettext_lazy("Short (3 points)"),
    "medium": gettext_lazy("Medium (5 points)"),
    "long": gettext_lazy("Long (7 points)"),
}
STYLE_LABELS = {"concise": gettext_lazy("Concise"), "detailed": gettext_lazy("Detailed")}


class StartForm(forms.Form):
    """The page's start form; values the service needs, as the API's serializer takes them."""

    # Bounded to the id column's range: a larger number would fail in the database, not here.
    resume_id = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    language = forms.ChoiceField(choices=QuestionLanguage.choices, initial=DEFAULTS["language"])
    length = forms.ChoiceField(
        choices=[(key, LENGTH_LABELS[key]) for key in LENGTHS], initial=DEFAULTS["length"]
    )
    style = forms.ChoiceField(choices=list(STYLE_LABELS.items()), initial=DEFAULTS["style"])
    question_types = forms.MultipleChoiceField(
        choices=[(value, QuestionType(value).label) for value in QUESTION_TYPES],
        initial=list(QUESTION_TYPES),
        error_messages={"required": gettext_lazy("Choose at least one question type.")},
    )

    def settings(self) -> dict[str, Any]:
        data = self.cleaned_data
        chosen = set(data["question_types"])
        return {
            "language": data["language"],
            "length": data["length"],
            "style": data["style"],
            "question_types": [kind for kind in QUESTION_TYPES if kind in chosen],
        }


def _own(request: HttpRequest, pk: int) -> AssistSession:
    return get_object_or_404(
        AssistSession.objects.owned_by(request.user).select_related("resume"), pk=pk
    )


def _list_page(request: HttpRequest, form: StartForm | None, *, status: int = 200) -> HttpResponse:
    sessions = AssistSession.objects.owned_by(request.user).select_related("resume")[:LIST_LIMIT]
    resumes = list(Resume.objects.owned_by(request.user).filter(status=ResumeStatus.COMPLETED))
    if form is None:
        # Points grounded in a resume are the point: the latest one is preselected; and
        # the interview is most likely in the language the candidate reads the site in.
        language = "zh" if get_language().startswith("zh") else "en"
        form = StartForm(
            initial={"resume_id": resumes[0].pk if resumes else None, "language": language}
        )
    return render(
        request,
        "assist/list.html",
        {"sessions": sessions, "resumes": resumes, "form": form},
        status=status,
    )


@login_required
@require_GET
def assist_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def assist_start(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        # The language switch reloads the URL a refused form was shown at.
        return redirect("assist:list")
    form = StartForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form, status=400)
    try:
        session = services.start_session(
            user=request.user,
            resume_id=form.cleaned_data["resume_id"],
            settings=form.settings(),
        )
    except DomainError as refusal:
        form.add_error("resume_id" if "resume_id" in refusal.details else None, refusal.message)
        return _list_page(request, form, status=400)
    return redirect("assist:console", pk=session.pk)


@login_required
@require_GET
def assist_console(request: HttpRequest, pk: int) -> HttpResponse:
    session = _own(request, pk)
    config = {
        "sessionId": session.pk,
        "audioPath": f"/ws/interview/assist/{session.pk}",
        "controlPath": f"/ws/interview/assist/{session.pk}/control",
        "reportPath": reverse("assist:report", args=[session.pk]),
        "status": session.status,
        "language": session.language,
        "silenceMs": int(session.settings.get("silence_ms") or DEFAULTS["silence_ms"]),
        "labels": _console_labels(),
    }
    return render(
        request,
        "assist/console.html",
        {
            "session": session,
            "config": config,
            "ended": session.status == AssistStatus.ENDED,
            "length_label": LENGTH_LABELS.get(str(session.settings.get("length")), ""),
            "language_label": dict(QuestionLanguage.choices).get(session.language, ""),
            "question_type_labels": [
                QuestionType(kind).label
                for kind in session.settings.get("question_types", [])
                if kind in QuestionType.values
            ],
        },
    )


@login_required
@require_POST
def assist_end(request: HttpRequest, pk: int) -> HttpResponse:
    """Ending without JavaScript (or without the control socket): the same move as the API's."""
    session = services.set_status(session=_own(request, pk), status=AssistStatus.ENDED)
    broadcast.notify_sync(session.pk, "end")
    messages.success(request, _("The live assist session has ended."))
    return redirect("assist:console", pk=session.pk)


def _console_labels() -> dict[str, Any]:
    """The console script's words, in the page's language (the script has no catalogue)."""
    return {
        "status": {
            "connecting": _("Connecting…"),
            "ready": _("Ready"),
            "listening": _("Listening"),
            "paused": _("Paused"),
            "ended": _("Ended"),
            "reconnecting": _("Reconnecting…"),
            "offline": _("Disconnected"),
        },
        "questionTypes": {value: str(label) for value, label in QuestionType.choices},
        "competencies": {value: str(label) for value, label in Competency.choices},
        "channels": {"interviewer": _("Interviewer"), "candidate": _("You")},
        "sources": {"template": _("Template"), "llm": _("AI")},
        "startListening": _("Start listening"),
        "stopListening": _("Stop listening"),
        "captureTab": _("Capture interview tab"),
        "stopTab": _("Stop tab capture"),
        "pause": _("Pause"),
        "resume": _("Resume listening"),
        "confidence": _("Confidence {value}%"),
        "details": _("Details"),
        "markUsed": _("I used this"),
        "seeReport": _("See the session report"),
        "used": _("Used ✓"),
        "typed": _("typed"),
        "waiting": _("Preparing answer points…"),
        "refining": _("Improving…"),
        "askedAgain": _("Asked again"),
        "askedAgainCount": _("asked again ×{count}"),
        "seeEarlier": _("see the earlier card"),
        "latency": _("Last {last} ms · median {median} ms"),
        "newSuggestion": _("New answer points for: {question}"),
        "dismiss": _("Dismiss"),
        "overloaded": _(
            "The assistant is at capacity right now; trying again in {seconds} seconds."
        ),
        "lost": _("The connection is lost and 3 attempts to reconnect failed."),
        "forbidden": _("This session cannot be opened; reload the page or sign in again."),
        "micDenied": _(
            "The microphone is not available ({reason}); type the interviewer's questions instead."
        ),
        "noTabAudio": _(
            "The shared tab or window has no audio; share it again with “Share audio” ticked."
        ),
        "tabUnsupported": _("This browser cannot capture another tab's audio."),
        "noWorklet": _("This browser cannot capture audio here; type the questions instead."),
        "typeInstead": _("Speech recognition failed: type the question here instead."),
        "confirmEnd": _("End this live assist session? It cannot be resumed."),
        "ended": _("This session has ended. What was heard is kept below."),
    }


@login_required
@require_GET
def assist_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The session's light report: questions faced, suggestions used, topics to prepare."""
    session = _own(request, pk)
    report = session_report(session)
    type_labels = dict(QuestionType.choices)
    competency_labels = dict(Competency.choices)
    for question in report["questions"]:
        question["type_label"] = type_labels.get(question["question_type"], "")
    for topic in report["topics_to_prepare"]:
        if topic["kind"] == "competency":
            topic["label"] = competency_labels.get(topic["topic"], topic["topic"])
        elif topic["kind"] == "type":
            topic["label"] = type_labels.get(topic["topic"], topic["topic"])
        else:
            topic["label"] = topic["topic"]
    by_type = [(type_labels[kind], count) for kind, count in report["by_type"].items()]
    return render(
        request,
        "assist/report.html",
        {"session": session, "report": report, "by_type": by_type},
    )
