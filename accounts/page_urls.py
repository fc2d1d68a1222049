from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup", views.signup, name="signup"),
    path("login", views.EmailLoginView.as_view(), name="login"),
    path("logout", views.logout_view, name="logout"),
    path("me", views.account, name="account"),
    path("language", views.set_language, name="set_language"),
]
