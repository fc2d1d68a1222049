"""InterviewGenius: settings, wiring and the engines every app shares."""

from interviewgenius.celery import app as celery_app

__all__ = ["celery_app"]
