"""Candidate pages of the feedback report: the report, its PDF, and the progress dashboard.

The pages read what ``feedback.services`` stored and only arrange it for reading: labels in
the reader's language, the charts of ``feedback.charts`` and each score's derivation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from feedback import charts, progress, services
from feedback.models import BehaviourAspect, FeedbackStatus, InterviewFeedback
from interviewgenius.http.errors import DomainError
from interviews.models import InterviewSession

DIMENSION_LABELS = {
    "overall": gettext_lazy("Overall"),
    "technical": gettext_lazy("Technical"),
    "communication": gettext_lazy("Communication"),
    "problem_solving": gettext_lazy("Problem solving"),
    "confidence": gettext_lazy("Confidence"),
}
# The per-answer signals the four dimensions are made of (feedback.report.scoring).
SIGNAL_LABELS = {
    "accuracy": gettext_lazy("Accuracy"),
    "relevance": gettext_lazy("Relevance"),
    "structure": gettext_lazy("Structure"),
    "delivery": gettext_lazy("Delivery"),
    "sentiment": gettext_lazy("Tone"),
    "confidence": gettext_lazy("Confidence"),
}
RADAR_DIMENSIONS = ("technical", "communication", "problem_solving", "confidence")
# The writing state reloads itself this often; the local report takes about a second, one
# written by the LLM up to a couple of minutes.
REFRESH_SECONDS = 3
RECENT_REPORTS = 8  # listed on the dashboard, newest first
# Drawn sizes in px; the page scales the SVGs to their column. The radar needs this much
# room for "Communication" and "Problem solving" beside it without truncation.
RADAR_SIZE = 440
SKILLS_CHART_WIDTH = 900
TREND_CHART_WIDTH, TREND_CHART_HEIGHT = 960, 300


@dataclass(frozen=True)
class Ingredient:
    """One term of a score's formula: its weight and its mean over the answers used."""

    label: str
    weight_percent: int
    mean: float | None


@dataclass(frozen=True)
class ScoreView:
    name: str
    label: str
    value: float | None
    change: float | None  # since the previous report
    ingredients: list[Ingredient]
    answers: list[tuple[int, float | None]]  # (position, that answer's score)
    note: str
    adjustment: float

    @property
    def change_text(self) -> str:
        """The change since the previous report, signed and rounded: "+5", "-3", "0"."""
        if self.change is None:
            return ""
        text = f"{self.change:+.0f}"
        return "0" if text in ("+0", "-0") else text


@dataclass(frozen=True)
class PlanStep:
    kind: str
    kind_label: str
    area: str
    score: float
    actions: list[str]
    questions: list[int]


@dataclass
class ReportView:
    feedback: InterviewFeedback
    previous: InterviewFeedback | None
    scores: list[ScoreView]
    radar: str
    skills_chart: str
    plan: list[PlanStep]
    questions: list[Any] = field(default_factory=list)
    skills: list[Any] = field(default_factory=list)
    behaviour: list[Any] = field(default_factory=list)


def _own_session(request: HttpRequest, session_id: int) -> InterviewSession:
    return get_object_or_404(
        InterviewSession.objects.owned_by(request.user).select_related("resume"), pk=session_id
    )


