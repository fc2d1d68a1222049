from django.urls import path

from interviews import views

app_name = "interviews"

urlpatterns = [
    path("", views.interview_list, name="list"),
    path("start", views.interview_start, name="start"),
    path("<int:pk>/", views.interview_room, name="room"),
]
