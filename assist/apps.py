from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistConfig(AppConfig):
    name = "assist"
    verbose_name = _("Live assist")
    default_data_command = "load_answer_templates"

    def ready(self) -> None:
        # Registered at start, so /metrics lists the families before the first socket.
        from assist import metrics  # noqa: F401
