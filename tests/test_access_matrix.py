"""The access-control matrix (issue 8): every API route and WebSocket, and who may use it.

Each REST route under ``/api/`` and each WebSocket route is listed here exactly once per
HTTP method, as public (with the reason), as the caller's own account or lists, or as
taking an object id. For the last kind the object is made by user A, and the test proves
that user B gets the shared 404 (never a 403 that would confirm the id exists), that an
anonymous client gets 401, that nothing of A's changed, and, as a control, that A's own
identical request is accepted (so B's 404 comes from ownership, not from a bad body).

A route added without a row here fails ``test_every_route_is_in_the_matrix`` (or the
WebSocket twin) with its name: new endpoints must be placed in the matrix on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from accounts.models import User
from accounts.services import issue_tokens
from accounts.tests.factories import make_user
from accounts.tests.test_auth_api import assert_error
from assist import services as assist_services
from assist.models import AssistLog, AssistSession
from feedback.models import InterviewFeedback
from feedback.tests.factories import finished_interview
from interviewgenius.asgi import application
from interviewgenius.routing import websocket_urlpatterns
from interviewgenius.ws.consumers import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED
from interviews import services as interview_services
from interviews.models import InterviewSession
from questions import services as question_services
from questions.models import GenerationConfig, GenerationLog
from questions.tests.factories import (
    GO_KUBERNETES,
    load_bank,
    parsed_resume,
    technical_medium_config,
)
from resumes.models import Resume

ORIGIN = (b"origin", b"http://localhost")
# The segment id of the one question A's assist session has heard.
SEGMENT = "seg-owned-by-a"
# The apps whose rows belong to candidates: none of them may change when B or an
# anonymous client touches A's objects.
OWNED_APPS = ("resumes", "questions", "interviews", "assist", "feedback")
# DRF and Django answer these for every view; they expose no object.
IMPLICIT_METHODS = {"head", "options"}


# --------------------------------------------------------------------------- objects


class World:
    """One user's objects, each made on first use (a report is slow to write)."""

    def __init__(self, owner: User, capture_on_commit: Any = None) -> None:
        self.owner = owner
        self._capture = capture_on_commit

    @cached_property
    def resume(self) -> Resume:
        return parsed_resume(self.owner, GO_KUBERNETES)

    @cached_property
    def config(self) -> GenerationConfig:
        return technical_medium_config(self.owner)

    @cached_property
    def generation(self) -> GenerationLog:
        outcome = question_services.generate_questions(
            user=self.owner, resume=self.resume, count=3, engine="template"
        )
        return outcome.log

    @cached_property
    def interview(self) -> InterviewSession:
        return interview_services.start_interview(user=self.owner, resume=self.resume, count=2)

    @cached_property
    def reviewing_interview(self) -> InterviewSession:
        session = interview_services.start_interview(user=self.owner, resume=self.resume, count=2)
        return interview_services.finish_interview(session=session)

    @cached_property
    def assist(self) -> AssistSession:
        session = assist_services.start_session(user=self.owner, resume_id=self.resume.pk)
        AssistLog.objects.create(
            session=session,
            segment_id=SEGMENT,
            transcript="Tell me about a time you disagreed with a teammate.",
            is_question=True,
            question_type="behavioral",
        )
        return session

    @cached_property
    def feedback(self) -> InterviewFeedback:
        assert self._capture is not None, "reports need django_capture_on_commit_callbacks"
        resume = self.resume  # made outside the block: its parse task must not run
        with self._capture(execute=True):
            session = finished_interview(self.owner, resume=resume, count=2)
        return InterviewFeedback.objects.get(session=session)

    # The ids the routes take, by name.
    def id_of(self, name: str) -> int:
        if name == "reported_interview":
            return self.feedback.session_id
        return int(getattr(self, name).pk)


def client_for(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user=user)['access']}")
    return client


def owned_rows() -> dict[str, list[dict[str, Any]]]:
    """Every row of every candidate-owned table, to prove a refused request changed nothing."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for label in OWNED_APPS:
        for model in apps.get_app_config(label).get_models():
            rows[model._meta.label] = list(model._default_manager.order_by("pk").values())
    return rows


# --------------------------------------------------------------------------- the matrix

Body = Callable[[World, World], dict[str, Any]]


def no_body(target: World, caller: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class ObjectCase:
    """A request on one of A's objects, by id in the path or in the body."""

    method: str
    route: str  # as the resolver spells it, placeholders as <name>
    target: str  # the World attribute whose id fills the path (or the body)
    owner_status: int  # what A gets for the same request
    body: Body = field(default=no_body)
    variant: str = ""  # which id of the body is A's, when there are several rows

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.route)

    @property
    def name(self) -> str:
        return f"{self.method} {self.route}" + (f" [{self.variant}]" if self.variant else "")


