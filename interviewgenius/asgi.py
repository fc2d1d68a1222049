"""ASGI entry point: HTTP goes to Django, WebSockets to Channels consumers.

WebSockets are origin-checked against ALLOWED_HOSTS and authenticated by a JWT access
token (``?token=``) or the session cookie.
"""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interviewgenius.settings")

# Django must be set up before anything imports models (the routing below does).
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402

from interviewgenius.routing import websocket_urlpatterns  # noqa: E402
from interviewgenius.ws.auth import TokenOrSessionAuthMiddleware  # noqa: E402

if settings.WARM_UP_MODELS:
    from interviewgenius.warmup import warm_up_models

    warm_up_models()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            TokenOrSessionAuthMiddleware(URLRouter(websocket_urlpatterns))
        ),
    }
)
