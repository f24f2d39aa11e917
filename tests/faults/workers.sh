#!/usr/bin/env bash
# HighRisk fault suite, part e (issue 22 item 5e): one API process and two worker processes on one database.
# A private PostgreSQL 15 cluster with normal durability, the service published in Release and started as three OS
# processes on it: `HighRisk__Role=api` (takes the requests, only enqueues jobs) and two `HighRisk__Role=worker` (each a
# Hangfire server), SMS through the webhook provider to a local fake gateway (tests/faults/fake_gateway.py, which
# records every request with its Idempotency-Key and never hides a repeat).
# The work: 40 women booked and WORKERS_OVERDUE more booked 60 days ago and never seen since (overdue today: the daily
# run sends digests), a contact in each of their townships, and red exams for WORKERS_RED of them (a red alert each, SMS
# to its township contact) before the workers start and as many again while they run. The
# 07:00 job is made to fire many times for the same date, concurrently, by every path that starts it in production:
# both workers' start-up catch-up (they start together), each worker's Hangfire recurring schedule (the cron set to
# every minute by configuration, `Jobs__DailyOverdueCron`; the schedule is the only thing changed), and
# POST /api/admin/jobs/daily-overdue WORKERS_FIRES times at once, twice. The SMS delivery job is fired the same way.
# Checks (figures in $WORKERS_DIR/out/figures.env):
#   daily_overdue_runs holds exactly one run for today, though the job ran many times on both workers;
#   every SMS in the outbox was sent, and the gateway received each message id exactly once (no Idempotency-Key twice,
#   no message id twice), and nothing it received is missing from the outbox or the other way round;
#   both worker processes took jobs; no process died; a handful of error lines in the logs.
# Exit status 0 only when all of that holds.
#
# Usage: tests/faults/workers.sh          (about 6 minutes, 2 of them publishing)
# Settings: WORKERS_DIR=/tmp/hr-workers WORKERS_PORT=5641 (API; workers +1, +2; gateway +3) WORKERS_WATCH=150
#           WORKERS_FIRES=5 WORKERS_OVERDUE=24 WORKERS_RED=6  FAULTS_SOURCE=head|worktree
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
F="${WORKERS_DIR:-/tmp/hr-workers}"
OUT="$F/out"
SOCK=/tmp/hrw-sock
SOURCE="${FAULTS_SOURCE:-head}"
PORT="${WORKERS_PORT:-5641}"
API="http://127.0.0.1:$PORT"
GATEWAY_PORT=$((PORT + 3))
WATCH="${WORKERS_WATCH:-150}"; FIRES="${WORKERS_FIRES:-5}"; OVERDUE="${WORKERS_OVERDUE:-24}"; RED="${WORKERS_RED:-6}"
GATEWAY_PID=""
# shellcheck source=tests/faults/lib.sh
. "$HERE/lib.sh"

