"""Candidate pages: the list of mock interviews with a start form, and the interview room."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from interviewgenius.http.errors import DomainError
from interviewgenius.http.form_values import form_int
from interviews import services
from interviews.models import InterviewSession, InterviewStatus
from questions.models import GenerationConfig
from questions.services import MAX_COUNT
from resumes.models import Resume, ResumeStatus


def _own(request: HttpRequest, pk: int) -> InterviewSession:
    return get_object_or_404(InterviewSession.objects.owned_by(request.user), pk=pk)


@login_required
def interview_list(request: HttpRequest) -> HttpResponse:
    sessions = InterviewSession.objects.owned_by(request.user).select_related("resume")[:50]
    resumes = Resume.objects.owned_by(request.user).filter(status=ResumeStatus.COMPLETED)
    configs = GenerationConfig.objects.owned_by(request.user)
    return render(
        request,
        "interviews/list.html",
        {"sessions": sessions, "resumes": resumes, "configs": configs},
    )


@login_required
@require_POST
def interview_start(request: HttpRequest) -> HttpResponse:
    resume = get_object_or_404(
        Resume.objects.owned_by(request.user), pk=form_int(request.POST.get("resume_id")) or 0
    )
    config_id = form_int(request.POST.get("config_id"))
    config = (
        GenerationConfig.objects.owned_by(request.user).filter(pk=config_id).first()
        if config_id
        else None
    )
    try:
        session = services.start_interview(
            user=request.user,
            resume=resume,
            config=config,
            count=form_int(request.POST.get("count"), high=MAX_COUNT),
        )
    except DomainError as refusal:
        messages.error(request, str(refusal.message))
        return redirect("interviews:list")
    return redirect("interviews:room", pk=session.pk)


@login_required
def interview_room(request: HttpRequest, pk: int) -> HttpResponse:
    session = _own(request, pk)
    if request.method == "POST":
        # The form works without JavaScript; with it, answers go over the WebSocket.
        action = request.POST.get("action")
        try:
            if action == "answer":
                services.submit_answer(session=session, text=request.POST.get("text", ""))
            elif action == "finish":
                services.finish_interview(session=session)
        except DomainError as refusal:
            messages.error(request, str(refusal.message))
        return redirect("interviews:room", pk=session.pk)
    session = InterviewSession.objects.select_related("current_item", "resume").get(pk=session.pk)
    evaluations = list(session.evaluations.select_related("item").order_by("created_at"))
    return render(
        request,
        "interviews/room.html",
        {
            "session": session,
            "question": session.current_item,
            "evaluations": evaluations,
            "last": evaluations[-1] if evaluations else None,
            "active": session.status == InterviewStatus.INTERVIEWING,
            "progress_percent": round(100 * session.progress),
        },
    )
