"""Schemathesis against the live API: every operation of /api/schema/, as a signed-in user.

A real Daphne server on the test database answers generated requests, valid and
invalid, for every operation. No answer may be a 5xx, every answer must match the
schema (status code, body), and every error must have the shared error shape. Some
requests are pointed at objects the user really owns (a parsed resume, a config, a
generation, interviews in progress and finished, a report, an assist session), so the
fuzzer reaches past the 404 of an unknown id into the code that handles real objects.

Bounded and derandomized: the same requests on every run, in under a minute on a
2-core machine. Multipart audio answers are fuzzed too: random bytes are not speech, so
they end as the 422 that asks for a typed answer, which is what such a request should get.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(400)]

# Examples per operation: ~50 operations x 40 take under a minute on a 2-core machine,
# and CI repeats the same ones (derandomized). FUZZ_MAX_EXAMPLES digs deeper locally.
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "40"))
EMAIL = "fuzz@example.com"
PASSWORD = "fuzz-a-long-passphrase-9"


@dataclass
class FuzzContext:
    token: str
    # Path and body parameter names -> ids of real objects the user owns.
    ids: dict[str, list[int]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def fuzz_server(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Like the ``live_asgi`` fixture, but configured as in production (DEBUG=0, so a
    404 or 500 is the JSON error a client sees, not Django's debug page) and with rate
    limits a fuzzer does not reach (a 429 for every request would test nothing)."""
    from django.conf import settings as django_settings
    from django.db import connection

    from tests.processes import daphne_server, production_like_env

    with django_db_blocker.unblock():
        database_name = str(connection.settings_dict["NAME"])
    env = production_like_env(
        IG_LIVE_DATABASE_NAME=database_name,
        THROTTLE_USER_RATE="100000/minute",
        THROTTLE_ANON_RATE="100000/minute",
        THROTTLE_AUTH_RATE="100000/minute",
        THROTTLE_GENERATE_RATE="100000/minute",
    )
    var = Path(django_settings.VAR_DIR)
    var.mkdir(parents=True, exist_ok=True)
    with open(var / "fuzz-daphne.log", "wb") as log, daphne_server(env, log) as address:
        yield address


def _seed_objects(email: str) -> dict[str, list[int]]:
    """One object of each kind, owned by the user, made the way the app makes them."""
    from accounts.models import User
    from assist.services import start_session
    from feedback import services as feedback
    from feedback.tests.factories import finished_interview
    from interviews.services import start_interview
    from questions.services import generate_questions
    from questions.tests.factories import (
        GO_KUBERNETES,
        load_bank,
        parsed_resume,
        technical_medium_config,
    )

    user = User.objects.get(email=email)
    load_bank()
    resume = parsed_resume(user, GO_KUBERNETES)
    config = technical_medium_config(user)
    generation = generate_questions(user=user, resume=resume, count=3, engine="template")
    finished = finished_interview(user, resume=resume, count=2)
    report, _queued = feedback.request_report(session=finished)
    if feedback.claim(report.pk, report.attempt):
        feedback.generate(report.pk, report.attempt)
    running = start_interview(user=user, resume=resume, count=3, language="en")
    assist = start_session(user=user, resume_id=resume.pk, interview_id=running.pk)
    resumes = [resume.pk]
    interviews = [running.pk, finished.pk]
    return {
        "resume_id": resumes,
        "config_id": [config.pk],
        "session_id": interviews,
        "interview_session_id": interviews,
        # Path ids, by the path segment before the id.
        "resumes": resumes,
        "questions": resumes,
        "configs": [config.pk],
        "generations": [generation.log.pk],
        "interviews": interviews,
        "assist": [assist.pk],
        "feedback": [report.pk],
    }


@pytest.fixture
def token(fuzz_server: str, transactional_db: Any) -> str:
    """A user registered through the API, as a client would; their access token."""
    response = requests.post(
        f"http://{fuzz_server}/api/auth/register",
        json={"email": EMAIL, "password": PASSWORD},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["access"])


@pytest.fixture
def fuzz_context(token: str, eager_tasks: Any) -> FuzzContext:
    return FuzzContext(token=token, ids=_seed_objects(EMAIL))


@pytest.fixture
def api_schema(fuzz_server: str, token: str) -> schemathesis.BaseSchema:
    config = schemathesis.Config.from_dict(
        {
            "headers": {"Authorization": f"Bearer {token}"},
            "request-timeout": 30,
            # The bearer token is sent with every request; generating others tests nothing.
            "generation": {"with-security-parameters": False},
        }
    )
    return schemathesis.openapi.from_url(
        f"http://{fuzz_server}/api/schema/", config=config, timeout=30
    )


