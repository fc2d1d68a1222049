from rest_framework.routers import SimpleRouter

from interviews.api import InterviewViewSet

router = SimpleRouter(trailing_slash=False)
router.register("interviews", InterviewViewSet, basename="interview")

urlpatterns = router.urls
