#!/usr/bin/env python3
"""Soak load for the fault suite, part g (standard library only).

  soak_load.py run BASE_URL USER_PASSWORD TODAY IDS_FILE PID RATE WARMUP_S SOAK_S OUT_DIR
      After exam_load.py setup: sends RATE requests a second, started on a fixed schedule (not closed-loop), for
      WARMUP_S + SOAK_S seconds, a realistic mix as the health worker fault-worker: lists of pregnancies, alerts and the
      overdue list, reading a record, recording an exam, booking a woman. Samples the resident set size of PID every
      10 s. Writes OUT_DIR/requests.jsonl, OUT_DIR/rss.tsv and prints the figures as KEY=VALUE lines.
An access token that expires is renewed by signing in again, and the request repeated once: that is not an error.
Any other answer than 2xx, or no answer, is an error.
"""
import json
import queue
import random
import sys
import threading
import time
import uuid

from exam_load import call, resident_id, token  # noqa: E402  (same folder)

MIX = [("list_pregnancies", 20), ("list_alerts", 10), ("overdue", 10), ("read_record", 25), ("record_exam", 25), ("book", 10)]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def run(base, user_password, today, ids_file, pid, rate, warmup_s, soak_s, out_dir):
    rate, warmup_s, soak_s = float(rate), float(warmup_s), float(soak_s)
    ids = [line.strip() for line in open(ids_file) if line.strip()]
    ids_lock = threading.Lock()
    auth = {"token": token(base, "fault-worker", user_password)}
    auth_lock = threading.Lock()
    year, month, _ = (int(x) for x in today.split("-"))
    lmp = f"{year if month > 4 else year - 1}-{(month - 4 - 1) % 12 + 1:02d}-01"
    counter = {"n": 1000}
    tickets = queue.Queue()
    results, results_lock = [], threading.Lock()
    begin = time.time()
    end = begin + warmup_s + soak_s
    names = [n for n, w in MIX for _ in range(w)]

    def request(kind, rng):
        if kind == "list_pregnancies":
            return "GET", "/api/pregnancies", None, {}
        if kind == "list_alerts":
            return "GET", "/api/alerts", None, {}
        if kind == "overdue":
            return "GET", "/api/overdue", None, {}
        with ids_lock:
            pregnancy = rng.choice(ids)
        if kind == "read_record":
            return "GET", f"/api/pregnancies/{pregnancy}", None, {}
        if kind == "record_exam":
            body = {"examDate": today, "facilityCode": "430304-MCH", "examiner": "长稳测试",
                    "measurements": {"systolicBp": rng.choice([112, 118, 124]), "diastolicBp": 76, "hemoglobin": 121, "fetalHeartRate": 142}}
            return "POST", f"/api/pregnancies/{pregnancy}/exams", body, {"Idempotency-Key": str(uuid.uuid4())}
        with ids_lock:
            counter["n"] += 1
            i = counter["n"]
        body = {"fullName": f"长稳{i}号（示例）", "residentId": resident_id(i), "mobile": f"1980{i:07d}", "lmp": lmp,
                "divisionCode": "430302101201", "address": f"{i}组（示例地址）", "facilityCode": "430304-MCH",
                "healthWorker": "示例医生", "heightCm": 158, "weightKg": 52, "history": {"gravidity": 1, "parity": 0},
                "confirmedNotDuplicate": True}
        return "POST", "/api/pregnancies", body, {"Idempotency-Key": str(uuid.uuid4())}

    def worker(n):
        rng = random.Random(n)
        while True:
            ticket = tickets.get()
            if ticket is None:
                return
            due, kind = ticket
            method, path, body, headers = request(kind, rng)
            started = time.time()
            renewed = False
            try:
                status, answer = call(base, method, path, body, auth["token"], headers, timeout=30)
                if status == 401:
                    with auth_lock:
                        auth["token"] = token(base, "fault-worker", user_password)
                    renewed = True
                    status, answer = call(base, method, path, body, auth["token"], headers, timeout=30)
            except Exception as e:  # no answer
                status, answer = 0, {"code": type(e).__name__}
            if status == 201 and kind == "book":
                with ids_lock:
                    ids.append(answer["id"])
            record = {"due": due, "start": started, "end": time.time(), "kind": kind, "status": status, "renewed": renewed,
                      "code": (answer or {}).get("code") if status >= 300 or status == 0 else None}
            with results_lock:
                results.append(record)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(32)]
    for t in threads:
        t.start()

    samples = []

    def sampler():
        while time.time() < end:
            samples.append((time.time() - begin, rss_kib(pid)))
            time.sleep(10)
        samples.append((time.time() - begin, rss_kib(pid)))

    sampling = threading.Thread(target=sampler, daemon=True)
    sampling.start()

    rng = random.Random(20261206)
    k = 0
    last_report = begin
    while True:
        due = begin + k / rate
        if due >= end:
            break
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        tickets.put((due, rng.choice(names)))
        k += 1
        if time.time() - last_report >= 60:
            last_report = time.time()
            with results_lock:
                bad = sum(1 for r in results if not 200 <= r["status"] < 300)
                done = len(results)
            print(f"[{time.strftime('%H:%M:%S')}] {int(time.time() - begin)} s: {done} answered, {bad} errors, "
                  f"RSS {samples[-1][1] // 1024 if samples else 0} MiB, queue {tickets.qsize()}", file=sys.stderr, flush=True)
    for _ in threads:
        tickets.put(None)
    for t in threads:
        t.join()
    sampling.join()

    with open(f"{out_dir}/requests.jsonl", "w") as f:
        for r in results:
            f.write(json.dumps(r) + "\n")
    with open(f"{out_dir}/rss.tsv", "w") as f:
        f.write("seconds\trss_kib\n")
        for s, kib in samples:
            f.write(f"{s:.0f}\t{kib}\n")

    soak = [kib for s, kib in samples if s >= warmup_s]
    warm = [kib for s, kib in samples if s < warmup_s]
    errors = [r for r in results if not 200 <= r["status"] < 300]
    statuses = {}
    for r in results:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    kinds = {}
    for r in results:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    latencies = sorted(r["end"] - r["start"] for r in results)
    lateness = sorted(r["start"] - r["due"] for r in results)

    def pct(values, p):
        return round(values[min(len(values) - 1, int(len(values) * p))], 3) if values else 0

    soak_max, soak_min = (max(soak), min(soak)) if soak else (0, 0)
    figures = {
        "rate_per_s": rate, "warmup_s": int(warmup_s), "soak_s": int(soak_s), "requests": len(results),
        "achieved_rate_per_s": round(len(results) / (warmup_s + soak_s), 2),
        "mix": ",".join(f"{k}:{v}" for k, v in sorted(kinds.items())),
        "statuses": ",".join(f"{k}:{v}" for k, v in sorted(statuses.items())),
        "errors": len(errors), "errors_5xx": sum(1 for r in errors if r["status"] >= 500), "no_answer": sum(1 for r in errors if r["status"] == 0),
        "error_examples": ";".join(sorted({f"{r['kind']}:{r['status']}:{r['code']}" for r in errors})[:10]) or "-",
        "token_renewals": sum(1 for r in results if r["renewed"]),
        "latency_p50_s": pct(latencies, 0.5), "latency_p99_s": pct(latencies, 0.99), "latency_max_s": pct(latencies, 1.0),
        "start_late_p99_s": pct(lateness, 0.99),
        "rss_samples_soak": len(soak), "rss_warmup_first_mib": round(warm[0] / 1024, 1) if warm else 0,
        "rss_soak_min_mib": round(soak_min / 1024, 1), "rss_soak_max_mib": round(soak_max / 1024, 1),
        "rss_soak_first_mib": round(soak[0] / 1024, 1) if soak else 0, "rss_soak_last_mib": round(soak[-1] / 1024, 1) if soak else 0,
        "rss_spread_pct": round(100 * (soak_max - soak_min) / soak_max, 1) if soak_max else 0,
    }
    for key, value in figures.items():
        print(f"{key}={value}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"run": run}.get(command, lambda *_: sys.exit(__doc__))(*args)
