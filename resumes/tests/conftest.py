from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def local_media(settings, tmp_path):
    """Stored files go to a throw-away folder, never the developer's var/media."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    return tmp_path / "media"
