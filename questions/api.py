"""REST endpoints under /api/questions (original notes 3.3 and 25.3)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.api import signed_in_user
from interviewgenius.http.errors import DomainError, NotFound
from interviewgenius.http.throttling import GenerationRateThrottle
from questions import selectors, services
from questions.models import (
    Difficulty,
    GenerationConfig,
    GenerationLog,
    Question,
    QuestionType,
)
from questions.serializers import (
    GenerateSerializer,
    GenerationConfigSerializer,
    GenerationResultSerializer,
    GenerationSerializer,
    QuestionSerializer,
)


class GenerationConfigViewSet(viewsets.ModelViewSet):
    """The signed-in candidate's generation configs; anyone else's is a 404."""

    serializer_class = GenerationConfigSerializer
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[GenerationConfig]:
        if getattr(self, "swagger_fake_view", False):
            return GenerationConfig.objects.none()
        return GenerationConfig.objects.owned_by(self.request.user)

    def perform_create(self, serializer: Any) -> None:
        serializer.instance = services.create_config(
            owner=signed_in_user(self.request), data=dict(serializer.validated_data)
        )

    def perform_update(self, serializer: Any) -> None:
        services.update_config(config=serializer.instance, data=dict(serializer.validated_data))

    def perform_destroy(self, instance: GenerationConfig) -> None:
        services.delete_config(config=instance)


def _result(outcome: services.GenerationOutcome) -> dict[str, Any]:
    return GenerationResultSerializer(
        {"generation": outcome.log, "cached": outcome.cached, "questions": outcome.questions}
    ).data


class QuestionViewSet(viewsets.GenericViewSet):
    serializer_class = QuestionSerializer

    def get_queryset(self) -> QuerySet[Question]:
        if getattr(self, "swagger_fake_view", False):
            return Question.objects.none()
        return Question.objects.owned_by(self.request.user)

    def get_throttles(self) -> list[Any]:
        throttles = super().get_throttles()
        if self.action == "generate":
            throttles.append(GenerationRateThrottle())
        return throttles

    @extend_schema(
        request=GenerateSerializer,
        responses={
            201: GenerationResultSerializer,
            200: OpenApiResponse(GenerationResultSerializer, description="Served from the cache"),
            202: OpenApiResponse(
                GenerationResultSerializer,
                description="Queued for the LLM; poll GET /api/questions/generations/{id}",
            ),
            409: OpenApiResponse(description="The resume is not parsed yet"),
        },
        description="Generate questions for one of your resumes. The template bank answers "
        "inline (201); with an LLM configured the work is queued (202) and the generation "
        "is polled. An identical request for an unchanged resume is served from the cache (200).",
    )
    def generate(self, request: Request) -> Response:
        form = GenerateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        user = signed_in_user(request)
        resume, config = selectors.resume_and_config(user, data["resume_id"], data.get("config_id"))
        outcome = services.generate_questions(
            user=user,
            resume=resume,
            config=config,
            count=data.get("count"),
            language=data.get("language"),
            seed=data.get("seed"),
            engine=data["engine"],
        )
        code: int
        if outcome.cached:
            code = status.HTTP_200_OK
        elif outcome.log.is_finished:
            code = status.HTTP_201_CREATED
        else:
            code = status.HTTP_202_ACCEPTED
        return Response(_result(outcome), status=code)

    @extend_schema(
        parameters=[
            OpenApiParameter("type", OpenApiTypes.STR, enum=QuestionType.values),
            OpenApiParameter("difficulty", OpenApiTypes.STR, enum=Difficulty.values),
            OpenApiParameter("generation", OpenApiTypes.INT, description="Only this generation"),
        ],
        responses={200: QuestionSerializer(many=True)},
        description="The questions generated for one of your resumes, newest set first.",
    )
    def by_resume(self, request: Request, resume_id: int) -> Response:
        user = signed_in_user(request)
        if selectors.owned_resume(user, resume_id) is None:
            raise NotFound(_("No resume with this id."), details={"resume_id": resume_id})
        questions = self.get_queryset().filter(resume_id=resume_id)
        filters = _question_filters(request)
        questions = questions.filter(**filters)
        page = self.paginate_queryset(questions)
        return self.get_paginated_response(QuestionSerializer(page, many=True).data)


def _question_filters(request: Request) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    problems: dict[str, list[str]] = {}
    kind = request.query_params.get("type")
    if kind:
        if kind not in QuestionType.values:
            problems["type"] = [str(_("Use one of: technical, behavioral, situational."))]
        filters["question_type"] = kind
    level = request.query_params.get("difficulty")
    if level:
        if level not in Difficulty.values:
            problems["difficulty"] = [str(_("Use one of: easy, medium, hard."))]
        filters["difficulty"] = level
    generation = request.query_params.get("generation")
    if generation:
        # isdigit() alone takes "²" and other Unicode digits that int() refuses.
        if not (generation.isascii() and generation.isdigit()):
            problems["generation"] = [str(_("Expected a generation id."))]
        filters["generation_id"] = generation
    if problems:
        raise DomainError(_("Invalid filter."), details=problems)
    return filters


class GenerationViewSet(mixins.RetrieveModelMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Generation requests on your resumes: poll one to follow a queued (LLM) generation."""

    serializer_class = GenerationSerializer

    def get_queryset(self) -> QuerySet[GenerationLog]:
        if getattr(self, "swagger_fake_view", False):
            return GenerationLog.objects.none()
        return GenerationLog.objects.owned_by(self.request.user)

    @extend_schema(responses={200: GenerationResultSerializer})
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        log = self.get_object()
        outcome = services.GenerationOutcome(log=log, questions=selectors.questions_of(log))
        return Response(_result(outcome))