def error_shape(ctx: Any, response: schemathesis.Response, case: schemathesis.Case) -> None:
    """Every error carries the shared shape: {"error": {"code", "message", ...}}."""
    if response.status_code < 400:
        return
    try:
        body = response.json()
    except ValueError:
        raise AssertionError(f"{response.status_code} without a JSON body") from None
    error = body.get("error") if isinstance(body, dict) else None
    assert isinstance(error, dict), f"{response.status_code} without the error shape: {body!r}"
    assert isinstance(error.get("code"), str), f"error without a code: {body!r}"
    assert isinstance(error.get("message"), str), f"error without a message: {body!r}"


def _answered_by_twisted(response: schemathesis.Response, case: schemathesis.Case) -> bool:
    """Twisted, under Daphne, parses multipart bodies itself and answers one it cannot
    parse with a bare 400 before the app sees it (twisted/twisted#9739, django/daphne#447):
    no body, no request id. Django would have refused it with the error shape."""
    return (
        response.status_code == 400
        and (case.media_type or "").startswith("multipart/")
        and "x-request-id" not in response.headers
        and not response.content
    )


def _from_the_app(check: Any) -> Any:
    def checked(ctx: Any, response: schemathesis.Response, case: schemathesis.Case) -> Any:
        if _answered_by_twisted(response, case):
            return None
        return check(ctx, response, case)

    checked.__name__ = check.__name__
    return checked


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    _from_the_app(content_type_conformance),
    _from_the_app(response_schema_conformance),
    _from_the_app(error_shape),
]


def _point_at_real_objects(case: schemathesis.Case, data: Any, ids: dict[str, list[int]]) -> None:
    """Half the time, swap generated ids for ids of objects the user owns."""
    # The kind of object a path names is the segment before its id:
    # /api/interviews/{session_id}/feedback is an interview, /api/interview/feedback/{id} a report.
    segments = case.operation.path.strip("/").split("/")
    kind = next(
        (before for before, seg in itertools.pairwise(segments) if seg.startswith("{")), None
    )
    kind = kind if kind in ids else None
    for name in list(case.path_parameters or {}):
        if kind is not None and data.draw(st.booleans(), label=f"real {name}"):
            case.path_parameters[name] = data.draw(st.sampled_from(ids[kind]))
    if isinstance(case.body, dict):
        for name in list(case.body):
            if name in ids and data.draw(st.booleans(), label=f"real {name}"):
                case.body[name] = data.draw(st.sampled_from(ids[name]))


def _cases(operation: schemathesis.APIOperation) -> st.SearchStrategy[schemathesis.Case]:
    """Requests the schema allows, and requests it does not (wrong types, missing or
    extra fields, out-of-range values): both must be answered without a 5xx."""
    return st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )


def _fuzz(operation: schemathesis.APIOperation, context: FuzzContext) -> None:
    headers = {"Authorization": f"Bearer {context.token}"}

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,  # the same requests on every run: CI is deterministic
        database=None,
        # The server's time per request is bounded by the request timeout of the
        # schema's config, the whole run by the test's timeout.
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_cases(operation), data=st.data())
    def run(case: schemathesis.Case, data: Any) -> None:
        _point_at_real_objects(case, data, context.ids)
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


def test_api_answers_every_generated_request_by_its_schema(
    api_schema: schemathesis.BaseSchema, fuzz_context: FuzzContext, subtests: pytest.Subtests
) -> None:
    # Schemathesis's own pytest integration (schema.parametrize, from_fixture) does not
    # run under pytest 9.2 (it sets Node._nodeid, which pytest renamed), so each
    # operation is a subtest here, driven through the public strategy API.
    operations = []
    for result in api_schema.get_all_operations():
        assert isinstance(result, Ok), f"the schema has an invalid operation: {result.err()}"
        operations.append(result.ok())
    assert len(operations) >= 50, [op.label for op in operations]
    # Deletions last: a real object deleted early would leave nothing for the others.
    operations.sort(key=lambda op: op.method.upper() == "DELETE")
    for operation in operations:
        with subtests.test(msg=operation.label):
            _fuzz(operation, fuzz_context)


def test_methods_the_schema_does_not_list_are_refused_with_the_error_shape(
    fuzz_server: str, token: str, api_schema: schemathesis.BaseSchema, subtests: pytest.Subtests
) -> None:
    """OPTIONS, and every method a path does not document: never a 5xx (OPTIONS on the
    open auth endpoints was one), a 405 in the error shape."""
    headers = {"Authorization": f"Bearer {token}"}
    for path, item in api_schema.raw_schema["paths"].items():
        url = f"http://{fuzz_server}" + re.sub(r"\{[^}]+\}", "1", path)
        for method in ["OPTIONS", *(m for m in METHODS if m.lower() not in item)]:
            with subtests.test(msg=f"{method} {path}"):
                response = requests.request(method, url, headers=headers, timeout=30)
                assert response.status_code < 500, response.text
                if method == "OPTIONS":
                    assert response.status_code in (200, 404), response.text
                else:
                    assert response.status_code in (404, 405), response.text
                    error = response.json()["error"]
                    assert isinstance(error["code"], str) and isinstance(error["message"], str)
