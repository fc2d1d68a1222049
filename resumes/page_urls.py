from django.urls import path

from resumes import views

app_name = "resumes"

urlpatterns = [
    path("", views.resume_list, name="list"),
    path("<int:pk>/", views.resume_detail, name="detail"),
    path("<int:pk>/reparse", views.resume_reparse, name="reparse"),
    path("<int:pk>/delete", views.resume_delete, name="delete"),
]
