"""REST endpoints for feedback reports (original notes 22.3)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api import signed_in_user
from feedback import progress, services
from feedback.models import InterviewFeedback
from feedback.serializers import (
    BehavioralAnalysisSerializer,
    FeedbackGenerateSerializer,
    FeedbackSerializer,
    FeedbackSummarySerializer,
    ProgressSerializer,
    SkillEvaluationSerializer,
)
from interviews.models import InterviewSession


class FeedbackViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The signed-in candidate's reports; anyone else's is a 404."""

    serializer_class = FeedbackSerializer

    def get_queryset(self) -> QuerySet[InterviewFeedback]:
        if getattr(self, "swagger_fake_view", False):
            return InterviewFeedback.objects.none()
        reports = InterviewFeedback.objects.owned_by(self.request.user)
        if self.action == "list":
            return reports.order_by("-created_at")
        return reports.with_parts()

    def get_serializer_class(self) -> type:
        return FeedbackSummarySerializer if self.action == "list" else FeedbackSerializer

    @extend_schema(
        request=FeedbackGenerateSerializer,
        responses={
            200: FeedbackSummarySerializer,
            202: FeedbackSummarySerializer,
            404: OpenApiResponse(description="Not your interview"),
            409: OpenApiResponse(description="The interview is not finished, or has no answers"),
        },
        description="Generate the report of a finished interview in the background (202; "
        "poll `GET /api/interview/feedback/<id>` until `status` is `completed`). Asking again "
        "for an unchanged interview returns the report it has (200); `regenerate: true` "
        "rebuilds it, replacing the old content in one step.",
    )
    @action(detail=False, methods=["post"])
    def generate(self, request: Request) -> Response:
        form = FeedbackGenerateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        session = get_object_or_404(
            InterviewSession.objects.owned_by(signed_in_user(request)),
            pk=form.validated_data["session_id"],
        )
        feedback, queued = services.request_report(
            session=session, force=form.validated_data["regenerate"]
        )
        feedback.refresh_from_db()
        code = status.HTTP_202_ACCEPTED if queued else status.HTTP_200_OK
        return Response(FeedbackSummarySerializer(feedback).data, status=code)

    @extend_schema(responses={200: SkillEvaluationSerializer(many=True)})
    # The whole list (a report has a handful), so no pagination, in the schema either.
    @action(detail=True, methods=["get"], pagination_class=None)
    def skills(self, request: Request, pk: str | None = None) -> Response:
        feedback = self.get_object()
        return Response(SkillEvaluationSerializer(feedback.skill_evaluations.all(), many=True).data)

    @extend_schema(responses={200: BehavioralAnalysisSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None)
    def behavioral(self, request: Request, pk: str | None = None) -> Response:
        feedback = self.get_object()
        return Response(
            BehavioralAnalysisSerializer(feedback.behavioral_analyses.all(), many=True).data
        )

    @extend_schema(
        responses={200: ProgressSerializer},
        description="Scores of your completed reports, oldest first (up to 30), and the "
        "skills that improved most and the weakest ones.",
    )
    @action(detail=False, methods=["get"])
    def progress(self, request: Request) -> Response:
        reports = services.history(signed_in_user(request))
        return Response(ProgressSerializer(progress.progress(reports)).data)


class InterviewFeedbackView(APIView):
    """``GET /api/interviews/<id>/feedback``: the report of one of your interviews."""

    @extend_schema(
        responses={
            200: FeedbackSerializer,
            404: OpenApiResponse(description="Not your interview, or no report yet"),
        }
    )
    def get(self, request: Request, session_id: int) -> Response:
        session = get_object_or_404(
            InterviewSession.objects.owned_by(signed_in_user(request)), pk=session_id
        )
        feedback = get_object_or_404(InterviewFeedback.objects.with_parts(), session=session)
        return Response(FeedbackSerializer(feedback).data)
