from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import AuditEvent, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("-created_at",)
    list_display = (
        "email",
        "display_name",
        "language",
        "target_role",
        "is_staff",
        "is_active",
        "created_at",
    )
    list_filter = ("is_staff", "is_active", "language")
    search_fields = ("email", "display_name", "target_role")
    readonly_fields = ("created_at", "updated_at", "last_login")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("display_name", "language", "target_role", "question_mix")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "created_at", "updated_at")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    # Deleting here is the same workflow as a user deleting their own account: tokens
    # revoked, stored files removed, and an audit event naming the staff member.
    def delete_model(self, request: HttpRequest, obj: User) -> None:
        services.delete_account(user=obj, request=request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            services.delete_account(user=user, request=request)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: an audit trail that staff could edit would prove nothing."""

    list_display = ("created_at", "action", "actor_email", "ip_address", "user_agent")
    list_filter = ("action", "created_at")
    search_fields = ("actor_email", "ip_address")
    date_hierarchy = "created_at"
    readonly_fields = (
        "actor",
        "actor_email",
        "action",
        "ip_address",
        "user_agent",
        "details",
        "created_at",
    )
    list_select_related = ("actor",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
