"""InterviewGenius settings: one source of truth, driven by the environment.

With no environment at all the app runs on embedded defaults (SQLite, in-memory
channel layer, eager Celery, local-memory cache, a local media folder), so `make run`
works on a fresh machine. Every production behaviour is switched on by a variable;
see the configuration table in README.md.
"""

from __future__ import annotations

import base64
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url

from interviewgenius.env import Env, ImproperlyConfiguredEnv

env = Env()

BASE_DIR = Path(__file__).resolve().parent.parent
# Writable state of the embedded mode (SQLite file, generated keys, uploaded media).
VAR_DIR = Path(env.str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env.bool("DEBUG", True)
PRODUCTION = not DEBUG


def _local_secret(filename: str, generate: Any) -> str:
    """Read a secret kept in VAR_DIR, creating it on first use (embedded mode only)."""
    path = VAR_DIR / filename
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(generate())
        path.chmod(0o600)
    return path.read_text().strip()


def _required_in_production(name: str) -> None:
    if PRODUCTION and not env.is_set(name):
        raise ImproperlyConfiguredEnv(f"{name} must be set when DEBUG=0")


for _name in ("SECRET_KEY", "ENCRYPTION_KEYS", "ALLOWED_HOSTS"):
    _required_in_production(_name)

SECRET_KEY = env.str("SECRET_KEY") or _local_secret("secret_key", lambda: secrets.token_urlsafe(50))
# "kid:base64key" pairs, newest first. The first key encrypts; all of them decrypt.
ENCRYPTION_KEYS = env.str("ENCRYPTION_KEYS") or _local_secret(
    "encryption_keys",
    lambda: "local1:" + base64.b64encode(secrets.token_bytes(32)).decode(),
)

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",  # must precede staticfiles: its runserver serves HTTP and WebSocket
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "interviewgenius.apps.CoreConfig",
    "accounts",
    "resumes",
    "questions",
    "interviews",
    "assist",
    "feedback",
]

MIDDLEWARE = [
    "interviewgenius.http.middleware.RequestIdMiddleware",
    "interviewgenius.http.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "interviewgenius.http.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "interviewgenius.urls"
WSGI_APPLICATION = "interviewgenius.wsgi.application"
ASGI_APPLICATION = "interviewgenius.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------
DATABASE_URL = env.str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
# 0 (a connection per request) because the app is served by Daphne: under ASGI each
# request runs in a new thread context, so persistent connections are never reused and
# pile up until MySQL refuses more ("Too many connections", seen in bench/auth_me.py).
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=env.int("DB_CONN_MAX_AGE", 0))
except ValueError as exc:
    raise ImproperlyConfiguredEnv(f"DATABASE_URL is not a database URL: {exc}") from None
if _db["ENGINE"] == "django.db.backends.mysql":
    _db["OPTIONS"] = {
        "charset": "utf8mb4",
        # Strict mode turns silent truncation into errors, so bad data never lands.
        "init_command": "SET sql_mode='STRICT_TRANS_TABLES'",
        "connect_timeout": 5,  # a down database fails a request in seconds, not minutes
    }
    _db["TEST"] = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}
elif _db["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {"timeout": 20}
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache, channel layer, Celery ------------------------------------------------
REDIS_URL = env.str("REDIS_URL")
CHANNEL_LAYER_READ_TIMEOUT = 15.0

if REDIS_URL:
    CACHES: dict[str, Any] = {
        "default": {
            # Redis down is a cache miss, not an error (interviewgenius/cache.py).
            "BACKEND": "interviewgenius.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", "ig"),
            # Fail fast when Redis is down: a hung cache call would hang every request.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    # A consumer listens with a blocking pop that Redis answers after up to 5 s
    # (channels_redis's brpop_timeout); redis-py 8 reads with a 5 s socket timeout by
    # default, so an idle socket's listener failed with "Timeout reading" and the socket
    # closed (1011). The read timeout must outlast the pop; it still ends a dead Redis.
    CHANNEL_LAYERS: dict[str, Any] = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": CHANNEL_LAYER_READ_TIMEOUT}],
                "prefix": env.str("CHANNEL_PREFIX", "ig-asgi"),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", REDIS_URL or "cache+memory://")
# Without a broker, tasks run in-process so the embedded mode needs no worker.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_EAGER", not CELERY_BROKER_URL.startswith("redis"))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = "default"
# Queues by task name prefix: resume parsing and report generation are slow and bursty,
# so they get their own queues and workers can be scaled per queue.
CELERY_TASK_ROUTES = {
    "resumes.*": {"queue": "parsing"},
    "feedback.*": {"queue": "feedback"},
    "*": {"queue": "default"},
}
# One task at a time per worker process: parsing and reports are long, and prefetching
# would park work behind a busy process while another sits idle.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", 180, minimum=1)
# Redis redelivers an unacknowledged message (a worker died holding it) after this
# long. It must outlast the longest task, or a slow but healthy task runs twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int(
        "CELERY_VISIBILITY_TIMEOUT", max(300, 2 * CELERY_TASK_TIME_LIMIT), minimum=1
    )
}
CELERY_RESULT_EXPIRES = 24 * 3600

