"""REST endpoints under /api/resumes (original notes 3.2 and 23.3)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.api import signed_in_user
from interviewgenius.http.errors import Conflict, PayloadTooLarge
from resumes import selectors, services
from resumes.models import Resume, ResumeStatus
from resumes.parsing.validate import MAX_UPLOAD_BYTES
from resumes.serializers import (
    CorrectionsSerializer,
    ParseResultSerializer,
    ResumeSerializer,
    StatusSerializer,
    UploadResultSerializer,
    UploadSerializer,
)

# Multipart framing around a 10 MB file stays far below this; a body larger than it
# cannot hold an acceptable resume, so it is refused before being parsed.
MAX_UPLOAD_BODY = MAX_UPLOAD_BYTES + 256 * 1024


class ResumeViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The signed-in candidate's resumes. Anyone else's resume is a 404."""

    serializer_class = ResumeSerializer

    def get_queryset(self) -> QuerySet[Resume]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Resume.objects.none()
        return Resume.objects.owned_by(self.request.user)

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses={201: UploadResultSerializer, 200: UploadResultSerializer},
        description="Upload a PDF, DOCX, JPG or PNG resume (field `resume`, at most 10 MB). "
        "The same file uploaded again returns the existing resume with status 200.",
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if declared.isdigit() and int(declared) > MAX_UPLOAD_BODY:
            raise PayloadTooLarge(
                _("The file is larger than 10 MB. Export a smaller PDF or compress the image."),
                details={"limit_bytes": MAX_UPLOAD_BYTES},
            )
        form = UploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        uploaded = form.validated_data["resume"]
        outcome = services.upload_resume(
            owner=signed_in_user(request),
            data=uploaded.read(),
            filename=uploaded.name or "resume",
            request=request._request,
        )
        body = {**ResumeSerializer(outcome.resume).data, "duplicate": not outcome.created}
        return Response(
            body, status=status.HTTP_201_CREATED if outcome.created else status.HTTP_200_OK
        )

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses={201: UploadResultSerializer, 200: UploadResultSerializer},
        description="The same as POST /api/resumes (the original notes' path).",
    )
    @action(detail=False, methods=["post"])
    def upload(self, request: Request) -> Response:
        return self.create(request)

    @extend_schema(
        responses={204: OpenApiResponse(description="The resume and its stored file are deleted.")}
    )
    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        services.delete_resume(resume=self.get_object(), request=request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses={200: StatusSerializer})
    @action(detail=True, methods=["get"])
    def status(self, request: Request, pk: str | None = None) -> Response:
        return Response(StatusSerializer(selectors.parse_status(self.get_object())).data)

    @extend_schema(
        responses={
            200: ParseResultSerializer,
            409: OpenApiResponse(description="Not parsed yet, or parsing failed"),
        }
    )
    @action(detail=True, methods=["get"], url_path="parse-result")
    def parse_result(self, request: Request, pk: str | None = None) -> Response:
        resume = self.get_object()
        result = selectors.parse_result_of(resume)
        if result is None:
            if resume.status == ResumeStatus.FAILED:
                raise Conflict(
                    _(
                        "Parsing failed: %(reason)s You can parse again, or enter your details by hand."
                    )
                    % {"reason": (selectors.error_of(resume) or {}).get("message", "")},
                    details={"status": resume.status, "step": resume.error_step},
                )
            raise Conflict(_("This resume is still being read."), details={"status": resume.status})
        return Response(ParseResultSerializer(result).data)

    @extend_schema(request=CorrectionsSerializer, responses={200: ParseResultSerializer})
    @parse_result.mapping.patch
    def correct_parse_result(self, request: Request, pk: str | None = None) -> Response:
        resume = self.get_object()
        corrections = CorrectionsSerializer(data=request.data)
        corrections.is_valid(raise_exception=True)
        services.save_corrections(
            resume=resume,
            corrections=dict(corrections.validated_data),
            request=request._request,
        )
        return Response(ParseResultSerializer(selectors.parse_result_of(resume)).data)

    @extend_schema(
        request=None,
        responses={
            202: ResumeSerializer,
            409: OpenApiResponse(description="conflict: the resume is being read right now"),
        },
    )
    @action(detail=True, methods=["post"])
    def reparse(self, request: Request, pk: str | None = None) -> Response:
        resume = services.request_reparse(resume=self.get_object(), request=request._request)
        return Response(ResumeSerializer(resume).data, status=status.HTTP_202_ACCEPTED)
