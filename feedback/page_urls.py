from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("interview/<int:session_id>/", views.report, name="report"),
    path("interview/<int:session_id>/generate", views.generate, name="generate"),
    path("interview/<int:session_id>/report.pdf", views.report_pdf, name="report_pdf"),
]
