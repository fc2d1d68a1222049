"""AES-256-GCM encryption of bytes, with the key id stored beside each ciphertext.

Layout of a ciphertext (all of it authenticated)::

    b"IG1" | len(key_id): 1 byte | key_id (ASCII) | nonce: 12 bytes | ciphertext+tag

The header is the GCM associated data, so a ciphertext cannot be passed off as made
with another key. Keys come from ``settings.ENCRYPTION_KEYS`` as ``kid:base64key``
pairs, newest first: the newest encrypts, every listed key decrypts, which is what lets
keys rotate (add a new key in front, run ``manage.py rotate_encryption_keys``, then
drop the old one).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"IG1"
NONCE_BYTES = 12  # the GCM standard nonce size; random nonces are safe up to ~2**32 messages/key
KEY_BYTES = 32  # AES-256
_KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


class CryptoError(Exception):
    """Base class: the configuration or a ciphertext is unusable."""


class KeyConfigError(CryptoError):
    pass


class DecryptionError(CryptoError):
    pass


@dataclass(frozen=True)
class Keyring:
    """Keys by id; ``primary_id`` names the key that encrypts."""

    keys: dict[str, bytes]
    primary_id: str

    @classmethod
    def parse(cls, spec: str) -> Keyring:
        keys: dict[str, bytes] = {}
        order: list[str] = []
        for item in (part.strip() for part in spec.split(",")):
            if not item:
                continue
            key_id, sep, encoded = item.partition(":")
            if not sep or not _KEY_ID.match(key_id):
                raise KeyConfigError(
                    "ENCRYPTION_KEYS entries must look like 'kid:base64key' "
                    "(kid: letters, digits, '_.-', at most 32)"
                )
            try:
                key = base64.b64decode(encoded, validate=True)
            except (binascii.Error, ValueError):
                raise KeyConfigError(f"ENCRYPTION_KEYS key {key_id!r} is not base64") from None
            if len(key) != KEY_BYTES:
                raise KeyConfigError(
                    f"ENCRYPTION_KEYS key {key_id!r} must be {KEY_BYTES} bytes, got {len(key)}"
                )
            if key_id in keys:
                raise KeyConfigError(f"ENCRYPTION_KEYS lists key id {key_id!r} twice")
            keys[key_id] = key
            order.append(key_id)
        if not order:
            raise KeyConfigError("ENCRYPTION_KEYS holds no key")
        return cls(keys=keys, primary_id=order[0])

    def encrypt(self, plaintext: bytes) -> bytes:
        key_id = self.primary_id.encode("ascii")
        header = MAGIC + bytes([len(key_id)]) + key_id
        nonce = os.urandom(NONCE_BYTES)
        return header + nonce + AESGCM(self.keys[self.primary_id]).encrypt(nonce, plaintext, header)

    def decrypt(self, token: bytes) -> bytes:
        key_id, header_len = _read_header(token)
        key = self.keys.get(key_id)
        if key is None:
            raise DecryptionError(
                f"ciphertext was made with key {key_id!r}, which is not configured"
            )
        nonce = token[header_len : header_len + NONCE_BYTES]
        try:
            return AESGCM(key).decrypt(nonce, token[header_len + NONCE_BYTES :], token[:header_len])
        except InvalidTag:
            raise DecryptionError(
                "ciphertext failed authentication (tampered or wrong key)"
            ) from None


def _read_header(token: bytes) -> tuple[str, int]:
    if len(token) < len(MAGIC) + 1 or not token.startswith(MAGIC):
        raise DecryptionError("not an InterviewGenius ciphertext")
    id_len = token[len(MAGIC)]
    header_len = len(MAGIC) + 1 + id_len
    if len(token) < header_len + NONCE_BYTES + 16:  # 16: the GCM tag
        raise DecryptionError("ciphertext is truncated")
    return token[len(MAGIC) + 1 : header_len].decode("ascii", "replace"), header_len


def key_id_of(token: bytes) -> str:
    """The id of the key a ciphertext was made with."""
    return _read_header(token)[0]


def generate_key_spec(key_id: str) -> str:
    """A fresh ``kid:base64key`` entry for ENCRYPTION_KEYS."""
    if not _KEY_ID.match(key_id):
        raise KeyConfigError(f"invalid key id {key_id!r}")
    return f"{key_id}:{base64.b64encode(os.urandom(KEY_BYTES)).decode()}"


@lru_cache(maxsize=4)
def _keyring_for(spec: str) -> Keyring:
    return Keyring.parse(spec)


def keyring() -> Keyring:
    """The keyring of the current settings (cached per distinct setting value)."""
    from django.conf import settings

    return _keyring_for(settings.ENCRYPTION_KEYS)


def encrypt_bytes(plaintext: bytes) -> bytes:
    return keyring().encrypt(plaintext)


def decrypt_bytes(token: bytes) -> bytes:
    return keyring().decrypt(token)
