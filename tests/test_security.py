"""The security review's controls (docs/security.md): headers and CSP, no inline script in
any page, CSRF on every page form."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.models import AuditEvent
from accounts.services import issue_tokens
from accounts.tests.factories import make_user
from interviewgenius.http.security import CSP_REPORT_ONLY_HEADER, SecurityHeadersMiddleware
from resumes.models import Resume
from resumes.tests import files
from resumes.tests.factories import complete, make_resume

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"]
# Rendered only into the feedback PDF by WeasyPrint, never served as a page: their styles
# are inline so that the PDF fetches nothing (feedback/views.py, render_pdf).
PRINT_ONLY_STYLES = {"feedback/report_print.html", "feedback/_metric.html"}


def csp_of(response: Any, header: str = "Content-Security-Policy") -> dict[str, list[str]]:
    assert header in response, f"no {header} on {response}"
    directives: dict[str, list[str]] = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_page_policy(response: Any) -> dict[str, list[str]]:
    csp = csp_of(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert "'self'" in csp["connect-src"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = {
        item.split("=")[0].strip(): item.split("=")[1]
        for item in response["Permissions-Policy"].split(",")
    }
    assert permissions["microphone"] == "(self)"
    assert permissions["camera"] == permissions["geolocation"] == "()"
    return csp


# --- Headers ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_html_page_has_the_strict_policy_and_headers(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    csp = assert_page_policy(response)
    assert csp["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    # The pages' WebSockets go to their own host.
    assert csp["connect-src"] == ["'self'", "ws://testserver"]


@pytest.mark.django_db
def test_over_https_the_socket_origin_is_wss(client: Client):
    csp = csp_of(client.get("/", secure=True))
    assert csp["connect-src"] == ["'self'", "wss://testserver"]


@pytest.mark.django_db
def test_api_responses_carry_the_headers_too(client: Client, auth_api: Any):
    refused = client.get("/api/auth/me")
    assert refused.status_code == 401
    assert_page_policy(refused)
    ok = auth_api.get("/api/auth/me")
    assert ok.status_code == 200
    assert_page_policy(ok)


@pytest.mark.django_db
def test_error_pages_and_static_files_carry_the_policy(client: Client):
    assert_page_policy(client.get("/no-such-page"))
    # WhiteNoise answers before the inner middleware: the policy (frame-ancestors
    # included) still applies, which keeps a directly opened SVG from running script.
    static = client.get("/static/img/logo.svg")
    assert csp_of(static)["script-src"] == ["'self'"]
    assert static["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_swagger_ui_runs_without_inline_script(client: Client):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    csp = assert_page_policy(page)
    # The one relaxation: the inline <style> block of drf-spectacular's template.
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    audit = audit_html(page.content.decode())
    assert audit.inline_scripts == []
    assert audit.handlers == [] and audit.javascript_urls == []

    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    body = script.content.decode()
    assert "SwaggerUIBundle(" in body
    # No validator badge: it would send the schema URL to validator.swagger.io.
    assert '"validatorUrl": null' in body


def test_report_only_mode_and_report_uri(settings: Any):
    settings.CSP_REPORT_ONLY = True
    settings.CSP_REPORT_URI = "/csp-reports"
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse("ok"))
    response = middleware(RequestFactory().get("/"))
    assert "Content-Security-Policy" not in response
    assert csp_of(response, CSP_REPORT_ONLY_HEADER)["report-uri"] == ["/csp-reports"]


# --- No inline script or style in any page -------------------------------------------------


class PageAudit(HTMLParser):
    """What in a page the policy would block, and its forms' CSRF tokens."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts: list[str] = []
        self.style_attributes: list[str] = []
        self.style_blocks = 0
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []
        self.post_forms: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name == "style":
                self.style_attributes.append(f"<{tag} style={value!r}>")
            if value and value.strip().lower().startswith("javascript:"):
                self.javascript_urls.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not values.get("src") and values.get("type") != "application/json":
            self.inline_scripts.append(self.getpos().__repr__())
        if tag == "style":
            self.style_blocks += 1
        if tag == "form":
            self._form = {"action": values.get("action"), "token": False}
            if (values.get("method") or "get").lower() == "post":
                self.post_forms.append(self._form)
        if tag == "input" and values.get("name") == "csrfmiddlewaretoken" and self._form:
            self._form["token"] = bool(values.get("value"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


def audit_html(html: str) -> PageAudit:
    audit = PageAudit()
    audit.feed(html)
    audit.close()
    return audit


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")", re.I)
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE = re.compile(r"<style\b|<[a-z][^>]*\sstyle\s*=", re.I)


def template_files() -> dict[str, Path]:
    found = {
        path.relative_to(folder).as_posix(): path
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.rglob("*.html"))
    }
    assert len(found) > 20
    return found


@pytest.mark.parametrize("name", sorted(template_files()))
def test_no_template_has_inline_script_or_style(name: str):
    source = template_files()[name].read_text()
    assert not INLINE_SCRIPT.search(source), "move the script to static/js/"
    assert not HANDLER_ATTRIBUTE.search(source), "attach the handler in static/js/"
    assert "javascript:" not in source.lower()
    if name not in PRINT_ONLY_STYLES:
        assert not STYLE.search(source), "a class in static/css/app.css instead"


def test_scripts_do_not_evaluate_strings():
    for path in (Path(settings.BASE_DIR) / "static" / "js").glob("*.js"):
        source = path.read_text()
        assert not re.search(r"\beval\(|new Function\(|setTimeout\(\s*[\"']", source), path.name


# --- Every page, rendered: no inline script, every POST form with a CSRF token ----------------


