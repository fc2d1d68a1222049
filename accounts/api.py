"""REST endpoints under /api/auth/."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.contrib.auth import logout as session_logout
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.tokens import RefreshToken

from accounts import services
from accounts.models import AuditAction, User
from accounts.serializers import (
    AccountDeleteSerializer,
    AuthResultSerializer,
    LoginSerializer,
    PasswordChangeSerializer,
    PreferencesSerializer,
    RefreshInputSerializer,
    RegisterSerializer,
    TokenPairSerializer,
    UserSerializer,
)
from interviewgenius.http.errors import DomainError
from interviewgenius.http.throttling import AuthRateThrottle, UserRateThrottle


def signed_in_user(request: Request) -> User:
    """The request's user, typed; only for views behind IsAuthenticated."""
    user = request.user
    assert isinstance(user, User), "IsAuthenticated lets only real users through"
    return user


class InvalidCredentials(DomainError):
    # A DomainError, not DRF's AuthenticationFailed: DRF turns that into 403 on views
    # without authenticators, and a wrong password is a 401.
    status_code = 401
    code = "invalid_credentials"
    default_message = _("The email or password is wrong.")


class AuthViewSet(viewsets.GenericViewSet):
    """Sign-up, sign-in and tokens. Open to anonymous clients, limited per address."""

    permission_classes = [AllowAny]
    throttle_classes = [AuthRateThrottle]
    authentication_classes: list[Any] = []  # a stale token must not block signing in
    # What each action reads. DRF's OPTIONS answer describes it; without one, OPTIONS
    # on these open endpoints was a 500.
    input_serializers: dict[str, type[Serializer]] = {
        "register": RegisterSerializer,
        "login": LoginSerializer,
        "refresh": RefreshInputSerializer,
    }

    def get_serializer_class(self) -> type[Serializer]:
        # Under OPTIONS self.action is "metadata"; the route's POST names the action.
        return self.input_serializers[self.action_map.get("post", str(self.action))]

    @extend_schema(request=RegisterSerializer, responses={201: AuthResultSerializer})
    @action(detail=False, methods=["post"])
    def register(self, request: Request) -> Response:
        data = RegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        user = services.register_user(
            email=fields.pop("email"),
            password=fields.pop("password"),
            request=request._request,
            **fields,
        )
        body = {**services.issue_tokens(user=user), "user": UserSerializer(user).data}
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=LoginSerializer,
        responses={
            200: AuthResultSerializer,
            401: OpenApiResponse(description="The email or password is wrong"),
        },
    )
    @action(detail=False, methods=["post"])
    def login(self, request: Request) -> Response:
        data = LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        email, password = data.validated_data["email"], data.validated_data["password"]
        user = authenticate(request._request, username=email.lower(), password=password)
        if user is None:
            services.record_audit(
                action=AuditAction.LOGIN_FAILED, request=request._request, email=email
            )
            raise InvalidCredentials()
        assert isinstance(user, User)
        services.record_audit(action=AuditAction.LOGIN, request=request._request, user=user)
        body = {**services.issue_tokens(user=user), "user": UserSerializer(user).data}
        return Response(body)

    @extend_schema(
        request=RefreshInputSerializer,
        responses={
            200: TokenPairSerializer,
            401: OpenApiResponse(description="The refresh token is invalid, expired or used"),
        },
    )
    @action(detail=False, methods=["post"])
    def refresh(self, request: Request) -> Response:
        RefreshInputSerializer(data=request.data).is_valid(raise_exception=True)
        # simplejwt rotates the token and blacklists the one presented.
        rotated = TokenRefreshSerializer(data=request.data)
        rotated.is_valid(raise_exception=True)
        return Response(rotated.validated_data)


class AccountViewSet(viewsets.GenericViewSet):
    """The signed-in user's own account."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [UserRateThrottle]
    serializer_class = UserSerializer

    @extend_schema(request=RefreshInputSerializer, responses={204: None})
    @action(detail=False, methods=["post"])
    def logout(self, request: Request) -> Response:
        data = RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            token = RefreshToken(data.validated_data["refresh"])
        except TokenError:
            raise DomainError(
                _("The refresh token is invalid or expired."), details={"field": "refresh"}
            ) from None
        if str(token.get("user_id")) != str(request.user.pk):
            raise DomainError(_("That refresh token belongs to another account."))
        token.blacklist()
        services.record_audit(
            action=AuditAction.LOGOUT, request=request._request, user=signed_in_user(request)
        )
        if request.user.is_authenticated and request.auth is None:
            session_logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses={200: UserSerializer})
    @action(detail=False, methods=["get"])
    def me(self, request: Request) -> Response:
        return Response(UserSerializer(request.user).data)

    @extend_schema(request=PreferencesSerializer, responses={200: UserSerializer})
    @me.mapping.patch
    def update_me(self, request: Request) -> Response:
        data = PreferencesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.update_preferences(
            user=signed_in_user(request), request=request._request, **data.validated_data
        )
        return Response(UserSerializer(user).data)

    @extend_schema(
        request=AccountDeleteSerializer,
        responses={
            204: OpenApiResponse(description="The account and everything it owned are gone.")
        },
    )
    @me.mapping.delete
    def delete_me(self, request: Request) -> Response:
        data = AccountDeleteSerializer(data=request.data, context={"user": request.user})
        data.is_valid(raise_exception=True)
        services.delete_account(user=signed_in_user(request), request=request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=PasswordChangeSerializer, responses={204: None})
    @action(detail=False, methods=["post"])
    def password(self, request: Request) -> Response:
        data = PasswordChangeSerializer(data=request.data, context={"user": request.user})
        data.is_valid(raise_exception=True)
        services.change_password(
            user=signed_in_user(request),
            new_password=data.validated_data["new_password"],
            request=request._request,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
