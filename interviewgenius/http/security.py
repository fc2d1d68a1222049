"""Security headers Django 5.2 has no setting for: Content-Security-Policy, Permissions-Policy.

Django's own middleware already sends the rest (``SecurityMiddleware``: nosniff,
Referrer-Policy, Cross-Origin-Opener-Policy, HSTS in production;
``XFrameOptionsMiddleware``: X-Frame-Options). The policy is the same for every response,
HTML or not, so nothing served by the app (a page, an SVG, an error) runs inline script.
A view that needs more (Swagger UI's inline ``<style>``) widens its own responses with
``csp_update``; see docs/security.md.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponseBase

CSP_HEADER = "Content-Security-Policy"
CSP_REPORT_ONLY_HEADER = "Content-Security-Policy-Report-Only"
# The attribute a view's response carries to add sources to its own policy.
CSP_UPDATE_ATTR = "csp_update"

View = TypeVar("View", bound=Callable[..., Any])


def render_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]).strip() for name, sources in directives.items())


def websocket_origin(request: HttpRequest) -> str | None:
    """The scheme and host the pages' WebSockets connect to (the page's own host)."""
    try:
        host = request.get_host()
    except DisallowedHost:  # the response is already the 400 for that host
        return None
    return f"{'wss' if request.is_secure() else 'ws'}://{host}"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.directives: dict[str, list[str]] = {
            name: list(sources) for name, sources in settings.CONTENT_SECURITY_POLICY.items()
        }
        if settings.CSP_REPORT_URI:
            self.directives["report-uri"] = [settings.CSP_REPORT_URI]
        self.header = CSP_REPORT_ONLY_HEADER if settings.CSP_REPORT_ONLY else CSP_HEADER
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.header not in response:
            response[self.header] = render_policy(self.policy_for(request, response))
        if self.permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        return response

    def policy_for(self, request: HttpRequest, response: HttpResponseBase) -> dict[str, list[str]]:
        directives = {name: list(sources) for name, sources in self.directives.items()}
        # CSP3 lets 'self' match the page's own ws:/wss: origin, but older Safari does
        # not; naming the origin keeps the interview room and assist console working there.
        origin = websocket_origin(request)
        if origin and "connect-src" in directives:
            directives["connect-src"].append(origin)
        for name, sources in getattr(response, CSP_UPDATE_ATTR, {}).items():
            directives.setdefault(name, []).extend(s for s in sources if s not in directives[name])
        return directives


def csp_update(**directives: list[str]) -> Callable[[View], View]:
    """Widen the policy of one view's responses: ``csp_update(style_src=["'unsafe-inline'"])``.

    Keyword names are directives with ``_`` for ``-``. Use sparingly, and say why in
    docs/security.md.
    """
    update = {name.replace("_", "-"): list(sources) for name, sources in directives.items()}

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            response = view(*args, **kwargs)
            setattr(response, CSP_UPDATE_ATTR, update)
            return response

        return wrapped  # type: ignore[return-value]

    return decorator
