"""The questions page of a resume: configs, generation with progress, the question set."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interviewgenius.http.errors import DomainError
from interviewgenius.http.form_values import form_int
from questions import selectors, services
from questions.engines.types import DIFFICULTIES, QUESTION_TYPES
from questions.models import (
    Difficulty,
    GenerationConfig,
    GenerationLog,
    QuestionType,
    SkillCategory,
)
from questions.serializers import GenerationConfigSerializer
from resumes.models import Resume, ResumeStatus

RECENT_GENERATIONS = 10  # older sets stay reachable through the API
FALLBACK_REASONS = {
    "not_configured": gettext_lazy("no language model is configured"),
    "timeout": gettext_lazy("the language model did not answer in time"),
    "rate_limited": gettext_lazy("the language model is busy (rate limit)"),
    "server_error": gettext_lazy("the language model's server failed"),
    "connection_error": gettext_lazy("the language model could not be reached"),
    "invalid_json": gettext_lazy("the language model's answer was unreadable"),
    "schema_violation": gettext_lazy("the language model's answer was incomplete"),
    "auth_error": gettext_lazy("the language model refused our key"),
    "bad_request": gettext_lazy("the language model refused the request"),
    "client_error": gettext_lazy("the language model call failed"),
    "off_plan": gettext_lazy("the language model's questions did not fit the requested mix"),
}


# Error lists name the form's sections, not the API's field names.
FIELD_LABELS = {
    "name": gettext_lazy("Name"),
    "count": gettext_lazy("Number of questions"),
    "difficulty_distribution": gettext_lazy("Difficulty"),
    "type_distribution": gettext_lazy("Type"),
    "skill_categories": gettext_lazy("Technical questions about (none ticked: all)"),
    "custom_rules": gettext_lazy("Rules"),
    "language": gettext_lazy("Language"),
}


def _own_resume(request: HttpRequest, pk: int) -> Resume:
    return get_object_or_404(Resume.objects.owned_by(request.user), pk=pk)


@login_required
def questions_page(request: HttpRequest, pk: int) -> HttpResponse:
    resume = _own_resume(request, pk)
    configs = list(GenerationConfig.objects.owned_by(request.user))
    editing = _config_from_query(request, configs)
    config_errors: Any = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "generate":
            return _generate(request, resume, configs)
        if action == "save_config":
            saved, config_errors = _save_config(request, editing)
            if saved is not None:
                messages.success(request, _("Config “%(name)s” saved.") % {"name": saved.name})
                url = reverse("questions:page", args=[resume.pk])
                return redirect(f"{url}?config={saved.pk}")
        elif action == "delete_config" and editing is not None:
            services.delete_config(config=editing)
            messages.success(request, _("Config deleted."))
            return redirect("questions:page", pk=resume.pk)

    editor = _editor_values(request, editing)
    generations = list(
        GenerationLog.objects.filter(resume=resume).select_related("config")[:RECENT_GENERATIONS]
    )
    current = _chosen_generation(request, generations)
    questions = selectors.questions_of(current) if current else []
    kind, level = request.GET.get("type", ""), request.GET.get("difficulty", "")
    if kind in QuestionType.values:
        questions = [q for q in questions if q.question_type == kind]
    if level in Difficulty.values:
        questions = [q for q in questions if q.difficulty == level]
    context = {
        "resume": resume,
        "ready": resume.status == ResumeStatus.COMPLETED,
        "configs": configs,
        "editing": editing,
        "editor": editor,
        "difficulty_fields": [
            (v, label, editor["difficulty"][v]) for v, label in Difficulty.choices
        ],
        "type_fields": [(v, label, editor["type"][v]) for v, label in QuestionType.choices],
        "config_errors": config_errors,
        "categories": SkillCategory.choices,
        "types": QuestionType.choices,
        "difficulties": Difficulty.choices,
        # The config being edited, else the one the shown set was made with.
        "selected_config_id": editing.pk if editing else (current.config_id if current else None),
        "generations": generations,
        "current": current,
        "fallback_text": FALLBACK_REASONS.get(current.fallback_reason, "") if current else "",
        "questions": questions,
        "filter_type": kind,
        "filter_difficulty": level,
    }
    return render(request, "questions/page.html", context, status=400 if config_errors else 200)


def _config_from_query(
    request: HttpRequest, configs: list[GenerationConfig]
) -> GenerationConfig | None:
    wanted = request.POST.get("config_id") or request.GET.get("config") or ""
    return next((c for c in configs if str(c.pk) == wanted), None)


def _chosen_generation(
    request: HttpRequest, generations: list[GenerationLog]
) -> GenerationLog | None:
    wanted = request.GET.get("generation")
    if wanted:
        for generation in generations:
            if str(generation.pk) == wanted:
                return generation
    return generations[0] if generations else None


def _generate(
    request: HttpRequest, resume: Resume, configs: list[GenerationConfig]
) -> HttpResponse:
    chosen = request.POST.get("use_config", "")
    config = next((c for c in configs if str(c.pk) == chosen), None)
    language = request.POST.get("language", "")
    try:
        outcome = services.generate_questions(
            user=request.user,
            resume=resume,
            config=config,
            count=form_int(request.POST.get("count"), high=services.MAX_COUNT),
            language=language if language in ("en", "zh") else None,
            # "A new set" asks for a fresh seed; otherwise the same request gives the
            # same (cached) questions.
            seed=secrets.randbelow(2**31) if request.POST.get("fresh") else None,
        )
    except DomainError as refusal:
        messages.error(request, str(refusal.message))
        return redirect("questions:page", pk=resume.pk)
    url = reverse("questions:page", args=[resume.pk])
    return redirect(f"{url}?generation={outcome.log.pk}")


def _percentages(data: QueryDict, prefix: str, names: tuple[str, ...]) -> dict[str, Any]:
    shares: dict[str, Any] = {}
    for name in names:
        raw = data.get(f"{prefix}_{name}", "").strip()
        try:
            shares[name] = float(raw) / 100 if raw else 0.0
        except ValueError:
            shares[name] = raw  # the serializer says what is wrong with it
    return shares


def _save_config(
    request: HttpRequest, editing: GenerationConfig | None
) -> tuple[GenerationConfig | None, Any]:
    data = request.POST
    excluded = [s.strip() for s in data.get("exclude_skills", "").split(",") if s.strip()]
    focus = [s.strip() for s in data.get("focus_skills", "").split(",") if s.strip()]
    payload = {
        "name": data.get("name", "").strip(),
        "count": data.get("count") or 10,
        "difficulty_distribution": _percentages(data, "difficulty", DIFFICULTIES),
        "type_distribution": _percentages(data, "type", QUESTION_TYPES),
        "skill_categories": data.getlist("skill_categories"),
        "custom_rules": {
            "exclude_skills": excluded,
            "focus_skills": focus,
            "focus_latest_role": data.get("focus_latest_role") == "on",
        },
        "language": data.get("language", ""),
    }
    form = GenerationConfigSerializer(data=payload)
    if not form.is_valid():
        return None, {str(FIELD_LABELS.get(k, k)): v for k, v in form.errors.items()}
    try:
        if editing is None:
            saved = services.create_config(owner=request.user, data=dict(form.validated_data))
        else:
            saved = services.update_config(config=editing, data=dict(form.validated_data))
    except DomainError as refusal:
        return None, {str(FIELD_LABELS["name"]): [str(refusal.message)]}
    return saved, None


def _editor_values(request: HttpRequest, editing: GenerationConfig | None) -> dict[str, Any]:
    """What the config form shows: what was posted, the config being edited, or defaults."""
    if request.method == "POST" and request.POST.get("action") == "save_config":
        data = request.POST
        return {
            "name": data.get("name", ""),
            "count": data.get("count", ""),
            "difficulty": {n: data.get(f"difficulty_{n}", "") for n in DIFFICULTIES},
            "type": {n: data.get(f"type_{n}", "") for n in QUESTION_TYPES},
            "skill_categories": data.getlist("skill_categories"),
            "exclude_skills": data.get("exclude_skills", ""),
            "focus_skills": data.get("focus_skills", ""),
            "focus_latest_role": data.get("focus_latest_role") == "on",
            "language": data.get("language", ""),
        }
    if editing is not None:
        rules = editing.custom_rules or {}
        return {
            "name": editing.name,
            "count": editing.count,
            "difficulty": {
                n: round(100 * editing.difficulty_distribution.get(n, 0)) for n in DIFFICULTIES
            },
            "type": {n: round(100 * editing.type_distribution.get(n, 0)) for n in QUESTION_TYPES},
            "skill_categories": editing.skill_categories,
            "exclude_skills": ", ".join(rules.get("exclude_skills", [])),
            "focus_skills": ", ".join(rules.get("focus_skills", [])),
            "focus_latest_role": bool(rules.get("focus_latest_role")),
            "language": editing.language,
        }
    mix = getattr(request.user, "question_mix", None) or {}
    return {
        "name": "",
        "count": services.DEFAULT_COUNT,
        "difficulty": {n: round(100 * services.DEFAULT_DIFFICULTY[n]) for n in DIFFICULTIES},
        "type": {n: mix.get(n, 0) for n in QUESTION_TYPES},
        "skill_categories": [],
        "exclude_skills": "",
        "focus_skills": "",
        "focus_latest_role": False,
        "language": "",
    }
