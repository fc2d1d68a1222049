"""Test settings: the real settings plus what only tests need."""

import os

from interviewgenius.settings import *  # noqa: F403
from interviewgenius.settings import DATABASES, INSTALLED_APPS, LOGGING, VAR_DIR

INSTALLED_APPS = [*INSTALLED_APPS, "tests.encryption_app.apps.EncryptionAppConfig"]

# bcrypt's floor: real bcrypt hashing, without 250 ms per password on a 2-core machine.
BCRYPT_ROUNDS = 4

# The live Daphne server runs in a child process, which cannot see an in-memory
# SQLite database; a file works for both.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}

# The live Daphne server of the tests is told which (test) database to use.
if os.environ.get("IG_LIVE_DATABASE_NAME"):
    DATABASES["default"]["NAME"] = os.environ["IG_LIVE_DATABASE_NAME"]

ENCRYPTION_KEYS = "test1:" + "A" * 43 + "="
# Quiet access logs; warnings and errors still show in failing tests.
LOGGING["root"]["level"] = "WARNING"

# Serve static files straight from the app folders, so tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# ... and name them without a manifest, which only collectstatic writes: a live server
# run with DEBUG=0 (as in production) renders its pages all the same.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests never reach a hosted LLM, whatever the developer's environment holds: those that
# need one start tests/llm_server.py and point LLM_BASE_URL at it (a worker process they
# start gets its key through IG_TEST_LLM_API_KEY).
LLM_API_KEY = os.environ.get("IG_TEST_LLM_API_KEY", "")
LLM_BACKOFF = 0.01
