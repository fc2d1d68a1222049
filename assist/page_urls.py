from django.urls import path

from assist import views

app_name = "assist"

urlpatterns = [
    path("", views.assist_list, name="list"),
    path("start", views.assist_start, name="start"),
    path("<int:pk>/", views.assist_console, name="console"),
    path("<int:pk>/end", views.assist_end, name="end"),
    path("<int:pk>/report/", views.assist_report, name="report"),
]
