"""Account workflows: registration, sign-in bookkeeping, preferences, deletion."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.http import HttpRequest
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import AuditAction, AuditEvent, User, normalize_email
from accounts.tasks import delete_stored_objects
from interviewgenius.http.client import client_ip, user_agent
from interviewgenius.ownership import storage_keys_owned_by


def record_audit(
    *,
    action: str,
    request: HttpRequest | None,
    user: User | None = None,
    email: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=user,
        actor_email=(user.email if user else email)[:254],
        action=action,
        ip_address=client_ip(request) if request else None,
        user_agent=user_agent(request) if request else "",
        details=details or {},
    )


@transaction.atomic
def register_user(
    *, email: str, password: str, request: HttpRequest | None, **profile: Any
) -> User:
    user = User(email=normalize_email(email), **profile)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    record_audit(action=AuditAction.REGISTER, request=request, user=user)
    return user


def issue_tokens(*, user: User) -> dict[str, str]:
    refresh = RefreshToken.for_user(user)
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


def revoke_all_refresh_tokens(*, user: User) -> int:
    """Blacklist every refresh token issued to the user; returns how many were live."""
    outstanding = OutstandingToken.objects.filter(user=user).exclude(blacklistedtoken__isnull=False)
    tokens = list(outstanding)
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in tokens], ignore_conflicts=True
    )
    return len(tokens)


@transaction.atomic
def change_password(*, user: User, new_password: str, request: HttpRequest | None) -> None:
    validate_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password", "updated_at"])
    # A changed password must end every other sign-in, including stolen refresh tokens.
    revoked = revoke_all_refresh_tokens(user=user)
    record_audit(
        action=AuditAction.PASSWORD_CHANGE,
        request=request,
        user=user,
        details={"revoked_tokens": revoked},
    )


PREFERENCE_FIELDS = ("display_name", "language", "target_role", "question_mix")


@transaction.atomic
def update_preferences(*, user: User, request: HttpRequest | None, **changes: Any) -> User:
    changed = {name: value for name, value in changes.items() if getattr(user, name) != value}
    unknown = set(changed) - set(PREFERENCE_FIELDS)
    if unknown:
        raise ValueError(f"not a preference: {', '.join(sorted(unknown))}")
    if not changed:
        return user
    for name, value in changed.items():
        setattr(user, name, value)
    user.save(update_fields=[*changed, "updated_at"])
    record_audit(
        action=AuditAction.PREFERENCES_CHANGE,
        request=request,
        user=user,
        details={"fields": sorted(changed)},
    )
    return user


def delete_account(*, user: User, request: HttpRequest | None) -> None:
    """Delete the user, every row they own (by cascade) and every stored file they own."""
    keys = storage_keys_owned_by(user)
    details: dict[str, Any] = {"user_id": user.pk, "stored_objects": len(keys)}
    deleted_by = getattr(request, "user", None)
    if isinstance(deleted_by, User) and deleted_by.pk != user.pk:
        details["deleted_by"] = deleted_by.pk  # staff, in the admin
    with transaction.atomic():
        revoke_all_refresh_tokens(user=user)
        record_audit(
            action=AuditAction.ACCOUNT_DELETE,
            request=request,
            user=None,
            email=user.email,
            details=details,
        )
        user.delete()
        if keys:
            # Files go only once the rows are gone for good. The task retries storage
            # errors; whatever still fails is an orphan for the cleanup command, never
            # a row pointing at nothing.
            delete_stored_objects.delay_on_commit(keys)
