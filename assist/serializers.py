from __future__ import annotations

from rest_framework import serializers

from assist.models import AssistLog, AssistSession
from assist.session_settings import AssistSettingsSerializer
from interviewgenius.http.serializers import StrictInputSerializer


class AssistStartSerializer(StrictInputSerializer):
    resume_id = serializers.IntegerField(min_value=1, required=False)
    interview_session_id = serializers.IntegerField(min_value=1, required=False)
    settings = AssistSettingsSerializer(required=False)


class AssistSessionSerializer(serializers.ModelSerializer):
    websocket_url = serializers.SerializerMethodField()
    control_url = serializers.SerializerMethodField()
    session_id = serializers.IntegerField(source="id", read_only=True)

    class Meta:
        model = AssistSession
        fields = (
            "id",
            "session_id",
            "status",
            "resume",
            "interview",
            "settings",
            "current_question",
            "questions_detected",
            "websocket_url",
            "control_url",
            "created_at",
            "updated_at",
            "ended_at",
        )
        read_only_fields = fields

    def get_websocket_url(self, session: AssistSession) -> str:
        return f"/ws/interview/assist/{session.pk}"

    def get_control_url(self, session: AssistSession) -> str:
        return f"/ws/interview/assist/{session.pk}/control"


class AssistLogSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssistLog
        fields = (
            "id",
            "segment_id",
            "channel",
            "source",
            "transcript",
            "is_question",
            "question_type",
            "competency",
            "confidence",
            "repeat_of",
            "suggestion_used",
            "suggestions",
            "timings",
            "processing_ms",
            "audio_seconds",
            "created_at",
        )
        read_only_fields = fields


class AssistUsedSerializer(StrictInputSerializer):
    segment_id = serializers.CharField(max_length=36)
    used = serializers.BooleanField(default=True)


class AssistReportQuestionSerializer(serializers.Serializer):
    segment_id = serializers.CharField()
    text = serializers.CharField()
    question_type = serializers.CharField()
    competency = serializers.CharField()
    suggestion_title = serializers.CharField()
    suggestion_used = serializers.BooleanField()
    asked_at = serializers.DateTimeField()


class AssistReportTopicSerializer(serializers.Serializer):
    topic = serializers.CharField()
    kind = serializers.CharField()
    questions = serializers.ListField(child=serializers.CharField())
    asked = serializers.IntegerField()
    suggestions_used = serializers.IntegerField()


class AssistReportSerializer(serializers.Serializer):
    session_id = serializers.IntegerField()
    status = serializers.CharField()
    started_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)
    questions_faced = serializers.IntegerField()
    by_type = serializers.DictField(child=serializers.IntegerField())
    suggestions_used = serializers.IntegerField()
    questions = AssistReportQuestionSerializer(many=True)
    topics_to_prepare = AssistReportTopicSerializer(many=True)
