from django.urls import path

from questions import views

app_name = "questions"

urlpatterns = [
    path("resume/<int:pk>/", views.questions_page, name="page"),
]