CORRECTION = {"skills": [{"name": "Rust", "category": "programming_language", "confidence": 0.9}]}
FULL_CONFIG = {
    "name": "renamed",
    "count": 4,
    "difficulty_distribution": {"easy": 0.5, "medium": 0.5, "hard": 0.0},
    "type_distribution": {"technical": 1.0, "behavioral": 0.0, "situational": 0.0},
    "skill_categories": [],
    "language": "en",
}

OBJECT_CASES: list[ObjectCase] = [
    # resumes
    ObjectCase("get", "/api/resumes/<pk>", "resume", 200),
    ObjectCase("delete", "/api/resumes/<pk>", "resume", 204),
    ObjectCase("get", "/api/resumes/<pk>/status", "resume", 200),
    ObjectCase("get", "/api/resumes/<pk>/parse-result", "resume", 200),
    ObjectCase("patch", "/api/resumes/<pk>/parse-result", "resume", 200, lambda t, c: CORRECTION),
    ObjectCase("post", "/api/resumes/<pk>/reparse", "resume", 202),
    # questions
    ObjectCase("get", "/api/questions/<resume_id>", "resume", 200),
    ObjectCase("get", "/api/questions/configs/<pk>", "config", 200),
    ObjectCase("put", "/api/questions/configs/<pk>", "config", 200, lambda t, c: FULL_CONFIG),
    ObjectCase("patch", "/api/questions/configs/<pk>", "config", 200, lambda t, c: {"count": 5}),
    ObjectCase("delete", "/api/questions/configs/<pk>", "config", 204),
    ObjectCase("get", "/api/questions/generations/<pk>", "generation", 200),
    ObjectCase(
        "post",
        "/api/questions/generate",
        "resume",
        201,
        lambda t, c: {"resume_id": t.resume.pk, "engine": "template"},
        "resume_id",
    ),
    ObjectCase(
        "post",
        "/api/questions/generate",
        "config",
        201,
        lambda t, c: {"resume_id": c.resume.pk, "config_id": t.config.pk, "engine": "template"},
        "config_id",
    ),
    # interviews
    ObjectCase("get", "/api/interviews/<pk>", "interview", 200),
    ObjectCase("get", "/api/interviews/<pk>/status", "interview", 200),
    ObjectCase(
        "post",
        "/api/interviews/<pk>/answer",
        "interview",
        200,
        lambda t, c: {"text": "I would profile first, then cache the hot path in Redis."},
    ),
    ObjectCase("post", "/api/interviews/<pk>/finish", "interview", 200),
    ObjectCase("post", "/api/interviews/<pk>/archive", "reviewing_interview", 200),
    ObjectCase(
        "post",
        "/api/interviews/start",
        "resume",
        201,
        lambda t, c: {"resume_id": t.resume.pk, "count": 2},
        "resume_id",
    ),
    ObjectCase(
        "post",
        "/api/interviews/start",
        "config",
        201,
        lambda t, c: {"resume_id": c.resume.pk, "config_id": t.config.pk, "count": 2},
        "config_id",
    ),
    # live assist
    ObjectCase("get", "/api/interview/assist/<pk>", "assist", 200),
    ObjectCase("get", "/api/interview/assist/<pk>/history", "assist", 200),
    ObjectCase("get", "/api/interview/assist/<pk>/report", "assist", 200),
    ObjectCase(
        "put",
        "/api/interview/assist/<pk>/settings",
        "assist",
        200,
        lambda t, c: {"style": "detailed"},
    ),
    ObjectCase(
        "patch",
        "/api/interview/assist/<pk>/settings",
        "assist",
        200,
        lambda t, c: {"length": "long"},
    ),
    ObjectCase("post", "/api/interview/assist/<pk>/end", "assist", 200),
    ObjectCase(
        "post",
        "/api/interview/assist/<pk>/used",
        "assist",
        200,
        lambda t, c: {"segment_id": SEGMENT, "used": True},
    ),
    ObjectCase(
        "post",
        "/api/interview/assist/start",
        "resume",
        201,
        lambda t, c: {"resume_id": t.resume.pk},
        "resume_id",
    ),
    ObjectCase(
        "post",
        "/api/interview/assist/start",
        "interview",
        201,
        lambda t, c: {"interview_session_id": t.interview.pk},
        "interview_session_id",
    ),
    # feedback
    ObjectCase("get", "/api/interview/feedback/<pk>", "feedback", 200),
    ObjectCase("get", "/api/interview/feedback/<pk>/skills", "feedback", 200),
    ObjectCase("get", "/api/interview/feedback/<pk>/behavioral", "feedback", 200),
    ObjectCase("get", "/api/interviews/<session_id>/feedback", "reported_interview", 200),
    ObjectCase(
        "post",
        "/api/interview/feedback/generate",
        "reported_interview",
        200,
        lambda t, c: {"session_id": t.feedback.session_id},
        "session_id",
    ),
]

