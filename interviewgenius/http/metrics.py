"""Prometheus metrics: request latency and counts per endpoint, plus the /metrics view.

Endpoints are labelled by their URL route pattern (``api/resumes/<int:pk>``), never
by the raw path, so the number of series stays bounded whatever clients send.
"""

from __future__ import annotations

import hmac
import logging
import os
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from interviewgenius.http.errors import json_error

access_log = logging.getLogger("interviewgenius.request")

REQUEST_LATENCY = Histogram(
    "ig_http_request_duration_seconds",
    "HTTP request latency by route",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
REQUESTS = Counter(
    "ig_http_requests_total", "HTTP requests by route and status", ["method", "route", "status"]
)

UNMATCHED_ROUTE = "<unmatched>"


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return UNMATCHED_ROUTE
    # Router URLs are regexes ("^api/auth/me$"); drop the anchors for readable labels.
    route = match.route if match.route is not None else match.view_name
    return "/" + route.lstrip("^").rstrip("$")


class MetricsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        route = _route(request)
        REQUEST_LATENCY.labels(request.method, route).observe(elapsed)
        REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        user = getattr(request, "user", None)
        access_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "route": route,
                "status": response.status_code,
                "duration_ms": round(elapsed * 1000, 2),
                "user_id": getattr(user, "pk", None),
            },
        )
        return response


def _authorised(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(header, f"Bearer {token}")


def metrics_view(request: HttpRequest) -> HttpResponse:
    """Prometheus exposition; for staff sessions or ``Authorization: Bearer $METRICS_TOKEN``."""
    if not _authorised(request):
        return json_error(
            request, 403, "permission_denied", "Metrics need staff or the metrics token."
        )
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        payload = generate_latest(registry)
    else:
        payload = generate_latest()
    return HttpResponse(payload, content_type=CONTENT_TYPE_LATEST)
