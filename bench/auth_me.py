"""Benchmark: GET /api/auth/me under 50 concurrent clients against Daphne.

Starts a production-like Daphne (DEBUG=0) on a free port, creates a user and an access
token, then drives the endpoint with wrk and prints throughput and p50/p95/p99.

    python bench/auth_me.py [--connections 50] [--duration 20] [--threads 2]

Uses DATABASE_URL / REDIS_URL when set (MariaDB + Redis, as in production), else a
throw-away SQLite file and local-memory cache. The per-user rate limit is raised for
the run: this measures the endpoint, not the limiter (which would answer 429 after 100).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import manage, production_env  # noqa: E402  (needs ROOT on the path)
from tests.processes import daphne_server  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--duration", type=int, default=20, help="seconds")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--server-log", type=Path, help="write Daphne's output here (default: discard)"
    )
    args = parser.parse_args()

    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")

    workdir = Path(tempfile.mkdtemp(prefix="ig-bench-"))
    # The per-user rate limit is raised: this measures the endpoint, not the limiter.
    env = production_env(workdir, THROTTLE_USER_RATE="100000000/minute", BCRYPT_ROUNDS="4")
    manage(env, "migrate", "--noinput")
    python = sys.executable
    token = (
        subprocess.run(
            [
                python,
                "-c",
                (
                    "import django; django.setup()\n"
                    "from accounts.models import User\n"
                    "from accounts.services import issue_tokens\n"
                    "user, _ = User.objects.get_or_create(email='bench@example.com')\n"
                    "print(issue_tokens(user=user)['access'])"
                ),
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )

    server_log = args.server_log.open("wb") if args.server_log else subprocess.DEVNULL
    try:
        with daphne_server(env, server_log) as address:
            url = f"http://{address}/api/auth/me"
            header = f"Authorization: Bearer {token}"
            # Warm-up: first requests open database connections and import lazily.
            subprocess.run(
                [wrk, "-t1", "-c4", "-d3s", "-H", header, url], check=True, capture_output=True
            )
            result = subprocess.run(
                [
                    wrk,
                    f"-t{args.threads}",
                    f"-c{args.connections}",
                    f"-d{args.duration}s",
                    "--timeout",
                    "10s",
                    "-H",
                    header,
                    "-s",
                    str(ROOT / "bench" / "wrk_report.lua"),
                    url,
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            report = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    database = env["DATABASE_URL"].split(":", 1)[0]
    cache = "redis" if env.get("REDIS_URL") else "locmem"
    print(
        f"GET /api/auth/me  connections={args.connections} duration={args.duration}s database={database} cache={cache}"
    )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
