"""One error hierarchy, mapped once to the JSON error shape.

Every error a client sees looks like::

    {"error": {"code": "not_found", "message": "...", "details": {...}, "request_id": "..."}}

Domain code raises ``DomainError`` subclasses; DRF and Django errors are translated
here; anything unexpected becomes a generic 500 that never shows the exception text.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import InterfaceError as DatabaseInterfaceError
from django.db import OperationalError as DatabaseOperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions as drf
from rest_framework.response import Response
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

from interviewgenius.http.request_id import current_request_id

logger = logging.getLogger(__name__)


class DomainError(Exception):
    """An error a client can act on. Subclasses fix the status and the code."""

    status_code = 400
    code = "invalid_request"
    default_message: Any = _("The request could not be processed.")

    def __init__(self, message: Any = None, *, details: dict[str, Any] | None = None) -> None:
        self.message = message if message is not None else self.default_message
        self.details = details or {}
        super().__init__(str(self.message))


class NotFound(DomainError):
    status_code = 404
    code = "not_found"
    default_message = _("Not found.")


class Conflict(DomainError):
    status_code = 409
    code = "conflict"
    default_message = _("The request conflicts with the current state.")


class PayloadTooLarge(DomainError):
    status_code = 413
    code = "payload_too_large"
    default_message = _("The request body is too large.")


class ServiceUnavailable(DomainError):
    status_code = 503
    code = "service_unavailable"
    default_message = _("A service this request needs is unavailable; try again shortly.")
    retry_after = 5  # seconds: a restart or a failover, not an incident


def error_body(code: str, message: Any, details: Any = None) -> dict[str, Any]:
    return {
        "error": {
            "code": code,
            "message": str(message),
            "details": details if details is not None else {},
            "request_id": current_request_id(),
        }
    }


_DRF_CODES: dict[type[drf.APIException], str] = {
    drf.ValidationError: "validation_error",
    drf.ParseError: "malformed_request",
    drf.NotAuthenticated: "not_authenticated",
    drf.AuthenticationFailed: "authentication_failed",
    drf.PermissionDenied: "permission_denied",
    drf.NotFound: "not_found",
    drf.MethodNotAllowed: "method_not_allowed",
    drf.NotAcceptable: "not_acceptable",
    drf.UnsupportedMediaType: "unsupported_media_type",
    drf.Throttled: "throttled",
}


def _drf_code(exc: drf.APIException) -> str:
    known = _DRF_CODES.get(type(exc))
    if known:
        return known
    # A subclass that names its own code keeps it; otherwise its DRF ancestor's code.
    if type(exc).default_code not in {c.default_code for c in _DRF_CODES}:
        return str(type(exc).default_code)
    for cls in type(exc).__mro__:
        if cls in _DRF_CODES:
            return _DRF_CODES[cls]
    return "error"


def _translate(exc: Exception) -> Exception:
    """Map Django and library exceptions onto DRF/domain ones."""
    if isinstance(exc, Http404):
        return NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return drf.PermissionDenied()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, SuspiciousOperation):
        return DomainError(_("The request was malformed."))
    if isinstance(exc, DatabaseOperationalError | DatabaseInterfaceError):
        # The database is down, restarting or out of connections: transient, so the
        # client is told to retry rather than shown a server error.
        logger.error("database unavailable: %s", type(exc).__name__, exc_info=exc)
        return ServiceUnavailable()
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _translate(exc)
    headers: dict[str, str] = {}

    if isinstance(exc, DomainError):
        if isinstance(exc, ServiceUnavailable):
            headers["Retry-After"] = str(ServiceUnavailable.retry_after)
        return Response(
            error_body(exc.code, exc.message, exc.details), status=exc.status_code, headers=headers
        )

    if isinstance(exc, InvalidToken | TokenError):
        return Response(
            error_body("token_not_valid", _("The token is invalid or expired.")),
            status=401,
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )

    if isinstance(exc, drf.APIException):
        code = _drf_code(exc)
        details: Any = {}
        if isinstance(exc, drf.ValidationError):
            message: Any = _("Some fields are invalid.")
            details = (
                exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
            )
        elif isinstance(exc, drf.Throttled):
            wait = max(1, int(getattr(exc, "wait", None) or 1))
            message = _("Too many requests; try again in %(seconds)s seconds.") % {"seconds": wait}
            details = {"retry_after": wait}
            headers["Retry-After"] = str(wait)
        else:
            message = exc.detail if isinstance(exc.detail, str) else exc.default_detail
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
        return Response(error_body(code, message, details), status=exc.status_code, headers=headers)

    request = context.get("request")
    logger.exception("unhandled error in %s", getattr(request, "path", "?"), exc_info=exc)
    return Response(
        error_body(
            "server_error",
            _("An unexpected error occurred. Quote the request id if you contact us."),
        ),
        status=500,
    )


# --- Django-level handlers: errors raised outside DRF views (unknown URLs, middleware) ---


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def json_error(request: HttpRequest, status: int, code: str, message: Any) -> JsonResponse:
    return JsonResponse(
        error_body(code, message), status=status, json_dumps_params={"ensure_ascii": False}
    )


def handler404(request: HttpRequest, exception: Exception | None = None) -> Any:
    if _is_api(request):
        return json_error(request, 404, "not_found", _("Not found."))
    from django.views.defaults import page_not_found

    return page_not_found(request, exception or Http404())


def handler500(request: HttpRequest) -> Any:
    # Django calls this inside its ``except`` block, so the exception is at hand. A
    # database that is down or restarting fails more than the view: the session and
    # the user are loaded from it too, which no DRF exception handler sees.
    if isinstance(sys.exc_info()[1], DatabaseOperationalError | DatabaseInterfaceError):
        return _service_unavailable(request)
    if _is_api(request):
        return json_error(
            request,
            500,
            "server_error",
            _("An unexpected error occurred. Quote the request id if you contact us."),
        )
    from django.views.defaults import server_error

    return server_error(request)


def _service_unavailable(request: HttpRequest) -> HttpResponse:
    """503 + Retry-After: JSON for the API, a page (with no database lookups) for people."""
    logger.error("database unavailable", exc_info=sys.exc_info())
    response: HttpResponse
    if _is_api(request):
        response = json_error(
            request, 503, ServiceUnavailable.code, ServiceUnavailable.default_message
        )
    else:
        response = HttpResponse(
            loader.get_template("503.html").render(), status=503, content_type="text/html"
        )
    response.headers["Retry-After"] = str(ServiceUnavailable.retry_after)
    return response


def handler400(request: HttpRequest, exception: Exception | None = None) -> Any:
    if isinstance(exception, RequestDataTooBig):
        return json_error(request, 413, "payload_too_large", _("The request body is too large."))
    if _is_api(request):
        return json_error(request, 400, "malformed_request", _("The request was malformed."))
    from django.views.defaults import bad_request

    return bad_request(request, exception or SuspiciousOperation())


def handler403(request: HttpRequest, exception: Exception | None = None) -> Any:
    if _is_api(request):
        return json_error(
            request, 403, "permission_denied", _("You do not have permission to do this.")
        )
    from django.views.defaults import permission_denied

    return permission_denied(request, exception or DjangoPermissionDenied())


def csrf_failure(request: HttpRequest, reason: str = "") -> Any:
    if _is_api(request):
        return json_error(
            request,
            403,
            "csrf_failed",
            _("The form expired or was sent from another site. Reload the page and try again."),
        )
    from django.views.csrf import csrf_failure as default

    return default(request, reason)
