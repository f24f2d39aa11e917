#!/usr/bin/env python3
"""A local fake SMS gateway for the fault suite (standard library only).

  fake_gateway.py PORT LOG_FILE [--aliyun SECRET] [--hold-first MARKER]
      Webhook (default): answers every POST with 200 {"id": "fake-<n>"} and appends one JSON line per request to
      LOG_FILE: the Idempotency-Key, the body's messageId, recipient and templateCode, and whether the key was seen
      before. A repeated key is answered with the id of its first request, as a receiver that de-duplicates on
      Idempotency-Key does (docs/sms.md): it is recorded ("repeat": true) but reaches no handset again.
      --aliyun SECRET: speaks Alibaba Cloud SMS 2017-05-25 instead (form POSTs signed with HMAC-SHA1 under SECRET; a
      bad signature is refused): SendSms takes every message, a repeated OutId too, because Alibaba does not
      de-duplicate (recorded "repeat": true, each a second SMS on the handset); QuerySendDetails lists the messages it
      took for a number (with their OutId), and each look-up is logged ("action": "QuerySendDetails").
      --hold-first MARKER: the first message sent is taken (recorded and, for Alibaba, listed) and then never answered:
      the fake writes MARKER and holds the connection, so that a caller can kill the sender between the send and its
      answer. Later messages are answered at once.
      GET /stats answers {"requests", "distinct_keys", "repeated_keys"}.
It does NOT hide repeats: every request is recorded, so the caller can count what a real handset would get.
"""
import argparse
import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = None
lock = threading.Lock()
seen = {}            # Idempotency-Key or OutId -> the id answered the first time
count = {"n": 0, "held": False}
taken = []           # Alibaba: (phone, OutId, BizId) of every SMS taken


def record(entry):
    with open(args.log, "a") as f:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def encode(value):
    return urllib.parse.quote(value, safe="-_.~")


def aliyun_signature_ok(params, secret):
    canonical = "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(params.items()) if k != "Signature")
    to_sign = "POST&" + encode("/") + "&" + encode(canonical)
    expected = base64.b64encode(hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
    return hmac.compare_digest(expected, params.get("Signature", ""))


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *_):
        pass

    def answer(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def hold_if_first(self):
        """Called after the message was recorded as taken: the first one is never answered."""
        with lock:
            first = args.hold_first and not count["held"]
            count["held"] = True
        if first:
            with open(args.hold_first, "w") as f:
                f.write(f"{time.time():.3f}\n")
            time.sleep(3600)   # the sender is killed meanwhile; this thread dies with the fake
        return first

    def do_GET(self):
        with lock:
            stats = {"requests": count["n"], "distinct_keys": len(seen), "repeated_keys": sum(1 for v in seen.values() if v > 1)}
        self.answer(200, stats)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if args.aliyun is not None:
            return self.aliyun(body)
        key = self.headers.get("Idempotency-Key") or ""
        try:
            payload = json.loads(body)
        except ValueError:
            payload = {}
        with lock:
            count["n"] += 1
            n = count["n"]
            repeat = key in seen
            answered = seen.setdefault(key, f"fake-{n}")
            record({"n": n, "at": round(time.time(), 3), "key": key, "messageId": payload.get("messageId"), "to": payload.get("to"),
                    "templateCode": payload.get("templateCode"), "repeat": repeat, "held": args.hold_first is not None and not count["held"]})
        if not self.hold_if_first():
            self.answer(200, {"id": answered})

    def aliyun(self, body):
        params = {k: v[0] for k, v in urllib.parse.parse_qs(body.decode(), keep_blank_values=True).items()}
        request_id = f"fake-request-{time.time_ns()}"
        if not aliyun_signature_ok(params, args.aliyun):
            return self.answer(400, {"RequestId": request_id, "Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched."})
        action = params.get("Action")
        if action == "QuerySendDetails":
            phone = params.get("PhoneNumber", "")
            with lock:
                found = [out_id for (to, out_id, _) in taken if to == phone]
                record({"at": round(time.time(), 3), "action": action, "to": phone, "sendDate": params.get("SendDate"), "found": found})
            details = [{"PhoneNum": phone, "SendStatus": 1, "ErrCode": "DELIVERED", "OutId": out_id} for out_id in found]
            return self.answer(200, {"Code": "OK", "Message": "OK", "RequestId": request_id, "TotalCount": str(len(details)),
                                     "SmsSendDetailDTOs": {"SmsSendDetailDTO": details}})
        if action != "SendSms":
            return self.answer(400, {"RequestId": request_id, "Code": "InvalidParameter", "Message": "SendSms and QuerySendDetails only."})
        out_id, phone = params.get("OutId", ""), params.get("PhoneNumbers", "")
        with lock:
            count["n"] += 1
            n = count["n"]
            repeat = out_id in seen
            biz_id = f"{n}^0"
            seen.setdefault(out_id, biz_id)
            taken.append((phone, out_id, biz_id))
            record({"n": n, "at": round(time.time(), 3), "action": action, "key": out_id, "messageId": out_id, "to": phone,
                    "templateCode": params.get("TemplateCode"), "repeat": repeat, "held": args.hold_first is not None and not count["held"]})
        if not self.hold_if_first():
            self.answer(200, {"Code": "OK", "Message": "OK", "RequestId": request_id, "BizId": biz_id})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("port", type=int)
    parser.add_argument("log")
    parser.add_argument("--aliyun", metavar="SECRET")
    parser.add_argument("--hold-first", metavar="MARKER")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()
