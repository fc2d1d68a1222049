"""Engines shared by every app: encryption, storage helpers (LLM, speech and NLP later)."""
