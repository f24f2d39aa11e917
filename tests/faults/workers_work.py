#!/usr/bin/env python3
"""Work for the fault suite's part e (workers.sh), standard library only.

  workers_work.py contacts BASE_URL ADMIN_PASSWORD
      adds a township MCH contact (subdistrictStaff) to six 岳塘 townships (red alerts, digests).
  workers_work.py red BASE_URL USER_PASSWORD TODAY IDS_FILE FROM COUNT
      records a red exam (pulmonary artery pressure 60 mmHg) for the women FROM..FROM+COUNT-1 of IDS_FILE: a red alert
      each, its SMS queued for the contacts.
  workers_work.py overdue BASE_URL USER_PASSWORD TODAY COUNT IDS_FILE
      books COUNT women 60 days ago (bookingDate) in those townships, never seen since: overdue on today's list.
  workers_work.py fire BASE_URL ADMIN_PASSWORD JOB TIMES
      POSTs /api/admin/jobs/JOB TIMES times at once; prints the statuses.
"""
import datetime
import json
import sys
import threading

from exam_load import call, must, resident_id, token

TOWNSHIPS = ["430304001", "430304002", "430304004", "430304005", "430304006", "430304008"]


def contacts(base, admin_password):
    admin = token(base, "admin", admin_password)
    for i, township in enumerate(TOWNSHIPS):
        must(call(base, "POST", "/api/admin/contacts", {"divisionCode": township, "role": "subdistrictStaff",
                                                         "name": f"专干{i}（示例）", "mobile": f"1997000{i:04d}"}, admin), f"contact {township}")
    print(f"contacts: {len(TOWNSHIPS)} township contacts added")


def red(base, user_password, today, ids_file, start, count):
    worker = token(base, "fault-worker", user_password)
    ids = [line.strip() for line in open(ids_file) if line.strip()]
    chosen = ids[int(start):int(start) + int(count)]
    for pregnancy in chosen:
        body = {"examDate": today, "facilityCode": "430304-MCH", "examiner": "多进程测试",
                "measurements": {"pulmonaryArteryPressure": 60}}
        must(call(base, "POST", f"/api/pregnancies/{pregnancy}/exams", body, worker, {"Idempotency-Key": f"red-{pregnancy}"}), "red exam")
    print(f"red: {len(chosen)} red exams recorded")


def overdue(base, user_password, today, count, ids_file):
    worker = token(base, "fault-worker", user_password)
    day = datetime.date.fromisoformat(today)
    booked = day - datetime.timedelta(days=60)
    lmp = booked - datetime.timedelta(days=70)
    ids = []
    for i in range(int(count)):
        n = 5000 + i
        body = {"fullName": f"逾期{i}号（示例）", "residentId": resident_id(n), "mobile": f"1996000{i:04d}", "lmp": lmp.isoformat(),
                "bookingDate": booked.isoformat(), "divisionCode": TOWNSHIPS[i % len(TOWNSHIPS)] + "001", "address": f"{i + 1}组（示例地址）",
                "facilityCode": "430304-MCH", "healthWorker": "示例医生", "heightCm": 158, "weightKg": 52,
                "history": {"gravidity": 1, "parity": 0}, "confirmedNotDuplicate": True}
        ids.append(must(call(base, "POST", "/api/pregnancies", body, worker), f"overdue booking {i}")["id"])
    with open(ids_file, "a") as f:
        f.write("\n".join(ids) + "\n")
    print(f"overdue: {len(ids)} women booked on {booked}, not seen since")


def fire(base, admin_password, job, times):
    admin = token(base, "admin", admin_password)
    statuses = []

    def one():
        statuses.append(call(base, "POST", f"/api/admin/jobs/{job}", None, admin)[0])

    threads = [threading.Thread(target=one) for _ in range(int(times))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"job": job, "statuses": sorted(statuses)}))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"contacts": contacts, "red": red, "overdue": overdue, "fire": fire}.get(command, lambda *_: sys.exit(__doc__))(*args)
