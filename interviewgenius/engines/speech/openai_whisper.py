"""The openai-whisper backend: the reference PyTorch implementation, on CPU.

Its loader downloads official checkpoints by name; here nothing may be downloaded, so
a name is only accepted when its checkpoint already lies in ``VAR_DIR/whisper/`` and
matches the sha256 whisper itself publishes for it (embedded in the download URL).
openai-whisper has no neural voice-activity filter, so an energy gate stands in: a clip
with no voiced frames is never decoded, and segments over unvoiced audio are dropped.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from interviewgenius.engines.speech import guards
from interviewgenius.engines.speech.audio import SAMPLE_RATE, Samples
from interviewgenius.engines.speech.config import SpeechConfig
from interviewgenius.engines.speech.errors import EngineUnavailableError, ModelNotFoundError
from interviewgenius.engines.speech.faster import check_language
from interviewgenius.engines.speech.packaged import verify_sha256
from interviewgenius.engines.speech.types import Segment, Transcript, Word

TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # whisper's fallback schedule


class OpenAIWhisperEngine:
    name = "openai-whisper"

    def __init__(self, config: SpeechConfig) -> None:
        try:
            import torch
            import whisper
        except ImportError as exc:
            raise EngineUnavailableError(
                "openai-whisper is not installed "
                "(pip install --no-deps -r requirements-whisper.txt)"
            ) from exc
        self._whisper = whisper
        self.model = config.model
        self._beam_size = config.beam_size
        if config.cpu_threads:
            # Process-wide in PyTorch: the last engine built decides.
            torch.set_num_threads(config.cpu_threads)
        self._model = _load(whisper, config.model, var_dir=config.var_dir)
        self._multilingual = bool(self._model.is_multilingual)
        # PyTorch modules are not documented as safe for concurrent forward passes (the
        # decoder keeps a key/value cache in hooks), so calls take turns.
        self._lock = threading.Lock()

    def transcribe(
        self,
        audio: Samples,
        *,
        language: str | None = None,
        beam_size: int | None = None,
        word_timestamps: bool = True,
    ) -> Transcript:
        check_language(language, multilingual=self._multilingual, model=self.model)
        duration = len(audio) / SAMPLE_RATE
        voiced = guards.voiced_frames(audio, SAMPLE_RATE)
        fallback_language = language or "en"
        if not guards.has_voice(voiced):
            return Transcript.from_segments(
                [],
                language=fallback_language,
                duration=duration,
                engine=self.name,
                model=self.model,
            )
        beams = beam_size or self._beam_size
        options: dict[str, Any] = {"beam_size": beams} if beams > 1 else {}
        with self._lock:
            result = self._whisper.transcribe(
                self._model,
                audio,
                language=language if self._multilingual else "en",
                temperature=TEMPERATURES,
                condition_on_previous_text=False,
                no_speech_threshold=guards.NO_SPEECH_PROB_MAX,
                logprob_threshold=guards.AVG_LOGPROB_MIN,
                word_timestamps=word_timestamps,
                fp16=False,  # CPU
                verbose=None,  # no progress output
                **options,
            )
        segments = [_segment(raw) for raw in result["segments"]]
        segments = [s for s in segments if guards.segment_is_voiced(voiced, s)]
        return Transcript.from_segments(
            guards.clean_segments(segments),
            language=str(result.get("language") or fallback_language),
            duration=duration,
            engine=self.name,
            model=self.model,
        )


def _segment(raw: dict[str, Any]) -> Segment:
    return Segment(
        text=str(raw["text"]).strip(),
        start=float(raw["start"]),
        end=float(raw["end"]),
        no_speech_prob=float(raw["no_speech_prob"]),
        avg_logprob=float(raw["avg_logprob"]),
        words=tuple(
            Word(
                text=str(w["word"]),
                start=float(w["start"]),
                end=float(w["end"]),
                probability=float(w["probability"]),
            )
            for w in raw.get("words", [])
        ),
    )


def _load(whisper: Any, model: str, *, var_dir: Path) -> Any:
    path = Path(model).expanduser()
    if path.is_file():
        return whisper.load_model(str(path), device="cpu")
    if model in whisper._MODELS:
        download_root = var_dir / "whisper"
        checkpoint = download_root / f"{model}.pt"
        if not checkpoint.is_file():
            raise ModelNotFoundError(
                f"no checkpoint for the openai-whisper model {model!r}: put the official "
                f"{model}.pt at {checkpoint} (it is never downloaded at run time)"
            )
        # The URL's second-to-last part is the checkpoint's sha256. Verified here, whisper's
        # own check then passes and its loader never reaches for the network.
        expected = whisper._MODELS[model].split("/")[-2]
        verify_sha256(checkpoint, expected, what=f"openai-whisper checkpoint {model!r}")
        # By name (not path), so that whisper applies the model's word-alignment heads.
        return whisper.load_model(model, device="cpu", download_root=str(download_root))
    raise ModelNotFoundError(
        f"WHISPER_MODEL {model!r} is neither a checkpoint file nor an official "
        "openai-whisper model name"
    )
