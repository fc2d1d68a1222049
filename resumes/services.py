"""Resume workflows that the API, the pages, the admin and the commands share."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditAction, User
from accounts.services import record_audit
from interviewgenius.http.errors import Conflict, DomainError
from resumes import messages, metrics, storage
from resumes.models import Resume, ResumeParseResult, ResumeStatus
from resumes.parsing.types import UnsupportedDocument
from resumes.parsing.validate import MAX_UPLOAD_BYTES, inspect_document

FILE_NAME_MAX = 200  # longer names are cut (they are only shown back to their owner)


class InvalidResumeFile(DomainError):
    """An upload we refuse; ``code`` tells clients which check failed."""

    status_code = 400

    def __init__(self, refusal: UnsupportedDocument) -> None:
        details: dict[str, Any] = {"reason": refusal.code}
        if refusal.code == "too_large":
            details["limit_bytes"] = MAX_UPLOAD_BYTES
        super().__init__(messages.for_code(refusal.code, refusal.message), details=details)
        self.code = "payload_too_large" if refusal.code == "too_large" else "invalid_file"
        if refusal.code == "too_large":
            self.status_code = 413


def _audit(
    action: AuditAction, *, resume: Resume, request: HttpRequest | None, **details: Any
) -> None:
    """Record a change to a resume: by its owner or staff (a request), else by the system.

    Ids only: the file name and the contents are personal data the trail must not copy.
    """
    actor = getattr(request, "user", None)
    record_audit(
        action=action,
        request=request,
        user=actor if isinstance(actor, User) else None,
        details={
            "resume_id": resume.pk,
            "owner_id": resume.owner_id,
            **({} if request else {"via": "system"}),
            **details,
        },
    )


@dataclass(frozen=True)
class UploadOutcome:
    resume: Resume
    created: bool  # False: the same file was already uploaded by this user


def upload_resume(
    *, owner: Any, data: bytes, filename: str, request: HttpRequest | None = None
) -> UploadOutcome:
    """Validate, encrypt and store a resume file, and queue its parsing."""
    try:
        info = inspect_document(data)
    except UnsupportedDocument as refusal:
        metrics.UPLOADS.labels("refused").inc()
        raise InvalidResumeFile(refusal) from None
    digest = hashlib.sha256(data).hexdigest()
    existing = Resume.objects.owned_by(owner).filter(sha256=digest).first()
    if existing is not None:
        metrics.UPLOADS.labels("duplicate").inc()
        return UploadOutcome(existing, created=False)

    now = timezone.now()
    try:
        with transaction.atomic():
            resume = Resume.objects.create(
                owner=owner,
                file_key=f"{storage.PENDING_PREFIX}{uuid.uuid4().hex}",
                original_name=(filename or "resume")[:FILE_NAME_MAX],
                content_type=info.content_type,
                kind=info.kind,
                size=len(data),
                pages=info.pages,
                sha256=digest,
            )
            key = storage.object_key(owner_id=owner.pk, resume_id=resume.pk, sha256=digest, at=now)
            resume.file_key = storage.store_encrypted(key, data)
            resume.save(update_fields=["file_key", "updated_at"])
            _queue_parse(resume)
            _audit(
                AuditAction.RESUME_UPLOAD,
                resume=resume,
                request=request,
                kind=resume.kind,
                size=resume.size,
            )
    except IntegrityError:
        # The same file, uploaded twice at the same moment: the other request won.
        metrics.UPLOADS.labels("duplicate").inc()
        return UploadOutcome(Resume.objects.owned_by(owner).get(sha256=digest), created=False)
    metrics.UPLOADS.labels("accepted").inc()
    return UploadOutcome(resume, created=True)


def _queue_parse(resume: Resume) -> None:
    """Give the resume a new task id and send that task once the transaction commits."""
    from resumes.tasks import parse_resume_task

    resume.task_id = uuid.uuid4().hex
    resume.status = ResumeStatus.PENDING
    resume.queued_at = timezone.now()
    resume.save(update_fields=["task_id", "status", "queued_at", "updated_at"])
    task_id = resume.task_id
    transaction.on_commit(lambda: parse_resume_task.apply_async(args=(resume.pk,), task_id=task_id))


def stale_after() -> timedelta:
    """A parse queued or claimed longer ago than this is presumed lost."""
    return timedelta(seconds=int(settings.CELERY_TASK_TIME_LIMIT) * 2)


@transaction.atomic
def request_reparse(*, resume: Resume, request: HttpRequest | None = None) -> Resume:
    """Parse again (keeping the candidate's corrections). Refused while a parse is running."""
    locked = Resume.objects.select_for_update().get(pk=resume.pk)
    if not locked.is_finished:
        since = locked.claimed_at or locked.queued_at
        if since is not None and timezone.now() - since < stale_after():
            raise Conflict(
                _("This resume is being read right now. Wait for it to finish, then try again."),
                details={"status": locked.status},
            )
    locked.error_step = locked.error_code = locked.error_message = ""
    locked.save(update_fields=["error_step", "error_code", "error_message", "updated_at"])
    _queue_parse(locked)
    _audit(AuditAction.RESUME_REPARSE, resume=locked, request=request)
    return locked


def delete_resume(*, resume: Resume, request: HttpRequest | None = None) -> None:
    key = resume.file_key
    with transaction.atomic():
        _audit(AuditAction.RESUME_DELETE, resume=resume, request=request)
        resume.delete()
        transaction.on_commit(lambda: storage.delete_quietly(key))


# Every section of the parse result except what only the parser can say.
CORRECTABLE = tuple(
    name
    for name in ResumeParseResult.MACHINE_FIELDS
    if name not in {"language", "parse_confidence"}
)


@transaction.atomic
def save_corrections(
    *, resume: Resume, corrections: dict[str, Any], request: HttpRequest | None = None
) -> ResumeParseResult:
    """Store the candidate's corrections beside the machine result (a reparse keeps them)."""
    result, _created = ResumeParseResult.objects.select_for_update().get_or_create(resume=resume)
    merged = dict(result.corrections or {})
    for name, value in corrections.items():
        if name not in CORRECTABLE:
            raise ValueError(f"not correctable: {name}")
        if name == "basic_info":
            merged["basic_info"] = {**merged.get("basic_info", {}), **value}
        else:
            merged[name] = value
    result.corrections = merged
    result.save(update_fields=["corrections", "updated_at"])
    _audit(
        AuditAction.RESUME_CORRECTION, resume=resume, request=request, fields=sorted(corrections)
    )
    if "skills" in corrections:
        from resumes.pipeline import replace_skill_matches

        replace_skill_matches(resume, result.merged()["skills"])
    return result
