#!/usr/bin/env bash
# HighRisk fault suite, part a (issue 22 item 5a): PostgreSQL killed with SIGKILL under exam load and restarted.
# A private PostgreSQL 15 cluster under /tmp with normal durability (fsync and synchronous_commit on), the service
# published in Release and run as one process (API and worker), a health worker recording exams from several threads;
# after FAULTS_BEFORE seconds every process of the cluster is killed with SIGKILL, FAULTS_OUTAGE seconds later it is
# started again (crash recovery), and the load goes on for FAULTS_AFTER seconds against the same service process.
# Checks, and prints as figures (also $FAULTS_DIR/out/figures.env):
#   every exam the service acknowledged (201) is in the database afterwards (acknowledged_missing=0);
#   every request made while the database was down answered 503 with code DatabaseUnavailable (no other 5xx, no
#   request without an answer); the same service process answers 201 again once the database is back, by itself;
#   the log says "Database unavailable" once and "Database available again" once for the outage, and has at most 5
#   error lines in all (EF Core's own line per failed request is at Debug; Hangfire's worker may log one or two).
# Exit status 0 only when all of that holds.
#
# Usage: tests/faults/run.sh                  (about 3 minutes on 2 cores, most of it publishing)
# Settings (environment):
#   FAULTS_DIR=/tmp/hr-faults   work folder; removed at the end except out/
#   FAULTS_SOURCE=head|worktree build the committed HEAD (default) or the work tree
#   FAULTS_APP=folder           run a service published before (dotnet publish src/HighRisk.Web -c Release -o folder)
#   FAULTS_PORT=5098            the service
#   FAULTS_BEFORE=10 FAULTS_OUTAGE=10 FAULTS_AFTER=20   seconds of each phase;  FAULTS_THREADS=8  FAULTS_WOMEN=40
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
F="${FAULTS_DIR:-/tmp/hr-faults}"
OUT="$F/out"
SOCK=/tmp/hrf-sock                       # short: unix socket paths are limited to 107 bytes
PORT="${FAULTS_PORT:-5098}"
URL="http://127.0.0.1:$PORT"
BEFORE="${FAULTS_BEFORE:-10}"; OUTAGE="${FAULTS_OUTAGE:-10}"; AFTER="${FAULTS_AFTER:-20}"
THREADS="${FAULTS_THREADS:-8}"; WOMEN="${FAULTS_WOMEN:-40}"
SOURCE="${FAULTS_SOURCE:-head}"
LOAD_PID=""
# shellcheck source=tests/faults/lib.sh
. "$HERE/lib.sh"

cleanup() {
  local status=$?
  set +e
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null
  faults_cleanup
  [ $status -ne 0 ] && echo "run.sh failed (exit $status); see $OUT/run.log and $OUT/service.log" >&2
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

faults_prepare
log "fault suite (a): PostgreSQL SIGKILL under exam load; work folder $F, source $SOURCE"
faults_publish
faults_cluster

# --- the service: one process, API and worker ----------------------------------------------------------------------
faults_service service all "$PORT"
SERVICE_PID="${SERVICE_PIDS[0]}"
faults_ready "$PORT" "$SERVICE_PID"
python3 "$HERE/exam_load.py" setup "$URL" "$ADMIN_PASSWORD" "$USER_PASSWORD" "$TODAY" "$OUT/ids.txt" "$WOMEN" | tee -a "$OUT/run.log"

# --- load, kill, restart -------------------------------------------------------------------------------------------
log "exam load: $THREADS threads for $((BEFORE + OUTAGE + AFTER)) s"
python3 "$HERE/exam_load.py" run "$URL" "$USER_PASSWORD" "$TODAY" "$OUT/ids.txt" "$((BEFORE + OUTAGE + AFTER + 5))" "$THREADS" "$OUT/results.jsonl" >> "$OUT/run.log" &
LOAD_PID=$!
sleep "$BEFORE"
POSTMASTER=$(head -1 "$F/pg/data/postmaster.pid")
CHILDREN=$(cat "/proc/$POSTMASTER/task/$POSTMASTER/children" 2>/dev/null || true)
log "SIGKILL to the postmaster ($POSTMASTER) and its processes ($(echo "$CHILDREN" | wc -w))"
KILLED_AT=$(date +%s.%N)
# shellcheck disable=SC2086
kill -9 "$POSTMASTER" $CHILDREN
sleep "$OUTAGE"
ready="$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready")"
figure ready_during_outage "$ready"
log "restarting PostgreSQL (crash recovery); /health/ready answered $ready during the outage"
rm -f "$F/pg/data/postmaster.pid"
pg_start
RESTARTED_AT=$(date +%s.%N)
wait "$LOAD_PID"; LOAD_PID=""
kill -0 "$SERVICE_PID" || { log "the service process died"; exit 1; }
figure ready_after "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready")"

# --- what was acknowledged, and what the database holds -------------------------------------------------------------
python3 - "$OUT/results.jsonl" > "$OUT/acknowledged.txt" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["status"] == 201:
        print(r["examId"])
PY
psqlq -c "CREATE TEMP TABLE acked (id uuid)" -c "\\copy acked FROM '$OUT/acknowledged.txt'" \
  -c "SELECT a.id FROM acked a JOIN exams e ON e.id = a.id" > "$OUT/found.txt"
python3 "$HERE/exam_load.py" report "$OUT/results.jsonl" "$KILLED_AT" "$RESTARTED_AT" "$OUT/found.txt" >> "$OUT/figures.env"
figure log_database_unavailable "$(grep -c 'Database unavailable' "$OUT/service.log" || true)"
figure log_database_available_again "$(grep -c 'Database available again' "$OUT/service.log" || true)"
figure log_unhandled "$(grep -c 'Unhandled exception' "$OUT/service.log" || true)"
figure log_error_lines "$(grep -cE '^(fail|crit):' "$OUT/service.log" || true)"
cat "$OUT/figures.env"

# --- verdict -------------------------------------------------------------------------------------------------------
for key in acknowledged acknowledged_missing outage_requests outage_statuses outage_503_with_code first_201_after_restart_s \
  after_recovery_non_201 ready_during_outage ready_after log_database_unavailable log_database_available_again log_error_lines; do
  printf -v "$key" '%s' "$(val "$key")"
done
others=0
for phase in before outage edge after; do others=$((others + $(val "${phase}_5xx_not_503") + $(val "${phase}_no_answer"))); done
FAIL=0
check "every acknowledged exam survived ($acknowledged acknowledged, $acknowledged_missing missing)" '[ "$acknowledged" -gt 0 ] && [ "$acknowledged_missing" = 0 ]'
check "every request during the outage answered 503 DatabaseUnavailable ($outage_statuses)" \
  '[ "$outage_requests" -gt 0 ] && [ "$outage_503_with_code" = "$outage_requests" ]'
check "no other 5xx and no unanswered request in any phase ($others)" '[ "$others" = 0 ]'
check "the same service process answers 201 again by itself (first after ${first_201_after_restart_s} s), and only 201 after that" \
  '[ "$first_201_after_restart_s" != never ] && [ "$after_recovery_non_201" = 0 ]'
check "not ready during the outage ($ready_during_outage), ready after ($ready_after)" '[ "$ready_during_outage" = 503 ] && [ "$ready_after" = 200 ]'
check "one log line when the outage began, one when it ended" '[ "$log_database_unavailable" = 1 ] && [ "$log_database_available_again" = 1 ]'
check "a handful of error lines in the whole log, not one per request ($log_error_lines)" '[ "$log_error_lines" -le 5 ]'
exit $FAIL
