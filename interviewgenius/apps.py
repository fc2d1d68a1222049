from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "interviewgenius"
    label = "core"
    verbose_name = "InterviewGenius core"