# Routes scoped to the caller by construction (no id of anyone else's object can be
# named): they only have to refuse anonymous clients.
OWN_ACCOUNT: dict[tuple[str, str], str] = {
    ("post", "/api/auth/logout"): "blacklists a refresh token; another account's is refused",
    ("get", "/api/auth/me"): "the caller's own account",
    ("patch", "/api/auth/me"): "the caller's own preferences",
    ("delete", "/api/auth/me"): "deletes the caller's own account (password required)",
    ("post", "/api/auth/password"): "the caller's own password",
    ("get", "/api/resumes"): "list of the caller's resumes",
    ("post", "/api/resumes"): "upload: the new resume is the caller's",
    ("post", "/api/resumes/upload"): "upload: the new resume is the caller's",
    ("get", "/api/questions/configs"): "list of the caller's configs",
    ("post", "/api/questions/configs"): "create: the new config is the caller's",
    ("get", "/api/questions/generations"): "list of the caller's generations",
    ("get", "/api/interviews"): "list of the caller's interviews",
    ("get", "/api/interview/assist"): "list of the caller's assist sessions",
    ("get", "/api/interview/feedback"): "list of the caller's reports",
    ("get", "/api/interview/feedback/progress"): "the caller's own scores over time",
}

# Open to anonymous clients on purpose.
PUBLIC: dict[tuple[str, str], str] = {
    ("post", "/api/auth/register"): "sign-up: the way to get an account",
    ("post", "/api/auth/login"): "sign-in: the way to get a token",
    ("post", "/api/auth/refresh"): "the refresh token in the body is the credential",
    ("get", "/api/schema/"): "the OpenAPI description of the public API, no data",
    ("get", "/api/docs/"): "Swagger UI for the schema, no data",
    ("*", "/healthz"): "probes of load balancers and orchestrators; says up or down, no data",
    ("*", "/"): "the landing page (a signed-in user sees only their own progress)",
}

# For staff (or, for /metrics, the metrics token) only; "/admin/" stands for the whole site.
STAFF_ONLY: dict[tuple[str, str], str] = {
    ("*", "/metrics"): "Prometheus metrics: staff session or the METRICS_TOKEN bearer",
    ("*", "/admin/"): "the Django admin: staff sessions only",
}

# Lists: what B sees must hold none of A's objects.
LISTS: dict[str, str] = {
    "/api/resumes": "resume",
    "/api/questions/configs": "config",
    "/api/questions/generations": "generation",
    "/api/interviews": "interview",
    "/api/interview/assist": "assist",
    "/api/interview/feedback": "feedback",
}

# WebSocket routes (interviewgenius/routing.py) and the object their id names; None for
# a socket that takes no id (it only has to refuse anonymous clients).
SOCKETS: dict[str, str | None] = {
    "ws/echo": None,
    "ws/interviews/<int:session_id>": "interview",
    "ws/interview/assist/<int:session_id>": "assist",
    "ws/interview/assist/<int:session_id>/control": "assist",
}


# --------------------------------------------------------------------------- discovery


def _normalise(route: str) -> str:
    # Router patterns are regexes ("^resumes/(?P<pk>[^/.]+)$"); path() ones use converters.
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", route)
    route = re.sub(r"<\w+:(\w+)>", r"<\1>", route)
    return "/" + route.replace("^", "").replace("$", "")


def _methods(pattern: URLPattern) -> set[str]:
    callback = pattern.callback
    actions = getattr(callback, "actions", None)
    if actions:  # a DRF viewset route: the router says which methods it maps
        # (DRF adds "head" to this dict on the first GET it serves.)
        return set(actions) - IMPLICIT_METHODS
    view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view is None:  # a plain function view: it may answer anything
        return {"*"}
    return {m for m in view.http_method_names if hasattr(view, m)} - IMPLICIT_METHODS


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def discovered_routes() -> set[tuple[str, str]]:
    """(method, route) of every API route, of the project's own top-level views, and the admin.

    The HTML page apps (``/resumes/``, ``/interviews/``, …) are not part of this matrix.
    """
    found: set[tuple[str, str]] = set()
    for top in get_resolver().url_patterns:
        if isinstance(top, URLPattern):
            found |= {(method, _normalise(str(top.pattern))) for method in _methods(top)}
        elif top.app_name == "admin":
            found.add(("*", _normalise(str(top.pattern))))
        elif str(top.pattern) == "api/":
            for route, pattern in _walk(top.url_patterns, "api/"):
                found |= {(method, _normalise(route)) for method in _methods(pattern)}
    return found


