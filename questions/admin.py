from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from interviewgenius.admin_inlines import ReadOnlyInline
from questions import bank
from questions.models import GenerationConfig, GenerationLog, Question, QuestionTemplate


class QuestionTemplateForm(forms.ModelForm):
    """The admin's edit form checks a template exactly as an import would."""

    class Meta:
        model = QuestionTemplate
        fields = bank.FIELDS

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        record = {name: data.get(name) for name in bank.FIELDS if name in data}
        record.setdefault("competency", "")
        record.setdefault("skill", "")
        for name in bank.LIST_FIELDS:
            record[name] = record.get(name) or []
        _, problems = bank.clean_record(record)
        for field, message in problems:
            target = field if field in self.fields else None
            self.add_error(target, message)
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("JSON or CSV file"),
        help_text=_(
            "The export format. Every row is checked first; one bad row and nothing is imported."
        ),
    )


@admin.register(QuestionTemplate)
class QuestionTemplateAdmin(admin.ModelAdmin):
    form = QuestionTemplateForm
    change_list_template = "admin/questions/questiontemplate/change_list.html"
    list_display = (
        "short_text",
        "language",
        "question_type",
        "difficulty",
        "skill",
        "skill_category",
        "is_active",
    )
    list_display_links = ("short_text",)
    list_filter = (
        "question_type",
        "difficulty",
        "language",
        "skill_category",
        ("skill", admin.AllValuesFieldListFilter),
        "competency",
        "is_active",
    )
    list_editable = ("is_active",)
    search_fields = ("key", "text", "skill")
    list_per_page = 50
    actions = ("enable", "disable", "export_json", "export_csv")
    readonly_fields = ("created_at", "updated_at")

    @admin.display(description=_("question"), ordering="text")
    def short_text(self, template: QuestionTemplate) -> str:
        return template.text if len(template.text) <= 90 else template.text[:88] + "…"

    @admin.action(description=_("Enable the selected templates"))
    def enable(self, request: HttpRequest, queryset: QuerySet[QuestionTemplate]) -> None:
        count = queryset.update(is_active=True, updated_at=timezone.now())
        self.message_user(
            request, ngettext("%d template enabled.", "%d templates enabled.", count) % count
        )

    @admin.action(description=_("Disable the selected templates"))
    def disable(self, request: HttpRequest, queryset: QuerySet[QuestionTemplate]) -> None:
        count = queryset.update(is_active=False, updated_at=timezone.now())
        self.message_user(
            request, ngettext("%d template disabled.", "%d templates disabled.", count) % count
        )

    @admin.action(description=_("Export the selected templates as JSON"))
    def export_json(
        self, request: HttpRequest, queryset: QuerySet[QuestionTemplate]
    ) -> HttpResponse:
        return _download(bank.export_json(queryset.order_by("key")), "json")

    @admin.action(description=_("Export the selected templates as CSV"))
    def export_csv(
        self, request: HttpRequest, queryset: QuerySet[QuestionTemplate]
    ) -> HttpResponse:
        return _download(bank.export_csv(queryset.order_by("key")), "csv")

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="questions_questiontemplate_import",
            ),
            path(
                "export/<str:fmt>/",
                self.admin_site.admin_view(self.export_all_view),
                name="questions_questiontemplate_export",
            ),
        ]
        return own + super().get_urls()

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request) or not self.has_change_permission(request):
            raise PermissionDenied
        errors: list[dict[str, Any]] = []
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > bank.MAX_IMPORT_BYTES:
                    raise bank.BankImportError(
                        [bank.RowError(1, "", str(_("the file is larger than 5 MB")))]
                    )
                records = bank.parse_upload(upload.read(), upload.name or "")
            except bank.BankImportError as exc:
                errors = [e.as_dict() for e in exc.errors]
            else:
                summary = bank.import_records(records)
                self.message_user(
                    request,
                    _("Imported: %(created)d new, %(updated)d updated, %(unchanged)d unchanged.")
                    % {
                        "created": summary.created,
                        "updated": summary.updated,
                        "unchanged": summary.unchanged,
                    },
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:questions_questiontemplate_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import question templates"),
            "form": form,
            "errors": errors,
        }
        return TemplateResponse(request, "admin/questions/questiontemplate/import.html", context)

    def export_all_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        templates = QuestionTemplate.objects.order_by("key")
        if fmt == "csv":
            return _download(bank.export_csv(templates), "csv")
        return _download(bank.export_json(templates), "json")


def _download(body: str, fmt: str) -> HttpResponse:
    content_type = "text/csv" if fmt == "csv" else "application/json"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="question-templates-{stamp}.{fmt}"'
    return response


@admin.register(GenerationConfig)
class GenerationConfigAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "count", "language", "updated_at")
    search_fields = ("name", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)


class QuestionInline(ReadOnlyInline):
    model = Question
    fields = ("position", "question_type", "difficulty", "skill", "source", "text")
    readonly_fields = fields


@admin.register(GenerationLog)
class GenerationLogAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "resume",
        "status",
        "engine_requested",
        "engine_used",
        "fallback_reason",
        "success_count",
        "duration_ms",
        "created_at",
    )
    list_filter = ("status", "engine_requested", "engine_used", "fallback_reason", "created_at")
    search_fields = ("resume__owner__email",)
    list_select_related = ("resume",)
    date_hierarchy = "created_at"
    inlines = (QuestionInline,)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in GenerationLog._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("id", "resume", "question_type", "difficulty", "skill", "source", "created_at")
    list_filter = ("question_type", "difficulty", "source", "language")
    search_fields = ("text", "skill")
    list_select_related = ("resume",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in Question._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
