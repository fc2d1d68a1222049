from rest_framework.routers import SimpleRouter

from assist.api import AssistViewSet

router = SimpleRouter(trailing_slash=False)
router.register("interview/assist", AssistViewSet, basename="assist")

urlpatterns = router.urls
