"""The speech settings an engine is built from (hashable: engines are cached by it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ENGINES = ("faster-whisper", "openai-whisper")


@dataclass(frozen=True)
class SpeechConfig:
    engine: str = "faster-whisper"
    model: str = "tiny.en"
    compute_type: str = "int8"
    cpu_threads: int = 0  # 0: the library's default
    beam_size: int = 5
    var_dir: Path = Path("var")

    @classmethod
    def from_django(cls, *, engine: str | None = None, model: str | None = None) -> SpeechConfig:
        """The configured settings, with the engine or model overridden when given."""
        from django.conf import settings

        return cls(
            engine=engine or settings.SPEECH_ENGINE,
            model=model or settings.WHISPER_MODEL,
            compute_type=settings.WHISPER_COMPUTE_TYPE,
            cpu_threads=settings.WHISPER_CPU_THREADS,
            beam_size=settings.WHISPER_BEAM_SIZE,
            var_dir=Path(settings.VAR_DIR),
        )

    @classmethod
    def for_language(cls, language: str | None) -> SpeechConfig:
        """The configured settings, switched to the multilingual model when the configured
        one is English-only and the speech is not English."""
        from django.conf import settings

        english_only = str(settings.WHISPER_MODEL).endswith(".en")
        if language and language != "en" and english_only:
            return cls.from_django(model=settings.WHISPER_MULTILINGUAL_MODEL)
        return cls.from_django()
