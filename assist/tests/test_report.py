"""The light report of a live-assist session, and marking suggestions as used."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from accounts.tests.test_auth_api import assert_error
from assist.models import AssistLog
from assist.tests.helpers import assist_session, connect, frames_until, open_audio, stranger
from resumes.tests.test_api import client_for

pytestmark = pytest.mark.django_db(transaction=True)

BEHAVIORAL = "tell me about a time you disagreed with a teammate"
TECHNICAL = "how would you scale a kubernetes deployment under heavy load"


@database_sync_to_async
def report_of(user, session_id):
    return client_for(user).get(f"/api/interview/assist/{session_id}/report")


async def ask(socket, text):
    await socket.send_json_to({"type": "text", "text": text})
    frames = await frames_until(socket, "suggestion", timeout=60)
    return next(f for f in frames if f["type"] == "question")["segment_id"]


async def test_the_report_counts_questions_types_and_used_suggestions():
    user, session = await assist_session()
    audio = await open_audio(user, session.pk)
    behavioral = await ask(audio, BEHAVIORAL)
    await ask(audio, TECHNICAL)
    await audio.send_json_to({"type": "text", "text": "thanks, that was great"})  # not a question

    control = await connect(user, f"/ws/interview/assist/{session.pk}/control")
    await control.receive_json_from(timeout=10)  # status
    await control.send_json_to({"type": "used", "segment_id": behavioral, "used": True})
    assert await control.receive_json_from(timeout=10) == {
        "type": "used",
        "segment_id": behavioral,
        "used": True,
    }
    await control.send_json_to({"type": "used", "segment_id": "no-such-segment"})
    assert (await control.receive_json_from(timeout=10))["code"] == "unknown_segment"
    await control.send_json_to({"type": "used", "segment_id": behavioral, "used": "yes"})
    assert (await control.receive_json_from(timeout=10))["code"] == "invalid_used"

    response = await report_of(user, session.pk)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["questions_faced"] == 2 and body["suggestions_used"] == 1
    assert body["by_type"] == {"technical": 1, "behavioral": 1, "situational": 0}
    used = {q["segment_id"]: q["suggestion_used"] for q in body["questions"]}
    assert used[behavioral] is True and sum(used.values()) == 1
    topics = body["topics_to_prepare"]
    assert topics and topics[-1]["suggestions_used"] >= 0
    # The topic the used suggestion covered ranks after those the candidate faced unaided.
    helped = [t for t in topics if t["suggestions_used"]]
    assert helped and topics.index(helped[0]) == len(topics) - len(helped)

    # A reconnecting console sees which cards were used.
    again = await open_audio(user, session.pk)
    replayed = await frames_until(again, "suggestion", timeout=10)
    card = next(f for f in replayed if f["type"] == "suggestion")
    assert card["replay"] is True and "used" in card
    for socket in (audio, control, again):
        await socket.disconnect()


async def test_marking_and_reading_are_the_owners_only():
    user, session = await assist_session()
    audio = await open_audio(user, session.pk)
    segment = await ask(audio, BEHAVIORAL)
    await audio.disconnect()
    other = await stranger()

    response = await report_of(other, session.pk)
    assert_error(response, 404, "not_found")

    @database_sync_to_async
    def mark(who, used):
        return client_for(who).post(
            f"/api/interview/assist/{session.pk}/used",
            {"segment_id": segment, "used": used},
            format="json",
        )

    assert_error(await mark(other, True), 404, "not_found")
    response = await mark(user, True)
    assert response.status_code == 200 and response.json()["suggestion_used"] is True
    response = await mark(user, False)
    assert response.json()["suggestion_used"] is False
    log = await database_sync_to_async(AssistLog.objects.get)(segment_id=segment)
    assert log.suggestion_used is False
