"""The interview over a WebSocket: question on connect, answer -> analysis -> next
question, resume after a dropped connection, and 4403 for someone else's session."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from rest_framework_simplejwt.tokens import AccessToken

from accounts.tests.factories import make_user
from interviewgenius.asgi import application
from interviewgenius.ws.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND
from interviews import services
from questions.tests.factories import GO_KUBERNETES, load_bank, parsed_resume

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = (b"origin", b"http://localhost")


@database_sync_to_async
def started_session():
    load_bank()
    user = make_user()
    resume = parsed_resume(user, GO_KUBERNETES)
    session = services.start_interview(user=user, resume=resume, count=2)
    return user, session


async def connect(user, session_id: int) -> WebsocketCommunicator:
    token = AccessToken.for_user(user)
    communicator = WebsocketCommunicator(
        application, f"/ws/interviews/{session_id}?token={token}", headers=[ORIGIN]
    )
    connected, _ = await communicator.connect(timeout=10)
    assert connected
    return communicator


async def test_question_answer_analysis_next_question_and_resume():
    user, session = await started_session()
    socket = await connect(user, session.pk)
    first = await socket.receive_json_from(timeout=10)
    assert first["type"] == "question"
    assert first["question"]["id"] == session.current_item_id

    await socket.send_json_to({"type": "answer", "text": "I am not sure."})
    analysis = await socket.receive_json_from(timeout=30)
    assert analysis["type"] == "analysis"
    assert 0 <= analysis["evaluation"]["overall_score"] <= 100
    follow_up = await socket.receive_json_from(timeout=10)
    assert follow_up["type"] == "question" and follow_up["question"]["is_follow_up"]
    await socket.disconnect()

    # A new connection resumes at the same question.
    again = await connect(user, session.pk)
    resumed = await again.receive_json_from(timeout=10)
    assert resumed["question"]["id"] == follow_up["question"]["id"]

    await again.send_json_to({"type": "shout"})
    assert (await again.receive_json_from(timeout=10))["code"] == "unknown_type"
    await again.send_to(text_data="{not json")
    assert (await again.receive_json_from(timeout=10))["code"] == "malformed_message"
    await again.disconnect()


async def test_someone_elses_session_is_closed_with_4403_and_a_missing_one_4404():
    _, session = await started_session()
    stranger = await database_sync_to_async(make_user)()
    socket = await connect(stranger, session.pk)
    assert await socket.receive_output(timeout=10) == {
        "type": "websocket.close",
        "code": CLOSE_FORBIDDEN,
    }
    missing = await connect(stranger, 999_999)
    assert await missing.receive_output(timeout=10) == {
        "type": "websocket.close",
        "code": CLOSE_NOT_FOUND,
    }


async def test_a_finished_interview_says_so():
    user, session = await started_session()
    await database_sync_to_async(services.finish_interview)(session=session)
    socket = await connect(user, session.pk)
    frame = await socket.receive_json_from(timeout=10)
    assert frame["type"] == "finished" and frame["session"]["status"] == "reviewing"
    await socket.send_json_to({"type": "answer", "text": "too late"})
    error = await socket.receive_json_from(timeout=10)
    assert error["type"] == "error" and error["code"] == "invalid_transition"
    await socket.disconnect()
