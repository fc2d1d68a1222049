from django.conf import settings
from django.contrib.auth.hashers import BCryptSHA256PasswordHasher


class TunableBCryptSHA256PasswordHasher(BCryptSHA256PasswordHasher):
    """bcrypt (after SHA-256, so passwords over 72 bytes still count in full) with the
    work factor from ``settings.BCRYPT_ROUNDS``; Django re-hashes on login when it changes."""

    def __init__(self) -> None:
        self.rounds = int(settings.BCRYPT_ROUNDS)
