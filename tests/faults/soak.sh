#!/usr/bin/env bash
# HighRisk fault suite, part g (issue 22 item 5g): a soak at a fixed request rate.
# A private PostgreSQL 15 cluster with normal durability, the service published in Release and run as one process (API
# and worker, as the single-host deployment runs it), 40 women booked, then SOAK_RATE requests a second started on a
# fixed schedule (tests/faults/soak_load.py: lists of pregnancies, alerts and the overdue list, reading a record,
# recording an exam, booking a woman) for SOAK_WARMUP_SECONDS of warm-up and SOAK_MINUTES of soak. The service's
# resident set size (VmRSS) is sampled every 10 s.
# Passes (exit 0) when, after the warm-up, (max − min) / max of the RSS ≤ 10 % and no request failed (every answer 2xx;
# an expired access token renewed by signing in again is not a failure). Figures: $SOAK_DIR/out/figures.env, the RSS
# curve in out/rss.tsv, each request in out/requests.jsonl, the service's log in out/service.log.
#
# Usage: tests/faults/soak.sh            (SOAK_MINUTES=30: about 35 minutes)
# Settings: SOAK_MINUTES=30 SOAK_RATE=20 SOAK_WARMUP_SECONDS=180 SOAK_DIR=/tmp/hr-soak SOAK_PORT=5631
#           FAULTS_SOURCE=head|worktree (build the committed HEAD, the default, or the work tree)
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
F="${SOAK_DIR:-/tmp/hr-soak}"
OUT="$F/out"
SOCK=/tmp/hrs-sock
SOURCE="${FAULTS_SOURCE:-head}"
PORT="${SOAK_PORT:-5631}"
URL="http://127.0.0.1:$PORT"
MINUTES="${SOAK_MINUTES:-30}"; RATE="${SOAK_RATE:-20}"; WARMUP="${SOAK_WARMUP_SECONDS:-180}"
# shellcheck source=tests/faults/lib.sh
. "$HERE/lib.sh"

cleanup() { local status=$?; faults_cleanup; [ $status -ne 0 ] && echo "soak.sh failed (exit $status); see $OUT/run.log" >&2; exit $status; }
trap cleanup EXIT
trap 'exit 130' INT TERM

faults_prepare
log "fault suite (g): soak at $RATE requests/s, $WARMUP s warm-up and $MINUTES min; work folder $F, source $SOURCE"
faults_publish
faults_cluster
faults_service service all "$PORT"
SERVICE_PID="${SERVICE_PIDS[0]}"
faults_ready "$PORT" "$SERVICE_PID"
python3 "$HERE/exam_load.py" setup "$URL" "$ADMIN_PASSWORD" "$USER_PASSWORD" "$TODAY" "$OUT/ids.txt" 40 | tee -a "$OUT/run.log"

log "load: $RATE/s for $WARMUP s + $MINUTES min; RSS of process $SERVICE_PID every 10 s"
( cd "$HERE" && python3 soak_load.py run "$URL" "$USER_PASSWORD" "$TODAY" "$OUT/ids.txt" "$SERVICE_PID" "$RATE" "$WARMUP" "$((MINUTES * 60))" "$OUT" ) \
  >> "$OUT/figures.env" 2> >(tee -a "$OUT/run.log" >&2)
kill -0 "$SERVICE_PID" || { log "the service process died"; exit 1; }
figure log_error_lines "$(grep -cE '^(fail|crit):' "$OUT/service.log" || true)"
figure db_size_mib "$(psqlq -c "SELECT pg_database_size('highrisk') / 1048576")"
cat "$OUT/figures.env"

FAIL=0
requests="$(val requests)"; errors="$(val errors)"; spread="$(val rss_spread_pct)"
check "requests answered ($requests at $(val achieved_rate_per_s)/s), none failed ($errors errors: $(val error_examples))" \
  '[ "$requests" -gt 0 ] && [ "$errors" = 0 ]'
check "memory flat after the warm-up: RSS $(val rss_soak_min_mib)–$(val rss_soak_max_mib) MiB, spread $spread % (≤ 10 %)" \
  'python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 10 else 1)" "$spread"'
exit $FAIL
