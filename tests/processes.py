"""Helpers that run real service processes for integration tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port} after {timeout}s")


def stop(proc: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Terminate, and kill what ignores it (Daphne waits on open keep-alive sockets)."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def serving(
    command: list[str],
    port: int,
    *,
    env: dict[str, str] | None = None,
    log: Any = subprocess.DEVNULL,
    timeout: float = 30,
) -> Iterator[subprocess.Popen[bytes]]:
    """A server process listening on ``port`` for the duration of the block."""
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, timeout=timeout)
        yield proc
    finally:
        stop(proc)


@contextmanager
def redis_server() -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A private, throw-away redis-server on a free port (so a test may stop it)."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise FileNotFoundError("redis-server is not installed")
    port = free_port()
    with serving(redis_command(binary, port), port, timeout=15) as proc:
        yield proc, f"redis://127.0.0.1:{port}/0"


def redis_command(binary: str, port: int) -> list[str]:
    """A redis-server on ``port`` that keeps nothing on disk (also to restart one)."""
    return [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]


def production_like_env(**overrides: str) -> dict[str, str]:
    """The environment of a live test server configured as in production: DEBUG=0, so
    errors are what clients see, with the test settings' keys and static files."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONUNBUFFERED": "1",
        "DEBUG": "0",
        "SECRET_KEY": "live-" + "x" * 50,
        "ENCRYPTION_KEYS": "test1:" + "A" * 43 + "=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",  # no TLS terminator in front of a test server
        "SECURE_HSTS_SECONDS": "0",
        "WARM_UP_MODELS": "0",
        **overrides,
    }


@contextmanager
def daphne_server(env: dict[str, str], log: Any = subprocess.DEVNULL) -> Iterator[str]:
    """The app under Daphne (HTTP + WebSocket) on a free port; yields ``host:port``."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "daphne",
        "-b",
        "127.0.0.1",
        "-p",
        str(port),
        "interviewgenius.asgi:application",
    ]
    with serving(command, port, env=env, log=log, timeout=60):
        yield f"127.0.0.1:{port}"


@contextmanager
def celery_worker(
    env: dict[str, str],
    queues: str = "default",
    *,
    concurrency: int = 1,
    log: Any = subprocess.PIPE,
) -> Iterator[subprocess.Popen[bytes]]:
    """A real Celery worker process, stopped when the block ends.

    One task at a time runs in the worker process itself (solo pool: tests can kill it
    mid-task); more use the prefork pool, as deployed.
    """
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "interviewgenius",
            "worker",
            "-Q",
            queues,
            "--pool",
            "solo" if concurrency == 1 else "prefork",
            "--concurrency",
            str(concurrency),
            "--loglevel",
            "WARNING",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield proc
    finally:
        stop(proc, timeout=15)


@contextmanager
def s3_server() -> Iterator[str]:
    """moto's S3-compatible server over HTTP on a free port; yields its endpoint URL."""
    port = free_port()
    with serving([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], port):
        yield f"http://127.0.0.1:{port}"


class PrivateMariaDB:
    """A throw-away MariaDB server in its own data directory on a free port, which a
    test may stop and start again (never the shared server other tests use)."""

    def __init__(self, datadir: Path) -> None:
        self.datadir = datadir
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def url(self, database: str) -> str:
        return f"mysql://root@127.0.0.1:{self.port}/{database}"

    def install(self) -> None:
        subprocess.run(
            [
                "mariadb-install-db",
                "--no-defaults",
                f"--datadir={self.datadir}",
                "--user=root",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
            ],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "mariadbd",
                "--no-defaults",
                f"--datadir={self.datadir}",
                "--user=root",
                f"--port={self.port}",
                "--bind-address=127.0.0.1",
                f"--socket={self.datadir}/mysqld.sock",
                "--skip-name-resolve",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=32M",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, timeout=60)

    def stop(self) -> None:
        """A clean shutdown (SIGTERM), as a restart by the operator or systemd does."""
        if self.proc is not None:
            stop(self.proc, timeout=60)
            self.proc = None

    def execute(self, sql: str) -> None:
        import MySQLdb

        connection = MySQLdb.connect(host="127.0.0.1", port=self.port, user="root")
        try:
            connection.cursor().execute(sql)
        finally:
            connection.close()


@contextmanager
def mariadb_server(workdir: Path) -> Iterator[PrivateMariaDB]:
    """A private MariaDB server (``mariadbd``) for the duration of the block."""
    server = PrivateMariaDB(workdir / "mariadb")
    server.install()
    server.start()
    try:
        yield server
    finally:
        server.stop()