# --- Files --------------------------------------------------------------------------------
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

S3_BUCKET = env.str("S3_BUCKET")
if S3_BUCKET:
    from botocore.config import Config as BotoConfig

    _default_storage: dict[str, Any] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY") or None,
            "region_name": env.str("S3_REGION", "us-east-1"),
            "addressing_style": "path",  # MinIO serves buckets by path
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            # Bounded waits: an unreachable object store must fail a request in seconds
            # (botocore's default connect timeout is 60 s), and retries stay few.
            "client_config": BotoConfig(
                connect_timeout=3, read_timeout=20, retries={"max_attempts": 3, "mode": "standard"}
            ),
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Resumes (and their files) older than this are deleted by `manage.py cleanup`.
RESUME_RETENTION_DAYS = env.int("RESUME_RETENTION_DAYS", 365, minimum=1)

# --- Questions and the LLM ----------------------------------------------------------------
# With no LLM_API_KEY the template bank answers every request (the embedded default).
LLM_API_KEY = env.str("LLM_API_KEY")
LLM_BASE_URL = env.str("LLM_BASE_URL", "https://api.deepseek.com")
LLM_MODEL = env.str("LLM_MODEL", "deepseek-chat")
LLM_TIMEOUT = env.float("LLM_TIMEOUT", 30.0, minimum=0.1)
LLM_MAX_ATTEMPTS = env.int("LLM_MAX_ATTEMPTS", 3, minimum=1)
LLM_BACKOFF = env.float("LLM_BACKOFF", 1.0, minimum=0.0)  # seconds before the 2nd attempt
LLM_TEMPERATURE = env.float("LLM_TEMPERATURE", 0.7, minimum=0.0)
LLM_MAX_TOKENS = env.int("LLM_MAX_TOKENS", 4000, minimum=256)
# An identical request for an unchanged parse result reuses its questions this long.
QUESTION_CACHE_SECONDS = env.int("QUESTION_CACHE_SECONDS", 3600, minimum=0)

# --- Speech-to-text -------------------------------------------------------------------------
# Whisper runs in-process; nothing is downloaded at run time. WHISPER_MODEL is a packaged
# model name (tiny.en, base), a local model directory (faster-whisper) or a checkpoint
# file (openai-whisper); see interviewgenius/engines/speech/.
SPEECH_ENGINE = env.choice("SPEECH_ENGINE", ("faster-whisper", "openai-whisper"), "faster-whisper")
WHISPER_MODEL = env.str("WHISPER_MODEL", "tiny.en")
# The model for speech in other languages when WHISPER_MODEL is English-only ("*.en"):
# Chinese interviews need the multilingual one.
WHISPER_MULTILINGUAL_MODEL = env.str("WHISPER_MULTILINGUAL_MODEL", "base")
WHISPER_COMPUTE_TYPE = env.choice(
    "WHISPER_COMPUTE_TYPE", ("int8", "int8_float32", "int16", "float32", "default"), "int8"
)
# 0: the library's default (every core). Workers sharing a host should set it lower.
WHISPER_CPU_THREADS = env.int("WHISPER_CPU_THREADS", 0, minimum=0)
# 1 (greedy) roughly halves latency on CPU for a small loss in accuracy.
WHISPER_BEAM_SIZE = env.int("WHISPER_BEAM_SIZE", 5, minimum=1)

# --- Mock interviews ---------------------------------------------------------------------
# Web processes load the speech and embedding models at start (see interviewgenius/warmup.py);
# off by default in development, where a quick restart matters more.
WARM_UP_MODELS = env.bool("WARM_UP_MODELS", not DEBUG)
# An answer whose analysis takes longer than this is stored at once and analysed in the
# background (the first analysis in a process also loads the embedding model, ~7 s).
INTERVIEW_ANALYSIS_TIMEOUT = env.float("INTERVIEW_ANALYSIS_TIMEOUT", 20.0, minimum=0.01)

# --- Live assist --------------------------------------------------------------------------
# The beam for live assist's transcriptions. Measured on ten spoken questions with tiny.en
# on this 2-core CPU: greedy (1) is ~30% faster per utterance but misheard 25% more words
# and sometimes fell back to sampling (one took 1.4 s and came back empty), so 5.
ASSIST_BEAM_SIZE = env.int("ASSIST_BEAM_SIZE", 5, minimum=1)
# Threads that transcribe for all assist sockets of one process (CTranslate2 releases
# the GIL, so these run in parallel with the event loop).
ASSIST_TRANSCRIBE_THREADS = env.int("ASSIST_TRANSCRIBE_THREADS", 2, minimum=1)
# Admission control: beyond these a new socket gets an "overloaded" error frame instead of
# joining and lagging every session of the process.
ASSIST_MAX_SOCKETS = env.int("ASSIST_MAX_SOCKETS", 8, minimum=1)
ASSIST_MAX_PENDING = env.int("ASSIST_MAX_PENDING", 6, minimum=1)

