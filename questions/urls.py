from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from questions.api import GenerationConfigViewSet, GenerationViewSet, QuestionViewSet

router = SimpleRouter(trailing_slash=False)
router.register("questions/configs", GenerationConfigViewSet, basename="question-config")
router.register("questions/generations", GenerationViewSet, basename="question-generation")

urlpatterns: list[URLPattern | URLResolver] = [
    *router.urls,
    path(
        "questions/generate",
        QuestionViewSet.as_view({"post": "generate"}),
        name="question-generate",
    ),
    path(
        "questions/<int:resume_id>",
        QuestionViewSet.as_view({"get": "by_resume"}),
        name="question-by-resume",
    ),
]
