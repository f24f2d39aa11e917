#!/usr/bin/env python3
"""Small HTTP helpers for the scale benchmark (standard library only).

  api.py bootstrap BASE_URL ADMIN_PASSWORD USER_PASSWORD TODAY
      creates the benchmark accounts through /api/admin/users and books a few synthetic women through
      POST /api/pregnancies (one per grade × purple, plus two), each with one exam, so that the database holds real
      Data Protection payloads for resident IDs and mobiles and the engine's factors JSON for every grade. The bulk
      loader (load.sql) reuses those ciphertexts and factors.
  api.py token BASE_URL USER PASSWORD
      prints a bearer token.
"""
import json
import sys
import urllib.error
import urllib.request

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

# Accounts: the role that records exams (产检) is the health worker; at the county MCH institution 430304-MCH (岳塘区)
# her scope is the whole county, so the exam load spreads over thousands of pregnancies — in another county than the
# lists measured (雨湖区 430302, 楠竹山镇 430302101), whose overdue lists the exam load must not empty.
USERS = [
    {"userName": "bench-worker", "displayName": "压测医生（岳塘区妇幼）", "role": "healthWorker", "facilityCode": "430304-MCH"},
    {"userName": "bench-township", "displayName": "压测专干（楠竹山镇）", "role": "subdistrictStaff", "divisionCode": "430302101"},
    {"userName": "bench-county", "displayName": "压测县级妇幼（雨湖区）", "role": "countyStaff", "divisionCode": "430302"},
    {"userName": "bench-city", "displayName": "压测市级妇幼（湘潭市）", "role": "cityStaff", "divisionCode": "4303"},
]

FINDINGS = {"green": [], "yellow": ["y_art"], "orange": ["o_asthma"], "red": ["r_thromboembolism"]}


def call(base, method, path, body=None, token=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        raise SystemExit(f"{method} {path} -> {e.code}: {text}") from None


def token(base, user, password):
    return call(base, "POST", "/api/auth/login", {"userName": user, "password": password})[1]["accessToken"]


def resident_id(county, birth, seq):
    first17 = f"{county}{birth}99{seq}"
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[total % 11]


def bootstrap(base, admin_password, user_password, today):
    admin = token(base, "admin", admin_password)
    for user in USERS:
        call(base, "POST", "/api/admin/users", dict(user, password=user_password), admin)
    worker = token(base, "bench-worker", user_password)
    year, month, day = (int(x) for x in today.split("-"))
    lmp = f"{year if month > 4 else year - 1}-{(month - 4 - 1) % 12 + 1:02d}-01"  # about 16 weeks ago
    cases = [(g, p) for g in ("green", "yellow", "orange", "red") for p in (False, True)] + [("green", False), ("yellow", False)]
    for i, (grade, purple) in enumerate(cases):
        body = {
            "fullName": f"压测{i}号（示例）",
            "residentId": resident_id("430302", f"199{5 + i % 5}{1 + i:02d}15", i % 5 * 2),  # 27–31 years old: no age factor
            "mobile": f"1990000{9000 + i:04d}",
            "lmp": lmp,
            "divisionCode": "430302101201",
            "address": f"{i + 1}组1号（示例地址）",
            "facilityCode": "430304-MCH",
            "healthWorker": "示例医生",
            "heightCm": 158,
            "weightKg": 52,
            "history": {"gravidity": 1, "parity": 0},
            "findings": FINDINGS[grade] + (["p_infectious"] if purple else []),
        }
        _, booked = call(base, "POST", "/api/pregnancies", body, worker)
        if booked["grade"] != grade or booked["purple"] != purple:
            raise SystemExit(f"booking {i} graded {booked['grade']}/{booked['purple']}, expected {grade}/{purple}")
        exam = {"examDate": today, "facilityCode": "430304-MCH", "examiner": "示例医生",
                "measurements": {"systolicBp": 118, "diastolicBp": 76, "hemoglobin": 121, "platelets": 210, "fetalHeartRate": 142}}
        call(base, "POST", f"/api/pregnancies/{booked['id']}/exams", exam, worker, {"Idempotency-Key": f"bench-bootstrap-{i}"})
    print(f"bootstrap: {len(USERS)} accounts, {len(cases)} women booked through the API")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "bootstrap":
        bootstrap(*args)
    elif command == "token":
        print(token(*args))
    else:
        raise SystemExit(__doc__)
