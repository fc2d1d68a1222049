from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from feedback import services
from feedback.models import BehavioralAnalysis, InterviewFeedback, QuestionFeedback, SkillEvaluation
from interviewgenius.admin_inlines import ReadOnlyInline
from interviewgenius.http.errors import Conflict


class QuestionFeedbackInline(ReadOnlyInline):
    model = QuestionFeedback
    fields = (
        "position",
        "question_text",
        "answer_score",
        "technical_accuracy",
        "communication_quality",
    )
    readonly_fields = fields


class SkillEvaluationInline(ReadOnlyInline):
    model = SkillEvaluation
    fields = ("skill_name", "level", "score", "confidence", "answers")
    readonly_fields = fields


class BehavioralAnalysisInline(ReadOnlyInline):
    model = BehavioralAnalysis
    fields = ("aspect", "score", "observations", "recommendations")
    readonly_fields = fields


@admin.register(InterviewFeedback)
class InterviewFeedbackAdmin(admin.ModelAdmin):
    list_display = ("id", "session", "owner", "status", "engine", "overall_score", "generated_at")
    list_filter = ("status", "engine", "language")
    search_fields = ("session__owner__email",)
    raw_id_fields = ("session",)
    readonly_fields = tuple(
        f.name for f in InterviewFeedback._meta.get_fields() if f.concrete and f.name != "session"
    )
    inlines: ClassVar[list[Any]] = [
        QuestionFeedbackInline,
        SkillEvaluationInline,
        BehavioralAnalysisInline,
    ]
    actions = ("regenerate",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[InterviewFeedback]:
        return super().get_queryset(request).select_related("session__owner")

    @admin.display(description=_("owner"))
    def owner(self, feedback: InterviewFeedback) -> str:
        return feedback.session.owner.email

    @admin.action(description=_("Regenerate the selected reports"))
    def regenerate(self, request: HttpRequest, queryset: QuerySet[InterviewFeedback]) -> None:
        queued = 0
        for feedback in queryset.select_related("session"):
            try:
                services.request_report(session=feedback.session, force=True)
                queued += 1
            except Conflict as refusal:
                self.message_user(request, f"#{feedback.pk}: {refusal.message}", messages.WARNING)
        self.message_user(
            request,
            ngettext("%(count)d report queued.", "%(count)d reports queued.", queued)
            % {"count": queued},
            messages.SUCCESS,
        )
