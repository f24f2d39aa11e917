#!/usr/bin/env python3
"""Work and figures for the fault suite's part d as a real process kill (worker_kill.sh), standard library only.

  worker_kill.py contact BASE_URL ADMIN_PASSWORD DIVISION MOBILE
      adds a township MCH contact (subdistrictStaff) for DIVISION: the red alerts of the women there are sent to it.
  worker_kill.py report GATEWAY_LOG MESSAGES_FILE CLAIMED_FILE KILLED_AT RESTARTED_AT TIMEOUT_SECONDS
      prints the round's figures as KEY=VALUE lines. MESSAGES_FILE: the round's outbox rows, one a line,
      "id|status|kind|created_at epoch|sent_at epoch"; CLAIMED_FILE: "id|claimed at epoch" of the messages left "Sending"
      by the killed worker. The message the gateway held ("held": true) is the one taken before the kill. A handset gets
      one SMS for each message the gateway took for the first time (webhook: per Idempotency-Key, which the receiver
      de-duplicates on) or for each SendSms (Alibaba Cloud does not de-duplicate: a repeated OutId is a second SMS).
"""
import json
import sys
import uuid

from exam_load import call, must, token


def contact(base, admin_password, division, mobile):
    admin = token(base, "admin", admin_password)
    must(call(base, "POST", "/api/admin/contacts", {"divisionCode": division, "role": "subdistrictStaff",
                                                     "name": "故障专干（示例）", "mobile": mobile}, admin), f"contact {division}")
    print(f"contact: township contact for {division}")


def norm(value):
    try:
        return uuid.UUID(value).hex
    except (TypeError, ValueError):
        return str(value)


def report(gateway_log, messages_file, claimed_file, killed_at, restarted_at, timeout_seconds):
    killed_at, restarted_at, timeout = float(killed_at), float(restarted_at), float(timeout_seconds)
    rows = [line.strip().split("|") for line in open(messages_file) if line.strip()]
    claimed = {norm(r[0]): float(r[1]) for r in (line.strip().split("|") for line in open(claimed_file) if line.strip())}
    messages = {norm(r[0]): r for r in rows}
    entries = [json.loads(line) for line in open(gateway_log) if line.strip()]
    sends = [e for e in entries if e.get("action", "SendSms") == "SendSms" and "key" in e]
    lookups = [e for e in entries if e.get("action") == "QuerySendDetails"]
    aliyun = any("action" in e for e in entries)
    handset = {}
    for e in sends:
        mid = norm(e["messageId"])
        if aliyun or not e["repeat"]:
            handset[mid] = handset.get(mid, 0) + 1
    held = [norm(e["messageId"]) for e in sends if e.get("held")]
    taken = held[0] if held else "none"
    ours = set(messages)
    out = {
        "messages": len(messages),
        "taken": taken,
        "taken_status": messages[taken][1] if taken in messages else "not in the round",
        "claimed_at_kill": len(claimed),
        "claimed_at_kill_not_in_round": len(set(claimed) - set(messages)),
        "resent_before_timeout": sum(1 for e in sends if norm(e["messageId"]) in claimed and killed_at <= e["at"] < claimed[norm(e["messageId"])] + timeout),
        "messages_by_status": " ".join(f"{s}×{n}" for s, n in sorted(_count(r[1] for r in rows).items())),
        "gateway_sends": len(sends),
        "gateway_sends_before_kill": sum(1 for e in sends if e["at"] < killed_at),
        "gateway_sends_after_restart": sum(1 for e in sends if e["at"] >= restarted_at),
        "gateway_repeated_ids": sum(1 for e in sends if e["repeat"]),
        "gateway_repeated_ids_other_than_taken": sum(1 for e in sends if e["repeat"] and norm(e["messageId"]) != taken),
        "gateway_key_not_message_id": sum(1 for e in sends if not aliyun and norm(e["key"]) != norm(e["messageId"])),
        "taken_sent_again": sum(1 for e in sends if norm(e["messageId"]) == taken and e["at"] >= killed_at),
        "lookups": len(lookups),
        "lookups_found_taken": sum(1 for e in lookups if taken in e["found"]),
        "handset_once": sum(1 for m in ours if handset.get(m, 0) == 1),
        "handset_duplicates": sum(max(0, handset.get(m, 0) - 1) for m in ours),
        "lost": sum(1 for m in ours if handset.get(m, 0) == 0),
        "unknown_at_gateway": len(set(handset) - ours),
        "not_sent": sum(1 for r in rows if r[1] not in ("Sent", "Delivered")),
    }
    sent_at = [float(r[4]) for r in rows if r[4]]
    out["all_sent_s_after_kill"] = f"{max(sent_at) - killed_at:.0f}" if sent_at and out["not_sent"] == 0 else "never"
    first_after = min((e["at"] for e in sends if e["at"] >= restarted_at), default=None)
    out["first_send_s_after_restart"] = f"{first_after - restarted_at:.0f}" if first_after else "never"
    for key, value in out.items():
        print(f"{key}={value}")


def _count(values):
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts


if __name__ == "__main__":
    command, rest = sys.argv[1], sys.argv[2:]
    {"contact": contact, "report": report}.get(command, lambda *_: sys.exit(__doc__))(*rest)
