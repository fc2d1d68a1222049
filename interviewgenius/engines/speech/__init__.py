"""Speech-to-text shared by every app: Whisper through faster-whisper or openai-whisper.

Use ``transcribe`` / ``transcribe_async``; everything they refuse is a ``SpeechError``.
"""

from interviewgenius.engines.speech.audio import (
    MAX_AUDIO_SECONDS,
    SAMPLE_RATE,
    decode_audio,
    decode_pcm16,
)
from interviewgenius.engines.speech.config import ENGINES, SpeechConfig
from interviewgenius.engines.speech.engine import get_engine, transcribe, transcribe_async
from interviewgenius.engines.speech.errors import (
    AudioDecodeError,
    AudioTooLongError,
    EngineUnavailableError,
    LanguageUnsupportedError,
    ModelIntegrityError,
    ModelNotFoundError,
    SpeechError,
    ToolMissingError,
)
from interviewgenius.engines.speech.types import Segment, Transcript, Word

__all__ = [
    "ENGINES",
    "MAX_AUDIO_SECONDS",
    "SAMPLE_RATE",
    "AudioDecodeError",
    "AudioTooLongError",
    "EngineUnavailableError",
    "LanguageUnsupportedError",
    "ModelIntegrityError",
    "ModelNotFoundError",
    "Segment",
    "SpeechConfig",
    "SpeechError",
    "ToolMissingError",
    "Transcript",
    "Word",
    "decode_audio",
    "decode_pcm16",
    "get_engine",
    "transcribe",
    "transcribe_async",
]
