from rest_framework.routers import SimpleRouter

from resumes.api import ResumeViewSet

router = SimpleRouter(trailing_slash=False)
router.register("resumes", ResumeViewSet, basename="resume")

urlpatterns = router.urls
