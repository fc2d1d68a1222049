from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from interviewgenius.admin_inlines import ReadOnlyInline
from interviews.models import InterviewEvaluation, InterviewItem, InterviewSession, SkillAssessment


class ItemInline(ReadOnlyInline):
    model = InterviewItem
    fields = ("position", "question_type", "difficulty", "skill", "text", "answered_at")
    readonly_fields = fields


class EvaluationInline(ReadOnlyInline):
    model = InterviewEvaluation
    fields = ("item", "input_mode", "relevance_score", "accuracy_score", "overall_score")
    readonly_fields = fields


class SkillInline(ReadOnlyInline):
    model = SkillAssessment
    fields = ("skill_name", "score", "answers")
    readonly_fields = fields


@admin.register(InterviewSession)
class InterviewSessionAdmin(admin.ModelAdmin):
    list_display = ("id", "owner", "resume", "status", "answered", "planned", "created_at")
    list_filter = ("status", "language", "created_at")
    search_fields = ("owner__email",)
    list_select_related = ("owner", "resume")
    inlines = (ItemInline, EvaluationInline, SkillInline)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in InterviewSession._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
