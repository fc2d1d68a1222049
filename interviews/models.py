"""Mock interview sessions, the questions asked in them and the answers' evaluations (notes 20.4)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InterviewStatus(models.TextChoices):
    IDLE = "idle", _("created")
    PARSING = "parsing", _("preparing")
    READY = "ready", _("ready")
    INTERVIEWING = "interviewing", _("in progress")
    REVIEWING = "reviewing", _("finished")
    ARCHIVED = "archived", _("archived")


# The only moves a session can make (notes 20.6.2); anything else is a 409.
TRANSITIONS: dict[str, frozenset[str]] = {
    InterviewStatus.IDLE: frozenset({InterviewStatus.PARSING}),
    InterviewStatus.PARSING: frozenset({InterviewStatus.READY}),
    InterviewStatus.READY: frozenset({InterviewStatus.INTERVIEWING}),
    InterviewStatus.INTERVIEWING: frozenset({InterviewStatus.REVIEWING}),
    InterviewStatus.REVIEWING: frozenset({InterviewStatus.ARCHIVED}),
    InterviewStatus.ARCHIVED: frozenset(),
}


class InputMode(models.TextChoices):
    TEXT = "text", _("typed")
    AUDIO = "audio", _("spoken")


class AnalysisStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    RUNNING = "running", _("analysing")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class InterviewSessionQuerySet(models.QuerySet["InterviewSession"]):
    def owned_by(self, user: Any) -> InterviewSessionQuerySet:
        return self.filter(owner=user)


class InterviewSession(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviews"
    )
    resume = models.ForeignKey(
        "resumes.Resume", on_delete=models.CASCADE, related_name="interviews"
    )
    config = models.ForeignKey(
        "questions.GenerationConfig", on_delete=models.SET_NULL, null=True, blank=True
    )
    generation = models.ForeignKey(
        "questions.GenerationLog", on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InterviewStatus.choices,
        default=InterviewStatus.IDLE,
        db_index=True,
    )
    language = models.CharField(max_length=2, default="en")
    current_item = models.ForeignKey(
        "InterviewItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    planned = models.PositiveSmallIntegerField(_("planned questions"), default=0)
    answered = models.PositiveSmallIntegerField(_("answered questions"), default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterviewSessionQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        verbose_name = _("interview session")
        verbose_name_plural = _("interview sessions")

    def __str__(self) -> str:
        return f"interview {self.pk} ({self.status})"

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS[self.status]

    @property
    def progress(self) -> float:
        return round(self.answered / self.planned, 3) if self.planned else 0.0


class InterviewItem(models.Model):
    """One question of a session, as asked: planned from the set, or a follow-up."""

    session = models.ForeignKey(InterviewSession, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        "questions.Question", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    follow_up_of = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="follow_ups"
    )
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    question_type = models.CharField(max_length=16)
    difficulty = models.CharField(max_length=8)
    skill = models.CharField(max_length=100, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    answer_points = models.JSONField(default=list, blank=True)
    asked_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["position", "id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["session", "position"], name="interview_item_position")
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_follow_up(self) -> bool:
        return self.follow_up_of_id is not None


class InterviewEvaluation(models.Model):
    """The answer to one item and its analysis (notes 20.4.2, 10.4)."""

    item = models.OneToOneField(InterviewItem, on_delete=models.CASCADE, related_name="evaluation")
    session = models.ForeignKey(
        InterviewSession, on_delete=models.CASCADE, related_name="evaluations"
    )
    input_mode = models.CharField(max_length=8, choices=InputMode.choices)
    answer_text = models.TextField(blank=True)
    audio_duration = models.FloatField(null=True, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    points_covered = models.JSONField(default=list, blank=True)
    relevance_score = models.FloatField(null=True, blank=True)
    accuracy_score = models.FloatField(_("technical score"), null=True, blank=True)
    structure_score = models.FloatField(null=True, blank=True)
    sentiment_score = models.FloatField(null=True, blank=True)
    confidence_score = models.FloatField(null=True, blank=True)
    delivery_score = models.FloatField(null=True, blank=True)
    overall_score = models.FloatField(null=True, blank=True)
    evidence = models.JSONField(default=dict, blank=True)
    # Word timings of a spoken answer, kept so a retried analysis can judge delivery too.
    spoken_words = models.JSONField(default=list, blank=True)
    feedback = models.TextField(blank=True)
    analysis_status = models.CharField(
        max_length=16, choices=AnalysisStatus.choices, default=AnalysisStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    analysed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]

    def __str__(self) -> str:
        return f"answer to item {self.item_id}"


class SkillAssessment(models.Model):
    session = models.ForeignKey(
        InterviewSession, on_delete=models.CASCADE, related_name="skill_assessments"
    )
    skill_name = models.CharField(max_length=100)
    score = models.FloatField()
    answers = models.PositiveSmallIntegerField(default=0)
    evidence = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["skill_name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["session", "skill_name"], name="skill_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.skill_name}: {self.score:.0f}"