@pytest.fixture
def full_account(
    user: Any, question_bank: None, eager_tasks: None, django_capture_on_commit_callbacks: Any
):
    """A user with something on every page: a parsed resume, an interview under way, a
    finished interview with its report, a live-assist session."""
    from assist import services as assist
    from feedback.tests.factories import finished_interview
    from interviews import services as interviews
    from questions.tests.factories import GO_KUBERNETES, parsed_resume

    resume = parsed_resume(user, GO_KUBERNETES)
    with django_capture_on_commit_callbacks(execute=True):
        finished = finished_interview(user, count=2, resume=resume)
    running = interviews.start_interview(user=user, resume=resume, count=2, language="en")
    interviews.submit_answer(session=running, text="I would measure first, then fix it.")
    console = assist.start_session(user=user, resume_id=resume.pk)
    return {"resume": resume, "finished": finished, "running": running, "console": console}


@pytest.mark.django_db
def test_every_page_renders_within_the_policy_with_csrf_on_its_forms(
    client: Client, user: Any, full_account: dict[str, Any]
):
    anonymous = ["/", reverse("accounts:login"), reverse("accounts:signup")]
    resume, finished = full_account["resume"], full_account["finished"]
    signed_in = [
        "/",
        reverse("accounts:account"),
        reverse("resumes:list"),
        reverse("resumes:detail", args=[resume.pk]),
        reverse("questions:page", args=[resume.pk]),
        reverse("interviews:list"),
        reverse("interviews:room", args=[full_account["running"].pk]),
        reverse("interviews:room", args=[finished.pk]),
        reverse("feedback:report", args=[finished.pk]),
        reverse("assist:list"),
        reverse("assist:console", args=[full_account["console"].pk]),
        reverse("assist:report", args=[full_account["console"].pk]),
    ]
    pages = [(url, False) for url in anonymous] + [(url, True) for url in signed_in]
    post_forms = 0
    for url, signed in pages:
        if signed:
            client.force_login(user)
        else:
            client.logout()
        response = client.get(url)
        assert response.status_code == 200, url
        assert_page_policy(response)
        audit = audit_html(response.content.decode())
        assert audit.inline_scripts == [], url
        assert audit.handlers == [] and audit.javascript_urls == [], url
        assert audit.style_attributes == [] and audit.style_blocks == 0, url
        assert audit.post_forms, f"{url} has no POST form (the header has two)"
        for form in audit.post_forms:
            assert form["token"], f"{url}: a POST form to {form['action']} has no CSRF token"
        post_forms += len(audit.post_forms)
    assert post_forms > len(pages)


@pytest.mark.django_db
def test_admin_pages_keep_csrf_and_external_scripts(client: Client):
    staff = make_user(is_staff=True, is_superuser=True)
    make_resume(staff)
    client.force_login(staff)
    for url in ("/admin/", "/admin/resumes/resume/", "/admin/accounts/user/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_page_policy(response)
        audit = audit_html(response.content.decode())
        assert audit.inline_scripts == [] and audit.handlers == [], url
        assert all(form["token"] for form in audit.post_forms), url


# --- CSRF is enforced on page actions -----------------------------------------------------


@pytest.fixture
def strict_client(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def page_actions(resume: Resume) -> list[tuple[str, dict[str, Any]]]:
    return [
        (reverse("accounts:logout"), {}),
        (reverse("accounts:set_language"), {"language": "zh-hans", "next": "/"}),
        (reverse("accounts:account"), {"form": "preferences", "display_name": "Mallory"}),
        (reverse("accounts:account"), {"form": "delete", "password": "x"}),
        (reverse("resumes:list"), {"resume": SimpleUploadedFile("cv.pdf", files.pdf_bytes(1))}),
        (reverse("resumes:detail", args=[resume.pk]), {"basic_info.name": "Mallory"}),
        (reverse("resumes:reparse", args=[resume.pk]), {}),
        (reverse("resumes:delete", args=[resume.pk]), {}),
        (reverse("interviews:start"), {"resume_id": resume.pk}),
        (reverse("assist:start"), {"resume_id": resume.pk}),
        (reverse("questions:page", args=[resume.pk]), {"action": "generate"}),
    ]


@pytest.mark.django_db
def test_page_posts_without_the_token_are_refused(strict_client: Client, user: Any):
    resume = make_resume(user)
    complete(resume)
    events = AuditEvent.objects.count()
    for url, data in page_actions(resume):
        response = strict_client.post(url, data)
        assert response.status_code == 403, url
    assert Resume.objects.filter(pk=resume.pk).exists()
    assert AuditEvent.objects.count() == events  # nothing happened, so nothing was audited
    user.refresh_from_db()
    assert (user.display_name, user.language) == ("", "en")
    # Still signed in: the logout without a token did not end the session.
    assert strict_client.get(reverse("accounts:account")).status_code == 200


@pytest.mark.django_db
def test_the_same_post_with_the_token_goes_through(strict_client: Client, user: Any):
    resume = make_resume(user)
    page = strict_client.get(reverse("resumes:detail", args=[resume.pk])).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    response = strict_client.post(
        reverse("resumes:delete", args=[resume.pk]), {"csrfmiddlewaretoken": token[1]}
    )
    assert response.status_code == 302
    assert not Resume.objects.filter(pk=resume.pk).exists()


@pytest.mark.django_db
def test_anonymous_login_post_needs_the_token(user: Any, password: str):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": password}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_api_needs_csrf_with_a_session_but_not_with_a_bearer_token(
    strict_client: Client, user: Any
):
    resume = make_resume(user)
    complete(resume)
    url = f"/api/resumes/{resume.pk}/reparse"
    refused = strict_client.post(url, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] in {"csrf_failed", "permission_denied"}
    bearer = Client(enforce_csrf_checks=True)
    accepted = bearer.post(
        url,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user=user)['access']}",
    )
    assert accepted.status_code == 202
