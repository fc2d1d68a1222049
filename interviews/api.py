"""REST endpoints under /api/interviews (original notes 3.4 and 20.5)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.api import signed_in_user
from interviewgenius.http.errors import PayloadTooLarge
from interviewgenius.http.parsers import BoundedJSONParser
from interviews import services
from interviews.models import InterviewSession
from interviews.serializers import (
    AnswerResultSerializer,
    AudioAnswerSerializer,
    SessionDetailSerializer,
    SessionSerializer,
    StartSerializer,
    TextAnswerSerializer,
)
from questions import selectors as question_selectors

# A few minutes of compressed speech is far below this; anything larger is not an answer.
MAX_AUDIO_BYTES = 25 * 1024 * 1024

_INVALID_TRANSITION = OpenApiResponse(
    description="invalid_transition: the interview is not in a state that allows this move"
)


class InterviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The signed-in candidate's mock interviews; anyone else's is a 404."""

    serializer_class = SessionSerializer

    def get_queryset(self) -> QuerySet[InterviewSession]:
        if getattr(self, "swagger_fake_view", False):
            return InterviewSession.objects.none()
        sessions = InterviewSession.objects.owned_by(self.request.user).select_related(
            "current_item"
        )
        if self.action == "retrieve":
            sessions = sessions.prefetch_related("items", "evaluations")
        return sessions

    def get_serializer_class(self) -> Any:
        return SessionDetailSerializer if self.action == "retrieve" else SessionSerializer

    @extend_schema(
        request=StartSerializer,
        responses={
            201: SessionSerializer,
            409: OpenApiResponse(description="The resume is not parsed yet"),
        },
        description="Start a mock interview on one of your resumes: its questions are "
        "prepared from the bank and the first one is asked (`current_question`).",
    )
    @action(detail=False, methods=["post"])
    def start(self, request: Request) -> Response:
        form = StartSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        user = signed_in_user(request)
        resume, config = question_selectors.resume_and_config(
            user, data["resume_id"], data.get("config_id")
        )
        session = services.start_interview(
            user=user,
            resume=resume,
            config=config,
            count=data.get("count"),
            language=data.get("language"),
        )
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: SessionSerializer})
    @action(detail=True, methods=["get"], url_path="status")
    def session_status(self, request: Request, pk: str | None = None) -> Response:
        return Response(SessionSerializer(self.get_object()).data)

    @extend_schema(
        request={
            "application/json": TextAnswerSerializer,
            "multipart/form-data": AudioAnswerSerializer,
        },
        responses={
            200: AnswerResultSerializer,
            409: OpenApiResponse(description="No question is waiting for an answer"),
            422: OpenApiResponse(
                description="The recording could not be transcribed; details.action is text_input"
            ),
        },
        description='Answer the current question: JSON `{"text": ...}`, or a recording as '
        "multipart field `audio` (transcribed on the server). The response has the "
        "transcript (spoken answers), the analysis and the next question (`null` at the end).",
    )
    @action(detail=True, methods=["post"], parser_classes=[BoundedJSONParser, MultiPartParser])
    def answer(self, request: Request, pk: str | None = None) -> Response:
        session = self.get_object()
        transcript = None
        if request.content_type.startswith("multipart/"):
            upload = AudioAnswerSerializer(data=request.data)
            upload.is_valid(raise_exception=True)
            audio = upload.validated_data["audio"]
            if audio.size > MAX_AUDIO_BYTES:
                raise PayloadTooLarge(
                    _("The recording is larger than 25 MB; answers are at most a few minutes."),
                    details={"limit_bytes": MAX_AUDIO_BYTES},
                )
            spoken, outcome = services.submit_spoken_answer(session=session, audio=audio.read())
            transcript = spoken.text
        else:
            form = TextAnswerSerializer(data=request.data)
            form.is_valid(raise_exception=True)
            outcome = services.submit_answer(session=session, text=form.validated_data["text"])
        body = AnswerResultSerializer(
            {
                "transcript": transcript,
                "evaluation": outcome.evaluation,
                "next_question": outcome.next_item,
                "session": self.get_queryset().get(pk=session.pk),
            }
        ).data
        return Response(body)

    @extend_schema(request=None, responses={200: SessionSerializer, 409: _INVALID_TRANSITION})
    @action(detail=True, methods=["post"])
    def finish(self, request: Request, pk: str | None = None) -> Response:
        session = services.finish_interview(session=self.get_object())
        return Response(SessionSerializer(session).data)

    @extend_schema(request=None, responses={200: SessionSerializer, 409: _INVALID_TRANSITION})
    @action(detail=True, methods=["post"])
    def archive(self, request: Request, pk: str | None = None) -> Response:
        session = services.archive_interview(session=self.get_object())
        return Response(SessionSerializer(session).data)
