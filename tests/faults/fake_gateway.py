#!/usr/bin/env python3
"""A local fake SMS gateway for the webhook provider (standard library only).

  fake_gateway.py PORT LOG_FILE
      Answers every POST with 200 {"id": "fake-<n>"} and appends one JSON line per request to LOG_FILE: the
      Idempotency-Key, the body's messageId, recipient and templateCode, and whether the key was seen before.
      GET /stats answers {"requests", "distinct_keys", "repeated_keys"}.
It does NOT de-duplicate silently: a repeated key is recorded, so the caller can count what a real handset would get.
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
seen = {}
count = {"n": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *_):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with lock:
            stats = {"requests": count["n"], "distinct_keys": len(seen), "repeated_keys": sum(1 for v in seen.values() if v > 1)}
        self.answer(200, stats)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        key = self.headers.get("Idempotency-Key") or ""
        try:
            payload = json.loads(body)
        except ValueError:
            payload = {}
        with lock:
            count["n"] += 1
            seen[key] = seen.get(key, 0) + 1
            record = {"n": count["n"], "key": key, "messageId": payload.get("messageId"), "to": payload.get("to"),
                      "templateCode": payload.get("templateCode"), "repeat": seen[key] > 1}
            with open(sys.argv[2], "a") as f:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
            n = count["n"]
        self.answer(200, {"id": f"fake-{n}"})


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
