"""The Celery app. Queues: ``default``, ``parsing`` (resumes), ``feedback`` (reports).

In embedded mode (no broker configured) tasks run eagerly in-process; see settings.
"""

from __future__ import annotations

import os

from celery import Celery
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interviewgenius.settings")

app = Celery("interviewgenius", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.task_queues = [Queue(name) for name in ("default", "parsing", "feedback")]
app.conf.task_default_queue = "default"
app.autodiscover_tasks()
