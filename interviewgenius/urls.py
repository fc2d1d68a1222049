from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from interviewgenius.http.health import healthz
from interviewgenius.http.metrics import metrics_view
from interviewgenius.http.security import csp_update
from interviewgenius.views import home

handler400 = "interviewgenius.http.errors.handler400"
handler403 = "interviewgenius.http.errors.handler403"
handler404 = "interviewgenius.http.errors.handler404"
handler500 = "interviewgenius.http.errors.handler500"

api_patterns: list[URLPattern | URLResolver] = [
    path("", include("accounts.urls")),
    path("", include("resumes.urls")),
    path("", include("questions.urls")),
    path("", include("interviews.urls")),
    path("", include("assist.urls")),
    path("", include("feedback.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script from ?script instead of inline,
    # so script-src stays 'self'; its template's inline <style> needs the one relaxation.
    path(
        "docs/",
        csp_update(style_src=["'unsafe-inline'"])(
            SpectacularSwaggerSplitView.as_view(url_name="schema")
        ),
        name="swagger-ui",
    ),
]

urlpatterns = [
    path("", home, name="home"),
    path("api/", include(api_patterns)),
    path("accounts/", include("accounts.page_urls")),
    path("resumes/", include("resumes.page_urls")),
    path("questions/", include("questions.page_urls")),
    path("interviews/", include("interviews.page_urls")),
    path("assist/", include("assist.page_urls")),
    path("feedback/", include("feedback.page_urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics_view, name="metrics"),
]
