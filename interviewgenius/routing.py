"""WebSocket routes of every app, gathered in one place for the ASGI router."""

from django.urls import path

from assist.consumers import AssistAudioConsumer, AssistControlConsumer
from interviewgenius.ws.consumers import EchoConsumer
from interviews.consumers import InterviewConsumer

websocket_urlpatterns = [
    path("ws/echo", EchoConsumer.as_asgi()),
    path("ws/interviews/<int:session_id>", InterviewConsumer.as_asgi()),
    path("ws/interview/assist/<int:session_id>", AssistAudioConsumer.as_asgi()),
    path("ws/interview/assist/<int:session_id>/control", AssistControlConsumer.as_asgi()),
]
