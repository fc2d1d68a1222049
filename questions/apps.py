from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Questions")
    # `manage.py load_defaults` (run by `make run`) loads the shipped template bank with it.
    default_data_command = "load_question_bank"
