from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from feedback.views import dashboard


def home(request: HttpRequest) -> HttpResponse:
    context = {"progress": dashboard(request.user)} if request.user.is_authenticated else {}
    return render(request, "home.html", context)
