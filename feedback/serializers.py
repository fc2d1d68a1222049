from __future__ import annotations

from rest_framework import serializers

from feedback.models import (
    BehavioralAnalysis,
    FeedbackEngine,
    InterviewFeedback,
    QuestionFeedback,
    SkillEvaluation,
)
from interviewgenius.http.serializers import StrictInputSerializer


class FeedbackGenerateSerializer(StrictInputSerializer):
    session_id = serializers.IntegerField(min_value=1)
    regenerate = serializers.BooleanField(
        default=False, help_text="Rebuild the report even if the interview has not changed."
    )


class QuestionFeedbackSerializer(serializers.ModelSerializer):
    class Meta:
        model = QuestionFeedback
        fields = (
            "position",
            "question_text",
            "question_type",
            "skill",
            "answer_text",
            "answer_score",
            "technical_accuracy",
            "communication_quality",
            "keywords_used",
            "keywords_missed",
            "improvement_suggestions",
            "model_answer",
            "derivation",
        )
        read_only_fields = fields


class SkillEvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = SkillEvaluation
        fields = (
            "skill_name",
            "level",
            "score",
            "confidence",
            "answers",
            "evidence",
            "improvement_areas",
            "derivation",
        )
        read_only_fields = fields


class BehavioralAnalysisSerializer(serializers.ModelSerializer):
    class Meta:
        model = BehavioralAnalysis
        fields = ("aspect", "score", "observations", "recommendations", "derivation")
        read_only_fields = fields


class FeedbackSummarySerializer(serializers.ModelSerializer):
    """The report without its children: status, scores, summary."""

    feedback_id = serializers.IntegerField(source="id", read_only=True)
    session_id = serializers.IntegerField(read_only=True)
    # Blank until a generation has run (the schema must allow it while pending).
    engine = serializers.ChoiceField(
        choices=FeedbackEngine.choices, allow_blank=True, read_only=True
    )
    scores = serializers.SerializerMethodField()

    class Meta:
        model = InterviewFeedback
        fields: tuple[str, ...] = (
            "id",
            "feedback_id",
            "session_id",
            "status",
            "error",
            "language",
            "engine",
            "llm_error",
            "scores",
            "summary",
            "answered",
            "follow_ups",
            "planned",
            "pending_answers",
            "generation_ms",
            "requested_at",
            "generated_at",
        )
        read_only_fields: tuple[str, ...] = fields

    def get_scores(self, feedback: InterviewFeedback) -> dict[str, float | None]:
        return feedback.scores


class FeedbackSerializer(FeedbackSummarySerializer):
    """The whole report: how each score was derived, the plan, and every part."""

    questions = QuestionFeedbackSerializer(source="question_feedback", many=True, read_only=True)
    skills = SkillEvaluationSerializer(source="skill_evaluations", many=True, read_only=True)
    behavioral = BehavioralAnalysisSerializer(
        source="behavioral_analyses", many=True, read_only=True
    )

    class Meta(FeedbackSummarySerializer.Meta):
        fields = (
            *FeedbackSummarySerializer.Meta.fields,
            "derivation",
            "improvement_plan",
            "questions",
            "skills",
            "behavioral",
        )
        read_only_fields = fields


class ProgressPointSerializer(serializers.Serializer):
    feedback_id = serializers.IntegerField()
    session_id = serializers.IntegerField()
    finished_at = serializers.DateTimeField(allow_null=True)
    scores = serializers.DictField(child=serializers.FloatField(allow_null=True))


class ProgressSerializer(serializers.Serializer):
    sessions = ProgressPointSerializer(many=True)
    most_improved_skills = serializers.ListField(child=serializers.DictField())
    weakest_skills = serializers.ListField(child=serializers.DictField())
    skills_assessed = serializers.IntegerField()
