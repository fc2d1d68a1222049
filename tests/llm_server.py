"""A local OpenAI-compatible chat-completions server for tests.

The hosted LLM is the one boundary this machine cannot reach, so tests talk to this
instead: real HTTP on a loopback port, spoken to by the real ``openai`` SDK. Each test
scripts the replies (a good answer, junk, a 429, a stall) and reads back what the
client sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    content: str | None = None  # the assistant message; None with a non-200 status
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to stall before answering (a timeout test)
    body: str | None = None  # a raw body instead of a chat completion
    chunk_size: int = 12  # characters per streamed chunk (requests with "stream": true)
    chunk_delay: float = 0.0  # seconds between streamed chunks

    @classmethod
    def text(cls, content: str, **options: Any) -> Reply:
        return cls(content=content, **options)

    @classmethod
    def answer(cls, data: Any) -> Reply:
        return cls(content=json.dumps(data, ensure_ascii=False))

    @classmethod
    def error(cls, status: int, message: str = "error", **headers: str) -> Reply:
        body = json.dumps({"error": {"message": message, "type": "test", "code": status}})
        return cls(status=status, body=body, headers=headers)


@dataclass
class ScriptedLLM:
    url: str
    replies: deque[Reply] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *replies: Reply) -> None:
        with self.lock:
            self.replies.clear()
            self.replies.extend(replies)
            self.requests.clear()

    def next_reply(self, request: dict[str, Any]) -> Reply:
        with self.lock:
            self.requests.append(request)
            if not self.replies:
                return Reply.error(500, "no reply scripted")
            return self.replies.popleft()


def _completion(model: str, content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


@contextmanager
def llm_server() -> Iterator[ScriptedLLM]:
    state: ScriptedLLM

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                request = json.loads(raw or b"{}")
            except ValueError:
                request = {"raw": raw.decode("utf-8", "replace")}
            request["_path"] = self.path
            request["_authorization"] = self.headers.get("Authorization", "")
            reply = state.next_reply(request)
            if reply.delay:
                time.sleep(reply.delay)
            if request.get("stream") and reply.status == 200 and reply.body is None:
                self._stream(str(request.get("model", "")), reply)
                return
            if reply.body is not None:
                payload = reply.body.encode()
            else:
                payload = json.dumps(
                    _completion(str(request.get("model", "")), reply.content or "")
                ).encode()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer

        def _stream(self, model: str, reply: Reply) -> None:
            # Server-sent events as the chat-completions API streams them: a few
            # characters per chunk, ``reply.chunk_delay`` apart, then [DONE].
            content = reply.content or ""
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for start in range(0, len(content), reply.chunk_size):
                    chunk = {
                        "id": "chatcmpl-test",
                        "object": "chat.completion.chunk",
                        "created": int(time.time()),
                        "model": model,
                        "choices": [
                            {
                                "index": 0,
                                "delta": {"content": content[start : start + reply.chunk_size]},
                                "finish_reason": None,
                            }
                        ],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                    if reply.chunk_delay:
                        time.sleep(reply.chunk_delay)
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state = ScriptedLLM(url=f"http://127.0.0.1:{server.server_port}/v1")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
