from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from interviewgenius.admin_inlines import ReadOnlyInline
from interviewgenius.http.errors import Conflict
from resumes import services
from resumes.models import Resume, ResumeParseLog, ResumeParseResult, SkillMatch


class ParseLogInline(ReadOnlyInline):
    model = ResumeParseLog
    fields = ("attempt", "step", "status", "duration_ms", "error", "created_at")
    readonly_fields = fields


class SkillMatchInline(ReadOnlyInline):
    model = SkillMatch
    fields = ("name", "category", "confidence")
    readonly_fields = fields


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "owner",
        "original_name",
        "kind",
        "pages",
        "status",
        "parse_attempts",
        "created_at",
    )
    list_filter = ("status", "kind", "created_at")
    search_fields = ("owner__email", "sha256")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "owner",
        "file_key",
        "original_name",
        "content_type",
        "kind",
        "size",
        "pages",
        "sha256",
        "status",
        "error_step",
        "error_code",
        "error_message",
        "parse_attempts",
        "task_id",
        "queued_at",
        "claimed_at",
        "parsed_at",
        "created_at",
        "updated_at",
    )
    inlines = (ParseLogInline, SkillMatchInline)
    actions = ("reparse",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # resumes come from their owners' uploads

    # Through the service, as on the pages: the stored file goes too, and it is audited.
    def delete_model(self, request: HttpRequest, obj: Resume) -> None:
        services.delete_resume(resume=obj, request=request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Resume]) -> None:
        for resume in queryset:
            services.delete_resume(resume=resume, request=request)

    @admin.action(description=_("Parse the selected resumes again"))
    def reparse(self, request: HttpRequest, queryset: QuerySet[Resume]) -> None:
        queued = busy = 0
        for resume in queryset:
            try:
                services.request_reparse(resume=resume, request=request)
                queued += 1
            except Conflict:
                busy += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d resume queued for parsing.",
                "%(count)d resumes queued for parsing.",
                queued,
            )
            % {"count": queued},
            messages.SUCCESS,
        )
        if busy:
            self.message_user(
                request,
                ngettext(
                    "%(count)d resume is being parsed already.",
                    "%(count)d resumes are being parsed already.",
                    busy,
                )
                % {"count": busy},
                messages.WARNING,
            )


@admin.register(ResumeParseResult)
class ResumeParseResultAdmin(admin.ModelAdmin):
    list_display = ("resume", "language", "parse_confidence", "updated_at")
    list_filter = ("language",)
    readonly_fields = (
        "resume",
        *ResumeParseResult.MACHINE_FIELDS,
        "corrections",
        "created_at",
        "updated_at",
    )
    exclude = ("text",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
