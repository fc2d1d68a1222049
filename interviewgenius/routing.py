"""WebSocket routes of every app, gathered in one place for the ASGI router."""

from django.urls import path

from interviewgenius.ws.consumers import EchoConsumer

websocket_urlpatterns = [
    path("ws/echo", EchoConsumer.as_asgi()),
]
