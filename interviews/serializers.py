from __future__ import annotations

from rest_framework import serializers

from interviewgenius.http.serializers import StrictInputSerializer
from interviews.models import InterviewEvaluation, InterviewItem, InterviewSession
from interviews.services import MAX_ANSWER_CHARS
from questions.models import QuestionLanguage
from questions.services import MAX_COUNT


class StartSerializer(StrictInputSerializer):
    resume_id = serializers.IntegerField(min_value=1)
    config_id = serializers.IntegerField(min_value=1, required=False)
    count = serializers.IntegerField(min_value=1, max_value=MAX_COUNT, required=False)
    language = serializers.ChoiceField(choices=QuestionLanguage.choices, required=False)


class TextAnswerSerializer(StrictInputSerializer):
    text = serializers.CharField(
        max_length=MAX_ANSWER_CHARS, allow_blank=True, trim_whitespace=True
    )


class AudioAnswerSerializer(serializers.Serializer):
    audio = serializers.FileField(
        help_text="The recorded answer: webm/ogg (a browser's MediaRecorder), wav, flac or mp3."
    )


class ItemSerializer(serializers.ModelSerializer):
    is_follow_up = serializers.BooleanField(read_only=True)

    class Meta:
        model = InterviewItem
        fields = (
            "id",
            "position",
            "text",
            "question_type",
            "difficulty",
            "skill",
            "is_follow_up",
            "asked_at",
            "answered_at",
        )
        read_only_fields = fields


class EvaluationSerializer(serializers.ModelSerializer):
    item_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = InterviewEvaluation
        fields = (
            "id",
            "item_id",
            "input_mode",
            "answer_text",
            "audio_duration",
            "keywords",
            "points_covered",
            "relevance_score",
            "accuracy_score",
            "structure_score",
            "sentiment_score",
            "confidence_score",
            "delivery_score",
            "overall_score",
            "evidence",
            "analysis_status",
            "created_at",
        )
        read_only_fields = fields


class SessionSerializer(serializers.ModelSerializer):
    resume_id = serializers.IntegerField(read_only=True)
    config_id = serializers.IntegerField(read_only=True, allow_null=True)
    current_question = ItemSerializer(source="current_item", read_only=True, allow_null=True)
    progress = serializers.FloatField(read_only=True)

    class Meta:
        model = InterviewSession
        fields: tuple[str, ...] = (
            "id",
            "resume_id",
            "config_id",
            "status",
            "language",
            "planned",
            "answered",
            "progress",
            "current_question",
            "started_at",
            "finished_at",
            "created_at",
        )
        read_only_fields: tuple[str, ...] = fields


class SessionDetailSerializer(SessionSerializer):
    items = ItemSerializer(many=True, read_only=True)
    evaluations = EvaluationSerializer(many=True, read_only=True)

    class Meta(SessionSerializer.Meta):
        fields = (*SessionSerializer.Meta.fields, "items", "evaluations")
        read_only_fields = fields


class AnswerResultSerializer(serializers.Serializer):
    transcript = serializers.CharField(allow_null=True, required=False)
    evaluation = EvaluationSerializer()
    next_question = ItemSerializer(allow_null=True)
    session = SessionSerializer()
