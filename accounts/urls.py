from rest_framework.routers import SimpleRouter

from accounts.api import AccountViewSet, AuthViewSet

router = SimpleRouter(trailing_slash=False)
router.register("auth", AuthViewSet, basename="auth")
router.register("auth", AccountViewSet, basename="account")

urlpatterns = router.urls
