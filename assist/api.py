"""REST endpoints under /api/interview/assist (original notes 21.3.2)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.api import signed_in_user
from assist import broadcast, services
from assist.models import AssistLog, AssistSession, AssistStatus
from assist.report import session_report
from assist.serializers import (
    AssistLogSerializer,
    AssistReportSerializer,
    AssistSessionSerializer,
    AssistStartSerializer,
    AssistUsedSerializer,
)
from assist.session_settings import AssistSettingsSerializer


class AssistViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The signed-in candidate's live assist sessions; anyone else's is a 404."""

    serializer_class = AssistSessionSerializer

    def get_queryset(self) -> QuerySet[AssistSession]:
        if getattr(self, "swagger_fake_view", False):
            return AssistSession.objects.none()
        return AssistSession.objects.owned_by(self.request.user)

    @extend_schema(
        request=AssistStartSerializer,
        responses={
            201: AssistSessionSerializer,
            404: OpenApiResponse(description="Not your resume"),
        },
        description="Start live assist, optionally on one of your resumes (suggestions are "
        "grounded in it) or mock interviews. Connect the audio sockets to `websocket_url` "
        "(`?channel=interviewer|candidate`) and the control socket to `control_url`.",
    )
    @action(detail=False, methods=["post"])
    def start(self, request: Request) -> Response:
        form = AssistStartSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        session = services.start_session(
            user=signed_in_user(request),
            resume_id=data.get("resume_id"),
            interview_id=data.get("interview_session_id"),
            settings=data.get("settings"),
        )
        return Response(AssistSessionSerializer(session).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: AssistLogSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def history(self, request: Request, pk: str | None = None) -> Response:
        session = self.get_object()
        logs: QuerySet[AssistLog] = session.logs.all()
        channel = request.query_params.get("channel")
        if channel:
            logs = logs.filter(channel=channel)
        if request.query_params.get("questions") in ("1", "true"):
            logs = logs.filter(is_question=True)
        page = self.paginate_queryset(logs)
        return self.get_paginated_response(AssistLogSerializer(page, many=True).data)

    @extend_schema(
        request=AssistSettingsSerializer,
        responses={200: AssistSessionSerializer, 409: OpenApiResponse(description="Session ended")},
        description="Change any of the settings; the others keep their values. Open sockets "
        "apply them to the next utterance after they reconnect.",
    )
    # Not named "settings": that would hide APIView.settings, which DRF itself reads.
    @action(detail=True, methods=["put", "patch"], url_path="settings")
    def change_settings(self, request: Request, pk: str | None = None) -> Response:
        form = AssistSettingsSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        session = services.update_settings(session=self.get_object(), update=form.validated_data)
        return Response(AssistSessionSerializer(session).data)

    @extend_schema(request=None, responses={200: AssistSessionSerializer})
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str | None = None) -> Response:
        session = services.set_status(session=self.get_object(), status=AssistStatus.ENDED)
        broadcast.notify_sync(session.pk, "end")
        return Response(AssistSessionSerializer(session).data)

    @extend_schema(
        request=AssistUsedSerializer,
        responses={200: AssistLogSerializer, 404: OpenApiResponse(description="No such question")},
        description="Mark a question's suggestion as used (or not): the session's report "
        "counts what helped.",
    )
    @action(detail=True, methods=["post"])
    def used(self, request: Request, pk: str | None = None) -> Response:
        form = AssistUsedSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        log = services.mark_used(
            session=self.get_object(),
            segment_id=form.validated_data["segment_id"],
            used=form.validated_data["used"],
        )
        return Response(AssistLogSerializer(log).data)

    @extend_schema(
        responses={200: AssistReportSerializer},
        description="The session's light report: the questions faced and their types, which "
        "suggestions were used, and the topics to prepare next.",
    )
    @action(detail=True, methods=["get"])
    def report(self, request: Request, pk: str | None = None) -> Response:
        return Response(AssistReportSerializer(session_report(self.get_object())).data)
