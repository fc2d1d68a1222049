"""Feedback reports (original notes 22.2): one report per mock interview, regenerated in place."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("queued")
    GENERATING = "generating", _("generating")
    COMPLETED = "completed", _("completed")
    FAILED = "failed", _("failed")


class FeedbackEngine(models.TextChoices):
    LOCAL = "local", _("local analysis")
    LLM = "llm", _("LLM")


class SkillLevel(models.TextChoices):
    BEGINNER = "beginner", _("beginner")
    INTERMEDIATE = "intermediate", _("intermediate")
    ADVANCED = "advanced", _("advanced")
    EXPERT = "expert", _("expert")


class BehaviourAspect(models.TextChoices):
    STRUCTURE = "structure", _("structure (STAR)")
    CLARITY = "clarity", _("clarity and conciseness")
    CONFIDENCE = "confidence", _("confidence")
    OWNERSHIP = "ownership", _("ownership")
    COLLABORATION = "collaboration", _("collaboration")


class InterviewFeedbackQuerySet(models.QuerySet["InterviewFeedback"]):
    def owned_by(self, user: Any) -> InterviewFeedbackQuerySet:
        return self.filter(session__owner=user)

    def with_parts(self) -> InterviewFeedbackQuerySet:
        """Reports with their questions, skills and behaviour, for showing them whole."""
        return self.prefetch_related(
            "question_feedback", "skill_evaluations", "behavioral_analyses"
        )


class InterviewFeedback(models.Model):
    """The report of one mock interview. Regenerating replaces its content atomically,
    so the row (and its id in links) stays while the children are swapped."""

    session = models.OneToOneField(
        "interviews.InterviewSession", on_delete=models.CASCADE, related_name="feedback"
    )
    status = models.CharField(
        max_length=12, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING
    )
    # Bumped by every generation request; a worker stores its result only for the
    # attempt it claimed, so an overtaken or redelivered task cannot overwrite a newer one.
    attempt = models.PositiveIntegerField(default=0)
    # sha256 of the analysed answers the report was (or is being) built from: a request
    # for an unchanged session returns the report instead of building a second one.
    fingerprint = models.CharField(max_length=64, blank=True)
    language = models.CharField(max_length=2, default="en")
    engine = models.CharField(max_length=8, choices=FeedbackEngine.choices, blank=True)
    llm_error = models.CharField(max_length=200, blank=True)
    overall_score = models.FloatField(null=True, blank=True)
    technical_score = models.FloatField(null=True, blank=True)
    communication_score = models.FloatField(null=True, blank=True)
    problem_solving_score = models.FloatField(null=True, blank=True)
    confidence_score = models.FloatField(null=True, blank=True)
    summary = models.TextField(blank=True)
    # How each score was derived: signals, weights, answers used, any LLM adjustment.
    derivation = models.JSONField(default=dict, blank=True)
    improvement_plan = models.JSONField(default=list, blank=True)
    answered = models.PositiveSmallIntegerField(default=0)  # main questions
    follow_ups = models.PositiveSmallIntegerField(default=0)
    planned = models.PositiveSmallIntegerField(default=0)
    pending_answers = models.PositiveSmallIntegerField(default=0)  # analyses not done yet
    error = models.TextField(blank=True)
    generation_ms = models.PositiveIntegerField(null=True, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterviewFeedbackQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"feedback #{self.pk} for interview #{self.session_id}"

    @property
    def scores(self) -> dict[str, float | None]:
        return {
            "overall": self.overall_score,
            "technical": self.technical_score,
            "communication": self.communication_score,
            "problem_solving": self.problem_solving_score,
            "confidence": self.confidence_score,
        }


class QuestionFeedback(models.Model):
    feedback = models.ForeignKey(
        InterviewFeedback, on_delete=models.CASCADE, related_name="question_feedback"
    )
    item = models.ForeignKey(
        "interviews.InterviewItem", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField()
    question_text = models.TextField()
    question_type = models.CharField(max_length=16)
    skill = models.CharField(max_length=100, blank=True)
    answer_text = models.TextField(blank=True)
    answer_score = models.FloatField(null=True, blank=True)
    technical_accuracy = models.FloatField(null=True, blank=True)
    communication_quality = models.FloatField(null=True, blank=True)
    keywords_used = models.JSONField(default=list, blank=True)
    keywords_missed = models.JSONField(default=list, blank=True)
    improvement_suggestions = models.JSONField(default=list, blank=True)
    model_answer = models.JSONField(default=list, blank=True)  # an outline, point by point
    derivation = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["position"]

    def __str__(self) -> str:
        return f"Q{self.position}: {self.question_text[:40]}"


class SkillEvaluation(models.Model):
    feedback = models.ForeignKey(
        InterviewFeedback, on_delete=models.CASCADE, related_name="skill_evaluations"
    )
    skill_name = models.CharField(max_length=100)
    level = models.CharField(max_length=12, choices=SkillLevel.choices)
    score = models.FloatField()
    confidence = models.FloatField(help_text="0..1: how much evidence the level rests on")
    answers = models.PositiveSmallIntegerField(default=0)
    evidence = models.JSONField(default=list, blank=True)  # quoted answer phrases
    improvement_areas = models.JSONField(default=list, blank=True)
    derivation = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-score", "skill_name"]

    def __str__(self) -> str:
        return f"{self.skill_name}: {self.level}"


class BehavioralAnalysis(models.Model):
    feedback = models.ForeignKey(
        InterviewFeedback, on_delete=models.CASCADE, related_name="behavioral_analyses"
    )
    aspect = models.CharField(max_length=16, choices=BehaviourAspect.choices)
    score = models.FloatField()
    observations = models.JSONField(default=list, blank=True)
    recommendations = models.JSONField(default=list, blank=True)
    derivation = models.JSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar[list[str]] = ["position"]

    def __str__(self) -> str:
        return f"{self.aspect}: {self.score:.0f}"