def _path(route: str, object_id: int) -> str:
    return re.sub(r"<\w+>", str(object_id), route)


def test_every_route_is_in_the_matrix():
    objects = {case.key for case in OBJECT_CASES}
    listed = objects | set(OWN_ACCOUNT) | set(PUBLIC) | set(STAFF_ONLY)
    found = discovered_routes()
    unlisted = sorted(found - listed)
    assert not unlisted, (
        "routes missing from the access matrix (tests/test_access_matrix.py); add each "
        f"to OBJECT_CASES, OWN_ACCOUNT, PUBLIC or STAFF_ONLY: {unlisted}"
    )
    stale = sorted(listed - found)
    assert not stale, f"the access matrix lists routes that no longer exist: {stale}"
    kinds = [objects, set(OWN_ACCOUNT), set(PUBLIC), set(STAFF_ONLY)]
    assert sum(len(kind) for kind in kinds) == len(listed), "a route is listed twice"
    assert {("get", route) for route in LISTS} <= set(OWN_ACCOUNT)


def test_every_websocket_route_is_in_the_matrix():
    found = {str(pattern.pattern) for pattern in websocket_urlpatterns}
    unlisted = sorted(found - set(SOCKETS))
    assert not unlisted, (
        "WebSocket routes missing from the access matrix (tests/test_access_matrix.py "
        f"SOCKETS): {unlisted}"
    )
    assert not set(SOCKETS) - found, f"stale socket rows: {sorted(set(SOCKETS) - found)}"


# --------------------------------------------------------------------------- REST


@pytest.fixture
def owner(db: Any, question_bank: None, eager_tasks: None, django_capture_on_commit_callbacks):
    return World(make_user(), django_capture_on_commit_callbacks)


@pytest.fixture
def other(db: Any) -> World:
    return World(make_user())


def _send(client: APIClient, method: str, path: str, body: dict[str, Any]) -> Any:
    send = getattr(client, method)
    return send(path, body, format="json") if body else send(path)


@pytest.mark.parametrize("case", OBJECT_CASES, ids=lambda case: case.name)
def test_someone_elses_object_is_404_and_anonymous_is_401(
    case: ObjectCase, owner: World, other: World
):
    target_id = owner.id_of(case.target)
    path = _path(case.route, target_id)
    body_for_other = case.body(owner, other)
    body_for_owner = case.body(owner, owner)
    before = owned_rows()

    stranger = client_for(other.owner)
    error = assert_error(_send(stranger, case.method, path, body_for_other), 404)
    assert error["code"] == "not_found"
    if path != case.route:  # the id is in the path: A's object must look like no object
        missing = _path(case.route, target_id + 1_000_000)
        nothing = assert_error(_send(stranger, case.method, missing, body_for_other), 404)
        assert nothing["message"] == error["message"]
        assert set(nothing["details"]) == set(error["details"])
    error = assert_error(_send(APIClient(), case.method, path, body_for_other), 401)
    assert error["code"] == "not_authenticated"
    assert owned_rows() == before, f"{case.name}: a refused request changed A's data"

    # The control: the same request from A is accepted, so the body is a valid one.
    response = _send(client_for(owner.owner), case.method, path, body_for_owner)
    assert response.status_code == case.owner_status, response.content


@pytest.mark.parametrize(("method", "route"), sorted(OWN_ACCOUNT), ids=" ".join)
def test_account_routes_refuse_anonymous_clients(db: Any, method: str, route: str):
    error = assert_error(_send(APIClient(), method, route, {}), 401)
    assert error["code"] == "not_authenticated"


@pytest.mark.parametrize(("method", "route"), sorted(PUBLIC), ids=" ".join)
def test_public_routes_answer_anonymous_clients(db: Any, method: str, route: str):
    # An empty body is a validation error for the auth routes: reached, not refused.
    # /healthz is 503 where a service it checks (the broker, say) is down.
    response = _send(APIClient(), "get" if method == "*" else method, route, {})
    assert response.status_code in (200, 400, 503), response.content