@login_required
def report(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    feedback = InterviewFeedback.objects.filter(session=session).with_parts().first()
    state = _state(session, feedback)
    context: dict[str, Any] = {
        "session": session,
        "feedback": feedback,
        "state": state,
        "refresh_seconds": REFRESH_SECONDS,
    }
    if state == "completed" and feedback is not None:
        context["report"] = build_view(feedback)
    if state == "failed" and feedback is not None:
        # Stored messages are English msgids (services.FAILURE_MESSAGE); show them translated.
        context["error"] = _(feedback.error) if feedback.error else str(services.FAILURE_MESSAGE)
    return render(request, "feedback/report.html", context)


@login_required
@require_POST
def generate(request: HttpRequest, session_id: int) -> HttpResponse:
    """Generate (or, with ``regenerate=1``, rebuild) the report, then show its page."""
    session = _own_session(request, session_id)
    try:
        services.request_report(session=session, force=request.POST.get("regenerate") == "1")
    except DomainError as refusal:
        messages.error(request, str(refusal.message))
    return redirect("feedback:report", session_id=session.pk)


@login_required
def report_pdf(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _own_session(request, session_id)
    feedback = (
        InterviewFeedback.objects.filter(session=session, status=FeedbackStatus.COMPLETED)
        .with_parts()
        .first()
    )
    if feedback is None:
        raise Http404("no completed report")
    html = render_to_string(
        "feedback/report_print.html",
        {"session": session, "report": build_view(feedback), "printed_at": timezone.now()},
        request=request,
    )
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="interview-{session.pk}-report.pdf"'
    return response


def render_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango and its fonts, which only this view needs.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # The print template is self-contained (inline SVG and styles). Allowing no protocol
    # keeps WeasyPrint from fetching anything, which could otherwise reach internal hosts
    # or wait on this very server.
    fetcher = URLFetcher(allowed_protocols=frozenset())
    return bytes(HTML(string=html, url_fetcher=fetcher).write_pdf())


def _state(session: InterviewSession, feedback: InterviewFeedback | None) -> str:
    """unfinished | missing | writing | failed | completed"""
    if feedback is None:
        return "missing" if session.status in services.FINISHED else "unfinished"
    if feedback.status in (FeedbackStatus.PENDING, FeedbackStatus.GENERATING):
        return "writing"
    return str(feedback.status)


def build_view(feedback: InterviewFeedback) -> ReportView:
    """A completed report arranged for its page and its print version."""
    previous = _previous(feedback)
    scores = [_score_view(name, feedback, previous) for name in DIMENSION_LABELS]
    skills = list(feedback.skill_evaluations.all())
    compare = (
        [float(previous.scores[name] or 0.0) for name in RADAR_DIMENSIONS] if previous else None
    )
    radar = charts.radar_chart(
        [
            (str(DIMENSION_LABELS[name]), float(feedback.scores[name] or 0.0))
            for name in RADAR_DIMENSIONS
        ],
        title=_("Scores of this interview"),
        compare=compare,
        compare_label=_("Previous interview"),
        values_label=_("This interview"),
        size=RADAR_SIZE,
    )
    skills_chart = charts.bar_chart(
        [(s.skill_name, s.score, str(s.get_level_display())) for s in skills],
        title=_("Skill levels"),
        width=SKILLS_CHART_WIDTH,
        empty_text=_("No skills assessed"),
    )
    return ReportView(
        feedback=feedback,
        previous=previous,
        scores=scores,
        radar=radar,
        skills_chart=skills_chart,
        plan=[_plan_step(item) for item in feedback.improvement_plan],
        questions=list(feedback.question_feedback.all()),
        skills=skills,
        behaviour=list(feedback.behavioral_analyses.all()),
    )


def _previous(feedback: InterviewFeedback) -> InterviewFeedback | None:
    finished = feedback.session.finished_at
    if finished is None:
        return None
    return (
        InterviewFeedback.objects.owned_by(feedback.session.owner_id)
        .select_related("session")
        .filter(status=FeedbackStatus.COMPLETED, session__finished_at__lt=finished)
        .exclude(pk=feedback.pk)
        .order_by("-session__finished_at", "-pk")
        .first()
    )


def _score_view(
    name: str, feedback: InterviewFeedback, previous: InterviewFeedback | None
) -> ScoreView:
    value = feedback.scores[name]
    before = previous.scores[name] if previous else None
    derivation = feedback.derivation.get(name) or {}
    # The overall score is made of the four dimensions; each dimension of answer signals.
    labels = DIMENSION_LABELS if name == "overall" else SIGNAL_LABELS
    signals = derivation.get("signals") or {}
    per_answer = derivation.get("per_answer") or {}
    return ScoreView(
        name=name,
        label=str(DIMENSION_LABELS[name]),
        value=value,
        change=round(value - before, 1) if value is not None and before is not None else None,
        ingredients=[
            Ingredient(str(labels.get(term, term)), round(100 * float(weight)), signals.get(term))
            for term, weight in (derivation.get("weights") or {}).items()
        ],
        answers=[(int(p), per_answer.get(str(p))) for p in derivation.get("answers") or []],
        note=str(derivation.get("note") or ""),
        adjustment=float(derivation.get("adjustment") or 0.0),
    )


def _plan_step(item: dict[str, Any]) -> PlanStep:
    kind, area = str(item.get("kind", "")), str(item.get("area", ""))
    if kind == "dimension":
        shown, kind_label = str(DIMENSION_LABELS.get(area, area)), _("Score")
    elif kind == "aspect":
        shown, kind_label = str(dict(BehaviourAspect.choices).get(area, area)), _("Interview habit")
    else:
        shown, kind_label = area, _("Skill")
    return PlanStep(
        kind=kind,
        kind_label=kind_label,
        area=shown,
        score=float(item.get("score") or 0.0),
        actions=[str(a) for a in item.get("actions") or []],
        questions=[int(q) for q in item.get("questions") or []],
    )


def dashboard(user: Any) -> dict[str, Any]:
    """The "Your progress" section of the home page: the score trend, skills, reports."""
    reports = services.history(user)
    if not reports:
        return {"reports": []}
    summary = progress.progress(reports)
    labels = [
        formats.date_format(timezone.localtime(r.session.finished_at), "MONTH_DAY_FORMAT")
        if r.session.finished_at
        else "#" + str(index + 1)
        for index, r in enumerate(reports)
    ]
    trend = charts.line_chart(
        [(str(DIMENSION_LABELS[name]), values) for name, values in progress.series(reports)],
        labels,
        title=_("Your scores across interviews"),
        width=TREND_CHART_WIDTH,
        height=TREND_CHART_HEIGHT,
        empty_text=_("No scores yet"),
    )
    return {
        "reports": list(reversed(reports))[:RECENT_REPORTS],
        "count": len(reports),
        "trend": trend,
        "improved": summary["most_improved_skills"],
        "weakest": summary["weakest_skills"],
        "skills_assessed": summary["skills_assessed"],
    }
