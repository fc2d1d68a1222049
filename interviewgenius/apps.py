from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "interviewgenius"
    label = "core"
    verbose_name = "InterviewGenius core"

    def ready(self) -> None:
        # drf-spectacular finds schema extensions by their being imported.
        from interviewgenius.http import schema  # noqa: F401
