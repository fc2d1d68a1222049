from __future__ import annotations

import math
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from interviewgenius.http.serializers import StrictInputSerializer
from questions.engines.types import DIFFICULTIES, QUESTION_TYPES
from questions.models import (
    GenerationConfig,
    GenerationLog,
    Question,
    QuestionLanguage,
    SkillCategory,
)
from questions.services import MAX_COUNT

# Shares are typed by people ("0.33, 0.33, 0.34") or computed; this much slack is
# rounding, anything more is a mistake the candidate should hear about.
SUM_TOLERANCE = 0.001
MAX_RULE_SKILLS = 50


class DistributionField(serializers.DictField):
    """Shares by name, each in [0, 1], adding up to 1; names not given are 0."""

    def __init__(self, names: tuple[str, ...], **kwargs: Any) -> None:
        self.names = names
        super().__init__(child=serializers.FloatField(min_value=0, max_value=1), **kwargs)

    def to_internal_value(self, data: Any) -> dict[str, float]:
        if not isinstance(data, dict):
            raise serializers.ValidationError(_("Expected an object of shares."))
        unknown = sorted(set(data) - set(self.names))
        if unknown:
            raise serializers.ValidationError(
                _("Unknown names: %(unknown)s. Use: %(names)s.")
                % {"unknown": ", ".join(map(str, unknown)), "names": ", ".join(self.names)}
            )
        if any(isinstance(v, bool) for v in data.values()):
            raise serializers.ValidationError(_("Shares must be numbers."))
        shares = super().to_internal_value(data)
        if any(not math.isfinite(v) for v in shares.values()):
            raise serializers.ValidationError(_("Shares must be finite numbers."))
        total = sum(shares.values())
        if abs(total - 1) > SUM_TOLERANCE:
            raise serializers.ValidationError(
                _("The shares must add up to 1 (they add up to %(total)s).")
                % {"total": round(total, 4)}
            )
        return {name: float(shares.get(name, 0.0)) for name in self.names}


class CustomRulesSerializer(StrictInputSerializer):
    exclude_skills = serializers.ListField(
        child=serializers.CharField(max_length=100), max_length=MAX_RULE_SKILLS, required=False
    )
    focus_skills = serializers.ListField(
        child=serializers.CharField(max_length=100), max_length=MAX_RULE_SKILLS, required=False
    )
    focus_latest_role = serializers.BooleanField(required=False)


class GenerationConfigSerializer(serializers.ModelSerializer):
    count = serializers.IntegerField(min_value=1, max_value=MAX_COUNT, default=10)
    difficulty_distribution = DistributionField(DIFFICULTIES)
    type_distribution = DistributionField(QUESTION_TYPES)
    skill_categories = serializers.ListField(
        child=serializers.ChoiceField(choices=SkillCategory.choices),
        required=False,
        max_length=len(SkillCategory.values),
    )
    custom_rules = CustomRulesSerializer(required=False)
    language = serializers.ChoiceField(
        choices=QuestionLanguage.choices,
        required=False,
        allow_blank=True,
        help_text="Empty: the resume's language.",
    )

    class Meta:
        model = GenerationConfig
        fields = (
            "id",
            "name",
            "count",
            "difficulty_distribution",
            "type_distribution",
            "skill_categories",
            "custom_rules",
            "language",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, dict):
            raise serializers.ValidationError({"non_field_errors": [_("Expected a JSON object.")]})
        unknown = sorted(set(data) - {n for n, f in self.fields.items() if not f.read_only})
        if unknown:
            raise serializers.ValidationError({name: [_("Unknown field.")] for name in unknown})
        return super().to_internal_value(data)

    def validate_skill_categories(self, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class GenerateSerializer(StrictInputSerializer):
    resume_id = serializers.IntegerField(min_value=1)
    config_id = serializers.IntegerField(min_value=1, required=False)
    count = serializers.IntegerField(min_value=1, max_value=MAX_COUNT, required=False)
    language = serializers.ChoiceField(choices=QuestionLanguage.choices, required=False)
    seed = serializers.IntegerField(min_value=0, max_value=2**31 - 1, required=False)
    engine = serializers.ChoiceField(
        choices=[("auto", "auto"), ("template", "template"), ("llm", "llm")],
        required=False,
        default="auto",
        help_text="auto: the LLM when one is configured, else the template bank.",
    )


class QuestionSerializer(serializers.ModelSerializer):
    generation_id = serializers.IntegerField(read_only=True)
    template_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Question
        fields = (
            "id",
            "resume_id",
            "generation_id",
            "position",
            "text",
            "question_type",
            "difficulty",
            "skill",
            "skill_category",
            "competency",
            "keywords",
            "answer_points",
            "source",
            "template_id",
            "language",
            "created_at",
        )
        read_only_fields = fields


class GenerationSerializer(serializers.ModelSerializer):
    config_id = serializers.IntegerField(read_only=True, allow_null=True)
    error = serializers.SerializerMethodField()

    class Meta:
        model = GenerationLog
        fields = (
            "id",
            "resume_id",
            "config_id",
            "status",
            "stage",
            "progress",
            "engine_requested",
            "engine_used",
            "fallback_reason",
            "attempts",
            "success_count",
            "failure_count",
            "duration_ms",
            "warnings",
            "error",
            "params",
            "skills_analysis",
            "created_at",
            "finished_at",
        )
        read_only_fields = fields

    def get_error(self, log: GenerationLog) -> str:
        # Messages are stored in English (a worker has no request language) and
        # translated for whoever reads them.
        return gettext(log.error_message) if log.error_message else ""


class GenerationResultSerializer(serializers.Serializer):
    generation = GenerationSerializer()
    cached = serializers.BooleanField()
    questions = QuestionSerializer(many=True)
