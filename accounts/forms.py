from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from accounts.models import Language, User, normalize_email
from accounts.serializers import PASSWORD_MAX


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    display_name = forms.CharField(label=_("Name (optional)"), max_length=80, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        max_length=PASSWORD_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        max_length=PASSWORD_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        email = normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first and data.get("email"):
            try:
                validate_password(
                    first, User(email=data["email"], display_name=data.get("display_name", ""))
                )
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        "invalid_login": _("The email or password is wrong."),
        "inactive": _("This account is disabled."),
    }

    def clean_username(self) -> str:
        return normalize_email(self.cleaned_data["username"])


class PreferencesForm(forms.ModelForm):
    technical = forms.IntegerField(label=_("Technical %"), min_value=0, max_value=100)
    behavioral = forms.IntegerField(label=_("Behavioral %"), min_value=0, max_value=100)
    situational = forms.IntegerField(label=_("Situational %"), min_value=0, max_value=100)

    class Meta:
        model = User
        fields = ("display_name", "language", "target_role")
        labels = {
            "display_name": _("Name"),
            "language": _("Interface language"),
            "target_role": _("Target role"),
        }
        widgets = {
            "target_role": forms.TextInput(attrs={"placeholder": _("e.g. Backend engineer")})
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mix = self.instance.question_mix or {}
        for name in ("technical", "behavioral", "situational"):
            self.fields[name].initial = mix.get(name, 0)
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = Language.choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parts = [data.get(name) for name in ("technical", "behavioral", "situational")]
        if all(p is not None for p in parts) and sum(parts) != 100:  # type: ignore[arg-type]
            raise forms.ValidationError(_("The question mix must add up to 100%."))
        return data

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "display_name": data["display_name"],
            "language": data["language"],
            "target_role": data["target_role"],
            "question_mix": {
                name: data[name] for name in ("technical", "behavioral", "situational")
            },
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        max_length=PASSWORD_MAX,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is wrong."))
        return password