cleanup() {
  local status=$?
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null
  faults_cleanup
  [ $status -ne 0 ] && echo "workers.sh failed (exit $status); see $OUT/run.log" >&2
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
work() { ( cd "$HERE" && python3 workers_work.py "$@" ) | tee -a "$OUT/run.log"; }

faults_prepare
log "fault suite (e): one API and two worker processes on one database; work folder $F, source $SOURCE"
faults_publish
faults_cluster

python3 "$HERE/fake_gateway.py" "$GATEWAY_PORT" "$OUT/gateway.jsonl" &
GATEWAY_PID=$!
: > "$OUT/gateway.jsonl"
SETTINGS=(Sms__Provider=webhook "Sms__Webhook__Url=http://127.0.0.1:$GATEWAY_PORT/sms" "Sms__Webhook__Secret=workers-sh-webhook-secret-$(date +%s)-0123456789"
  "Jobs__DailyOverdueCron=* * * * *" "Jobs__SmsDeliveryCron=* * * * *")

log "starting the API process (HighRisk__Role=api) on $PORT"
faults_service api api "$PORT" "${SETTINGS[@]}"
faults_ready "$PORT" "${SERVICE_PIDS[0]}"
python3 "$HERE/exam_load.py" setup "$API" "$ADMIN_PASSWORD" "$USER_PASSWORD" "$TODAY" "$OUT/ids.txt" 40 | tee -a "$OUT/run.log"
work contacts "$API" "$ADMIN_PASSWORD"
work overdue "$API" "$USER_PASSWORD" "$TODAY" "$OVERDUE" "$OUT/overdue-ids.txt"
work red "$API" "$USER_PASSWORD" "$TODAY" "$OUT/overdue-ids.txt" 0 "$RED"
figure runs_before_workers "$(psqlq -c "SELECT count(*) FROM daily_overdue_runs")"
figure sms_before_workers "$(psqlq -c "SELECT count(*) FROM sms_messages")"

log "starting two worker processes (HighRisk__Role=worker) together on $((PORT + 1)) and $((PORT + 2))"
faults_service worker1 worker "$((PORT + 1))" "${SETTINGS[@]}"
faults_service worker2 worker "$((PORT + 2))" "${SETTINGS[@]}"
faults_ready "$((PORT + 1))" "${SERVICE_PIDS[1]}"
faults_ready "$((PORT + 2))" "${SERVICE_PIDS[2]}"
work fire "$API" "$ADMIN_PASSWORD" daily-overdue "$FIRES"
work fire "$API" "$ADMIN_PASSWORD" sms-delivery "$FIRES"

log "watching for $WATCH s: more red alerts midway, the 07:00 job fired again"
sleep $((WATCH / 2))
work red "$API" "$USER_PASSWORD" "$TODAY" "$OUT/overdue-ids.txt" "$RED" "$RED"
work fire "$API" "$ADMIN_PASSWORD" daily-overdue "$FIRES"
work fire "$API" "$ADMIN_PASSWORD" sms-delivery "$FIRES"
sleep $((WATCH - WATCH / 2))

log "waiting (120 s at most) until the outbox is empty and no daily job is left"
for _ in $(seq 1 120); do
  left="$(psqlq -c "SELECT (SELECT count(*) FROM sms_messages WHERE status IN ('Queued', 'Sending'))
                         + (SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%DailyOverdue%' AND statename NOT IN ('Succeeded', 'Deleted'))")"
  [ "$left" = 0 ] && break
  sleep 1
done
for i in 0 1 2; do kill -0 "${SERVICE_PIDS[$i]}" || { log "process ${SERVICE_PIDS[$i]} died"; exit 1; }; done

# --- figures --------------------------------------------------------------------------------------------------------
figure daily_runs_for_today "$(psqlq -c "SELECT count(*) FROM daily_overdue_runs WHERE business_date = '$TODAY'")"
figure daily_runs_total "$(psqlq -c "SELECT count(*) FROM daily_overdue_runs")"
figure daily_run_sms_queued "$(psqlq -c "SELECT coalesce(sum(sms_queued), 0) FROM daily_overdue_runs")"
# Every execution of the daily job (catch-up, recurring, by hand) and the server that ran it, from Hangfire's own states.
psqlq -c "SELECT j.id, j.invocationdata::json->>'Type', j.invocationdata::json->>'Method', j.statename,
                 (SELECT string_agg(DISTINCT s.data::json->>'ServerId', ' ') FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Processing')
          FROM hangfire.job j WHERE j.invocationdata::text LIKE '%DailyOverdue%' ORDER BY j.id" > "$OUT/daily-jobs.txt"
figure daily_job_executions "$(grep -c . "$OUT/daily-jobs.txt" || true)"
figure daily_job_executions_by "$(cut -d'|' -f2,3 "$OUT/daily-jobs.txt" | sed 's/HighRisk.Features.Overdue.//; s/, HighRisk.Web//' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
figure daily_job_servers "$(cut -d'|' -f5 "$OUT/daily-jobs.txt" | tr ' ' '\n' | grep -v '^$' | cut -d: -f1,2 | sort -u | wc -l)"
figure daily_job_states "$(cut -d'|' -f4 "$OUT/daily-jobs.txt" | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')"
figure already_done_lines "$(cat "$OUT/worker1.log" "$OUT/worker2.log" | grep -c 'was already made; nothing done' || true)"
figure servers_that_ran_jobs "$(psqlq -c "SELECT count(DISTINCT split_part(data::json->>'ServerId', ':', 1) || ':' || split_part(data::json->>'ServerId', ':', 2)) FROM hangfire.state WHERE name = 'Processing'")"
figure sms_outbox "$(psqlq -c "SELECT count(*) FROM sms_messages")"
figure sms_by_kind_status "$(psqlq -c "SELECT string_agg(kind || ':' || status || '×' || n, ' ') FROM (SELECT kind, status, count(*) n FROM sms_messages GROUP BY 1, 2 ORDER BY 1, 2) x")"
figure sms_not_sent "$(psqlq -c "SELECT count(*) FROM sms_messages WHERE status NOT IN ('Sent', 'Delivered')")"
figure red_alerts "$(psqlq -c "SELECT count(*) FROM alerts")"
figure sms_alert "$(psqlq -c "SELECT count(*) FROM sms_messages WHERE kind = 'Alert'")"
figure sms_digest "$(psqlq -c "SELECT count(*) FROM sms_messages WHERE kind = 'Digest'")"
psqlq -c "SELECT id FROM sms_messages ORDER BY id" > "$OUT/outbox-ids.txt"
python3 - "$OUT/gateway.jsonl" "$OUT/outbox-ids.txt" >> "$OUT/figures.env" <<'PY'
import json, sys
requests = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
outbox = {line.strip() for line in open(sys.argv[2]) if line.strip()}
keys = [r["key"] for r in requests]
ids = [r["messageId"] for r in requests]
print(f"gateway_requests={len(requests)}")
print(f"gateway_repeated_keys={len(keys) - len(set(keys))}")
print(f"gateway_repeated_message_ids={len(ids) - len(set(ids))}")
print(f"gateway_key_not_message_id={sum(1 for r in requests if r['key'] != r['messageId'])}")
print(f"outbox_not_at_gateway={len(outbox - set(ids))}")
print(f"gateway_not_in_outbox={len(set(ids) - outbox)}")
PY
figure log_error_lines "$(cat "$OUT"/api.log "$OUT"/worker1.log "$OUT"/worker2.log | grep -cE '^(fail|crit):' || true)"
cat "$OUT/figures.env"

# --- verdict --------------------------------------------------------------------------------------------------------
FAIL=0
for key in daily_runs_for_today daily_job_executions daily_job_servers sms_outbox sms_not_sent gateway_requests gateway_repeated_keys \
  gateway_repeated_message_ids gateway_key_not_message_id outbox_not_at_gateway gateway_not_in_outbox servers_that_ran_jobs log_error_lines red_alerts \
  sms_alert sms_digest; do
  printf -v "$key" '%s' "$(val "$key")"
done
check "the 07:00 job ran $daily_job_executions times on $daily_job_servers worker(s) and made today's run once ($daily_runs_for_today)" \
  '[ "$daily_runs_for_today" = 1 ] && [ "$daily_job_executions" -ge $((2 * FIRES + 2)) ]'
check "both worker processes took jobs ($servers_that_ran_jobs servers)" '[ "$servers_that_ran_jobs" -ge 2 ]'
check "red alerts raised ($red_alerts), their SMS queued ($sms_alert), and the daily run's digests ($sms_digest)" \
  '[ "$red_alerts" -ge $((2 * RED)) ] && [ "$sms_alert" -ge $((2 * RED)) ] && [ "$sms_digest" -gt 0 ]'
check "every SMS sent ($sms_not_sent not sent)" '[ "$sms_not_sent" = 0 ]'
check "each SMS reached the gateway exactly once ($gateway_requests requests for $sms_outbox messages; repeated keys $gateway_repeated_keys, ids $gateway_repeated_message_ids)" \
  '[ "$gateway_requests" = "$sms_outbox" ] && [ "$gateway_repeated_keys" = 0 ] && [ "$gateway_repeated_message_ids" = 0 ] && [ "$gateway_key_not_message_id" = 0 ]'
check "none lost ($outbox_not_at_gateway of the outbox never reached the gateway; $gateway_not_in_outbox unknown at the gateway)" \
  '[ "$outbox_not_at_gateway" = 0 ] && [ "$gateway_not_in_outbox" = 0 ]'
check "a handful of error lines in the three logs ($log_error_lines)" '[ "$log_error_lines" -le 5 ]'
exit $FAIL
