from __future__ import annotations

import io
import os
import time
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from accounts.tests.factories import make_user
from resumes.models import Resume, ResumeStatus
from resumes.tests import files
from resumes.tests.factories import complete, make_resume

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def age(path, hours: float) -> None:
    stamp = time.time() - hours * 3600
    os.utime(path, (stamp, stamp))


def test_cleanup_removes_expired_resumes_and_orphans_but_not_fresh_uploads(
    local_media, settings, django_capture_on_commit_callbacks
):
    owner = make_user()
    kept = make_resume(owner, data=files.pdf_bytes(1))
    expired = make_resume(owner, data=files.pdf_bytes(2))
    Resume.objects.filter(pk=expired.pk).update(
        created_at=timezone.now() - timedelta(days=settings.RESUME_RETENTION_DAYS + 1)
    )
    old_orphan = default_storage.save("resumes/99/2020/01/1_x.enc", ContentFile(b"leftover"))
    fresh_orphan = default_storage.save("resumes/pending/abc", ContentFile(b"upload in flight"))
    age(local_media / old_orphan, hours=2)
    for resume in (kept, expired):
        age(local_media / resume.file_key, hours=2)

    dry = run("cleanup", "--dry-run")
    assert "would delete 1 resumes" in dry and "would delete 1 stored objects" in dry
    assert Resume.objects.count() == 2 and default_storage.exists(old_orphan)

    with django_capture_on_commit_callbacks(execute=True):
        report = run("cleanup")
    assert "deleted 1 resumes" in report
    assert list(Resume.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not default_storage.exists(expired.file_key) and not default_storage.exists(old_orphan)
    assert default_storage.exists(kept.file_key) and default_storage.exists(fresh_orphan)
    assert "deleted 0 stored objects" in run("cleanup")  # safe to re-run


def test_reparse_command_by_status_and_dry_run():
    owner = make_user()
    failed = make_resume(owner, data=files.pdf_bytes(1))
    Resume.objects.filter(pk=failed.pk).update(status=ResumeStatus.FAILED, error_message="x")
    done = make_resume(owner, data=files.pdf_bytes(2))
    complete(done)

    assert "would queue 1" in run("reparse", "--status", "failed", "--dry-run")
    assert Resume.objects.get(pk=failed.pk).status == ResumeStatus.FAILED
    assert "queued 1, skipped 0" in run("reparse", "--status", "failed")
    assert Resume.objects.get(pk=failed.pk).status == ResumeStatus.PENDING
    # The one just queued is running now: --all skips it and queues the other.
    assert "queued 1, skipped 1" in run("reparse", "--all")


def test_reparse_command_needs_a_selection():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("reparse")
