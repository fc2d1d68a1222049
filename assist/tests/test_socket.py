"""The live assist sockets: ownership, typed and spoken questions, the two voices,
pause/resume/end, reconnecting with nothing lost, the guards, and admission control."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from channels.db import database_sync_to_async

from assist import assistant as assistant_module
from assist.models import AssistLog, AssistSession
from assist.pool import reset_pool
from assist.tests.helpers import (
    assist_session,
    connect,
    frames_until,
    open_audio,
    spoken_pcm,
    stranger,
    stream,
)
from interviewgenius.ws.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND

pytestmark = pytest.mark.django_db(transaction=True)

BEHAVIORAL = "tell me about a time you disagreed with a teammate"


@database_sync_to_async
def logs(session_id: int) -> list[AssistLog]:
    return list(AssistLog.objects.filter(session_id=session_id).order_by("created_at", "id"))


@database_sync_to_async
def status_of(session_id: int) -> str:
    return AssistSession.objects.get(pk=session_id).status


async def test_someone_elses_session_is_4403_a_missing_one_4404_and_a_bad_channel_4400():
    _, session = await assist_session()
    other = await stranger()
    for path in (
        f"/ws/interview/assist/{session.pk}",
        f"/ws/interview/assist/{session.pk}/control",
    ):
        socket = await connect(other, path)
        assert await socket.receive_output(timeout=10) == {
            "type": "websocket.close",
            "code": CLOSE_FORBIDDEN,
        }
    missing = await connect(other, "/ws/interview/assist/999999")
    assert (await missing.receive_output(timeout=10))["code"] == CLOSE_NOT_FOUND
    owner = session.owner
    bad = await connect(owner, f"/ws/interview/assist/{session.pk}?channel=audience")
    error = await bad.receive_json_from(timeout=10)
    assert error["code"] == "invalid_channel"
    assert (await bad.receive_output(timeout=10))["code"] == 4400


async def test_a_typed_question_gets_a_question_card_and_a_resume_grounded_suggestion():
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_json_to({"type": "text", "text": BEHAVIORAL})
    frames = await frames_until(socket, "suggestion")
    transcript, question, suggestion = frames
    assert transcript["type"] == "transcript" and transcript["final"]
    assert question["question_type"] == "behavioral"
    assert question["segment_id"] == suggestion["segment_id"] == transcript["segment_id"]
    assert suggestion["kind"] == "star" and suggestion["final"] is True
    assert suggestion["latency_ms"] >= 0
    # The outline is built from the candidate's own job (GO_KUBERNETES's latest).
    assert "Situation" in suggestion["points"][0]
    [log] = await logs(session.pk)
    assert log.is_question and log.question_type == "behavioral" and log.source == "text"
    assert log.suggestions["points"] == suggestion["points"]
    assert {"detect", "suggest", "total"} <= set(log.timings)
    await socket.disconnect()


async def test_small_talk_and_acknowledgements_get_no_suggestion():
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    for text in ("ok great thanks", "can you hear me okay"):
        await socket.send_json_to({"type": "text", "text": text})
        frame = await socket.receive_json_from(timeout=10)
        assert frame["type"] == "transcript"
    assert await socket.receive_nothing(timeout=1)
    assert [log.is_question for log in await logs(session.pk)] == [False, False]
    await socket.disconnect()


async def test_the_same_question_asked_again_is_not_answered_twice():
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_json_to({"type": "text", "text": BEHAVIORAL})
    first = (await frames_until(socket, "suggestion"))[1]
    await socket.send_json_to({"type": "text", "text": "um so " + BEHAVIORAL + " please"})
    await socket.receive_json_from(timeout=10)  # transcript
    again = await socket.receive_json_from(timeout=10)
    assert again["type"] == "question" and again["repeat_of"] == first["segment_id"]
    assert await socket.receive_nothing(timeout=1)
    await socket.disconnect()


async def test_a_suggestion_older_than_the_newest_question_is_never_pushed(monkeypatch):
    user, session = await assist_session()
    release = asyncio.Event()
    real = assistant_module.Assistant._suggest

    async def slow_for_the_first(self, detection):
        if "disagreed" in detection.text:
            await release.wait()
        return await real(self, detection)

    monkeypatch.setattr(assistant_module.Assistant, "_suggest", slow_for_the_first)
    audio = await open_audio(user, session.pk)
    control = await connect(user, f"/ws/interview/assist/{session.pk}/control")
    await control.receive_json_from(timeout=10)  # status
    await audio.send_json_to({"type": "text", "text": BEHAVIORAL})
    await frames_until(audio, "question")
    # A newer question arrives (typed on the control socket) while the first is slow.
    await control.send_json_to(
        {"type": "text", "text": "what is the difference between a process and a thread"}
    )
    newer = await frames_until(control, "suggestion")
    assert newer[-1]["question_type"] == "technical"
    release.set()
    assert await audio.receive_nothing(timeout=1.5)
    stored = {log.transcript: log for log in await logs(session.pk)}
    assert stored[BEHAVIORAL].suggestions.get("stale") is True
    await audio.disconnect()
    await control.disconnect()


async def test_pause_ignores_audio_resume_listens_again_and_end_closes_everything(tmp_path: Path):
    user, session = await assist_session()
    audio = await open_audio(user, session.pk)
    control = await connect(user, f"/ws/interview/assist/{session.pk}/control")
    assert (await control.receive_json_from(timeout=10))["state"] == "active"

    await control.send_json_to({"type": "pause"})
    assert (await control.receive_json_from(timeout=10))["state"] == "paused"
    assert (await audio.receive_json_from(timeout=10)) == {"type": "status", "state": "paused"}
    assert await status_of(session.pk) == "paused"
    pcm = spoken_pcm("what is the difference between a process and a thread", tmp_path)
    await stream(audio, pcm)
    await audio.send_json_to({"type": "text", "text": BEHAVIORAL})
    refused = await audio.receive_json_from(timeout=10)
    assert refused["code"] == "not_active"
    assert await audio.receive_nothing(timeout=3)  # nothing transcribed while paused
    assert await logs(session.pk) == []

    await control.send_json_to({"type": "resume"})
    assert (await control.receive_json_from(timeout=10))["state"] == "active"
    assert (await audio.receive_json_from(timeout=10))["state"] == "active"
    await stream(audio, pcm)
    heard = await frames_until(audio, "suggestion", timeout=60)
    finals = [f for f in heard if f["type"] == "transcript" and f["final"]]
    assert "process" in finals[0]["text"].lower()

    await control.send_json_to({"type": "end"})
    assert (await control.receive_json_from(timeout=10))["state"] == "ended"
    assert (await audio.receive_json_from(timeout=10))["state"] == "ended"
    assert (await audio.receive_output(timeout=10))["type"] == "websocket.close"
    assert await status_of(session.pk) == "ended"
    # An ended session's socket replays what it heard, then closes.
    late = await connect(user, f"/ws/interview/assist/{session.pk}")
    assert (await late.receive_json_from(timeout=10))["state"] == "ended"


async def test_a_spoken_question_streams_to_a_transcript_a_question_and_a_suggestion(
    tmp_path: Path,
):
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    pcm = spoken_pcm("um so can you explain how you would design a rate limiter", tmp_path)
    await stream(socket, pcm)
    frames = await frames_until(socket, "suggestion", timeout=60)
    final = next(f for f in frames if f["type"] == "transcript" and f["final"])
    question = next(f for f in frames if f["type"] == "question")
    assert "explain how you would" in final["text"].lower()
    assert question["question_type"] == "technical"
    assert frames[-1]["points"]
    [log] = await logs(session.pk)
    assert log.audio_seconds and log.audio_seconds > 2
    assert {"transcribe", "detect", "suggest"} <= set(log.timings)
    await socket.disconnect()


async def test_candidate_speech_is_kept_but_never_answered(tmp_path: Path):
    user, session = await assist_session()
    socket = await open_audio(user, session.pk, channel="candidate")
    pcm = spoken_pcm("what is the difference between a process and a thread", tmp_path)
    await stream(socket, pcm)
    final = (await frames_until(socket, "transcript", timeout=60))[-1]
    while not final["final"]:
        final = await socket.receive_json_from(timeout=60)
    assert final["channel"] == "candidate"
    assert await socket.receive_nothing(timeout=1)
    [log] = await logs(session.pk)
    assert log.channel == "candidate" and not log.is_question
    await socket.disconnect()


async def test_a_minute_of_silence_costs_no_transcription():
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await stream(socket, bytes(16_000 * 2 * 60), frame=16_000)  # 60 s in 500 ms frames
    assert await socket.receive_nothing(timeout=1)
    assert await logs(session.pk) == []
    await socket.disconnect()


async def test_a_dropped_socket_keeps_what_was_being_said_and_a_reconnect_replays_it(
    tmp_path: Path,
):
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_json_to({"type": "text", "text": BEHAVIORAL})
    shown = await frames_until(socket, "suggestion")
    # Speech with no silence after it, then the connection drops mid-utterance.
    await stream(socket, spoken_pcm("how do you handle code reviews", tmp_path, silence_after=0))
    await socket.disconnect()
    stored = await logs(session.pk)
    assert len(stored) == 2 and "review" in stored[1].transcript.lower()

    again = await connect(user, f"/ws/interview/assist/{session.pk}")
    assert (await again.receive_json_from(timeout=10))["type"] == "status"
    replayed = [await again.receive_json_from(timeout=10) for _ in range(5)]
    assert all(f["replay"] for f in replayed)
    assert [f["type"] for f in replayed[:3]] == ["transcript", "question", "suggestion"]
    assert replayed[2]["points"] == shown[2]["points"]
    assert "review" in replayed[3]["text"].lower()
    await again.disconnect()


async def test_a_saturated_process_refuses_new_sockets_with_a_clear_error(settings):
    settings.ASSIST_MAX_SOCKETS = 1
    reset_pool()
    try:
        user, session = await assist_session()
        first = await open_audio(user, session.pk)
        second = await connect(user, f"/ws/interview/assist/{session.pk}?channel=candidate")
        refused = await second.receive_json_from(timeout=10)
        assert refused["code"] == "overloaded" and refused["action"] == "retry"
        assert (await second.receive_output(timeout=10))["code"] == 4429
        await first.disconnect()
        # The seat is free again.
        third = await open_audio(user, session.pk, channel="candidate")
        await third.disconnect()
    finally:
        reset_pool()


async def test_bad_frames_get_error_frames_and_the_socket_stays_up():
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_to(text_data="{not json")
    assert (await socket.receive_json_from(timeout=10))["code"] == "malformed_message"
    await socket.send_json_to({"type": "shout"})
    assert (await socket.receive_json_from(timeout=10))["code"] == "unknown_type"
    await socket.send_json_to({"type": "text", "text": ""})
    assert (await socket.receive_json_from(timeout=10))["code"] == "invalid_text"
    await socket.send_json_to({"type": "config", "sample_rate": 96_000})
    assert (await socket.receive_json_from(timeout=10))["code"] == "invalid_config"
    await socket.send_json_to({"type": "config", "language": "fr"})
    assert (await socket.receive_json_from(timeout=10))["code"] == "invalid_config"
    await socket.send_to(bytes_data=bytes(16_000 * 2 * 11))
    assert (await socket.receive_json_from(timeout=10))["code"] == "frame_too_large"
    await socket.send_to(bytes_data=b"\x01")  # half a sample: kept for the next frame
    await socket.send_json_to({"type": "text", "text": BEHAVIORAL})
    assert (await frames_until(socket, "suggestion"))[-1]["points"]
    await socket.disconnect()


async def test_audio_at_another_sample_rate_is_resampled(tmp_path: Path):
    import numpy as np

    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_json_to({"type": "config", "sample_rate": 48_000})
    pcm16k = np.frombuffer(spoken_pcm("explain how a hash map works", tmp_path), "<i2")
    pcm48k = np.repeat(pcm16k, 3).astype("<i2").tobytes()
    await stream(socket, pcm48k, frame=9_600)
    frames = await frames_until(socket, "question", timeout=60)
    assert "map works" in frames[-1]["text"].lower()
    await socket.disconnect()


async def test_with_an_llm_the_points_stream_in_after_the_template_card(llm):
    from tests.llm_server import Reply

    llm.script(
        Reply.text(
            "- Open with the sprint planning clash at your last team\n"
            "- Say how you proposed a spike to settle it\n"
            "- Close with the release that shipped on time\n",
            chunk_size=9,
            chunk_delay=0.02,
        )
    )
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_json_to({"type": "text", "text": BEHAVIORAL})
    template = (await frames_until(socket, "suggestion"))[-1]
    assert template["source"] == "template" and template["final"] is False
    updates = []
    while True:
        frame = await socket.receive_json_from(timeout=10)
        updates.append(frame)
        if frame.get("final"):
            break
    assert all(f["source"] == "llm" for f in updates)
    # The points grew one finished line at a time.
    assert [len(f["points"]) for f in updates[:-1]] == sorted(
        len(f["points"]) for f in updates[:-1]
    )
    assert updates[-1]["points"][2] == "Close with the release that shipped on time"
    [log] = await logs(session.pk)
    assert log.suggestions["source"] == "llm"
    assert log.suggestions["template_points"] == template["points"]
    request = llm.requests[0]
    assert request["stream"] is True and BEHAVIORAL.split()[-1] in str(request["messages"])
    await socket.disconnect()


async def test_when_the_llm_fails_the_template_card_stands(llm):
    from tests.llm_server import Reply

    llm.script(*[Reply.error(500, "boom")] * 3)
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_json_to({"type": "text", "text": BEHAVIORAL})
    template = (await frames_until(socket, "suggestion"))[-1]
    final = await socket.receive_json_from(timeout=10)
    assert final["final"] is True and final["points"] == template["points"]
    [log] = await logs(session.pk)
    assert log.suggestions["llm_error"] == "server_error"
    await socket.disconnect()


async def test_latency_by_stage_and_open_sockets_are_on_the_metrics_page(settings):
    from rest_framework.test import APIClient

    settings.METRICS_TOKEN = "m-token"
    user, session = await assist_session()
    socket = await open_audio(user, session.pk)
    await socket.send_json_to({"type": "text", "text": BEHAVIORAL})
    await frames_until(socket, "suggestion")

    @database_sync_to_async
    def scrape() -> str:
        return APIClient().get("/metrics", HTTP_AUTHORIZATION="Bearer m-token").content.decode()

    text = await scrape()
    assert 'ig_assist_latency_seconds_count{stage="suggest"}' in text
    assert 'ig_assist_active_sockets{channel="interviewer"}' in text
    assert "ig_assist_admission_refusals_total" in text
    assert "ig_assist_dropped_partials_total" in text
    await socket.disconnect()
