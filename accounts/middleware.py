from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation


class UserLanguageMiddleware:
    """A signed-in user's saved interface language wins over cookie and browser.

    Runs after LocaleMiddleware (which knows nothing of users) and re-activates the
    language stored in the user's preferences, so the choice follows the account
    across devices.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        # API clients sending Accept-Language explicitly keep it; pages follow the account.
        if user is not None and user.is_authenticated and not request.path.startswith("/api/"):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
