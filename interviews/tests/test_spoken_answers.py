"""Spoken answers end to end with the real speech engine (faster-whisper, tiny.en):
an answer synthesised with espeak-ng goes through the REST upload and the WebSocket."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from channels.db import database_sync_to_async
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.tests.test_auth_api import assert_error
from conftest import require_tool
from interviews import services
from interviews.models import InterviewEvaluation
from interviews.tests.test_socket import connect, started_session
from questions.tests.factories import GO_KUBERNETES, parsed_resume

ANSWER = (
    "I profiled the service, found a slow database query, added an index, "
    "and cut the response time in half."
)


@pytest.fixture(scope="module")
def spoken_answer(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    espeak = require_tool("espeak-ng")
    path: Path = tmp_path_factory.mktemp("speech") / "answer.wav"
    subprocess.run([espeak, "-v", "en-us", "-s", "150", "-w", str(path), ANSWER], check=True)
    return path.read_bytes()


@pytest.mark.django_db
def test_a_recorded_answer_is_transcribed_and_analysed(
    user, auth_api, question_bank, spoken_answer
):
    resume = parsed_resume(user, GO_KUBERNETES)
    session = services.start_interview(user=user, resume=resume, count=3)
    upload = SimpleUploadedFile("answer.wav", spoken_answer, content_type="audio/wav")
    response = auth_api.post(
        f"/api/interviews/{session.pk}/answer", {"audio": upload}, format="multipart"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    heard = body["transcript"].lower()
    assert "index" in heard and "query" in heard
    evaluation = body["evaluation"]
    assert evaluation["input_mode"] == "audio" and evaluation["audio_duration"] > 3
    assert evaluation["delivery_score"] is not None
    assert "words_per_minute" in evaluation["evidence"]


@pytest.mark.django_db
def test_unusable_audio_asks_for_typing_and_the_interview_goes_on(user, auth_api, question_bank):
    resume = parsed_resume(user, GO_KUBERNETES)
    session = services.start_interview(user=user, resume=resume, count=3)
    junk = SimpleUploadedFile("answer.webm", b"not audio at all" * 100, content_type="audio/webm")
    refused = auth_api.post(
        f"/api/interviews/{session.pk}/answer", {"audio": junk}, format="multipart"
    )
    error = assert_error(refused, 422, "speech_failed")
    assert error["details"]["action"] == "text_input"
    assert not InterviewEvaluation.objects.exists()
    typed = auth_api.post(f"/api/interviews/{session.pk}/answer", {"text": ANSWER}, format="json")
    assert typed.status_code == 200


@pytest.mark.django_db(transaction=True)
async def test_a_spoken_answer_over_the_websocket(spoken_answer):
    user, session = await started_session()
    socket = await connect(user, session.pk)
    assert (await socket.receive_json_from(timeout=10))["type"] == "question"
    half = len(spoken_answer) // 2
    await socket.send_to(bytes_data=spoken_answer[:half])
    await socket.send_to(bytes_data=spoken_answer[half:])
    await socket.send_json_to({"type": "answer_end"})
    transcript = await socket.receive_json_from(timeout=60)
    assert transcript["type"] == "transcript" and "index" in transcript["text"].lower()
    analysis = await socket.receive_json_from(timeout=30)
    assert analysis["type"] == "analysis"
    assert analysis["evaluation"]["input_mode"] == "audio"
    assert (await socket.receive_json_from(timeout=10))["type"] == "question"

    await socket.send_json_to({"type": "answer_end"})  # nothing recorded
    error = await socket.receive_json_from(timeout=10)
    assert error["code"] == "no_audio"
    await socket.disconnect()
    assert await database_sync_to_async(InterviewEvaluation.objects.count)() == 1


@pytest.mark.django_db
def test_a_chinese_interview_is_heard_by_the_multilingual_model(user, question_bank, tmp_path):
    """tiny.en cannot hear Chinese; a Chinese session switches to the multilingual model.

    There is no real Chinese speech among the fixtures, and espeak-ng's Mandarin is too
    synthetic for Whisper base to transcribe well (it hears mostly digits), so this checks
    the model choice and that speech comes back as words, not transcription quality.
    """
    from questions.tests.factories import ZH_JAVA

    espeak = require_tool("espeak-ng")
    spoken = tmp_path / "zh.wav"
    subprocess.run(
        [espeak, "-v", "cmn", "-s", "130", "-w", str(spoken), "我用索引优化了慢查询。"],
        check=True,
    )
    session = services.start_interview(user=user, resume=parsed_resume(user, ZH_JAVA), count=2)
    assert session.language == "zh"
    transcript = services.transcribe_answer(session=session, audio=spoken.read_bytes())
    assert transcript.model == "base" and transcript.language == "zh"
    assert transcript.text.strip()
