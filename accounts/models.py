from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_QUESTION_MIX = {"technical": 50, "behavioral": 30, "situational": 20}


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    CHINESE = "zh-hans", "简体中文"


def default_question_mix() -> dict[str, int]:
    return dict(DEFAULT_QUESTION_MIX)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


def normalize_email(email: str) -> str:
    # Addresses are compared case-insensitively everywhere: one person, one account.
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email"), unique=True, max_length=254)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    language = models.CharField(
        _("interface language"), max_length=10, choices=Language.choices, default=Language.ENGLISH
    )
    target_role = models.CharField(_("target role"), max_length=120, blank=True)
    question_mix = models.JSONField(
        _("default question mix"),
        default=default_question_mix,
        help_text=_("Percentages of technical, behavioral and situational questions."),
    )
    created_at = models.DateTimeField(_("joined"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]


class AuditAction(models.TextChoices):
    REGISTER = "register", _("registered")
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed login")
    LOGOUT = "logout", _("logged out")
    PASSWORD_CHANGE = "password_change", _("changed password")
    PREFERENCES_CHANGE = "preferences_change", _("changed preferences")
    ACCOUNT_DELETE = "account_delete", _("deleted account")
    RESUME_UPLOAD = "resume_upload", _("uploaded a resume")
    RESUME_DELETE = "resume_delete", _("deleted a resume")
    RESUME_REPARSE = "resume_reparse", _("asked for a resume to be read again")
    RESUME_CORRECTION = "resume_correction", _("corrected a parsed resume")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_user(self, user: User) -> AuditEventQuerySet:
        return self.filter(actor=user)


class AuditEvent(models.Model):
    """Who did what to an account or its resumes, when, and from where. Never edited.

    ``details`` holds ids and field names only, never personal data (no file names,
    no contact details, no passwords): the trail outlives the account it describes.
    """

    # SET_NULL keeps the trail after an account is deleted; the email stays as written.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    actor_email = models.CharField(_("email"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=32, choices=AuditAction.choices)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["action", "created_at"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.actor_email} {self.action} {self.created_at:%Y-%m-%d %H:%M}"
