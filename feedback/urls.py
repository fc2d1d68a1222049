from django.urls import path
from rest_framework.routers import SimpleRouter

from feedback.api import FeedbackViewSet, InterviewFeedbackView

router = SimpleRouter(trailing_slash=False)
router.register("interview/feedback", FeedbackViewSet, basename="feedback")

urlpatterns = [
    path(
        "interviews/<int:session_id>/feedback",
        InterviewFeedbackView.as_view(),
        name="interview-feedback",
    ),
    *router.urls,
]
