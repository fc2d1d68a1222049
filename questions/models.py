"""Question templates, generation configs, generated questions and generation logs (notes 25.2)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionType(models.TextChoices):
    TECHNICAL = "technical", _("technical")
    BEHAVIORAL = "behavioral", _("behavioral")
    SITUATIONAL = "situational", _("situational")


class Difficulty(models.TextChoices):
    EASY = "easy", _("easy")
    MEDIUM = "medium", _("medium")
    HARD = "hard", _("hard")


class QuestionLanguage(models.TextChoices):
    ENGLISH = "en", "English"
    CHINESE = "zh", "中文"


class SkillCategory(models.TextChoices):
    """The skills taxonomy's categories, plus system design and six non-software professions."""

    PROGRAMMING_LANGUAGE = "programming_language", _("programming languages")
    FRAMEWORK = "framework", _("frameworks")
    DATABASE = "database", _("databases")
    CLOUD_DEVOPS = "cloud_devops", _("cloud and DevOps")
    DATA_ML = "data_ml", _("data and machine learning")
    SECURITY = "security", _("security")
    SYSTEM_DESIGN = "system_design", _("system design")
    TOOL = "tool", _("tools")
    DOMAIN = "domain", _("domain knowledge")
    SOFT_SKILL = "soft_skill", _("soft skills")
    HEALTHCARE = "healthcare", _("healthcare")
    FINANCE = "finance", _("finance and accounting")
    SALES = "sales", _("sales")
    EDUCATION = "education", _("education")
    MARKETING = "marketing", _("marketing")
    HUMAN_RESOURCES = "human_resources", _("human resources")
    GENERAL = "general", _("general")


class Competency(models.TextChoices):
    """What a behavioral or situational question probes."""

    TEAMWORK = "teamwork", _("teamwork")
    CONFLICT = "conflict", _("handling conflict")
    LEADERSHIP = "leadership", _("leadership")
    FAILURE = "failure", _("learning from failure")
    OWNERSHIP = "ownership", _("ownership")
    COMMUNICATION = "communication", _("communication")
    PRIORITIZATION = "prioritization", _("prioritisation")
    ADAPTABILITY = "adaptability", _("adaptability")
    CUSTOMER_FOCUS = "customer_focus", _("customer focus")
    PROBLEM_SOLVING = "problem_solving", _("problem solving")
    LEARNING = "learning", _("learning")
    ETHICS = "ethics", _("ethics")
    INFLUENCE = "influence", _("influence")
    PRESSURE = "pressure", _("working under pressure")


class QuestionTemplateQuerySet(models.QuerySet["QuestionTemplate"]):
    def active(self) -> QuestionTemplateQuerySet:
        return self.filter(is_active=True)


class QuestionTemplateManager(models.Manager["QuestionTemplate"]):
    def get_by_natural_key(self, key: str) -> QuestionTemplate:
        return self.get(key=key)


class QuestionTemplate(models.Model):
    """A curated question; ``{skill}``, ``{company}``, ``{role}``, ``{project}`` come from the resume."""

    key = models.SlugField(
        _("key"),
        max_length=120,
        unique=True,
        allow_unicode=False,
        help_text=_("Stable identifier used by imports and the shipped bank."),
    )
    language = models.CharField(_("language"), max_length=2, choices=QuestionLanguage.choices)
    question_type = models.CharField(_("type"), max_length=16, choices=QuestionType.choices)
    difficulty = models.CharField(_("difficulty"), max_length=8, choices=Difficulty.choices)
    skill = models.CharField(
        _("skill"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "The one skill the question is about, by its taxonomy name; empty when generic."
        ),
    )
    skill_category = models.CharField(
        _("skill category"), max_length=32, choices=SkillCategory.choices
    )
    competency = models.CharField(
        _("competency"), max_length=32, choices=Competency.choices, blank=True
    )
    text = models.TextField(_("text"))
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    answer_points = models.JSONField(
        _("expected answer points"),
        default=list,
        blank=True,
        help_text=_("What a strong answer covers, one point per item."),
    )
    is_active = models.BooleanField(_("enabled"), default=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionTemplateManager.from_queryset(QuestionTemplateQuerySet)()

    class Meta:
        ordering: ClassVar[list[str]] = ["language", "skill_category", "skill", "key"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["language", "is_active", "question_type"]),
        ]
        verbose_name = _("question template")
        verbose_name_plural = _("question templates")

    def __str__(self) -> str:
        return self.key

    def natural_key(self) -> tuple[str]:
        return (self.key,)


