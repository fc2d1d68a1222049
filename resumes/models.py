from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from interviewgenius.engines.fields import EncryptedJSONField, EncryptedTextField


class ResumeStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be read")
    PROCESSING = "processing", _("being read")
    COMPLETED = "completed", _("ready")
    FAILED = "failed", _("failed")


class ResumeQuerySet(models.QuerySet["Resume"]):
    def owned_by(self, user: Any) -> ResumeQuerySet:
        return self.filter(owner=user)


class Resume(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resumes"
    )
    file_key = models.CharField(_("stored object"), max_length=255, unique=True)
    # File names often carry the candidate's name, so they are encrypted like contacts.
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(_("type"), max_length=100)
    kind = models.CharField(_("format"), max_length=10)  # pdf | docx | image
    size = models.PositiveIntegerField(_("size in bytes"))
    pages = models.PositiveSmallIntegerField(_("pages"), default=1)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ResumeStatus.choices,
        default=ResumeStatus.PENDING,
        db_index=True,
    )
    error_step = models.CharField(_("failed step"), max_length=32, blank=True)
    error_code = models.CharField(max_length=64, blank=True)
    error_message = models.TextField(_("error"), blank=True)
    parse_attempts = models.PositiveSmallIntegerField(default=0)
    # The parse task that may work on this resume. A task whose id is not this one
    # (superseded by a reparse) does nothing; a redelivery of this one may re-claim a
    # resume left "processing" by a worker that died. See resumes/pipeline.py.
    task_id = models.CharField(max_length=64, blank=True, db_index=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    parsed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResumeQuerySet.as_manager()

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # The same file uploaded twice by one person is one resume.
            models.UniqueConstraint(fields=["owner", "sha256"], name="resume_unique_file_per_owner")
        ]
        verbose_name = _("resume")
        verbose_name_plural = _("resumes")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in {ResumeStatus.COMPLETED, ResumeStatus.FAILED}


class ResumeParseResult(models.Model):
    """What the parser found, and separately what the candidate corrected.

    Reparsing replaces the machine fields only; ``corrections`` survive it. Contact
    details (name, email, phone, location, links) are encrypted at rest, and so are the
    corrections and the extracted text, which repeat them.
    """

    resume = models.OneToOneField(Resume, on_delete=models.CASCADE, related_name="parse_result")
    language = models.CharField(max_length=8, default="en")
    basic_info = EncryptedJSONField(default=dict)
    education = models.JSONField(default=list)
    work_experience = models.JSONField(default=list)
    skills = models.JSONField(default=list)
    projects = models.JSONField(default=list)
    certifications = models.JSONField(default=list)
    languages = models.JSONField(default=list)
    parse_confidence = models.FloatField(default=0.0)
    corrections = EncryptedJSONField(default=dict, blank=True)
    text = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    MACHINE_FIELDS: ClassVar[tuple[str, ...]] = (
        "language",
        "basic_info",
        "education",
        "work_experience",
        "skills",
        "projects",
        "certifications",
        "languages",
        "parse_confidence",
    )

    class Meta:
        verbose_name = _("parse result")
        verbose_name_plural = _("parse results")

    def __str__(self) -> str:
        return f"parse result of resume {self.resume_id}"

    def machine_result(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.MACHINE_FIELDS}

    def merged(self) -> dict[str, Any]:
        """The machine result with the candidate's corrections laid over it."""
        result = self.machine_result()
        for name, value in (self.corrections or {}).items():
            if name == "basic_info" and isinstance(value, dict):
                result["basic_info"] = {**(result.get("basic_info") or {}), **value}
            else:
                result[name] = value
        return result


class StepStatus(models.TextChoices):
    OK = "ok", _("done")
    FAILED = "failed", _("failed")


class ResumeParseLog(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="parse_logs")
    attempt = models.PositiveSmallIntegerField(default=1)
    step = models.CharField(max_length=32)
    status = models.CharField(max_length=8, choices=StepStatus.choices)
    error = models.TextField(blank=True)
    duration_ms = models.FloatField(default=0.0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["id"]
        verbose_name = _("parse log entry")
        verbose_name_plural = _("parse log")

    def __str__(self) -> str:
        return f"{self.step}: {self.status}"


class SkillMatch(models.Model):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="skill_matches")
    name = models.CharField(max_length=100)
    category = models.CharField(max_length=50, blank=True)
    confidence = models.FloatField(default=0.0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-confidence", "name"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["name"])]
        verbose_name = _("skill match")
        verbose_name_plural = _("skill matches")

    def __str__(self) -> str:
        return self.name
