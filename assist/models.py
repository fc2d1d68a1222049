"""Live assist sessions, what was heard in them, and the curated answer templates (notes 21.2)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from questions.models import Competency, Difficulty, QuestionLanguage, QuestionType, SkillCategory

# Lowercase words joined by dots, hyphens or underscores: en.behavioral.teamwork.
KEY_FORMAT = RegexValidator(
    r"^[a-z0-9][a-z0-9._-]*$", _("Use lowercase letters, digits, dots, hyphens or underscores.")
)


class AssistStatus(models.TextChoices):
    ACTIVE = "active", _("listening")
    PAUSED = "paused", _("paused")
    ENDED = "ended", _("ended")


class Channel(models.TextChoices):
    """Whose voice a socket carries: only the interviewer's questions get suggestions."""

    INTERVIEWER = "interviewer", _("interviewer")
    CANDIDATE = "candidate", _("candidate")


class AssistSessionQuerySet(models.QuerySet["AssistSession"]):
    def owned_by(self, user: Any) -> AssistSessionQuerySet:
        return self.filter(owner=user)


def default_settings() -> dict[str, Any]:
    # A callable default: a shared dict literal would be mutated across rows.
    from assist.session_settings import DEFAULTS

    return dict(DEFAULTS)


class AssistSession(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assist_sessions"
    )
    resume = models.ForeignKey(
        "resumes.Resume",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assist_sessions",
    )
    interview = models.ForeignKey(
        "interviews.InterviewSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assist_sessions",
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=AssistStatus.choices,
        default=AssistStatus.ACTIVE,
        db_index=True,
    )
    settings = models.JSONField(_("settings"), default=default_settings)
    current_question = models.TextField(_("current question"), blank=True)
    questions_detected = models.PositiveIntegerField(default=0)
    last_audio_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = AssistSessionQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        verbose_name = _("live assist session")
        verbose_name_plural = _("live assist sessions")

    def __str__(self) -> str:
        return f"assist {self.pk} ({self.status})"

    @property
    def language(self) -> str:
        return str(self.settings.get("language") or "en")


class AssistLog(models.Model):
    """One final utterance heard on a socket, and what the assistant made of it."""

    session = models.ForeignKey(AssistSession, on_delete=models.CASCADE, related_name="logs")
    segment_id = models.CharField(max_length=36)
    channel = models.CharField(max_length=12, choices=Channel.choices, default=Channel.INTERVIEWER)
    source = models.CharField(max_length=8, default="speech")  # speech | text (typed)
    transcript = models.TextField(blank=True)
    is_question = models.BooleanField(default=False)
    question_type = models.CharField(max_length=16, blank=True)
    competency = models.CharField(max_length=32, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    repeat_of = models.CharField(max_length=36, blank=True)
    suggestions = models.JSONField(default=dict, blank=True)
    # The candidate marked the suggestion as used (the console's "Used it" button).
    suggestion_used = models.BooleanField(default=False)
    # Milliseconds per stage (transcribe, detect, suggest, total), from the end of speech.
    timings = models.JSONField(default=dict, blank=True)
    processing_ms = models.FloatField(null=True, blank=True)
    audio_seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # A flush racing a reconnect must not log one utterance twice.
            models.UniqueConstraint(fields=["session", "segment_id"], name="assist_log_segment")
        ]

    def __str__(self) -> str:
        return f"{self.channel}: {self.transcript[:60]}"


class AnswerTemplateQuerySet(models.QuerySet["AnswerTemplate"]):
    def active(self) -> AnswerTemplateQuerySet:
        return self.filter(is_active=True)


class AnswerTemplateManager(models.Manager["AnswerTemplate"]):
    def get_by_natural_key(self, key: str) -> AnswerTemplate:
        return self.get(key=key)


class AnswerTemplate(models.Model):
    """Curated answer guidance for one kind of question (notes 21.2.3)."""

    key = models.CharField(
        _("key"),
        max_length=120,
        unique=True,
        validators=[KEY_FORMAT],
        help_text=_("Stable identifier used by imports, e.g. en.behavioral.teamwork."),
    )
    language = models.CharField(_("language"), max_length=2, choices=QuestionLanguage.choices)
    question_type = models.CharField(_("type"), max_length=16, choices=QuestionType.choices)
    competency = models.CharField(
        _("competency"), max_length=32, choices=Competency.choices, blank=True
    )
    skill_category = models.CharField(
        _("skill category"), max_length=32, choices=SkillCategory.choices, blank=True
    )
    difficulty = models.CharField(
        _("difficulty"), max_length=8, choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    title = models.CharField(_("title"), max_length=200)
    cues = models.JSONField(
        _("cues"),
        default=list,
        blank=True,
        help_text=_("Words or phrases in a spoken question that select this template."),
    )
    points = models.JSONField(
        _("answer points"),
        default=list,
        help_text=_("Placeholders {company}, {role}, {project} and {skill} come from the resume."),
    )
    template_text = models.TextField(_("approach"), blank=True)
    is_active = models.BooleanField(_("enabled"), default=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnswerTemplateManager.from_queryset(AnswerTemplateQuerySet)()

    class Meta:
        ordering: ClassVar[list[str]] = ["language", "question_type", "key"]
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["language", "question_type", "is_active"], name="answer_tpl_pick")
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.key,)
