"""What the benchmarks share: percentiles, a production-like environment, CPU accounting."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100): always one of the measured values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def production_env(workdir: Path, **overrides: str) -> dict[str, str]:
    """Settings as deployed (DEBUG off, real keys), on a throw-away VAR_DIR.

    DATABASE_URL / REDIS_URL pass through from the caller's environment; without
    DATABASE_URL the run uses an SQLite file in ``workdir``.
    """
    from interviewgenius.engines.crypto import generate_key_spec

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "interviewgenius.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ENCRYPTION_KEYS": generate_key_spec("bench"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",  # no TLS terminator in front of these local servers
        "VAR_DIR": str(workdir),
        "LOG_LEVEL": "WARNING",
        **overrides,
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    return env


def manage(env: dict[str, str], *args: str) -> None:
    """Run a management command against ``env``'s database, quietly."""
    subprocess.run([sys.executable, "manage.py", *args, "-v0"], cwd=ROOT, env=env, check=True)


def server_pid(port: str) -> int | None:
    """The Daphne process listening on ``port`` (its command line names the port)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"daphne" in b" ".join(cmd) and port.encode() in cmd:
                return int(entry.name)
    return None


def cpu_seconds(pid: int | None, *, children: bool = False) -> float:
    """User + system CPU seconds of ``pid`` (plus its reaped and live children)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
        for child in _children(pid):
            ticks += round(cpu_seconds(child) * os.sysconf("SC_CLK_TCK"))
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in listed]
