from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from interviewgenius.http.serializers import StrictInputSerializer
from resumes.models import Resume, ResumeParseLog
from resumes.selectors import error_of

DATE_PATTERN = r"^(\d{4}(-(0[1-9]|1[0-2]))?|present)$"
MAX_ITEMS = 50  # entries per list: far above any resume, bounds what a client can store
TEXT = 300
LONG_TEXT = 3000


def _text(max_length: int = TEXT) -> serializers.CharField:
    return serializers.CharField(
        max_length=max_length, allow_null=True, allow_blank=True, required=False
    )


def _date() -> serializers.RegexField:
    return serializers.RegexField(
        DATE_PATTERN,
        allow_null=True,
        allow_blank=False,
        required=False,
        error_messages={"invalid": _("Use YYYY-MM, YYYY or present.")},
    )


def _list(child: serializers.Field, max_length: int = MAX_ITEMS) -> serializers.ListField:
    return serializers.ListField(child=child, max_length=max_length, required=False)


class BasicInfoSerializer(StrictInputSerializer):
    name = _text(120)
    email = serializers.EmailField(allow_null=True, allow_blank=True, required=False)
    phone = _text(40)
    location = _text(120)
    links = _list(serializers.URLField(max_length=500), 20)


class EducationSerializer(StrictInputSerializer):
    school = _text()
    degree = _text(120)
    major = _text(120)
    start = _date()
    end = _date()
    gpa = _text(20)


class WorkSerializer(StrictInputSerializer):
    company = _text()
    title = _text(200)
    location = _text(120)
    start = _date()
    end = _date()
    highlights = _list(serializers.CharField(max_length=LONG_TEXT))


class SkillSerializer(StrictInputSerializer):
    name = serializers.CharField(max_length=100)
    category = serializers.CharField(max_length=50, allow_blank=True, required=False, default="")
    confidence = serializers.FloatField(min_value=0.0, max_value=1.0, required=False, default=1.0)


class ProjectSerializer(StrictInputSerializer):
    name = _text()
    description = _text(LONG_TEXT)
    technologies = _list(serializers.CharField(max_length=100))


class CertificationSerializer(StrictInputSerializer):
    name = _text()
    issuer = _text(200)
    date = _date()


class LanguageSerializer(StrictInputSerializer):
    name = _text(60)
    proficiency = _text(60)


class CorrectionsSerializer(StrictInputSerializer):
    """PATCH body: any subset of the parse-result sections; a list replaces the machine's list."""

    basic_info = BasicInfoSerializer(required=False)
    education = _list(EducationSerializer(), MAX_ITEMS)
    work_experience = _list(WorkSerializer(), MAX_ITEMS)
    skills = _list(SkillSerializer(), 200)
    projects = _list(ProjectSerializer(), MAX_ITEMS)
    certifications = _list(CertificationSerializer(), MAX_ITEMS)
    languages = _list(LanguageSerializer(), MAX_ITEMS)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs:
            raise serializers.ValidationError(_("Send at least one section to correct."))
        return attrs


class ParseResultSerializer(serializers.Serializer):
    """The DESIGN.md parse-result schema, plus which sections the candidate corrected."""

    language = serializers.CharField()
    basic_info = BasicInfoSerializer()
    education = EducationSerializer(many=True)
    work_experience = WorkSerializer(many=True)
    skills = SkillSerializer(many=True)
    projects = ProjectSerializer(many=True)
    certifications = CertificationSerializer(many=True)
    languages = LanguageSerializer(many=True)
    parse_confidence = serializers.FloatField()
    corrected_fields = serializers.ListField(child=serializers.CharField())


class ResumeErrorSerializer(serializers.Serializer):
    step = serializers.CharField()
    code = serializers.CharField()
    message = serializers.CharField()


class ResumeSerializer(serializers.ModelSerializer):
    error = serializers.SerializerMethodField()

    class Meta:
        model = Resume
        fields: tuple[str, ...] = (
            "id",
            "original_name",
            "content_type",
            "kind",
            "size",
            "pages",
            "sha256",
            "status",
            "error",
            "created_at",
            "parsed_at",
        )
        read_only_fields = fields

    @extend_schema_field(ResumeErrorSerializer(allow_null=True))
    def get_error(self, resume: Resume) -> dict[str, str] | None:
        return error_of(resume)


class UploadResultSerializer(ResumeSerializer):
    duplicate = serializers.BooleanField()

    class Meta(ResumeSerializer.Meta):
        fields: tuple[str, ...] = (*ResumeSerializer.Meta.fields, "duplicate")
        read_only_fields = fields


class StepSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResumeParseLog
        fields = ("step", "status", "duration_ms", "error")
        read_only_fields = fields


class StatusSerializer(serializers.Serializer):
    status = serializers.CharField()
    progress = serializers.FloatField(help_text="0 to 1: the share of steps done")
    steps = StepSerializer(many=True)
    error = ResumeErrorSerializer(allow_null=True)


class UploadSerializer(StrictInputSerializer):
    resume = serializers.FileField(allow_empty_file=True, use_url=False)
