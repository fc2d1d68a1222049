from __future__ import annotations

import base64
import io

import pytest
from django.core.management import call_command
from django.db import connection

from interviewgenius.engines import crypto
from interviewgenius.engines.crypto import DecryptionError, KeyConfigError, Keyring
from tests.encryption_app.models import Secret

KEY_A = "a:" + base64.b64encode(b"A" * 32).decode()
KEY_B = "b:" + base64.b64encode(b"B" * 32).decode()


def test_round_trip_and_nonce_is_random():
    ring = Keyring.parse(KEY_A)
    plaintext = "简历 résumé \x00 bytes".encode()
    first, second = ring.encrypt(plaintext), ring.encrypt(plaintext)
    assert first != second
    assert plaintext not in first
    assert ring.decrypt(first) == plaintext == ring.decrypt(second)
    assert crypto.key_id_of(first) == "a"


def test_tampering_is_detected():
    ring = Keyring.parse(KEY_A)
    token = bytearray(ring.encrypt(b"secret"))
    token[-1] ^= 1
    with pytest.raises(DecryptionError):
        ring.decrypt(bytes(token))


def test_key_id_in_header_is_authenticated():
    # Relabelling a ciphertext as another key's must not decrypt, even if that key is known.
    ring = Keyring.parse(f"{KEY_A},a2:" + base64.b64encode(b"A" * 32).decode())
    token = ring.encrypt(b"secret")
    forged = token.replace(b"\x01a", b"\x02a2", 1)
    with pytest.raises(DecryptionError):
        ring.decrypt(forged)


@pytest.mark.parametrize("token", [b"", b"IG1", b"plain text", b"IG1\x01a" + b"\x00" * 5])
def test_garbage_is_refused(token: bytes):
    with pytest.raises(DecryptionError):
        Keyring.parse(KEY_A).decrypt(token)


def test_old_key_still_decrypts_after_rotation_to_a_new_primary():
    old = Keyring.parse(KEY_A).encrypt(b"kept")
    rotated = Keyring.parse(f"{KEY_B},{KEY_A}")
    assert rotated.primary_id == "b"
    assert rotated.decrypt(old) == b"kept"
    assert crypto.key_id_of(rotated.encrypt(b"new")) == "b"


def test_unknown_key_is_a_clear_error():
    token = Keyring.parse(KEY_A).encrypt(b"x")
    with pytest.raises(DecryptionError, match="'a'"):
        Keyring.parse(KEY_B).decrypt(token)


@pytest.mark.parametrize(
    "spec",
    [
        "",
        "nokey",
        "a:notbase64!!",
        "a:" + base64.b64encode(b"short").decode(),
        f"{KEY_A},{KEY_A}",
        "bad id:xx",
    ],
)
def test_bad_key_configuration_fails_loudly(spec: str):
    with pytest.raises(KeyConfigError):
        Keyring.parse(spec)


def _raw_column(pk: int, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM encryption_app_secret WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_fields_are_encrypted_at_rest(settings):
    settings.ENCRYPTION_KEYS = KEY_A
    secret = Secret.objects.create(
        note="call me on 555-0100", contact={"email": "ada@example.com", "tags": ["x"]}
    )
    raw_note = _raw_column(secret.pk, "note")
    raw_contact = _raw_column(secret.pk, "contact")
    assert "555-0100" not in raw_note and "ada@example.com" not in raw_contact
    assert crypto.key_id_of(base64.b64decode(raw_note)) == "a"
    fresh = Secret.objects.get(pk=secret.pk)
    assert fresh.note == "call me on 555-0100"
    assert fresh.contact == {"email": "ada@example.com", "tags": ["x"]}
    assert Secret.objects.create(note=None, contact=None).note is None


@pytest.mark.django_db
def test_rotation_command_re_encrypts_with_the_newest_key(settings):
    settings.ENCRYPTION_KEYS = KEY_A
    secrets = [Secret.objects.create(note=f"note {i}", contact={"i": i}) for i in range(3)]
    Secret.objects.create(note=None)

    settings.ENCRYPTION_KEYS = f"{KEY_B},{KEY_A}"
    out = io.StringIO()
    call_command("rotate_encryption_keys", "--dry-run", stdout=out)
    assert "would re-encrypt 6" in out.getvalue()
    assert crypto.key_id_of(base64.b64decode(_raw_column(secrets[0].pk, "note"))) == "a"

    call_command("rotate_encryption_keys", stdout=io.StringIO())
    for secret in secrets:
        for column in ("note", "contact"):
            assert crypto.key_id_of(base64.b64decode(_raw_column(secret.pk, column))) == "b"

    # The old key can now go: everything still reads with the new key alone.
    settings.ENCRYPTION_KEYS = KEY_B
    assert [s.note for s in Secret.objects.filter(note__isnull=False).order_by("pk")] == [
        "note 0",
        "note 1",
        "note 2",
    ]
    out = io.StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "re-encrypted 0" in out.getvalue()


def test_generate_key_command_output_parses():
    out = io.StringIO()
    call_command("generate_encryption_key", "2026-11", stdout=out)
    assert Keyring.parse(out.getvalue().strip()).primary_id == "2026-11"
