"""The faster-whisper backend: CTranslate2, int8 on CPU, Silero VAD in front."""

from __future__ import annotations

from interviewgenius.engines.speech import guards
from interviewgenius.engines.speech.audio import SAMPLE_RATE, Samples
from interviewgenius.engines.speech.config import SpeechConfig
from interviewgenius.engines.speech.errors import EngineUnavailableError, LanguageUnsupportedError
from interviewgenius.engines.speech.packaged import resolve_model_dir
from interviewgenius.engines.speech.types import Segment, Transcript, Word

# Whisper's temperature fallback: retry a window that decodes badly (loops, low
# confidence) a little more randomly instead of keeping the bad decode.
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


class FasterWhisperEngine:
    name = "faster-whisper"

    def __init__(self, config: SpeechConfig) -> None:
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:
            raise EngineUnavailableError(
                "faster-whisper is not installed (pip install -r requirements.txt)"
            ) from exc
        self.model = config.model
        self._beam_size = config.beam_size
        model_dir = resolve_model_dir(config.model, var_dir=config.var_dir)
        # local_files_only: a directory is loaded as is; never a hub look-up.
        self._model = WhisperModel(
            str(model_dir),
            device="cpu",
            compute_type=config.compute_type,
            cpu_threads=config.cpu_threads,
            local_files_only=True,
        )

    def transcribe(
        self,
        audio: Samples,
        *,
        language: str | None = None,
        beam_size: int | None = None,
        word_timestamps: bool = True,
    ) -> Transcript:
        multilingual = self._model.model.is_multilingual
        check_language(language, multilingual=multilingual, model=self.model)
        raw_segments, info = self._model.transcribe(
            audio,
            language=language if multilingual else "en",
            beam_size=beam_size or self._beam_size,
            temperature=list(TEMPERATURES),
            vad_filter=True,
            condition_on_previous_text=False,
            no_speech_threshold=guards.NO_SPEECH_PROB_MAX,
            log_prob_threshold=guards.AVG_LOGPROB_MIN,
            word_timestamps=word_timestamps,
        )
        # The segments are a lazy generator: decoding happens while this list is built.
        segments = [
            Segment(
                text=s.text.strip(),
                start=s.start,
                end=s.end,
                no_speech_prob=s.no_speech_prob,
                avg_logprob=s.avg_logprob,
                words=tuple(
                    Word(text=w.word, start=w.start, end=w.end, probability=w.probability)
                    for w in (s.words or [])
                ),
            )
            for s in raw_segments
        ]
        return Transcript.from_segments(
            guards.clean_segments(segments),
            language=info.language,
            duration=len(audio) / SAMPLE_RATE,
            engine=self.name,
            model=self.model,
        )


def check_language(language: str | None, *, multilingual: bool, model: str) -> None:
    if language not in (None, "en") and not multilingual:
        raise LanguageUnsupportedError(
            f"the model {model!r} understands English only; "
            f"set WHISPER_MODEL to a multilingual model (e.g. base) for {language!r}"
        )
