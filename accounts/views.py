"""Server-rendered account pages: sign-up, log-in, log-out, account and preferences."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import services
from accounts.forms import DeleteAccountForm, EmailAuthenticationForm, PreferencesForm, SignupForm
from accounts.models import AuditAction, Language, User


def _with_language_cookie(response: HttpResponse, language: str) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        language = translation.get_language() or Language.ENGLISH
        user = services.register_user(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            request=request,
            display_name=form.cleaned_data["display_name"],
            language=language if language in Language.values else Language.ENGLISH,
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


class EmailLoginView(LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        assert isinstance(user, User)
        services.record_audit(action=AuditAction.LOGIN, request=self.request, user=user)
        return _with_language_cookie(response, user.language)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        email = str(form.data.get("username", ""))[:254]
        if email:
            services.record_audit(
                action=AuditAction.LOGIN_FAILED, request=self.request, email=email
            )
        return super().form_invalid(form)


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        services.record_audit(action=AuditAction.LOGOUT, request=request, user=request.user)
    logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("home")


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    which = request.POST.get("form") if request.method == "POST" else None
    prefs = PreferencesForm(request.POST if which == "preferences" else None, instance=user)
    password = PasswordChangeForm(user, request.POST if which == "password" else None)
    # Django's form grabs focus; on a page of three forms the first field should keep it.
    password.fields["old_password"].widget.attrs.pop("autofocus", None)
    delete = DeleteAccountForm(user, request.POST if which == "delete" else None)

    if which == "preferences" and prefs.is_valid():
        changes = prefs.changes()
        user.refresh_from_db()  # the ModelForm already wrote the fields onto the instance
        services.update_preferences(user=user, request=request, **changes)
        translation.activate(user.language)
        messages.success(request, _("Your preferences are saved."))
        return _with_language_cookie(redirect("accounts:account"), user.language)
    if which == "password" and password.is_valid():
        services.change_password(
            user=user, new_password=password.cleaned_data["new_password1"], request=request
        )
        update_session_auth_hash(request, user)  # stay signed in here; other sessions end
        messages.success(request, _("Your password is changed."))
        return redirect("accounts:account")
    if which == "delete" and delete.is_valid():
        services.delete_account(user=user, request=request)
        logout(request)
        messages.info(request, _("Your account and everything it held are deleted."))
        return redirect("home")

    context: dict[str, Any] = {
        "prefs_form": prefs,
        "password_form": password,
        "delete_form": delete,
    }
    status = 400 if which else 200
    return render(request, "accounts/account.html", context, status=status)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; saved in the preferences of a signed-in user."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language not in Language.values:
        return response
    if request.user.is_authenticated:
        services.update_preferences(user=request.user, request=request, language=language)
    return _with_language_cookie(response, language)