class GenerationConfigQuerySet(models.QuerySet["GenerationConfig"]):
    def owned_by(self, user: Any) -> GenerationConfigQuerySet:
        return self.filter(owner=user)


class GenerationConfig(models.Model):
    """A candidate's saved recipe for a question set."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_configs"
    )
    name = models.CharField(_("name"), max_length=100)
    count = models.PositiveSmallIntegerField(_("number of questions"), default=10)
    difficulty_distribution = models.JSONField(_("difficulty distribution"), default=dict)
    type_distribution = models.JSONField(_("type distribution"), default=dict)
    skill_categories = models.JSONField(_("skill categories"), default=list, blank=True)
    custom_rules = models.JSONField(_("custom rules"), default=dict, blank=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=QuestionLanguage.choices,
        blank=True,
        help_text=_("Empty: the resume's language."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GenerationConfigQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["name", "id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["owner", "name"], name="question_config_name_per_owner")
        ]
        verbose_name = _("generation config")
        verbose_name_plural = _("generation configs")

    def __str__(self) -> str:
        return self.name


class Engine(models.TextChoices):
    TEMPLATE = "template", _("template bank")
    LLM = "llm", _("language model")


class GenerationStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    RUNNING = "running", _("generating")
    COMPLETED = "completed", _("ready")
    FAILED = "failed", _("failed")


class GenerationLogQuerySet(models.QuerySet["GenerationLog"]):
    def owned_by(self, user: Any) -> GenerationLogQuerySet:
        return self.filter(resume__owner=user)


class GenerationLog(models.Model):
    """One generation request: its parameters, which engine answered and why, counts and time.

    It doubles as the job record of a background (LLM) generation, so a client polls it.
    """

    resume = models.ForeignKey(
        "resumes.Resume", on_delete=models.CASCADE, related_name="question_generations"
    )
    config = models.ForeignKey(
        GenerationConfig, on_delete=models.SET_NULL, null=True, blank=True, related_name="logs"
    )
    params = models.JSONField(_("generation parameters"), default=dict)
    skills_analysis = models.JSONField(_("skills analysis"), default=dict, blank=True)
    cache_key = models.CharField(max_length=64, db_index=True)
    engine_requested = models.CharField(max_length=16, choices=Engine.choices)
    engine_used = models.CharField(max_length=16, choices=Engine.choices, blank=True)
    fallback_reason = models.CharField(_("fallback reason"), max_length=32, blank=True)
    status = models.CharField(
        max_length=16, choices=GenerationStatus.choices, default=GenerationStatus.PENDING
    )
    stage = models.CharField(max_length=32, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    success_count = models.PositiveSmallIntegerField(default=0)
    failure_count = models.PositiveSmallIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(_("LLM attempts"), default=0)
    duration_ms = models.FloatField(default=0.0)
    error_message = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = GenerationLogQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        verbose_name = _("generation log")
        verbose_name_plural = _("generation logs")

    def __str__(self) -> str:
        return f"generation {self.pk} for resume {self.resume_id}"

    @property
    def is_finished(self) -> bool:
        return self.status in (GenerationStatus.COMPLETED, GenerationStatus.FAILED)


class QuestionQuerySet(models.QuerySet["Question"]):
    def owned_by(self, user: Any) -> QuestionQuerySet:
        return self.filter(resume__owner=user)


class Question(models.Model):
    """A question generated for one resume."""

    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="questions")
    generation = models.ForeignKey(
        GenerationLog, on_delete=models.CASCADE, related_name="questions"
    )
    template = models.ForeignKey(
        QuestionTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(max_length=16, choices=Engine.choices)  # which engine wrote it
    position = models.PositiveSmallIntegerField(default=0)
    language = models.CharField(max_length=2, choices=QuestionLanguage.choices)
    text = models.TextField(_("question"))
    question_type = models.CharField(_("type"), max_length=16, choices=QuestionType.choices)
    difficulty = models.CharField(_("difficulty"), max_length=8, choices=Difficulty.choices)
    skill = models.CharField(_("skill"), max_length=100, blank=True)
    skill_category = models.CharField(_("skill category"), max_length=32, blank=True)
    competency = models.CharField(max_length=32, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    answer_points = models.JSONField(default=list, blank=True)
    generation_params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-generation_id", "position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]
