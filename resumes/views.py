"""Candidate pages: the resume list with upload, and a resume's detail with corrections."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interviewgenius.http.errors import Conflict
from resumes import selectors, services
from resumes.models import Resume
from resumes.parsing.validate import MAX_UPLOAD_BYTES
from resumes.pipeline import ALL_STEPS
from resumes.serializers import MAX_ITEMS, CorrectionsSerializer

ENTRY_FIELDS = {
    "education": ("school", "degree", "major", "start", "end", "gpa"),
    "work_experience": ("company", "title", "location", "start", "end"),
}


def _own(request: HttpRequest, pk: int) -> Resume:
    return get_object_or_404(Resume.objects.owned_by(request.user), pk=pk)


@login_required
def resume_list(request: HttpRequest) -> HttpResponse:
    resumes = Resume.objects.owned_by(request.user)
    if request.method == "POST":
        uploaded = request.FILES.get("resume")
        if uploaded is None:
            messages.error(request, _("Choose a file to upload."))
        else:
            try:
                outcome = services.upload_resume(
                    owner=request.user,
                    data=uploaded.read(),
                    filename=uploaded.name or "resume",
                    request=request,
                )
            except services.InvalidResumeFile as refusal:
                messages.error(request, str(refusal.message))
            else:
                if not outcome.created:
                    messages.info(request, _("You uploaded this file before; here it is."))
                return redirect("resumes:detail", pk=outcome.resume.pk)
    return render(
        request,
        "resumes/list.html",
        {"resumes": resumes, "max_mb": MAX_UPLOAD_BYTES // 1_048_576},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def resume_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resume = _own(request, pk)
    result = selectors.parse_result_of(resume)
    errors: Any = None
    if request.method == "POST":
        corrections = _corrections_from_form(request.POST)
        form = CorrectionsSerializer(data=corrections)
        if form.is_valid():
            services.save_corrections(
                resume=resume, corrections=dict(form.validated_data), request=request
            )
            messages.success(request, _("Your corrections are saved."))
            return redirect("resumes:detail", pk=resume.pk)
        errors = form.errors
        result = {**(result or {}), **corrections}
    status = selectors.parse_status(resume)
    context = {
        "resume": resume,
        "error": selectors.error_of(resume),
        "result": result,
        "status": status,
        "steps": _step_rows(status),
        "errors": errors,
        "blank_education": dict.fromkeys(ENTRY_FIELDS["education"], ""),
        "blank_work": dict.fromkeys(ENTRY_FIELDS["work_experience"], ""),
    }
    return render(request, "resumes/detail.html", context, status=400 if errors else 200)


@login_required
@require_POST
def resume_reparse(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.request_reparse(resume=_own(request, pk), request=request)
        messages.info(request, _("Reading your resume again…"))
    except Conflict as busy:
        messages.error(request, str(busy.message))
    return redirect("resumes:detail", pk=pk)


@login_required
@require_POST
def resume_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.delete_resume(resume=_own(request, pk), request=request)
    messages.info(request, _("The resume and its file are deleted."))
    return redirect("resumes:list")


def _step_rows(status: dict[str, Any]) -> list[dict[str, Any]]:
    logs = {log.step: log for log in status["steps"]}
    return [{"name": step, "log": logs.get(step)} for step in ALL_STEPS]


def _as_url(link: str) -> str:
    # Resumes write "github.com/ada"; the form should not refuse what the parser found.
    return link if "://" in link else f"https://{link}"


def _corrections_from_form(data: Any) -> dict[str, Any]:
    """Rebuild the corrections JSON from the flat form (name="education-0-school" …)."""
    corrections: dict[str, Any] = {
        "basic_info": {
            "name": data.get("name", "").strip(),
            "email": data.get("email", "").strip(),
            "phone": data.get("phone", "").strip(),
            "location": data.get("location", "").strip(),
            "links": [
                _as_url(line.strip()) for line in data.get("links", "").splitlines() if line.strip()
            ],
        },
        "skills": [
            {"name": name.strip(), "category": "", "confidence": 1.0}
            for name in data.get("skills", "").replace("，", ",").split(",")
            if name.strip()
        ],
    }
    for section, fields in ENTRY_FIELDS.items():
        entries = []
        declared = str(data.get(f"{section}-count", "0"))
        # The count comes from the browser: bound it (one over the limit still lets the
        # serializer report "too many" instead of silently dropping entries).
        count = min(int(declared), MAX_ITEMS + 1) if declared.isdigit() else 0
        for index in range(count):
            entry = {
                field: data.get(f"{section}-{index}-{field}", "").strip() or None
                for field in fields
            }
            if any(entry.values()):
                if section == "work_experience":
                    highlights = data.get(f"{section}-{index}-highlights", "")
                    entry["highlights"] = [
                        line.strip() for line in highlights.splitlines() if line.strip()
                    ]
                entries.append(entry)
        corrections[section] = entries
    return corrections
