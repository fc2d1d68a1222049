"""Engines shared by every app: encryption, the LLM client, speech-to-text (NLP later)."""