@pytest.mark.parametrize("route", sorted(LISTS))
def test_lists_show_nothing_of_someone_elses(route: str, owner: World, other: World):
    owned = owner.id_of(LISTS[route])
    mine = client_for(owner.owner).get(route)
    assert mine.status_code == 200, mine.content
    assert owned in [item["id"] for item in mine.json()["results"]]

    theirs = client_for(other.owner).get(route)
    assert theirs.status_code == 200, theirs.content
    assert theirs.json()["count"] == 0 and theirs.json()["results"] == []


def test_progress_shows_nothing_of_someone_elses(owner: World, other: World):
    owner.id_of("feedback")
    mine = client_for(owner.owner).get("/api/interview/feedback/progress").json()
    theirs = client_for(other.owner).get("/api/interview/feedback/progress").json()
    assert mine != theirs
    empty = client_for(make_user()).get("/api/interview/feedback/progress").json()
    assert theirs == empty


def test_someone_elses_refresh_token_cannot_be_logged_out(owner: World, other: World):
    tokens = issue_tokens(user=owner.owner)
    response = client_for(other.owner).post(
        "/api/auth/logout", {"refresh": tokens["refresh"]}, format="json"
    )
    assert_error(response, 400)
    refreshed = APIClient().post("/api/auth/refresh", {"refresh": tokens["refresh"]})
    assert refreshed.status_code == 200, "A's refresh token was blacklisted by B"


# --------------------------------------------------------------------------- staff only


def test_metrics_need_staff_or_the_token(db: Any, settings: Any):
    settings.METRICS_TOKEN = "metrics-secret"
    assert_error(Client().get("/metrics"), 403, "permission_denied")
    member = Client()
    member.force_login(make_user())
    assert_error(member.get("/metrics"), 403, "permission_denied")
    # A candidate's API token is not the metrics token.
    bearer = f"Bearer {issue_tokens(user=make_user())['access']}"
    assert_error(Client().get("/metrics", HTTP_AUTHORIZATION=bearer), 403, "permission_denied")

    staff = Client()
    staff.force_login(make_user(is_staff=True))
    assert staff.get("/metrics").status_code == 200
    token = Client().get("/metrics", HTTP_AUTHORIZATION="Bearer metrics-secret")
    assert token.status_code == 200


def test_the_admin_refuses_candidates(owner: World):
    resume = owner.resume
    pages = ("/admin/", f"/admin/resumes/resume/{resume.pk}/change/", "/admin/resumes/resume/")
    for client in (Client(), _signed_in(owner.owner)):
        for page in pages:
            response = client.get(page)
            assert response.status_code == 302, (page, response.status_code)
            assert response["Location"].startswith("/admin/login/")
    # A candidate's API token opens nothing in the admin either.
    bearer = f"Bearer {issue_tokens(user=owner.owner)['access']}"
    response = Client().get(pages[1], HTTP_AUTHORIZATION=bearer)
    assert response.status_code == 302

    admin = _signed_in(make_user(is_staff=True, is_superuser=True))
    assert admin.get(pages[1]).status_code == 200


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --------------------------------------------------------------------------- WebSockets


@database_sync_to_async
def _socket_world(target: str | None) -> tuple[User, int, User]:
    load_bank()
    world = World(make_user())
    object_id = world.id_of(target) if target else 0
    return world.owner, object_id, make_user()


async def _open(route: str, object_id: int, user: User | None) -> WebsocketCommunicator:
    path = "/" + re.sub(r"<[\w:]+>", str(object_id), route)
    if user is not None:
        path += f"?token={AccessToken.for_user(user)}"
    socket = WebsocketCommunicator(application, path, headers=[ORIGIN])
    connected, _ = await socket.connect(timeout=10)
    assert connected
    return socket


async def _closed_with(socket: WebsocketCommunicator) -> int:
    output = await socket.receive_output(timeout=10)
    assert output["type"] == "websocket.close", output
    return int(output["code"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("route", sorted(SOCKETS))
async def test_sockets_refuse_strangers_with_4403_and_anonymous_with_4401(route: str):
    target = SOCKETS[route]
    owner, object_id, stranger = await _socket_world(target)

    anonymous = await _open(route, object_id, None)
    assert await _closed_with(anonymous) == CLOSE_UNAUTHENTICATED
    if target is not None:
        foreign = await _open(route, object_id, stranger)
        assert await _closed_with(foreign) == CLOSE_FORBIDDEN

    # The control: the owner's socket stays open and speaks first.
    mine = await _open(route, object_id, owner)
    frame = await mine.receive_json_from(timeout=10)
    assert frame["type"] != "error", frame
    await mine.disconnect()
