"""Answer suggestions for a detected question, from curated templates and the resume.

Django-free: callers pass the templates, the question bank and the parse result as plain
values (``Knowledge``, ``Candidate``), so the benchmark and tests build them directly.
"""

from assist.suggest.build import Suggestion, suggest
from assist.suggest.candidate import Candidate, Job, Project
from assist.suggest.knowledge import BankEntry, Knowledge, TemplateCard

__all__ = [
    "BankEntry",
    "Candidate",
    "Job",
    "Knowledge",
    "Project",
    "Suggestion",
    "TemplateCard",
    "suggest",
]
