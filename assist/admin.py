from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assist.models import AnswerTemplate, AssistLog, AssistSession
from interviewgenius.admin_inlines import ReadOnlyInline


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "key",
        "language",
        "question_type",
        "competency",
        "skill_category",
        "is_active",
    )
    list_filter = (
        "language",
        "question_type",
        "competency",
        "skill_category",
        "difficulty",
        "is_active",
    )
    search_fields = ("key", "title", "template_text")
    readonly_fields = ("created_at", "updated_at")
    actions = ("enable", "disable")

    @admin.action(description=_("Enable the selected templates"))
    def enable(self, request: HttpRequest, queryset: QuerySet[AnswerTemplate]) -> None:
        self._set_active(request, queryset, True)

    @admin.action(description=_("Disable the selected templates"))
    def disable(self, request: HttpRequest, queryset: QuerySet[AnswerTemplate]) -> None:
        self._set_active(request, queryset, False)

    def _set_active(
        self, request: HttpRequest, queryset: QuerySet[AnswerTemplate], on: bool
    ) -> None:
        count = queryset.update(is_active=on)
        self.message_user(
            request,
            ngettext("%(count)d template updated.", "%(count)d templates updated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


class LogInline(ReadOnlyInline):
    model = AssistLog
    fields = (
        "created_at",
        "channel",
        "source",
        "transcript",
        "is_question",
        "question_type",
        "processing_ms",
    )
    readonly_fields = fields


@admin.register(AssistSession)
class AssistSessionAdmin(admin.ModelAdmin):
    list_display = ("id", "owner", "status", "questions_detected", "created_at", "ended_at")
    list_filter = ("status",)
    search_fields = ("owner__email",)
    raw_id_fields = ("owner", "resume", "interview")
    readonly_fields = ("created_at", "updated_at", "ended_at", "last_audio_at")
    inlines: ClassVar[list[Any]] = [LogInline]
