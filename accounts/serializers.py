from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.models import Language, User, normalize_email
from interviewgenius.http.serializers import StrictInputSerializer

PASSWORD_MAX = 128  # bcrypt-sha256 takes any length; the cap bounds hashing work per request
QUESTION_TYPES = ("technical", "behavioral", "situational")


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = (
            "id",
            "email",
            "display_name",
            "language",
            "target_role",
            "question_mix",
            "is_staff",
            "created_at",
        )
        read_only_fields = fields


def _check_password(password: str, user: User | None = None) -> None:
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(list(exc.messages)) from None


class RegisterSerializer(StrictInputSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        max_length=PASSWORD_MAX, write_only=True, trim_whitespace=False
    )
    display_name = serializers.CharField(max_length=80, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=Language.choices, required=False)

    def validate_email(self, value: str) -> str:
        email = normalize_email(value)
        if User.objects.filter(email=email).exists():
            raise serializers.ValidationError(_("An account with this email already exists."))
        return email

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        probe = User(email=attrs["email"], display_name=attrs.get("display_name", ""))
        try:
            validate_password(attrs["password"], probe)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from None
        return attrs


class LoginSerializer(StrictInputSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        max_length=PASSWORD_MAX, write_only=True, trim_whitespace=False
    )


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


class AuthResultSerializer(TokenPairSerializer):
    user = UserSerializer()


class RefreshInputSerializer(StrictInputSerializer):
    refresh = serializers.CharField(max_length=2000)


class PasswordChangeSerializer(StrictInputSerializer):
    current_password = serializers.CharField(max_length=PASSWORD_MAX, trim_whitespace=False)
    new_password = serializers.CharField(max_length=PASSWORD_MAX, trim_whitespace=False)

    def validate_current_password(self, value: str) -> str:
        if not self.context["user"].check_password(value):
            raise serializers.ValidationError(_("The current password is wrong."))
        return value

    def validate_new_password(self, value: str) -> str:
        _check_password(value, self.context["user"])
        return value


class AccountDeleteSerializer(StrictInputSerializer):
    password = serializers.CharField(max_length=PASSWORD_MAX, trim_whitespace=False)

    def validate_password(self, value: str) -> str:
        if not self.context["user"].check_password(value):
            raise serializers.ValidationError(_("The password is wrong."))
        return value


class QuestionMixSerializer(StrictInputSerializer):
    technical = serializers.IntegerField(min_value=0, max_value=100)
    behavioral = serializers.IntegerField(min_value=0, max_value=100)
    situational = serializers.IntegerField(min_value=0, max_value=100)

    def validate(self, attrs: dict[str, int]) -> dict[str, int]:
        if sum(attrs.values()) != 100:
            raise serializers.ValidationError(_("The percentages must add up to 100."))
        return attrs


class PreferencesSerializer(StrictInputSerializer):
    display_name = serializers.CharField(max_length=80, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    target_role = serializers.CharField(max_length=120, required=False, allow_blank=True)
    question_mix = QuestionMixSerializer(required=False)
