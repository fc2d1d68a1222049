"""One hierarchy for everything speech-to-text refuses, with a code callers can map."""

from __future__ import annotations


class SpeechError(Exception):
    code = "speech_error"


class AudioDecodeError(SpeechError):
    """The bytes are not audio ffmpeg can read (or hold no samples)."""

    code = "audio_undecodable"


class AudioTooLongError(SpeechError):
    code = "audio_too_long"


class ToolMissingError(SpeechError):
    """A program the engine runs (ffmpeg) is not installed."""

    code = "tool_missing"


class ModelNotFoundError(SpeechError):
    """The configured model is neither a packaged name nor an existing local path."""

    code = "model_not_found"


class ModelIntegrityError(SpeechError):
    """A packaged model's weights do not match the pinned checksum: never loaded."""

    code = "model_integrity"


class LanguageUnsupportedError(SpeechError):
    """A language was asked of an English-only model (``*.en``): its output would be noise."""

    code = "language_unsupported"


class EngineUnavailableError(SpeechError):
    """The configured backend's library is not installed."""

    code = "engine_unavailable"