# JSON bodies have no reason to exceed this; larger ones are refused with 413 before
# parsing, which bounds memory per request. File uploads have their own limits.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("MAX_JSON_BODY_BYTES", 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# --- Accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    "accounts.hashers.TunableBCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
# bcrypt work factor; 12 in production. Tests lower it (never below 4, bcrypt's floor).
BCRYPT_ROUNDS = env.int("BCRYPT_ROUNDS", 12, minimum=4)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- REST API -----------------------------------------------------------------------------
THROTTLE_USER_RATE = env.rate("THROTTLE_USER_RATE", "100/minute")
THROTTLE_ANON_RATE = env.rate("THROTTLE_ANON_RATE", "100/minute")
THROTTLE_AUTH_RATE = env.rate("THROTTLE_AUTH_RATE", "10/minute")
THROTTLE_GENERATE_RATE = env.rate("THROTTLE_GENERATE_RATE", "20/minute")

REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "interviewgenius.http.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "interviewgenius.http.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "interviewgenius.http.throttling.UserRateThrottle",
        "interviewgenius.http.throttling.AnonRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": THROTTLE_USER_RATE,
        "anon": THROTTLE_ANON_RATE,
        "auth": THROTTLE_AUTH_RATE,
    },
    # Behind nginx there is exactly one proxy; the client address is the last hop it adds.
    "NUM_PROXIES": env.int("NUM_PROXIES", 0, minimum=0) or None,
    "EXCEPTION_HANDLER": "interviewgenius.http.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", 15, minimum=1)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", 7, minimum=1)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "AUTH_HEADER_TYPES": ("Bearer",),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "InterviewGenius API",
    "DESCRIPTION": (
        "Resume parsing, tailored questions, mock interviews, live assist and feedback. "
        'Errors share one shape: {"error": {"code", "message", "details", "request_id"}}. '
        "Authenticate with `Authorization: Bearer <access token>` from /api/auth/login."
    ),
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # assets bundled in the package: no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No validator badge: it would send the schema's URL to validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ResumeStatusEnum": "resumes.models.ResumeStatus",
        "StepStatusEnum": "resumes.models.StepStatus",
        "InterfaceLanguageEnum": "accounts.models.Language",
        "QuestionLanguageEnum": "questions.models.QuestionLanguage",
        "QuestionTypeEnum": "questions.models.QuestionType",
        "FeedbackStatusEnum": "feedback.models.FeedbackStatus",
        "SkillLevelEnum": "feedback.models.SkillLevel",
        "BehaviourAspectEnum": "feedback.models.BehaviourAspect",
        "FeedbackEngineEnum": "feedback.models.FeedbackEngine",
        "QuestionEngineEnum": "questions.models.Engine",
        "GenerationStatusEnum": "questions.models.GenerationStatus",
        "InterviewStatusEnum": "interviews.models.InterviewStatus",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "interviewgenius.http.schema.add_error_responses",
    ],
}

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Observability ------------------------------------------------------------------------
METRICS_TOKEN = env.str("METRICS_TOKEN")
LOG_LEVEL = env.choice("LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR"), "INFO")
# JSON lines for log collectors in production; readable text on a developer's terminal.
LOG_FORMAT = env.choice("LOG_FORMAT", ("json", "text"), "json" if PRODUCTION else "text")
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "interviewgenius.http.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "interviewgenius.http.logging.JsonFormatter",
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Our access log ("interviewgenius.request") replaces the servers' own.
        "django.server": {"level": "WARNING"},
        "django.channels.server": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        # faster-whisper logs two INFO lines per transcription (duration, VAD trim).
        "faster_whisper": {"level": "WARNING"},
    },
}

# --- Security -----------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "interviewgenius.http.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent on every response by interviewgenius.http.security (see docs/security.md). No
# inline script or style anywhere: pages load their JS and CSS from /static/, and values
# reach scripts through data-* attributes or json_script. The pages' own WebSocket origin
# (ws:// or wss:// and the request's host) is added to connect-src per request. Swagger UI
# (/api/docs/) alone also allows inline styles, for the <style> block of its template.
CONTENT_SECURITY_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Report-only first when rolling out a change to the policy; violations go to the URI.
CSP_REPORT_ONLY = env.bool("CSP_REPORT_ONLY", False)
CSP_REPORT_URI = env.str("CSP_REPORT_URI")
# Pages record the microphone (interview room, assist console) and the assist console
# captures the interview tab's audio; nothing else is used.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "microphone": ["self"],
    "display-capture": ["self"],
    "camera": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}
if PRODUCTION:
    # TLS ends at nginx, which tells us the original scheme in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # /healthz is probed over plain HTTP by the orchestrator inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Set by the test suite: a service the tests need that is down fails instead of skipping.
REQUIRE_SERVICES = env.bool("REQUIRE_SERVICES", False)
