"""Benchmark: the whole candidate journey under N concurrent users (issue 8).

    .venv/bin/python bench/load.py [--users 10 50 100] [--web-processes 1] [--json OUT]

Server side, as deployed by docker-compose.yml: one Daphne process (DEBUG=0, models
loaded at start; --web-processes N runs N sharing one listening socket, as a scaled
web service behind nginx would), one Celery worker (prefork, 2 processes, queues default, parsing and
feedback), MariaDB (a database made for the run from --database-url and dropped after
it) and a private redis-server (cache, Celery broker, channel layer). Only the per-
address limit on auth endpoints is raised: every virtual user comes from 127.0.0.1,
where real candidates come from their own addresses. Per-user limits stay as shipped.

Client side: asyncio + httpx in this process, one HTTP client per virtual user. The
users of a level start --spawn-rate a second; each runs the journey once:

 1. POST /api/auth/register (bcrypt, 12 rounds, as shipped)
 2. POST /api/resumes: a PDF or DOCX from tests/fixtures/resumes, in turn
 3. GET  /api/resumes/{id}/status every second until the worker has parsed it
 4. POST /api/questions/generate
 5. POST /api/interviews/start with five questions
 6. POST /api/interviews/{id}/answer: typed answers until no question is left
    (a weak answer earns a follow-up, so five questions may take more answers)
 7. POST /api/interview/feedback/generate, then GET /api/interview/feedback/{id}
    every second until the worker has written the report
 8. GET  /api/interviews/{id}/feedback (the whole report), GET .../feedback/progress

Between steps a user thinks for --think seconds (uniform, seeded). An error is a
transport error, a timeout (30 s a request), any status other than the one the step
expects, or a parse or report that fails or is not done within 180 s.

Reports per level: wall time, requests/s, journeys completed per minute, error count
and, per endpoint, count / p50 / p95 / max (nearest rank). "Generating" calls run an
engine inside the request (question generation, interview start, answer analysis);
register is listed apart (its cost is the password hash, on purpose); every other call
is "non-generating REST", the target group (p95 <= 300 ms). It reports; it does not
judge: exit status 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import (  # noqa: E402
    cpu_seconds,
    manage,
    percentile,
    production_env,
    server_pid,
)
from tests.processes import celery_worker, daphne_server, redis_server, stop  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "resumes"
REQUEST_TIMEOUT = 30.0
WAIT_LIMIT = 180.0

GENERATING = frozenset(
    {
        "POST /api/questions/generate",
        "POST /api/interviews/start",
        "POST /api/interviews/{id}/answer",
    }
)
HASHING = frozenset({"POST /api/auth/register"})

# Typed answers: a STAR-shaped story built around the question's skill, in parts that
# vary from user to user, so the analysis sees different texts.
SITUATIONS = [
    "In my last role our team inherited a system that kept failing under load",
    "At my previous company a key customer was about to leave over missed deadlines",
    "During a migration project two teams disagreed about the approach",
    "When I joined, the release process took two days and broke often",
]
ACTIONS = [
    "I broke the problem down, measured where the time went and wrote a plan with clear owners",
    "I paired with the engineers involved, added tests around the risky parts and shipped in small steps",
    "I set up a short daily check-in, documented the decisions and kept stakeholders informed",
    "I prototyped two options, compared them with real data and presented the trade-offs",
]
RESULTS = [
    "As a result the error rate dropped by half and the customer renewed.",
    "We delivered two weeks early and the approach became our team standard.",
    "Release time went from two days to under an hour.",
    "Latency fell by 40 percent and on-call pages became rare.",
]


@dataclass
class Sample:
    endpoint: str
    status: int
    ms: float
    ok: bool


@dataclass
class Level:
    users: int
    samples: list[Sample] = field(default_factory=list)
    journeys_done: int = 0
    failures: list[str] = field(default_factory=list)


class JourneyFailed(Exception):
    pass


class User:
    def __init__(self, index: int, base: str, level: Level, rng: random.Random) -> None:
        self.index = index
        self.level = level
        self.rng = rng
        self.client = httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT)

    async def call(
        self, method: str, endpoint: str, url: str, expect: set[int], **kwargs: Any
    ) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            response = await self.client.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            ms = (time.perf_counter() - started) * 1000
            self.level.samples.append(Sample(f"{method} {endpoint}", 0, ms, False))
            raise JourneyFailed(f"{method} {endpoint}: {type(error).__name__}") from None
        ms = (time.perf_counter() - started) * 1000
        ok = response.status_code in expect
        self.level.samples.append(Sample(f"{method} {endpoint}", response.status_code, ms, ok))
        if not ok:
            raise JourneyFailed(
                f"{method} {endpoint}: {response.status_code} {response.text[:200]}"
            )
        body: dict[str, Any] = response.json() if response.content else {}
        return body

    async def think(self, low: float, high: float) -> None:
        await asyncio.sleep(self.rng.uniform(low, high))

    async def poll(
        self, endpoint: str, url: str, done: set[str], failed: set[str]
    ) -> dict[str, Any]:
        deadline = time.monotonic() + WAIT_LIMIT
        while time.monotonic() < deadline:
            body = await self.call("GET", endpoint, url, {200})
            if body["status"] in done:
                return body
            if body["status"] in failed:
                raise JourneyFailed(f"{endpoint} ended {body['status']}: {body.get('error')}")
            await asyncio.sleep(1.0)
        raise JourneyFailed(f"{endpoint} not done within {WAIT_LIMIT:.0f} s")

    def answer_for(self, question: dict[str, Any]) -> str:
        skill = question.get("skill") or "the tools we used"
        return (
            f"{self.rng.choice(SITUATIONS)}. My task was to fix it using {skill}. "
            f"{self.rng.choice(ACTIONS)}. {self.rng.choice(RESULTS)}"
        )

    async def journey(self, resume: Path, think: tuple[float, float]) -> None:
        auth = await self.call(
            "POST",
            "/api/auth/register",
            "/api/auth/register",
            {201},
            json={
                "email": f"load-{self.level.users}-{self.index}@example.com",
                "password": secrets.token_urlsafe(12),
            },
        )
        self.client.headers["Authorization"] = f"Bearer {auth['access']}"
        await self.think(*think)
        uploaded = await self.call(
            "POST",
            "/api/resumes",
            "/api/resumes",
            {201},
            files={"resume": (resume.name, resume.read_bytes())},
        )
        resume_id = uploaded["id"]
        await self.poll(
            "/api/resumes/{id}/status",
            f"/api/resumes/{resume_id}/status",
            done={"completed"},
            failed={"failed"},
        )
        await self.think(*think)
        await self.call(
            "POST",
            "/api/questions/generate",
            "/api/questions/generate",
            {200, 201},
            json={"resume_id": resume_id},
        )
        await self.think(*think)
        session = await self.call(
            "POST",
            "/api/interviews/start",
            "/api/interviews/start",
            {201},
            json={"resume_id": resume_id, "count": 5},
        )
        question = session["current_question"]
        while question is not None:
            await self.think(*think)
            result = await self.call(
                "POST",
                "/api/interviews/{id}/answer",
                f"/api/interviews/{session['id']}/answer",
                {200},
                json={"text": self.answer_for(question)},
            )
            question = result["next_question"]
        await self.think(*think)
        report = await self.call(
            "POST",
            "/api/interview/feedback/generate",
            "/api/interview/feedback/generate",
            {200, 202},
            json={"session_id": session["id"]},
        )
        await self.poll(
            "/api/interview/feedback/{id}",
            f"/api/interview/feedback/{report['id']}",
            done={"completed"},
            failed={"failed"},
        )
        await self.call(
            "GET",
            "/api/interviews/{id}/feedback",
            f"/api/interviews/{session['id']}/feedback",
            {200},
        )
        await self.call(
            "GET", "/api/interview/feedback/progress", "/api/interview/feedback/progress", {200}
        )
        self.level.journeys_done += 1

    async def run(self, resume: Path, think: tuple[float, float]) -> None:
        try:
            await self.journey(resume, think)
        except JourneyFailed as failure:
            self.level.failures.append(str(failure))
        finally:
            await self.client.aclose()


async def drive(
    base: str, users: int, spawn_rate: float, think: tuple[float, float], seed: int
) -> Level:
    level = Level(users)
    resumes = sorted(
        p for p in FIXTURES.iterdir() if p.suffix in (".pdf", ".docx") and p.stem.startswith("en-")
    )
    tasks = []
    for index in range(users):
        user = User(index, base, level, random.Random(seed * 1000 + index))
        tasks.append(asyncio.create_task(user.run(resumes[index % len(resumes)], think)))
        await asyncio.sleep(1 / spawn_rate)
    await asyncio.gather(*tasks)
    return level


def summarise(level: Level, wall: float, cpu: dict[str, float]) -> dict[str, Any]:
    by_endpoint: dict[str, list[Sample]] = defaultdict(list)
    for sample in level.samples:
        by_endpoint[sample.endpoint].append(sample)

    def stats(samples: list[Sample]) -> dict[str, Any]:
        times = [s.ms for s in samples]
        return {
            "count": len(samples),
            "errors": sum(not s.ok for s in samples),
            "p50_ms": round(percentile(times, 50), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "max_ms": round(max(times), 1),
        }

    def group(names: frozenset[str] | None, exclude: frozenset[str] = frozenset()) -> list[Sample]:
        return [
            s
            for s in level.samples
            if (names is None or s.endpoint in names) and s.endpoint not in exclude
        ]

    errors = sum(not s.ok for s in level.samples)
    statuses: dict[str, int] = defaultdict(int)
    for sample in level.samples:
        statuses[str(sample.status)] += 1
    return {
        "users": level.users,
        "wall_s": round(wall, 1),
        "requests": len(level.samples),
        "requests_per_s": round(len(level.samples) / wall, 1),
        "journeys_completed": level.journeys_done,
        "journeys_per_min": round(level.journeys_done / wall * 60, 1),
        "request_errors": errors,
        "error_rate": round(errors / max(1, len(level.samples)), 4),
        "failed_journeys": len(level.failures),
        "failures": sorted(set(level.failures))[:10],
        "statuses": dict(statuses),
        "cpu_cores": {name: round(seconds / wall, 2) for name, seconds in cpu.items()},
        "non_generating": stats(group(None, GENERATING | HASHING)),
        "generating": stats(group(GENERATING)),
        "endpoints": {name: stats(samples) for name, samples in sorted(by_endpoint.items())},
    }


@contextmanager
def daphne_pool(env: dict[str, str], processes: int, log: Any) -> Iterator[tuple[str, list[int]]]:
    """``processes`` Daphne processes accepting on one listening socket (the kernel
    hands each connection to one of them), as supervisord runs Daphne with ``--fd``;
    yields ``host:port`` and their pids. One process is exactly ``daphne -b -p``."""
    if processes == 1:
        with daphne_server(env, log) as address:
            yield address, [server_pid(address.rsplit(":", 1)[1]) or 0]
        return
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    listener.set_inheritable(True)
    fd = listener.fileno()
    command = [sys.executable, "-m", "daphne", "--fd", str(fd), "interviewgenius.asgi:application"]
    procs = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, pass_fds=(fd,)
        )
        for _ in range(processes)
    ]
    try:
        address = f"127.0.0.1:{listener.getsockname()[1]}"
        _wait_until_served(address)
        yield address, [proc.pid for proc in procs]
    finally:
        for proc in procs:
            stop(proc)
        listener.close()


def _wait_until_served(address: str, timeout: float = 90) -> None:
    # The socket accepts from the start; "served" is when a process answers on it.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{address}/healthz", timeout=5).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"no Daphne process answers on {address}")


@contextmanager
def mariadb_database(url: str) -> Iterator[str]:
    """A fresh database on the MariaDB server of ``url``, dropped afterwards."""
    import MySQLdb

    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "ig_load"
    connect = {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 3306,
        "user": parts.username or "root",
        "password": parts.password or "",
    }
    server = MySQLdb.connect(**connect)
    try:
        server.cursor().execute(f"DROP DATABASE IF EXISTS `{name}`")
        server.cursor().execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        server.cursor().execute(f"DROP DATABASE IF EXISTS `{name}`")
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--think", type=float, nargs=2, default=[1.0, 3.0], metavar=("MIN", "MAX"))
    parser.add_argument("--spawn-rate", type=float, default=5.0, help="users started a second")
    parser.add_argument(
        "--web-processes", type=int, default=1, help="Daphne processes sharing the port"
    )
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--database-url", default="mysql://root@127.0.0.1:3306/ig_load")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--log", type=Path, help="write Daphne's and the worker's output here")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="ig-load-"))
    log: Any = args.log.open("wb") if args.log else subprocess.DEVNULL
    report: dict[str, Any] = {"levels": []}
    with mariadb_database(args.database_url) as database_url, redis_server() as (_, redis_url):
        env = production_env(
            workdir,
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            CELERY_EAGER="0",
            WARM_UP_MODELS="1",
            THROTTLE_AUTH_RATE="100000/minute",
        )
        manage(env, "migrate", "--noinput")
        manage(env, "load_defaults")
        queues = "default,parsing,feedback"
        with (
            celery_worker(env, queues, concurrency=2, log=log) as worker,
            daphne_pool(env, args.web_processes, log) as (address, daphnes),
        ):
            report["web_processes"] = args.web_processes
            for users in args.users:
                before = {
                    "daphne": sum(cpu_seconds(pid) for pid in daphnes),
                    "worker": cpu_seconds(worker.pid, children=True),
                }
                started = time.monotonic()
                level = asyncio.run(
                    drive(f"http://{address}", users, args.spawn_rate, tuple(args.think), args.seed)
                )
                wall = time.monotonic() - started
                cpu = {
                    "daphne": sum(cpu_seconds(pid) for pid in daphnes) - before["daphne"],
                    "worker": cpu_seconds(worker.pid, children=True) - before["worker"],
                }
                summary = summarise(level, wall, cpu)
                report["levels"].append(summary)
                print(
                    json.dumps({k: v for k, v in summary.items() if k != "endpoints"}), flush=True
                )
                for name, row in summary["endpoints"].items():
                    print(f"  {name:40} {json.dumps(row)}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
