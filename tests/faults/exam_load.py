#!/usr/bin/env python3
"""Exam load for the fault suite (standard library only).

  exam_load.py setup BASE_URL ADMIN_PASSWORD USER_PASSWORD TODAY IDS_FILE [WOMEN]
      creates the health worker fault-worker (at 430304-MCH) and books WOMEN (default 40) synthetic women through
      the API; writes their pregnancy ids to IDS_FILE.
  exam_load.py run BASE_URL USER_PASSWORD TODAY IDS_FILE SECONDS THREADS RESULTS_FILE
      records exams (POST /api/pregnancies/{id}/exams, a fresh Idempotency-Key each) from THREADS threads for SECONDS,
      and writes one line per request to RESULTS_FILE: start and end (epoch seconds), HTTP status (0: no answer),
      the exam id of a 201 (an acknowledged write), the problem's code of an error.
  exam_load.py report RESULTS_FILE KILLED_AT RESTARTED_AT FOUND_FILE
      prints the figures as KEY=VALUE lines: requests by status in each phase, acknowledged exams and how many of them
      the database lacks (FOUND_FILE: the acknowledged ids the database holds, one a line).
"""
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def call(base, method, path, body=None, token=None, headers=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text) if text else None
        except ValueError:
            return e.code, {"raw": text[:200]}


def must(result, what):
    status, body = result
    if status not in (200, 201):
        raise SystemExit(f"{what}: {status} {body}")
    return body


def token(base, user, password):
    return must(call(base, "POST", "/api/auth/login", {"userName": user, "password": password}), "sign-in")["accessToken"]


def resident_id(i):
    first17 = f"430304{1990 + i // 300}{1 + i // 28 % 12:02d}{1 + i % 28:02d}{990 + i % 9:03d}"
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[total % 11]


def setup(base, admin_password, user_password, today, ids_file, women="40"):
    admin = token(base, "admin", admin_password)
    must(call(base, "POST", "/api/admin/users", {"userName": "fault-worker", "displayName": "故障测试医生（示例）", "role": "healthWorker",
                                                  "facilityCode": "430304-MCH", "password": user_password}, admin), "account")
    worker = token(base, "fault-worker", user_password)
    year, month, _ = (int(x) for x in today.split("-"))
    lmp = f"{year if month > 4 else year - 1}-{(month - 4 - 1) % 12 + 1:02d}-01"
    ids = []
    for i in range(int(women)):
        body = {"fullName": f"故障{i}号（示例）", "residentId": resident_id(i), "mobile": f"1990000{8000 + i:04d}", "lmp": lmp,
                "divisionCode": "430302101201", "address": f"{i + 1}组（示例地址）", "facilityCode": "430304-MCH",
                "healthWorker": "示例医生", "heightCm": 158, "weightKg": 52, "history": {"gravidity": 1, "parity": 0},
                "confirmedNotDuplicate": True}
        ids.append(must(call(base, "POST", "/api/pregnancies", body, worker), f"booking {i}")["id"])
    with open(ids_file, "w") as f:
        f.write("\n".join(ids) + "\n")
    print(f"setup: fault-worker and {len(ids)} women booked")


def run(base, user_password, today, ids_file, seconds, threads, results_file):
    ids = [line.strip() for line in open(ids_file) if line.strip()]
    worker = token(base, "fault-worker", user_password)
    end = time.time() + float(seconds)
    lines, lock = [], threading.Lock()

    def loop(n):
        rng = random.Random(n)
        while time.time() < end:
            body = {"examDate": today, "facilityCode": "430304-MCH", "examiner": "故障测试",
                    "measurements": {"systolicBp": rng.choice([112, 118, 124]), "diastolicBp": 76, "hemoglobin": 121, "fetalHeartRate": 142}}
            started = time.time()
            try:
                status, answer = call(base, "POST", f"/api/pregnancies/{rng.choice(ids)}/exams", body, worker,
                                      {"Idempotency-Key": str(uuid.uuid4())}, timeout=30)
            except Exception as e:  # no answer at all: the service itself did not respond
                status, answer = 0, {"code": type(e).__name__}
            record = {"start": started, "end": time.time(), "status": status,
                      "examId": (answer or {}).get("examId") if status == 201 else None,
                      "code": (answer or {}).get("code") if status != 201 else None}
            with lock:
                lines.append(record)
            if status != 201:
                time.sleep(0.05)

    workers = [threading.Thread(target=loop, args=(n,)) for n in range(int(threads))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    with open(results_file, "w") as f:
        for record in lines:
            f.write(json.dumps(record) + "\n")
    print(f"run: {len(lines)} requests")


def report(results_file, killed_at, restarted_at, found_file):
    records = [json.loads(line) for line in open(results_file)]
    killed, restarted = float(killed_at), float(restarted_at)
    found = {line.strip() for line in open(found_file) if line.strip()}
    acknowledged = [r["examId"] for r in records if r["status"] == 201]

    def phase(r):
        if r["end"] < killed:
            return "before"
        if r["start"] > killed and r["end"] < restarted:
            return "outage"
        if r["start"] > restarted:
            return "after"
        return "edge"  # in flight when the database was killed or came back

    figures = {"requests": len(records), "acknowledged": len(acknowledged), "acknowledged_missing": len(set(acknowledged) - found),
               "duplicate_exam_ids": len(acknowledged) - len(set(acknowledged)), "outage_seconds": round(restarted - killed, 1)}
    for name in ("before", "outage", "edge", "after"):
        rs = [r for r in records if phase(r) == name]
        statuses = {}
        for r in rs:
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        figures[f"{name}_requests"] = len(rs)
        figures[f"{name}_statuses"] = ",".join(f"{k}:{v}" for k, v in sorted(statuses.items())) or "-"
        figures[f"{name}_5xx_not_503"] = sum(1 for r in rs if r["status"] >= 500 and r["status"] != 503)
        figures[f"{name}_no_answer"] = sum(1 for r in rs if r["status"] == 0)
    outage = [r for r in records if phase(r) == "outage"]
    figures["outage_503_with_code"] = sum(1 for r in outage if r["status"] == 503 and r["code"] == "DatabaseUnavailable")
    first = min((r["end"] for r in records if r["status"] == 201 and r["start"] > killed), default=None)
    figures["first_201_after_restart_s"] = round(first - restarted, 2) if first else "never"
    after = [r for r in records if phase(r) == "after"]
    tail = [r for r in after if r["start"] > (first or restarted)]
    figures["after_recovery_non_201"] = sum(1 for r in tail if r["status"] != 201)
    for key, value in figures.items():
        print(f"{key}={value}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"setup": setup, "run": run, "report": report}.get(command, lambda *_: sys.exit(__doc__))(*args)
